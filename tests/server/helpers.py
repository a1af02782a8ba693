"""What the server tests share: the fake rule catalogue, multipart uploads, waiting."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from batch_fakes import FAKE_RULES
from fastapi.testclient import TestClient

from validator.report.formatters.base import RuleInfo
from validator.server.service import RuleCatalogue

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"

FAKE_CATALOGUE = RuleCatalogue("fake-1", tuple(
    RuleInfo(id=rule_id, title_vi=f"Quy tắc {rule_id}", title_en=f"Rule {rule_id}",
             severity=severity, source="fake")  # type: ignore[arg-type]
    for rule_id, severity in FAKE_RULES))


def upload(*files: tuple[str, bytes | str]) -> list[tuple[str, tuple[str, bytes]]]:
    """The `files=` of a multipart request: (name, content) pairs under the field `files`."""
    return [("files", (name, content.encode() if isinstance(content, str) else content))
            for name, content in files]


def wait_done(client: TestClient, job_id: str, seconds: float = 60.0,
              headers: dict[str, str] | None = None) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        state = client.get(f"/api/v1/jobs/{job_id}", headers=headers).json()
        if state["status"] == "done" or time.monotonic() > deadline:
            return state
        time.sleep(0.1)
