"""The per-input work a worker does: one document, or every document of a ZIP archive.

`InputChecker(item, start)` is a plain callable that yields, for each document it is about to
check, a `Started` marker (so the pool can time that document and name it if it fails) and
then the document's `(result, cached)` outcome. It runs the same in-process, in the local pool
or on another executor; `PipelineFactory` builds it where it runs (rule packs are loaded there).

An archive that fails as a whole yields one failure for the archive; otherwise each member is
named `archive.zip/inner/name.pdf` and belongs to the dossier of the innermost archive holding
it. `start` skips the members already reported, when the pool resumes an archive whose worker
died on one member.
"""

from __future__ import annotations

import functools
import hashlib
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from validator.batch.discover import Input
from validator.cache import ResultCache
from validator.model import DocumentReport, ErrorCode, ReadFailure
from validator.read import read_file
from validator.read.archive import Member, expand
from validator.read.errors import document_error
from validator.read.limits import DEFAULT_LIMITS, Limits, memory_detail
from validator.read.sniff import sniff

if TYPE_CHECKING:
    from validator.pipeline import Options

Result = Any  # a DocumentReport for `check`, a dict for `inspect`
Outcome = tuple[Result, bool]  # the result, and whether it came from the cache


@dataclass(frozen=True)
class Started:
    """The next document of an input is being checked (it may be an archive member)."""

    name: str
    dossier: str | None = None


Step = Started | Outcome
Checker = Callable[[Input, int], Iterator[Step]]
CheckerFactory = Callable[[], Checker]


class Failure(Protocol):
    """The entry of a document that could not be checked."""

    def __call__(self, name: str, code: ErrorCode, detail: str = "",
                 dossier: str | None = None) -> Result: ...


def error_report(name: str, code: ErrorCode, detail: str = "",
                 dossier: str | None = None) -> DocumentReport:
    return DocumentReport(path=name, verdict="error", error=document_error(code, detail),
                          dossier=dossier)


def internal_error_detail(exc: BaseException) -> str:
    return f"lỗi nội bộ / internal error: {type(exc).__name__}: {exc}"


