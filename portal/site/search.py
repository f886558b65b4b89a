"""The public site's search box (BD-14.1.a): published items found with or without accents.

The reference portal ranks in Python over the published items (a board publishes thousands,
not millions); the desktop client has the FTS5 index for its own, larger store.

Ranking: items holding every typed word *as typed* (same letters and tone marks, any case:
"Đình" is not "định") come first, then those that hold the words only once accents are
folded; within each tier a title beats a summary beats a passing mention, then the newest.
Every match is kept: the page shows them :data:`PAGE_SIZE` at a time (:func:`page_of`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.models import Item, fold, nfc
from desktop.models.search_query import MAX_QUERY_CHARS, query_terms

_WORD = re.compile(r"\w+")
#: How much a match weighs in each part of an item: a title beats a passing mention.
WEIGHTS = (("title", 10), ("summary", 3), ("source", 2), ("author", 2), ("body", 1))
#: Results on one page of the search.
PAGE_SIZE = 20


def _tokens(text: str, folded: bool) -> list[str]:
    text = nfc(text).lower()
    return _WORD.findall(fold(text).lower() if folded else text)


def _count(tokens: list[str], phrase: list[str]) -> int:
    size = len(phrase)
    return sum(1 for i in range(len(tokens) - size + 1) if tokens[i : i + size] == phrase)


def _fields(item: Item, folded: bool) -> dict[str, list[str]]:
    metadata = " ".join(str(value) for value in item.metadata.values())
    return {
        "title": _tokens(item.title, folded),
        "summary": _tokens(item.summary, folded),
        "source": _tokens(item.source.name, folded),
        "author": _tokens(item.author, folded),
        "body": _tokens(item.body + " " + metadata, folded),
    }


def exact_terms(query: str) -> list[list[str]]:
    """The query's words as typed (NFC, lower case, accents kept), each a phrase of tokens."""
    words = nfc(query[:MAX_QUERY_CHARS]).lower().split()
    return [parts for parts in (_WORD.findall(word) for word in words) if parts]


def _score(fields: dict[str, list[str]], phrases: list[list[str]]) -> int:
    """The weighted hits of every phrase; 0 when one of them is missing."""
    score = 0
    for phrase in phrases:
        hits = sum(weight * _count(fields[name], phrase) for name, weight in WEIGHTS)
        if not hits:
            return 0
        score += hits
    return score


def search_published(items: Iterable[Item], query: str) -> list[Item]:
    """Items holding every typed word (a word like ``12/2026`` as a phrase), best first.

    ``items`` come newest first; that order breaks ties.
    """
    phrases = [phrase for phrase in query_terms(query) if phrase]  # folded like _tokens
    if not phrases:
        return []
    exact = exact_terms(query)
    scored: list[tuple[int, int, int, int, Item]] = []
    for order, item in enumerate(items):
        score = _score(_fields(item, folded=True), phrases)
        if not score:
            continue
        as_typed = _score(_fields(item, folded=False), exact) if exact else 0
        tier = 0 if as_typed else 1
        scored.append((tier, -as_typed, -score, order, item))
    scored.sort(key=lambda s: s[:4])
    return [entry[-1] for entry in scored]


@dataclass(frozen=True, slots=True)
class Page:
    """One page of results: ``number`` from 1; ``pages`` at least 1."""

    items: list[Any]  # Items, or the index's result entries (portal.site.listing.Entry)
    number: int
    pages: int
    total: int
    #: More matched than ``total`` (a broad public search counts up to a bound: issue 21).
    more: bool = False
    #: ``pages`` is not the last page but the next one while there are more (the older matches
    #: of a broad query are paged without counting them): the page says "Page N" alone.
    open_ended: bool = False

    def label(self, t: Mapping[str, str]) -> str:
        """ "Page N of M", or "Page N" when the number of pages is not known (``t``: the page's
        texts, ``portal.site.texts.texts``)."""
        if self.open_ended:
            return t["page_n"].format(page=self.number)
        return t["page_of"].format(page=self.number, pages=self.pages)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def page_number(raw: str | None) -> int:
    """The page asked for; anything that is not a whole number from 1 up is page 1."""
    text = (raw or "").strip()
    return int(text) if text.isdigit() and 0 < len(text) < 7 and int(text) > 0 else 1


def page_of(found: list[Item], number: int, size: int = PAGE_SIZE) -> Page:
    """The ``number``-th page of ``found`` (the last page when it is past the end)."""
    pages = max(1, math.ceil(len(found) / size))
    number = min(max(1, number), pages)
    start = (number - 1) * size
    return Page(found[start : start + size], number, pages, len(found))
