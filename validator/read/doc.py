"""Legacy Word 97-2003 .doc, converted by LibreOffice to DOCX and read as a DOCX.

Measured on real and generated .doc files (bench/bench_doc.py): LibreOffice keeps what the
text converters lose — automatic numbering (rendered by our DOCX reader), run fonts (TCVN3
capitals in .VnTimeH), text boxes, and the table structure that keeps a letterhead's two
columns apart — at about 0.7 s a file. antiword and catdoc (milliseconds) remain the fallback
when LibreOffice is missing or fails, and when it drops a table that ends the file (then
antiword's text, unless the text is TCVN3, which only LibreOffice keeps whole).

An OLE container is looked into first (olefile): a password-protected DOCX as Word saves it
(`EncryptionInfo` + `EncryptedPackage` streams) and a .doc whose FIB sets fEncrypted are
`encrypted`; a container without a `WordDocument` stream is not a Word file at all.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import olefile

from validator.model import Encoding, ReadFailure, ReadResult
from validator.read import legacy
from validator.read.docx_package import main_part
from validator.read.text import split_pages

INSTALL_HINT = "apt-get install antiword catdoc libreoffice-writer-nogui"
CONVERT_TIMEOUT = 60
_FIB_ENCRYPTED = 0x0100  # FibBase flags (offset 10): fEncrypted

# Converters print Word's 8-bit text as Windows-1252; legacy decoding wants the byte values.
_CP1252_TO_BYTE = {
    ord(bytes([b]).decode("cp1252")): chr(b)
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def read_doc(data: bytes) -> ReadResult:
    refuse_unreadable_container(data)
    with tempfile.TemporaryDirectory(prefix="validator-doc-") as folder:
        source = Path(folder, "input.doc")
        source.write_bytes(data)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        converted = _libreoffice(soffice, source, "docx") if soffice else None
        docx_data = converted.read_bytes() if converted is not None else None
        if docx_data is not None and not _lost_tables(source, docx_data):
            return _as_doc(docx_data)
        _catdoc_keeps_soft_hyphens(Path(folder))
        text = _convert(source, soffice)
        if _looks_tcvn3(text):
            # The text converters lose what TCVN3 needs (ư, the .VnTimeH capitals): even with
            # a final table's cells run together, LibreOffice's DOCX is nearer the document.
            if docx_data is not None:
                return _as_doc(docx_data)
            if shutil.which("catdoc"):  # a format that keeps U+00AD, the letter ư
                text = _run(["catdoc", "-f", "plain", "-d", "utf-8", "-w", str(source)],
                            str(source.parent)) or text
    text, encoding = _decode_legacy(_tables_to_tabs(text))
    if not text.strip():
        raise ReadFailure("empty")
    return ReadResult(format="doc", encoding=encoding, pages=tuple(split_pages(text)))


def _as_doc(docx_data: bytes) -> ReadResult:
    from validator.read.docx import read_docx

    return replace(read_docx(docx_data), format="doc")


def refuse_unreadable_container(data: bytes) -> None:
    """ReadFailure for an OLE container that is encrypted or holds no Word document."""
    try:
        container = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, KeyError):
        return  # damaged: the converters decide, and say "corrupt"
    with contextlib.closing(container):
        if container.exists("EncryptionInfo") or container.exists("EncryptedPackage"):
            raise ReadFailure("encrypted")
        if not container.exists("WordDocument"):
            raise ReadFailure("unsupported_format", "OLE container without a Word document")
        try:
            fib = container.openstream("WordDocument").read(12)
        except (OSError, ValueError, IndexError, KeyError):
            return
    if len(fib) == 12 and int.from_bytes(fib[10:12], "little") & _FIB_ENCRYPTED:
        raise ReadFailure("encrypted")


def _lost_tables(source: Path, converted: bytes) -> bool:
    """True when antiword sees more tables than LibreOffice's DOCX holds.

    LibreOffice drops a table that ends a .doc with no paragraph after it (files written by
    converters, not by Word), merging its cells into one paragraph; antiword, in milliseconds,
    still sees the rows, so that file is read from antiword's text instead.
    """
    if not shutil.which("antiword"):
        return False
    text = _run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)], str(source.parent))
    if not text:
        return False
    rows = [_is_antiword_row(line) for line in text.split("\n")]
    tables = sum(1 for before, row in zip([False, *rows], rows, strict=False) if row and not before)
    try:
        with zipfile.ZipFile(io.BytesIO(converted)) as archive:
            name = main_part(archive)
            xml = archive.read(name) if name else b""
    except (zipfile.BadZipFile, KeyError, OSError):
        return False
    return tables > xml.count(b"<w:tbl>")


def _is_antiword_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3


def _catdoc_keeps_soft_hyphens(home: Path) -> None:
    """catdoc's stock output formats delete U+00AD, which is the letter ư in TCVN3 text.

    A private output format with no substitutions keeps it; catdoc finds the format through
    the configuration file in $HOME.
    """
    (home / "maps").mkdir()
    # Word's cell mark and row mark become TAB and a line break, as in catdoc's ascii format.
    (home / "maps" / "plain.specchars").write_text('001C "\\t"\n001E "\\n"\n', encoding="ascii")
    (home / "maps" / "plain.replchars").touch()
    (home / ".catdocrc").write_text(f"map_path = {home / 'maps'}\n", encoding="ascii")


def _looks_tcvn3(text: str) -> bool:
    return legacy.detect(text.translate(_CP1252_TO_BYTE)) == "tcvn3"


def _convert(source: Path, soffice: str | None) -> str:
    home = str(source.parent)
    converters = [
        ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)]),
        ("catdoc", ["catdoc", "-f", "plain", "-d", "utf-8", "-w", str(source)]),
    ]
    available = [(name, cmd) for name, cmd in converters if shutil.which(name)]
    if not available and not soffice:
        raise ReadFailure("unsupported_format", INSTALL_HINT)
    for _name, command in available:
        output = _run(command, home)
        if output is not None and output.strip():
            return output
    raise ReadFailure("corrupt", "the .doc converter could not read the file")


def _run(command: list[str], home: str) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False,
                              env={**os.environ, "HOME": home})
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        stderr = done.stderr.decode("utf-8", "replace").lower()
        if "encrypt" in stderr or "password" in stderr:
            raise ReadFailure("encrypted")
        return None
    return done.stdout.decode("utf-8", errors="replace")


def _libreoffice(soffice: str, source: Path, target: str) -> Path | None:
    """LibreOffice, with a profile of its own so calls can overlap, and a time limit.

    soffice is a launcher (oosplash) that starts soffice.bin; a conversion that hangs is ended
    by killing the whole tree, so no office process outlives the call.
    """
    profile = Path(source.parent, "lo-profile").as_uri()
    outdir = source.parent / "converted"
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), str(source)]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**os.environ, "HOME": str(source.parent)})
    except OSError:
        return None
    try:
        process.wait(timeout=CONVERT_TIMEOUT)
    except BaseException as stop:  # the time limit, or the run being interrupted
        _kill_tree(process.pid)  # not reaped yet, so the pid is still this process
        process.wait()
        if isinstance(stop, subprocess.TimeoutExpired):
            return None
        raise
    found = sorted(outdir.glob(source.stem + ".*"))
    return found[0] if found else None


def _kill_tree(pid: int) -> None:
    """SIGKILL a process's descendants, then the process (a no-op once all have exited).

    The tree stays in the caller's process group, so a batch that ends its group ends the
    office processes too; this is for the timeout, when the caller lives on.
    """
    for child in _children(pid):
        _kill_tree(child)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.kill(pid, signal.SIGKILL)


def _children(pid: int) -> list[int]:
    found = []
    with contextlib.suppress(OSError):
        for task in Path(f"/proc/{pid}/task").iterdir():
            with contextlib.suppress(OSError, ValueError):
                found.extend(int(c) for c in (task / "children").read_text().split())
    return found


def _tables_to_tabs(text: str) -> str:
    """Table rows become TAB-separated lines; two-cell layout rows become separate lines.

    antiword draws rows as |cell|cell|; catdoc ends a cell with TAB after its last
    paragraph, so a header block (issuing body | national motto) arrives as one line
    "Số: 57/QĐ-UBND<TAB>CỘNG HÒA ..." whose halves belong to different columns.
    """
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if _is_antiword_row(stripped):
            line = "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
        if line.count("\t") == 1:
            lines.extend(part.strip() for part in line.split("\t"))
        else:
            lines.append(line)
    return "\n".join(lines)


def _decode_legacy(text: str) -> tuple[str, Encoding]:
    view = text.translate(_CP1252_TO_BYTE)
    guess = legacy.detect(view)
    if guess == "unicode":
        return text, "unicode"
    decoded = legacy.decode(view, guess)
    if guess == "tcvn3":
        decoded = "\n".join(_capitals_font(line) for line in decoded.split("\n"))
    return decoded, guess


def _capitals_font(paragraph: str) -> str:
    """The converters drop font names, so .VnTimeH paragraphs decode in lower case.

    A Word paragraph typed in .VnTime starts with a capital or a digit or a dash ("Điều",
    "1.", "- Như trên"); one with letters and no capital at all was drawn by a capitals
    font, and is given its capitals back.
    """
    if any(ch.isupper() for ch in paragraph) or not any(ch.isalpha() for ch in paragraph):
        return paragraph
    return paragraph.upper()
