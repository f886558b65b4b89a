"""Item histories a normal sync brings (issue 19): the store side.

The report (returns, take-downs with their reasons, every pass of each step) and the exports
(the whole trail with comments) read ``versions``. An item whose step records show a return, a
rejection, a withdrawal or a take-down has a history its step records cannot tell (they keep the
last of each kind), so a sync fetches it; every other item passed each step once, and its step
records are its history.
"""

from __future__ import annotations

from typing import Any

from desktop.store.base import StoreBase, dump

#: The step records that say an item's history holds more than its last pass of each step.
EVENTFUL_STEPS = ("return", "reject", "withdraw", "take_down")

_EVENTFUL = " OR ".join(
    f"json_extract(s.json, '$.steps.{key}') IS NOT NULL" for key in EVENTFUL_STEPS
)
_BEHIND = (
    f"SELECT s.id FROM server_items s WHERE ({_EVENTFUL}) AND s.version > coalesce("
    "(SELECT max(v.version) FROM versions v WHERE v.item_id = s.id), 0)"
)


class HistorySide(StoreBase):
    def histories_behind(self, among: list[str] | None = None) -> list[str]:
        """Items with an eventful history whose stored versions stop before their version:
        among ``among`` (the items a sync moved: cheap), or every item (once, after an
        upgrade: reading each item's JSON takes ~0.2 s at 10,000 items)."""
        if among is None:
            rows = self.conn.execute(_BEHIND + " ORDER BY s.updated_at DESC, s.id").fetchall()
        else:
            rows = self.conn.execute(
                _BEHIND + " AND s.id IN (SELECT value FROM json_each(?)) ORDER BY s.id",
                [dump(sorted(set(among)))],
            ).fetchall()
        return [str(r[0]) for r in rows]

    def add_versions(self, item_id: str, versions: list[dict[str, Any]]) -> None:
        """Store versions not held yet (a version never changes; a fuller copy, with the item
        as it was, fetched by the item page, is kept)."""
        with self.transaction():
            for version in versions:
                self.conn.execute(
                    "INSERT OR IGNORE INTO versions (item_id, version, json) VALUES (?, ?, ?)",
                    [item_id, version["version"], dump(version)],
                )
