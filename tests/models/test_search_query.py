"""Search query folding and safe FTS5 MATCH building, against a real FTS5 table in SQLite."""

from __future__ import annotations

import random
import sqlite3
import unicodedata
from collections.abc import Iterator

import pytest

from desktop.models.search_query import (
    MAX_TOKENS,
    build_match,
    fold_for_index,
    query_terms,
)
from desktop.models.text import fold

DOCS = {
    1: ("Quyết định số 12/2026/QĐ-UBND", "Về việc ban hành quy chế quản lý cổng thông tin điện tử"),
    2: ("Giá đồng tăng mạnh", "Thị trường kim loại: đồng, nhôm và thép"),
    3: ("Tin thể thao", "Đội tuyển giành huy chương vàng; tổng thưởng 12 triệu đồng năm 2026"),
    4: ("Thông báo lịch tiếp công dân", "Lãnh đạo tỉnh tiếp công dân định kỳ vào thứ năm"),
    5: ("Dong river report", "An English text about the Dong river"),
    6: ("Kế hoạch số 45/KH-UBND", "Triển khai nghị quyết của Hội đồng nhân dân tỉnh"),
}


@pytest.fixture
def db() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE items_fts USING fts5("
        "title, body, tokenize = 'unicode61 remove_diacritics 2')"
    )
    conn.executemany(
        "INSERT INTO items_fts (rowid, title, body) VALUES (?, ?, ?)",
        [(k, fold_for_index(t), fold_for_index(b)) for k, (t, b) in DOCS.items()],
    )
    yield conn
    conn.close()


def search(db: sqlite3.Connection, query: str) -> set[int]:
    match = build_match(query)
    if match is None:
        return set()
    rows = db.execute("SELECT rowid FROM items_fts WHERE items_fts MATCH ?", (match,))
    return {r[0] for r in rows}


def test_fold_for_index_matches_the_model_fold() -> None:
    text = "Đồng chí Nguyễn Văn Đạt, Quyết định 12/2026/QĐ-UBND"
    assert (
        fold_for_index(text) == fold(text) == "Dong chi Nguyen Van Dat, Quyet dinh 12/2026/QD-UBND"
    )
    assert fold_for_index(unicodedata.normalize("NFD", text)) == fold_for_index(text)


def test_words_without_accents_find_accented_text(db: sqlite3.Connection) -> None:
    assert search(db, "quyet dinh") == {1}
    assert search(db, "Quyết định") == {1}
    assert search(db, "QUYET DINH so") == {1}
    assert search(db, "tiep cong dan") == {4}


def test_d_and_đ_find_each_other(db: sqlite3.Connection) -> None:
    assert search(db, "đồng") == {2, 3, 5, 6}  # đồng, đồng, Dong, Hội đồng
    assert search(db, "dong ") == {2, 3, 5, 6}
    assert search(db, "Đội tuyển") == {3}
    assert search(db, "doi tuyen") == {3}


def test_document_numbers_are_found_by_their_parts(db: sqlite3.Connection) -> None:
    assert search(db, "12/2026") == {1}  # not 3, where 12 and 2026 are far apart
    assert search(db, "12/2026/QĐ-UBND") == {1}
    assert search(db, "qd-ubnd") == {1}
    assert search(db, "45/KH") == {6}
    assert search(db, "UBND") == {1, 6}
    assert build_match("12/2026") == '"12 2026"*'


def test_the_last_word_is_a_prefix_while_typing(db: sqlite3.Connection) -> None:
    assert search(db, "quyet d") == {1, 6}  # 6: nghị quyết ... Hội đồng
    assert search(db, "quyet di") == {1}
    assert search(db, "thong ba") == {1, 4}  # 1: thông tin ... ban hành
    assert search(db, "thong bao li") == {4}
    assert search(db, "thong ba ") == set()  # a trailing space: the word is complete
    assert build_match("quyet dinh") == '"quyet" "dinh"*'
    assert build_match("quyet dinh ") == '"quyet" "dinh"'


def test_fts_syntax_typed_by_the_user_is_only_text(db: sqlite3.Connection) -> None:
    assert build_match('a"b') == '"a b"*'
    assert build_match("NEAR(quyet dinh)") == '"near quyet" "dinh"*'
    assert search(db, "quyet OR tin") == set()  # OR is a word here, not an operator
    assert search(db, "NOT quyet") == set()
    assert search(db, "title:quyet") == set()  # no column filter: "title quyet" as a phrase
    assert search(db, "^quyet") == {1, 6}
    assert search(db, "quyet*") == {1, 6}
    assert search(db, "quyet* dinh") == {1}


ODD_INPUTS = [
    "",
    " ",
    "\t\n",
    '"',
    '""',
    '"quyet',
    'quyet"',
    "*",
    "**quyet**",
    "NEAR",
    "NEAR/3",
    "AND OR NOT",
    "and or not",
    "(",
    ")",
    "((quyet)",
    "quyet)) OR ((",
    ":",
    "title:",
    "^",
    "-",
    "+",
    "{title body}: quyet",
    "😀",
    "😀 quyết 😀",
    "quyết định 🇻🇳",
    "\x00\x01quyet",
    "'; DROP TABLE items_fts; --",
    "Quye\u0302\u0301t đi\u0323nh",  # NFD
    "Ǆ ǅ ǆ ß ﬁ",
    "中文 日本語 한국어",
    "\u200b\u200d\ufeff",
    "\ue000private",
    "x" * 10_000,
    "quyết " * 2_000,
    "a" + "/" * 5_000 + "b",
]


@pytest.mark.parametrize("query", ODD_INPUTS)
def test_odd_input_never_breaks_the_query(db: sqlite3.Connection, query: str) -> None:
    match = build_match(query)
    assert match is None or len(match) < 3 * 1000 + 200
    search(db, query)  # raises sqlite3.OperationalError on a bad MATCH


def test_nfd_queries_find_nfc_text(db: sqlite3.Connection) -> None:
    assert search(db, unicodedata.normalize("NFD", "Quyết định")) == {1}
    assert search(db, "Quye\u0302\u0301t") == {1, 6}


def test_empty_queries_give_none() -> None:
    for query in ["", "   ", "***", "😀", "()", None]:
        assert build_match(query) is None


def test_long_queries_are_capped_without_breaking() -> None:
    terms = query_terms("quyết " * 2_000)
    assert sum(len(t) for t in terms) == MAX_TOKENS
    assert query_terms("x" * 10_000) == [["x" * 1000]]
    match = build_match("12/2026/QĐ-UBND " * 100)
    assert match is not None and match.count('"') == 2 * 16  # 16 phrases × 4 tokens = 64


def test_query_terms_are_what_the_ui_highlights() -> None:
    assert query_terms("Quyết định 12/2026/QĐ-UBND") == [
        ["quyet"],
        ["dinh"],
        ["12", "2026", "qd", "ubnd"],
    ]


def test_random_input_never_breaks(db: sqlite3.Connection) -> None:
    rng = random.Random(7)
    alphabet = "aăâđeêoôơuưy ĐẠỮ\"*()^:-+/\\.,;'NEARANDORNOT 0123456789😀\u0301\u0323\t"
    for _ in range(500):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        search(db, query)
