import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from validator.read.legacy import decode, decode_cp1258, detect, encode, encoding_from_font

LOWER_VOWELS = "aăâeêioôơuưy"
TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
ALL_LOWER = [
    unicodedata.normalize("NFC", vowel + tone) for vowel in LOWER_VOWELS for tone in TONES
] + ["đ"]
ALL_UPPER = [letter.upper() for letter in ALL_LOWER]

PARAGRAPH = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Quyết định của Ủy ban nhân dân huyện về việc thành lập Ban Chỉ đạo thực hiện chính sách "
    "bảo hiểm xã hội, bảo hiểm y tế. Điều 1. Thành lập Ban Chỉ đạo gồm các ông, bà có tên sau "
    "đây; Điều 2. Ban Chỉ đạo có nhiệm vụ giúp Ủy ban nhân dân xã chỉ đạo, đôn đốc, kiểm tra "
    "việc thực hiện. Người lao động được hưởng chế độ ốm đau, thai sản, tai nạn lao động, bệnh "
    "nghề nghiệp, hưu trí, tử tuất; khuyến khích tham gia; giữ gìn, thuở xưa, khuya, quỳnh, "
    "nguyễn, ngoằn ngoèo, chuyện, yểu điệu, ỷ lại, kỹ thuật, mỹ, ỵ, tỵ, xoong, hoạch định. "
)
EVERY_LETTER = " ".join(ALL_LOWER) + " " + " ".join(ALL_UPPER)


def lower_except_own_capitals(text: str) -> str:
    """What a .VnTime (non-H) document can show: toned capitals fall back to lower case."""
    return "".join(c if c.isascii() or c in "ĂÂÊÔƠƯĐ" else c.lower() for c in text)


# --------------------------------------------------------------------------- fixed samples


@pytest.mark.parametrize(
    ("unicode", "tcvn3_hex"),
    [
        ("Việt Nam", "56 69 d6 74 20 4e 61 6d"),
        ("Quyết định", "51 75 79 d5 74 20 ae de 6e 68"),
        ("ủy ban nhân dân", "f1 79 20 62 61 6e 20 6e 68 a9 6e 20 64 a9 6e"),
        ("ư", "ad"),
        ("Mường Khương", "4d ad ea 6e 67 20 4b 68 ad ac 6e 67"),
        ("Bảo Thắng", "42 b6 6f 20 54 68 be 6e 67"),
        ("Bát Xát", "42 b8 74 20 58 b8 74"),
        (
            "Đ đ Ă ă Â â Ê ê Ô ô Ơ ơ Ư",
            "a7 20 ae 20 a1 20 a8 20 a2 20 a9 20 a3 20 aa 20 a4 20 ab 20 a5 20 ac 20 a6",
        ),
        ("ặ ậ ệ ị ọ ộ ợ ụ ự ỵ", "c6 20 cb 20 d6 20 de 20 e4 20 e9 20 ee 20 f4 20 f9 20 fe"),
        ("ĩ ũ ỹ ẵ ẫ ễ ỗ ỡ ữ", "dc 20 f2 20 fc 20 bd 20 c9 20 d4 20 e7 20 ec 20 f7"),
    ],
)
def test_tcvn3_known_bytes(unicode: str, tcvn3_hex: str) -> None:
    data = bytes.fromhex(tcvn3_hex)
    assert encode(unicode, "tcvn3").encode("latin-1") == data
    assert decode(data.decode("latin-1"), "tcvn3") == unicode


@pytest.mark.parametrize(
    ("unicode", "vni"),
    [
        ("Việt Nam", "Vieät Nam"),
        ("Quyết định", "Quyeát ñònh"),
        ("Xin chào các bạn", "Xin chaøo caùc baïn"),
        ("Ủy ban nhân dân", "UÛy ban nhaân daân"),
        ("ĐIỀU", "ÑIEÀU"),
        ("Đ đ ơ Ơ ư Ư", "Ñ ñ ô Ô ö Ö"),
        ("ì í ỉ ĩ ị ỵ Ị Ỵ", "ì í æ ó ò î Ò Î"),
        ("ắ ằ ẳ ẵ ặ ă", "aé aè aú aü aë aê"),
        ("ấ ầ ẩ ẫ ậ â", "aá aà aå aã aä aâ"),
        ("ớ ờ ở ỡ ợ ứ ừ ử ữ ự", "ôù ôø ôû ôõ ôï öù öø öû öõ öï"),
        ("ý ỳ ỷ ỹ", "yù yø yû yõ"),
        ("Mường", "Möôøng"),
    ],
)
def test_vni_known_sequences(unicode: str, vni: str) -> None:
    assert encode(unicode, "vni") == vni
    assert decode(vni, "vni") == unicode


