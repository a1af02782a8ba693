"""End to end on samples/: every rule judged as samples/manifest.json says, on the composed
source text and on the real file; then sample texts edited so that each rule also fails, for
the reason it should (checked on the evidence or on where the rule looked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from validator.engine import evaluate, load_rules, verdict
from validator.model import RuleResult
from validator.structure import document_from_text
from validator.structure.document import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"  # the composed texts
MANIFEST = SAMPLES / "manifest.json"
RULES = load_rules()

pytestmark = pytest.mark.skipif(not MANIFEST.exists(), reason="samples/ not generated")


def _entries() -> list[dict]:
    if not MANIFEST.exists():
        return []
    files = json.loads(MANIFEST.read_text(encoding="utf-8"))["files"]
    return [e for e in files if not e.get("error") and e.get("source")]


def _results(doc: Document) -> dict[str, RuleResult]:
    return {r.rule_id: r for r in evaluate(doc, RULES)}


def _assert_manifest(entry: dict, doc: Document) -> None:
    results = _results(doc)
    wrong = [
        f"{rule_id}: expected {status}, got {results[rule_id].status} "
        f"({results[rule_id].looked_in})"
        for status, ids in entry["rules"].items()
        for rule_id in ids
        if results[rule_id].status != status
    ]
    assert not wrong, "\n".join(wrong)
    assert verdict(doc.doc_type, results.values()) == entry["expected_verdict"]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_source_text(entry: dict) -> None:
    text = (SAMPLES / entry["source"]).read_text(encoding="utf-8")
    _assert_manifest(entry, document_from_text(text, entry["file"]))


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_real_file(entry: dict) -> None:
    pipeline = pytest.importorskip("validator.pipeline")
    _assert_manifest(entry, pipeline.build(SAMPLES / entry["file"]))


# (sample source, [(old, new) edits], rule, expected status, text the evidence or looked_in
#  shows, words the message holds)
AN_BINH = "qd-xa-an-binh-2023.txt"
PHU_THINH = "qc-xa-phu-thinh-letterhead-2024.txt"
EDITS = [
    (
        AN_BINH,
        [
            ("Phó Giám đốc BHXH huyện Châu Thành", "Phó Chủ tịch HĐND xã"),
            (
                "Viên chức BHXH huyện Châu Thành, phụ trách thu BHXH, BHYT trên địa bàn xã An Bình",
                "Công chức Địa chính xã",
            ),
        ],
        "CV2657-02",
        "fail",
        "17",
        "nhưng không có viên chức BHXH cấp huyện",
    ),
    (
        AN_BINH,
        [
            ("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Công chức Tư pháp xã"),
            ("Chủ tịch Hội Liên hiệp Phụ nữ xã", "Công chức Địa chính xã"),
            ("Chủ tịch Hội Nông dân xã", "Chỉ huy trưởng Quân sự xã"),
            ("Chủ tịch Hội Cựu chiến binh xã", "Trưởng Công an xã"),
            ("Bí thư Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", "Công chức Văn phòng xã"),
        ],
        "CV2657-03",
        "fail",
        "17",
        "không có đại diện Hội, đoàn thể nào",
    ),
    (
        AN_BINH,
        [
            ("Trưởng ấp An Phú", "Trưởng Công an xã"),
            ("Trưởng ấp An Lợi", "Chỉ huy trưởng Quân sự xã"),
            ("Trưởng ấp An Hòa", "Trưởng ban Dân vận xã"),
        ],
        "CV2657-04",
        "fail",
        "17",
        "không có Trưởng thôn",
    ),
    (
        AN_BINH,
        [
            ("Về việc kiện toàn", "Về việc thành lập"),
            ("Điều 1. Kiện toàn", "Điều 1. Thành lập"),
            (
                " trên cơ sở hợp nhất Ban Chỉ đạo phát triển người tham gia bảo hiểm xã hội và "
                "Ban Chỉ đạo thực hiện bảo hiểm y tế toàn dân xã An Bình",
                "",
            ),
            (" và thay thế Quyết định số 102/QĐ-UBND ngày 12/11/2020", ""),
        ],
        "CV3036-02",
        "fail",
        "trích yếu",
        "chỉ có ở phần căn cứ",
    ),
    (
        AN_BINH,
        [("ban hành Quy chế hoạt động của Ban Chỉ đạo, ", "")],
        "CV3036-04",
        "fail",
        "Điều 1–4",
        "không kèm theo Quy chế hoạt động",
    ),
    (AN_BINH, [("Độc lập - Tự do - Hạnh phúc\n", "")], "ND30-01", "fail", "CỘNG HÒA", "Tiêu ngữ"),
    (
        AN_BINH,
        [("ỦY BAN NHÂN DÂN\nXÃ AN BÌNH\n", "")],
        "ND30-02",
        "fail",
        "tên cơ quan ban hành",
        "Không thấy tên cơ quan ban hành",
    ),
    (
        AN_BINH,
        [("Số: 57/QĐ-UBND", "Số: 57/UBND-VP")],
        "ND30-03",
        "fail",
        "57/UBND-VP",
        "văn bản ghi «UBND-VP»",
    ),
    (
        AN_BINH,
        [
            (
                "Về việc kiện toàn Ban Chỉ đạo thực hiện chính sách bảo hiểm xã hội, bảo hiểm "
                "y tế xã An Bình\n",
                "",
            )
        ],
        "ND30-05",
        "fail",
        "trích yếu",
        "Thiếu trích yếu",
    ),
    (
        AN_BINH,
        [("KT. CHỦ TỊCH\n", "")],
        "ND30-06",
        "fail",
        "PHÓ CHỦ TỊCH",
        "Người ký là cấp phó («PHÓ CHỦ TỊCH») nhưng thiếu «KT.»",
    ),
    (
        AN_BINH,
        [
            ("Nơi nhận:\n", ""),
            ("- Như Điều 4;\n", ""),
            ("- UBND huyện Châu Thành (b/c);\n", ""),
            ("- BHXH huyện Châu Thành;\n", ""),
            ("- TT Đảng ủy, TT HĐND xã;\n", ""),
            ("- Bưu điện huyện Châu Thành;\n", ""),
            ("- Lưu: VT.\n", ""),
        ],
        "ND30-07",
        "fail",
        "Nơi nhận",
        "Thiếu Nơi nhận",
    ),
    (
        PHU_THINH,
        [
            (
                "2. Phân công nhiệm vụ cho Phó Trưởng ban và từng thành viên; giao chỉ tiêu "
                "phát triển người tham gia BHXH, BHYT cho từng thành viên.\n",
                "",
            ),
            (
                "Trưởng ban giao chỉ tiêu phát triển người tham gia BHXH, BHYT cho Ban Chỉ đạo "
                "xã và cho từng thành viên Ban Chỉ đạo, từng thôn (Phụ lục kèm theo Quy chế).",
                "Trưởng ban tổ chức thực hiện.",
            ),
            (
                "2. Chỉ tiêu năm 2024: Ban Chỉ đạo xã phát triển mới 85 người tham gia BHXH tự "
                "nguyện và 300 người tham gia BHYT hộ gia đình; mỗi Hội, đoàn thể vận động ít "
                "nhất 15 người; mỗi Trưởng thôn vận động ít nhất 10 người; Bưu điện xã phát "
                "triển ít nhất 30 người.\n",
                "",
            ),
        ],
        "CV2657-06",
        "fail",
        "Quy chế",
        "khoản 1 Điều 11 nêu chỉ tiêu nhưng không phải chỉ tiêu phát triển",
    ),
    (
        PHU_THINH,
        [
            (
                "1. Giúp Ủy ban nhân dân xã Phú Thịnh lãnh đạo, chỉ đạo, tổ chức thực hiện "
                "chính sách BHXH, BHYT trên địa bàn; xây dựng kế hoạch thực hiện chỉ tiêu phát "
                "triển người tham gia BHXH, BHYT hằng năm trình UBND xã phê duyệt.",
                "1. Thực hiện theo Quyết định thành lập Ban Chỉ đạo.",
            ),
            (
                "2. Chỉ đạo, hướng dẫn các thôn, các ban, ngành, đoàn thể tuyên truyền, phổ "
                "biến chính sách, pháp luật về BHXH, BHYT đến từng hộ gia đình và người dân.\n"
                "3. Chỉ đạo rà soát, lập danh sách người chưa tham gia BHXH, BHYT; vận động "
                "người lao động tham gia BHXH tự nguyện, hộ gia đình tham gia BHYT.\n4. Kiểm "
                "tra, đôn đốc việc thực hiện chính sách BHXH, BHYT của các cơ quan, đơn vị, "
                "doanh nghiệp trên địa bàn; đề xuất xử lý các trường hợp vi phạm.\n",
                "",
            ),
        ],
        "CV3036-05",
        "fail",
        "Điều 1–13",
        "không nêu nhiệm vụ cụ thể",
    ),
    (
        PHU_THINH,
        [
            ("để đánh giá, kiểm điểm hoạt động của Ban Chỉ đạo và của từng thành viên", ""),
            (
                "2. Thành viên không hoàn thành nhiệm vụ, chỉ tiêu được giao phải kiểm điểm, làm "
                "rõ nguyên nhân tại hội nghị sơ kết, tổng kết; kết quả đánh giá là căn cứ bình "
                "xét thi đua cuối năm.\n",
                "",
            ),
        ],
        "CV3036-07",
        "fail",
        "Quy chế",
        "không đánh giá",
    ),
    (
        PHU_THINH,
        [
            (
                "3. Trên cơ sở kết quả sơ kết, tổng kết, Ban Chỉ đạo đề ra giải pháp, nhiệm vụ "
                "cho thời gian tới.\n",
                "",
            ),
            (
                "Hằng năm, Ban Chỉ đạo tập trung thực hiện các giải pháp, nhiệm vụ sau:",
                "Thực hiện theo kế hoạch của huyện.",
            ),
        ],
        "CV3036-08",
        "pass",
        "Điều 9. Giải pháp",
        "Quy chế quy định đề ra giải pháp",
    ),
    (
        PHU_THINH,
        [
            (
                "3. Trên cơ sở kết quả sơ kết, tổng kết, Ban Chỉ đạo đề ra giải pháp, nhiệm vụ "
                "cho thời gian tới.\n",
                "",
            ),
            (
                "Hằng năm, Ban Chỉ đạo tập trung thực hiện các giải pháp, nhiệm vụ sau:",
                "Thực hiện theo kế hoạch của huyện.",
            ),
            (
                "a) Đẩy mạnh tuyên truyền, đối thoại chính sách BHXH, BHYT tại các thôn, lồng "
                "ghép trong các buổi sinh hoạt của hội, đoàn thể;\n",
                "",
            ),
            (
                "b) Rà soát, phân loại đối tượng chưa tham gia; vận động theo từng hộ gia đình;\n"
                "c) Phối hợp với tổ chức dịch vụ thu duy trì điểm thu tại xã, bảo đảm thuận lợi "
                "cho người tham gia;\nd) Vận động nhà hảo tâm, doanh nghiệp hỗ trợ tặng thẻ "
                "BHYT, sổ BHXH cho người có hoàn cảnh khó khăn;\nđ) Kiểm tra, đôn đốc các đơn "
                "vị, doanh nghiệp đóng BHXH, BHYT đầy đủ cho người lao động.\n",
                "",
            ),
        ],
        "CV3036-08",
        "fail",
        "Quy chế",
        "chỉ có tiêu đề",
    ),
]


def _edit(source: str, edits: list[tuple[str, str]]) -> str:
    text = (SOURCES / source).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, f"{source} no longer holds {old!r}"
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize(
    ("source", "edits", "rule_id", "status", "shown", "says"),
    EDITS,
    ids=[f"{e[2]}-{e[3]}" for e in EDITS],
)
def test_edited_sample(
    source: str, edits: list[tuple[str, str]], rule_id: str, status: str, shown: str, says: str
) -> None:
    original = _results(document_from_text(_edit(source, [])))[rule_id]
    assert original.status == "pass", f"{rule_id} should pass on the unedited {source}"
    result = _results(document_from_text(_edit(source, edits)))[rule_id]
    assert result.status == status, result.model_dump_json(indent=1)
    where = " ".join([result.looked_in or "", *(e.text for e in result.evidence)])
    assert shown in where, where
    assert says in result.message, result.message
