"""Vietnamese text rules (BD-10, AG-9): everything is Unicode NFC (TCVN 6909:2001 in practice)."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def nfc(text: str) -> str:
    """Normalise to NFC and drop control characters other than tab and newlines.

    NFD text (as macOS and some old editors produce) would otherwise never match NFC queries.
    """
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


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
    """An ASCII URL slug from a Vietnamese title: ``Quyết định số 12`` → ``quyet-dinh-so-12``."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")
    return slug[:max_length].rstrip("-") or "tin"
