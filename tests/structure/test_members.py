"""Every member-list shape, and the places that name the same offices without being the list."""

from validator.model import ReadResult, SourceLine, SourcePage
from validator.structure import build_document, document_from_text

from .texts import CLOSING, DUTIES, LETTERHEAD, OPENING, compose

ARTICLE_1 = "Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình."


def members_of(block: str, *, duties: str = DUTIES, closing: str = CLOSING):
    document = document_from_text(compose(LETTERHEAD, OPENING, block, duties, closing))
    return document, [(m.honorific, m.name, m.position, m.role) for m in document.members]


def test_numbered_lines(decision_text):
    document = document_from_text(decision_text())
    got = [(m.honorific, m.name, m.position, m.role) for m in document.members]
    assert got == [
        ("Ông", "Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban"),
        ("Bà", "Trần Thị Bình", "Phó Chủ tịch UBND xã", "Phó Trưởng ban Thường trực"),
        ("Ông", "Lê Văn Cường", "Phó Giám đốc BHXH huyện Bình Sơn", "Phó Trưởng ban"),
        ("Bà", "Phạm Thị Dung", "Công chức Văn hóa - Xã hội xã", "Thành viên"),
        ("Ông", "Hoàng Văn Em", "Trưởng thôn An Phú", "Thành viên"),
    ]
    first = document.members[0]
    assert (first.page, first.line) == (1, 19)
    begin, end = document.member_list_span
    assert document.text.text[begin:end].startswith("1. Ông Nguyễn Văn An")
    assert document.text.text[begin:end].endswith("Thành viên.")


def test_role_first_lines():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "- Trưởng ban: Ông Nguyễn Văn An, Chủ tịch UBND xã;",
        "- Phó Trưởng ban Thường trực: Bà Trần Thị Bình, Phó Chủ tịch UBND xã;",
        "- Thành viên: Đồng chí Lê Văn Cường, Bí thư Đoàn Thanh niên xã;",
    ))
    assert got == [
        ("Ông", "Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban"),
        ("Bà", "Trần Thị Bình", "Phó Chủ tịch UBND xã", "Phó Trưởng ban Thường trực"),
        ("Đồng chí", "Lê Văn Cường", "Bí thư Đoàn Thanh niên xã", "Thành viên"),
    ]


def test_lam_phrasing_in_article_1():
    _, got = members_of(compose(
        "Điều 1. Thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT huyện, gồm các ông (bà):",
        "1. Ông Nguyễn Văn An, Chủ tịch UBND huyện làm Trưởng ban;",
        "2. Bà Trần Thị Bình, Giám đốc BHXH huyện, làm Phó Trưởng ban;",
        "3. Ông Lê Văn Cường, Trưởng phòng Lao động - Thương binh và Xã hội làm thành viên.",
    ))
    assert [g[3] for g in got] == ["Trưởng ban", "Phó Trưởng ban", "Thành viên"]
    assert got[2][2] == "Trưởng phòng Lao động - Thương binh và Xã hội"


def test_position_only_entries_and_group_headings():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo",
        "1. Trưởng ban: Chủ tịch UBND xã.",
        "2. Các Phó Trưởng ban:",
        "- Phó Chủ tịch UBND xã;",
        "- Giám đốc BHXH huyện - Phó Trưởng ban;",
        "3. Các thành viên gồm:",
        "- Công chức Văn hóa - Xã hội xã;",
        "- Trưởng ban Công tác Mặt trận các khu dân cư;",
        "- Trưởng bản các bản.",
    ))
    assert got == [
        (None, None, "Chủ tịch UBND xã", "Trưởng ban"),
        (None, None, "Phó Chủ tịch UBND xã", "Phó Trưởng ban"),
        (None, None, "Giám đốc BHXH huyện", "Phó Trưởng ban"),
        (None, None, "Công chức Văn hóa - Xã hội xã", "Thành viên"),
        # a job that starts with "Trưởng ban" is not the committee role
        (None, None, "Trưởng ban Công tác Mặt trận các khu dân cư", "Thành viên"),
        # nor is the head of a village (bản)
        (None, None, "Trưởng bản các bản", "Thành viên"),
    ]


