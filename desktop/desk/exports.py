"""What an export needs from the store besides the item: its section, people's names, its due
date, its translations (BD-14.1.c, AG-9.3). The formatting is ``desktop.content.export``'s."""

from __future__ import annotations

from typing import Any

from desktop.content.export import ExportContext, TrailRow
from desktop.desk.deadlines import Deadlines
from desktop.models import Item
from desktop.models.clock import zone_named
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
    history = trail_of(store, item)
    downs = [row.comment for row in history if row.step == "take_down"]
    return ExportContext(
        category=category,
        people={k: v for k, v in people.items() if v},
        due_date=format_vn_date(due) if due else "",
        reason=downs[-1] if downs and item.state.value == "taken_down" else "",
        translations=translations,
        history=tuple(history),
        zone=site_zone(store, item.site),
    )


def site_zone(store: Any, site: str) -> Any:
    """The site's time zone from the synced directory (Vietnam's when it names none)."""
    info = ((store.me() or {}).get("sites") or {}).get(site) or {}
    settings = info.get("settings") if isinstance(info, dict) else None
    return zone_named(str((settings or {}).get("time_zone") or ""))


def trail_of(store: Any, item: Item) -> list[TrailRow]:
    """Every action of the item's stored history in order (a run of saves by one person is one
    row); empty when the store holds no history for it."""
    rows: list[TrailRow] = []
    for version in store.versions(item.id):
        step = "created" if version.action == "create" else version.action
        if step == "update" and rows and rows[-1].step == "update" and rows[-1].by == version.actor:
            rows[-1] = TrailRow("update", version.actor, version.at, rows[-1].on_behalf_of)
            continue
        rows.append(
            TrailRow(step, version.actor, version.at, version.on_behalf_of or None, version.comment)
        )
    return rows


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
