"""The public site's search box (BD-14.1.a): published items found with or without accents.

The reference portal ranks in Python over the published items (a board publishes thousands,
not millions); the desktop client has the FTS5 index for its own, larger store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.models import Item, fold
from desktop.models.search_query import query_terms

_WORD = re.compile(r"\w+")
#: How much a match weighs in each part of an item: a title beats a passing mention.
WEIGHTS = (("title", 10), ("summary", 3), ("source", 2), ("author", 2), ("body", 1))
LIMIT = 50


def _tokens(text: str) -> list[str]:
    return _WORD.findall(fold(text).lower())


def _count(tokens: list[str], phrase: list[str]) -> int:
    size = len(phrase)
    return sum(1 for i in range(len(tokens) - size + 1) if tokens[i : i + size] == phrase)


def _fields(item: Item) -> dict[str, list[str]]:
    metadata = " ".join(str(value) for value in item.metadata.values())
    return {
        "title": _tokens(item.title),
        "summary": _tokens(item.summary),
        "source": _tokens(item.source.name),
        "author": _tokens(item.author),
        "body": _tokens(item.body + " " + metadata),
    }


def search_published(items: Iterable[Item], query: str) -> list[Item]:
    """Items holding every typed word (a word like ``12/2026`` as a phrase), best first."""
    phrases = [phrase for phrase in query_terms(query) if phrase]  # folded like _tokens
    if not phrases:
        return []
    scored: list[tuple[int, int, Item]] = []
    for order, item in enumerate(items):
        fields = _fields(item)
        score = 0
        for phrase in phrases:
            hits = sum(weight * _count(fields[name], phrase) for name, weight in WEIGHTS)
            if not hits:
                break
            score += hits
        else:
            scored.append((-score, order, item))
    return [item for _score, _order, item in sorted(scored, key=lambda s: s[:2])[:LIMIT]]