def test_entry_wrapped_over_a_page():
    text = compose(LETTERHEAD, OPENING, ARTICLE_1,
                   "Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:",
                   "1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban;",
                   "2. Ông Võ Minh Trí, Viên chức BHXH huyện phụ trách địa bàn xã")
    page_two = compose("- Thành viên;", "3. Bà Cao Thị Nga, Trưởng thôn Đông - Thành viên.",
                       DUTIES, CLOSING)
    pages = []
    for number, chunk in enumerate((text, page_two), 1):
        lines = tuple(SourceLine(page=number, line=i, text=t)
                      for i, t in enumerate(chunk.splitlines(), 1))
        pages.append(SourcePage(number=number, lines=lines))
    document = build_document(ReadResult(format="pdf", pages=tuple(pages)), "x.pdf")
    got = [(m.name, m.position, m.role, m.page) for m in document.members]
    assert got == [
        ("Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban", 1),
        ("Võ Minh Trí", "Viên chức BHXH huyện phụ trách địa bàn xã", "Thành viên", 1),
        ("Cao Thị Nga", "Trưởng thôn Đông", "Thành viên", 2),
    ]


def test_table_with_header_row_and_continuation_without_one():
    rows = [
        "STT\tHọ và tên\tChức vụ, đơn vị công tác\tChức danh trong BCĐ",
        "1\tÔng Ngô Văn Thành\tPhó Chủ tịch UBND tỉnh\tTrưởng ban",
        "2\tÔng Huỳnh Văn Lợi\tGiám đốc Bảo hiểm xã hội tỉnh\tPhó Trưởng ban Thường trực",
        "3\tBà Lê Thị Hạnh\tGiám đốc Sở Y tế\t",
    ]
    block = compose(ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:",
                    *rows)
    _, got = members_of(block)
    assert got == [
        ("Ông", "Ngô Văn Thành", "Phó Chủ tịch UBND tỉnh", "Trưởng ban"),
        ("Ông", "Huỳnh Văn Lợi", "Giám đốc Bảo hiểm xã hội tỉnh", "Phó Trưởng ban Thường trực"),
        ("Bà", "Lê Thị Hạnh", "Giám đốc Sở Y tế", None),
    ]


def test_table_appended_after_the_signer():
    block = compose(
        "Điều 1. Thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT tỉnh "
        "(có danh sách kèm theo).")
    appended = compose(
        "DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO THỰC HIỆN CHÍNH SÁCH BHXH, BHYT TỈNH",
        "(Kèm theo Quyết định số 57/QĐ-UBND ngày 05/10/2023 của Chủ tịch UBND tỉnh)",
        "TT\tHọ tên\tChức vụ\tNhiệm vụ trong Ban Chỉ đạo",
        "1\tNguyễn Văn An\tChủ tịch UBND tỉnh\tTrưởng ban",
        "2\tTrần Thị Bình\tGiám đốc BHXH tỉnh\tPhó Trưởng ban",
    )
    document, got = members_of(block, closing=CLOSING + "\n" + appended)
    assert got == [
        (None, "Nguyễn Văn An", "Chủ tịch UBND tỉnh", "Trưởng ban"),
        (None, "Trần Thị Bình", "Giám đốc BHXH tỉnh", "Phó Trưởng ban"),
    ]
    assert document.metadata.signer.name == "Trần Thị Bình"


def test_names_without_honorific_and_in_capitals():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành viên Ban Chỉ đạo gồm:",
        "1. Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban;",
        "2. Ông TRẦN VĂN BÌNH - Phó Chủ tịch UBND xã - Phó Trưởng ban;",
        "3. Ông Lê Văn Cường Chủ tịch Hội Nông dân xã - Thành viên.",
    ))
    assert [(g[0], g[1], g[2]) for g in got] == [
        (None, "Nguyễn Văn An", "Chủ tịch UBND xã"),
        ("Ông", "TRẦN VĂN BÌNH", "Phó Chủ tịch UBND xã"),
        ("Ông", "Lê Văn Cường", "Chủ tịch Hội Nông dân xã"),
    ]


def test_list_ends_at_the_next_article():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban;",
        "Điều 3. Trưởng ban: Ông Trần Văn Bình chịu trách nhiệm điều hành.",
        "- Phó Trưởng ban: Bà Lê Thị Hạnh phụ trách công tác tuyên truyền;",
    ), duties="")
    assert [g[1] for g in got] == ["Nguyễn Văn An"]


# ------------------------------------------------------------- the same words, not members


def test_bases_proposal_duties_and_recipients_give_no_members():
    """The Văn hóa - Xã hội official, Bưu điện and Trưởng ban appear, but no list is there."""
    block = compose(ARTICLE_1, "Điều 2. Giao Công chức Văn hóa - Xã hội xã tham mưu Ban Chỉ đạo.")
    document, got = members_of(block)
    assert got == []
    assert document.member_list_span is None


