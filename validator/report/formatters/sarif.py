"""SARIF 2.1.0, for GitHub code scanning, SonarQube and other SARIF viewers.

One run; `tool.driver.rules` lists every loaded rule (stable `id` = the rule id, titles,
default level, source) plus `READ-ERROR` for documents that could not be read. A result is
written for each failed rule of each document and for each unreadable document.

Location mapping (documents have pages, SARIF has lines):
- `artifactLocation.uri` is the document path as given on the command line, '/'-separated and
  percent-encoded (a relative reference; absolute paths become `file://` URIs);
- `region.startLine` is the evidence line as the reader numbers it - within its page for paged
  formats (PDF), within the document otherwise; the location's property bag repeats it as
  `line` next to `page`, and its message quotes the evidence. Further evidence goes to
  `relatedLocations`. A failure without evidence (something missing) points at line 1 and
  carries no page.
- `partialFingerprints["documentRule/v1"]` hashes path and rule id, so an alert keeps its
  identity across runs while the document is edited.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import PurePath
from urllib.parse import quote

from validator.i18n import N_, gettext_for
from validator.model import DocumentReport, Evidence, RuleResult, Severity, Summary
from validator.report.formatters.base import RuleInfo, StreamFormatter, error_message
from validator.report.formatters.base import result_message as _message

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
READ_ERROR_ID = "READ-ERROR"
_LEVELS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "note"}
READ_ERROR_TITLE = N_("The document could not be read")


def artifact_uri(path: str) -> str:
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def fingerprint(path: str, rule_id: str) -> str:
    return hashlib.sha256(f"{path}\0{rule_id}".encode()).hexdigest()


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


class SarifFormatter(StreamFormatter):
    _first = True

    def start(self) -> None:
        self._rule_index = {rule.id: i for i, rule in enumerate(self.run.rules)}
        self._rule_index[READ_ERROR_ID] = len(self.run.rules)
        driver = {
            "name": self.run.tool.name,
            "version": self.run.tool.version,
            "rules": [*map(self._descriptor, self.run.rules), self._read_error_descriptor()],
        }
        self.out.write(f'{{"$schema": "{SARIF_SCHEMA}", "version": "2.1.0", "runs": [{{')
        self.out.write(f'"tool": {_dump({"driver": driver})}, "language": "{self.run.lang}", ')
        self.out.write('"results": [')

    def _descriptor(self, rule: RuleInfo) -> dict[str, object]:
        return {
            "id": rule.id,
            "name": rule.id.replace("-", ""),
            "shortDescription": {"text": rule.title(self.run.lang)},
            "fullDescription": {"text": f"{rule.title(self.run.lang)} ({rule.source})"},
            "defaultConfiguration": {"level": _LEVELS[rule.severity]},
            "properties": {
                "tags": ["bhxh-bhyt", rule.id.split("-")[0]],
                "severity": rule.severity,
                "source": rule.source,
                "title_vi": rule.title_vi,
                "title_en": rule.title_en,
            },
        }

    def _read_error_descriptor(self) -> dict[str, object]:
        title = gettext_for(self.run.lang)(READ_ERROR_TITLE)
        return {
            "id": READ_ERROR_ID,
            "name": "ReadError",
            "shortDescription": {"text": title},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["bhxh-bhyt", "read"]},
        }

    def document(self, doc: DocumentReport) -> None:
        if doc.error is not None:
            self._write(self._read_error(doc))
        for result in doc.results:
            if result.status == "fail":
                self._write(self._failure(doc, result))

    def _write(self, result: dict[str, object]) -> None:
        self.out.write(("" if self._first else ", ") + _dump(result))
        self._first = False

    def _read_error(self, doc: DocumentReport) -> dict[str, object]:
        assert doc.error is not None
        return {
            "ruleId": READ_ERROR_ID,
            "ruleIndex": self._rule_index[READ_ERROR_ID],
            "level": "error",
            "message": {"text": error_message(doc, self.run.lang)},
            "locations": [self._location(doc.path, None)],
            "partialFingerprints": {"documentRule/v1": fingerprint(doc.path, READ_ERROR_ID)},
            "properties": {"errorCode": doc.error.code},
        }

    def _failure(self, doc: DocumentReport, result: RuleResult) -> dict[str, object]:
        evidence = list(dict.fromkeys(result.evidence))
        text = _message(result, self.run.lang)
        if result.looked_in:
            text = f"{text} [{result.looked_in}]"
        sarif: dict[str, object] = {
            "ruleId": result.rule_id,
            "level": _LEVELS[result.severity],
            "message": {"text": text},
            "locations": [self._location(doc.path, evidence[0] if evidence else None)],
            "partialFingerprints": {"documentRule/v1": fingerprint(doc.path, result.rule_id)},
            "properties": {"verdict": doc.verdict, "source": result.source},
        }
        if result.rule_id in self._rule_index:
            sarif["ruleIndex"] = self._rule_index[result.rule_id]
        if len(evidence) > 1:
            sarif["relatedLocations"] = [self._location(doc.path, e) for e in evidence[1:]]
        return sarif

    def _location(self, path: str, evidence: Evidence | None) -> dict[str, object]:
        physical = {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": {"startLine": max(evidence.line, 1) if evidence else 1},
        }
        location: dict[str, object] = {"physicalLocation": physical}
        if evidence is not None:
            location["message"] = {"text": evidence.text}
            location["properties"] = {"page": evidence.page, "line": evidence.line}
        return location

    def finish(self, summary: Summary) -> None:
        self.out.write('], "properties": {"summary": ' + _dump(summary.model_dump()) + "}}]}\n")
