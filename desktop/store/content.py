"""Item content in its JSON form: validation, defaults and the merged view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any

from desktop.models import CONTENT_FIELDS, Item, Source

#: (base, mine, theirs) content → (merged content, fields that could not be merged).
MergeFn = Callable[
    [dict[str, Any], dict[str, Any], dict[str, Any]], tuple[dict[str, Any], list[str]]
]


_DEFAULTS = Item(id="-", site="-").content()


def empty_content() -> dict[str, Any]:
    """The content of a brand-new item: the base of a create."""
    return dict(_DEFAULTS)


def to_json_value(value: Any) -> Any:
    """Model values (Source, dates, enums, tuples) in their JSON form, also inside the section's
    fields (a date read from YAML front matter: ``ngay: 2026-12-15``); JSON values as they are."""
    if isinstance(value, Source):
        return value.to_dict()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    return value


def canonical_content(base: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``base`` with ``changes`` applied, validated and normalised (NFC); raises ModelError."""
    merged = {**base, **{k: to_json_value(v) for k, v in changes.items()}}
    return Item.from_dict({"id": "-", "site": "-", **merged}).content()


def content_of(item_json: Mapping[str, Any]) -> dict[str, Any]:
    """The content fields of an item's JSON form, defaults for any left out."""
    return {name: item_json.get(name, _DEFAULTS[name]) for name in CONTENT_FIELDS}


def changed_fields(base: Mapping[str, Any], mine: Mapping[str, Any]) -> dict[str, Any]:
    return {name: mine[name] for name in CONTENT_FIELDS if mine.get(name) != base.get(name)}
