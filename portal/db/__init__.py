"""The portal's storage, SQLAlchemy Core: SQLite by default, PostgreSQL (psycopg 3) in production.

Nothing that matters lives in process memory (tokens, lock-out counters, idempotent answers), so
several server processes can share one database. The schema is changed only by migrations
(``portal/db/migrations``, run by :func:`portal.db.schema.upgrade`); ``metadata`` is the newest
schema.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    false,
    text,
    update,
)
from sqlalchemy.engine import Connection

metadata = MetaData()

sites = Table(
    "sites",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("settings", Text, nullable=False, default="{}"),  # JSON: {"four_eyes": true}
)

users = Table(
    "users",
    metadata,
    Column("username", String(64), primary_key=True),
    Column("full_name", Text, nullable=False, default=""),
    Column("password_hash", Text, nullable=False),
    Column("password_changed_at", DateTime(timezone=True), nullable=False),
    Column("must_change_password", Boolean, nullable=False, default=False),
    Column("disabled", Boolean, nullable=False, default=False),
)

memberships = Table(
    "memberships",
    metadata,
    Column("username", ForeignKey("users.username"), primary_key=True),
    Column("site", ForeignKey("sites.id"), primary_key=True),
    Column("role", String(16), primary_key=True),
    #: The number of the decision that designates the official (AG-10.1; revision 0010).
    Column("decision_ref", Text, nullable=False, default="", server_default=""),
)

categories = Table(
    "categories",
    metadata,
    Column("site", ForeignKey("sites.id"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("unit", Text, nullable=False, default=""),
    Column("deadline", Text),  # JSON or NULL
    Column("position", Integer, nullable=False, default=0),
)

grants = Table(
    "grants",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("site", ForeignKey("sites.id"), nullable=False),
    Column("grantee", ForeignKey("users.username"), nullable=False),
    Column("step", String(16), nullable=False),
    Column("categories", Text, nullable=False, default="[]"),  # JSON list; empty: all
    Column("valid_from", DateTime(timezone=True), nullable=False),
    Column("valid_until", DateTime(timezone=True)),
    Column("granted_by", String(64), nullable=False),
    Column("decision_ref", Text, nullable=False, default=""),
    Column("revoked_at", DateTime(timezone=True)),
)

#: The feed's counter: one row (id 1). Each write transaction increments it under the row's lock,
#: which it holds until it commits, so change numbers are handed out in commit order.
feed_counter = Table(
    "feed_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", Integer, nullable=False),
)

#: Each site's directory version: one more at every change of its categories, grants, roles,
#: settings or calendar, so that a client refreshes its copy at the next sync (``/changes``).
directory_versions = Table(
    "directory_versions",
    metadata,
    Column("site", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
)

#: Settings of the whole portal (not of one site): ``default_site``.
portal_settings = Table(
    "portal_settings",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

items = Table(
    "items",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("site", ForeignKey("sites.id"), nullable=False),
    Column("category", String(64), nullable=False, default=""),
    Column("state", String(16), nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("slug", String(160), unique=True),  # NULL until first published
    Column("data", Text, nullable=False),  # the whole item as JSON
    Column("change_seq", Integer, nullable=False, index=True),
    # Copies of the content fields, in UTC, for the public pages and the scheduler (issue 20).
    Column("publish_at", DateTime(timezone=True)),
    Column("expire_at", DateTime(timezone=True)),
    # Issue 21 (revision 0012): what the public pages sort and filter by, and the body rendered
    # at publish (portal.board.public_columns), so that no page parses every item.
    Column("published_at", DateTime(timezone=True)),
    Column("language", String(8), nullable=False, default="vi", server_default="vi"),
    Column("translation_of", String(64)),
    Column("body_html", Text),
    Column("changed_at", DateTime(timezone=True)),
    # Issue 21 (revision 0013): "submit" is among the item's steps; /changes decides in SQL who
    # sees the row (portal.board.changes.visible).
    Column("ever_submitted", Boolean, nullable=False, default=False, server_default=false()),
    Index("ix_items_site_state", "site", "state"),
    Index("ix_items_state_expire_at", "state", "expire_at"),
    Index("ix_items_state_publish_at", "state", "publish_at"),
    Index("ix_items_state_published_at", "state", "published_at"),
    Index("ix_items_site_state_published_at", "site", "state", "published_at"),
    Index("ix_items_section_published_at", "site", "state", "category", "published_at"),
    Index("ix_items_translation_of", "translation_of", "site", "state"),
    # the search's matches joined to their rows without reading the rows (a covering index)
    Index("ix_items_public_row", "id", "state", "site", "publish_at", "expire_at", "published_at"),
)

item_versions = Table(
    "item_versions",
    metadata,
    Column("item_id", ForeignKey("items.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("action", String(16), nullable=False),  # create, update or a workflow action
    Column("actor", String(64), nullable=False),
    Column("on_behalf_of", String(64)),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("data", Text, nullable=False),
)

comments = Table(
    "comments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("item_id", ForeignKey("items.id"), nullable=False, index=True),
    Column("author", String(64), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("item_version", Integer, nullable=False),
    Column("change_seq", Integer, nullable=False, index=True),
)

blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("content_type", String(200), nullable=False),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("uploaded_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # The file's name on the uploader's disk (the public page's link text); NULL before 0011.
    Column("name", Text),
)

access_tokens = Table(
    "access_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", ForeignKey("users.username"), nullable=False),
    Column("family", String(36), nullable=False, index=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    # When the token was first presented: a refresh retried after this is no lost answer.
    Column("first_used_at", DateTime(timezone=True)),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("username", ForeignKey("users.username"), nullable=False),
    Column("family", String(36), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used", Boolean, nullable=False, default=False),
    Column("revoked", Boolean, nullable=False, default=False),
    # Rotation that survives a lost answer (portal.board.accounts.refresh): when and from where
    # the token was spent, and the hashes of the refresh and access tokens that replaced it.
    Column("used_at", DateTime(timezone=True)),
    Column("used_address", String(64)),
    Column("successor", String(64)),
    Column("successor_access", String(64)),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(200), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("address", String(64)),  # the client's address, for the per-address limit
    # The session (token family) the attempt came with, if any: its failures count against
    # that session only (portal.board.throttle).
    Column("family", String(36)),
    Index("ix_login_failures_user_at", "username", "at"),
    Index("ix_login_failures_address_at", "address", "at"),
    Index("ix_login_failures_family_at", "family", "at"),
)

#: The last passwords of each account (Argon2id hashes, the current one included): no reuse.
password_history = Table(
    "password_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", ForeignKey("users.username"), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Index("ix_password_history_user", "username", "id"),
)

#: Who did what, when, from where, on whose behalf (AG-10, BD-26): never a password or token.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("event", String(32), nullable=False),
    Column("outcome", String(16), nullable=False),  # ok, refused, failed
    Column("actor", String(200), nullable=False),
    Column("on_behalf_of", String(64)),
    Column("subject", String(64)),  # the account acted upon (reset, role, grant, sessions)
    Column("site", String(64)),
    Column("item_id", String(64)),
    Column("action", String(32)),
    Column("address", String(64), nullable=False, default=""),
    Column("detail", Text, nullable=False, default="{}"),  # JSON
    Index("ix_audit_site_id", "site", "id"),
    Index("ix_audit_actor_id", "actor", "id"),
    Index("ix_audit_subject_id", "subject", "id"),
)

idempotency = Table(
    "idempotency",
    metadata,
    Column("caller", String(64), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("status", Integer, nullable=False),  # 0 while the first request is running
    Column("headers", Text, nullable=False, default="[]"),
    Column("body", LargeBinary, nullable=False, default=b""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    # While status is 0: the process running the request ("host/pid/boot") and until when its
    # claim holds unless renewed (portal.api.idempotency): a crash's claim is taken over.
    Column("owner", String(200)),
    Column("lease_until", DateTime(timezone=True)),
    UniqueConstraint("caller", "key"),
    # every claim first forgets the keys older than a day: without it a scan of the table
    Index("ix_idempotency_created_at", "created_at"),  # revision 0013
)


def engine_url(database_url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean PostgreSQL through psycopg 3."""
    for prefix in ("postgresql://", "postgres://"):
        if database_url.startswith(prefix):
            return "postgresql+psycopg://" + database_url[len(prefix) :]
    return database_url


