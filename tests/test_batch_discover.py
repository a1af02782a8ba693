"""Discovery: document files only in folders and globs, litter and excludes left out, links
kept inside the folder, and every path that cannot be read an entry of its own."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from batch_fakes import write

from validator.batch import MissingPathError, discover


def names(found) -> list[str]:
    return [item.name for item in found.inputs]


def problems(found) -> dict[str, str]:
    return {item.name: item.problem[0] for item in found.inputs if item.problem}


def test_folders_and_globs_take_documents_and_skip_litter(tmp_path, monkeypatch) -> None:
    write(tmp_path, {
        "b.pdf": "x", "a.docx": "x", "sub/c.txt": "x", "sub/deep/d.doc": "x", "e.ZIP": "x",
        ".hidden.pdf": "x", "~$a.docx": "x", "sub/e.docx~": "x", "sub/f.tmp": "x",
        ".git/config.txt": "x", "other/g.pdf": "x", "other/h.txt": "x", "README.md": "x",
        "manifest.json": "x", "Thumbs.db": "x", "sub/desktop.ini": "x", ".DS_Store": "x",
        "report.xlsx": "x", "scan.bmp": "x",
    })
    monkeypatch.chdir(tmp_path)
    found = discover(["."])
    assert names(found) == ["a.docx", "b.pdf", "e.ZIP", "scan.bmp", "other/g.pdf",
                            "other/h.txt", "sub/c.txt", "sub/deep/d.doc"]
    assert found.skipped == 10 and found.excluded == 0
    assert names(discover(["other/*.pdf", "sub", "b.pdf", "./b.pdf"])) == [
        "b.pdf", "other/g.pdf", "sub/c.txt", "sub/deep/d.doc"]
    assert names(discover(["**/*.doc*"])) == ["a.docx", "sub/deep/d.doc"]
    # named explicitly: always taken, whatever the name
    assert names(discover([".hidden.pdf", "README.md", "Thumbs.db"])) == [
        ".hidden.pdf", "README.md", "Thumbs.db"]


def test_excludes_leave_out_names_paths_and_folders(tmp_path, monkeypatch) -> None:
    write(tmp_path, {"bad-1.pdf": "x", "good.pdf": "x", "drafts/a.pdf": "x",
                     "sub/bad-2.txt": "x", "sub/ok.txt": "x"})
    monkeypatch.chdir(tmp_path)
    found = discover(["."], exclude=["bad-*", "drafts"])
    assert names(found) == ["good.pdf", "sub/ok.txt"]
    assert found.excluded == 3
    assert names(discover(["."], exclude=["sub/*"])) == ["bad-1.pdf", "good.pdf", "drafts/a.pdf"]
    assert names(discover(["bad-1.pdf"], exclude=["bad-*"])) == ["bad-1.pdf"]


def test_a_folder_is_ordered_files_first_so_dossiers_are_consecutive(tmp_path) -> None:
    write(tmp_path, {"a/x.pdf": "x", "a/sub/y.pdf": "x", "a/z.pdf": "x", "a-b/w.pdf": "x"})
    found = discover([str(tmp_path)], dossiers=True)
    relative = [(os.path.relpath(i.name, tmp_path), os.path.relpath(i.dossier, tmp_path))
                for i in found.inputs]
    assert relative == [("a/x.pdf", "a"), ("a/z.pdf", "a"), ("a/sub/y.pdf", "a/sub"),
                        ("a-b/w.pdf", "a-b")]


def test_a_missing_path_is_an_error(tmp_path) -> None:
    with pytest.raises(MissingPathError) as caught:
        discover([str(tmp_path / "nope.pdf")])
    assert caught.value.path.endswith("nope.pdf")
    with pytest.raises(MissingPathError):
        discover([str(tmp_path / "*.pdf")])  # a glob matching nothing


def test_special_files_and_broken_links_are_entries_never_waits(tmp_path) -> None:
    write(tmp_path, {"ok.pdf": "x"})
    os.mkfifo(tmp_path / "fifo.pdf")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock.pdf"))
        os.symlink("nowhere.pdf", tmp_path / "dangling.pdf")
        os.symlink("loop.pdf", tmp_path / "loop.pdf")
        found = discover([str(tmp_path)])
        named = discover([str(tmp_path / "dangling.pdf"), str(tmp_path / "ok.pdf")])
    base = str(tmp_path)
    assert problems(found) == {f"{base}/dangling.pdf": "unreadable",
                               f"{base}/fifo.pdf": "unreadable",
                               f"{base}/loop.pdf": "unreadable",
                               f"{base}/sock.pdf": "unreadable"}
    assert [i.name for i in found.inputs if not i.problem] == [f"{base}/ok.pdf"]
    assert "FIFO" in dict((i.name, i.problem[1]) for i in found.inputs if i.problem)[
        f"{base}/fifo.pdf"]
    # a dangling link among named files is one entry, not a refused run
    assert problems(named) == {f"{base}/dangling.pdf": "unreadable"}


def test_links_stay_inside_the_folder_and_loops_end(tmp_path) -> None:
    outside = tmp_path / "outside"
    inside = tmp_path / "checked"
    write(outside, {"secret.txt": "x"})
    write(inside, {"a.pdf": "x", "sub/b.pdf": "x"})
    os.symlink(outside / "secret.txt", inside / "passwd.txt")
    os.symlink(outside, inside / "outlink")
    os.symlink("..", inside / "sub" / "up")  # a loop
    os.symlink("a.pdf", inside / "same.pdf")  # the same file again
    found = discover([str(inside)])
    assert [i.name for i in found.inputs if not i.problem] == [
        f"{inside}/a.pdf", f"{inside}/sub/b.pdf"]
    assert problems(found) == {f"{inside}/passwd.txt": "unreadable",
                               f"{inside}/outlink": "unreadable"}
    glob = discover([f"{inside}/**/*.pdf"])
    assert [i.name for i in glob.inputs if not i.problem] == [
        f"{inside}/a.pdf", f"{inside}/sub/b.pdf"]
    # named explicitly, a link is the reviewer's own choice
    assert discover([str(inside / "passwd.txt")]).inputs[0].path == str(outside / "secret.txt")


def test_a_path_longer_than_path_max_is_an_entry(tmp_path) -> None:
    fd = os.open(tmp_path, os.O_RDONLY)
    for _ in range(25):  # 25 x 201 bytes > PATH_MAX (4096): built one folder at a time
        os.mkdir("d" * 200, dir_fd=fd)
        deeper = os.open("d" * 200, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = deeper
    os.close(os.open("x.pdf", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    os.close(fd)
    found = discover([str(tmp_path)])
    assert len(found.inputs) == 1 and found.inputs[0].problem is not None
    assert found.inputs[0].problem[0] == "unreadable"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_files_and_folders_are_entries(tmp_path) -> None:
    write(tmp_path, {"locked.pdf": "x", "closed/a.pdf": "x", "ok.pdf": "x"})
    (tmp_path / "locked.pdf").chmod(0)
    (tmp_path / "closed").chmod(0)
    try:
        found = discover([str(tmp_path)])
    finally:
        (tmp_path / "closed").chmod(0o755)
    assert problems(found) == {f"{tmp_path}/closed": "unreadable",
                               f"{tmp_path}/locked.pdf": "unreadable"}


def test_names_that_are_not_utf8_are_shown_escaped_and_opened_as_they_are(tmp_path) -> None:
    raw = os.fsdecode(b"quy\xe9t\\\x1b.txt")
    (tmp_path / raw).write_text("x", encoding="utf-8")
    found = discover([str(tmp_path)])
    item = found.inputs[0]
    assert item.name == f"{tmp_path}/quy\\xe9t\\\\\\x1b.txt"
    assert Path(item.path).read_bytes() == b"x"


def test_holds_finds_an_output_that_is_an_input(tmp_path) -> None:
    write(tmp_path, {"a.txt": "x", "b.pdf": "x"})
    found = discover([str(tmp_path)])
    assert found.holds(str(tmp_path / "a.txt")) == f"{tmp_path}/a.txt"
    assert found.holds(str(tmp_path / "report.json")) is None
