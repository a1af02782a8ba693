"""The reviewers' pages: upload, a job's progress and results, one document's report, login.

Plain HTML forms and links that work without JavaScript (a job page refreshes itself with a
meta tag while the files are being checked); `upload.js` only adds drag and drop. Templates
are Jinja2 with autoescaping, so nothing from a document can become markup.
"""

from __future__ import annotations

import datetime as dt
import hmac
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from validator import __version__
from validator.report.labels import enum_label, label
from validator.report.summary import Tally
from validator.server import present
from validator.server.api import find_job, incoming, service_of
from validator.server.downloads import download_formats
from validator.server.errors import ApiError, megabytes
from validator.server.security import SESSION_COOKIE, authorised, safe_next, session_value
from validator.server.store import Job
from validator.server.texts import LANG_COOKIE, request_lang, translator

TEMPLATES = Path(__file__).parent / "templates"
REFRESH_SECONDS = 2
_YEAR = 365 * 86400

router = APIRouter(include_in_schema=False)


def _localtime(seconds: float) -> str:
    """A moment as Vietnamese offices write it, in the server's time zone."""
    return dt.datetime.fromtimestamp(seconds).strftime("%d/%m/%Y %H:%M")


templates = Jinja2Templates(directory=TEMPLATES)
templates.env.globals.update(label=label, enum_label=enum_label, version=__version__)
templates.env.filters["localtime"] = _localtime


def page(request: Request, name: str, context: dict[str, Any],
         status_code: int = 200) -> HTMLResponse:
    lang = request_lang(request)
    token = service_of(request).settings.token
    response = templates.TemplateResponse(request, name, {
        "lang": lang, "other_lang": "en" if lang == "vi" else "vi", "t": translator(lang),
        "signed_in": token is not None and authorised(request, token), **context,
    }, status_code=status_code)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie(LANG_COOKIE, lang, max_age=_YEAR, samesite="strict")
    return response


def error_page(request: Request, error: ApiError) -> HTMLResponse:
    return page(request, "error.html", {"error": error}, status_code=error.status)


@router.get("/", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    service = service_of(request)
    settings = service.settings
    return page(request, "upload.html", {
        "max_files": settings.max_files, "max_size": megabytes(settings.max_request_bytes),
        "jobs": service.store.recent_jobs(20),
    })


@router.post("/jobs")
async def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> Response:
    service = service_of(request)
    job = await run_in_threadpool(service.submit, "batch", incoming(files),
                                  service.settings.max_files)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


def _rows(request: Request, job: Job) -> list[present.Row]:
    lang = request_lang(request)
    reports = service_of(request).store.reports(job.id)
    return present.defects_first(
        [present.row(index, doc, lang) for index, doc in enumerate(reports, start=1)])


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    service = service_of(request)
    job = find_job(service, job_id)
    context: dict[str, Any] = {
        "job": job, "uploads": service.store.uploads(job.id), "refresh": REFRESH_SECONDS,
    }
    if job.status == "done":
        tally = Tally()
        for document in service.store.reports(job.id):
            tally.add(document)
        context.update(rows=_rows(request, job), summary=tally.summary,
                       formats=download_formats())
    return page(request, "job.html", context)


@router.get("/jobs/{job_id}/documents/{index}", response_class=HTMLResponse)
def document_page(request: Request, job_id: str, index: int) -> HTMLResponse:
    service = service_of(request)
    job = find_job(service, job_id)
    doc = service.store.report(job.id, index - 1)
    if doc is None:
        raise ApiError("not_found")
    lang = request_lang(request)
    failed = present.failed(doc)
    return page(request, "document.html", {
        "job": job, "index": index, "doc": doc, "present": present,
        "defects": [r for r in failed if r.severity != "info"],
        "infos": [r for r in failed if r.severity == "info"],
        "passed": [r for r in doc.results if r.status == "pass"],
        "not_applicable": [r for r in doc.results if r.status == "not_applicable"],
        "row": present.row(index, doc, lang),
    })


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "login.html", {"next": safe_next(next), "wrong": False})


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    expected = service_of(request).settings.token
    if expected is None:
        return RedirectResponse(safe_next(next), status_code=303)
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        return page(request, "login.html", {"next": safe_next(next), "wrong": True},
                    status_code=401)
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, session_value(expected), httponly=True,
                        samesite="strict", max_age=_YEAR)
    return response


@router.post("/logout")
def logout() -> Response:
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return page(request, "docs.html", {})
