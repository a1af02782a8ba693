"""API contract tests: schemathesis generates requests from the OpenAPI schema (valid and
invalid ones) and checks every answer against it; none may be a server error. The examples
are bounded so the suite stays fast; the workers run the fake checker.

The app's lifespan (and so its worker) starts with the first generated request, not when the
module is collected, and stops when the module's tests are done.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from batch_fakes import FakeFactory
from hypothesis import HealthCheck, Phase, settings
from schemathesis.python import asgi

from validator.server import ServerSettings, create_app

from .helpers import FAKE_CATALOGUE

app = create_app(ServerSettings(data_dir=Path(tempfile.mkdtemp(prefix="validator-contract-")),
                                jobs=1, timeout=10, max_check_files=3, max_files=5,
                                max_request_bytes=256 * 1024, check_wait=20),
                 FakeFactory(), FAKE_CATALOGUE)
# A well-formed upload may still be refused for what only its content shows: a format no
# reader knows (415) or the server's size and count limits (413, which may also come before
# a malformed part is noticed). Both answers are in the schema; server errors stay failures.
# A file's content is any bytes, so a "wrongly typed" file part (the text `true`) is still a
# file: the negative-data check cannot judge upload bodies.
CONFIG = schemathesis.config.SchemathesisConfig.from_dict({
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "413", "415", "429"]},
        "negative_data_rejection": {
            "expected-statuses": ["400", "401", "403", "404", "405", "406", "409", "413", "415",
                                  "422", "428", "429"]},
    },
    "operations": [{"include-method": "POST",
                    "checks": {"negative_data_rejection": {"enabled": False}}}],
})
schema = schemathesis.openapi.from_dict(app.openapi(), config=CONFIG)
schema.app = app


@pytest.fixture(scope="module", autouse=True)
def stop_the_app() -> Iterator[None]:
    yield
    asgi.shutdown_lifespans()
    shutil.rmtree(app.state.settings.data_dir, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=12, deadline=None, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()
