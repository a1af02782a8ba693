"""LibreOffice conversions, and the fixed stamps that make office files byte-reproducible."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
import zipfile
from collections.abc import Sequence
from pathlib import Path


def soffice(paths: Sequence[Path], target: str, outdir: Path, profile: str) -> None:
    """Convert with LibreOffice in its own profile so parallel runs do not collide."""
    cmd = ["soffice", f"-env:UserInstallation=file:///tmp/lo-build-samples-{profile}",
           "--headless", "--convert-to", target, "--outdir", str(outdir), *map(str, paths)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


def stable_zip(data: bytes) -> bytes:
    """Rewrite a zip (DOCX) with fixed timestamps so the bytes do not change between runs."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 8, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def stable_pdf(data: bytes, seed: str) -> bytes:
    """Replace LibreOffice's creation time and random file ID by fixed same-length values."""

    def fixed_date(match: re.Match[bytes]) -> bytes:
        value = b"D:20240101080000"
        return match.group(1) + value + b" " * (len(match.group(2)) - len(value)) + b")"

    data = re.sub(rb"(/CreationDate\s*\()([^)]*)\)", fixed_date, data)
    digest = hashlib.sha256(seed.encode()).hexdigest().upper().encode()

    def fixed_id(match: re.Match[bytes]) -> bytes:
        return re.sub(rb"<[0-9A-Fa-f]+>", b"<" + digest[:32] + b">", match.group(0))

    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]{32}", b"/DocChecksum /" + digest[32:64], data)
    return re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]", fixed_id, data)
