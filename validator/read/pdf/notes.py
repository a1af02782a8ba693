"""Reading notes the PDF reader adds (codes from validator.model.NOTE_CODES)."""

from __future__ import annotations

from validator.model import ReadingNote

_SAMPLES = 3  # pieces of damaged text quoted in a note


def unmapped_font(page: int, ocr_problem: str | None) -> ReadingNote:
    if ocr_problem is None:
        return ReadingNote(
            code="unmapped_font", page=page,
            message="Phông chữ của trang không có bảng mã Unicode (\"font lỗi\"): "
                    "trang được đọc bằng nhận dạng ảnh (OCR).",
            message_en="The page's font has no Unicode map (\"broken font\"): "
                       "the page was read by OCR.")
    return ReadingNote(
        code="unmapped_font", page=page,
        message="Phông chữ của trang không có bảng mã Unicode (\"font lỗi\") và không nhận "
                f"dạng ảnh được ({ocr_problem}): bỏ qua chữ của trang này.",
        message_en="The page's font has no Unicode map (\"broken font\") and OCR is not "
                   f"available ({ocr_problem}): the page's text was left out.")


def plain_text_fallback(page: int) -> ReadingNote:
    return ReadingNote(
        code="plain_text_fallback", page=page,
        message="Không dựng lại được dòng chữ theo vị trí; dùng chữ thô của trang "
                "(thứ tự dòng và cột có thể khác bản in).",
        message_en="Lines could not be rebuilt from positions; the page's plain text was "
                   "used (line and column order may differ from print).")


def damaged_text(page: int, pieces: list[str]) -> ReadingNote:
    quoted = ", ".join(f"\"{piece}\"" for piece in dict.fromkeys(pieces[:_SAMPLES]))
    return ReadingNote(
        code="damaged_text", page=page,
        message=f"Chữ trên trang có dấu hiệu bị lỗi ({quoted}); kết luận dựa trên phần "
                "chữ này cần được kiểm tra lại.",
        message_en=f"Text on the page looks damaged ({quoted}); conclusions resting on it "
                   "should be checked by hand.")


def page_unreadable(page: int) -> ReadingNote:
    return ReadingNote(
        code="page_unreadable", page=page,
        message="Không mở được trang này (cây trang của tệp PDF bị hỏng); các trang khác "
                "vẫn được đọc.",
        message_en="This page could not be opened (the PDF's page tree is broken); the other "
                   "pages were read.")
