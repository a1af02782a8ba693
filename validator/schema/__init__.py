"""The JSON Schema of the `--format json` output (SPEC section 8), generated from the pydantic
models in `validator.model` and shipped as `report.schema.json` next to this file.

`validate schema` prints it; `validate schema --write` regenerates the shipped copy and
`validate schema --check` fails when the copy is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from validator.model import Report

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")
_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(mode="serialization")
    return {
        "$schema": _DIALECT,
        "title": "validator report (schema_version 1)",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def shipped_schema_text() -> str:
    return SCHEMA_PATH.read_text(encoding="utf-8")
