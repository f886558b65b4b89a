"""The store's schema as numbered migrations, kept in ``PRAGMA user_version``.

Each migration is a function run in one transaction together with the bump of
``user_version``; a store at version k is upgraded by running migrations k+1..n in order.
Never edit a released migration: add a new one. Search is migration 4: a folded FTS5 index
kept current by triggers (see docs/search.md).
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


def _content(field: str) -> str:
    """A content field of the merged view: the working copy's value over the portal's."""
    return f"COALESCE(json_extract(wj, '$.{field}'), json_extract(sj, '$.{field}'))"


def _folded(expression: str) -> str:
    """Text as the index holds it: ``đ→d``, ``Đ→D``; the tokenizer removes the tone marks.

    With ``unicode61 remove_diacritics 2`` this gives the same tokens as
    ``desktop.models.search_query.fold_for_index`` (tested), in plain SQL, so that every
    connection keeps the index current without a registered function.
    """
    return f"replace(replace(COALESCE({expression}, ''), 'đ', 'd'), 'Đ', 'D')"


#: What the index holds for one item: its current view (working copy over the portal's copy),
#: local-only drafts included. ``day`` is the Vietnam-time date it reached its state (or, for a
#: local draft, was last saved).
_SEARCH_SOURCE = """
CREATE VIEW search_source AS
SELECT s.id AS item_id, s.site AS site, s.state AS state, s.created_by AS created_by,
       COALESCE(w.json, '{}') AS wj, s.json AS sj,
       date(COALESCE(s.state_since, s.updated_at, w.saved_at), '+7 hours') AS day
