"""What the item page shows of an item's past: version numbers as people count them (handovers,
not saves), one version's content, the names of the history's actions, and the content fields the
editor compares with the item."""

from __future__ import annotations

from typing import Any

from desktop.models import Action, Item
from desktop.ui import labels
from desktop.ui.services import ItemService

# The changes tab: the item as the portal shows it, with its marks (issue 16).
CHANGES_CSS = """
body { font-family: 'Noto Serif', 'DejaVu Serif', serif; line-height: 1.5; }
h1 { font-size: 150%; } h2 { font-size: 130%; } h3 { font-size: 115%; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 3px 6px; }
"""


def changes_html(base: dict[str, Any], item: Item, language: str) -> tuple[str, str]:
    """The changes tab: its one-line summary and the item as the portal shows it, with the
    words added and removed since ``base`` marked (issue 16)."""
    from desktop.content.track_changes import text_changes, track_changes

    title = text_changes(str(base.get("title") or ""), item.title)
    summary = text_changes(str(base.get("summary") or ""), item.summary)
    body = track_changes(str(base.get("body") or ""), item.body)
    total = body
    total.add(title)
    total.add(summary)
    parts = [f"<h1>{title.html}</h1>"]
    if item.summary or base.get("summary"):
        parts.append(f'<p class="summary"><b>{summary.html}</b></p>')
    parts.append(body.html)
    page = f"<html><head><style>{CHANGES_CSS}</style></head><body>{''.join(parts)}</body></html>"
    return total.summary(language), page


def handovers(items: ItemService, item_id: str, item: Item | None) -> Any:
    """Version numbers as people count them: handovers (submit, forward…), not saves."""
    from desktop.content.track_changes import handover_numbers

    try:
        versions = items.versions(item_id)
    except Exception:
        versions = []
    if versions:
        return handover_numbers((v.version, v.action) for v in versions)
    steps = item.steps if item is not None else {}
    return handover_numbers((record.version, name) for name, record in steps.items())


def version_content(items: ItemService, item_id: str, number: int) -> dict[str, Any] | None:
    """Version ``number``'s content, when it is on this computer."""
    try:
        versions = items.versions(item_id)
    except Exception:
        return None
    for version in versions:
        if version.version == number:
            return version.item
    return None


def content_json(item: Item) -> dict[str, Any]:
    """The fields the editor holds, in their JSON form: what it compares with the item."""
    data = item.content()
    return {
        "title": data["title"],
        "summary": data["summary"],
        "body": data["body"],
        "category": data["category"],
        "origin": data["origin"],
        "source": data["source"],
        "author": data["author"],
        "language": data["language"],
        "metadata": data["metadata"],  # issue 6: the section's fields, unit, trigger date
        "unit": data["unit"],
        "trigger_date": data["trigger_date"],
    }


def action_name(action: str) -> str:
    """A history row's action in the person's language."""
    if not action:
        return ""
    if action in Action._value2member_map_:
        return labels.action_name(action)
    from PySide6.QtCore import QCoreApplication

    names = {
        "create": QCoreApplication.translate("ItemPage", "Created"),
        "update": QCoreApplication.translate("ItemPage", "Changed the content"),
        "edit": QCoreApplication.translate("ItemPage", "Changed the content"),
    }
    return names.get(action, action)
