"""Search over the local store (works offline): ranked, filtered, with highlighted words.

The index (migration 4, ``schema.py``) holds a folded copy of every item's current text —
the working copy when the user has one, so unsynced drafts are found too — and is kept by
triggers in the transaction of each write. See docs/search.md for the plan
that keeps a common word fast at 100,000 items (a bare ``ORDER BY rank`` ranks every match):

1. **head matches first**: items with all the words outside the body (title, summary,
   source, author, metadata), from a small second index (``search_head``); the newest
   ``CANDIDATES`` of them are ranked with bm25 (title weighs most);
2. **then text matches**, only when the head matches do not fill the page: the newest
   ``CANDIDATES`` matches anywhere (the body too), ranked with bm25 over all columns, a title
   match still weighing most.

Within each, the words as typed (a phrase) rank first, then the words close together
(``NEAR``), then the words anywhere (issue 17: "de an 06 dan cu" put a title where the words
lay scattered above one that said "Đề án 06 … dân cư").

So a word in a title always ranks above a passing mention in a body; when fewer than
``CANDIDATES`` items match, each tier is in exact bm25 order; past that, the newest matches are
the ones ranked (recent-first paging).
"""

from __future__ import annotations

import functools
import heapq
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.models.search_query import (
    MAX_QUERY_CHARS,
    build_match,
    build_near,
    build_phrase,
    query_terms,
)
from desktop.models.text import fold
from desktop.store.base import OPERATIONAL_ERRORS, StoreBase

#: How many of the newest matches each tier ranks; bounds the cost of a common word.
CANDIDATES = 1000

#: bm25 column weights: a word in the title counts far more than one in the body.
HEAD_WEIGHTS = (10.0, 4.0, 2.0, 2.0, 6.0)  # search_head: title, summary, source, author, meta
TEXT_WEIGHTS = (10.0, 4.0, 1.0, 2.0, 2.0, 6.0)  # search_fts: title, summary, body, + the same


def _bm25(table: str, weights: tuple[float, ...]) -> str:
    return f"bm25({table}, " + ", ".join(str(w) for w in weights) + ")"


SNIPPET_CHARS = 180

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One found item. ``snippet`` is plain text; ``snippet_spans`` and ``title_spans`` are the
    ``(start, end)`` character ranges of the matching words in it (``marked()`` puts ``[ ]``
    around them). ``rank`` is FTS5's bm25 score: lower (more negative) is better."""

    id: str
    title: str
    state: str
    category: str
    snippet: str
    snippet_spans: tuple[Span, ...]
    title_spans: tuple[Span, ...]
    rank: float
    site: str = ""
    author: str = ""
    unit: str = ""
    day: str | None = None

    def marked(self, start: str = "[", end: str = "]") -> str:
        """The snippet with each matching word between ``start`` and ``end``."""
        return mark(self.snippet, self.snippet_spans, start, end)

    def marked_title(self, start: str = "[", end: str = "]") -> str:
        return mark(self.title, self.title_spans, start, end)

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON form: ``snippet`` marked with ``[ ]``; spans refer to ``snippet_text``."""
        return {
            "id": self.id,
            "title": self.title,
            "state": self.state,
            "category": self.category,
            "snippet": self.marked(),
            "snippet_text": self.snippet,
            "snippet_spans": [list(s) for s in self.snippet_spans],
            "title_spans": [list(s) for s in self.title_spans],
            "rank": self.rank,
            "site": self.site,
            "author": self.author,
            "unit": self.unit,
            "day": self.day,
        }


# -- highlighting (pure functions, also for the UI) ----------------------------------------------


def _variants() -> dict[str, str]:
    """Each folded letter → every letter that folds to it (``d`` → ``dDđĐ``, ``a`` → ``aAàá…``)."""
    found: dict[str, set[str]] = {}
    for code in [*range(0x41, 0x5B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        letter = chr(code)
        folded = fold(letter).lower()
        if len(folded) == 1:
            found.setdefault(folded, {folded}).add(letter)
    return {k: "".join(sorted(v)) for k, v in found.items()}


_VARIANTS = _variants()


def _letter(c: str) -> str:
    variants = _VARIANTS.get(c)
    return f"[{re.escape(variants)}]" if variants else re.escape(c)


def highlight_spans(text: str, query: str) -> tuple[Span, ...]:
    """Where the words of ``query`` are in ``text`` (with or without accents, ``đ`` as ``d``),
    as the search matched them: a typed word with separators (``12/2026``) as a phrase, the last
    word as a prefix unless the query ends with a space."""
    pattern = _pattern(query)
    if pattern is None or not text:
        return ()
    return _merge(m.span() for m in pattern.finditer(text))


_WORD_CHAR = r"[^\W_]"


@functools.lru_cache(maxsize=64)
def _pattern(query: str) -> re.Pattern[str] | None:
    """One regular expression for every phrase of the query, matching the original text: each
    letter of a folded term matches all its accented and capital forms, so no fold of the
    (long) text is needed and offsets are the text's own."""
    terms = query_terms(query)
    if not terms:
        return None
    prefix_last = not query[:MAX_QUERY_CHARS][-1].isspace()
    phrases = []
    for n, phrase in enumerate(terms):
        body = r"[\W_]+".join("".join(_letter(c) for c in token) for token in phrase)
        last = prefix_last and n == len(terms) - 1
        tail = f"{_WORD_CHAR}*" if last else f"(?!{_WORD_CHAR})"
        phrases.append(f"(?<!{_WORD_CHAR}){body}{tail}")
    return re.compile("|".join(sorted(phrases, key=len, reverse=True)))