@dataclass(frozen=True)
class InputChecker:
    """Checks one input; `check(data, name)` checks one document held in memory."""

    check: Callable[[bytes, str], Result]
    failure: Failure = error_report
    limits: Limits = DEFAULT_LIMITS
    cache: ResultCache | None = None

    def __call__(self, item: Input, start: int = 0) -> Iterator[Step]:
        if start:
            if not item.problem:  # only an archive is resumed: a document is done or failed
                yield from self._archive(item, start)
            return
        yield Started(item.name, item.dossier)
        if item.problem is not None:
            yield self.failure(item.name, *item.problem, item.dossier), False
            return
        try:
            data = read_file(item.path, self.limits.max_bytes)
        except ReadFailure as failure:
            yield self.failure(item.name, failure.code, failure.detail, item.dossier), False
            return
        if sniff(data) == "zip":
            yield from self._members(item, data, 0)
        else:
            yield self._document(data, item.name, item.dossier)

    def _archive(self, item: Input, start: int) -> Iterator[Step]:
        try:
            data = read_file(item.path, self.limits.max_bytes)
        except ReadFailure:
            return  # it was read the first time; what changed since is not this run's
        yield from self._members(item, data, start)

    def _members(self, item: Input, data: bytes, start: int) -> Iterator[Step]:
        with tempfile.TemporaryDirectory(prefix="zip-") as folder:
            try:
                members = expand(data, Path(folder), self.limits)
            except ReadFailure as failure:
                if not start:
                    yield self.failure(item.name, failure.code, failure.detail,
                                       item.dossier), False
                return
            del data
            for member in members[start:]:
                yield from self._member(item, member)

    def _member(self, item: Input, member: Member) -> Iterator[Step]:
        name = f"{item.name}/{member.name}"
        dossier = f"{item.name}/{member.archive}" if member.archive else item.name
        yield Started(name, dossier)
        try:
            data = member.read()
        except ReadFailure as failure:
            yield self.failure(name, failure.code, failure.detail, dossier), False
            return
        yield self._document(data, name, dossier)

    def _document(self, data: bytes, name: str, dossier: str | None) -> Outcome:
        """Never raises: a bug in a step is this document's entry, not the batch's end."""
        try:
            result, cached = self._cached(data, name)
        except MemoryError:
            detail = memory_detail(self.limits.memory_mb)
            return self.failure(name, "too_large", detail, dossier), False
        except Exception as exc:
            print(f"validator: {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return self.failure(name, "corrupt", internal_error_detail(exc), dossier), False
        if dossier is not None and isinstance(result, DocumentReport):
            result = result.model_copy(update={"dossier": dossier})
        return result, cached

    def _cached(self, data: bytes, name: str) -> Outcome:
        """Unreadable results are not stored: the reason may be the machine (no OCR)."""
        if self.cache is None:
            return self.check(data, name), False
        key = self.cache.key(hashlib.sha256(data).hexdigest())
        if (stored := self.cache.get(key, name)) is not None:
            return stored, True
        report = self.check(data, name)
        if report.verdict != "error":
            self.cache.put(key, report)
        return report, False


@functools.lru_cache(maxsize=4)
def _rules(paths: tuple[str, ...], select: tuple[str, ...], ignore: tuple[str, ...]) -> Any:
    from validator.engine import load_rules

    return load_rules(paths, select, ignore)


@dataclass(frozen=True)
class PipelineCheck:
    """`check_data` with a run's options and rules. Picklable (it holds only the settings);
    the rules are loaded once per process, on first use."""

    options: Options
    lang: str
    rule_paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def rules(self) -> Any:
        return _rules(self.rule_paths, self.select, self.ignore)

    def __call__(self, data: bytes, name: str) -> DocumentReport:
        from validator.pipeline import check_data

        return check_data(data, name, self.options, self.rules(), self.lang)


@dataclass(frozen=True)
class PipelineFactory:
    """Builds the real checker inside a worker: loads the rule packs, opens the cache.

    Picklable, so it crosses to spawned workers; the heavy imports happen there. The checker
    it builds is a plain picklable callable too (`InputChecker` of a `PipelineCheck`), so the
    same per-input work can run in-process or on another executor."""

    options: Options
    lang: str
    rule_paths: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    cache_dir: str | None = None

    def _check(self) -> PipelineCheck:
        return PipelineCheck(self.options, self.lang, self.rule_paths, self.select, self.ignore)

    def warm(self) -> None:
        """Load the rules and the language pipeline here, for workers forked from here. The
        result cache is opened by each worker: a database connection must not be forked."""
        self._check().rules()
        _warm_pipeline()

    def __call__(self) -> InputChecker:
        check = self._check()
        rules = check.rules()  # loaded before the worker says it is ready
        cache = None
        if self.cache_dir is not None:
            fingerprint = f"{rules.version}|{self.options!r}|{self.lang}"
            cache = ResultCache(Path(self.cache_dir), fingerprint)
        return InputChecker(check, error_report, self.options.limits, cache)


@dataclass(frozen=True)
class InspectCheck:
    """`inspect_data` with a run's options: what was read and understood, no rules."""

    options: Options

    def __call__(self, data: bytes, name: str) -> dict[str, Any]:
        from validator.pipeline import inspect_data

        return inspect_data(data, name, self.options)


@dataclass(frozen=True)
class InspectFactory:
    """Builds the checker of `validate inspect`."""

    options: Options

    def warm(self) -> None:
        _warm_pipeline()

    def __call__(self) -> InputChecker:
        return InputChecker(InspectCheck(self.options), inspect_error, self.options.limits)


def _warm_pipeline() -> None:
    import validator.pipeline  # noqa: F401  (its imports, once, for every forked worker)
    from validator.structure.nlp import get_nlp

    get_nlp()


def inspect_error(name: str, code: ErrorCode, detail: str = "",
                  dossier: str | None = None) -> dict[str, Any]:
    return {"path": name, "format": None, "encoding": None, "scanned_pages": [],
            "error": document_error(code, detail).model_dump()}