def test_vni_upper_case_modifiers_and_mixed_case() -> None:
    assert decode("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "vni") == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert decode("Aù", "vni") == "Á"  # the base letter decides the case


def test_vni_modifier_on_a_wrong_base_is_kept() -> None:
    assert decode("uâ ôâ", "vni") == "uâ ơâ"


def test_tcvn3_soft_hyphen_is_u_horn() -> None:
    assert decode("n\xadíc", "tcvn3") == "nước"
    assert decode("T\xad ph¸p", "tcvn3") == "Tư pháp"


# --------------------------------------------------------------------------- round trips


def test_tcvn3_round_trip_paragraph() -> None:
    text = PARAGRAPH + EVERY_LETTER
    assert decode(encode(text, "tcvn3"), "tcvn3") == lower_except_own_capitals(text)


def test_tcvn3_h_font_capitals() -> None:
    text = PARAGRAPH + EVERY_LETTER
    assert decode(encode(text, "tcvn3"), "tcvn3", capitals=True) == text.upper()
    assert decode("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3", capitals=True) == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert decode("\xa7éc lËp", "tcvn3", capitals=True) == "ĐỘC LẬP"


def test_vni_round_trip_paragraph() -> None:
    text = PARAGRAPH + EVERY_LETTER
    assert decode(encode(text, "vni"), "vni") == text


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_encoded_text_is_latin1_and_punctuation_survives(encoding: str) -> None:
    text = "“Điều 1” – số 12/QĐ-UBND … ngày 01/01/2024"
    encoded = encode(text, encoding)
    encoded.encode("latin-1")  # must not raise
    decoded = decode(encoded, encoding)
    assert decoded == (lower_except_own_capitals(text) if encoding == "tcvn3" else text)


def test_unencodable_characters_become_question_marks() -> None:
    assert encode("中 ç °", "tcvn3") == "? ? °"  # ç is ỗ's code in TCVN3, ° is free
    assert encode("中 ç ä", "vni") == "? ç ?"  # ä is a VNI modifier, ç is free


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_decomposed_input_is_encoded(encoding: str) -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định")
    assert decode(encode(nfd, encoding), encoding) == "Quyết định"


@given(st.text(alphabet=[*ALL_LOWER, *"ĂÂÊÔƠƯĐ", " ", ",", "."], max_size=60))
def test_tcvn3_round_trip_property(text: str) -> None:
    assert decode(encode(text, "tcvn3"), "tcvn3") == text


@given(st.text(alphabet=[*ALL_LOWER, *ALL_UPPER, " ", "n", "g", "t", "N"], max_size=60))
def test_vni_round_trip_property(text: str) -> None:
    assert decode(encode(text, "vni"), "vni") == text


# --------------------------------------------------------------------------- font names


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", ("tcvn3", False)),
        (".VnTimeH", ("tcvn3", True)),
        ("VnTimeH", ("tcvn3", True)),
        (".VnArial", ("tcvn3", False)),
        (".VnArialH", ("tcvn3", True)),
        (".VnArial NarrowH", ("tcvn3", True)),
        (".VnArial Narrow", ("tcvn3", False)),
        ("ABCDEF+.VnTime", ("tcvn3", False)),
        ("ABCDEF+VnTime-Bold", ("tcvn3", False)),
        ("QWERTY+VnTimeH-BoldItalic", ("tcvn3", True)),
        ("VnTimeH,Bold", ("tcvn3", True)),
        ("VNI-Times", ("vni", False)),
        ("VNI-Helve-Condense", ("vni", False)),
        ("ABCDEF+VNI-Times-Bold", ("vni", False)),
        ("Times New Roman", (None, False)),
        ("ABCDEF+TimesNewRomanPS-BoldMT", (None, False)),
        ("Arial", (None, False)),
        ("", (None, False)),
        (None, (None, False)),
    ],
)
def test_encoding_from_font(font: str | None, expected: tuple[str | None, bool]) -> None:
    assert encoding_from_font(font) == expected


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detect_legacy_document(encoding: str) -> None:
    assert detect(encode(PARAGRAPH, encoding)) == encoding


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_detect_short_legacy_phrases(encoding: str) -> None:
    for phrase in ("Việt Nam", "Quyết định", "Độc lập - Tự do - Hạnh phúc", "của các xã"):
        assert detect(encode(phrase, encoding)) == encoding, phrase


def test_detect_h_font_motto_without_font_information() -> None:
    motto = encode("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "tcvn3")
    assert detect(motto) == "tcvn3"


@pytest.mark.parametrize(
    "text",
    [
        PARAGRAPH,
        unicodedata.normalize("NFD", PARAGRAPH),
        "Ông Jean-Pierre Lefèvre, chuyên gia của tổ chức, và bà Hélène Dupré được mời dự họp.",
        "Hélène Dupré",
        "José André, Café Crème à la française, Noël, naïve, Ærø",
        "Lê Thị Hà, Võ Văn Tú",
        "Plain ASCII text, no accents at all. 12/QĐ",
        "cá và cà",
        "",
    ],
)
def test_detect_unicode(text: str) -> None:
    assert detect(text) == "unicode"


# --------------------------------------------------------------------------- cp1258


def test_decode_cp1258_composes_tone_marks() -> None:
    # ê + combining dot below (0xF2), Đ (0xD0), ê + combining grave (0xCC), ơ (0xF5) + acute (0xEC)
    data = b"Vi\xea\xf2t Nam \xd0i\xea\xccu m\xf5\xecI"
    assert decode_cp1258(data) == "Việt Nam Điều mớI"
    assert unicodedata.is_normalized("NFC", decode_cp1258(data))
