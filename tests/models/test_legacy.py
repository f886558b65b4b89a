"""Text from old documents: TCVN3 (.VnTime/.VnTimeH) and VNI (VNI-Times) → Unicode NFC."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from desktop.models.legacy import (
    convert_file,
    convert_text,
    decode_tcvn3,
    decode_vni,
    is_syllable,
    read_text_bytes,
    to_legacy,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "legacy"


def _samples(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


SENTENCES = _samples("sentences.txt")
UNTOUCHED = _samples("untouched.txt")


def _many_sentences(count: int = 300) -> list[str]:
    """Hand-written sentences plus seeded recombinations of their clauses."""
    rng = random.Random(20260101)
    clauses = [c.strip(" .") for s in SENTENCES for c in s.split(",") if len(c.split()) >= 3]
    made = list(SENTENCES)
    while len(made) < count:
        picked = rng.sample(clauses, rng.randint(2, 3))
        text = ", ".join(c[0].lower() + c[1:] if i else c for i, c in enumerate(picked))
        made.append(text + ".")
    return made


def _representable(text: str, encoding: str) -> bool:
    try:
        to_legacy(text, encoding)
    except ValueError:
        return False
    return True


# -- Tables against the known appearance of old text ----------------------------------------------

KNOWN_TCVN3 = [
    ("QuyÕt ®Þnh sè 12/Q§-UBND", "Quyết định số 12/QĐ-UBND"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Ng\u00adêi d©n Hµ Néi ®\u00adîc th«ng b¸o", "Người dân Hà Nội được thông báo"),
    ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
    ("n¨m häc míi b¾t ®Çu vµo th¸ng chÝn", "năm học mới bắt đầu vào tháng chín"),
    ("gi÷ g×n b¶n s¾c v¨n ho¸ d©n téc", "giữ gìn bản sắc văn hoá dân tộc"),
    ("khuyÕn c¸o ng\u00adêi d©n c¶nh gi¸c", "khuyến cáo người dân cảnh giác"),
]

KNOWN_VNI = [
    ("Quyeát ñònh soá 12/QÑ-UBND", "Quyết định số 12/QĐ-UBND"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ngöôøi daân Haø Noäi ñöôïc thoâng baùo", "Người dân Hà Nội được thông báo"),
    ("UÛy ban nhaân daân tænh", "Ủy ban nhân dân tỉnh"),
    ("naêm hoïc môùi baét ñaàu vaøo thaùng chín", "năm học mới bắt đầu vào tháng chín"),
    ("giöõ gìn baûn saéc vaên hoùa daân toäc", "giữ gìn bản sắc văn hóa dân tộc"),
    ("Thuôû nhoû, anh aáy ñi hoïc ôû thò xaõ", "Thuở nhỏ, anh ấy đi học ở thị xã"),
    ("Khuyeân hoïc sinh khoâng chôi ñuøa gaàn soâng suoái", None),
    ("Lyù do: kyø thi, ñoäi tuyeån, thaønh tích xuaát saéc, tyû leä", None),
]


@pytest.mark.parametrize(("legacy", "expected"), KNOWN_TCVN3)
def test_tcvn3_mojibake_as_seen_in_old_files(legacy: str, expected: str) -> None:
    assert decode_tcvn3(legacy) == expected
    result = convert_text(legacy)
    assert (result.text, result.encoding, result.is_unsure) == (expected, "tcvn3", False)
    assert to_legacy(expected, "tcvn3") == legacy


@pytest.mark.parametrize(("legacy", "expected"), KNOWN_VNI)
def test_vni_mojibake_as_seen_in_old_files(legacy: str, expected: str | None) -> None:
    result = convert_text(legacy)
    assert result.encoding == "vni"
    assert not result.is_unsure
    if expected is not None:
        assert decode_vni(legacy) == expected
        assert result.text == expected
        assert to_legacy(expected, "vni") == legacy
    assert all(is_syllable(w) for w in result.text.replace(",", " ").split()[1:] if w.isalpha())


def test_vnitimeh_uppercase_text_comes_back_in_capitals() -> None:
    assert convert_text("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM").text == (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    heading = "QUYẾT ĐỊNH VỀ VIỆC BAN HÀNH QUY CHẾ"
    legacy = to_legacy(heading, "tcvn3", uppercase_font=True)
    assert legacy == "QUYÕT ®ÞNH VÒ VIÖC BAN HµNH QUY CHÕ"
    result = convert_text(legacy)
    assert result.text == heading
    assert result.changed[0].font == ".VnTimeH"
    # a single capitalised word in a normal line, and a title-case word next to an acronym
    assert convert_text("§IÒU 1. Ph¹m vi ®iÒu chØnh").text == "ĐIỀU 1. Phạm vi điều chỉnh"
    assert convert_text("Sè 12/Q§-UBND ngµy 5 th¸ng 3").text == "Số 12/QĐ-UBND ngày 5 tháng 3"


def test_every_table_entry_decodes_back() -> None:
    letters = "aăâeêioôơuưy"
    tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
    every = [unicodedata.normalize("NFC", v + t) for v in letters for t in tones] + ["đ"]
    for ch in every + [c.upper() for c in every]:
        assert decode_vni(to_legacy(ch, "vni")) == ch, ch
    for ch in [*every, "Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"]:
        assert decode_tcvn3(to_legacy(ch, "tcvn3")) == ch, ch


# -- Round trips -----------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_round_trip_of_a_few_hundred_sentences(encoding: str) -> None:
    sentences = _many_sentences(300)
    checked = 0
    for sentence in sentences:
        try:
            legacy = to_legacy(sentence, encoding)
        except ValueError:  # ABC fonts have no capitals with tones (Ủ, Ở): .VnTimeH's job
            assert encoding == "tcvn3"
            continue
        assert legacy != sentence
        result = convert_text(legacy)
        assert result.text == sentence, legacy
        assert result.encoding == encoding
        assert not result.is_unsure, legacy
        assert result.confidence >= 0.6
        checked += 1
    assert checked >= 0.8 * len(sentences)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_a_whole_pasted_document_converts_and_reports_what_changed(encoding: str) -> None:
    sentences = [s for s in SENTENCES if _representable(s, encoding)][:20]
    original = "\r\n".join(sentences) + "\r\n"
    legacy = to_legacy(original, encoding)
    result = convert_text(legacy)
    assert result.text == original
    assert result.original == legacy
    assert len(result.changed) == len(sentences)
    first = result.changed[0]
    assert result.text[first.start : first.end] == sentences[0]
    assert first.before == legacy.split("\r\n")[0]
    assert result.words_changed >= 100
    assert "Unicode" in result.summary("vi") and "Unicode" in result.summary("en")


# -- Text that must not be touched ----------------------------------------------------------------


@pytest.mark.parametrize("text", UNTOUCHED)
def test_plain_text_is_left_alone(text: str) -> None:
    result = convert_text(text)
    assert result.text == text
    assert result.encoding == "unicode"
    assert result.changed == ()
    assert not result.is_unsure


def test_all_untouched_samples_together_stay_as_they_are() -> None:
    text = "\n".join(UNTOUCHED) + "\n"
    result = convert_text(text)
    assert result.text == text
    assert not result.changed


def test_nfd_vietnamese_comes_back_as_nfc_and_is_not_a_conversion() -> None:
    nfc = "Quyết định của Ủy ban nhân dân tỉnh"
    result = convert_text(unicodedata.normalize("NFD", nfc))
    assert result.text == nfc
    assert result.changed == ()


# -- Mixed text and uncertainty -------------------------------------------------------------------


def test_mixed_unicode_and_tcvn3_paragraphs_convert_per_line() -> None:
    result = convert_file((DATA / "mixed.utf8.txt").read_bytes())
    lines = result.text.splitlines()
    assert lines == [
        "Thông báo kết quả tuyển dụng viên chức năm 2026.",
        "Danh sách kèm theo được đăng trên cổng thông tin điện tử.",
        "Người trúng tuyển phải hoàn thiện hồ sơ trước ngày 30 tháng 6.",
        "Mọi thắc mắc xin liên hệ phòng Tổ chức cán bộ.",
        "Le café élève le niveau.",
    ]
    assert [c.line for c in result.changed] == [2, 3]
    assert result.encoding == "tcvn3"


def test_tcvn3_and_vni_lines_in_one_paste() -> None:
    text = "QuyÕt ®Þnh sè 12 cña UBND tØnh\nQuyeát ñònh soá 13 cuûa UBND tænh\nPlain English."
    result = convert_text(text)
    assert (
        result.text
        == "Quyết định số 12 của UBND tỉnh\nQuyết định số 13 của UBND tỉnh\nPlain English."
    )
    assert [c.encoding for c in result.changed] == ["tcvn3", "vni"]


def test_a_short_line_follows_the_rest_of_the_document() -> None:
    alone = convert_text("Ch\u00ad¬ng I")
    assert alone.text == "Ch\u00ad¬ng I"  # one word is not enough on its own: ask
    assert alone.is_unsure and alone.suggested == "tcvn3"
    with_context = convert_text("Ch\u00ad¬ng I\nQuy ®Þnh chung vÒ c«ng t¸c biªn tËp")
    assert with_context.text.splitlines()[0] == "Chương I"
    assert not with_context.is_unsure


def test_the_user_can_answer_the_question() -> None:
    unsure = convert_text("Hµ")
    assert unsure.is_unsure and unsure.suggested == "tcvn3" and unsure.text == "Hµ"
    answered = convert_text("Hµ", encoding="tcvn3")
    assert answered.text == "Hà" and not answered.is_unsure
    declined = convert_text("Hµ", encoding="unicode")
    assert declined.text == "Hµ" and not declined.is_unsure and not declined.changed


def test_french_with_vni_lookalike_letters_is_not_taken_for_vni() -> None:
    text = "Où est la gare ? Je ne sais pas où il est."
    result = convert_text(text)
    assert result.text == text
    assert not result.is_unsure


# -- Files ---------------------------------------------------------------------------------------


def test_convert_file_reads_raw_legacy_bytes() -> None:
    tcvn3 = convert_file((DATA / "quyet-dinh.tcvn3.txt").read_bytes())
    vni = convert_file((DATA / "quyet-dinh.vni.txt").read_bytes())
    assert tcvn3.encoding == "tcvn3" and vni.encoding == "vni"
    for result in (tcvn3, vni):
        lines = result.text.split("\r\n")
        assert lines[1] == "Độc lập - Tự do - Hạnh phúc"
        assert lines[3] == "Quyết định số 12/2026/QĐ-UBND"
        assert lines[4] == "Về việc ban hành quy chế quản lý cổng thông tin điện tử"
        assert "Luật Tổ chức chính quyền địa phương năm 2015." in lines[5]
        assert not result.is_unsure
    assert tcvn3.text.startswith("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\n")
    assert vni.text.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\r\n")


def test_file_bytes_are_utf8_when_valid_else_cp1252_with_its_holes() -> None:
    assert read_text_bytes("Hà Nội".encode()) == "Hà Nội"
    assert read_text_bytes(b"\xef\xbb\xbfabc") == "abc"
    assert read_text_bytes(b"H\xb5 N\xe9i \x81\x8d\x8f\x90\x9d") == "Hµ Néi \x81\x8d\x8f\x90\x9d"
    # the five bytes cp1252 leaves undefined and Latin-1-read C1 controls never crash the decoders
    assert convert_text("Hµ Néi \x81\x8d\x8f\x90\x9d \x80").text.startswith("Hà Nội")


# -- The syllable validator that scores each reading ---------------------------------------------


@pytest.mark.parametrize(
    "word",
    ["quyết", "định", "người", "nghiêng", "gì", "gìn", "giữa", "khuỷu", "thuở", "xoong", "kỳ"],
)
def test_real_syllables(word: str) -> None:
    assert is_syllable(word) and is_syllable(word.upper())


@pytest.mark.parametrize(
    "word", ["café", "quyeát", "ñònh", "mat", "kan", "ngiêng", "ghà", "qoa", "hàc", "quyÕt", "où"]
)
def test_not_syllables(word: str) -> None:
    assert not is_syllable(word)


def test_random_input_never_breaks_and_plain_unicode_lines_never_change() -> None:
    rng = random.Random(1234)
    latin = "".join(chr(b) for b in range(0x20, 0x100) if b != 0x7F) + "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
    vietnamese = "ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđĐăơư"
    for _ in range(300):
        legacyish = "".join(rng.choice(latin + "  \n") for _ in range(rng.randint(0, 80)))
        convert_text(legacyish)
        plain = "".join(rng.choice(latin + vietnamese + " ") for _ in range(40)) + "ạ"
        assert convert_text(plain).text == unicodedata.normalize("NFC", plain)
