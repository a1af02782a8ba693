"""A server app on a temporary data folder, with the fake checker of tests/test_batch.py (the
file's words say the verdict) in real spawned workers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from batch_fakes import FakeFactory
from fastapi.testclient import TestClient

from validator.server import ServerSettings, create_app

from .helpers import FAKE_CATALOGUE

ClientMaker = Callable[..., TestClient]


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[ClientMaker]:
    """`make_client(factory=None, **settings)`: a started TestClient over an app with the
    fake checker; its lifespan ends (the workers stop) when the test ends, or at `.__exit__`."""
    open_clients: list[TestClient] = []

    def make(factory: Any = None, **values: Any) -> TestClient:
        values.setdefault("data_dir", tmp_path / "data")
        values.setdefault("jobs", 1)
        values.setdefault("timeout", 30.0)
        app = create_app(ServerSettings(**values), factory or FakeFactory(), FAKE_CATALOGUE)
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        open_clients.append(client)
        return client

    yield make
    for client in reversed(open_clients):
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: ClientMaker) -> TestClient:
    return make_client()
