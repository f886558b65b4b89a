"""Vietnamese spelling with the shipped Hunspell dictionary (issue 16)."""

from __future__ import annotations

from pathlib import Path

from desktop.content.spelling import Speller, dictionary_path, new_style, old_style, words


def test_the_dictionary_is_shipped_with_the_package() -> None:
    path = dictionary_path()
    assert path is not None and path.parent.name == "dictionaries"
    assert (path.parent / "COPYING-vi_VN.GPL-2").is_file()


def test_both_tone_placements_are_right() -> None:
    speller = Speller()
    for word in ("Hòa", "hoà", "khỏe", "khoẻ", "thủy", "thuỷ", "quý", "Quyết", "định", "UBND"):
        assert speller.check(word), word
    assert old_style("hòa") == "hoà" and new_style("hoà") == "hòa"
    assert new_style("quý") == "quý" and old_style("hoàng") == "hoàng"


def test_misspelt_words_and_suggestions() -> None:
    speller = Speller()
    found = speller.misspelled("Xin chàoo các bạn, truờng học ở https://x.vn số 12/2026")
    assert [m.word for m in found] == ["chàoo", "truờng"]
    assert "chào" in speller.suggest("chàoo")
    assert "trường" in speller.suggest("truờng")


def test_words_skip_addresses_acronyms_and_numbers() -> None:
    text = (
        "UBND tỉnh gửi pakn@hoabinhan.gov.vn, xem www.hoabinhan.gov.vn và [đây](https://a.vn) 2026"
    )
    assert [w for _, _, w in words(text)] == ["tỉnh", "gửi", "xem", "và", "đây"]


def test_added_words_are_kept_for_the_person(tmp_path: Path) -> None:
    mine = tmp_path / "spelling-words.txt"
    speller = Speller(user_words=mine)
    assert not speller.check("Zalo")
    speller.add("Zalo")
    assert speller.check("Zalo")
    assert mine.read_text(encoding="utf-8") == "Zalo\n"
    assert Speller(user_words=mine).check("Zalo")
