"""The reviewers' pages over the fake checker: plain forms, progress, results, languages."""

from __future__ import annotations

import re

from validator.server.language import accept_language

from .helpers import upload, wait_done


def submit(client, *files: tuple[str, str]) -> str:
    answer = client.post("/jobs", files=upload(*files), follow_redirects=False)
    assert answer.status_code == 303
    return answer.headers["location"].rsplit("/", 1)[1]


def cells(html: str, table_id: str) -> list[list[str]]:
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)[1:]
    return [[re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", cell)).strip()
             for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in rows]


def test_the_upload_page_is_a_plain_form(client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert '<html lang="vi">' in page.text
    assert 'method="post" action="/jobs" enctype="multipart/form-data"' in page.text
    assert 'type="file" name="files" multiple' in page.text
    assert "Gửi văn bản để kiểm tra" in page.text
    assert '<script src="/static/upload.js" defer></script>' in page.text


def test_a_job_page_refreshes_while_checking_then_shows_results(client) -> None:
    job_id = submit(client, ("a.txt", "sleep 1 compliant"), ("b.txt", "compliant"))
    running = client.get(f"/jobs/{job_id}").text
    assert '<meta http-equiv="refresh" content="2">' in running
    assert 'id="results"' not in running
    assert len(cells(running, "files")) == 2
    wait_done(client, job_id)
    done = client.get(f"/jobs/{job_id}").text
    assert 'http-equiv="refresh"' not in done
    assert "Tổng cộng 2 văn bản: 2 đạt" in done
    assert [row[:2] for row in cells(done, "results")] == [["Đạt", "a.txt"], ["Đạt", "b.txt"]]
    for name in ("json", "html", "xlsx", "csv"):
        assert f'href="/api/v1/jobs/{job_id}/report.{name}?lang=vi"' in done
    assert "replies.zip" not in done  # no letter to write: nothing is non-compliant


def test_results_put_defects_first(client) -> None:
    job_id = submit(client, ("1-ok.txt", "compliant"), ("2-na.txt", "not_applicable"),
                    ("3-bad.txt", "non_compliant"), ("4-broken.txt", "corrupt"))
    wait_done(client, job_id)
    rows = cells(client.get(f"/jobs/{job_id}").text, "results")
    assert [row[1] for row in rows] == ["3-bad.txt", "4-broken.txt", "1-ok.txt", "2-na.txt"]
    assert rows[0][0] == "Không đạt" and rows[0][5] == "Phải sửa FAKE-01 Quy tắc FAKE-01"
    assert rows[1][0] == "Không đọc được" and "Tệp bị hỏng" in rows[1][5]


def test_a_document_page_shows_the_full_report(client) -> None:
    job_id = submit(client, ("a.txt", "compliant"), ("b.txt", "non_compliant"))
    wait_done(client, job_id)
    page = client.get(f"/jobs/{job_id}/documents/2")
    assert page.status_code == 200
    text = page.text
    section = text.split('<section id="document"', 1)[1].split("</section>", 1)[0]
    assert "Không đạt" in section and "b.txt" in section  # the HTML report's own section
    failed = section.split('<table class="f">', 1)[1].split("</table>", 1)[0]
    assert "FAKE-01" in failed and "FAKE-02" not in failed
    assert "FAKE-02" in section.split("<details>", 1)[1]  # passed, folded
    assert client.get(f"/jobs/{job_id}/documents/3").status_code == 404
    assert client.get(f"/jobs/{job_id}/documents/0").status_code == 404


def test_english_by_query_cookie_or_browser_language(client) -> None:
    english = client.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Send documents to check" in english.text
    assert '<html lang="en">' in client.get("/").text  # remembered in a cookie
    client.cookies.clear()
    assert '<html lang="vi">' in client.get("/").text
    assert '<html lang="en">' in client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="vi">' in client.get(
        "/", headers={"Accept-Language": "fr, vi;q=0.8, en;q=0.5"}).text


def test_accept_language_follows_the_quality_order() -> None:
    assert accept_language("en-US,en;q=0.9,vi;q=0.8") == "en"
    assert accept_language("vi-VN, en;q=0.5") == "vi"
    assert accept_language("en;q=0.1, vi;q=0.7") == "vi"
    assert accept_language("fr, de") is None
    assert accept_language("vi;q=0, en;q=bad") is None


def test_a_refused_upload_page_explains_in_the_readers_language(client) -> None:
    refused = client.post("/jobs?lang=en", files=upload(("x.pdf", bytes(range(1, 32)) * 64)))
    assert refused.status_code == 415
    assert "text/html" in refused.headers["content-type"]
    assert "The file x.pdf is not a PDF, DOCX, DOC, TXT, image or ZIP file." in refused.text
    assert client.get("/no/such/page").status_code == 404


def test_recent_jobs_are_listed_on_the_upload_page(client) -> None:
    job_id = submit(client, ("a.txt", "compliant"))
    wait_done(client, job_id)
    assert f'href="/jobs/{job_id}"' in client.get("/").text
