import datetime as dt

from validator.structure import document_from_text
from validator.structure.nlp import get_nlp


def tokens(text: str) -> list[str]:
    return [t.text for t in get_nlp().make_doc(text)]


def test_pipeline_is_built_once():
    assert get_nlp() is get_nlp()
    assert get_nlp().pipe_names == ["vn_sentences", "vn_entities"]


def test_tokenizer_splits_punctuation_but_keeps_symbols():
    assert tokens("nhiệm vụ.") == ["nhiệm", "vụ", "."]
    assert tokens("Số: 57/QĐ-UBND;") == ["Số", ":", "57/QĐ-UBND", ";"]
    assert tokens("Nghị định số 33/2023/NĐ-CP,") == ["Nghị", "định", "số", "33/2023/NĐ-CP", ","]
    assert tokens("TM. ỦY BAN") == ["TM.", "ỦY", "BAN"]
    assert tokens("(bà)") == ["(", "bà", ")"]
    assert tokens("ngày 24/9/2020") == ["ngày", "24/9/2020"]


def test_sentences_split_at_lines_and_full_stops_not_at_article_numbers():
    text = "Điều 1. Thành lập Ban Chỉ đạo. Ban có nhiệm vụ tham mưu.\nĐiều 2. Hiệu lực"
    document = document_from_text(text)
    got = [document.text.text[a:b] for a, b in document.sentences]
    assert got == ["Điều 1. Thành lập Ban Chỉ đạo.", "Ban có nhiệm vụ tham mưu.",
                   "Điều 2. Hiệu lực"]


def test_entities_references_and_dates():
    doc = get_nlp()("Ông Nguyễn Văn An Chủ tịch UBND xã theo Công văn số 3036/BHXH-BT "
                    "ngày 24/9/2020 và Quyết định số …/QĐ-UBND; QUYẾT ĐỊNH SỐ: 57 /QĐ-UBND "
                    "ngày 5 tháng 3 năm 2021.")
    ents = [(e.label_, e.text) for e in doc.ents]
    assert ents == [("LEGAL_REF", "Công văn số 3036/BHXH-BT"), ("DATE", "ngày 24/9/2020"),
                    ("LEGAL_REF", "Quyết định số …/QĐ-UBND"),
                    ("LEGAL_REF", "QUYẾT ĐỊNH SỐ: 57 /QĐ-UBND"),
                    ("DATE", "ngày 5 tháng 3 năm 2021")]


def test_entities_are_whole_tokens_and_symbols_as_written():
    """Words that share the shape but are no reference: a symbol in lower case, a date glued
    to its closing marks, a reference broken over a line."""
    doc = get_nlp()("theo quyết định số 5/qđ-ubnd; ngày 13/11/2025)./.\n"
                    "Nghị định\nsố 33/2023/NĐ-CP")
    assert [(e.label_, e.text) for e in doc.ents] == []


def test_references_on_the_document():
    document = document_from_text(
        "Căn cứ Nghị định số 33/2023/NĐ-CP ngày 10 tháng 6 năm 2023 của Chính phủ;\n"
        "Thực hiện Nghị quyết số 21-NQ/TW của Bộ Chính trị.")
    refs = [(r.kind, r.number, r.symbol, r.date, r.line) for r in document.references]
    assert refs == [("Nghị định", "33", "2023/NĐ-CP", dt.date(2023, 6, 10), 1),
                    ("Nghị quyết", "21", "NQ/TW", None, 2)]
    assert document.spacy_doc.text == document.text.text


def test_words_that_only_look_like_references():
    document = document_from_text("Quyết định này có hiệu lực; theo kế hoạch số lượng lớn.")
    assert document.references == []


def test_text_beyond_max_length_is_read_in_pieces(decision_text):
    """A document longer than the pipeline's max_length is read, the same as in one piece."""
    text = decision_text()
    whole = document_from_text(text)
    nlp = get_nlp()
    limit = nlp.max_length
    nlp.max_length = 400  # far below the document's length: many pieces
    try:
        pieced = document_from_text(text)
    finally:
        nlp.max_length = limit
    assert len(text) > 3 * 400
    assert pieced.spacy_doc.text == whole.spacy_doc.text
    assert pieced.sentences == whole.sentences
    assert pieced.references == whole.references
    assert [(e.label_, e.start_char) for e in pieced.spacy_doc.ents] == [
        (e.label_, e.start_char) for e in whole.spacy_doc.ents]
