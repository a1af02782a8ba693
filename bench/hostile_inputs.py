"""Hostile inputs, built at run time: archives that lie, huge pages, special files, odd names.

    build(folder) -> list[Hostile]

Each `Hostile` is one class of issue 13: a path (a file, or a folder holding the case) and
how many entries a run must give for it. Documents inside come from samples/ (generated,
invented places and people). Used by bench/bench_hostile.py and the tests.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import socket
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from validator.read import legacy

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PASSING = "qd-xa-an-binh-2023.pdf"  # compliant decision
FAILING = "qd-xa-hop-thinh-2023-thieu-vhxh.pdf"  # non-compliant decision (CV2657-01)
DECISION = "qd-tinh-2020-table.docx"  # a province decision ...
REGULATION = "qc-tinh-2020-utf16.txt"  # ... and its regulation, filed as two files
TEXT = "qd-phuong-thuy-duong-2024.txt"  # a UTF-8 decision
SCAN = SAMPLES / "scanned" / "demo-decision-scan-p1.png"
_MIB = 1024 * 1024
_TONES = "\u0300\u0301\u0303\u0309\u0323"


@dataclass(frozen=True)
class Hostile:
    name: str
    path: Path  # what is given on the command line
    entries: int  # entries a run must give for it
    verdicts: tuple[str, ...] = ()  # expected verdicts in order, when they are known
    codes: tuple[str | None, ...] = ()  # expected error codes in order, when known


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


# ------------------------------------------------------------------------ archives


def zip_bytes(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


class LegacyName(zipfile.ZipInfo):
    """A member name written as raw bytes without the UTF-8 flag, as old Windows zip tools
    write them (zipfile itself writes any non-ASCII name as flagged UTF-8)."""

    def __init__(self, raw: bytes) -> None:
        super().__init__(raw.decode("cp437"), date_time=(2024, 3, 12, 8, 0, 0))
        self.raw = raw
        self.compress_type = zipfile.ZIP_DEFLATED

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile calls it by this name
        return self.raw, self.flag_bits & ~0x800


def legacy_name_zip(names: dict[bytes, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for raw, data in names.items():
            archive.writestr(LegacyName(raw), data)
    return buffer.getvalue()


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letter, then the tone mark."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = [mark for mark in parts if mark in _TONES]
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        out += base.encode("cp1258") + "".join(tones).encode("cp1258")
    return out


def lying_zip(real_size: int, declared: int = 1000) -> bytes:
    """One member that declares `declared` bytes and inflates to `real_size` zeros."""
    data = zip_bytes({"quyet-dinh.txt": b"\0" * real_size})
    wrong = struct.pack("<I", declared)
    real = struct.pack("<I", real_size)
    return data.replace(real, wrong)


def encrypted_member_zip() -> bytes:
    """A member marked encrypted (flag bit 0), beside a readable one."""
    data = bytearray(zip_bytes({"a-ma-hoa.pdf": sample(PASSING), "b.pdf": sample(PASSING)}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        first = data.find(signature)
        flags = struct.unpack_from("<H", data, first + offset)[0]
        struct.pack_into("<H", data, first + offset, flags | 1)
    return bytes(data)


def nested_zip(depth: int) -> bytes:
    data = zip_bytes({"quyet-dinh.txt": sample(TEXT)})
    for level in range(depth - 1):
        data = zip_bytes({f"tang-{level}.zip": data})
    return data


# --------------------------------------------------------------------------- PDFs


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def many_pages_pdf(pages: int) -> bytes:
    font = 3 + pages
    content = 4 + pages
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content, font)] * pages
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(_stream(b"BT /F1 12 Tf 72 770 Td (Trang van ban) Tj ET"))
    return raw_pdf(objects)


def nested_xobject_pdf(levels: int = 24, fan: int = 4) -> bytes:
    """Each form XObject draws the one below it `fan` times: fan**levels drawings."""
    first = 4
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
               b"/Resources << /XObject << /X %d 0 R >> >> >>" % (first + levels, first)]
    for level in range(levels):
        below = first + level + 1
        if level == levels - 1:
            body = b"0 0 m 10 10 l S"
            resources = b""
        else:
            body = b" ".join([b"q 1 0 0 1 0.1 0.1 cm /X Do Q"] * fan)
            resources = b"/Resources << /XObject << /X %d 0 R >> >>" % below
        objects.append(_stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                               + resources))
    objects.append(_stream(b"/X Do"))
    return raw_pdf(objects)


def huge_page_pdf(points: int = 14400) -> bytes:
    """One empty page of `points` x `points` (200 inches): rendered for OCR at 300 dpi it
    would be 60000 x 60000 pixels."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] >>" % (points, points)])