def test_duties_article_with_gom_is_not_a_member_list():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Nhiệm vụ của Ban Chỉ đạo gồm:",
        "- Trưởng ban: chịu trách nhiệm chung;",
        "- Phó Trưởng ban: giúp Trưởng ban điều hành;",
    ))
    assert got == []


def test_regulation_responsibilities_are_not_members():
    document = document_from_text(compose(
        "UBND XÃ PHÚ THỊNH", "BAN CHỈ ĐẠO THỰC HIỆN CHÍNH SÁCH BHXH, BHYT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "QUY CHẾ",
        "Hoạt động của Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã Phú Thịnh",
        "(Ban hành kèm theo Quyết định số 03/QĐ-BCĐ ngày 08/01/2024 của Trưởng Ban Chỉ đạo)",
        "Điều 1. Trách nhiệm của các thành viên",
        "1. Trưởng ban: Ông Hoàng Đức Thắng chịu trách nhiệm chung.",
        "2. Thành viên: thực hiện nhiệm vụ được phân công.",
    ))
    assert document.members == []


# ------------------------------------------------------------------- the entry grammar


def test_party_rank_at_the_end_is_no_role():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Ông Nguyễn Văn An, Phó Bí thư Đảng ủy, Tỉnh ủy viên;",
        "2. Bà Trần Thị Bình, Phó Chủ tịch UBND xã - Phó Trưởng ban.",
    ))
    assert got[0] == ("Ông", "Nguyễn Văn An", "Phó Bí thư Đảng ủy, Tỉnh ủy viên", None)


def test_place_after_a_job_is_no_name():
    """ "Bí thư Huyện đoàn Bình Sơn": the district the letterhead names, not a person."""
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Chủ tịch UBND xã - Trưởng ban;",
        "2. Bí thư Huyện đoàn Bình Sơn - Thành viên;",
        "3. Phó Giám đốc BHXH huyện Bình Sơn Lê Văn Cường - Phó Trưởng ban.",
    ))
    assert got == [
        (None, None, "Chủ tịch UBND xã", "Trưởng ban"),
        (None, None, "Bí thư Huyện đoàn Bình Sơn", "Thành viên"),
        (None, "Lê Văn Cường", "Phó Giám đốc BHXH huyện Bình Sơn", "Phó Trưởng ban"),
    ]


def test_agencies_named_as_members_are_not_headings():
    """ "a) Công an xã;" ends like an entry: the agency is the member, ex officio."""
    document, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Trưởng ban: Chủ tịch UBND xã.",
        "2. Các thành viên là đại diện lãnh đạo:",
        "a) Công an xã;",
        "b) Hội Nông dân xã.",
    ))
    assert got[1:] == [(None, None, "Công an xã", "Thành viên"),
                       (None, None, "Hội Nông dân xã", "Thành viên")]
    assert [m.agency for m in document.members[1:]] == ["Công an xã", "Hội Nông dân xã"]


def test_agency_heading_gives_its_agency_inline_head_its_own():
    document, _ = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Trưởng ban: Ông Nguyễn Văn An, Chủ tịch UBND xã.",
        "2. Các thành viên:",
        "a) Bảo hiểm xã hội huyện Bình Sơn:",
        "- Ông Võ Minh Trí, Viên chức phụ trách địa bàn xã;",
        "b) Bưu điện huyện: Bà Cao Thị Nga, Nhân viên điểm thu xã.",
    ))
    assert [(m.name, m.agency, m.role) for m in document.members[1:]] == [
        ("Võ Minh Trí", "Bảo hiểm xã hội huyện Bình Sơn", "Thành viên"),
        ("Cao Thị Nga", "Bưu điện huyện", "Thành viên"),
    ]


def test_missing_annex_is_a_reading_note():
    document, got = members_of(compose(
        "Điều 1. Kiện toàn Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã An Bình gồm "
        "các thành viên theo danh sách kèm theo Quyết định này."))
    assert got == []
    sentence = document.members_in_missing_annex
    assert sentence is not None and "danh sách kèm theo" in sentence.text
    note = next(n for n in document.notes if n.code == "attachment_missing")
    assert note.page == sentence.page and "kèm theo" in note.message


