"""The public search's index (issue 21): the published items' words, kept in step with the
items by the row writer (:func:`portal.board.service._row`'s callers) and read by
:mod:`portal.site.search`.

Each word is stored twice, as typed (NFC, lower case, accents kept) and folded (``đ→d``, no
marks), the way :func:`portal.site.search._tokens` splits text. Every token is written in hex
(``định`` → ``c491e1bb8b6e68``), so SQLite's FTS5 ``unicode61`` and PostgreSQL's ``simple``
parser see the same single token whatever the database's locale, and a token matches only the
same letters: "Đình" as typed is not "định".

- SQLite: an FTS5 table ``public_search(title, summary, source, author, body, typed)``, ranked
  by ``bm25`` with the weights of :data:`portal.site.search.WEIGHTS`, whose rows are numbered
  by :func:`rowid` from the newest public date to the oldest (so the newest matches come
  first from the index itself, revision 0013); ``public_search_ids(rowid, item_id)`` says whose row
  it is (FTS5 reads a whole row, every text, to give one column: a match names its item through
  this small table, indexed by item too);
- PostgreSQL: ``public_search(item_id, document tsvector, typed tsvector)`` with a GIN index,
  the fields weighted A (title), B (summary), C (source, author), D (body), ranked by
  ``ts_rank``.

Both are made by revision 0012, which also fills them (0013 renumbers SQLite's rows by date);
they stay out of ``db.metadata`` (a virtual table on one database, ``tsvector`` on the other).
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import column, delete, insert, table, text
from sqlalchemy.engine import Connection

from desktop.models import Item, State, fold, nfc
from portal import db
from portal.board.public_columns import published_at

_WORD = re.compile(r"\w+")
#: Between two fields of the typed column: never a hex token, so no phrase spans two fields.
FIELD_BREAK = "x"
FIELDS = ("title", "summary", "source", "author", "body")

fts = table("public_search", column("item_id"))

IDS_INDEX = "CREATE INDEX IF NOT EXISTS ix_public_search_ids_item_id ON public_search_ids (item_id)"
SQLITE_TABLES = (
    "CREATE VIRTUAL TABLE public_search USING fts5("
    "title, summary, source, author, body, typed, tokenize='unicode61')",
    "CREATE TABLE public_search_ids (rowid INTEGER PRIMARY KEY, item_id VARCHAR(64) NOT NULL)",
    IDS_INDEX,
)
POSTGRES_TABLE = (
    "CREATE TABLE public_search (item_id VARCHAR(64) PRIMARY KEY REFERENCES items(id), "
    "document TSVECTOR NOT NULL, typed TSVECTOR NOT NULL)",
    "CREATE INDEX ix_public_search_document ON public_search USING gin (document)",
    "CREATE INDEX ix_public_search_typed ON public_search USING gin (typed)",
)


def hex_tokens(text: str, folded: bool) -> list[str]:
    """The text's words (``\\w+`` after NFC and lower case; folded or as typed), each in hex."""
    text = nfc(text).lower()
    words = _WORD.findall(fold(text).lower() if folded else text)
    return [word.encode("utf-8").hex() for word in words]


def _fields(item: Item) -> dict[str, str]:
    metadata = " ".join(str(value) for value in item.metadata.values())
    return {
        "title": item.title,
        "summary": item.summary,
        "source": item.source.name,
        "author": item.author,
        "body": item.body + " " + metadata,
    }


def index_row(item: Item) -> dict[str, str]:
    """What the index holds of ``item``: each field's folded tokens, and every typed token."""
    fields = _fields(item)
    row = {name: " ".join(hex_tokens(value, folded=True)) for name, value in fields.items()}
    typed = [" ".join(hex_tokens(fields[name], folded=False)) for name in FIELDS]
    row["typed"] = f" {FIELD_BREAK} ".join(typed)
    return row


#: Bits of a row number below the public date's second: an item's id's hash tells apart the
#: items of one second.
_SECOND_BITS = 20
#: Seconds are counted back from here (the year 141,000 or so): FTS5 reads a match's rows in
#: ascending order far faster than descending, so the newest item gets the smallest number.
_LAST_SECOND = 1 << 42


def rowid(item_id: str, at: datetime) -> int:
    """The FTS5 row wanted for an item public from ``at`` (naive: UTC): the seconds from then to
    :data:`_LAST_SECOND`, then 20 bits of its id's SHA-256, so that rows run from the newest
    (``ORDER BY rowid`` reads the newest matches first)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    second = min(max(0, int(at.timestamp())), _LAST_SECOND - 1)
    low = int.from_bytes(hashlib.sha256(item_id.encode()).digest()[:4], "big")
    return ((_LAST_SECOND - second) << _SECOND_BITS) | (low & ((1 << _SECOND_BITS) - 1))


def free_rowid(conn: Connection, wanted: int) -> int:
    """``wanted``, or the next number no row has (two items of one second and one hash)."""
    taken = text("SELECT 1 FROM public_search_ids WHERE rowid = :row")
    while conn.execute(taken, {"row": wanted}).first() is not None:
        wanted += 1
    return wanted


def index_item(conn: Connection, item: Item) -> None:
    """Keep the index in step with ``item`` as just written: in it while published."""
    if db.is_postgres(conn):
        conn.execute(delete(fts).where(fts.c.item_id == item.id))
    else:
        mine = {"id": item.id}
        conn.execute(
            text(
                "DELETE FROM public_search WHERE rowid IN "
                "(SELECT rowid FROM public_search_ids WHERE item_id = :id)"
            ),
            mine,
        )
        conn.execute(text("DELETE FROM public_search_ids WHERE item_id = :id"), mine)
    if item.state is not State.PUBLISHED:
        return
    row = index_row(item)
    if db.is_postgres(conn):
        conn.execute(
            text(
                "INSERT INTO public_search (item_id, document, typed) VALUES (:id, "
                "setweight(to_tsvector('simple', :title), 'A') || "
                "setweight(to_tsvector('simple', :summary), 'B') || "
                "setweight(to_tsvector('simple', :source || ' ' || :author), 'C') || "
                "setweight(to_tsvector('simple', :body), 'D'), to_tsvector('simple', :typed))"
            ),
            {"id": item.id, **row},
        )
    else:
        number = free_rowid(conn, rowid(item.id, published_at(item)))
        columns = table("public_search", *(column(c) for c in ("rowid", *FIELDS, "typed")))
        conn.execute(insert(columns).values(rowid=number, **row))
        conn.execute(
            text("INSERT INTO public_search_ids (rowid, item_id) VALUES (:row, :id)"),
            {"row": number, "id": item.id},
        )


def create(conn: Connection) -> None:
    """Make the index (revision 0012)."""
    if db.is_postgres(conn):
        for statement in POSTGRES_TABLE:
            conn.exec_driver_sql(statement)
    else:
        for statement in SQLITE_TABLES:
            conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    conn.exec_driver_sql("DROP TABLE IF EXISTS public_search")
    conn.exec_driver_sql("DROP TABLE IF EXISTS public_search_ids")


def exists(conn: Connection) -> Any:
    return conn.dialect.has_table(conn, "public_search")
