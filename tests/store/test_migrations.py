"""Every older schema upgrades to the current one with its data intact."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.store import MIGRATIONS, SCHEMA_VERSION, SchemaTooNew, Store
from desktop.store.schema import migrate

#: Rows each schema version can hold, added as the test climbs.
FILL = {
    1: [
        "INSERT INTO server_items (id, site, json, version, state) VALUES ('i1', 'demo', "
        '\'{"id": "i1", "site": "demo", "title": "Cũ", "state": "draft", '
        "\"version\": 2}', 2, 'draft')",
        "INSERT INTO working (id, site, created_by, json, base_version, saved_at) VALUES "
        "('i1', 'demo', 'u1', '{\"title\": \"Đang viết\", \"body\": \"x\"}', 2, 'now')",
        "INSERT INTO outbox (op, item_id, payload, idempotency_key, created_at) VALUES "
        "('update', 'i1', '{}', 'k1', 'now')",
        "INSERT INTO meta (key, value) VALUES ('cursor', '\"c-1\"')",
    ],
    2: [
        "INSERT INTO directory (site, kind, json, fetched_at) VALUES "
        "('demo', 'categories', '[{\"id\": \"tin-tuc\", \"name\": \"Tin\"}]', 'now')",
        "INSERT INTO comments (id, item_id, json, created_at) VALUES ('c1', 'i1', "
        '\'{"id": "c1", "body": "hi"}\', \'now\')',
    ],
    3: [],
    4: [  # the search index is kept by triggers: a plain insert is indexed
        "INSERT INTO working (id, site, created_by, json, base_version, saved_at) VALUES "
        "('w4', 'demo', 'u1', '{\"title\": \"Nháp về đê điều\"}', 0, 'now')",
    ],
    5: [
        "INSERT INTO publish_jobs (item_id, target, site, want, item_version, status, claim, "
        "created_at, updated_at) VALUES ('i1', 'wp', 'demo', 'published', 2, 'waiting', 'k5', "
        "'now', 'now')",
    ],
    6: [  # the index of each section's last publication (issue 19)
        "INSERT INTO server_items (id, site, json, version, state, category, state_since) "
        "VALUES ('p6', 'demo', '{\"id\": \"p6\"}', 3, 'published', 'tin-tuc', "
        "'2026-03-02T02:00:00+00:00')",
    ],
    7: [  # the index skips what did not change (issue 21): a change is still indexed
        "INSERT INTO working (id, site, created_by, json, base_version, saved_at) VALUES "
        "('w7', 'demo', 'u1', '{\"title\": \"Nháp về rừng phòng hộ\"}', 0, 'now')",
        "UPDATE working SET json = '{\"title\": \"Nháp về thủy lợi\"}' WHERE id = 'w7'",
    ],
}


@pytest.mark.parametrize("start", range(SCHEMA_VERSION + 1))
def test_upgrade_from_every_older_schema(tmp_path: Path, start: int) -> None:
    path = tmp_path / "old.sqlite3"
    old = Store.open(path, upto=start)
    assert old.conn.execute("PRAGMA user_version").fetchone()[0] == start
    for version in range(1, start + 1):
        for sql in FILL[version]:
            old.conn.execute(sql)
    old.close()

    store = Store.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    if start >= 1:
        assert store.item("i1").current.title == "Đang viết"
        assert store.get_meta("cursor") == "c-1" and store.pending_count() == 1
        # Migration 4 indexed the rows that were there; later rows are indexed as written.
        assert [hit.id for hit in store.search("dang viet")] == ["i1"]
    if start >= 4:
        assert [hit.id for hit in store.search("de dieu")] == ["w4"]
    if start >= 2:
        assert store.categories("demo")[0]["id"] == "tin-tuc"
    if start >= 7:
        assert [hit.id for hit in store.search("thuy loi")] == ["w7"]
        assert store.search("rung phong ho") == []
    if start >= 5:
        jobs = store.conn.execute("SELECT item_id, status FROM publish_jobs").fetchall()
        assert [tuple(job) for job in jobs] == [("i1", "waiting")]
    if start >= 6:
        from desktop.reports.stale import last_published

        assert str(last_published(store, "demo")["tin-tuc"]) == "2026-03-02"
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT category, max(state_since) FROM server_items "
        "WHERE site = 'demo' AND state = 'published' GROUP BY category"
    ).fetchall()
    assert "COVERING INDEX server_items_published" in str(plan)
    # The upgraded store works: every table of the latest schema is usable.
    item = store.create_draft("demo", "tin-tuc", "u1", title="Mới")
    store.fail_op(store.outbox()[-1].seq, 422, "invalid", "lý do")
    assert store.failed_operations()[0].item_id == item.id
    assert store.conflicts() == []
    store.close()


def test_a_failed_migration_leaves_the_old_schema(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store.open(path, upto=1).close()

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    kept = MIGRATIONS[1]
    MIGRATIONS[1] = broken
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        with pytest.raises(RuntimeError):
            migrate(conn)
    finally:
        MIGRATIONS[1] = kept
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not conn.execute("SELECT 1 FROM sqlite_master WHERE name='half_done'").fetchall()
    conn.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew):
        Store.open(path)