FROM server_items s LEFT JOIN working w ON w.id = s.id
UNION ALL
SELECT w.id, w.site, 'draft', w.created_by, w.json, '{}', date(w.saved_at, '+7 hours')
FROM working w WHERE w.id NOT IN (SELECT id FROM server_items)
"""

_SEARCH_DOC = (
    "INSERT INTO search_docs (item_id, site, state, category, author, created_by, unit, day) "
    "SELECT item_id, site, state, COALESCE({category}, ''), COALESCE({author}, ''), "
    "COALESCE(created_by, ''), COALESCE({unit}, ''), day FROM search_source WHERE {where}"
).format(
    category=_content("category"), author=_content("author"), unit=_content("unit"), where="{where}"
)

_SEARCH_TEXT = (
    "INSERT INTO search_fts (rowid, title, summary, body, source, author, meta) "
    "SELECT d.doc, {title}, {summary}, {body}, {source}, {author}, {meta} "
    "FROM search_source s JOIN search_docs d ON d.item_id = s.item_id WHERE {where}"
)
_SEARCH_FIELDS = dict(
    title=_folded(_content("title")),
    summary=_folded(_content("summary")),
    body=_folded(_content("body")),
    source=_folded(
        "COALESCE(json_extract(wj, '$.source.name'), json_extract(sj, '$.source.name'), "
        "CASE json_type(sj, '$.source') WHEN 'text' THEN json_extract(sj, '$.source') END)"
    ),
    author=_folded(_content("author")),
    meta=_folded(
        "(SELECT group_concat(value, ' ') FROM json_tree("
        f"COALESCE({_content('metadata')}, '{{}}')) WHERE type IN ('text', 'integer', 'real'))"
    ),
)
_SEARCH_TEXT = _SEARCH_TEXT.format(where="{where}", **_SEARCH_FIELDS)

#: The head index: everything but the body. Small, so a word common in titles is ranked
#: fast; head matches rank above body-only matches (see desktop/store/search.py).
_SEARCH_HEAD = (
    "INSERT INTO search_head (rowid, title, summary, source, author, meta) "
    "SELECT d.doc, {title}, {summary}, {source}, {author}, {meta} "
    "FROM search_source s JOIN search_docs d ON d.item_id = s.item_id WHERE {where}"
).format(where="{where}", **_SEARCH_FIELDS)


def _reindex_statements(item: str) -> str:
    """The trigger body that re-reads one item into the index (or drops it when gone)."""
    doc = f"(SELECT doc FROM search_docs WHERE item_id = {item})"
    return (
        f"DELETE FROM search_fts WHERE rowid = {doc};"
        f" DELETE FROM search_head WHERE rowid = {doc};"
        f" DELETE FROM search_docs WHERE item_id = {item};"
        f" {_SEARCH_DOC.replace('{where}', f'item_id = {item}')};"
        f" {_SEARCH_TEXT.replace('{where}', f's.item_id = {item}')};"
        f" {_SEARCH_HEAD.replace('{where}', f's.item_id = {item}')};"
    )


#: The writes that change what the index holds for an item: (trigger, event, the item's id).
_SEARCH_TRIGGERS = [
    ("server_items_search_insert", "AFTER INSERT ON server_items", "NEW.id"),
    ("server_items_search_update", "AFTER UPDATE ON server_items", "NEW.id"),
    ("server_items_search_delete", "AFTER DELETE ON server_items", "OLD.id"),
    ("working_search_insert", "AFTER INSERT ON working", "NEW.id"),
    ("working_search_update", "AFTER UPDATE OF json ON working", "NEW.id"),
    ("working_search_delete", "AFTER DELETE ON working", "OLD.id"),
]


def _indexed_as_now(item: str) -> str:
    """True when the index already holds exactly what a re-index of ``item`` would write: its
    filter columns and its text (the head index is written from the same text). Reading the
    stored row costs far less than tokenising a 4 KB body out and in again."""
    same = " AND ".join(
        [
            f"d.{column} IS {value}"
            for column, value in (
                ("site", "s.site"),
                ("state", "s.state"),
                ("category", f"COALESCE({_content('category')}, '')"),
                ("author", f"COALESCE({_content('author')}, '')"),
                ("created_by", "COALESCE(s.created_by, '')"),
                ("unit", f"COALESCE({_content('unit')}, '')"),
                ("day", "s.day"),
            )
        ]
        + [f"f.{name} IS {value}" for name, value in _SEARCH_FIELDS.items()]
    )
    return (
        "EXISTS (SELECT 1 FROM search_source s JOIN search_docs d ON d.item_id = s.item_id "
        f"JOIN search_fts f ON f.rowid = d.doc WHERE s.item_id = {item} AND {same})"
    )


def m4_search_index(conn: sqlite3.Connection) -> None:
    """The search index (issue 7): folded FTS5 text + filter columns, kept by triggers.

    Triggers run in the transaction of every write to ``server_items`` or ``working``, so the
    index can never lag behind a pull, an acknowledged push or a keystroke saved offline.
    Existing rows are indexed here, in chunks.
    """
    _run(
        conn,
        """
        CREATE TABLE search_docs (
            doc INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL UNIQUE,
            site TEXT NOT NULL DEFAULT '',
            state TEXT NOT NULL,
            category TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT '',
            day TEXT
        );
        CREATE INDEX search_docs_category ON search_docs (category, state);
        CREATE VIRTUAL TABLE search_fts USING fts5(
            title, summary, body, source, author, meta,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        CREATE VIRTUAL TABLE search_head USING fts5(
            title, summary, source, author, meta,
            tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
        )
        """,
    )
    conn.execute(_SEARCH_SOURCE)
    for name, event, item in _SEARCH_TRIGGERS:
        conn.execute(f"CREATE TRIGGER {name} {event} BEGIN {_reindex_statements(item)} END")
    ids = [
        row[0] for row in conn.execute("SELECT item_id FROM search_source ORDER BY day, item_id")
    ]
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        conn.execute(_SEARCH_DOC.replace("{where}", f"item_id IN ({marks})"), chunk)
        conn.execute(_SEARCH_TEXT.replace("{where}", f"s.item_id IN ({marks})"), chunk)
        conn.execute(_SEARCH_HEAD.replace("{where}", f"s.item_id IN ({marks})"), chunk)
    if ids:
        conn.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        conn.execute("INSERT INTO search_head (search_head) VALUES ('optimize')")


def m5_publish_queue(conn: sqlite3.Connection) -> None:
    """The publish queue (issue 11): one job per (item, target), and the site's targets seen.

    A job says what the target should show (``want``: published or taken_down) for which item
    version, and where it stands (waiting, published with its link, failed with the reason).
    """
    _run(
        conn,
        """
        CREATE TABLE publish_targets (
            id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            json TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        );
        CREATE TABLE publish_jobs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_id TEXT NOT NULL,
            target TEXT NOT NULL,
            site TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            want TEXT NOT NULL CHECK (want IN ('published', 'taken_down')),
            item_version INTEGER NOT NULL,
            done_version INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL CHECK (status IN ('waiting', 'published', 'taken_down', 'failed')),
            claim TEXT NOT NULL,
            remote_id TEXT,
            url TEXT NOT NULL DEFAULT '',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT,
            last_error TEXT NOT NULL DEFAULT '',
            error_kind TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (item_id, target)
        );
        CREATE INDEX publish_jobs_due ON publish_jobs (status, next_attempt_at)
        """,
    )


def m6_sections_last_publication(conn: sqlite3.Connection) -> None:
    """Each section's last publication read from an index alone (issue 19: the head's stale
    sections); without it SQLite walks every item's JSON overflow pages (~60 ms at 10,000)."""
    _run(
        conn,
        "CREATE INDEX server_items_published ON server_items (site, state, category, state_since)",
    )


def m7_search_index_skips_unchanged(conn: sqlite3.Connection) -> None:
    """Re-index an item only when what the index holds of it changes (issue 21). An answered
    push used to re-index the same text twice (the portal's copy written, then the working
    copy settled): about 3 of the 4.4 ms of writing each answer back. An item whose text and
    filter columns stay the same keeps its place (``doc``) in the recent-first order."""
    for name, event, item in _SEARCH_TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
        conn.execute(
            f"CREATE TRIGGER {name} {event} WHEN NOT {_indexed_as_now(item)} "
            f"BEGIN {_reindex_statements(item)} END"
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
    m4_search_index,
    m5_publish_queue,
    m6_sections_last_publication,
    m7_search_index_skips_unchanged,
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
