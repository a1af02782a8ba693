"""Error codes of SPEC section 2 with messages a non-programmer understands."""

from __future__ import annotations

from validator.model import DocumentError, ErrorCode

_MESSAGES: dict[str, tuple[str, str]] = {
    "empty": (
        "Tệp rỗng, không có nội dung để kiểm tra.",
        "The file is empty: there is nothing to check.",
    ),
    "corrupt": (
        "Tệp bị hỏng hoặc không đầy đủ (có thể tải về chưa xong); hãy xin bản gửi lại.",
        "The file is damaged or incomplete (perhaps a broken download); ask for it again.",
    ),
    "encrypted": (
        "Tệp được đặt mật khẩu nên không đọc được; hãy xin bản không khóa.",
        "The file is password-protected and cannot be read; ask for an unlocked copy.",
    ),
    "unsupported_format": (
        "Định dạng tệp không được hỗ trợ (chấp nhận PDF, DOCX, DOC, TXT, ảnh quét).",
        "This file format is not supported (PDF, DOCX, DOC, TXT and scanned images are).",
    ),
    "no_text": (
        "Không đọc được chữ trong tệp (bản quét chưa nhận dạng được hoặc không có nội dung chữ).",
        "No text could be read from the file (a scan that could not be recognised, or no text).",
    ),
    "too_large": (
        "Tệp vượt quá giới hạn xử lý cho phép (dung lượng, số trang, số ký tự hoặc bộ nhớ).",
        "The file exceeds a processing limit (size, pages, characters or memory).",
    ),
    "unreadable": (
        "Không mở được tệp (không có quyền đọc, liên kết hỏng hoặc không phải tệp thường).",
        "The file could not be opened (no permission, a broken link, or not a regular file).",
    ),
    "timeout": (
        "Quá thời gian xử lý cho phép đối với tệp này.",
        "Checking this file took longer than the allowed time.",
    ),
}


def document_error(code: ErrorCode, detail: str = "") -> DocumentError:
    """The DocumentError for `code`; `detail` (e.g. an install hint) is appended to both texts."""
    vi, en = _MESSAGES[code]
    if detail:
        vi, en = f"{vi} ({detail})", f"{en} ({detail})"
    return DocumentError(code=code, message=vi, message_en=en)
