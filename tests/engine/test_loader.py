from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from validator.engine import PackError, load_rules

GOOD_RULE = """
pack: local
document: Quy định nội bộ
rules:
  - id: LOCAL-01
    title: {vi: Có trích yếu, en: Has a summary}
    severity: warning
    source: nội bộ
    description: {vi: Có trích yếu., en: Has a summary.}
    check:
      kind: field
      params: {field: metadata.summary}
    messages:
      pass: {vi: Có., en: Yes.}
      fail: {vi: Không., en: No.}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> PackError:
    with pytest.raises(PackError) as info:
        load_rules([write(tmp_path, text)])
    return info.value


def test_packaged_packs_and_an_extra_pack(tmp_path: Path) -> None:
    base = load_rules()
    extended = load_rules([write(tmp_path, GOOD_RULE)])
    assert len(extended.rules) == len(base.rules) + 1
    assert extended.version != base.version


def test_select_and_ignore_by_id_or_prefix() -> None:
    assert {r.id for r in load_rules(select=["CV2657"]).rules} == {
        f"CV2657-0{n}" for n in range(1, 7)
    }
    selected = load_rules(select=["ND30-0"], ignore=["ND30-08"])
    assert [r.id for r in selected.rules][-1] == "ND30-07"
    with pytest.raises(PackError, match="no rule id matches"):
        load_rules(select=["XX99"])


def test_unknown_key_reports_file_line_and_key_path(tmp_path: Path) -> None:
    error = error_for(
        tmp_path, GOOD_RULE.replace("severity: warning", "severity: warning\n    sevrity: error")
    )
    assert error.line == 8
    assert "rules.0.sevrity" in error.reason and "unknown key" in error.reason
    assert str(error).startswith(f"{error.path}:8:")


def test_unknown_check_kind(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD_RULE.replace("kind: field", "kind: fields"))
    assert error.line == 11 and "unknown check kind" in error.reason


def test_bad_param_of_a_check(tmp_path: Path) -> None:
    error = error_for(
        tmp_path,
        GOOD_RULE.replace("{field: metadata.summary}", "{field: metadata.summary, pattrn: x}"),
    )
    assert error.line == 12 and "params.pattrn" in error.reason


def test_bad_regex(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace(
        "kind: field\n      params: {field: metadata.summary}",
        'kind: phrase\n      params: {scope: all, find: ["re:(unclosed"]}',
    )
    error = error_for(tmp_path, bad)
    assert error.line == 12 and "regular expression" in error.reason


def test_duplicate_rule_id(tmp_path: Path) -> None:
    error = error_for(tmp_path, GOOD_RULE.replace("LOCAL-01", "ND30-01"))
    assert "duplicate rule id ND30-01" in error.reason and error.line == 5


def test_duplicate_yaml_key_and_bad_yaml(tmp_path: Path) -> None:
    assert (
        error_for(
            tmp_path,
            GOOD_RULE.replace("severity: warning", "severity: warning\n    severity: info"),
        ).line
        == 8
    )
    assert "not valid YAML" in error_for(tmp_path, "rules: [\n").reason


def test_unknown_synonym_and_template_slot(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace(
        "kind: field\n      params: {field: metadata.summary}",
        'kind: phrase\n      params: {scope: all, find: ["{nope}"]}',
    )
    assert "unknown synonym" in error_for(tmp_path, bad).reason
    example = (
        GOOD_RULE + "    examples:\n      - {template: regulation, fill: {nope: x}, expect: pass}\n"
    )
    error = error_for(tmp_path, example)
    assert "no slot nope" in error.reason and error.line == 17


def test_missing_path() -> None:
    with pytest.raises(PackError, match="no such rule pack"):
        load_rules(["/nonexistent/pack.yaml"])
