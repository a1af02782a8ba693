"""The server's errors: a stable code, an HTTP status, and a message in Vietnamese and English.

The API answers `{"error": {"code", "message", "message_en"}}`; pages show the message in
the reader's language.
"""

from __future__ import annotations

from pydantic import BaseModel

_ERRORS: dict[str, tuple[int, str, str]] = {
    "unauthorized": (401, "Cần mã truy cập hợp lệ (Authorization: Bearer ...).",
                     "A valid access token is required (Authorization: Bearer ...)."),
    "not_found": (404, "Không tìm thấy trang hoặc công việc này.",
                  "There is no such page or job."),
    "method_not_allowed": (405, "Phương thức HTTP không được phép ở địa chỉ này.",
                           "This HTTP method is not allowed here."),
    "not_finished": (409, "Công việc chưa xong; hãy thử lại sau.",
                     "The job has not finished yet; try again later."),
    "too_large": (413, "Dữ liệu tải lên quá lớn (tối đa {limit}).",
                  "The upload is too large (at most {limit})."),
    "file_too_large": (413, "Tệp {name} quá lớn (tối đa {limit}).",
                       "The file {name} is too large (at most {limit})."),
    "too_many_files": (413, "Quá nhiều tệp trong một lần gửi (tối đa {limit}).",
                       "Too many files in one request (at most {limit})."),
    "unsupported_format": (
        415, "Tệp {name} không phải PDF, DOCX, DOC, TXT, ảnh hay ZIP.",
        "The file {name} is not a PDF, DOCX, DOC, TXT, image or ZIP file."),
    "no_files": (422, "Chưa chọn tệp nào.", "No file was sent."),
    "invalid_request": (422, "Yêu cầu không hợp lệ: {detail}", "Invalid request: {detail}"),
    "bad_request": (400, "Yêu cầu không đọc được: {detail}",
                    "The request cannot be read: {detail}"),
    "storage": (507, "Máy chủ không lưu được tệp tải lên ({detail}).",
                "The server could not store the upload ({detail})."),
    "timeout": (504, "Chưa kiểm tra xong trong thời gian chờ; xem kết quả tại {url}.",
                "Checking took longer than the wait; see the result at {url}."),
    "internal": (500, "Lỗi nội bộ của máy chủ.", "Internal server error."),
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
        status, vi, en = _ERRORS[code]
        filled = _Values(values)
        super().__init__(en.format_map(filled))
        self.code = code
        self.status = status
        self.info = ErrorInfo(code=code, message=vi.format_map(filled),
                              message_en=en.format_map(filled))

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