def test_annex_in_the_file_is_no_missing_annex():
    block = ("Điều 1. Thành lập Ban Chỉ đạo thực hiện chính sách BHXH, BHYT xã "
             "(có danh sách kèm theo).")
    appended = compose("DANH SÁCH THÀNH VIÊN", "(Kèm theo Quyết định số 57/QĐ-UBND)",
                       "1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trưởng ban.")
    document, got = members_of(block, closing=CLOSING + "\n" + appended)
    assert got == [("Ông", "Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban")]
    assert document.members_in_missing_annex is None and document.notes == []


def test_roles_survive_ocr_tone_slips():
    """A scan reads hỏi as sắc now and then: "Trướng ban", "Tố phó" are still roles."""
    document = document_from_text(compose(
        LETTERHEAD, OPENING, ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Ông Nguyễn Văn An, Chủ tịch UBND xã - Trướng ban;",
        "2. Các Phó Trướng ban:",
        "- Bà Trần Thị Bình, Phó Chủ tịch UBND xã;",
        "3. Ông Lê Văn Cường, Công chức Văn hóa - Xã hội xã - Úy viên.", DUTIES, CLOSING),
        ocr_confidence=70.0)
    assert [(m.name, m.role) for m in document.members] == [
        ("Nguyễn Văn An", "Trưởng ban"), ("Trần Thị Bình", "Phó Trưởng ban"),
        ("Lê Văn Cường", "Ủy viên")]


def test_name_after_a_ministry_with_capitals():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Thứ trưởng Bộ Lao động - Thương binh và Xã Hội Lê Văn Thanh, Ủy viên;",
        "2. Phó Chủ tịch UBND tỉnh Nguyễn Thị Hoa, Trưởng ban.",
    ))
    assert got == [
        (None, "Lê Văn Thanh", "Thứ trưởng Bộ Lao động - Thương binh và Xã Hội", "Ủy viên"),
        (None, "Nguyễn Thị Hoa", "Phó Chủ tịch UBND tỉnh", "Trưởng ban"),
    ]


def test_role_column_named_for_the_committee():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:",
        "TT\tHọ và tên\tChức vụ\tChức danh BCĐ",
        "1\tNguyễn Văn An\tChủ tịch UBND xã\tTrưởng ban",
    ))
    assert got == [(None, "Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban")]


def test_capitalised_unit_starts_a_place_not_a_name():
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm:",
        "1. Trưởng Công an Xã Hà Lâm - Thành viên;",
        "2. Chủ tịch UBND Xã Hà Lâm Trần Văn Bảy - Trưởng ban.",
    ))
    assert got == [(None, None, "Trưởng Công an Xã Hà Lâm", "Thành viên"),
                   (None, "Trần Văn Bảy", "Chủ tịch UBND Xã Hà Lâm", "Trưởng ban")]


def test_entries_without_end_marks_in_a_text_copy():
    """Lines ending in no ";" are joined by normalisation; the list cuts them again."""
    document, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm các ông, bà có tên sau đây:",
        "Ông Nguyễn Văn An, Chủ tịch UBND xã, Trưởng ban",
        "Bà Trần Thị Bình, Phó Chủ tịch UBND xã, Phó Trưởng ban",
        "Ông Lê Văn Cường, Công chức Văn hóa - Xã hội xã, Thành viên",
    ))
    assert got == [
        ("Ông", "Nguyễn Văn An", "Chủ tịch UBND xã", "Trưởng ban"),
        ("Bà", "Trần Thị Bình", "Phó Chủ tịch UBND xã", "Phó Trưởng ban"),
        ("Ông", "Lê Văn Cường", "Công chức Văn hóa - Xã hội xã", "Thành viên"),
    ]
    assert [m.line for m in document.members] == [19, 20, 21]
    assert document.members[2].agency is None  # "Xã hội" names no agency


def test_long_list_numbered_past_ninety_nine():
    entries = [f"{i}. Ông Nguyễn Văn An, Trưởng thôn số {i}: Thành viên;" for i in range(1, 102)]
    entries[97] = "98."  # the number at a page end, its entry on the next page
    entries.insert(98, "Bà Trần Thị Bình, Trưởng thôn số 98: Thành viên;")
    _, got = members_of(compose(
        ARTICLE_1, "Điều 2. Thành phần Ban Chỉ đạo gồm các ông (bà) có tên sau:", *entries))
    assert len(got) == 101
    assert got[97] == ("Bà", "Trần Thị Bình", "Trưởng thôn số 98", "Thành viên")
    assert got[-1] == ("Ông", "Nguyễn Văn An", "Trưởng thôn số 101", "Thành viên")
