from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from validator.engine import PackError, load_rules
from validator.engine.loader import UnknownSelectorError

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


def test_a_mistyped_selector_is_a_usage_error_with_the_nearest_id() -> None:
    with pytest.raises(UnknownSelectorError) as info:
        load_rules(select=["CV2567"])
    assert not isinstance(info.value, PackError)
    assert info.value.suggestion == "CV2657"
    assert info.value.message("vi") == (
        "Không có quy tắc nào có mã «CV2567». Có phải CV2657? Xem: validate rules"
    )
    assert "Did you mean CV2657?" in info.value.message("en")
    with pytest.raises(UnknownSelectorError) as info:
        load_rules(ignore=["XX99"])
    assert info.value.suggestion is None


def test_packs_are_named_with_their_versions(tmp_path: Path) -> None:
    base = load_rules()
    assert [p.name for p in base.packs] == ["cv2657", "cv3036", "nd30"]
    assert all(len(p.version) == 12 and p.path is None for p in base.packs)
    extra = write(tmp_path, GOOD_RULE)
    extended = load_rules([extra])
    assert extended.packs[-1].name == "local" and extended.packs[-1].path == str(extra)


def test_a_rule_takes_its_pack_date() -> None:
    rules = load_rules()
    assert str(rules.get("ND30-01").effective) == "2020-03-05"
    assert str(rules.get("CV3036-01").effective) == "2020-09-24"
    assert str(rules.get("CV2657-06").effective) == "2023-08-25"


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


def test_a_message_for_a_reason_the_check_never_gives(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace(
        "params: {field: metadata.summary}",
        "params: {field: metadata.summary}\n      message: {nearly: {vi: x, en: y}}",
    )
    error = error_for(tmp_path, bad)
    assert "message for 'nearly'" in error.reason and "missing" in error.reason
    assert error.line == 13


def test_a_message_naming_an_unknown_placeholder(tmp_path: Path) -> None:
    bad = GOOD_RULE.replace(
        "params: {field: metadata.summary}",
        "params: {field: metadata.summary}\n      message: {missing: {vi: '{who}', en: y}}",
    )
    error = error_for(tmp_path, bad)
    assert "unknown placeholder {who}" in error.reason


def test_each_part_gets_its_message(tmp_path: Path) -> None:
    pack = GOOD_RULE.replace(
        "params: {field: metadata.summary}",
        "params: {field: metadata.summary}\n      message: {vi: Thiếu trích yếu., en: No summary.}",
    )
    rule = load_rules([write(tmp_path, pack)], select=["LOCAL"]).rules[0]
    assert [p.vi for p in rule.problems] == ["Thiếu trích yếu."]


def test_missing_path() -> None:
    with pytest.raises(PackError, match="no such rule pack"):
        load_rules(["/nonexistent/pack.yaml"])