def is_postgres(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


#: Seconds after which a pooled PostgreSQL connection is replaced (``PORTAL_DB_POOL_RECYCLE``).
POOL_RECYCLE = int(os.environ.get("PORTAL_DB_POOL_RECYCLE", "1800"))


def make_engine(database_url: str, *, migrate: bool = True) -> Engine:
    """An engine on a database at the newest schema (upgraded in place when older).

    SQLite gets WAL, a busy timeout and IMMEDIATE writes; PostgreSQL a connection pool.

    The pool does not ping a connection at every checkout (``pool_pre_ping``: one more round
    trip per request, issue 21). It recycles connections after :data:`POOL_RECYCLE` seconds
    (before a firewall or the server drops idle ones), and a connection found broken anyway
    fails its request with a 5xx (``OperationalError``) and is thrown away by the pool: the
    client retries, and every write it retries carries an ``Idempotency-Key``.
    """
    database_url = engine_url(database_url)
    if database_url.startswith("sqlite"):
        engine = create_engine(
            database_url, connect_args={"check_same_thread": False, "timeout": 30}
        )
        _tune_sqlite(engine)
    else:
        engine = create_engine(
            database_url,
            pool_pre_ping=False,
            pool_recycle=POOL_RECYCLE,
            pool_size=int(os.environ.get("PORTAL_DB_POOL_SIZE", "10")),
            max_overflow=int(os.environ.get("PORTAL_DB_MAX_OVERFLOW", "20")),
            pool_timeout=30,
        )
    if migrate:
        from portal.db.schema import upgrade

        upgrade(engine)
    return engine


def _use_wal(cursor: Any, patience: float = 30.0) -> None:
    """Put the database in WAL mode (it stays so once set).

    Switching the mode needs the database to itself and SQLite does not wait for it through the
    busy timeout, so a second server process starting beside the first could fail here with
    "database is locked". It waits for its turn instead, as long as the busy timeout would.
    """
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    deadline = time.monotonic() + patience
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _tune_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        _use_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Connection) -> None:
        # A write takes the lock up front: a deferred read-then-write can fail with BUSY.
        if conn.get_execution_options().get("readonly"):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only transaction (does not block writers) that sees one snapshot throughout.

    On PostgreSQL that is REPEATABLE READ: a page of ``/changes`` made of several queries must
    not see a change that committed between them.
    """
    options: dict[str, Any] = {"readonly": True}
    if is_postgres(engine):
        options["isolation_level"] = "REPEATABLE READ"
        options["postgresql_readonly"] = True
    with engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed when the block ends, rolled back on an exception."""
    with engine.begin() as conn:
        yield conn


def lock(conn: Connection, name: str) -> None:
    """Hold a named lock until this transaction ends, across every server process.

    PostgreSQL: a transaction-level advisory lock. SQLite: nothing to do, a write transaction
    (BEGIN IMMEDIATE) already holds the whole database.
    """
    if is_postgres(conn):
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def next_seq(conn: Connection, count: int = 1) -> int:
    """The next number of the change feed, in commit order (the last of ``count`` new ones).

    The counter row stays locked until this transaction commits or rolls back: a concurrent
    writer waits here, so it cannot commit a higher number before this one is visible, and a
    rolled-back number is handed out again (no gaps, no number that turns up late).
    """
    return int(conn.execute(_NEXT_SEQ, {"count": count}).scalar_one())


#: :func:`next_seq`'s statement, built once (``count`` as a parameter, issue 21).
_NEXT_SEQ = (
    update(feed_counter)
    .where(feed_counter.c.id == 1)
    .values(seq=feed_counter.c.seq + bindparam("count", type_=Integer))
    .returning(feed_counter.c.seq)
)
