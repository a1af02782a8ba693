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


def test_statistics_count_documents_per_rule_errors_first(docs, run_vi) -> None:
    from validator.report.summary import statistics_text

    tally = _tally(*docs)
    lines = statistics_text(tally, run_vi.rules, "vi").splitlines()
    assert [line.split()[0] for line in lines] == ["CV3036-03", "CV3036-02", "ND30-04"]
    assert lines[0].split()[1:4] == ["Phải", "sửa", "1"]
    assert "1 văn bản" in lines[0] and lines[0].endswith("Thành phần Ban Chỉ đạo")


def test_totals_in_words(docs) -> None:
    from validator.report.summary import totals_text

    summary = _tally(*docs).summary
    assert totals_text(summary, "vi") == (
        "Tổng cộng 4 văn bản: 1 đạt, 1 không đạt, 1 không áp dụng, 1 không đọc được.")
    assert totals_text(_tally(docs[0]).summary, "en").startswith("1 document: 1 compliant")
