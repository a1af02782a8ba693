"""The command line's own messages and option help, in Vietnamese and English."""

from __future__ import annotations

import click

TOOL_NAME = "validator"
DEBUG_ENV = "VALIDATOR_DEBUG"
_MIB = 1024 * 1024


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports it

MESSAGES: dict[str, tuple[str, str]] = {
    "missing_path": ("Không tìm thấy tệp hoặc thư mục: {path}", "No such file or folder: {path}"),
    "no_documents": ("Không có văn bản nào để kiểm tra.", "There are no documents to check."),
    "pack_error": ("Lỗi trong tệp quy tắc: {error}", "Rule pack error: {error}"),
    "config_error": ("Lỗi trong tệp cấu hình: {error}", "Settings file error: {error}"),
    "usage": ("Lệnh không hợp lệ: {error}", "Invalid command: {error}"),
    "help_hint": ("Xem hướng dẫn: {prog} --help", "See {prog} --help"),
    "internal": (
        "Lỗi nội bộ ({error}). Đặt biến môi trường VALIDATOR_DEBUG=1 để xem chi tiết.",
        "Internal error ({error}). Set VALIDATOR_DEBUG=1 to see the details.",
    ),
    "unknown_rule": ("Không có quy tắc {rule_id}.", "There is no rule {rule_id}."),
    "output_error": ("Không ghi được tệp {path}: {error}", "Cannot write {path}: {error}"),
    "output_is_input": (
        "Tệp kết quả --output trùng với một tệp cần kiểm tra ({path}); hãy chọn tên khác.",
        "The --output file is one of the files to check ({path}); choose another name.",
    ),
    "skipped": (
        "Bỏ qua {skipped} tệp không phải văn bản hoặc tệp hệ thống, {excluded} tệp theo --exclude.",
        "Skipped {skipped} non-document or system files, {excluded} files matching --exclude.",
    ),
    "worker_error": (
        "Không khởi động được tiến trình kiểm tra: {error}",
        "The checking processes could not start: {error}",
    ),
    "interrupted": ("Đã dừng theo yêu cầu.", "Stopped."),
    "cache_stats": (
        "Bộ nhớ đệm: dùng lại {cached} kết quả, đọc mới {checked} văn bản.",
        "Cache: {cached} results reused, {checked} documents read.",
    ),
    "progress": ("Đang kiểm tra", "Checking"),
    "schema_stale": (
        "Tệp schema kèm theo đã cũ; chạy: validate schema --write",
        "The shipped schema is out of date; run: validate schema --write",
    ),
    "schema_written": ("Đã ghi {path}", "Wrote {path}"),
}

# Option and command help, (Vietnamese, English); the English is swapped in by --lang en.
HELP: dict[str, tuple[str, str]] = {
    "cli": ("Kiểm tra quyết định, quy chế Ban Chỉ đạo thực hiện chính sách BHXH, BHYT.",
            "Check decisions and regulations of BHXH/BHYT steering committees."),
    "check": ("Kiểm tra tệp, thư mục (đệ quy) hoặc mẫu glob.",
              "Check files, folders (recursive) or globs."),
    "inspect": ("Xem nội dung đọc được và cấu trúc nhận ra, không áp quy tắc.",
                "Show what was read and understood, without rules."),
    "rules": ("Liệt kê các quy tắc đã nạp.", "List the loaded rules."),
    "explain": ("Giải thích một quy tắc.", "Explain one rule."),
    "schema": ("In JSON Schema của định dạng json.", "Print the JSON Schema of --format json."),
    "output_format": ("Định dạng kết quả.", "Output format."),
    "output": ("Ghi kết quả vào tệp thay vì màn hình.", "Write the results to FILE."),
    "jobs": ("Số tiến trình song song (mặc định: mọi lõi CPU).",
             "Parallel worker processes (default: all cores)."),
    "rules_paths": ("Thêm gói quy tắc YAML (tệp hoặc thư mục); dùng nhiều lần được.",
                    "Add a YAML rule pack (file or folder); repeatable."),
    "select": ("Chỉ chạy các quy tắc này (mã hoặc tiền tố, cách nhau bởi dấu phẩy).",
               "Run only these rules (ids or prefixes, comma-separated)."),
    "ignore": ("Bỏ qua các quy tắc này (cách nhau bởi dấu phẩy).",
               "Skip these rules (comma-separated)."),
    "level": ("Coi mọi văn bản là của cấp này.", "Treat every document as of this level."),
    "ocr": ("Nhận dạng chữ trên bản quét: auto, always, never.",
            "OCR of scanned pages: auto, always, never."),
    "lang": ("Ngôn ngữ thông báo: vi hoặc en.", "Language of messages: vi or en."),
    "fail_on": ("Mã thoát 1 khi: error (văn bản không đạt), warning (cả cảnh báo), never.",
                "Exit 1 on: error (non-compliant), warning (also failed warnings), never."),
    "max_size": ("Dung lượng tối đa mỗi tệp (MB).", "Largest file to read (MB)."),
    "timeout": ("Thời gian tối đa cho mỗi tệp (giây, 0 = không giới hạn).",
                "Time limit per file (seconds, 0 = none)."),
    "cache": ("Dùng lại kết quả của tệp không đổi.", "Reuse results of unchanged files."),
    "cache_dir": ("Thư mục bộ nhớ đệm.", "Cache folder."),
    "no_progress": ("Không hiện thanh tiến độ.", "Hide the progress bar."),
    "exclude": ("Bỏ qua tệp, thư mục khớp mẫu này (tên hoặc đường dẫn); dùng nhiều lần được.",
                "Leave out files and folders matching GLOB (name or path); repeatable."),
    "dossiers": ("Mỗi thư mục là một hồ sơ: quyết định và quy chế được đối chiếu với nhau.",
                 "Each folder is a dossier: its decision and regulation are checked together."),
    "config": ("Tệp cấu hình (hoặc thư mục chứa validator.toml; '.' là thư mục hiện tại).",
               "Settings file (or a folder holding validator.toml; '.' for this folder)."),
    "write": ("Ghi đè bản schema kèm theo gói.", "Rewrite the schema shipped in the package."),
    "check_schema": ("Báo lỗi nếu bản schema kèm theo đã cũ.",
                     "Fail if the shipped schema is out of date."),
}


# click >= 8.2 raises this for a bare `validate`; it prints the help itself.

class UserError(Exception):
    """A problem the user can fix, already worded in their language; exit status 2."""


def tr(lang: str, key: str, **values: object) -> str:
    vi, en = MESSAGES[key]
    return (en if lang == "en" else vi).format(**values)


def help_text(key: str) -> str:
    return HELP[key][0]


def say(message: str) -> None:
    click.echo(message, err=True)
