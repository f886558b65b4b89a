"""The day-before reminder (BD-13, AG-12): items due by the next working day that wait for me."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from desktop.ui.services import QueueRow
from tests.ui.helpers import People


def row(item_id: str, state: str, created_by: str, due_status: str) -> QueueRow:
    return QueueRow(
        id=item_id,
        title=f"Tin {item_id}",
        category="van-ban",
        author="",
        state=state,
        state_since=None,
        created_by=created_by,
        due="",
        due_iso="2026-02-24",
        due_status=due_status,
    )


def test_reminds_once_a_day_of_what_waits_for_me(
    desk: People, monkeypatch: pytest.MonkeyPatch
) -> None:
    # thanhvien2 edits news through a grant (step 2), and approves nothing (step 3).
    window: Any = desk.sign_in("thanhvien2").window
    rows = [
        row("a", "submitted", "thanhvien1", "due_soon"),  # in my queue (step 2): remind
        row("b", "submitted", "thanhvien1", "late"),  # late shows red in the queue, no reminder
        row("c", "edited", "thanhvien1", "due_soon"),  # step 3 is not mine
        row("d", "draft", "thanhvien2", "due_soon"),  # my own draft: remind
    ]
    monkeypatch.setattr(window.items, "rows", lambda *args, **kwargs: rows)
    messages = window.notify_changes()
    reminders = [m for m in messages if "24/02/2026" in m]
    assert reminders == ["Đến hạn 24/02/2026: Tin a", "Đến hạn 24/02/2026: Tin d"]
    assert window.notify_changes() == []  # once per item per day
    rows.append(replace(rows[0], id="e", title="Tin e"))
    later = window.notify_changes()  # e is new in my queue, and due: both are said
    assert [m for m in later if m.startswith("Đến hạn")] == ["Đến hạn 24/02/2026: Tin e"]


def test_about_box_shows_the_version(desk: People) -> None:
    from desktop import __version__

    window: Any = desk.sign_in("thanhvien1").window
    text = window.about_text()
    assert __version__ in text and "Bàn biên tập" in text
