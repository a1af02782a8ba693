"""The web pages' own words, in Vietnamese and English, and how a request picks its language:
`?lang=en|vi` (remembered in a cookie), else the browser's Accept-Language, else Vietnamese."""

from __future__ import annotations

from collections.abc import Callable

from starlette.requests import Request

from validator.report.labels import Lang

LANG_COOKIE = "lang"

_TEXTS: dict[str, tuple[str, str]] = {
    "app_title": ("Kiểm tra văn bản Ban Chỉ đạo BHXH, BHYT",
                  "BHXH/BHYT steering-committee document check"),
    "other_lang": ("English", "Tiếng Việt"),
    "upload_title": ("Gửi văn bản để kiểm tra", "Send documents to check"),
    "upload_help": (
        "Chọn hoặc kéo thả một hay nhiều tệp (PDF, DOCX, DOC, TXT, ảnh quét) hoặc một tệp ZIP "
        "chứa cả hồ sơ. Tối đa {files} tệp, tổng cộng {size} mỗi lần gửi.",
        "Choose or drop one or more files (PDF, DOCX, DOC, TXT, scanned images) or a ZIP "
        "holding a whole dossier. At most {files} files, {size} in all, per upload."),
    "drop_here": ("Kéo thả tệp vào đây", "Drop files here"),
    "choose_files": ("Chọn tệp", "Choose files"),
    "chosen": ("Đã chọn {count} tệp", "{count} files chosen"),
    "submit": ("Kiểm tra", "Check"),
    "recent_jobs": ("Các lần kiểm tra gần đây", "Recent checks"),
    "no_jobs": ("Chưa có lần kiểm tra nào.", "No checks yet."),
    "job_title": ("Kết quả kiểm tra", "Check results"),
    "job_created": ("Gửi lúc {time}", "Sent at {time}"),
    "status.queued": ("đang chờ", "waiting"),
    "status.running": ("đang kiểm tra", "checking"),
    "status.done": ("xong", "done"),
    "progress": ("Đã kiểm tra {done}/{files} tệp", "{done} of {files} files checked"),
    "refresh_note": ("Trang tự cập nhật mỗi {seconds} giây.",
                     "This page refreshes every {seconds} seconds."),
    "col.file": ("Tệp", "File"),
    "col.format": ("Định dạng", "Format"),
    "col.size": ("Dung lượng", "Size"),
    "col.status": ("Trạng thái", "Status"),
    "col.verdict": ("Kết luận", "Verdict"),
    "col.issuer": ("Cơ quan ban hành", "Issuing body"),
    "col.number": ("Số, ký hiệu", "Number"),
    "col.date": ("Ngày ban hành", "Date"),
    "col.defects": ("Cần sửa", "Defects"),
    "col.when": ("Thời gian", "When"),
    "downloads": ("Tải kết quả", "Download the results"),
    "download.json": ("JSON", "JSON"),
    "download.html": ("Báo cáo HTML", "HTML report"),
    "download.xlsx": ("Bảng tính Excel (XLSX)", "Spreadsheet (XLSX)"),
    "download.csv": ("CSV", "CSV"),
    "open_report": ("Xem chi tiết", "Full report"),
    "back_to_job": ("Quay lại kết quả", "Back to the results"),
    "new_check": ("Kiểm tra văn bản khác", "Check other documents"),
    "doc_title": ("Báo cáo chi tiết", "Full report"),
    "doc_type": ("Loại văn bản", "Document type"),
    "level": ("Cấp", "Level"),
    "signer": ("Người ký", "Signed by"),
    "format": ("Định dạng", "Format"),
    "defects_title": ("Các điểm cần sửa", "What to fix"),
    "no_defects": ("Không có điểm nào cần sửa.", "Nothing to fix."),
    "passed_title": ("Các quy tắc đạt", "Rules passed"),
    "na_title": ("Các quy tắc không áp dụng", "Rules not applicable"),
    "notes_title": ("Lưu ý khi đọc văn bản", "Reading notes"),
    "members_title": ("Thành phần Ban Chỉ đạo", "Committee members"),
    "member.name": ("Họ tên", "Name"),
    "member.position": ("Chức vụ, đơn vị", "Position"),
    "member.role": ("Nhiệm vụ trong Ban", "Role"),
    "page": ("trang {page}", "page {page}"),
    "error_title": ("Không thực hiện được", "Something went wrong"),
    "back": ("Quay lại", "Back"),
    "login_title": ("Đăng nhập", "Sign in"),
    "login_help": ("Nhập mã truy cập do bộ phận CNTT cung cấp.",
                   "Enter the access token your IT staff gave you."),
    "token": ("Mã truy cập", "Access token"),
    "login": ("Đăng nhập", "Sign in"),
    "logout": ("Đăng xuất", "Sign out"),
    "wrong_token": ("Mã truy cập không đúng.", "Wrong access token."),
    "api_docs": ("Tài liệu API", "API documentation"),
    "documents_count": ("{count} văn bản", "{count} documents"),
}

Translate = Callable[..., str]


def translator(lang: Lang) -> Translate:
    index = 0 if lang == "vi" else 1

    def t(key: str, **values: object) -> str:
        text = _TEXTS[key][index]
        return text.format(**values) if values else text

    return t


def _parse_lang(value: str | None) -> Lang | None:
    return value if value in ("vi", "en") else None  # type: ignore[return-value]


def accept_language(header: str) -> Lang | None:
    """The first of vi and en in the browser's preference order (RFC 9110 q-values)."""
    ranked: list[tuple[float, int, Lang]] = []
    for index, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        if primary not in ("vi", "en"):
            continue
        quality = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, primary))  # type: ignore[arg-type]
    return min(ranked)[2] if ranked else None


def request_lang(request: Request) -> Lang:
    return (
        _parse_lang(request.query_params.get("lang"))
        or _parse_lang(request.cookies.get(LANG_COOKIE))
        or accept_language(request.headers.get("accept-language", ""))
        or "vi"
    )
