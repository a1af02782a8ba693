"""The HTTP API over the fake checker: every route, the SPEC section 8 JSON, the downloads."""

from __future__ import annotations

import functools
import io
import json
import zipfile

import docx
import jsonschema
from click.testing import CliRunner

from validator.cli import cli
from validator.config import ReplySettings

from .helpers import FAKE_CATALOGUE, upload, wait_done


@functools.cache
def report_schema() -> dict:
    """The schema `validate schema` prints."""
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def assert_valid_report(data: dict) -> None:
    jsonschema.Draft202012Validator(report_schema()).validate(data)
    assert data["schema_version"] == "1"


def test_health_says_ok(client) -> None:
    answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "version": "0.1.0", "workers": 1, "pending": 0}


def test_check_waits_and_answers_with_the_report(client) -> None:
    answer = client.post("/api/v1/check", files=upload(
        ("quyết định.txt", "non_compliant"), ("b.txt", "compliant")))
    assert answer.status_code == 200
    data = answer.json()
    assert_valid_report(data)
    assert [(d["path"], d["verdict"]) for d in data["documents"]] == [
        ("quyết định.txt", "non_compliant"), ("b.txt", "compliant")]
    assert data["summary"]["non_compliant"] == 1 and data["summary"]["compliant"] == 1
    assert [r["rule_id"] for r in data["documents"][0]["results"]] == ["FAKE-01", "FAKE-02"]


def test_a_job_is_queued_then_finished_with_progress(client) -> None:
    answer = client.post("/api/v1/jobs", files=upload(
        ("a.txt", "sleep 0.5 compliant"), ("b.txt", "warning"), ("c.txt", "corrupt")))
    assert answer.status_code == 202
    created = answer.json()
    assert created["status"] in ("queued", "running")
    assert created["report"] is None
    assert [u["name"] for u in created["uploads"]] == ["a.txt", "b.txt", "c.txt"]
    assert created["links"]["self"] == f"/api/v1/jobs/{created['id']}"
    state = wait_done(client, created["id"])
    assert state["status"] == "done" and state["done"] == state["files"] == 3
    assert state["documents"] == 3
    assert [u["status"] for u in state["uploads"]] == ["done"] * 3
    assert [u["format"] for u in state["uploads"]] == ["txt"] * 3
    report = state["report"]
    assert_valid_report(report)
    assert [d["verdict"] for d in report["documents"]] == ["compliant", "compliant", "error"]
    assert report["documents"][2]["error"]["code"] == "corrupt"


def test_report_downloads_use_the_report_formats(client) -> None:
    job = client.post("/api/v1/jobs", files=upload(("a.txt", "compliant"),
                                                   ("b.txt", "non_compliant"))).json()
    state = wait_done(client, job["id"])
    assert set(state["links"]["reports"]) == {"json", "html", "xlsx", "csv"}
    as_json = client.get(f"/api/v1/jobs/{job['id']}/report.json")
    assert as_json.status_code == 200
    assert as_json.headers["content-type"] == "application/json"
    assert "attachment" in as_json.headers["content-disposition"]
    assert as_json.json()["documents"] == state["report"]["documents"]
    assert_valid_report(as_json.json())
    as_html = client.get(f"/api/v1/jobs/{job['id']}/report.html?lang=en")
    assert as_html.headers["content-type"].startswith("text/html")
    assert "Non-compliant" in as_html.text and "b.txt" in as_html.text
    as_xlsx = client.get(f"/api/v1/jobs/{job['id']}/report.xlsx")
    assert as_xlsx.headers["content-type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    with zipfile.ZipFile(io.BytesIO(as_xlsx.content)) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()
    as_csv = client.get(f"/api/v1/jobs/{job['id']}/report.csv")
    assert as_csv.text.splitlines()[0].lstrip("\ufeff").startswith("Tệp,Cơ quan ban hành")
    assert "b.txt" in as_csv.text


def test_reports_wait_for_the_job_to_finish(client) -> None:
    job = client.post("/api/v1/jobs", files=upload(("a.txt", "sleep 3 compliant"))).json()
    early = client.get(f"/api/v1/jobs/{job['id']}/report.json")
    assert early.status_code == 409
    assert early.json()["error"]["code"] == "not_finished"


def test_unknown_jobs_and_formats_are_404(client) -> None:
    missing = client.get("/api/v1/jobs/0123456789abcdef")
    assert missing.status_code == 404
    assert missing.json() == {"error": {
        "code": "not_found", "message": "Không tìm thấy trang hoặc công việc này.",
        "message_en": "There is no such page or job."}}
    job = client.post("/api/v1/jobs", files=upload(("a.txt", "compliant"))).json()
    wait_done(client, job["id"])
    wrong = client.get(f"/api/v1/jobs/{job['id']}/report.exe")
    assert wrong.status_code == 422
    assert wrong.json()["error"]["code"] == "invalid_request"


def test_rules_lists_the_loaded_rules(client) -> None:
    listing = client.get("/api/v1/rules").json()
    assert listing["version"] == FAKE_CATALOGUE.version
    assert [r["id"] for r in listing["rules"]] == ["FAKE-01", "FAKE-02"]
    assert listing["rules"][0]["title"] == {"vi": "Quy tắc FAKE-01", "en": "Rule FAKE-01"}


def test_openapi_schema_and_docs_page(client) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/v1/check", "/api/v1/jobs", "/api/v1/jobs/{job_id}",
            "/api/v1/jobs/{job_id}/report.{fmt}", "/api/v1/rules", "/health"} <= set(
        schema["paths"])
    assert "/jobs/{job_id}" not in schema["paths"]  # pages are not API
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs.js").status_code == 200


def test_wrong_method_and_missing_files_are_json_errors(client) -> None:
    wrong = client.get("/api/v1/check")
    assert wrong.status_code == 405
    assert wrong.json()["error"]["code"] == "method_not_allowed"
    empty = client.post("/api/v1/check")
    assert empty.status_code == 422
    assert empty.json()["error"]["code"] == "invalid_request"


def test_reply_letters_download_as_a_zip_of_docx(make_client) -> None:
    office = ReplySettings(office="BẢO HIỂM XÃ HỘI TỈNH MẪU", place="Mẫu", signer_name="Lê Văn Ký")
    client = make_client(reply=office)
    job = client.post("/api/v1/jobs", files=upload(
        ("a.txt", "compliant"), ("qd-xa.txt", "non_compliant"))).json()
    assert client.get(f"/api/v1/jobs/{job['id']}/replies.zip").status_code in (200, 409)
    state = wait_done(client, job["id"])
    assert state["links"]["letters"] == f"/api/v1/jobs/{job['id']}/replies.zip"
    answer = client.get(state["links"]["letters"])
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(answer.content)) as letters:
        assert letters.namelist() == ["tra-loi-qd-xa.docx"]  # only the non-compliant one
        letter = docx.Document(io.BytesIO(letters.read("tra-loi-qd-xa.docx")))
    text = "\n".join(p.text for p in letter.paragraphs)
    cells = "\n".join(cell.text for table in letter.tables for row in table.rows
                      for cell in row.cells)
    assert "Kính gửi" in text and "Bảo hiểm xã hội tỉnh Mẫu" in text
    assert "Lê Văn Ký" in text + cells
