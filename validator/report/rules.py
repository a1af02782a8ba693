"""The `validate rules --format json` listing."""

from __future__ import annotations

import json
from collections.abc import Iterable

from validator.report.formatters.base import RuleInfo


def rules_json(rules: Iterable[RuleInfo], version: str) -> str:
    listing = [
        {
            "id": rule.id,
            "severity": rule.severity,
            "source": rule.source,
            "title": {"vi": rule.title_vi, "en": rule.title_en},
        }
        for rule in rules
    ]
    return json.dumps({"version": version, "rules": listing}, ensure_ascii=False, indent=2)
