"""Member lists, headers and signers in the shapes real decisions use (topic "members").

Every document here is invented - places, people, numbers - and shows one or more shapes of
the structure step (SPEC §3): roles beyond "Ban", the Prime Minister's "position + NAME, role",
invited members, agency and role headings, annex lists, tables split over pages or flattened
one cell per line, ranks and titles, Central Highlands names, ex-officio members, tab stops;
letterheads with a công văn's "V/v", a giấy mời without summary, a place broken over two
lines, a blank date; signers with a nested authority, "(Đã ký)", a glued name, two signers;
committees on other subjects. `manifest.json` says what each file must read as.

Formats: DOCX (python-docx), PDF and .doc converted from the DOCX by LibreOffice, PDF drawn
with reportlab where the layout is the point (tab stops, a place on two lines), UTF-8 text.
Built by `scripts/build_samples.py --topic members`.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # siblings import one another by name

from samples_members_headers import (
    conclusion_nested_signer,
    cong_van,
    cong_van_addressed_left,
    damaged_date,
    draft_blank,
    invitation,
    joint_plan,
    other_subjects,
    place_on_two_lines,
    signer_variants,
)
from samples_members_layouts import (
    commune_heading_dot,
    flattened_table,
    missing_annex,
    office_only,
    ranks_and_caps_groups,
    split_table,
    tab_stops,
)
from samples_members_parts import Sample
from samples_members_roles import (
    council_table_annex,
    invited_and_groups,
    prime_minister_style,
    steering_long_roles,
    team_annex_file,
    working_group_agencies,
)
from samples_members_writer import draw_pdf, write_docx
from samples_office import soffice, stable_pdf


def compose() -> list[Sample]:
    return [steering_long_roles(), prime_minister_style(), invited_and_groups(),
            working_group_agencies(), council_table_annex(), team_annex_file(),
            commune_heading_dot(), ranks_and_caps_groups(), office_only(), missing_annex(),
            split_table(), flattened_table(), tab_stops(), cong_van(),
            cong_van_addressed_left(), invitation(), conclusion_nested_signer(),
            place_on_two_lines(), draft_blank(), damaged_date(), *signer_variants(),
            joint_plan(), *other_subjects()]


def _expected(sample: Sample) -> dict:
    return {
        "doc_type": sample.doc_type,
        "members": [{k: v for k, v in vars(m).items() if k != "agency" or v is not None}
                    for m in sample.members],
        "header": sample.header,
        "signers": sample.signers,
        "members_in_missing_annex": sample.missing_annex,
    }


def build(folder: Path) -> None:
    samples = compose()
    work = Path(tempfile.mkdtemp(prefix="samples-members-"))
    try:
        converted = {"pdf": [], "doc": []}
        for sample in samples:
            if any(f in ("docx", "pdf", "doc") for f in sample.formats):
                write_docx(sample, work / f"{sample.id}.docx")
            for fmt in ("pdf", "doc"):
                if fmt in sample.formats:
                    converted[fmt].append(work / f"{sample.id}.docx")
        for fmt, target in (("pdf", "pdf"), ("doc", "doc:MS Word 97")):
            if converted[fmt]:
                (work / fmt).mkdir()
                soffice(converted[fmt], target, work / fmt, f"members-{fmt}")
        files = []
        for sample in samples:
            for fmt in sample.formats:
                suffix = "pdf" if fmt == "pdf-drawn" else fmt
                name = f"{sample.id}{'-ve' if fmt == 'pdf-drawn' else ''}.{suffix}"
                target = folder / name
                if fmt == "docx":
                    shutil.copyfile(work / f"{sample.id}.docx", target)
                elif fmt == "pdf":
                    target.write_bytes(stable_pdf((work / "pdf" / f"{sample.id}.pdf")
                                                    .read_bytes(), name))
                elif fmt == "doc":
                    shutil.copyfile(work / "doc" / f"{sample.id}.doc", target)
                elif fmt == "pdf-drawn":
                    draw_pdf(sample, target)
                else:
                    target.write_text(sample.plain(), encoding="utf-8")
                files.append({"file": name, "id": sample.id, "format": fmt,
                              "shapes": list(sample.shapes), "expect": _expected(sample)})
    finally:
        shutil.rmtree(work, ignore_errors=True)
    manifest = {"generated_by": "scripts/samples_members.py", "files": files}
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
