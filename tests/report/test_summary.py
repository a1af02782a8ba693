from __future__ import annotations

import pytest

from validator.model import DocumentReport
from validator.report.summary import Tally


def _tally(*docs: DocumentReport) -> Tally:
    tally = Tally()
    for doc in docs:
        tally.add(doc)
    return tally


@pytest.mark.parametrize(
    ("picked", "fail_on", "status"),
    [
        ([0], "error", 0),  # compliant, with a failed warning
        ([0], "warning", 1),
        ([3], "warning", 0),
        ([1], "error", 1),
        ([1], "never", 0),
        ([0, 2], "error", 3),
        ([1, 2], "error", 3),  # unreadable wins over non-compliant
        ([1, 2], "never", 3),
        ([], "error", 0),
    ],
)
def test_exit_status(docs, picked: list[int], fail_on, status: int) -> None:
    assert _tally(*(docs[i] for i in picked)).exit_status(fail_on) == status


def test_counts(docs) -> None:
    summary = _tally(*docs).summary
    assert summary.model_dump() == {"documents": 4, "compliant": 1, "non_compliant": 1,
                                    "not_applicable": 1, "error": 1, "dossiers": [],
                                    "complete": True}