def circular_pages_pdf() -> bytes:
    """A page tree whose kid is the tree itself."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])


# ------------------------------------------------------------------- images, Word


def huge_png(side: int = 20000) -> bytes:
    """A white grey-scale PNG of side x side pixels: a few hundred KB, 400 MB decoded."""
    row = b"\0" + b"\xff" * side
    compressor = zlib.compressobj(9)
    chunks = [compressor.compress(row) for _ in range(side)]
    body = b"".join(chunks) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
            + chunk(b"IEND", b""))


def many_frames_tiff(frames: int = 500) -> bytes:
    from PIL import Image

    page = Image.new("1", (2480, 3508), 1)
    buffer = io.BytesIO()
    page.save(buffer, "TIFF", compression="group4", save_all=True,
              append_images=[page] * (frames - 1))
    return buffer.getvalue()


def bmp_scan() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    with Image.open(SCAN) as image:
        image.convert("L").save(buffer, "BMP")
    return buffer.getvalue()


def docx_with(part: str, paragraphs: int) -> bytes:
    """A DOCX whose main part is `part` (word/document.xml, or document2.xml as Word Online
    writes it), holding `paragraphs` paragraphs."""
    body = "".join(f"<w:p><w:r><w:t>Đoạn văn số {i}.</w:t></w:r></w:p>"
                   for i in range(paragraphs))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = f'<?xml version="1.0" encoding="UTF-8"?><w:document {ns}><w:body>{body}' \
               "</w:body></w:document>"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
             'openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
             'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/{part}" ContentType="{main}"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'officeDocument" Target="{part}"/></Relationships>')
    return zip_bytes({"[Content_Types].xml": types.encode(), "_rels/.rels": rels.encode(),
                      part: document.encode()})


# --------------------------------------------------------------------------- texts


def text_with_bad_bytes() -> bytes:
    data = sample(TEXT)
    middle = data.index(b"\n", len(data) // 2)
    cut = len(data) - 1  # the file ends in the middle of a letter
    while data[cut] < 0x80:
        cut -= 1
    return data[:middle] + b"\xff" + data[middle:cut]


def text_mentioning_pdf() -> bytes:
    return ("Ghi chú: bản gốc gửi kèm là tệp %PDF-1.7 xuất từ Word.\n".encode()
            + sample(TEXT))


def text_with_control_characters() -> bytes:
    """A date line that would clear the screen and print a green verdict on a terminal (at its
    end, so the date still reads and the line is quoted in the report)."""
    trap = "\x1b[2J\x1b[H\x1b[32mĐẠT\x1b[0m\x07"
    text = sample(TEXT).decode("utf-8")
    start = text.index("ngày")
    end = text.index("\n", start)
    return (text[:end] + trap + text[end:]).encode("utf-8")


def text_with_a_dot_leader() -> bytes:
    """A reference whose number is a blank of 300,000 dots: a pattern that can split the run
    two ways takes quadratic time on it (the file then times out instead of being read)."""
    blank = "\nGhi chú: văn bản dẫn chiếu Quyết định số " + "." * 300_000 + "\n"
    return sample(TEXT) + blank.encode()


def text_with_a_run_of_marks() -> bytes:
    """200,000 marks in one word ("_._._"): a tokenizer that strips them one at a time,
    copying the rest each time, takes minutes."""
    return sample(TEXT) + ("\nGhi chú: Số " + "_." * 100_000 + "\n").encode()


def text_with_a_long_closing_line() -> bytes:
    """A last line of 500,000 commas and spaces: one try per word of where a signer's position
    might end, each over the words before it, took minutes."""
    return sample(TEXT) + ("\n" + ", " * 500_000 + "\n").encode()


def huge_line(size: int = 50 * _MIB) -> bytes:
    words = "Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội ".encode()
    return (words * (size // len(words) + 1))[:size]


# --------------------------------------------------------------------------- build


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _folder(base: Path, name: str) -> Path:
    folder = base / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _archives(base: Path) -> list[Hostile]:
    pair = {"1-dat.pdf": sample(PASSING), "2-khong-dat.pdf": sample(FAILING)}
    names = {
        cp1258("Quyết định.pdf"): sample(PASSING),
        legacy.encode("Quyết định lần 2.pdf", "tcvn3").encode("latin-1"): sample(FAILING),
    }
    return [
        Hostile("zip_stored", _write(base / "stored.zip", zip_bytes(pair, zipfile.ZIP_STORED)),
                2, ("compliant", "non_compliant")),
        Hostile("zip_deflated", _write(base / "deflated.zip", zip_bytes(pair)), 2,
                ("compliant", "non_compliant")),
        Hostile("zip_dossier", _write(base / "dossier.zip", zip_bytes(
            {"quyet-dinh.docx": sample(DECISION), "quy-che.txt": sample(REGULATION)})), 2),
        Hostile("zip_legacy_names", _write(base / "legacy-names.zip", legacy_name_zip(names)),
                2),
        Hostile("zip_traversal", _write(base / "traversal.zip", zip_bytes(
            {"../../../tmp/x.pdf": sample(PASSING), "/etc/y.pdf": sample(FAILING)})), 2),
        Hostile("zip_lying_sizes", _write(base / "lying.zip", lying_zip(200 * _MIB)), 1,
                ("error",), ("corrupt",)),
        Hostile("zip_ratio", _write(base / "ratio.zip", zip_bytes(
            {"a.txt": b"a" * (40 * _MIB)})), 1, ("error",), ("too_large",)),
        Hostile("zip_many_members", _write(base / "many.zip", zip_bytes(
            {f"{i:05}.txt": b"x" for i in range(20000)})), 1, ("error",), ("too_large",)),
        Hostile("zip_nested_deep", _write(base / "nested.zip", nested_zip(8)), 1, ("error",),
                ("too_large",)),
        Hostile("zip_truncated", _write(base / "truncated.zip",
                                        zip_bytes(pair)[: len(zip_bytes(pair)) // 2]), 1,
                ("error",), ("corrupt",)),
        Hostile("zip_encrypted_member", _write(base / "encrypted.zip", encrypted_member_zip()),
                2, ("error", "compliant"), ("encrypted", None)),
        Hostile("zip_empty", _write(base / "empty.zip", zip_bytes({})), 1, ("error",),
                ("empty",)),
    ]


def _documents(base: Path) -> list[Hostile]:
    return [
        Hostile("pdf_many_pages", _write(base / "many-pages.pdf", many_pages_pdf(2000)), 1),
        Hostile("pdf_nested_xobjects", _write(base / "xobjects.pdf", nested_xobject_pdf()), 1),
        Hostile("pdf_huge_page", _write(base / "huge-page.pdf", huge_page_pdf()), 1),
        Hostile("pdf_circular_pages", _write(base / "circular.pdf", circular_pages_pdf()), 1),
        Hostile("png_huge", _write(base / "huge.png", huge_png()), 1),
        Hostile("tiff_many_frames", _write(base / "frames.tiff", many_frames_tiff()), 1),
        Hostile("bmp_scan", _write(base / "scan.bmp", bmp_scan()), 1),
        Hostile("docx_document2", _write(base / "online.docx",
                                         docx_with("word/document2.xml", 20)), 1),
        Hostile("docx_100k_paragraphs", _write(base / "paragraphs.docx",
                                               docx_with("word/document.xml", 100_000)), 1),
        Hostile("txt_huge_line", _write(base / "huge-line.txt", huge_line()), 1),
        Hostile("txt_bad_bytes", _write(base / "bad-bytes.txt", text_with_bad_bytes()), 1),
        Hostile("txt_mentions_pdf", _write(base / "mentions-pdf.txt", text_mentioning_pdf()), 1,
                ("compliant",)),
        Hostile("txt_dot_leader", _write(base / "dot-leader.txt", text_with_a_dot_leader()), 1,
                ("compliant",)),
        Hostile("txt_run_of_marks", _write(base / "marks.txt", text_with_a_run_of_marks()), 1,
                ("compliant",)),
        Hostile("txt_long_closing_line", _write(base / "closing-line.txt",
                                                text_with_a_long_closing_line()), 1,
                ("compliant",)),
        Hostile("txt_control_chars", _write(base / "control.txt",
                                            text_with_control_characters()), 1),
        Hostile("txt_many_chars", _write(base / "many-chars.txt",
                                         (sample(TEXT) + b"\n") * 1500), 1),
        Hostile("bad_utf8_name", _write(base / os.fsdecode(b"quy\xe9t-\xff.txt"),
                                        sample(TEXT)), 1, ("compliant",)),
        Hostile("empty_file", _write(base / "empty.pdf", b""), 1, ("error",), ("empty",)),
        Hostile("random_bytes", _write(base / "random.pdf", os.urandom(4096)), 1, ("error",)),
    ]


def _special(base: Path) -> list[Hostile]:
    cases: list[Hostile] = []
    fifo = _folder(base, "fifo")
    os.mkfifo(fifo / "ong.pdf")
    cases.append(Hostile("fifo", fifo, 1, ("error",), ("unreadable",)))
    sock_folder = _folder(base, "socket")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_folder / "s.pdf"))
    cases.append(Hostile("socket", sock_folder, 1, ("error",), ("unreadable",)))
    loop = _folder(base, "symlink-loop")
    _write(loop / "a" / "qd.txt", sample(TEXT))
    os.symlink("..", loop / "a" / "vong")
    os.symlink("vong.pdf", loop / "vong.pdf")  # a link to itself
    cases.append(Hostile("symlink_loop", loop, 2, ("error", "compliant")))
    if os.geteuid() == 0:
        device = _folder(base, "device")
        os.mknod(device / "zero.pdf", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
        cases.append(Hostile("device", device, 1, ("error",), ("unreadable",)))
    else:
        locked = _folder(base, "unreadable")
        _write(locked / "khoa.pdf", sample(PASSING)).chmod(0)
        cases.append(Hostile("unreadable_file", locked, 1, ("error",), ("unreadable",)))
    dangling = _folder(base, "dangling")
    os.symlink("khong-co.pdf", dangling / "hong.pdf")
    cases.append(Hostile("dangling_link", dangling, 1, ("error",), ("unreadable",)))
    outside = _folder(base, "outside")
    os.symlink("/etc/passwd", outside / "passwd.txt")
    cases.append(Hostile("link_outside", outside, 1, ("error",), ("unreadable",)))
    deep = _folder(base, "too-long")
    path = deep
    while len(os.fsencode(path)) < 4200:
        path = path / ("d" * 200)
    _make_long(path)
    cases.append(Hostile("path_too_long", deep, 1, ("error",), ("unreadable",)))
    litter = _folder(base, "litter")
    for name in ("Thumbs.db", "desktop.ini", ".DS_Store", "~$qd.docx", "README.md"):
        _write(litter / name, b"\0\1\2 litter")
    _write(litter / "qd.txt", sample(TEXT))
    _write(litter / "validator.toml", b'select = ["ND30-01"]\nfail_on = "never"\n')
    cases.append(Hostile("litter_and_settings", litter, 1, ("compliant",)))
    return cases


def _make_long(path: Path) -> None:
    """mkdir -p for a path longer than PATH_MAX, one component at a time."""
    parts = path.parts
    fd = os.open(parts[0], os.O_RDONLY)
    try:
        for part in parts[1:]:
            with contextlib.suppress(FileExistsError):
                os.mkdir(part, dir_fd=fd)
            new = os.open(part, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = new
        target = os.open("qd.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(target, sample(TEXT))
        os.close(target)
    finally:
        os.close(fd)


BUILDERS: dict[str, Callable[[Path], list[Hostile]]] = {
    "archives": _archives,
    "documents": _documents,
    "special": _special,
}


def build(folder: Path, groups: tuple[str, ...] = tuple(BUILDERS)) -> list[Hostile]:
    cases: list[Hostile] = []
    for group in groups:
        cases += BUILDERS[group](_folder(folder, group))
    return cases


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
