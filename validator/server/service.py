"""Everything a running server holds: settings, the database, the rules it reports on, the
worker pool and its dispatcher. Built when the app starts, closed when it stops."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from validator import __version__
from validator.batch import Batch, CheckerFactory, PipelineFactory
from validator.dossier import Dossiers
from validator.model import DocumentReport, DossierSummary, PackInfo, Tool
from validator.pipeline import Options
from validator.report.formatters.base import RuleInfo, RunInfo
from validator.report.labels import Lang
from validator.report.run import TOOL_NAME
from validator.server.runner import Dispatcher, JobWaiters
from validator.server.settings import ServerSettings
from validator.server.store import Job, JobKind, Store
from validator.server.uploads import Incoming, Limits, save_uploads

if TYPE_CHECKING:
    from validator.engine import RuleSet

_ROUND_PER_WORKER = 2
_DAY = 86400.0


def pipeline_factory(settings: ServerSettings) -> PipelineFactory:
    """The checker the command line would build for the same limits and rules."""
    return PipelineFactory(
        options=Options(ocr=settings.ocr, max_bytes=settings.max_file_bytes,
                        limits=settings.read_limits),
        lang="vi",
        rule_paths=settings.rule_paths,
        select=settings.select,
        ignore=settings.ignore,
    )


@dataclass(frozen=True)
class RuleCatalogue:
    version: str
    rules: tuple[RuleInfo, ...]
    packs: tuple[PackInfo, ...] = ()
    dossier_rules: tuple[Any, ...] = ()  # the rules with a `dossier:` hook (validator.dossier)


def load_catalogue(settings: ServerSettings) -> RuleCatalogue:
    """The loaded rules, for the reports' run information and `GET /api/v1/rules`; a broken
    pack fails here, when the server starts, not in every worker."""
    from validator.api import load_rules

    return catalogue_of(load_rules(settings.rule_paths, settings.select, settings.ignore))


def catalogue_of(ruleset: RuleSet) -> RuleCatalogue:
    return RuleCatalogue(str(ruleset.version),
                         tuple(RuleInfo.from_rule(r) for r in ruleset.rules), ruleset.packs,
                         tuple(r for r in ruleset.rules if getattr(r, "dossier", None)))


class Service:
    def __init__(self, settings: ServerSettings, factory: CheckerFactory | None = None,
                 catalogue: RuleCatalogue | None = None) -> None:
        self.settings = settings
        self.catalogue = catalogue or load_catalogue(settings)
        self.tool = Tool(name=TOOL_NAME, version=__version__, packs=self.catalogue.packs)
        settings.uploads.mkdir(parents=True, exist_ok=True)
        self.store = Store(settings.database)
        self.requeued = self.store.requeue_unfinished()
        self.waiters = JobWaiters()
        batch = Batch(factory or pipeline_factory(settings), settings.workers,
                      settings.timeout, keep_workers=True,
                      memory_mb=settings.limits.memory_mb)
        self.dispatcher = Dispatcher(
            self.store, batch, settings.uploads,
            chunk=settings.workers * _ROUND_PER_WORKER,
            on_finished=self.waiters.notify,
            keep_seconds=settings.keep_days * _DAY,
        )
        self.dispatcher.start()

    def close(self) -> None:
        self.dispatcher.stop(self.settings.stop_wait)
        self.store.close()

    def run_info(self, lang: Lang, checked_at: float | None = None) -> RunInfo:
        """What a report of a job says about its run; `checked_at` when the job finished."""
        moment = None if checked_at is None else dt.datetime.fromtimestamp(checked_at).astimezone()
        return RunInfo(tool=self.tool, rules=self.catalogue.rules, lang=lang, checked_at=moment)

    def limits(self, max_files: int) -> Limits:
        s = self.settings
        return Limits(s.max_file_bytes, s.max_request_bytes, max_files)

    def submit(self, kind: JobKind, files: Sequence[Incoming], max_files: int) -> Job:
        """Store the files and queue them; the job as it is now."""
        job_id = uuid.uuid4().hex
        uploads = save_uploads(files, self.settings.uploads / job_id, self.limits(max_files))
        self.store.create_job(kind, uploads, job_id)
        self.dispatcher.wake()
        job = self.store.job(job_id)
        assert job is not None
        return job

    def results(self, job_id: str,
                lang: Lang) -> tuple[Iterator[DocumentReport], list[DossierSummary]]:
        """The job's reports as the command line gives them: the documents of one ZIP judged
        together as a dossier (validator.dossier), with the dossiers' verdicts, which fill in
        while the reports are consumed. The store keeps each document's own report."""
        dossiers = Dossiers(self.catalogue.dossier_rules, lang)
        return dossiers.group(self.store.reports(job_id)), dossiers.summaries

    def document(self, job_id: str, index: int, lang: Lang) -> DocumentReport | None:
        """The job's `index`-th report (from 0), judged with its dossier when it has one."""
        doc = self.store.report(job_id, index)
        if doc is None or doc.dossier is None:
            return doc
        reports, _ = self.results(job_id, lang)
        return next(itertools.islice(reports, index, None), None)

    async def wait(self, job_id: str, timeout: float) -> bool:
        def finished() -> bool:
            job = self.store.job(job_id)
            return job is not None and job.status == "done"

        return await self.waiters.wait(job_id, finished, timeout)
