from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"


class _Page(HTMLParser):
    """Tags, attributes and visible text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_html_is_self_contained_and_escapes_document_text(docs, run_vi, render, hostile):
    page = _parse(render("html", docs, run_vi))
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not any(v and v.startswith(("http:", "https:", "//")) for _, v in page.attributes)
    text = "".join(page.text)
    # the quote is shown as text (the control character replaced), not interpreted
    assert hostile.replace("\x0c", "\ufffd") in text
    assert "b/qd xã <x>.docx" in text


def test_html_summary_table_then_every_rule_per_document(docs, run_vi, render) -> None:
    page = render("html", docs, run_vi)
    summary, sections = page.split('<section id="doc-1">', 1)
    assert summary.count('<a href="#doc-') == len(docs)
    assert "Tổng cộng 4 văn bản" in summary
    assert "CV3036-03, ND30-04" in summary  # failed rules of the second document
    second = sections.split('<section id="doc-3">')[0].split('<section id="doc-2">')[1]
    assert second.count("<tr class=") == 3
    assert "<mark>" in second and "trang 1, dòng 12" in second


def test_html_in_english(docs, render, run_info) -> None:
    page = render("html", docs, run_info)
    assert f'<html lang="{run_info.lang}">' in page
    if run_info.lang == "en":
        assert "4 documents: 1 compliant" in page and "Looked in: Điều 2" in page


@pytest.mark.skipif(not Path(CHROMIUM).exists() or shutil.which("chromium") is None,
                    reason="Debian chromium is not installed")
def test_html_renders_in_headless_chromium(docs, run_vi, render, hostile, tmp_path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render("html", docs, run_vi), encoding="utf-8")
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    rendered = _parse(dom)
    text = "".join(rendered.text)
    assert 'id="summary"' in dom and "Tổng cộng 4 văn bản" in text
    assert "script" not in rendered.tags  # the quote did not become an element
    assert '<script>alert("x")</script>' in text
    assert hostile.split("<script>")[0] in text
