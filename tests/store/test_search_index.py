"""The search index after any sequence of writes holds exactly what indexing every item afresh
would write, although its triggers skip items whose indexed text and columns did not change
(migration 7, issue 21). Seeded Hypothesis sequences of pulls, edits, acks, discards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.store import Store
from desktop.store.schema import _SEARCH_FIELDS, _content
from desktop.sync.merge import merge_content

IDS = ["a", "b", "c"]
WORDS = ["Đê điều", "lũ quét", "cầu treo", "nước sạch", "hạn hán"]
STATES = ["submitted", "edited", "published", "taken_down"]
DAYS = ["2026-03-01T01:00:00+00:00", "2026-03-02T20:00:00+00:00"]

_FRESH = (
    "SELECT item_id, site, state, COALESCE({category}, ''), COALESCE({author}, ''), "
    "COALESCE(created_by, ''), COALESCE({unit}, ''), day, {title}, {summary}, {body}, "
    "{source}, {author_text}, {meta} FROM search_source ORDER BY item_id"
).format(
    category=_content("category"),
    author=_content("author"),
    unit=_content("unit"),
    author_text=_SEARCH_FIELDS["author"],
    **{k: v for k, v in _SEARCH_FIELDS.items() if k != "author"},
)
_HELD = (
    "SELECT d.item_id, d.site, d.state, d.category, d.author, d.created_by, d.unit, d.day, "
    "f.title, f.summary, f.body, f.source, f.author, f.meta FROM search_docs d "
    "JOIN search_fts f ON f.rowid = d.doc ORDER BY d.item_id"
)
_HEAD_DIFFERS = (
    "SELECT count(*) FROM search_docs d JOIN search_fts f ON f.rowid = d.doc "
    "LEFT JOIN search_head h ON h.rowid = d.doc WHERE h.rowid IS NULL OR h.title IS NOT f.title "
    "OR h.summary IS NOT f.summary OR h.source IS NOT f.source OR h.author IS NOT f.author "
    "OR h.meta IS NOT f.meta"
)


def portal_copy(item_id: str, version: int, words: str, state: str, day: str) -> dict[str, Any]:
    return {
        "id": item_id,
        "site": "demo",
        "category": "tin-tuc",
        "title": f"Tin {words}",
        "summary": "",
        "body": f"Nội dung về {words}.\n",
        "state": state,
        "version": version,
        "created_by": "thanhvien1",
        "author": "Phóng viên",
        "state_since": day,
        "metadata": {"so_hieu": f"{version}/QĐ"},
    }


steps = st.lists(
    st.tuples(
        st.sampled_from(["pull", "pull_same", "pull_state", "edit", "ack", "discard", "draft"]),
        st.sampled_from(IDS),
        st.sampled_from(WORDS),
        st.sampled_from(STATES),
        st.sampled_from(DAYS),
    ),
    min_size=1,
    max_size=14,
)


def apply(store: Store, step: tuple[str, str, str, str, str]) -> None:
    kind, item_id, words, state, day = step
    local = store.item(item_id) if item_id in known(store) else None
    version = local.server.version if local is not None and local.server is not None else 0
    if kind.startswith("pull"):
        server = local.server if local is not None else None
        if kind == "pull_same" and server is not None:  # a new version, the same text
            copy = {**server.to_dict(), "version": version + 1}
        elif kind == "pull_state" and server is not None:  # the same text, a step taken
            copy = {**server.to_dict(), "version": version + 1, "state": state, "state_since": day}
        else:
            copy = portal_copy(item_id, version + 1, words, state, day)
        store.apply_changes([{"kind": "item", "item": copy}], "c", merge_content)
    elif kind == "edit" and local is not None:
        store.save_working(item_id, body=f"Bản sửa về {words}.\n")
    elif kind == "ack" and local is not None and local.working is not None:
        ops = [op for op in store.outbox() if op.item_id == item_id and op.op == "update"]
        if ops and local.server is not None:
            answer = {**local.server.to_dict(), **{"body": local.working.body}}
            answer["version"] = version + 1
            store.ack_op(ops[0].seq, answer, before=version)
    elif kind == "discard" and local is not None and local.server is not None:
        store.discard_local(item_id)
    elif kind == "draft":
        store.create_draft("demo", "tin-tuc", "u1", title=f"Nháp {words}", body=words)


def known(store: Store) -> set[str]:
    rows = store.conn.execute("SELECT id FROM server_items UNION SELECT id FROM working")
    return {row[0] for row in rows}


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps)
def test_the_index_equals_a_fresh_index_after_any_writes(
    tmp_path: Path, sequence: list[tuple[str, str, str, str, str]]
) -> None:
    path = tmp_path / "s.sqlite3"
    path.unlink(missing_ok=True)
    with Store.open(path) as store:
        for step in sequence:
            apply(store, step)
            held = [tuple(row) for row in store.conn.execute(_HELD)]
            fresh = [tuple(row) for row in store.conn.execute(_FRESH)]
            assert held == fresh, step
            assert store.conn.execute(_HEAD_DIFFERS).fetchone()[0] == 0
        for table in ("search_fts", "search_head"):
            store.conn.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")


def test_an_acknowledged_edit_is_not_indexed_again(tmp_path: Path) -> None:
    """The point of migration 7: writing back a push's answer leaves the item's index row (its
    ``doc``) alone when the text is what the working copy already showed."""
    with Store.open(tmp_path / "s.sqlite3") as store:
        first = portal_copy("a", 1, "đê", "edited", DAYS[0])
        other = portal_copy("b", 1, "cầu", "edited", DAYS[0])
        store.apply_changes(
            [{"kind": "item", "item": i} for i in (first, other)], "c", merge_content
        )
        store.save_working("a", body="Bản sửa về lũ quét.\n")
        doc = store.conn.execute("SELECT doc FROM search_docs WHERE item_id = 'a'").fetchone()[0]
        answer = {**first, "version": 2, "body": "Bản sửa về lũ quét.\n"}
        store.ack_op(store.outbox()[0].seq, answer, before=1)
        assert store.conn.execute("SELECT count(*) FROM working").fetchone()[0] == 0
        after = store.conn.execute("SELECT doc FROM search_docs WHERE item_id = 'a'").fetchone()
        assert after[0] == doc
        assert [hit.id for hit in store.search("lu quet")] == ["a"]
        # A change of state (its day) does move an item: the recent-first order follows it.
        docs = dict(store.conn.execute("SELECT item_id, doc FROM search_docs").fetchall())
        assert docs["b"] < docs["a"]
        changed = {**other, "version": 2, "state": "published", "state_since": DAYS[1]}
        store.apply_changes([{"kind": "item", "item": changed}], "c", merge_content)
        docs = dict(store.conn.execute("SELECT item_id, doc FROM search_docs").fetchall())
        assert docs["b"] > docs["a"] == doc
