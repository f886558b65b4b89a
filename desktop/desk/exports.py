"""What an export needs from the store besides the item: its section, people's names, its due
date, its translations (BD-14.1.c, AG-9.3). The formatting is ``desktop.content.export``'s."""

from __future__ import annotations

from typing import Any

from desktop.content.export import ExportContext
from desktop.desk.deadlines import Deadlines
from desktop.models import Item
from desktop.models.fields import format_vn_date


def context_for(store: Any, item: Item, today: Any = None) -> ExportContext:
    """The export context from the client store: section, names, due date, translations."""
    deadlines = Deadlines(store, today)
    category = deadlines.category(item.site, item.category)
    people = {
        str(m.get("username")): str(m.get("name") or m.get("full_name") or "")
        for m in store.members(item.site)
        if m.get("username")
    }
    due = deadlines.due_date(item)
    translations = tuple(
        (t.language, t.title) for t in translations_of(store, item) if t.id != item.id
    )
    return ExportContext(
        category=category,
        people={k: v for k, v in people.items() if v},
        due_date=format_vn_date(due) if due else "",
        translations=translations,
    )


def translations_of(store: Any, item: Item) -> list[Item]:
    """The item's family: the original and every item that is a translation of it (AG-9.3)."""
    root = item.translation_of or item.id
    found: list[Item] = []
    for row in store.list_items(site=item.site):
        local = store.item(row.id)
        if local is None:
            continue
        other = local.current
        if other.id == root or other.translation_of == root:
            found.append(other)
    return sorted(found, key=lambda i: (i.translation_of is not None, i.language, i.id))
