"""Three-way merge of item content: per field, and text fields line by line with merge3.

base is the portal copy the local edit started from, mine the working copy, theirs the portal's
current copy. A field changed on one side only takes that side; a text field changed on both is
merged line by line; anything else changed differently on both sides is a conflict, for which
the result keeps *mine* (the conflict record keeps all three, so nothing is lost).
"""

from __future__ import annotations

from typing import Any

import merge3

from desktop.models import CONTENT_FIELDS, TEXT_FIELDS


def merge_text(base: str, mine: str, theirs: str) -> str | None:
    """Merge line by line; None when both sides changed the same lines differently."""
    lines = [_lines(text) for text in (base, mine, theirs)]
    m3 = merge3.Merge3(lines[0], lines[1], lines[2])
    merged: list[str] = []
    for group in m3.merge_groups():
        kind = group[0]
        if kind == "conflict":
            return None
        merged.extend(group[1])
    text = "".join(merged)
    return _restore_end(text, base, mine, theirs)


def _lines(text: str) -> list[str]:
    """Lines with their ends; the last line always ends with a newline so that an edit of the
    last line and an append after it are different lines, not one."""
    return (text if text.endswith("\n") or not text else text + "\n").splitlines(keepends=True)


def _restore_end(merged: str, base: str, mine: str, theirs: str) -> str:
    """Keep the trailing newline as the side that changed it left it."""
    if mine.endswith("\n") != base.endswith("\n"):
        want = mine.endswith("\n")
    elif theirs.endswith("\n") != base.endswith("\n"):
        want = theirs.endswith("\n")
    else:
        want = base.endswith("\n")
    if not want and merged.endswith("\n"):
        return merged[:-1]
    return merged


def merge_field(name: str, base: Any, mine: Any, theirs: Any) -> tuple[Any, bool]:
    """(value, clean) for one content field."""
    if mine == theirs:
        return mine, True
    if mine == base:
        return theirs, True
    if theirs == base:
        return mine, True
    if name in TEXT_FIELDS and all(isinstance(v, str) for v in (base, mine, theirs)):
        merged = merge_text(base, mine, theirs)
        if merged is not None:
            return merged, True
    if name == "metadata" and all(isinstance(v, dict) for v in (base, mine, theirs)):
        return _merge_mapping(base, mine, theirs)
    return mine, False


def _merge_mapping(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], bool]:
    missing = object()
    result: dict[str, Any] = {}
    clean = True
    for key in sorted(set(base) | set(mine) | set(theirs)):
        b, m, t = base.get(key, missing), mine.get(key, missing), theirs.get(key, missing)
        if m == t or t == b:
            value = m
        elif m == b:
            value = t
        else:
            value, clean = m, False
        if value is not missing:
            result[key] = value
    return result, clean


def merge_content(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The merged content and the fields that conflict (empty: a clean merge)."""
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for name in CONTENT_FIELDS:
        value, clean = merge_field(name, base.get(name), mine.get(name), theirs.get(name))
        merged[name] = value
        if not clean:
            conflicts.append(name)
    return merged, conflicts


def conflict_text(base: str, mine: str, theirs: str) -> str:
    """The text with conflict markers, for a user merging by hand (``conflicts show``)."""
    m3 = merge3.Merge3(_lines(base), _lines(mine), _lines(theirs))
    return "".join(
        m3.merge_lines(
            name_a="của tôi / mine", name_b="của người khác / theirs", name_base="gốc / base"
        )
    )
