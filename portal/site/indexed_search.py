"""The public search box through the index (issue 21): SQLite FTS5 or PostgreSQL's full text
over the words of :mod:`portal.board.search_index`, one page at a time.

Issue 19's ranking is kept: items holding every typed word *as typed* come first (tier 0),
then those holding them once accents are folded; within a tier the index's rank with the
fields' weights (a title beats a summary beats a passing mention: ``bm25`` on SQLite,
``ts_rank`` on PostgreSQL), then the newest. A typed word with separators (``12/2026``) is a
phrase of its parts. Only the page's items are read and parsed.

A broad query is bounded (issue 21): the index hands out the newest matches first, and at most
:data:`CANDIDATES` of them are ranked and counted; past that the page says "more than 500
results", pages through the best of the newest 500, and then through every older match, newest
first (no match is out of reach: BD-14.1.a). A query matching fewer is ranked and counted in
full, as before. So the cost of a search follows the words asked, not the number of
items ever published.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import column, func, literal_column, select, table
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


#: How many of the newest matches a search ranks (issue 21). A query that matches more (most
#: items hold "chuyển đổi số") ranks the newest ``CANDIDATES`` of them and says "more than";
#: a narrower one ranks every match, exactly as before. The cost stays that of this many rows
#: however many items were ever published.
CANDIDATES = 500


_Words = tuple[list[list[str]], list[list[str]]]  # the query's phrases folded, and as typed


@dataclass(frozen=True)
class _Match:
    item_id: str
    as_typed: bool
    rank: float
    published_at: datetime | None


def _sqlite(
    conn: Connection, now: datetime, site: str | None, words: _Words, limit: int | None
) -> tuple[list[_Match], bool]:
    """FTS5 hands out the matches newest first (its rows are numbered so): the newest
    ``limit + 1`` tell a broad query from a narrow one without ranking anything."""
    folded, typed = words
    joined = _fts.join(_ids, _ids.c.rowid == _fts.c.rowid).join(
        _items, _items.c.id == _ids.c.item_id
    )
    where = [_MATCH.op("MATCH")(_fts5(folded, " ".join(FIELDS))), public_now(now)]
    if site is not None:
        where.append(_items.c.site == site)
    if limit is not None and _more_than(conn, where[0], limit):
        newest = (
            select(_fts.c.rowid, _ids.c.item_id, _items.c.published_at)
            .select_from(joined)
            .where(*where)
            .order_by(_fts.c.rowid)
            .limit(limit + 1)
        )
        rows = list(conn.execute(newest))
        if len(rows) > limit:
            return _by_fields(conn, words, rows[:limit]), True
    weights = dict(WEIGHTS)
    rank = func.bm25(_MATCH, *(float(weights[f]) for f in FIELDS), 0.0)
    ranked = select(_fts.c.rowid, _ids.c.item_id, rank.label("rank"), _items.c.published_at)
    rows = list(conn.execute(ranked.select_from(joined).where(*where)))
    if not rows:
        return [], False
    as_typed = _rows_matching(conn, _fts5(typed, "typed"), rows)
    return [_Match(r.item_id, r.rowid in as_typed, r.rank, r.published_at) for r in rows], False


def _more_than(conn: Connection, match: Any, limit: int) -> bool:
    """Whether the index alone holds more than ``limit`` matches (before the public and site
    conditions): a narrow query goes straight to its one ranked pass."""
    first = select(_fts.c.rowid).where(match).order_by(_fts.c.rowid).limit(limit + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(first)).scalar_one()) > limit


def _rows_matching(conn: Connection, match: str, rows: list[Any]) -> set[int]:
    """Which of ``rows`` (FTS5 rows) ``match`` finds: read over their range of the index only."""
    numbers = [row.rowid for row in rows]
    found = select(_fts.c.rowid).where(
        _MATCH.op("MATCH")(match), _fts.c.rowid.between(min(numbers), max(numbers))
    )
    return set(conn.execute(found).scalars())


def _by_fields(conn: Connection, words: _Words, rows: list[Any]) -> list[_Match]:
    """A broad query's newest matches, ranked by where the words are: every word in the title
    (rank 0), else in the summary (1), else elsewhere (2). ``bm25`` is not asked: its first
    call counts every item holding each word (its IDF), which grows with the index."""
    folded, typed = words
    as_typed = _rows_matching(conn, _fts5(typed, "typed"), rows)
    in_title = _rows_matching(conn, _fts5(folded, "title"), rows)
    in_summary = _rows_matching(conn, _fts5(folded, "summary"), rows)
    return [
        _Match(
            r.item_id,
            r.rowid in as_typed,
            0.0 if r.rowid in in_title else 1.0 if r.rowid in in_summary else 2.0,
            r.published_at,
        )
        for r in rows
    ]


def _postgres(
    conn: Connection, now: datetime, site: str | None, words: _Words, limit: int | None
) -> tuple[list[_Match], bool]:
    """The newest ``limit`` matches by ``items.published_at`` (and whether there are more), with
    ``ts_rank`` over those only (it weighs each row alone: no count over the index)."""
    folded, typed = words
    document: Any = column("document")
    typed_vector: Any = column("typed")
    source = table("public_search", column("item_id"), document, typed_vector)
    wanted = func.to_tsquery("simple", _tsquery(folded))
    newest = (
        select(source.c.item_id, document, typed_vector, _items.c.published_at, _items.c.id)
        .select_from(source.join(_items, _items.c.id == source.c.item_id))
        .where(document.op("@@")(wanted), public_now(now))
        .order_by(_items.c.published_at.desc(), _items.c.id)
    )
    if site is not None:
        newest = newest.where(_items.c.site == site)
    if limit is not None:
        newest = newest.limit(limit + 1)
    chosen = newest.subquery()
    weights: Any = literal_column("'{0.1, 0.2, 0.3, 1.0}'")
    ranked = select(
        chosen.c.item_id,
        chosen.c.typed.op("@@")(func.to_tsquery("simple", _tsquery(typed))).label("as_typed"),
        (-func.ts_rank(weights, chosen.c.document, wanted)).label("rank"),
        chosen.c.published_at,
    )
    found = [
        _Match(r.item_id, bool(r.as_typed), float(r.rank), r.published_at)
        for r in conn.execute(ranked)
    ]
    if limit is not None and len(found) > limit:
        return _newest_first(found)[:limit], True
    return found, False


def _ranked(
    conn: Connection, now: datetime, site: str | None, query: str, limit: int | None
) -> tuple[list[str], bool]:
    """The ids of the newest ``limit`` matches (every match: None), best first: those holding
    the words as typed, then by the index's rank (a broad query on SQLite: by field,
    :func:`_by_fields`), then the newest; and whether more matched."""
    folded, typed = phrases(query, folded=True), phrases(query, folded=False)
    if not folded:
        return [], False
    read = _postgres if db.is_postgres(conn) else _sqlite
    found, more = read(conn, now, site, (folded, typed), limit)
    found.sort(key=lambda m: m.item_id)  # the last tie-break, as sorts are stable
    found.sort(key=_date, reverse=True)
    found.sort(key=lambda m: (not m.as_typed, m.rank))
    return [m.item_id for m in found], more


def _date(match: _Match) -> tuple[bool, datetime]:
    at = match.published_at
    return (at is not None, at.replace(tzinfo=None) if at is not None else datetime.min)


def _newest_first(found: list[_Match]) -> list[_Match]:
    return sorted(sorted(found, key=lambda m: m.item_id), key=_date, reverse=True)


def ranked_ids(
    conn: Connection,
    now: datetime,
    site: str | None,
    query: str,
    limit: int | None = None,
    offset: int = 0,
) -> list[str]:
    """The ids of the public items matching ``query``, best first (all, or one slice): every
    match is ranked (the legal documents' filters pick among them)."""
    ids, _ = _ranked(conn, now, site, query, None)
    return ids[offset:] if limit is None else ids[offset : offset + limit]


def count(conn: Connection, now: datetime, site: str | None, query: str) -> int:
    """How many public items match, counted up to ``CANDIDATES + 1``."""
    ids, more = _ranked(conn, now, site, query, CANDIDATES)
    return len(ids) + (1 if more else 0)


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


def _narrow_page(
    conn: Connection, now: datetime, site: str | None, query: str, number: int
) -> Page | None:
    """SQLite, a query the index holds at most ``CANDIDATES`` matches of: the page and the
    count in one ranked pass in SQL (``COUNT(*) OVER ()``), as before issue 21's bound; None
    for a broad query."""
    folded, typed = phrases(query, folded=True), phrases(query, folded=False)
    if not folded:
        return Page([], 1, 1, 0)
    match = _MATCH.op("MATCH")(_fts5(folded, " ".join(FIELDS)))
    if _more_than(conn, match, CANDIDATES):
        return None
    joined = _fts.join(_ids, _ids.c.rowid == _fts.c.rowid).join(
        _items, _items.c.id == _ids.c.item_id
    )
    weights = dict(WEIGHTS)
    rank = func.bm25(_MATCH, *(float(weights[f]) for f in FIELDS), 0.0)
    as_typed = select(_fts.c.rowid).where(_MATCH.op("MATCH")(_fts5(typed, "typed")))
    found = (
        select(
            _ids.c.item_id,
            _fts.c.rowid.in_(as_typed).label("tier"),
            rank.label("rank"),
            _items.c.published_at,
            _items.c.id,
        )
        .select_from(joined)
        .where(match, public_now(now))
    )
    if site is not None:
        found = found.where(_items.c.site == site)
    ranked = found.subquery()  # FTS5's rank is taken here: SQLite refuses it beside a window

    def window(offset: int) -> list[Any]:
        ordered = (
            select(ranked.c.item_id, func.count().over().label("total"))
            .order_by(
                ranked.c.tier.desc(), ranked.c.rank, ranked.c.published_at.desc(), ranked.c.id
            )
            .limit(PAGE_SIZE)
            .offset(offset)
        )
        return list(conn.execute(ordered))

    number = max(1, number)
    rows = window((number - 1) * PAGE_SIZE)
    if rows:
        total = int(rows[0].total)
    else:  # past the end: the last page
        total = int(conn.execute(select(func.count()).select_from(ranked)).scalar_one())
        number = max(1, math.ceil(total / PAGE_SIZE))
        rows = window((number - 1) * PAGE_SIZE) if total else []
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return Page(entries(conn, [row.item_id for row in rows]), number, pages, total)


def search_page(conn: Connection, now: datetime, site: str | None, query: str, number: int) -> Page:
    """The ``number``-th page of the ranked matches (the last one when past the end). A query
    matching more than :data:`CANDIDATES` items ranks the newest of them on its first pages
    (its count says "more than"); the pages after them hold every older match, newest first,
    so that every match can still be reached (BD-14.1.a) without ranking or counting them."""
    if not db.is_postgres(conn):
        narrow = _narrow_page(conn, now, site, query, number)
        if narrow is not None:
            return narrow
    ids, more = _ranked(conn, now, site, query, CANDIDATES)
    pages = max(1, math.ceil(len(ids) / PAGE_SIZE))
    if not more:
        number = min(max(1, number), pages)
        shown = ids[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        return Page(entries(conn, shown), number, pages, len(ids))
    number = max(1, number)
    if number <= pages:  # the ranked newest; the next page exists: older ones remain
        shown = ids[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        return Page(entries(conn, shown), number, number + 1, len(ids), True, True)
    offset = len(ids) + (number - pages - 1) * PAGE_SIZE
    older = _older(conn, now, site, query, offset, PAGE_SIZE + 1)
    if not older:  # past the end: count them (only here) and show the last page
        total = _older_count(conn, now, site, query)
        number = pages + max(1, math.ceil((total - len(ids)) / PAGE_SIZE))
        offset = len(ids) + (number - pages - 1) * PAGE_SIZE
        older = _older(conn, now, site, query, offset, PAGE_SIZE + 1)
    following = number + 1 if len(older) > PAGE_SIZE else number
    return Page(entries(conn, older[:PAGE_SIZE]), number, following, len(ids), True, True)


def _matches(conn: Connection, now: datetime, site: str | None, query: str) -> Any:
    """Every public match of ``query``, newest first: the order in which the bound took the
    newest (SQLite: the index's own numbering; PostgreSQL: ``published_at``, then the id)."""
    folded = phrases(query, folded=True)
    if db.is_postgres(conn):
        document: Any = column("document")
        source = table("public_search", column("item_id"), document)
        wanted = func.to_tsquery("simple", _tsquery(folded))
        found = (
            select(source.c.item_id)
            .select_from(source.join(_items, _items.c.id == source.c.item_id))
            .where(document.op("@@")(wanted), public_now(now))
            .order_by(_items.c.published_at.desc(), _items.c.id)
        )
    else:
        joined = _fts.join(_ids, _ids.c.rowid == _fts.c.rowid).join(
            _items, _items.c.id == _ids.c.item_id
        )
        match = _MATCH.op("MATCH")(_fts5(folded, " ".join(FIELDS)))
        found = (
            select(_ids.c.item_id)
            .select_from(joined)
            .where(match, public_now(now))
            .order_by(_fts.c.rowid)
        )
    return found.where(_items.c.site == site) if site is not None else found


def _older(
    conn: Connection, now: datetime, site: str | None, query: str, offset: int, count: int
) -> list[str]:
    """``count`` matches from the ``offset``-th, newest first."""
    found = _matches(conn, now, site, query).offset(offset).limit(count)
    return list(conn.execute(found).scalars())


def _older_count(conn: Connection, now: datetime, site: str | None, query: str) -> int:
    counted = select(func.count()).select_from(_matches(conn, now, site, query).subquery())
    return int(conn.execute(counted).scalar_one())
