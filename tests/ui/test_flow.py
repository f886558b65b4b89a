"""The whole three-step flow through the windows, by three demo accounts, against a real portal
on loopback: the member writes offline and submits, the deputy edits and forwards, the head
approves, and the item is on the public page; a return with a comment comes back to the member."""

from __future__ import annotations

from typing import Any

import httpx
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.models import Action, State
from desktop.ui.screens.queues import ApprovalQueueScreen
from tests.ui.helpers import People, Person, type_text

TITLE = "Hội nghị trực tuyến về chuyển đổi số"
BODY = "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị."


def count(person: Person, screen: str) -> int:
    return int(person.window.page(screen).count() or 0)


def write_item(desk: People, person: Person, title: str, body: str) -> str:
    window = person.window
    window.activateWindow()
    desk.qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    desk.run(window.task)  # the new draft is written, then opened
    page = window.item_page
    assert window.stack.currentWidget() is page
    type_text(page.editor.title, title)
    type_text(page.editor.body, body)
    desk.qtbot.waitUntil(lambda: not page.editor.pending(), timeout=3000)
    desk.run(person.desk.writer.drain())  # the saves as they typed, on the writer thread
    return page.item_id


def test_member_deputy_head_publish(desk: People, demo_portal: Any) -> None:
    member = desk.sign_in("thanhvien1")
    assert member.window.visible_screen_names() == [
        "my_items",
        "published",
        "questions",  # members answer citizens' questions too (issue 18)
        "taken_down",
        "search",
        "settings",
    ]
    desk.offline(member)
    desk.sync(member)
    assert member.sync.state.online is False
    assert member.window.online_label.text() == "Ngoại tuyến"

    drafts_before = count(member, "my_items")
    item_id = write_item(desk, member, TITLE, BODY)
    page = member.window.item_page
    saved = member.items.current(item_id)
    assert saved.title == TITLE and saved.body == BODY
    assert page.sync_label.text() == "Đã lưu trên máy này"
    assert count(member, "my_items") == drafts_before + 1

    QTest.keyClick(page.editor.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    desk.run(page.task)
    assert member.items.current(item_id).state is State.SUBMITTED
    assert page.steps.current_step() == 2
    desk.sync(member)  # still offline: everything waits in the outbox
    assert member.items.pending_count() >= 2
    assert "thao tác chờ gửi" in member.window.pending_label.text()

    desk.online(member)
    desk.sync(member)
    assert member.sync.state.online is True
    assert member.items.pending_count() == 0
    local = member.items.local(item_id)
    assert local.server is not None and local.server.state is State.SUBMITTED

    deputy = desk.sign_in("phoban")
    # the deputy edits by role and approves "Tin tức" by the head's grant (demo content)
    assert deputy.window.visible_screen_names()[:3] == ["my_items", "edit_queue", "approval_queue"]
    edit_queue = deputy.window.page("edit_queue")
    edit_queue.refresh()
    assert item_id in [row.id for row in edit_queue._rows]
    waiting_edit = count(deputy, "edit_queue")
    deputy.window.open_item(item_id)
    dpage = deputy.window.item_page
    assert not dpage.editor.body.isReadOnly()
    dpage.editor.body.moveCursor(dpage.editor.body.textCursor().MoveOperation.End)
    type_text(dpage.editor.body, " Đã biên tập.")
    assert set(dpage.action_buttons) >= {Action.FORWARD, Action.RETURN, Action.REJECT}
    assert dpage.do(Action.FORWARD)
    desk.run(dpage.task)
    desk.sync(deputy)
    assert deputy.items.local(item_id).server.state is State.EDITED
    assert count(deputy, "edit_queue") == waiting_edit - 1

    head = desk.sign_in("truongban")
    approval: ApprovalQueueScreen = head.window.page("approval_queue")  # type: ignore[assignment]
    head.window.show_screen("approval_queue")
    waiting_approval = count(head, "approval_queue")
    assert waiting_approval >= 1
    # the head opens it: the diff shows what the deputy added
    head.window.open_item(item_id)
    desk.run(head.window.item_page.history_task)
    changes = head.window.item_page.changes
    assert "Đã biên tập." in changes.toPlainText()
    assert "#c8f0cf" in changes.toHtml()  # the added words are highlighted
    head.window.back_to_list()
    rows = [r for r in range(approval.view.proxy.rowCount())]
    ids = [approval.view.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in rows]
    approval.view.table.selectRow(ids.index(item_id))
    asked: list[str] = []
    approval.ask = lambda _parent, _title, question: asked.append(question) or True
    approval.approve_selected()
    for task in approval.tasks:
        desk.run(task)
    assert asked and "1" in asked[0]
    assert head.items.current(item_id).state is State.PUBLISHED
    desk.sync(head)
    assert head.items.local(item_id).server.state is State.PUBLISHED
    assert count(head, "approval_queue") == waiting_approval - 1

    public = httpx.get(demo_portal.url + "/", timeout=10)
    assert TITLE in public.text

    desk.sync(member)
    assert member.items.local(item_id).server.state is State.PUBLISHED
    # the member's own timer may have synced earlier: the session's log holds every message
    assert f"Đã đăng: {TITLE}" in member.window.notification_log


def test_return_with_comment_reaches_the_member(desk: People) -> None:
    member = desk.sign_in("thanhvien2")
    item_id = write_item(
        desk, member, "Thông báo lịch tiếp công dân", "Lịch tiếp công dân tháng 12."
    )
    assert member.window.item_page.do(Action.SUBMIT)
    desk.run(member.window.item_page.task)
    desk.sync(member)

    deputy = desk.sign_in("phoban")
    before = count(deputy, "edit_queue")
    deputy.window.open_item(item_id)
    page = deputy.window.item_page
    page.ask_comment = lambda *_args: "Cần ghi rõ địa điểm tiếp công dân."
    assert page.do(Action.RETURN)
    desk.run(page.task)
    desk.sync(deputy)
    assert count(deputy, "edit_queue") == before - 1

    desk.sync(member)
    assert member.items.current(item_id).state is State.DRAFT
    assert any("Bị trả lại" in m for m in member.window.notification_log)
    member.window.open_item(item_id)
    page = member.window.item_page
    desk.run(page.history_task)
    history = page.history
    rows = [
        [history.item(r, c).text() for c in range(history.columnCount())]
        for r in range(history.rowCount())
    ]
    returned = [row for row in rows if row[3] == "Trả lại"]
    assert returned and "địa điểm tiếp công dân" in returned[0][4]
    assert page.editor.title.isReadOnly() is False  # back in the author's hands
