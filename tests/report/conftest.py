"""Reports of every kind for the formatter tests, built by hand from the model."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest

from validator.model import (
    DocumentReport,
    Evidence,
    Located,
    Messages,
    Metadata,
    PackInfo,
    ReadingNote,
    RuleResult,
    Severity,
    Status,
    Tool,
)
from validator.read.errors import document_error
from validator.report import write_report
from validator.report.formatters import FORMATTERS
from validator.report.formatters.base import RuleInfo, RunInfo

# An evidence quote a hostile submission could carry: markup, a control character.
HOSTILE = 'Điều 3. <script>alert("x")</script> & <b>Trưởng ban</b>\x0c'

RULES = (
    RuleInfo("CV3036-03", "Thành phần Ban Chỉ đạo", "Committee composition", "error",
             "Công văn 3036/BHXH-BT, điểm 2"),
    RuleInfo("CV3036-02", "Hợp nhất hai Ban Chỉ đạo", "Merges the former committees", "warning",
             "Công văn 3036/BHXH-BT, điểm 2"),
    RuleInfo("ND30-04", "Địa danh và thời gian", "Place and date", "info",
             "Nghị định 30/2020/NĐ-CP"),
)


def result(rule: RuleInfo, status: Status, *evidence: Evidence,
           looked_in: str | None = None, problems: tuple[Messages, ...] = (),
           more: int = 0) -> RuleResult:
    severity: Severity = rule.severity
    vi = f"{rule.title_vi}: {'có' if status == 'pass' else 'thiếu'}"
    en = f"{rule.title_en}: {'present' if status == 'pass' else 'missing'}"
    return RuleResult(
        rule_id=rule.id,
        status=status,
        severity=severity,
        title=Messages(vi=rule.title_vi, en=rule.title_en),
        message=vi,
        messages=Messages(vi=vi, en=en),
        evidence=evidence,
        more_evidence=more,
        problems=problems,
        looked_in=looked_in,
        source=rule.source,
    )


NO_DEPUTY = Messages(vi="Danh sách thành viên không có Phó Trưởng ban.",
                     en="The member list has no deputy head.")
NO_POSITION = Messages(vi="Thành viên «Trần Văn Ba» không ghi chức vụ.",
                       en="Member «Trần Văn Ba» has no position.")


def _metadata(issuer: str, number: str, date: dt.date) -> Metadata:
    return Metadata(issuer=Located(text=issuer, page=1, line=1), number=number,
                    symbol="QĐ-UBND", date=date,
                    summary=Located(text="Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách "
                                         "BHXH, BHYT", page=1, line=6))


def documents() -> list[DocumentReport]:
    composition, merge, date = RULES
    return [
        DocumentReport(
            path="a/qd-tinh.pdf", sha256="a" * 64, verdict="compliant", doc_type="decision",
            level="province",
            results=[
                result(composition, "pass", Evidence(text="Trưởng ban: Ông A", page=2, line=5)),
                result(merge, "fail", looked_in="Điều 1"),
                result(date, "not_applicable"),
            ],
        ),
        DocumentReport(
            path="b/qd xã <x>.docx", sha256="b" * 64, verdict="non_compliant",
            doc_type="combined", level="commune",
            metadata=_metadata("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "57", dt.date(2023, 10, 5)),
            scanned_pages=[1], ocr_confidence={1: 71.5},
            notes=[ReadingNote(code="ocr_low_confidence", page=3,
                               message="Trang đọc bằng nhận dạng chữ có độ tin cậy thấp.",
                               message_en="Page read by OCR with low confidence.")],
            dossier="b",
            results=[
                result(composition, "fail", Evidence(text=HOSTILE, page=1, line=12),
                       Evidence(text="Thành viên", page=3, line=4, low_confidence=True),
                       looked_in="Điều 2", problems=(NO_DEPUTY, NO_POSITION), more=5),
                result(merge, "pass", Evidence(text="hợp nhất", page=1, line=9)),
                result(date, "fail"),
            ],
        ),
        DocumentReport(path="c/hong.pdf", verdict="error", error=document_error("corrupt")),
        DocumentReport(
            path="d/cong-van.txt", sha256="d" * 64, verdict="not_applicable", doc_type="other",
            level="unknown",
            results=[result(r, "not_applicable") for r in RULES[:2]] + [result(date, "pass")],
        ),
    ]


@pytest.fixture
def docs() -> list[DocumentReport]:
    return documents()


TOOL = Tool(name="validator", version="0.1.0",
            packs=(PackInfo(name="cv3036", version="0a1b2c3d4e5f"),), settings="validator.toml")
CHECKED_AT = dt.datetime(2025, 11, 3, 9, 5)


@pytest.fixture(params=["vi", "en"])
def run_info(request: pytest.FixtureRequest) -> RunInfo:
    return RunInfo(tool=TOOL, rules=RULES, lang=request.param, checked_at=CHECKED_AT)


@pytest.fixture
def run_vi() -> RunInfo:
    return RunInfo(tool=TOOL, rules=RULES, lang="vi", checked_at=CHECKED_AT)


@pytest.fixture
def run_en() -> RunInfo:
    return RunInfo(tool=TOOL, rules=RULES, lang="en", checked_at=CHECKED_AT)


@pytest.fixture
def render() -> Callable[[str, list[DocumentReport], RunInfo], str]:
    """Runs a format over reports the way the CLI does; returns what it wrote."""

    def run(name: str, docs: list[DocumentReport], info: RunInfo) -> str:
        out = io.StringIO()
        write_report(docs, FORMATTERS[name](out, info))
        return out.getvalue()

    return run


@pytest.fixture
def render_bytes() -> Callable[[str, list[DocumentReport], RunInfo], bytes]:
    """The same for a binary format (XLSX)."""

    def run(name: str, docs: list[DocumentReport], info: RunInfo) -> bytes:
        out = io.BytesIO()
        write_report(docs, FORMATTERS[name](out, info))
        return out.getvalue()

    return run


@pytest.fixture
def hostile() -> str:
    return HOSTILE
