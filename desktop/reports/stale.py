"""Which sections that must stay current have gone quiet (BD-13.1, AG-12.1.a), from the store.

A section's last change is the day its newest published item went on the site (the item's
``state_since`` while it is published), in the site's days, read from an index alone (store
migration 6); the rule itself is ``desktop.models.currency``.
"""

from __future__ import annotations

from datetime import date, timezone
from typing import Any

from desktop.models.categories import Category
from desktop.models.clock import VIETNAM
from desktop.models.currency import StaleSection, stale_after_days, stale_sections
from desktop.reports.period import parse_time


def last_published(store: Any, site: str, zone: timezone = VIETNAM) -> dict[str, date]:
    """Each category's last publication day on ``site`` (the site's zone)."""
    rows = store.conn.execute(
        "SELECT category, max(state_since) FROM server_items "
        "WHERE site = ? AND state = 'published' GROUP BY category",
        [site],
    ).fetchall()
    found: dict[str, date] = {}
    for category, moment in rows:
        at = parse_time(moment)
        if at is not None:
            found[str(category)] = at.astimezone(zone).date()
    return found


def site_settings(store: Any, site: str) -> dict[str, Any]:
    """The site's settings as the last directory sync brought them (``me``)."""
    me = store.me() or {}
    info = (me.get("sites") or {}).get(site) or {}
    settings = info.get("settings") if isinstance(info, dict) else None
    return settings if isinstance(settings, dict) else {}


def stale_of_site(
    store: Any, site: str, today: date, zone: timezone = VIETNAM
) -> list[StaleSection]:
    """The site's sections to keep current that have not changed for longer than its setting."""
    categories = []
    for raw in store.categories(site):
        try:
            categories.append(Category.from_dict(raw))
        except (KeyError, ValueError, TypeError):
            continue
    days = stale_after_days(site_settings(store, site))
    return stale_sections(categories, last_published(store, site, zone), today, days)
