"""Dossiers (SPEC section 7): the documents of one ZIP, or of one folder with `--dossiers`,
judged together as well as one by one.

In a dossier the regulation is matched to its decision by the number and date it names
("Ban hành kèm theo Quyết định số … ngày …", `DocumentReport.issued_by`) against the
decision's own. Rules that carry a `dossier:` hook in their pack are then judged again across
the files, by the hook's kind:

- `issuing_decision` (ND30-08): a regulation filed beside decisions must name one of them;
  the number and date it names are compared with the decision's own;
- `companion` (CV3036-04): a decision's failed rule is met by its regulation filed beside it.

Each dossier gets a `DossierSummary`: a verdict (the worst of its documents' verdicts, after
the cross-file checks) and a message saying which decision goes with which regulation, and
what is missing. Documents of one dossier arrive together (archive members are consecutive;
discovery orders a folder's files together), so only one dossier is held at a time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from validator.model import (
    DecisionRef,
    DocumentReport,
    DossierSummary,
    Evidence,
    Messages,
    Metadata,
    RuleResult,
    Verdict,
)

MAX_DOSSIER_DOCUMENTS = 200  # a bigger "dossier" is a folder of many files, not one dossier
_SYMBOL_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_VERDICT_ORDER: tuple[Verdict, ...] = ("error", "non_compliant", "compliant", "not_applicable")


@dataclass(frozen=True)
class _Hook:
    rule_id: str
    kind: str
    messages: Any


@dataclass(frozen=True)
class _Pair:
    decision: DocumentReport
    regulation: DocumentReport


class Dossiers:
    """Groups a stream of reports by `dossier`, judges each dossier, keeps their summaries."""

    def __init__(self, rules: Iterable[Any], lang: str = "vi") -> None:
        self.lang = lang
        self.hooks = [
            _Hook(rule.id, hook.kind, hook.messages)
            for rule in rules
            if (hook := getattr(rule, "dossier", None)) is not None
        ]
        self.summaries: list[DossierSummary] = []

    def group(self, reports: Iterable[DocumentReport]) -> Iterator[DocumentReport]:
        """The same reports, those of a dossier judged together; summaries collect meanwhile.

        A stopped run (KeyboardInterrupt from the source) still lets out the dossier in hand."""
        held: list[DocumentReport] = []
        try:
            for report in reports:
                if held and (report.dossier != held[0].dossier
                             or len(held) >= MAX_DOSSIER_DOCUMENTS):
                    yield from self._release(held)
                    held = []
                if report.dossier is None:
                    yield report
                else:
                    held.append(report)
        except KeyboardInterrupt:
            yield from self._release(held)
            raise
        yield from self._release(held)

    def _release(self, held: list[DocumentReport]) -> list[DocumentReport]:
        if not held:
            return held
        judged = (judge(held, self.hooks, self.lang) if len(held) < MAX_DOSSIER_DOCUMENTS
                  else held)
        self.summaries.append(self._summary(judged))
        return judged

    def _summary(self, documents: Sequence[DocumentReport]) -> DossierSummary:
        verdicts = {doc.verdict for doc in documents}
        overall = next(v for v in _VERDICT_ORDER if v in verdicts)
        message = describe(documents)
        return DossierSummary(
            id=documents[0].dossier or "",
            verdict=overall,
            documents=[doc.path for doc in documents],
            message=message.vi if self.lang == "vi" else message.en,
        )


# ------------------------------------------------------------------------- judging


def judge(documents: Sequence[DocumentReport], hooks: Sequence[_Hook],
          lang: str = "vi") -> list[DocumentReport]:
    """The documents of one dossier with their dossier rules judged across the files."""
    from validator.engine import verdict  # here: the command line starts without the engine

    decisions = [d for d in documents if d.doc_type == "decision"]
    pairs = _pairs(documents, decisions)
    judged = []
    for doc in documents:
        results = [_rejudged(_Case(doc, result, lang), hooks, decisions, pairs)
                   for result in doc.results]
        if results != doc.results:
            doc = doc.model_copy(update={"results": results,
                                         "verdict": verdict(doc.doc_type, results)})
        judged.append(doc)
    return judged


def _pairs(documents: Sequence[DocumentReport],
           decisions: Sequence[DocumentReport]) -> list[_Pair]:
    return [
        _Pair(decision, regulation)
        for regulation in documents
        if regulation.doc_type == "regulation" and regulation.issued_by is not None
        for decision in decisions
        if names_decision(regulation.issued_by, decision.metadata)
    ]


@dataclass(frozen=True)
class _Case:
    """One result of one document, judged again."""

    doc: DocumentReport
    result: RuleResult
    lang: str

    def restated(self, status: str, template: Any, values: dict[str, str],
                 evidence: tuple[Evidence, ...], problem: bool = False) -> RuleResult:
        messages = Messages(vi=template.vi.format(**values), en=template.en.format(**values))
        return self.result.model_copy(update={
            "status": status,
            "message": messages.en if self.lang == "en" else messages.vi,
            "messages": messages,
            "problems": (messages,) if problem else (),
            "evidence": evidence,
            "more_evidence": 0,
            "looked_in": None,
        })


def _rejudged(case: _Case, hooks: Sequence[_Hook], decisions: Sequence[DocumentReport],
              pairs: Sequence[_Pair]) -> RuleResult:
    hook = next((h for h in hooks if h.rule_id == case.result.rule_id), None)
    if hook is None or case.result.status == "not_applicable":
        return case.result
    if hook.kind == "issuing_decision":
        return _issuing_decision(case, hook, decisions, pairs)
    if hook.kind == "companion":
        return _companion(case, hook, pairs)
    return case.result


def _issuing_decision(case: _Case, hook: _Hook, decisions: Sequence[DocumentReport],
                      pairs: Sequence[_Pair]) -> RuleResult:
    doc, result = case.doc, case.result
    named = doc.issued_by
    if doc.doc_type != "regulation" or named is None or not decisions:
        return result  # nothing to compare with: the document's own judgement stands
    match = next((p.decision for p in pairs if p.regulation is doc), None)
    decision = match or decisions[0]
    values = {"named": _named(named), "decision": decision.path,
              "found": _found(decision.metadata), "regulation": doc.path}
    evidence = (_evidence(named),) if named.line is not None else result.evidence
    if match is not None:
        return case.restated("pass", hook.messages.pass_, values, evidence)
    return case.restated("fail", hook.messages.fail, values, evidence, problem=True)


def _companion(case: _Case, hook: _Hook, pairs: Sequence[_Pair]) -> RuleResult:
    doc, result = case.doc, case.result
    if result.status != "fail":
        return result
    regulation = next((p.regulation for p in pairs if p.decision is doc), None)
    if regulation is None or regulation.verdict == "error":
        return result
    values = {"regulation": regulation.path, "decision": doc.path,
              "named": _named(regulation.issued_by), "found": _found(doc.metadata)}
    return case.restated("pass", hook.messages.pass_, values, ())


def _evidence(named: DecisionRef) -> Evidence:
    assert named.line is not None
    return Evidence(text=named.line.text, page=named.line.page, line=named.line.line)


# ------------------------------------------------------------------------ matching


def names_decision(named: DecisionRef, metadata: Metadata | None) -> bool:
    """The regulation's issuing line names this decision: same number, same date when both
    are known, same symbol when both are known."""
    if metadata is None or not named.number or not metadata.number:
        return False
    if _number(named.number) != _number(metadata.number):
        return False
    if named.date and metadata.date and named.date != metadata.date:
        return False
    both_symbols = named.symbol and metadata.symbol
    return not both_symbols or _symbol(named.symbol or "") == _symbol(metadata.symbol or "")


def _number(text: str) -> str:
    text = text.strip()
    return (text.lstrip("0") or "0") if text.isdigit() else text


def _symbol(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ").replace("\u0189", "Đ")
    return _SYMBOL_DASHES.sub("-", text).replace(" ", "").upper()


def _named(named: DecisionRef | None) -> str:
    if named is None:
        return "?"
    number = f"{named.number}/{named.symbol}" if named.symbol else (named.number or "?")
    date = f" ngày {named.date:%d/%m/%Y}" if named.date else ""
    return f"Quyết định số {number}{date}"


def _found(metadata: Metadata | None) -> str:
    if metadata is None:
        return "?"
    number = f"{metadata.number}/{metadata.symbol}" if metadata.symbol else (
        metadata.number or "?")
    date = f" ngày {metadata.date:%d/%m/%Y}" if metadata.date else ""
    return f"số {number}{date}"


# ------------------------------------------------------------------------- summary


def describe(documents: Sequence[DocumentReport]) -> Messages:
    """What a reviewer should know of a dossier as a whole, in both languages."""
    decisions = [d for d in documents if d.doc_type == "decision"]
    regulations = [d for d in documents if d.doc_type == "regulation"]
    combined = [d for d in documents if d.doc_type == "combined"]
    pairs = _pairs(documents, decisions)
    prefix = f"{documents[0].dossier}/" if documents and documents[0].dossier else ""

    def short(doc: DocumentReport) -> str:  # the name inside the dossier
        return doc.path.removeprefix(prefix)

    vi: list[str] = []
    en: list[str] = []
    for pair in pairs:
        regulation, decision = short(pair.regulation), short(pair.decision)
        vi.append(f"Quy chế {regulation} kèm theo quyết định {decision}.")
        en.append(f"Regulation {regulation} goes with decision {decision}.")
    paired = {id(p.regulation) for p in pairs} | {id(p.decision) for p in pairs}
    for doc in regulations:
        if id(doc) not in paired:
            named = _named(doc.issued_by)
            vi.append(f"Quy chế {short(doc)} ghi {named}, không có trong hồ sơ.")
            en.append(f"Regulation {short(doc)} names {named}, which is not in the dossier.")
    for doc in decisions:
        if id(doc) not in paired and not combined:
            vi.append(f"Không có quy chế kèm theo quyết định {short(doc)} trong hồ sơ.")
            en.append(f"No regulation of decision {short(doc)} is in the dossier.")
    if not decisions and not combined and regulations:
        vi.append("Hồ sơ không có quyết định.")
        en.append("The dossier holds no decision.")
    unreadable = sum(d.verdict == "error" for d in documents)
    if unreadable:
        vi.append(f"{unreadable} tệp không đọc được.")
        en.append(f"{unreadable} file(s) could not be read.")
    return Messages(vi=" ".join(vi), en=" ".join(en))
