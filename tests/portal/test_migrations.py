"""Schema migrations on SQLite and PostgreSQL: from the first schema (made by the old
``create_all``, with data in it) to the newest, in place, nothing lost."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, insert, inspect, select

from desktop.models import Action
from portal import db
from portal.board import accounts, service
from portal.board import directory as board
from portal.db import schema
from portal.server import PortalServer
from tests.portal import first_schema
from tests.portal.conftest import Api, content, seed_board

#: The tables the first schema and the newest share (``changes`` became ``feed_counter``).
KEPT = [name for name in first_schema.metadata.tables if name != "changes"]


def _schema_differences(url: str, metadata: Any) -> list[Any]:
    engine = create_engine(db.engine_url(url))
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), metadata)
    finally:
        engine.dispose()
    # alembic's own table is not part of the portal's schema; and the UNIQUE (caller, key) that
    # repeats idempotency's primary key is not emitted on PostgreSQL, by create_all and by the
    # migration alike (pg_constraint lists only the primary key), so it is no difference
    return [
        d
        for d in differences
        if "alembic_version" not in repr(d)
        and not (d[0] == "add_constraint" and getattr(d[1].table, "name", "") == "idempotency")
        and not _search_index(d)
    ]


def _search_index(difference: Any) -> bool:
    """The public search's index (issue 21) is made by revision 0012 outside ``db.metadata``:
    an FTS5 table and its shadow tables on SQLite, a tsvector table on PostgreSQL."""
    for part in difference if isinstance(difference, tuple) else ():
        table = part if hasattr(part, "columns") else getattr(part, "table", None)
        names = (getattr(table, "name", ""), getattr(part, "name", ""))
        if any(str(name or "").startswith(("public_search", "ix_public_search")) for name in names):
            return True
    return False


def test_the_first_revision_is_the_first_schema_and_head_is_the_code(database_url: str) -> None:
    engine = db.make_engine(database_url, migrate=False)
    schema.upgrade(engine, schema.FIRST_REVISION)
    assert schema.current_revision(engine) == "0001"
    assert _schema_differences(database_url, first_schema.metadata) == []
    schema.upgrade(engine)
    assert schema.current_revision(engine) == schema.head_revision()
    engine.dispose()
    assert _schema_differences(database_url, db.metadata) == []


def _fill_source(folder: Path) -> tuple[Any, dict[str, Any]]:
    """Real content made by the service on a scratch database: board, items, comments, tokens."""
    engine = db.make_engine(f"sqlite:///{folder / 'source.sqlite3'}")
    seed_board(engine)
    now = datetime.now(UTC)
    made: dict[str, Any] = {"items": []}
    with db.writing(engine) as conn:
        member = board.load_user(conn, "thanhvien1")
        deputy = board.load_user(conn, "phoban")
        for n in range(4):
            item = service.create_item(
                conn, member, str(uuid.uuid4()), "so", content(title=f"Tin cũ {n}"), now
            )
            if n % 2:
                service.do_action(conn, member, item.id, Action.SUBMIT.value, now)
                service.add_comment(conn, deputy, item.id, "Ý kiến cũ.", now)
            made["items"].append(item.id)
        made["session"] = accounts.login(conn, "thanhvien1", "mat-khau-thu-nghiem-2026", now)
    return engine, made


def test_an_old_database_with_data_is_upgraded_in_place(database_url: str, tmp_path: Path) -> None:
    source, made = _fill_source(tmp_path)
    old = create_engine(db.engine_url(database_url))
    first_schema.metadata.create_all(old)
    rows: dict[str, list[Any]] = {}
    with source.connect() as src, old.begin() as dst:
        for name in KEPT:
            table = first_schema.metadata.tables[name]
            found = [dict(r._mapping) for r in src.execute(select(db.metadata.tables[name]))]
            if found:
                dst.execute(insert(table), found)
        changes = first_schema.metadata.tables["changes"]
        for row in src.execute(select(db.items.c.id, db.items.c.change_seq)):
            dst.execute(insert(changes).values(seq=row.change_seq, kind="item", ref=row.id))
        for row in src.execute(select(db.comments.c.id, db.comments.c.change_seq)):
            dst.execute(insert(changes).values(seq=row.change_seq, kind="comment", ref=row.id))
        highest = dst.execute(select(func.max(changes.c.seq))).scalar_one()
    with old.connect() as conn:
        for name in KEPT:
            table = first_schema.metadata.tables[name]
            rows[name] = sorted(map(repr, conn.execute(select(table)).all()))
    assert not inspect(old).has_table("alembic_version")
    old.dispose()
    source.dispose()

    with PortalServer(database_url) as server:  # migrates on start
        engine = server.app.state.engine
        assert schema.current_revision(engine) == schema.head_revision()
        with db.reading(engine) as conn:
            for name in KEPT:
                table = db.metadata.tables[name]
                columns = [table.c[c.name] for c in first_schema.metadata.tables[name].columns]
                now_rows = sorted(map(repr, conn.execute(select(*columns)).all()))
                assert now_rows == rows[name], name
            assert conn.execute(select(db.feed_counter.c.seq)).scalar_one() == highest
        assert not inspect(engine).has_table("changes")

        # the old session still works, the feed has everything, and goes on after it
        token = made["session"].access_token
        me = httpx.get(server.url + "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.json()["username"] == "thanhvien1"
        member = Api(server.url, "thanhvien1").login()
        everything = member.changes(limit=2)
        assert sorted(c["item"]["id"] for c in everything if c["kind"] == "item") == sorted(
            made["items"]
        )
        page = member.get("/api/v1/changes", params={"limit": 500}).json()
        new = member.create(title="Tin mới sau nâng cấp")
        after = member.get("/api/v1/changes", params={"since": page["cursor"]}).json()
        assert [c["item"]["id"] for c in after["changes"]] == [new["id"]]
        member.client.close()


def test_two_processes_migrating_at_once_take_turns(database_url: str) -> None:
    """Both engines (as two server processes would) upgrade the same empty database."""
    engines = [db.make_engine(database_url, migrate=False) for _ in range(2)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def run(engine: Any) -> None:
        try:
            barrier.wait()
            schema.upgrade(engine)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert schema.current_revision(engines[0]) == schema.head_revision()
    for engine in engines:
        engine.dispose()
