"""Two editors change the same sentence: the second sees both versions side by side and
chooses; nothing is discarded before that choice."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog

from desktop.models import State
from tests.ui.helpers import People

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def submitted_item(person: Any) -> str:
    rows = person.items.rows(states=[State.SUBMITTED.value])
    assert rows, "the demo has items waiting for step 2"
    return rows[0].id


def edit_body(desk: People, person: Any, item_id: str, old: str, new: str) -> None:
    body = person.items.current(item_id).body
    assert old in body
    desk.run(person.items.save(item_id, body=body.replace(old, new, 1)))


def make_conflict(desk: People) -> tuple[Any, Any, str]:
    deputy = desk.sign_in("phoban")
    head = desk.sign_in("truongban")
    item_id = submitted_item(deputy)
    first_line = deputy.items.current(item_id).body.split("\n")[0]
    edit_body(desk, deputy, item_id, first_line, "Bản của phó ban: " + first_line)
    edit_body(desk, head, item_id, first_line, "Bản của trưởng ban: " + first_line)
    desk.sync(deputy)
    desk.sync(head)
    assert head.items.sync_status(item_id) == "conflict"
    return deputy, head, item_id


def test_conflict_shown_side_by_side_and_kept_mine(desk: People, translations: Any) -> None:
    deputy, head, item_id = make_conflict(desk)
    window = head.window
    assert "conflicts" in window.visible_screen_names()
    window.show_screen("conflicts")
    screen = window.page("conflicts")
    assert screen.list.count() == 1
    assert "Bản của trưởng ban" in screen.mine.toPlainText()
    assert "Bản của phó ban" in screen.theirs.toPlainText()
    assert "background-color" in screen.mine.toHtml()  # differences are marked
    if os.environ.get("WRITE_SCREENSHOTS") == "1":
        for language in ("vi", "en"):
            translations.switch(language)
            window.grab().save(str(SHOTS / f"{language}-head-conflicts.png"))
        translations.switch("vi")
    screen.resolve("mine")
    desk.run(screen.task)
    assert "conflicts" not in window.visible_screen_names()
    desk.sync(head)
    desk.sync(deputy)
    assert "Bản của trưởng ban" in deputy.items.current(item_id).body


def test_conflict_merged_by_hand(desk: People) -> None:
    _deputy, head, item_id = make_conflict(desk)
    screen = head.window.page("conflicts")
    head.window.show_screen("conflicts")

    class Merge:
        def __init__(self, conflict: Any, _parent: Any) -> None:
            self.conflict = conflict

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

        def merged(self) -> dict[str, str]:
            body = self.conflict.mine["body"].replace("Bản của trưởng ban: ", "Bản gộp: ", 1)
            return {"body": body}

    screen.merge_dialog = Merge
    screen.edit_merge()
    desk.run(screen.task)
    assert head.items.current(item_id).body.startswith("Bản gộp: ")
    assert head.items.sync_status(item_id) == "pending"
