"""The store on real SQLite files: working copies, the outbox, pulled pages, conflicts."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop.models import ModelError
from desktop.store import SCHEMA_VERSION, Store, StoreError, StoreWriter
from desktop.sync.merge import merge_content


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(tmp_path / "s.sqlite3") as opened:
        yield opened


def server_item(item_id: str, version: int, **content: Any) -> dict[str, Any]:
    return {
        "id": item_id,
        "site": "demo",
        "category": "tin-tuc",
        "title": "T",
        "body": "a\nb\nc\n",
        "state": "submitted",
        "version": version,
        "created_by": "thanhvien1",
        **content,
    }


def pull(store: Store, *items: dict[str, Any], cursor: str = "c") -> list[Any]:
    return store.apply_changes([{"kind": "item", "item": i} for i in items], cursor, merge_content)


def test_wal_and_schema(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_typing_coalesces_into_one_queued_operation(store: Store) -> None:
    item = store.create_draft("demo", "tin-tuc", "u1", title="Xin chào")
    for n in range(20):
        store.save_working(item.id, body="dòng\n" * n)
    assert [op.op for op in store.outbox()] == ["create"]
    store.freeze_op(store.outbox()[0].seq, {"if_match": None, "body": {}})
    store.save_working(item.id, body="sau khi gửi")
    store.save_working(item.id, body="sau khi gửi nữa")
    assert [op.op for op in store.outbox()] == ["create", "update"]
    store.queue_action(item.id, "submit")
    store.save_working(item.id, body="sau thao tác")
    assert [op.op for op in store.outbox()] == ["create", "update", "action", "update"]
    assert store.item(item.id).current.body == "sau thao tác"


def test_invalid_content_changes_nothing(store: Store) -> None:
    with pytest.raises(ModelError):
        store.create_draft("demo", "tin-tuc", "u1", language="xx")
    item = store.create_draft("demo", "tin-tuc", "u1", title="T")
    with pytest.raises(ModelError):
        store.save_working(item.id, trigger_date="someday")
    with pytest.raises(StoreError):
        store.queue_action("nope", "submit")
    assert store.pending_count() == 1 and len(store.list_items()) == 1


def test_text_is_nfc(store: Store) -> None:
    item = store.create_draft("demo", "tin-tuc", "u1", title="Quye\u0302\u0301t đi\u0323nh")
    assert store.item(item.id).current.title == "Quyết định"


def test_pull_replaces_rebases_merges_and_keeps_conflicts(store: Store) -> None:
    decisions = pull(store, server_item("i1", 2), server_item("i2", 2), server_item("i3", 2))
    assert [d.action for d in decisions] == ["replace"] * 3
    store.save_working("i2", body="A\nb\nc\n")
    store.save_working("i3", body="a\nb\nMINE\n")
    decisions = pull(
        store,
        server_item("i1", 3, title="T3"),
        server_item("i2", 3, body="a\nb\nC\n"),
        server_item("i3", 3, body="a\nb\nTHEIRS\n"),
        server_item("i1", 3, title="T3"),
    )
    assert [d.action for d in decisions] == ["replace", "merge", "conflict", "skip"]
    assert store.item("i1").current.title == "T3" and store.item("i1").sync_status == "synced"
    i2 = store.item("i2")
    assert i2.current.body == "A\nb\nC\n" and i2.base_version == 3 and i2.sync_status == "pending"
    [conflict] = store.conflicts()
    assert conflict.item_id == "i3" and conflict.fields == ("body",)
    assert conflict.mine["body"] == "a\nb\nMINE\n" and conflict.theirs["body"] == "a\nb\nTHEIRS\n"
    assert store.item("i3").sync_status == "conflict"
    assert store.blocked_items() == {"i3"}
    assert store.get_meta("cursor") == "c"
    store.resolve_conflict(conflict.id, "theirs")
    assert store.item("i3").current.body == "a\nb\nTHEIRS\n"
    assert store.conflicts() == [] and store.conflicts(include_resolved=True)[0].resolved


def test_list_items_has_queue_columns_only(store: Store) -> None:
    pull(store, server_item("i1", 1, state="edited"), server_item("i2", 1))
    store.create_draft("demo", "tin-tuc", "u1", title="Mới")
    rows = store.list_items(states=["edited"])
    assert [r.id for r in rows] == ["i1"]
    assert not hasattr(rows[0], "body")
    assert {r.sync_status for r in store.list_items()} == {"synced", "local"}


def test_ack_shifts_queued_actions_and_settles(store: Store) -> None:
    pull(store, server_item("i1", 4, state="draft"))
    store.save_working("i1", body="mới\n")
    store.queue_action("i1", "submit")
    update, action = store.outbox()
    assert action.payload["expected_version"] == 4
    store.freeze_op(update.seq, {"if_match": 4, "body": {"body": "mới\n"}})
    store.ack_op(update.seq, server_item("i1", 5, state="draft", body="mới\n"), 4)
    [action] = store.outbox()
    assert action.payload["expected_version"] == 5
    assert store.item("i1").sync_status == "pending"
    store.ack_op(action.seq, server_item("i1", 6, body="mới\n"), 5)
    local = store.item("i1")
    assert local.sync_status == "synced" and local.server.state == "submitted"


def test_failed_operation_keeps_the_content(store: Store) -> None:
    pull(store, server_item("i1", 2))
    store.save_working("i1", body="lời của tôi\n")
    [op] = store.outbox()
    store.fail_op(op.seq, 403, "forbidden", "Không có quyền")
    [failed] = store.failed_operations()
    assert failed.reason == "Không có quyền" and failed.content["body"] == "lời của tôi\n"
    assert store.pending_count() == 0
    local = store.item("i1")
    assert local.sync_status == "failed" and local.current.body == "lời của tôi\n"


def test_each_write_is_one_transaction(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    item = store.create_draft("demo", "tin-tuc", "u1", title="T")

    def broken(*_a: Any, **_k: Any) -> int:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(store, "_append_op", broken)
    with pytest.raises(RuntimeError):
        store.queue_comment(item.id, "xin chào")
    assert store.comments(item.id) == [] and store.pending_count() == 1


def test_writer_thread_owns_its_connection(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    reader = Store.open(path)
    writer = StoreWriter(path)
    item = reader.create_draft("demo", "tin-tuc", "u1", title="T")
    names: list[str] = []

    def record(*_a: Any) -> None:
        names.append(threading.current_thread().name)

    writer.run_sync(Store.save_working, item.id, body="từ luồng ghi")
    writer._executor.submit(record).result()
    assert names[0].startswith("store-writer")
    assert reader.item(item.id).current.body == "từ luồng ghi"
    writer.close()
    reader.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
