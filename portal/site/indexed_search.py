"""The public search box through the index (issue 21): SQLite FTS5 or PostgreSQL's full text
over the words of :mod:`portal.board.search_index`, one page at a time.

Issue 19's ranking is kept: items holding every typed word *as typed* come first (tier 0),
then those holding them once accents are folded; within a tier the index's rank with the
fields' weights (a title beats a summary beats a passing mention: ``bm25`` on SQLite,
``ts_rank`` on PostgreSQL), then the newest. A typed word with separators (``12/2026``) is a
phrase of its parts. Only the page's items are read and parsed; the count comes from the index.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from sqlalchemy import Select, column, func, literal_column, select, table
from sqlalchemy.engine import Connection

from desktop.models import nfc
from desktop.models.search_query import MAX_QUERY_CHARS, MAX_TOKENS
from portal import db
from portal.board.search_index import FIELDS, hex_tokens
from portal.site.listing import Entry, public_now
from portal.site.search import PAGE_SIZE, WEIGHTS, Page

_items = db.items
_fts = table("public_search", column("rowid"))
_ids = table("public_search_ids", column("rowid"), column("item_id"))
_MATCH: Any = literal_column("public_search")


def phrases(query: str, folded: bool) -> list[list[str]]:
    """One phrase of hex tokens per typed word; at most ``MAX_TOKENS`` tokens in all."""
    found: list[list[str]] = []
    budget = MAX_TOKENS
    for word in nfc(query[:MAX_QUERY_CHARS]).split():
        tokens = hex_tokens(word, folded)[:budget]
        if tokens:
            found.append(tokens)
            budget -= len(tokens)
        if budget <= 0:
            break
    return found


def _fts5(words: list[list[str]], columns: str) -> str:
    quoted = " AND ".join('"' + " ".join(tokens) + '"' for tokens in words)
    return f"{{{columns}}} : ({quoted})"


def _tsquery(words: list[list[str]]) -> str:
    return " & ".join("(" + " <-> ".join(f"'{t}'" for t in tokens) + ")" for tokens in words)


def _matches(
    conn: Connection, now: datetime, site: str | None, query: str
) -> tuple[Select[Any], Any, Any] | None:
    """The matching public items' ids, and the tier and rank to order them by."""
    rank: Any
    source: Any
    folded, typed = phrases(query, folded=True), phrases(query, folded=False)
    if not folded:
        return None
    if db.is_postgres(conn):
        document: Any = column("document")
        typed_vector: Any = column("typed")
        wanted = func.to_tsquery("simple", _tsquery(folded))
        tier = typed_vector.op("@@")(func.to_tsquery("simple", _tsquery(typed)))
        rank = -func.ts_rank(literal_column("'{0.1, 0.2, 0.3, 1.0}'"), document, wanted)
        source = table("public_search", column("item_id"), document, typed_vector)
        found = select(source.c.item_id).where(document.op("@@")(wanted))
    else:
        weights = dict(WEIGHTS)
        rank = func.bm25(_MATCH, *(float(weights[f]) for f in FIELDS), 0.0)
        as_typed = select(_fts.c.rowid).where(_MATCH.op("MATCH")(_fts5(typed, "typed")))
        tier = _fts.c.rowid.in_(as_typed)
        source = _ids
        found = (
            select(_ids.c.item_id)
            .select_from(_fts.join(_ids, _ids.c.rowid == _fts.c.rowid))
            .where(_MATCH.op("MATCH")(_fts5(folded, " ".join(FIELDS))))
        )
    found = found.join(_items, _items.c.id == source.c.item_id).where(public_now(now))
    if site is not None:
        found = found.where(_items.c.site == site)
    return found, tier, rank


def ranked_ids(
    conn: Connection,
    now: datetime,
    site: str | None,
    query: str,
    limit: int | None = None,
    offset: int = 0,
) -> list[str]:
    """The ids of the public items matching ``query``, best first (all, or one slice)."""
    made = _matches(conn, now, site, query)
    if made is None:
        return []
    found, tier, rank = made
    ordered = found.order_by(tier.desc(), rank, _items.c.published_at.desc(), _items.c.id)
    if limit is not None:
        ordered = ordered.limit(limit).offset(offset)
    return [row[0] for row in conn.execute(ordered)]


def count(conn: Connection, now: datetime, site: str | None, query: str) -> int:
    made = _matches(conn, now, site, query)
    if made is None:
        return 0
    return int(conn.execute(select(func.count()).select_from(made[0].subquery())).scalar_one())


def _window(
    conn: Connection, now: datetime, site: str | None, query: str, offset: int
) -> tuple[list[str], int | None]:
    """One page of ids and the count of every match, in one pass (``COUNT(*) OVER ()``); the
    count is None when the page is past the end."""
    made = _matches(conn, now, site, query)
    if made is None:
        return [], 0
    found, tier, rank = made
    ranked = found.add_columns(
        tier.label("tier"), rank.label("rank"), _items.c.published_at, _items.c.id
    ).subquery()  # FTS5's rank is taken here: SQLite refuses it beside a window function
    ordered = (
        select(ranked.c[0], func.count().over().label("total"))
        .order_by(ranked.c.tier.desc(), ranked.c.rank, ranked.c.published_at.desc(), ranked.c.id)
        .limit(PAGE_SIZE)
        .offset(offset)
    )
    rows = list(conn.execute(ordered))
    return [row[0] for row in rows], (int(rows[0].total) if rows else None)


def entries(conn: Connection, ids: list[str]) -> list[Entry]:
    """What the result list shows of the items of ``ids``, in that order (no Item made)."""
    query = select(
        _items.c.data,
        _items.c.body_html,
        _items.c.id,
        _items.c.version,
        _items.c.published_at,
        _items.c.language,
    ).where(_items.c.id.in_(ids))
    by_id = {row.id: Entry.of_row(row) for row in conn.execute(query)}
    return [by_id[i] for i in ids if i in by_id]


def search_page(conn: Connection, now: datetime, site: str | None, query: str, number: int) -> Page:
    """The ``number``-th page of the matches (the last one when past the end)."""
    number = max(1, number)
    ids, total = _window(conn, now, site, query, (number - 1) * PAGE_SIZE)
    if total is None:  # past the end: the last page
        total = count(conn, now, site, query)
        number = max(1, math.ceil(total / PAGE_SIZE))
        ids, _ = _window(conn, now, site, query, (number - 1) * PAGE_SIZE) if total else ([], 0)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return Page(entries(conn, ids), number, pages, total)
