"""Finding the documents to check: files, folders (recursive) and globs (SPEC section 2).

- In a folder or glob only document files are taken (`names.DOCUMENT_SUFFIXES`); hidden files,
  office lock files and system files are litter and skipped, and so is whatever `exclude`
  patterns match. A file named explicitly is always taken, whatever its name.
- Symbolic links are followed only when they stay inside the folder being checked (a link
  named explicitly is the reviewer's own choice and is followed); links to folders are never
  walked, so loops cannot happen. The same file reached twice is checked once.
- Nothing that cannot be read is skipped in silence: a dangling link, a link out of the folder,
  a FIFO, socket or device, an unreadable file or folder, a path too long for the system - each
  is an `Input` carrying its problem, which becomes one error entry without reaching a worker.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from validator.model import ErrorCode
from validator.read import special_file_kind
from validator.read.names import display_name, excluded, is_document_name, is_litter

_GLOB_CHARS = frozenset("*?[")
_OUTSIDE = "liên kết trỏ ra ngoài thư mục được kiểm tra / a link out of the folder being checked"
_DANGLING = "liên kết hỏng / a broken link"


class MissingPathError(Exception):
    """A path on the command line that names no file, folder or glob match."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


@dataclass(frozen=True)
class Input:
    """One input of a run: a file to open, and the name reports show for it."""

    path: str  # what to open (a str as the OS gave it: may hold surrogate escapes)
    name: str = ""  # what reports show: valid UTF-8 (names.display_name); default from path
    dossier: str | None = None  # the folder dossier it belongs to (`--dossiers`)
    problem: tuple[ErrorCode, str] | None = None  # found at discovery: never opened

    def __post_init__(self) -> None:
        if not self.name:
            object.__setattr__(self, "name", display_name(self.path))


@dataclass
class Discovery:
    inputs: list[Input] = field(default_factory=list)
    skipped: int = 0  # files in folders and globs that are not documents, or litter
    excluded: int = 0  # files left out by `exclude` patterns
    _seen: dict[tuple[int, int], str] = field(default_factory=dict, repr=False)

    def holds(self, path: str) -> str | None:
        """The input's name when `path` is one of the inputs (the same file), else None."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        return self._seen.get((info.st_dev, info.st_ino))

    def _add(self, path: str, name: str, info: os.stat_result | None, dossiers: bool) -> None:
        if info is not None:
            key = (info.st_dev, info.st_ino)
            if key in self._seen:
                return
            self._seen[key] = name
        self.inputs.append(Input(path, name, _dossier_of(name) if dossiers else None))

    def _problem(self, name: str, code: ErrorCode, detail: str) -> None:
        self.inputs.append(Input(name, display_name(name), problem=(code, detail)))


def discover(args: Iterable[str], exclude: Sequence[str] = (),
             dossiers: bool = False) -> Discovery:
    """Every document named by `args`, once each; a folder's files before its subfolders."""
    found = Discovery()
    for arg in args:
        _expand(arg, found, tuple(exclude), dossiers)
    found.inputs.sort(key=lambda item: _order(item.name))
    return found


def _order(name: str) -> tuple[list[str], str]:
    """Files of one folder together, before its subfolders (a folder dossier is one run of
    consecutive entries); folders in tree order."""
    folder, _, base = name.rpartition("/")
    return folder.split("/"), base


def _dossier_of(name: str) -> str:
    return name.rpartition("/")[0] or "."


def _expand(arg: str, found: Discovery, exclude: tuple[str, ...], dossiers: bool) -> None:
    path = os.path.normpath(arg) if arg else arg
    if not os.path.lexists(path):
        if _GLOB_CHARS & set(arg):
            if not _glob(arg, found, exclude, dossiers):
                raise MissingPathError(arg)
            return
        if _too_long(path):
            found._problem(path, "unreadable", os.strerror(errno.ENAMETOOLONG))
            return
        raise MissingPathError(arg)
    if os.path.isdir(path):
        _walk(path, found, exclude, dossiers)
    else:
        _take_file(path, path, found, dossiers, root=None)  # named explicitly: always taken


