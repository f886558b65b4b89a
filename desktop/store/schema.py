"""The store's schema as numbered migrations, kept in ``PRAGMA user_version``.

Each migration is a function run in one transaction together with the bump of
``user_version``; a store at version k is upgraded by running migrations k+1..n in order.
Never edit a released migration: add a new one. (Search, a folded FTS5 table, comes in a later
migration.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def m1_items_and_outbox(conn: sqlite3.Connection) -> None:
    """Server copies, working copies, the outbox and the key/value meta table."""
    _run(
        conn,
        """
        CREATE TABLE server_items (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            json TEXT NOT NULL,
            version INTEGER NOT NULL,
            state TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL DEFAULT '',
            state_since TEXT,
            updated_at TEXT
        );
        CREATE TABLE working (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT '',
            json TEXT NOT NULL,
            base_json TEXT,
            base_version INTEGER NOT NULL DEFAULT 0,
            saved_at TEXT NOT NULL,
            dirty INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            op TEXT NOT NULL CHECK (op IN ('create', 'update', 'action', 'comment', 'blob')),
            item_id TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            idempotency_key TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX outbox_item ON outbox (item_id, seq);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """,
    )


def m2_directory_comments_versions(conn: sqlite3.Connection) -> None:
    """What the client caches to work offline: the directory, comments and fetched history."""
    _run(
        conn,
        """
        CREATE TABLE directory (
            site TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('categories', 'members', 'grants')),
            json TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            PRIMARY KEY (site, kind)
        );
        CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            item_id TEXT NOT NULL,
            json TEXT NOT NULL,
            created_at TEXT NOT NULL,
            pending INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX comments_item ON comments (item_id, created_at);
        CREATE TABLE versions (
            item_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (item_id, version)
        );
        """,
    )


def m3_failed_conflicts_blobs(conn: sqlite3.Connection) -> None:
    """Operations the portal refused for good, conflicts kept for the user, queued blobs."""
    _run(
        conn,
        """
        CREATE TABLE failed (
            seq INTEGER PRIMARY KEY,
            op TEXT NOT NULL,
            item_id TEXT NOT NULL,
            payload TEXT NOT NULL,
            content TEXT,
            status INTEGER,
            code TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT '',
            failed_at TEXT NOT NULL,
            dismissed INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id TEXT NOT NULL,
            fields TEXT NOT NULL,
            base TEXT NOT NULL,
            mine TEXT NOT NULL,
            theirs TEXT NOT NULL,
            theirs_version INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0,
            resolved_at TEXT
        );
        CREATE INDEX conflicts_open ON conflicts (item_id, resolved);
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            content_type TEXT NOT NULL,
            data BLOB NOT NULL
        );
        CREATE INDEX server_items_state ON server_items (state, state_since);
        """,
    )


def _run(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: ``executescript`` would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


MIGRATIONS: list[Migration] = [
    m1_items_and_outbox,
    m2_directory_comments_versions,
    m3_failed_conflicts_blobs,
]

SCHEMA_VERSION = len(MIGRATIONS)


class SchemaTooNew(RuntimeError):
    """The store was written by a newer version of the program."""


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Run the missing migrations up to ``target`` (default: all), each in its own transaction."""
    target = SCHEMA_VERSION if target is None else target
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew(f"store schema {current} is newer than this program ({SCHEMA_VERSION})")
    for number in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](conn)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return schema_version(conn)
