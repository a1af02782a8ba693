"""The reviewers' pages: upload, a job's progress and results, one document's report, login.

Plain HTML forms and links that work without JavaScript (a job page refreshes itself with a
meta tag while the files are being checked); `upload.js` only adds drag and drop. Templates
are Jinja2 in the report templates' environment (validator.report.templating): autoescaped,
words through the same gettext catalogue, the same labels and views; one document's page
shows the HTML report's own section for it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hmac
from dataclasses import dataclass
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from validator import __version__
from validator.i18n import Lang
from validator.model import DocumentReport
from validator.report import view
from validator.report.labels import VERDICT_ORDER
from validator.report.summary import Tally
from validator.report.templating import environment, stylesheet
from validator.server.api import find_job, incoming, service_of
from validator.server.downloads import download_formats
from validator.server.errors import ApiError, megabytes
from validator.server.language import LANG_COOKIE, request_lang
from validator.server.security import SESSION_COOKIE, authorised, safe_next, session_value

REFRESH_SECONDS = 2
_YEAR = 365 * 86400
_RANK = {verdict: index for index, verdict in enumerate(VERDICT_ORDER)}

router = APIRouter(include_in_schema=False)


@functools.cache
def pages_environment(lang: Lang) -> jinja2.Environment:
    """The report environment of `lang`, also loading the pages (which import its macros)."""
    reports = environment(lang)
    assert reports.loader is not None
    return reports.overlay(loader=jinja2.ChoiceLoader([
        jinja2.PackageLoader("validator.server", "templates"), reports.loader]))


def moment(seconds: float | None) -> dt.datetime | None:
    return None if seconds is None else dt.datetime.fromtimestamp(seconds).astimezone()


@dataclass(frozen=True)
class Row:
    """One line of a job's results table: what the HTML report's summary table says."""

    index: int  # from 1, in upload order: the document's page is /jobs/{id}/documents/{index}
    doc: DocumentReport
    issuer: str
    number: str
    issued: str
    defects: tuple[tuple[str, str, str], ...]  # (severity, rule id, title)
    error: str


def row(index: int, doc: DocumentReport, lang: Lang) -> Row:
    return Row(index=index, doc=doc, issuer=view.issuer(doc), number=view.number(doc),
               issued=view.issued(doc), error=view.error_message(doc, lang),
               defects=tuple((r.severity, r.rule_id, view.title(r, lang))
                             for r in view.defects(doc)))


def page(request: Request, name: str, context: dict[str, Any],
         status_code: int = 200) -> HTMLResponse:
    lang = request_lang(request)
    token = service_of(request).settings.token
    html = pages_environment(lang).get_template(name).render({
        "request": request, "other_lang": "en" if lang == "vi" else "vi",
        "signed_in": token is not None and authorised(request, token),
        "version": __version__, "moment": moment, **context,
    })
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") in ("vi", "en"):
        response.set_cookie(LANG_COOKIE, lang, max_age=_YEAR, samesite="strict")
    return response


def error_page(request: Request, error: ApiError) -> HTMLResponse:
    return page(request, "error.html.j2", {"error": error.message(request_lang(request))},
                status_code=error.status)


@router.get("/", response_class=HTMLResponse)
def upload_page(request: Request) -> HTMLResponse:
    service = service_of(request)
    settings = service.settings
    return page(request, "upload.html.j2", {
        "max_files": settings.max_files, "max_size": megabytes(settings.max_request_bytes),
        "jobs": service.store.recent_jobs(20),
    })


@router.post("/jobs")
async def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> Response:
    service = service_of(request)
    job = await run_in_threadpool(service.submit, "batch", incoming(files),
                                  service.settings.max_files)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(request: Request, job_id: str) -> HTMLResponse:
    service = service_of(request)
    job = find_job(service, job_id)
    context: dict[str, Any] = {
        "job": job, "uploads": service.store.uploads(job.id), "refresh": REFRESH_SECONDS,
    }
    if job.status == "done":
        lang = request_lang(request)
        tally = Tally()
        rows = []
        reports, dossiers = service.results(job.id, lang)
        for index, doc in enumerate(reports, start=1):
            tally.add(doc)
            rows.append(row(index, doc, lang))
        rows.sort(key=lambda r: (_RANK.get(r.doc.verdict, len(_RANK)), r.index))
        context.update(rows=rows, summary=tally.summary, formats=download_formats(),
                       dossiers=dossiers, with_dossiers=any(r.doc.dossier for r in rows),
                       letters=any(r.doc.verdict == "non_compliant" for r in rows))
    return page(request, "job.html.j2", context)


@router.get("/jobs/{job_id}/documents/{index}", response_class=HTMLResponse)
def document_page(request: Request, job_id: str, index: int) -> HTMLResponse:
    service = service_of(request)
    job = find_job(service, job_id)
    doc = service.document(job.id, index - 1, request_lang(request)) if index > 0 else None
    if doc is None:
        raise ApiError("not_found")
    return page(request, "document.html.j2", {"job": job, "doc": doc})


@router.get("/static/report.css")
def report_stylesheet() -> Response:
    """The HTML report's own stylesheet, which the pages share (their policy allows no
    inline style, which a report carries so that it opens alone)."""
    return Response(stylesheet(), media_type="text/css; charset=utf-8")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return page(request, "login.html.j2", {"next": safe_next(next), "wrong": False})


@router.post("/login")
def login(request: Request, token: Annotated[str, Form()],
          next: Annotated[str, Form()] = "/") -> Response:
    expected = service_of(request).settings.token
    if expected is None:
        return RedirectResponse(safe_next(next), status_code=303)
    if not hmac.compare_digest(token.strip().encode(), expected.encode()):
        return page(request, "login.html.j2", {"next": safe_next(next), "wrong": True},
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
    return page(request, "docs.html.j2", {})
