"""The server's errors: a stable code, an HTTP status, and a message in Vietnamese and English
(written in English, translated by the catalogue of validator.i18n).

The API answers `{"error": {"code", "message", "message_en"}}`; pages show the message in
the reader's language.
"""

from __future__ import annotations

from pydantic import BaseModel

from validator.i18n import N_, Lang, gettext_for

_ERRORS: dict[str, tuple[int, str]] = {
    "unauthorized": (401, N_("A valid access token is required (Authorization: Bearer ...).")),
    "not_found": (404, N_("There is no such page or job.")),
    "method_not_allowed": (405, N_("This HTTP method is not allowed here.")),
    "not_finished": (409, N_("The job has not finished yet; try again later.")),
    "too_large": (413, N_("The upload is too large (at most {limit}).")),
    "file_too_large": (413, N_("The file {name} is too large (at most {limit}).")),
    "too_many_files": (413, N_("Too many files in one request (at most {limit}).")),
    "unsupported_format": (
        415, N_("The file {name} is not a PDF, DOCX, DOC, TXT, image or ZIP file.")),
    "no_files": (422, N_("No file was sent.")),
    "invalid_request": (422, N_("Invalid request: {detail}")),
    "bad_request": (400, N_("The request cannot be read: {detail}")),
    "storage": (507, N_("The server could not store the upload ({detail}).")),
    "timeout": (504, N_("Checking took longer than the wait; see the result at {url}.")),
    "internal": (500, N_("Internal server error.")),
}

STATUS_CODES: dict[int, str] = {
    401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
    415: "unsupported_format", 400: "bad_request", 422: "invalid_request", 500: "internal",
}


class ErrorInfo(BaseModel):
    code: str
    message: str  # Vietnamese
    message_en: str


class ErrorBody(BaseModel):
    error: ErrorInfo


class ApiError(Exception):
    def __init__(self, code: str, **values: object) -> None:
        status, message = _ERRORS[code]
        filled = _Values(values)
        super().__init__(message.format_map(filled))
        self.code = code
        self.status = status
        self.info = ErrorInfo(code=code, message=gettext_for("vi")(message).format_map(filled),
                              message_en=gettext_for("en")(message).format_map(filled))

    def message(self, lang: Lang) -> str:
        return self.info.message if lang == "vi" else self.info.message_en

    @classmethod
    def for_status(cls, status: int, detail: str = "") -> ApiError:
        """The error for an HTTP status raised by the framework (404, 405, 413...)."""
        code = STATUS_CODES.get(status, "bad_request" if status < 500 else "internal")
        error = cls(code, detail=detail)
        error.status = status
        return error


class _Values(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "?"


def megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


_DESCRIPTIONS = {
    400: "A multipart body that cannot be parsed",
    401: "No token or a wrong one (only when VALIDATOR_TOKEN is set)",
    404: "No such job or document",
    409: "The job has not finished",
    413: "Too large or too many files",
    415: "A file that is not PDF, DOCX, DOC, TXT, an image or ZIP (from its content)",
    422: "Invalid request",
    504: "The check did not finish in time; poll the job instead",
    507: "The server could not store the upload",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI entries for the error answers of a route."""
    return {status: {"model": ErrorBody, "description": _DESCRIPTIONS[status]}
            for status in (401, 422, *statuses)}
