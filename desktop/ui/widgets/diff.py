"""Added and removed text, marked, for the conflicts screen's two columns.

The review of what the previous step changed is ``desktop.content.track_changes``; difflib on
words is enough for display; the real three-way merge lives in desktop/sync.
"""

from __future__ import annotations

import difflib
import html
import re

_TOKEN = re.compile(r"\s+|[^\s]+")

ADDED_STYLE = "background-color:#c8f0cf;color:#0b3d14;text-decoration:none;"
REMOVED_STYLE = "background-color:#f8cdd0;color:#5c0a10;text-decoration:line-through;"


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _escape(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def one_side_html(mine: str, theirs: str, side: str) -> str:
    """One column of a side-by-side view: only this side's differing words are marked."""
    a, b = _tokens(mine), _tokens(theirs)
    own = a if side == "mine" else b
    style = REMOVED_STYLE.replace("line-through", "none") if side == "mine" else ADDED_STYLE
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        lo, hi = (i1, i2) if side == "mine" else (j1, j2)
        chunk = _escape("".join(own[lo:hi]))
        if op == "equal" or not chunk:
            parts.append(chunk)
        else:
            parts.append(f'<span style="{style}">{chunk}</span>')
    return "".join(parts)


def changed(old: str, new: str) -> bool:
    return old != new
