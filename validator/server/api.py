"""The HTTP API (SPEC section 9), documented by its OpenAPI schema at `/docs`.

    POST /api/v1/check                  a few files; waits; the SPEC section 8 JSON
    POST /api/v1/jobs                   any number of files or a ZIP; 202 and the job
    GET  /api/v1/jobs/{id}              status, progress, and when done the section 8 JSON
    GET  /api/v1/jobs/{id}/report.FMT   the finished job in a report format (json, html, xlsx...)
    GET  /api/v1/jobs/{id}/replies.zip  its draft reply letters (DOCX)
    GET  /api/v1/rules                  the loaded rules
    GET  /health                        alive (needs no token)
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import IO, Annotated, Literal

from fastapi import APIRouter, File, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from validator import __version__
from validator.i18n import Lang
from validator.model import Report, Severity
from validator.report.summary import Tally
from validator.server.downloads import (
    LETTERS_MEDIA_TYPE,
    MEDIA_TYPES,
    chunks,
    download_formats,
    render,
    render_letters,
)
from validator.server.errors import ApiError, error_responses
from validator.server.service import Service
from validator.server.store import Job, JobStatus, UploadState
from validator.server.uploads import Incoming

router = APIRouter(prefix="/api/v1")
health_router = APIRouter()

ReportFormat = enum.Enum(  # type: ignore[misc]
    "ReportFormat", {name: name for name in download_formats()}, type=str)

FilesField = Annotated[list[UploadFile], File(
    min_length=1,
    description="The documents (PDF, DOCX, DOC, TXT, scanned images) or ZIP archives; the "
                "format is read from the content, and the server's size and count limits apply")]


class FileProgress(BaseModel):
    name: str  # as uploaded (a label; the server stores it under a generated name)
    format: str  # from the content: pdf, docx, doc, txt, image, zip
    size: int
    status: UploadState
    documents: int  # reports so far (an archive gives one per member)


class Links(BaseModel):
    self: str
    page: str
    reports: dict[str, str]  # by format
    letters: str  # the draft reply letters of the non-compliant documents (DOCX, zipped)


class JobState(BaseModel):
    id: str
    status: JobStatus
    created: dt.datetime
    finished: dt.datetime | None
    files: int
    done: int  # files finished
    documents: int  # reports so far
    uploads: list[FileProgress]
    links: Links
    report: Report | None = None  # the SPEC section 8 JSON, once the job is done


class Title(BaseModel):
    vi: str
    en: str


class RuleEntry(BaseModel):
    id: str
    severity: Severity
    source: str
    title: Title


class RuleListing(BaseModel):
    version: str
    rules: list[RuleEntry]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    workers: int
    pending: int  # uploads not yet checked


def service_of(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


def incoming(files: list[UploadFile]) -> list[Incoming]:
    """The files of a request; the empty part a browser sends when no file was chosen is
    not a file."""
    return [Incoming(upload.filename, upload.file) for upload in files
            if upload.filename or upload.size]


def full_report(service: Service, job_id: str, lang: Lang = "vi") -> Report:
    """The SPEC section 8 JSON of a job, its ZIPs judged as dossiers (`summary.dossiers`)."""
    tally = Tally()
    documents = []
    reports, dossiers = service.results(job_id, lang)
    for document in reports:
        tally.add(document)
        documents.append(document)
    tally.summary.dossiers = list(dossiers)
    return Report(tool=service.tool, documents=documents, summary=tally.summary)


def _time(seconds: float | None) -> dt.datetime | None:
    return None if seconds is None else dt.datetime.fromtimestamp(seconds, dt.UTC)


def job_state(service: Service, job: Job) -> JobState:
    uploads = service.store.uploads(job.id)
    base = f"/api/v1/jobs/{job.id}"
    return JobState(
        id=job.id, status=job.status, created=_time(job.created), finished=_time(job.finished),
        files=job.files, done=job.done, documents=job.documents,
        uploads=[FileProgress(name=u.name, format=u.format, size=u.size, status=u.state,
                              documents=u.documents) for u in uploads],
        links=Links(self=base, page=f"/jobs/{job.id}",
                    reports={name: f"{base}/report.{name}" for name in download_formats()},
                    letters=f"{base}/replies.zip"),
        report=full_report(service, job.id) if job.status == "done" else None,
    )


def find_job(service: Service, job_id: str) -> Job:
    job = service.store.job(job_id)
    if job is None:
        raise ApiError("not_found")
    return job


def finished_job(service: Service, job_id: str) -> Job:
    job = find_job(service, job_id)
    if job.status != "done":
        raise ApiError("not_finished")
    return job


def download(stream: IO[bytes], media_type: str, filename: str) -> StreamingResponse:
    return StreamingResponse(chunks(stream), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@router.post("/check", response_model=Report, responses=error_responses(400, 413, 415, 504, 507),
             summary="Check a few files and wait for the result")
async def check(request: Request, files: FilesField) -> Report:
    """Checks up to a few files (see the server's limits) in the worker pool and answers
    with the SPEC section 8 JSON once every file is checked."""
    service = service_of(request)
    job = await run_in_threadpool(service.submit, "check", incoming(files),
                                  service.settings.max_check_files)
    if not await service.wait(job.id, service.settings.check_wait):
        raise ApiError("timeout", url=f"/api/v1/jobs/{job.id}")
    return await run_in_threadpool(full_report, service, job.id)


@router.post("/jobs", status_code=202, response_model=JobState,
             responses=error_responses(400, 413, 415, 507), summary="Queue files for checking")
async def create_job(request: Request, files: FilesField) -> JobState:
    """Queues any number of files (or ZIP archives) and answers at once with the job;
    poll `GET /api/v1/jobs/{id}` for progress and the result."""
    service = service_of(request)
    job = await run_in_threadpool(service.submit, "batch", incoming(files),
                                  service.settings.max_files)
    return job_state(service, job)


@router.get("/jobs/{job_id}", response_model=JobState, responses=error_responses(404),
            summary="A job's progress, and its result when done")
def get_job(request: Request, job_id: str) -> JobState:
    service = service_of(request)
    return job_state(service, find_job(service, job_id))


@router.get("/jobs/{job_id}/report.{fmt}", responses={
    **error_responses(404, 409),
    200: {"description": "The report", "content": {media: {} for media in MEDIA_TYPES.values()}},
}, response_class=StreamingResponse, summary="A finished job's report in one format")
def get_report(request: Request, job_id: str, fmt: ReportFormat,
               lang: Literal["vi", "en"] = "vi") -> StreamingResponse:
    service = service_of(request)
    job = finished_job(service, job_id)
    name = fmt.value
    reports, dossiers = service.results(job.id, lang)
    stream = render(name, reports, service.run_info(lang, job.finished), dossiers)
    return download(stream, MEDIA_TYPES[name], f"validator-{job.id[:8]}.{name}")


@router.get("/jobs/{job_id}/replies.zip", responses={
    **error_responses(404, 409),
    200: {"description": "A ZIP of DOCX letters", "content": {LETTERS_MEDIA_TYPE: {}}},
}, response_class=StreamingResponse,
    summary="A finished job's draft reply letters (DOCX, zipped)")
def get_letters(request: Request, job_id: str) -> StreamingResponse:
    """One draft letter per non-compliant document, for the reviewer to edit and sign; the
    reviewing office comes from the `[reply]` table of the server's settings file."""
    service = service_of(request)
    job = finished_job(service, job_id)
    today = dt.date.fromtimestamp(job.finished) if job.finished else None
    reports, _ = service.results(job.id, "vi")  # the letters are in Vietnamese
    stream = render_letters(reports, service.settings.reply, today)
    return download(stream, LETTERS_MEDIA_TYPE, f"validator-{job.id[:8]}-tra-loi.zip")


@router.get("/rules", response_model=RuleListing, responses=error_responses(),
            summary="The loaded rules")
def rules(request: Request) -> RuleListing:
    catalogue = service_of(request).catalogue
    return RuleListing(version=catalogue.version, rules=[
        RuleEntry(id=r.id, severity=r.severity, source=r.source,
                  title=Title(vi=r.title_vi, en=r.title_en)) for r in catalogue.rules])


@health_router.get("/health", response_model=Health, summary="Alive (needs no token)")
def health(request: Request) -> Health:
    service = service_of(request)
    return Health(status="ok", version=__version__, workers=service.settings.workers,
                  pending=service.store.queued())
