"""Which histories a sync fetches (issue 19): items whose step records show a return, a
rejection, a withdrawal or a take-down, while their stored history stops before their version;
stored versions are never replaced by a thinner copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.store import Store
from desktop.sync.merge import merge_content

AT = "2026-03-02T02:00:00+00:00"


def item(item_id: str, version: int, *steps: str) -> dict[str, Any]:
    return {
        "id": item_id,
        "site": "demo",
        "category": "tin-tuc",
        "title": f"Tin {item_id}",
        "body": "",
        "state": "published",
        "version": version,
        "created_by": "thanhvien1",
        "created_at": AT,
        "updated_at": AT,
        "state_since": AT,
        "steps": {key: {"by": "x", "at": AT, "version": 2} for key in steps},
    }


def test_only_eventful_items_lacking_their_history_are_asked_for(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        items = [
            item("plain", 4, "submit", "edit", "approve"),  # one pass each: steps are enough
            item("returned", 6, "submit", "return", "edit", "approve"),
            item("down", 5, "submit", "edit", "approve", "take_down"),
            item("rejected", 3, "submit", "reject"),
            item("withdrawn", 3, "submit", "withdraw"),
        ]
        store.apply_changes([{"kind": "item", "item": i} for i in items], "c1", merge_content)
        assert set(store.histories_behind()) == {"returned", "down", "rejected", "withdrawn"}
        assert store.histories_behind(["plain", "down", "nowhere"]) == ["down"]

        versions = [{"version": n, "action": "x", "at": AT} for n in range(1, 6)]
        store.add_versions("down", versions)  # up to its version 5: done
        store.add_versions("returned", versions)  # stops at 5 of 6: still behind
        assert set(store.histories_behind()) == {"returned", "rejected", "withdrawn"}
        assert store.histories_behind(["down", "returned"]) == ["returned"]

        fuller = {"version": 1, "action": "x", "at": AT, "item": {"title": "then"}}
        store.set_versions("rejected", [fuller])  # the item page's copy, with the content
        store.add_versions("rejected", [{"version": 1, "action": "x", "at": AT}])
        assert store.versions("rejected")[0].item == {"title": "then"}