def _take_file(path: str, name: str, found: Discovery, dossiers: bool,
               root: str | None) -> None:
    """A file (or link, or special file) found at `path`; `root` is the real path of the folder
    it was found in, None when named explicitly."""
    shown = display_name(name)
    try:
        if os.path.islink(path):
            target = os.path.realpath(path)
            if not os.path.exists(target):
                found._problem(name, "unreadable", _DANGLING)
                return
            if root is not None and os.path.commonpath([root, target]) != root:
                found._problem(name, "unreadable", _OUTSIDE)
                return
            path = target
        info = os.stat(path)
    except OSError as exc:
        found._problem(name, "unreadable", exc.strerror or str(exc))
        return
    if not stat.S_ISREG(info.st_mode):
        found._problem(name, "unreadable", special_file_kind(info.st_mode))
    elif not os.access(path, os.R_OK):
        found._problem(name, "unreadable", os.strerror(errno.EACCES))
    else:
        found._add(path, shown, info, dossiers)


def _walk(folder: str, found: Discovery, exclude: tuple[str, ...], dossiers: bool,
          pattern: list[str] | None = None) -> None:
    """Every document under `folder`; with `pattern` (glob components relative to `folder`)
    only the paths it matches, and folders it matches whole."""
    root = os.path.realpath(folder)

    def unreadable(error: OSError) -> None:
        where = os.path.normpath(error.filename) if error.filename else folder
        found._problem(where, "unreadable", error.strerror or str(error))

    whole: list[str] = []  # folders the glob names: all of each is taken
    for current, folders, files in os.walk(folder, onerror=unreadable):
        relative = os.path.relpath(current, folder)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        pattern_here = pattern
        if pattern is not None and prefix and (
            prefix.startswith(tuple(whole)) or _matches(prefix[:-1].split("/"), pattern)
        ):
            whole.append(prefix)
            pattern_here = None
        folders[:] = _folders_to_walk(current, folders, prefix, root, found, exclude,
                                      pattern_here)
        for name in files:
            rel = prefix + name
            if pattern_here is not None and not _matches(rel.split("/"), pattern_here):
                continue
            if not is_document_name(name):
                found.skipped += 1
            elif excluded(rel, exclude):
                found.excluded += 1
            else:
                path = os.path.normpath(os.path.join(current, name))
                _take_file(path, path, found, dossiers, root)


def _folders_to_walk(current: str, folders: list[str], prefix: str, root: str,
                     found: Discovery, exclude: tuple[str, ...],
                     pattern: list[str] | None) -> list[str]:
    kept = []
    for name in sorted(folders):
        full = os.path.normpath(os.path.join(current, name))
        if is_litter(name):
            continue
        if excluded(prefix + name, exclude):
            found.excluded += 1
            continue
        if os.path.islink(full):  # never walked: loops and escapes are impossible
            target = os.path.realpath(full)
            if os.path.commonpath([root, target]) != root:
                found._problem(full, "unreadable", _OUTSIDE)
            continue
        if pattern is not None and not _could_match(prefix + name, pattern):
            continue
        kept.append(name)
    return kept


# ----------------------------------------------------------------------------- globs


def _glob(arg: str, found: Discovery, exclude: tuple[str, ...], dossiers: bool) -> bool:
    """Expand a glob without following links to folders (a '**' over a link loop ends)."""
    parts = arg.replace(os.sep, "/").split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not _GLOB_CHARS & set(parts[fixed]):
        fixed += 1
    base = "/".join(parts[:fixed]) or ("/" if arg.startswith("/") else ".")
    if not os.path.isdir(base):
        return False
    before = len(found.inputs) + found.skipped + found.excluded
    _walk(base, found, exclude, dossiers, pattern=[p for p in parts[fixed:] if p])
    return len(found.inputs) + found.skipped + found.excluded > before


def _matches(parts: Sequence[str], pattern: Sequence[str]) -> bool:
    if not pattern:
        return not parts
    head, rest = pattern[0], pattern[1:]
    if head == "**":
        return any(_matches(parts[i:], rest) for i in range(len(parts) + 1))
    return bool(parts) and _component(parts[0], head) and _matches(parts[1:], rest)


def _component(name: str, pattern: str) -> bool:
    if name.startswith(".") and not pattern.startswith("."):
        return False  # as in the shell, '*' does not match hidden names
    return fnmatch.fnmatchcase(name, pattern)


def _could_match(relative: str, pattern: list[str]) -> bool:
    """Whether some path under the folder `relative` could match: prunes the walk."""
    parts = relative.split("/")
    for index, part in enumerate(parts):
        if index >= len(pattern):
            return False
        if pattern[index] == "**":
            return True
        if not _component(part, pattern[index]):
            return False
    return True


def _too_long(path: str) -> bool:
    try:
        os.lstat(path)
    except OSError as exc:
        return exc.errno == errno.ENAMETOOLONG
    return False
