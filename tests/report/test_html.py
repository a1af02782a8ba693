from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from validator.model import DocumentReport, DossierSummary, Summary
from validator.report.formatters.html import HtmlFormatter

CHROMIUM = "/usr/bin/chromium"
# English words of the model's enumerations that must not reach a Vietnamese page.
ENUM_WORDS = re.compile(r"\b(non_compliant|not_applicable|compliant|decision|regulation|"
                        r"combined|province|district|commune|pass|fail|warning|info)\b")


class _Page(HTMLParser):
    """Tags, attributes and visible text of a page; per document section, the classes of the
    rows of its findings table and the text of its folded parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.sections: dict[str, dict[str, list[str]]] = {}
        self._in_style = False
        self._section: str | None = None
        self._table: str | None = None
        self._details = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        self._in_style = tag == "style"
        found = dict(attrs)
        if tag == "section":
            self._section = found.get("id")
            self.sections[self._section or ""] = {"rows": [], "folded": [],
                                                  "class": [found.get("class") or ""]}
        elif tag == "table":
            self._table = found.get("class")
        elif tag == "details":
            self._details += 1
        elif (tag == "tr" and self._section and self._table == "f" and not self._details
              and found.get("class")):
            self.sections[self._section]["rows"].append(found["class"] or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag == "section":
            self._section = None
        elif tag == "details":
            self._details -= 1
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)
            if self._section and self._details:
                self.sections[self._section]["folded"].append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def _reordered(doc: DocumentReport) -> DocumentReport:
    """The non-compliant document with a note, a point to check and the error in pack order."""
    note, passed, error = doc.results[2], doc.results[1], doc.results[0]
    warning = passed.model_copy(update={"status": "fail"})
    return doc.model_copy(update={"results": [note, warning, error]})


def test_html_is_self_contained_and_escapes_document_text(docs, run_vi, render, hostile):
    page = _parse(render("html", docs, run_vi))
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not any(v and v.startswith(("http:", "https:", "//")) for _, v in page.attributes)
    # no style attribute: the web pages show the same sections under a policy that forbids them
    assert not any(name == "style" for name, _ in page.attributes)
    text = "".join(page.text)
    # the quote is shown as text (the control character replaced), not interpreted
    assert hostile.replace("\x0c", "\ufffd") in text
    assert "b/qd xã <x>.docx" in text


def test_summary_table_leads_with_what_needs_action(docs, run_vi, render) -> None:
    page = render("html", docs, run_vi)
    summary = page.split('<table id="summary" class="summary">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<tr class="v-(\w+)">(.*?)</tr>', summary, re.S)
    assert [verdict for verdict, _ in rows] == [
        "non_compliant", "error", "compliant", "not_applicable"]
    bad = rows[0][1]
    assert 'href="#doc-2"' in bad  # anchors keep the path order
    for cell in ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "57/QĐ-UBND", "05/10/2023", "Cấp xã",
                 "Không đạt", "CV3036-03 Thành phần Ban Chỉ đạo"):
        assert cell in bad
    assert "ND30-04" not in bad  # a note is never among the defects
    assert "Tệp bị hỏng" in rows[1][1]  # why an unreadable document was not read
    assert "Tổng cộng 4 văn bản" in page


def test_each_document_starts_with_its_defects_and_folds_the_rest(docs, run_vi, render):
    page = _parse(render("html", [_reordered(docs[1]), docs[0]], run_vi))
    bad, good = page.sections["doc-1"], page.sections["doc-2"]
    assert bad["rows"] == ["fail s-error", "fail s-warning", "fail s-info"]
    assert good["rows"] == ["fail s-warning"]
    folded = "".join(good["folded"])
    assert "CV3036-03" in folded and "1 quy tắc đạt" in folded
    assert "1 quy tắc không áp dụng" in folded and "ND30-04" in folded


def test_a_defect_shows_its_parts_evidence_and_reading_notes(docs, run_vi, render) -> None:
    page = render("html", docs, run_vi)
    section = page.split('<section id="doc-2"', 1)[1].split("</section>", 1)[0]
    text = "".join(_parse(section).text)
    assert "Danh sách thành viên không có Phó Trưởng ban." in text
    assert "Thành viên «Trần Văn Ba» không ghi chức vụ." in text
    assert "trang 1, dòng 12" in text and "… và 5 dòng nữa" in text
    assert "(nhận dạng chữ kém tin cậy)" in text
    assert "Đã tìm trong: Điều 2" in text
    assert "Trang 3: Trang đọc bằng nhận dạng chữ có độ tin cậy thấp." in text
    assert "trang 1: 72%" in text  # OCR confidence
    assert "Hồ sơ" in text and "Quyết định kèm Quy chế · Cấp xã" in text
    assert "Phải sửa" in text and "Ghi chú" in text


def test_the_run_is_named_with_its_date_tool_and_rule_packs(docs, run_vi, render) -> None:
    text = "".join(_parse(render("html", docs, run_vi)).text)
    assert "Kiểm tra lúc 03/11/2025 09:05" in text
    assert "validator 0.1.0" in text and "cv3036 (0a1b2c3d4e5f)" in text
    assert "Tệp cấu hình: validator.toml" in text


def test_vietnamese_page_has_no_english_enum_values(docs, run_vi, render) -> None:
    text = "".join(_parse(render("html", docs, run_vi)).text)
    assert ENUM_WORDS.findall(text) == []


def test_html_in_english(docs, render, run_en) -> None:
    page = render("html", docs, run_en)
    assert '<html lang="en">' in page
    text = "".join(_parse(page).text)
    assert "4 documents: 1 compliant" in text and "Looked in: Điều 2" in text
    assert "To fix" in text and "Non-compliant" in text and "Checked 2025-11-03 09:05" in text
    assert "Phải sửa" not in text and "Không đạt" not in text


def test_dossiers_get_their_own_table(docs, run_vi) -> None:
    out = io.StringIO()
    formatter = HtmlFormatter(out, run_vi)
    formatter.start()
    for doc in docs:
        formatter.document(doc)
    formatter.finish(Summary(documents=4, dossiers=[DossierSummary(
        id="b", verdict="non_compliant", documents=["b/qd xã <x>.docx"], message="thiếu Quy chế")]))
    page = out.getvalue()
    dossiers = page.split('<table id="dossiers">', 1)[1].split("</table>", 1)[0]
    assert "thiếu Quy chế" in dossiers and "Không đạt" in dossiers
    head = page.split('<table id="summary" class="summary">', 1)[1].split("</thead>")[0]
    assert "<th>Hồ sơ</th>" in head


def test_a_print_stylesheet(docs, run_vi, render) -> None:
    assert "@media print" in render("html", docs, run_vi)


@pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
                    reason="Debian chromium is not installed")
def test_html_renders_in_headless_chromium(docs, run_vi, render, hostile, tmp_path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render("html", [docs[0], _reordered(docs[1]), *docs[2:]], run_vi),
                    encoding="utf-8")
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    rendered = _parse(dom)
    text = "".join(rendered.text)
    assert 'id="summary"' in dom and "Tổng cộng 4 văn bản" in text
    assert "script" not in rendered.tags  # the quote did not become an element
    assert '<script>alert("x")</script>' in text
    assert hostile.split("<script>")[0] in text
    non_compliant = [s for s in rendered.sections.values() if "v-non_compliant" in s["class"][0]]
    assert non_compliant and all(s["rows"][0] == "fail s-error" for s in non_compliant)
