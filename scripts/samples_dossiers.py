"""samples/dossiers/: ZIP dossiers of a decision and its regulation, as submitters send them.

Built from the generated documents of samples/ (run after them): the archives differ in how
they are zipped (deflated, stored, names in the old Windows code page 1258 without the UTF-8
flag) and in whether the regulation names its decision right. manifest.json says, per archive,
each member's verdict, the cross-file ND30-08 status of the regulation, and the dossier's
verdict.
"""

from __future__ import annotations

import io
import json
import unicodedata
import zipfile
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_STAMP = (2024, 3, 12, 8, 0, 0)  # fixed, so the archives are byte-for-byte reproducible
_TONES = "\u0300\u0301\u0303\u0309\u0323"

ARCHIVES = [
    {
        "file": "ho-so-tinh-quang-ngai-2020.zip",
        "method": zipfile.ZIP_DEFLATED,
        "names": "utf-8",
        "members": {"Quyết định thành lập BCĐ.docx": "qd-tinh-2020-table.docx",
                    "Quy chế hoạt động BCĐ.txt": "qc-tinh-2020-utf16.txt"},
        "verdicts": {"Quyết định thành lập BCĐ.docx": "compliant",
                     "Quy chế hoạt động BCĐ.txt": "compliant"},
        "nd30_08": "pass",
        "dossier_verdict": "compliant",
        "notes": "Deflated, UTF-8 names; the regulation names decision 1458 of 15/10/2020, "
                 "the decision beside it.",
    },
    {
        "file": "ho-so-huyen-2020-cp1258.zip",
        "method": zipfile.ZIP_STORED,
        "names": "cp1258",
        "members": {"Quyết định BCĐ huyện.doc": "qd-huyen-2020.doc",
                    "Quy chế BCĐ huyện.pdf": "qc-huyen-2020-bao-cao-hop.pdf"},
        "verdicts": {"Quyết định BCĐ huyện.doc": "compliant",
                     "Quy chế BCĐ huyện.pdf": "non_compliant"},
        "nd30_08": "pass",
        "dossier_verdict": "non_compliant",
        "notes": "Stored (not compressed), names in Windows-1258 without the UTF-8 flag as old "
                 "Windows zip tools write them; the regulation fails CV3036-09.",
    },
    {
        "file": "ho-so-tinh-2020-so-lech.zip",
        "method": zipfile.ZIP_DEFLATED,
        "names": "utf-8",
        "members": {"qd.docx": "qd-tinh-2020-table.docx", "qc.txt": "qc-tinh-2020-utf16.txt"},
        "replace": {"qc.txt": ("1458", "1485")},
        "verdicts": {"qd.docx": "compliant", "qc.txt": "compliant"},
        "nd30_08": "fail",
        "dossier_verdict": "compliant",
        "notes": "The regulation names decision 1485, the decision beside it is 1458: ND30-08 "
                 "(a warning) fails across the files.",
    },
]


def cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: base letter, then the tone mark."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in parts if mark in _TONES)
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in _TONES))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def _member_bytes(spec: dict, name: str, source: str) -> bytes:
    data = (SAMPLES / source).read_bytes()
    if name in spec.get("replace", {}):
        old, new = spec["replace"][name]
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-8"
        data = data.replace(old.encode(codec), new.encode(codec))
    return data


class _LegacyName(zipfile.ZipInfo):
    """A name written as raw code-page bytes without the UTF-8 flag (zipfile itself writes
    any non-ASCII name as flagged UTF-8)."""

    def __init__(self, raw: bytes) -> None:
        super().__init__(raw.decode("cp437"), date_time=_STAMP)
        self.raw = raw

    def _encodeFilenameFlags(self) -> tuple[bytes, int]:  # zipfile calls it by this name
        return self.raw, self.flag_bits & ~0x800


def archive(spec: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", spec["method"]) as zipped:
        for name, source in spec["members"].items():
            info = (_LegacyName(cp1258(name)) if spec["names"] == "cp1258"
                    else zipfile.ZipInfo(name, date_time=_STAMP))
            info.compress_type = spec["method"]
            zipped.writestr(info, _member_bytes(spec, name, source))
    return buffer.getvalue()


def build(folder: Path) -> None:
    entries = []
    for spec in ARCHIVES:
        (folder / spec["file"]).write_bytes(archive(spec))
        entries.append({
            "file": spec["file"],
            "names": spec["names"],
            "stored": spec["method"] == zipfile.ZIP_STORED,
            "members": {name: {"source": source, "verdict": spec["verdicts"][name]}
                        for name, source in spec["members"].items()},
            "nd30_08": spec["nd30_08"],
            "dossier_verdict": spec["dossier_verdict"],
            "notes": spec["notes"],
        })
    manifest = {"generated_by": "scripts/samples_dossiers.py", "files": entries}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
