from validator.structure import document_from_text
from validator.structure.articles import POINT_LETTERS, node_start, parse_articles

from .texts import compose, lines_of

REGULATION_BODY = compose(
    "Chương I",
    "QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "Quy chế này quy định hoạt động của Ban Chỉ đạo.",
    "Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm.",
    "Mục 1. NHIỆM VỤ",
    "Điều 2. Nhiệm vụ của Ban Chỉ đạo",
    "1. Chỉ đạo công tác tuyên truyền;",
    "a) Xây dựng kế hoạch;",
    "b) Tổ chức thực hiện;",
    "c) Kiểm tra;",
    "d) Sơ kết;",
    "đ) Tổng kết hằng năm.",
    "2. Báo cáo định kỳ 6 tháng, hằng năm.",
    "Chương II. TỔ CHỨC THỰC HIỆN",
    "Điều 3. Hiệu lực",
    "Quy chế có hiệu lực kể từ ngày ký; sửa đổi theo Điều 2 của Quy chế này.",
)


def tree():
    lines = lines_of(REGULATION_BODY)
    return lines, parse_articles(lines, 0, len(lines))


def test_chapters_sections_articles_clauses_points():
    _, roots = tree()
    assert [(c.kind, c.number, c.heading) for c in roots] == [
        ("chapter", "I", "QUY ĐỊNH CHUNG"), ("chapter", "II", "TỔ CHỨC THỰC HIỆN")]
    article_1, section = roots[0].children
    # normalisation joins a heading with the sentence under it when nothing marks the break
    assert (article_1.kind, article_1.number) == ("article", "1")
    assert article_1.heading.startswith("Phạm vi điều chỉnh")
    assert article_1.text == "Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm."
    assert (section.kind, section.number, section.heading) == ("section", "1", "NHIỆM VỤ")
    article_2 = section.children[0]
    clause_1, clause_2 = article_2.children
    assert clause_1.text == "Chỉ đạo công tác tuyên truyền;"
    assert [p.number for p in clause_1.children] == ["a", "b", "c", "d", "đ"]
    assert clause_2.text.startswith("Báo cáo định kỳ")


def test_point_letters_follow_the_vietnamese_alphabet():
    assert POINT_LETTERS.index("đ") == POINT_LETTERS.index("d") + 1
    assert "f" not in POINT_LETTERS and "w" not in POINT_LETTERS


def test_offsets_cover_node_and_children():
    lines, roots = tree()
    article_2 = roots[0].children[1].children[0]
    text = lines.source.text[article_2.start:article_2.end]
    assert text.startswith("Điều 2. Nhiệm vụ") and text.endswith("hằng năm.")
    assert (article_2.page, article_2.line) == (1, 7)


def test_cited_article_is_not_a_heading():
    assert node_start("điều 2 của quy chế này", "Điều 2 của Quy chế này") is None
    assert node_start("điều 5 quy chế này quy định", "Điều 5 Quy chế này quy định") is None
    assert node_start("điều 3. hiệu lực", "Điều 3. Hiệu lực")[:2] == ("article", "3")
    assert node_start("điều 3 tổ chức thực hiện", "Điều 3 Tổ chức thực hiện")[:2] == (
        "article", "3")
    # a year or a date at the start of a line opens no clause
    assert node_start("2023 là năm", "2023 là năm") is None


def test_combined_file_is_split_in_two(decision_text):
    regulation = compose(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "QUY CHẾ",
        "Hoạt động của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình",
        "(Ban hành kèm theo Quyết định số 57/QĐ-UBND ngày 05/10/2023",
        "của Chủ tịch UBND xã An Bình)",
        REGULATION_BODY,
    )
    document = document_from_text(decision_text() + regulation)
    assert document.doc_type == "combined"
    assert [a.number for a in document.articles] == ["1", "2", "3", "4"]
    attachment = document.attachment
    assert attachment.type_name.text == "QUY CHẾ"
    assert attachment.title.text.startswith("Hoạt động của Ban Chỉ đạo")
    assert (attachment.decision_number, attachment.decision_symbol) == ("57", "QĐ-UBND")
    assert attachment.decision_date.isoformat() == "2023-10-05"
    assert attachment.issued_by_line.text.startswith("(Ban hành kèm theo Quyết định số 57")
    assert [c.number for c in attachment.articles] == ["I", "II"]
    # the regulation's letterhead is not read as the decision's signer or recipients
    assert document.metadata.signer.name == "Trần Thị Bình"
    assert all("ỦY BAN" not in r.text for r in document.metadata.recipients)
    assert document.text.text[attachment.start:].startswith("ỦY BAN NHÂN DÂN XÃ AN BÌNH")


def test_quy_che_in_a_sentence_does_not_split(decision_text):
    text = decision_text(duties="Điều 3. Ban hành kèm theo Quyết định này Quy chế hoạt động "
                         "của Ban Chỉ đạo.\nQuy chế được gửi các thành viên.")
    document = document_from_text(text)
    assert document.attachment is None and document.doc_type == "decision"
