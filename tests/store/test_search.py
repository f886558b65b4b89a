"""Search over the local store: Vietnamese folding, ranking, filters, freshness, odd input."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.models.search_query import query_terms
from desktop.store import Store
from desktop.store.search import SearchHit, highlight_spans, mark, snippet
from desktop.sync.merge import merge_content


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def server_item(item_id: str, version: int = 3, **content: Any) -> dict[str, Any]:
    return {
        "id": item_id,
        "site": "demo",
        "category": "tin-tuc",
        "title": "Tin",
        "summary": "",
        "body": "",
        "state": "published",
        "version": version,
        "created_by": "thanhvien1",
        "state_since": "2026-03-10T03:00:00+00:00",
        **content,
    }


def pull(store: Store, *items: dict[str, Any]) -> None:
    store.apply_changes([{"kind": "item", "item": i} for i in items], "c", merge_content)


def ids(hits: list[SearchHit]) -> list[str]:
    return [h.id for h in hits]


def test_finds_with_or_without_accents_and_d(store: Store) -> None:
    pull(
        store,
        server_item("qd", title="Quyết định về đường giao thông nông thôn"),
        server_item("other", title="Kế hoạch tuyển sinh lớp 10"),
    )
    for query in ["quyet dinh", "Quyết định", "QUYẾT ĐỊNH", "đường", "duong giao", "DUONG", "nong"]:
        assert ids(store.search(query)) == ["qd"], query
    assert ids(store.search("tuyen sinh")) == ["other"]
    assert store.search("quyet dinh tuyen") == []  # every word must match


def test_index_tokens_are_those_of_fold_for_index(store: Store) -> None:
    """The SQL fold in the triggers + the tokenizer give the tokens of ``fold_for_index``."""
    texts = [
        "Quyết định số 12/2026/QĐ-UBND của Ủy ban nhân dân tỉnh",
        "Đường ĐT.741 qua xã Đắk Ơ, huyện Bù Gia Mập; Người dân ưng thuận",
        "Quye\u0302\u0301t đi\u0323nh (NFD) — ẢNH: Đoàn Thị Hường; Ēxtra çà ñ",
    ]
    for n, text in enumerate(texts):
        pull(store, server_item(f"t{n}", title=text))
    store.conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_fts, row)")
    indexed = {row[0] for row in store.conn.execute("SELECT term FROM temp.vocab")}
    expected = {token for text in texts for word in query_terms(text) for token in word}
    assert indexed == expected


def test_title_ranks_above_a_passing_mention(store: Store) -> None:
    filler = "Hội nghị tổng kết công tác năm của các sở, ngành. " * 30
    pull(
        store,
        server_item("title", title="Chuyển đổi số trong cơ quan nhà nước", body=filler),
        server_item("summary", title="Hội nghị", summary="Bàn về chuyển đổi số", body=filler),
        server_item(
            "mention",  # newer, and mentions the words in its body only
            title="Tổng kết năm",
            body=filler + "Ngoài ra có nhắc tới chuyển đổi số.",
            state_since="2026-06-01T03:00:00+00:00",
        ),
    )
    assert ids(store.search("chuyen doi so")) == ["title", "summary", "mention"]
    hits = store.search("chuyển đổi")
    assert hits[0].marked_title() == "[Chuyển] [đổi] số trong cơ quan nhà nước"
    assert "[chuyển] [đổi]" in hits[2].marked()


def test_the_words_as_typed_rank_above_the_same_words_scattered(store: Store) -> None:
    """Issue 17: "de an 06 dan cu" ranked a title where the words lay apart (Đề tài … An …
    dân … cứu) second; the wording as typed comes first, then the words close together."""
    pull(
        store,
        server_item(
            "scattered",  # every word is there, far apart; shorter, so bm25 alone favours it
            title="Đề tài an toàn",
            summary="Số 06 của năm. " + "Báo cáo tổng kết. " * 6 + "Dân số, nghiên cứu.",
            state_since="2026-06-01T03:00:00+00:00",
        ),
        server_item("near", title="Triển khai Đề án 06 về dữ liệu dân cư của tỉnh"),
        server_item("phrase", title="Kết quả thực hiện đề án 06 dân cư năm 2026 và kế hoạch"),
    )
    assert ids(store.search("de an 06 dan cu")) == ["phrase", "near", "scattered"]
    # in another order no phrase matches: the two with the words close together still lead
    found = ids(store.search("06 de an"))
    assert sorted(found[:2]) == ["near", "phrase"] and found[2:] == ["scattered"]


def test_snippet_highlights_the_words_in_the_original_text(store: Store) -> None:
    body = "Mở đầu. " * 60 + "Theo Quyết định số 12/2026/QĐ-UBND, đường liên xã được nâng cấp."
    pull(store, server_item("a", title="Nâng cấp", body=body, metadata={"so": "12/2026/QĐ-UBND"}))
    (hit,) = store.search("quyet dinh 12/2026")
    assert hit.snippet.startswith("…") and len(hit.snippet) < 260
    assert "[Quyết] [định] số [12/2026]/QĐ-UBND" in hit.marked()
    for start, end in hit.snippet_spans:
        assert hit.snippet[start:end] in {"Quyết", "định", "12/2026"}
    data = hit.to_dict()
    assert data["id"] == "a" and data["title"] == "Nâng cấp" and "[Quyết]" in data["snippet"]
    assert data["state"] == "published" and data["category"] == "tin-tuc"


def test_highlighting_helpers() -> None:
    assert mark("Đường Đông", highlight_spans("Đường Đông", "duong")) == "[Đường] Đông"
    assert mark("Đường Đông", highlight_spans("Đường Đông", "d")) == "[Đường] [Đông]"
    assert highlight_spans("Đường Đông", "d ") == ()  # a finished word is not a prefix
    assert highlight_spans("anything", "") == ()
    text, spans = snippet("x " * 400 + "tìm thấy", "tim thay")
    assert mark(text, spans).endswith("[tìm] [thấy]")


def test_document_number_finds_by_its_parts(store: Store) -> None:
    pull(
        store,
        server_item("doc", title="Quy chế", metadata={"number": "12/2026/QĐ-UBND"}),
        server_item("apart", title="Năm 2026 có 12 tháng"),
    )
    assert ids(store.search("12/2026")) == ["doc"]
    assert ids(store.search("QĐ-UBND")) == ["doc"]
    assert set(ids(store.search("12 2026"))) == {"doc", "apart"}


def test_filters(store: Store) -> None:
    store.set_directory(
        "demo",
        "categories",
        [
            {"id": "tin-tuc", "name": "Tin tức", "unit": "Văn phòng UBND tỉnh"},
            {"id": "van-ban", "name": "Văn bản", "unit": "Sở Tư pháp"},
        ],
    )
    pull(
        store,
        server_item("news", title="Lịch tiếp dân", author="Nguyễn Hà"),
        server_item(
            "law",
            title="Lịch tiếp dân của Sở",
            category="van-ban",
            state="edited",
            created_by="thanhvien2",
            state_since="2026-05-02T20:00:00+00:00",  # 3 May in Vietnam
        ),
        server_item("unit", title="Lịch tiếp dân tháng", unit="Sở Tư pháp", state="taken_down"),
    )
    assert set(ids(store.search("lich tiep dan"))) == {"news", "law", "unit"}
    assert ids(store.search("lich", states=["edited"])) == ["law"]
    assert ids(store.search("lich", states="edited")) == ["law"]
    assert set(ids(store.search("lich", states=["published", "taken_down"]))) == {"news", "unit"}
    assert store.search("lich", states=[]) == []
    assert ids(store.search("lich", category="van-ban")) == ["law"]
    assert ids(store.search("lich", author="Nguyễn Hà")) == ["news"]
    assert ids(store.search("lich", author="thanhvien2")) == ["law"]  # the writer's account
    assert set(ids(store.search("lich", unit="Sở Tư pháp"))) == {"law", "unit"}
    assert ids(store.search("lich", unit="Văn phòng UBND tỉnh")) == ["news"]
    assert ids(store.search("lich", date_from="2026-05-03")) == ["law"]
    assert set(ids(store.search("lich", date_to="2026-05-02"))) == {"news", "unit"}
    assert store.search("lich", category="van-ban", states=["published"]) == []
    assert len(store.search("lich", limit=2)) == 2


def test_unsynced_drafts_and_edits_are_found(store: Store) -> None:
    draft = store.create_draft("demo", "tin-tuc", "u1", title="Bản nháp chưa gửi về lũ quét")
    (hit,) = store.search("lu quet")
    assert (hit.id, hit.state) == (draft.id, "draft")
    store.save_working(draft.id, title="Bản nháp về sạt lở đất")
    assert store.search("lu quet") == [] and ids(store.search("sat lo")) == [draft.id]

    pull(store, server_item("pub", title="Tin đã đăng về hạn hán"))
    store.save_working("pub", title="Tin đã đăng về xâm nhập mặn")
    (hit,) = store.search("xam nhap man")
    assert (hit.id, hit.state) == ("pub", "published")
    assert store.search("han han") == []
    store.discard_local("pub")
    assert ids(store.search("han han")) == ["pub"] and store.search("xam nhap") == []


def test_stays_current_after_pulls_and_acks(store: Store) -> None:
    pull(store, server_item("i1", version=1, title="Phiên bản đầu"))
    pull(store, server_item("i1", version=2, title="Phiên bản thứ hai", state="edited"))
    assert store.search("dau") == []
    (hit,) = store.search("thu hai")
    assert hit.state == "edited"
    # A local edit pushed and acknowledged: the working copy goes, the portal's copy stays.
    store.save_working("i1", body="Nội dung bổ sung về cầu treo")
    seq = store.outbox()[0].seq
    answer = server_item("i1", 3, title="Phiên bản thứ hai", body="Nội dung bổ sung về cầu treo")
    store.ack_op(seq, answer, before=2)
    assert store.conn.execute("SELECT count(*) FROM working").fetchone()[0] == 0
    assert ids(store.search("cau treo")) == ["i1"]
    # Someone else's change arrives by pull.
    pull(store, server_item("i1", 4, title="Phiên bản thứ hai", body="Cầu treo dân sinh mới"))
    assert ids(store.search("dan sinh")) == ["i1"] and store.search("bo sung") == []
    # A merged pull keeps the user's edit findable on top of their change.
    store.save_working("i1", title="Tiêu đề của tôi")
    pull(store, server_item("i1", 5, title="Phiên bản thứ hai", body="Cầu treo đã xong"))
    assert ids(store.search("tieu de cua toi")) == ["i1"]
    assert ids(store.search("cau treo da xong")) == ["i1"]


ODD = [
    "",
    " ",
    '"',
    '""',
    '"quyết',
    "*",
    "**",
    "quy*",
    "NEAR",
    "NEAR(a b, 2)",
    "a NEAR b",
    "AND",
    "OR NOT",
    "title:quyết",
    "{title}: x",
    "^start",
    "-x +y",
    "(((",
    ")",
    "\x00",
    "🙂 🎉",
    "'; DROP TABLE server_items; --",
    "quyết " * 2000,
    "x" * 10_000,
    "a/b/c/" * 1700,
]


@pytest.mark.parametrize("query", ODD)
def test_odd_input_never_breaks(store: Store, query: str) -> None:
    pull(store, server_item("q", title="Quyết định NEAR title start x y a b c"))
    hits = store.search(query)
    assert isinstance(hits, list)
    assert store.conn.execute("SELECT count(*) FROM server_items").fetchone()[0] == 1


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_any_text_is_a_safe_query(store: Store, query: str) -> None:
    assert isinstance(store.search(query), list)


def test_migration_indexes_existing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old = Store.open(path, upto=3)
    old.conn.execute(
        "INSERT INTO server_items (id, site, json, version, state, state_since) VALUES "
        "('s1', 'demo', ?, 2, 'published', '2026-02-01T01:00:00+00:00')",
        ['{"id": "s1", "site": "demo", "title": "Đề án cũ về nước sạch", "state": "published"}'],
    )
    old.conn.execute(
        "INSERT INTO working (id, site, created_by, json, base_version, saved_at) VALUES "
        "('w1', 'demo', 'u1', '{\"title\": \"Bản nháp ngoại tuyến\", \"body\": \"đê điều\"}', "
        "0, '2026-02-02T01:00:00+00:00')"
    )
    old.close()
    with Store.open(path) as store:
        assert ids(store.search("nuoc sach")) == ["s1"]
        (hit,) = store.search("de dieu")
        assert (hit.id, hit.state, hit.day) == ("w1", "draft", "2026-02-02")


def test_index_lives_in_the_writes_transaction(store: Store, tmp_path: Path) -> None:
    """A write that fails leaves no trace in the index; another connection sees it at once."""
    pull(store, server_item("i1", title="Đập thủy lợi"))
    with pytest.raises(RuntimeError), store.transaction():
        store.db.execute(
            "UPDATE server_items SET title = 'x', json = json_set(json, "
            "'$.title', 'Hồ chứa nước') WHERE id = 'i1'"
        )
        raise RuntimeError("power cut")
    assert ids(store.search("dap thuy loi")) == ["i1"] and store.search("ho chua") == []
    other = sqlite3.connect(tmp_path / "s.sqlite3")
    try:
        other.execute(
            "UPDATE server_items SET json = json_set(json, '$.title', 'Hồ chứa nước') "
            "WHERE id = 'i1'"
        )
        other.commit()
    finally:
        other.close()
    assert ids(store.search("ho chua nuoc")) == ["i1"]