def _merge(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def mark(text: str, spans: Sequence[Span], start: str = "[", end: str = "]") -> str:
    out, pos = [], 0
    for a, b in spans:
        out += [text[pos:a], start, text[a:b], end]
        pos = b
    out.append(text[pos:])
    return "".join(out)


def snippet(text: str, query: str, size: int = SNIPPET_CHARS) -> tuple[str, tuple[Span, ...]]:
    """A window of ``text`` (whitespace collapsed) around its first match, with the spans."""
    flat = " ".join(text.split())
    pattern = _pattern(query)
    first_match = pattern.search(flat) if pattern is not None else None
    first = first_match.start() if first_match else 0
    if len(flat) <= size:
        begin, stop = 0, len(flat)
    else:
        begin = 0 if first < size // 3 else flat.rfind(" ", 0, first - size // 3) + 1
        stop = flat.find(" ", begin + size)
        stop = len(flat) if stop < 0 else stop
    spans = (
        _merge(m.span() for m in pattern.finditer(flat, begin, stop))
        if pattern is not None and first_match
        else ()
    )
    lead, tail = ("…" if begin > 0 else ""), ("…" if stop < len(flat) else "")
    shift = len(lead) - begin
    inside = tuple((a + shift, b + shift) for a, b in spans if b <= stop)
    return lead + flat[begin:stop] + tail, inside


def _metadata_text(metadata: Any) -> str:
    values: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            values.append(str(value))

    walk(metadata)
    return " · ".join(values)


# -- the store's side ---------------------------------------------------------------------------


def _whole_last_letter(match: str) -> str:
    """In the body tier a one-letter last word is a word, not a prefix: ``"d"*`` would match
    nearly every item, at great cost, and find nothing the title tier did not."""
    if match.endswith("*") and re.search(r'(?:^|[\s"])\w"\*$', match):
        return match[:-1]
    return match


def _order(scored: tuple[int, float]) -> tuple[float, int]:
    """Best bm25 first; the newest first among equals."""
    return scored[1], -scored[0]


class SearchSide(StoreBase):
    def search(
        self,
        query: str | None,
        *,
        states: Iterable[str] | None = None,
        category: str | None = None,
        author: str | None = None,
        unit: str | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        limit: int = 50,
    ) -> list[SearchHit]:
        """Items matching every word of ``query`` (accents and ``đ`` optional), best first.

        ``author`` is the item's author or its writer's account (``created_by``); ``unit`` the
        item's unit or its category's responsible unit; dates (inclusive) are the Vietnam-time
        day the item reached its state (a local draft: last saved). Odd input never raises: a
        query with no words gives no hits.
        """
        match = build_match(query)
        if match is None or limit <= 0:
            return []
        where, params = self._search_filters(states, category, author, unit, date_from, date_to)
        # tiers, each in bm25 order: in a title or summary the words as typed, then close
        # together, then anywhere; then the same three in the body
        phrase, body_match = build_phrase(query), _whole_last_letter(match)
        head = (phrase, build_near(match, query or ""), match)
        body = (phrase and _whole_last_letter(phrase), build_near(body_match, query or ""))
        tiers: list[tuple[str, tuple[float, ...], str]]
        tiers = [("search_head", HEAD_WEIGHTS, e) for e in head if e is not None]
        tiers += [("search_fts", TEXT_WEIGHTS, e) for e in (*body, body_match) if e is not None]
        best: list[tuple[int, float]] = []
        seen: set[int] = set()
        for table, weights, expression in tiers:
            if len(best) >= limit:
                break
            found = self._ranked(table, weights, expression, where, params)
            rest = [kv for kv in found.items() if kv[0] not in seen]
            tier = heapq.nsmallest(limit - len(best), rest, key=_order)
            best += tier
            seen.update(doc for doc, _rank in tier)
        return self._hits(best, query or "")

    def _search_filters(
        self,
        states: Iterable[str] | None,
        category: str | None,
        author: str | None,
        unit: str | None,
        date_from: date | str | None,
        date_to: date | str | None,
    ) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if states is not None:
            chosen = [states] if isinstance(states, str) else [str(s) for s in states]
            where.append(f"d.state IN ({', '.join('?' for _ in chosen)})" if chosen else "0")
            params += chosen
        if category:
            where.append("d.category = ?")
            params.append(category)
        if author:
            where.append("(d.author = ? OR d.created_by = ?)")
            params += [author, author]
        if unit:
            categories = [
                c["category"]
                for c in self.query(
                    "SELECT json_extract(c.value, '$.id') AS category FROM directory, "
                    "json_each(directory.json) c WHERE directory.kind = 'categories' "
                    "AND json_extract(c.value, '$.unit') = ?",
                    [unit],
                )
            ]
            marks = ", ".join("?" for _ in categories)
            where.append(
                f"(d.unit = ? OR (d.unit = '' AND d.category IN ({marks})))"
                if categories
                else "d.unit = ?"
            )
            params += [unit, *categories]
        if date_from:
            where.append("d.day >= ?")
            params.append(str(date_from)[:10])
        if date_to:
            where.append("d.day <= ?")
            params.append(str(date_to)[:10])
        return "".join(f" AND {w}" for w in where), params

    def _ranked(
        self,
        table: str,
        weights: tuple[float, ...],
        match: str,
        where: str,
        params: list[Any],
    ) -> dict[int, float]:
        """bm25 of the newest ``CANDIDATES`` matches (FTS5 walks its rowids backwards and
        stops there, so the cost is bounded however common the words are)."""
        join = " JOIN search_docs d ON d.doc = f.rowid" if where else ""
        sql = (
            f"SELECT f.rowid, {_bm25(table, weights)} FROM {table} f{join} "
            f"WHERE {table} MATCH ?{where} ORDER BY f.rowid DESC LIMIT {CANDIDATES}"
        )
        return {doc: score for doc, score in self._fts(sql, [match, *params])}

    def _fts(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        """Run an FTS query; a MATCH FTS5 cannot parse (it should not happen) finds nothing."""
        try:
            return list(self.conn.execute(sql, params))
        except OPERATIONAL_ERRORS as error:  # plain or SQLCipher store
            if "fts5" in str(error) or "syntax" in str(error):
                return []
            raise

    def _hits(self, best: list[tuple[int, float]], query: str) -> list[SearchHit]:
        if not best:
            return []
        marks = ", ".join("?" for _ in best)
        rows = {
            row["doc"]: row
            for row in self.query(
                "SELECT doc, item_id, site, state, category, author, unit, day FROM search_docs "
                f"WHERE doc IN ({marks})",
                [doc for doc, _ in best],
            )
        }
        ids = [row["item_id"] for row in rows.values()]
        marks = ", ".join("?" for _ in ids)
        server = {
            r["id"]: json.loads(r["json"])
            for r in self.query(f"SELECT id, json FROM server_items WHERE id IN ({marks})", ids)
        }
        working = {
            r["id"]: json.loads(r["json"])
            for r in self.query(f"SELECT id, json FROM working WHERE id IN ({marks})", ids)
        }
        hits = []
        for doc, rank in best:
            row = rows.get(doc)
            if row is not None:
                item_id = row["item_id"]
                content = {**server.get(item_id, {}), **working.get(item_id, {})}
                hits.append(self._hit(row, content, rank, query))
        return hits

    @staticmethod
    def _hit(row: dict[str, Any], content: dict[str, Any], rank: float, query: str) -> SearchHit:
        title = str(content.get("title") or "")
        source = content.get("source")
        fields = [
            str(content.get("summary") or ""),
            str(content.get("body") or ""),
            _metadata_text(content.get("metadata") or {}),
            str(source.get("name") or "") if isinstance(source, dict) else str(source or ""),
            str(content.get("author") or ""),
        ]
        text: str = ""
        spans: tuple[Span, ...] = ()
        for field in fields:
            text, spans = snippet(field, query)
            if spans:
                break
        if not spans:
            text, spans = snippet(fields[0] or fields[1], query)
        return SearchHit(
            id=row["item_id"],
            title=title,
            state=row["state"],
            category=row["category"],
            snippet=text,
            snippet_spans=spans,
            title_spans=highlight_spans(title, query),
            rank=float(rank),
            site=row["site"],
            author=row["author"],
            unit=row["unit"],
            day=row["day"],
        )
