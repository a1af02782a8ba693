"""Dossiers: a decision and its regulation judged together (SPEC section 7), in ZIP archives
and, with --dossiers, in folders."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from script_loader import load_script

from validator.cli import cli
from validator.dossier import Dossiers, names_decision
from validator.engine import load_rules
from validator.model import DecisionRef, DocumentReport, Located, Messages, Metadata, RuleResult

hostile = load_script("bench/hostile_inputs.py", "hostile_inputs")
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def result(rule_id: str, status: str, severity: str = "warning") -> RuleResult:
    return RuleResult(rule_id=rule_id, status=status, severity=severity,
                      title=Messages(vi=rule_id, en=rule_id), message=f"{rule_id} {status}",
                      messages=Messages(vi=f"{rule_id} {status}", en=f"{rule_id} {status}"),
                      source="test")


def decision(path: str, number: str, date: dt.date, cv3036_04: str = "fail") -> DocumentReport:
    return DocumentReport(
        path=path, verdict="compliant", doc_type="decision", dossier="ho-so",
        metadata=Metadata(number=number, symbol="QĐ-UBND", date=date),
        results=[result("CV3036-04", cv3036_04), result("ND30-08", "not_applicable")])


def regulation(path: str, number: str, date: dt.date) -> DocumentReport:
    line = Located(text=f"(Ban hành kèm theo Quyết định số {number}/QĐ-UBND ngày "
                        f"{date:%d/%m/%Y})", page=1, line=9)
    return DocumentReport(
        path=path, verdict="compliant", doc_type="regulation", dossier="ho-so",
        issued_by=DecisionRef(number=number, symbol="QĐ-UBND", date=date, line=line),
        results=[result("CV3036-04", "not_applicable"), result("ND30-08", "pass")])


@pytest.fixture(scope="module")
def rules():
    return load_rules().rules


def statuses(docs: list[DocumentReport], rule_id: str) -> list[str]:
    return [next(r.status for r in d.results if r.rule_id == rule_id) for d in docs]


def test_a_regulation_filed_beside_its_decision(rules) -> None:
    day = dt.date(2024, 3, 12)
    dossiers = Dossiers(rules, "vi")
    docs = list(dossiers.group([decision("ho-so/qd.pdf", "85", day),
                                regulation("ho-so/qc.docx", "085", day)]))
    assert statuses(docs, "CV3036-04") == ["pass", "not_applicable"]  # met by the regulation
    nd30 = next(r for r in docs[1].results if r.rule_id == "ND30-08")
    assert nd30.status == "pass" and "ho-so/qd.pdf" in nd30.message
    assert nd30.evidence[0].line == 9
    [summary] = dossiers.summaries
    assert summary.id == "ho-so" and summary.verdict == "compliant"
    assert summary.message == "Quy chế qc.docx kèm theo quyết định qd.pdf."


def test_a_regulation_that_names_another_decision(rules) -> None:
    dossiers = Dossiers(rules, "en")
    docs = list(dossiers.group([decision("ho-so/qd.pdf", "85", dt.date(2024, 3, 12)),
                                regulation("ho-so/qc.docx", "85", dt.date(2024, 3, 21))]))
    assert statuses(docs, "CV3036-04") == ["fail", "not_applicable"]
    nd30 = next(r for r in docs[1].results if r.rule_id == "ND30-08")
    assert nd30.status == "fail" and nd30.problems
    assert "21/03/2024" in nd30.message and "12/03/2024" in nd30.message
    assert nd30.message == nd30.messages.en
    assert "not in the dossier" in (dossiers.summaries[0].message or "")


def test_documents_outside_dossiers_pass_through_and_order_is_kept(rules) -> None:
    day = dt.date(2024, 3, 12)
    alone = decision("le.pdf", "1", day).model_copy(update={"dossier": None})
    dossiers = Dossiers(rules)
    docs = [alone, decision("ho-so/qd.pdf", "85", day), regulation("ho-so/qc.docx", "85", day),
            alone]
    assert [d.path for d in dossiers.group(docs)] == [d.path for d in docs]
    assert len(dossiers.summaries) == 1


def test_a_stopped_run_lets_out_the_dossier_in_hand(rules) -> None:
    day = dt.date(2024, 3, 12)

    def source():
        yield decision("ho-so/qd.pdf", "85", day)
        raise KeyboardInterrupt

    out = []
    with pytest.raises(KeyboardInterrupt):
        out.extend(Dossiers(rules).group(source()))
    assert [d.path for d in out] == ["ho-so/qd.pdf"]


def test_numbers_dates_and_symbols_match_loosely_but_truly() -> None:
    meta = Metadata(number="85", symbol="QĐ-UBND", date=dt.date(2024, 3, 12))
    assert names_decision(DecisionRef(number="085", symbol="qđ–ubnd", date=meta.date), meta)
    assert names_decision(DecisionRef(number="85"), meta)
    assert not names_decision(DecisionRef(number="86", date=meta.date), meta)
    assert not names_decision(DecisionRef(number="85", symbol="QĐ-BCĐ"), meta)
    assert not names_decision(DecisionRef(number=None), meta)


# --------------------------------------------------------- end to end, real documents


@pytest.fixture
def submissions(tmp_path, monkeypatch) -> Path:
    pair = {"1-dat.pdf": hostile.sample(hostile.PASSING),
            "2-khong-dat.pdf": hostile.sample(hostile.FAILING)}
    (tmp_path / "stored.zip").write_bytes(hostile.zip_bytes(pair, zipfile.ZIP_STORED))
    (tmp_path / "deflated.zip").write_bytes(hostile.zip_bytes(pair))
    folder = tmp_path / "tinh"
    folder.mkdir()
    (folder / "qd.docx").write_bytes(hostile.sample(hostile.DECISION))
    regulation = hostile.sample(hostile.REGULATION)
    (folder / "qc.txt").write_bytes(regulation)
    wrong = tmp_path / "tinh-lech"
    wrong.mkdir()
    (wrong / "qd.docx").write_bytes(hostile.sample(hostile.DECISION))
    (wrong / "qc.txt").write_bytes(regulation.replace("1458".encode("utf-16-le"),
                                                      "1459".encode("utf-16-le")))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-settings"))
    return tmp_path


def test_archives_and_folder_dossiers_end_to_end(submissions) -> None:
    result = CliRunner().invoke(cli, [".", "--dossiers", "-f", "json", "-j", "2",
                                      "--no-progress"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    verdicts = {d["path"]: d["verdict"] for d in report["documents"]}
    for archive in ("stored.zip", "deflated.zip"):
        assert verdicts[f"{archive}/1-dat.pdf"] == "compliant"
        assert verdicts[f"{archive}/2-khong-dat.pdf"] == "non_compliant"
    nd30 = {d["path"]: next(r for r in d["results"] if r["rule_id"] == "ND30-08")
            for d in report["documents"] if d["path"].endswith("qc.txt")}
    assert nd30["tinh/qc.txt"]["status"] == "pass"
    assert "tinh/qd.docx" in nd30["tinh/qc.txt"]["message"]
    assert nd30["tinh-lech/qc.txt"]["status"] == "fail"
    assert "1459" in nd30["tinh-lech/qc.txt"]["message"]
    dossiers = {d["id"]: d for d in report["summary"]["dossiers"]}
    assert set(dossiers) == {"deflated.zip", "stored.zip", "tinh", "tinh-lech"}
    assert dossiers["stored.zip"]["verdict"] == "non_compliant"
    assert dossiers["tinh"]["verdict"] == "compliant"
    assert dossiers["tinh"]["message"] == "Quy chế qc.txt kèm theo quyết định qd.docx."
    text = CliRunner().invoke(cli, ["tinh", "--dossiers", "--no-progress"]).stdout
    assert "Hồ sơ ĐẠT  tinh" in text and "Quy chế qc.txt kèm theo quyết định qd.docx." in text


def test_the_sample_dossiers_read_as_their_manifest_says(monkeypatch, tmp_path) -> None:
    folder = SAMPLES / "dossiers"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["files"]
    monkeypatch.chdir(folder)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    result = CliRunner().invoke(cli, [".", "-f", "json", "-j", "2", "--no-progress"])
    report = json.loads(result.stdout)
    documents = {d["path"]: d for d in report["documents"]}
    dossiers = {d["id"]: d for d in report["summary"]["dossiers"]}
    assert len(documents) == sum(len(entry["members"]) for entry in manifest)
    for entry in manifest:
        for name, member in entry["members"].items():
            document = documents[f"{entry['file']}/{name}"]
            assert document["verdict"] == member["verdict"], name
            if document["doc_type"] == "regulation":
                nd30 = next(r for r in document["results"] if r["rule_id"] == "ND30-08")
                assert nd30["status"] == entry["nd30_08"], name
        assert dossiers[entry["file"]]["verdict"] == entry["dossier_verdict"]
