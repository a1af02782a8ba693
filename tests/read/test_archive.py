"""ZIP archives: members and their names, limits on the real inflated size, nesting."""

from __future__ import annotations

import re
import resource
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from script_loader import load_script

from validator.model import ReadFailure
from validator.read import legacy
from validator.read.archive import decode_legacy_name, expand
from validator.read.limits import Limits
from validator.read.sniff import sniff

hostile = load_script("bench/hostile_inputs.py", "hostile_inputs")
PDF = hostile.sample(hostile.PASSING)


def expanded(data: bytes, folder: Path, **limits: int) -> list[tuple[str, str, str | None]]:
    members = expand(data, folder, replace(Limits(), **limits))
    return [(m.name, m.archive, m.failure.code if m.failure else None) for m in members]


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_a_zip_of_pdfs_is_an_archive_and_each_document_a_member(tmp_path, method) -> None:
    data = hostile.zip_bytes({"b.pdf": PDF, "hồ sơ/a.pdf": PDF, "README.md": b"x",
                              "__MACOSX/._b.pdf": b"x", "sub/": b"", "Thumbs.db": b"x"}, method)
    assert sniff(data) == "zip"  # never "the last PDF inside"
    assert expanded(data, tmp_path) == [("b.pdf", "", None), ("hồ sơ/a.pdf", "", None)]
    members = expand(data, tmp_path, Limits())
    assert members[0].read() == PDF


def test_member_names_cannot_leave_the_archive(tmp_path) -> None:
    data = hostile.zip_bytes({"../../etc/a.pdf": PDF, "/abs/b.pdf": PDF, "c\\d\\e.pdf": PDF,
                              "./f/../g.pdf": PDF})
    names = [name for name, _, _ in expanded(data, tmp_path)]
    assert names == ["abs/b.pdf", "c/d/e.pdf", "etc/a.pdf", "f/g.pdf"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["000001", "000002", "000003",
                                                          "000004"]


@pytest.mark.parametrize("name", ["Quyết định số 5 của UBND xã Tân Phú.pdf",
                                  "Quy chế hoạt động Ban Chỉ đạo.pdf"])
def test_legacy_names_are_decoded(name) -> None:
    assert decode_legacy_name(name.encode("utf-8")) == name  # UTF-8 without the flag
    assert decode_legacy_name(hostile.cp1258(name)) == name
    tcvn3 = legacy.encode(name, "tcvn3").encode("latin-1")
    assert decode_legacy_name(tcvn3) == name
    assert decode_legacy_name("Caf\u00e9.pdf".encode("cp437")) == "Café.pdf"  # as stored


def test_legacy_names_in_an_archive(tmp_path) -> None:
    data = hostile.legacy_name_zip({hostile.cp1258("Quyết định.pdf"): PDF,
                                    b"\xb5\xe7\x1b.pdf": PDF})
    names = [name for name, _, _ in expanded(data, tmp_path)]
    assert names[0] == "Quyết định.pdf"
    assert "\\x1b" in names[1] and "\x1b" not in names[1]  # a control character is shown


def test_an_archive_over_a_limit_fails_as_a_whole(tmp_path) -> None:
    many = hostile.zip_bytes({f"{i}.txt": b"x" for i in range(30)})
    with pytest.raises(ReadFailure, match="archive_members"):
        expand(many, tmp_path, replace(Limits(), archive_members=20))
    ratio = hostile.zip_bytes({"a.txt": b"a" * (8 << 20)})
    with pytest.raises(ReadFailure, match="archive_ratio") as caught:
        expand(ratio, tmp_path, Limits())
    assert caught.value.code == "too_large"
    total = hostile.zip_bytes({f"{i}.pdf": PDF for i in range(10)})
    with pytest.raises(ReadFailure, match="archive_bytes"):
        expand(total, tmp_path, replace(Limits(), archive_bytes=len(PDF) * 5))
    with pytest.raises(ReadFailure, match="archive_depth"):
        expand(hostile.nested_zip(5), tmp_path, Limits())
    with pytest.raises(ReadFailure) as cut:
        expand(total[: len(total) // 2], tmp_path, Limits())
    assert cut.value.code == "corrupt"
    with pytest.raises(ReadFailure) as empty:
        expand(hostile.zip_bytes({"README.md": b"x"}), tmp_path, Limits())
    assert empty.value.code == "empty"


def test_nested_archives_name_their_members_and_dossiers(tmp_path) -> None:
    inner = hostile.zip_bytes({"qd.pdf": PDF, "qc.pdf": PDF})
    data = hostile.zip_bytes({"xa-a.zip": inner, "xa-b/ho-so.zip": inner, "tinh.pdf": PDF})
    assert expanded(data, tmp_path) == [
        ("tinh.pdf", "", None),
        ("xa-a.zip/qc.pdf", "xa-a.zip", None), ("xa-a.zip/qd.pdf", "xa-a.zip", None),
        ("xa-b/ho-so.zip/qc.pdf", "xa-b/ho-so.zip", None),
        ("xa-b/ho-so.zip/qd.pdf", "xa-b/ho-so.zip", None),
    ]


def test_a_member_that_alone_cannot_be_read_is_its_own_entry(tmp_path) -> None:
    data = hostile.encrypted_member_zip()
    assert expanded(data, tmp_path) == [("a-ma-hoa.pdf", "", "encrypted"), ("b.pdf", "", None)]
    big = hostile.zip_bytes({"big.txt": b"x " * (1 << 20), "ok.pdf": PDF})
    assert expanded(big, tmp_path, max_bytes=1 << 20, archive_ratio=10_000) == [
        ("big.txt", "", "too_large"), ("ok.pdf", "", None)]
    (too_big, _) = expand(big, tmp_path, replace(Limits(), max_bytes=1 << 20,
                                                   archive_ratio=10_000))
    assert too_big.failure is not None
    assert re.fullmatch(r"max_size: [\d.]+ MB > 1 MB", too_big.failure.detail)  # set in MB
    inner_cut = hostile.zip_bytes({"ho-so.zip": hostile.zip_bytes({"a.pdf": PDF})[:100]})
    assert expanded(inner_cut, tmp_path)[0][2] in ("corrupt", "unsupported_format", None)


def test_sizes_an_archive_declares_are_not_trusted(tmp_path) -> None:
    """200 MB of zeros declared as 1000 bytes: read in bounded chunks, memory stays low."""
    data = hostile.lying_zip(200 << 20)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    members = expand(data, tmp_path, Limits())
    grown_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert [m.failure.code if m.failure else None for m in members] in (
        ["corrupt"], ["too_large"])
    assert grown_mib < 50
