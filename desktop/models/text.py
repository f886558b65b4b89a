"""Vietnamese text rules (BD-10, AG-9): everything is Unicode NFC (TCVN 6909:2001 in practice)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def _unwanted() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Control characters but tab and newlines, lone surrogates, and Unicode non-characters.

    The non-characters are U+FDD0–U+FDEF and the last two code points of every plane (U+FFFE,
    U+FFFF, U+1FFFE, … U+10FFFF). XML 1.0 allows none of these (nor the surrogates), so one of
    them in a published title would make the Atom feed unreadable for every subscriber.

    Two patterns: those of the Basic Multilingual Plane, and those beyond it. One class holding
    both scanned a 3 KB Vietnamese body in 280 µs, against 17 µs for the first alone: the
    second is only used on text that has a character beyond the BMP (:data:`_BEYOND_BMP`).
    """
    bmp = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    beyond = [
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    ]
    return re.compile(bmp), re.compile("[" + "".join(beyond) + "]")


_UNWANTED_BMP, _UNWANTED_BEYOND = _unwanted()
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters :func:`nfc` drops, and not normalised otherwise."""
    text = _UNWANTED_BMP.sub("", text)
    if _BEYOND_BMP.search(text) is not None:
        text = _UNWANTED_BEYOND.sub("", text)
    return text


def nfc(text: str) -> str:
    """Normalise to NFC and drop what no text needs and XML cannot hold (see :func:`_unwanted`):
    control characters other than tab and newlines, lone surrogates, non-characters.

    NFD text (as macOS and some old editors produce) would otherwise never match NFC queries.
    """
    return clean_text(unicodedata.normalize("NFC", text))


def nfc_deep(value: Any) -> Any:
    """NFC every string inside nested dicts and lists (metadata, front matter)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {nfc(str(k)): nfc_deep(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [nfc_deep(v) for v in value]
    return value


def fold(text: str) -> str:
    """Fold for search and slugs: NFC, ``đ→d``, ``Đ→D``, then strip every combining mark.

    FTS5's ``remove_diacritics 2`` removes tone marks but never folds ``đ`` (platform-notes.md).
    """
    text = nfc(text).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def slugify(text: str, max_length: int = 80) -> str:
    """An ASCII URL slug from a Vietnamese title: ``Quyết định số 12`` → ``quyet-dinh-so-12``.

    Never empty, never starts or ends with ``-`` and never holds ``--``.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return slug[:max_length].rstrip("-") or "tin"


_CANONICAL_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def item_slug(title: str, item_id: str, max_length: int = 60) -> str:
    """A published item's address, unique by construction: the title's slug, then the whole id.

    ``Quyết định số 12`` with id ``1b4e28ba-2fa1-…`` → ``quyet-dinh-so-12-1b4e28ba2fa1…`` (the
    UUID's 32 hex digits). Any other id follows ``--`` as it is (ids are letters, digits, ``-``
    and ``_``, starting with a letter or digit). A title slug never holds ``--``, so the id can
    always be read back from the slug: two items never get the same one, however alike their
    titles. (The first version used only the id's first 8 characters, and two items sharing
    them with titles that fold alike collided.) Neither form can equal a slug of that first
    version, which ends in ``-`` and 8 hex digits.
    """
    stem = slugify(title, max_length)
    if _CANONICAL_UUID.match(item_id):
        return f"{stem}-{item_id.replace('-', '')}"
    return f"{stem}--{item_id}"
