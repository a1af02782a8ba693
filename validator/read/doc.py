"""Legacy Word 97-2003 .doc through a converter from Debian: antiword, catdoc, LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

from validator.model import Encoding, ReadFailure, ReadResult
from validator.read import legacy
from validator.read.text import split_pages

INSTALL_HINT = "apt-get install antiword catdoc libreoffice-writer-nogui"
CONVERT_TIMEOUT = 60

# Converters print Word's 8-bit text as Windows-1252; legacy decoding wants the byte values.
_CP1252_TO_BYTE = {
    ord(bytes([b]).decode("cp1252")): chr(b)
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def read_doc(data: bytes) -> ReadResult:
    with tempfile.TemporaryDirectory(prefix="validator-doc-") as folder:
        source = Path(folder, "input.doc")
        source.write_bytes(data)
        _catdoc_keeps_soft_hyphens(Path(folder))
        text = _convert(source)
        if _looks_tcvn3(text):
            text = _tcvn3_text(source, text)
            if isinstance(text, ReadResult):
                return text
    text, encoding = _decode_legacy(_tables_to_tabs(text))
    if not text.strip():
        raise ReadFailure("empty")
    return ReadResult(format="doc", encoding=encoding, pages=tuple(split_pages(text)))


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


def _tcvn3_text(source: Path, text: str) -> str | ReadResult:
    """TCVN3 needs what antiword drops: the soft hyphen (ư) and the font names (capitals).

    LibreOffice turns the file into a DOCX whose runs keep their fonts; without it,
    catdoc with a format that keeps U+00AD is the next best thing.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        converted = _libreoffice(soffice, source, "docx")
        if converted is not None:
            from validator.read.docx import read_docx

            result = read_docx(converted.read_bytes())
            return replace(result, format="doc")
    if shutil.which("catdoc"):
        output = _run(["catdoc", "-f", "plain", "-d", "utf-8", "-w", str(source)],
                      str(source.parent))
        if output:
            return output
    return text


def _convert(source: Path) -> str:
    home = str(source.parent)
    converters = [
        ("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0", str(source)]),
        ("catdoc", ["catdoc", "-f", "plain", "-d", "utf-8", "-w", str(source)]),
    ]
    available = [(name, cmd) for name, cmd in converters if shutil.which(name)]
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not available and not soffice:
        raise ReadFailure("unsupported_format", INSTALL_HINT)
    for _name, command in available:
        output = _run(command, home)
        if output is not None and output.strip():
            return output
    converted = _libreoffice(soffice, source, "txt:Text (encoded):UTF8") if soffice else None
    if converted is None:
        raise ReadFailure("corrupt", "the .doc converter could not read the file")
    return converted.read_text(encoding="utf-8-sig", errors="replace")


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
    """LibreOffice is complete but slow; each call gets its own profile so calls can overlap."""
    profile = Path(source.parent, "lo-profile").as_uri()
    outdir = source.parent / "converted"
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
               target, "--outdir", str(outdir), str(source)]
    try:
        subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT * 2, check=False,
                       env={**os.environ, "HOME": str(source.parent)})
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = sorted(outdir.glob(source.stem + ".*"))
    return found[0] if found else None


def _tables_to_tabs(text: str) -> str:
    """Table rows become TAB-separated lines; two-cell layout rows become separate lines.

    antiword draws rows as |cell|cell|; catdoc ends a cell with TAB after its last
    paragraph, so a header block (issuing body | national motto) arrives as one line
    "Số: 57/QĐ-UBND<TAB>CỘNG HÒA ..." whose halves belong to different columns.
    """
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
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
