"""What the user types → a safe SQLite FTS5 MATCH expression over folded text (issue 7).

FTS5's ``unicode61 remove_diacritics 2`` strips tone marks but never folds ``đ`` to ``d``
(platform-notes.md), so the index holds a folded copy of the text and the query is folded the
same way. Every word the user types becomes a quoted FTS5 string, so ``"``, ``*``, ``NEAR``,
``AND``, ``OR``, ``NOT``, ``(``, ``)``, ``:``, ``^`` and ``+`` are never FTS syntax and no
input can make the MATCH fail.

Numbers and symbols of legal documents: unicode61 splits ``12/2026/QĐ-UBND`` into the tokens
``12 2026 qd ubnd``. A typed word that holds separators becomes one phrase of its parts
(``12/2026`` → ``"12 2026"``), which matches those tokens side by side: ``12/2026`` finds
``12/2026/QĐ-UBND`` but not a text where 12 and 2026 only appear apart.
"""

from __future__ import annotations

import unicodedata

from desktop.models.text import fold

MAX_QUERY_CHARS = 1000
MAX_TOKENS = 64


def fold_for_index(text: str) -> str:
    """The copy of a text that goes into the FTS index: NFC, ``đ→d``, ``Đ→D``, marks removed.

    The same fold as ``desktop.models.text.fold`` (slugs, sorting), so one rule holds
    everywhere; FTS5 would remove the tone marks anyway, but not ``đ``.
    """
    return fold(text)


def _is_token_char(c: str) -> bool:
    """unicode61's default token characters: letters, numbers, private use (``L* N* Co``);
    everything else (spaces, punctuation, symbols, emoji) separates tokens."""
    category = unicodedata.category(c)
    return category[0] in "LN" or category == "Co"


def _parts(word: str) -> list[str]:
    """Split a typed word the way unicode61 splits text into tokens."""
    parts: list[str] = []
    current: list[str] = []
    for c in word:
        if _is_token_char(c):
            current.append(c)
        elif current:
            parts.append("".join(current))
            current = []
    if current:
        parts.append("".join(current))
    return parts


def query_terms(query: str) -> list[list[str]]:
    """The folded, lowercased terms of a query: one list of tokens per typed word (a phrase).

    Also what the UI highlights in results. Capped at ``MAX_QUERY_CHARS`` characters and
    ``MAX_TOKENS`` tokens; a word cut by the cap keeps its first tokens.
    """
    if not query:
        return []
    folded = fold_for_index(query[:MAX_QUERY_CHARS]).lower()
    terms: list[list[str]] = []
    budget = MAX_TOKENS
    for word in folded.split():
        parts = _parts(word)[:budget]
        if parts:
            terms.append(parts)
            budget -= len(parts)
        if budget <= 0:
            break
    return terms


def _fts_string(text: str) -> str:
    """An FTS5 string literal: inside double quotes, a double quote is written twice."""
    return '"' + text.replace('"', '""') + '"'


def build_match(query: str | None) -> str | None:
    """A MATCH expression for ``query``, or None when there is nothing to search for.

    Words are ANDed; a word with separators inside (``12/2026``, ``QĐ-UBND``) is a phrase; the
    last word is a prefix match (``"quyet" "dinh"*``) so results come while typing, unless the
    query ends with a space, which says the last word is complete.
    """
    if not query:
        return None
    terms = query_terms(query)
    if not terms:
        return None
    prefix_last = not query[:MAX_QUERY_CHARS][-1].isspace()
    pieces = [_fts_string(" ".join(parts)) for parts in terms]
    if prefix_last:
        pieces[-1] += "*"
    return " ".join(pieces)


def build_phrase(query: str | None) -> str | None:
    """The query's words side by side, in order, as one FTS5 phrase (the last a prefix, as in
    ``build_match``): what ranks an exact wording above the same words scattered. None for a
    one-word query (the phrase would be the match itself)."""
    if not query:
        return None
    terms = query_terms(query)
    if sum(len(parts) for parts in terms) < 2:
        return None
    phrase = _fts_string(" ".join(token for parts in terms for token in parts))
    return phrase + "*" if not query[:MAX_QUERY_CHARS][-1].isspace() else phrase


#: How many other words may stand between the query's words for them to count as "near".
NEAR_WORDS = 6


def build_near(match: str, query: str) -> str | None:
    """``match`` (``build_match``'s) with the words close together, in any order
    (``NEAR(…, NEAR_WORDS)``): ranks "Đề án 06 về dữ liệu dân cư" above a text where the same
    words lie paragraphs apart. None for a one-word query."""
    if len(query_terms(query)) < 2:
        return None
    return f"NEAR({match}, {NEAR_WORDS})"
