"""The app guides each person through their step (issue 17): it opens where their work is, asks
before what cannot be undone, says why an item came back, and leaves nothing behind that nobody
wrote. Real people on the demo portal, their encrypted stores, offscreen windows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.models import Action, State
from desktop.ui.widgets.queue import ID_ROLE
from tests.ui.helpers import People, type_text

RETURNED = "Đề tài cấp tỉnh “Nghiên cứu xây dựng mô hình canh tác lúa"  # demo item 10


def find(person: Any, title_start: str, state: State | None = None) -> str:
    for row in person.desk.rows():
        if row.title.startswith(title_start) and (state is None or row.state == state.value):
            return str(row.id)
    raise AssertionError(title_start)


def waiting_in(person: Any, state: State) -> str:
    return next(str(r.id) for r in person.desk.rows() if r.state == state.value)


def ids(person: Any) -> set[str]:
    return {row.id for row in person.desk.rows()}


def test_each_person_lands_where_their_work_is(desk: People) -> None:
    member, deputy, head = (desk.sign_in(u) for u in ("thanhvien1", "phoban", "truongban"))
    assert member.window.current_screen_name() == "my_items"
    assert deputy.window.current_screen_name() == "edit_queue"
    assert head.window.current_screen_name() == "approval_queue"
    # the navigation counts the waiting work, in words
    nav = deputy.window.nav
    labels = [nav.item(row).text() for row in range(nav.count())]
    assert any(label.startswith("Chờ biên tập (") and "đang chờ" in label for label in labels)
    # the window is named after the portal the person works on
    assert head.window.windowTitle().startswith("Cổng Thông tin điện tử tỉnh Hòa Bình An")


def test_approving_asks_first_and_a_no_changes_nothing(desk: People) -> None:
    head = desk.sign_in("truongban")
    item_id = waiting_in(head, State.EDITED)
    page = head.window.item_page
    head.window.open_item(item_id)
    asked: list[str] = []
    page.confirm = lambda _parent, _title, question: asked.append(question) or False
    before = head.desk.pending_count()
    assert not page.do(Action.APPROVE)
    assert len(asked) == 1 and head.desk.item(item_id).title in asked[0]
    assert head.desk.pending_count() == before
    assert head.desk.item(item_id).state is State.EDITED

    page.confirm = lambda *_: True
    assert page.do(Action.APPROVE)
    desk.run(page.task)
    assert head.desk.item(item_id).state is State.PUBLISHED
    assert head.desk.pending_count() == before + 1


def test_a_returned_item_says_who_returned_it_and_why(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    item_id = find(member, RETURNED, State.DRAFT)
    member.window.open_item(item_id)
    notice = member.window.item_page.notice
    assert notice.isVisible()
    text = notice.text()
    assert "Trả lại" in text or "trả lại" in text
    assert "Đề nghị bổ sung kinh phí" in text  # the deputy's reason, in the page's banner
    assert not member.window.item_page.notice_button.isVisible()  # no conflict to resolve


def test_a_draft_is_deleted_by_key_and_menu_after_asking(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    window = member.window
    made = [
        member.desk.store.create_draft("demo", "tin-tuc", "thanhvien1", title=t).id
        for t in ("Bản nháp bỏ đi một", "Bản nháp bỏ đi hai")
    ]
    window.show_screen("my_items")
    screen = window.screens["my_items"]
    screen.refresh()
    asked: list[str] = []
    screen.ask = lambda _parent, _title, question: asked.append(question) or True
    view = screen.view

    def select(item_id: str) -> None:
        for row in range(view.model.rowCount()):
            if view.model.index(row, 0).data(ID_ROLE) == item_id:
                view.table.selectRow(row)
                return
        raise AssertionError(item_id)

    select(made[0])
    QApplication.sendEvent(
        view.table,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
    )
    desk.run(screen.task)
    assert member.desk.item(made[0]) is None and "Bản nháp bỏ đi một" in asked[0]

    screen.refresh()
    select(made[1])
    rect = view.table.visualRect(view.table.selectionModel().selectedRows()[0])
    view._context_menu(rect.center())
    [delete] = [a for a in view.menu.actions() if a.text().startswith("Xóa bản nháp")]
    delete.trigger()
    desk.run(screen.task)
    assert member.desk.item(made[1]) is None and len(asked) == 2

    # a submitted item offers no deletion, by key or menu
    submitted = waiting_in(member, State.SUBMITTED)
    assert not view.can_delete(submitted)


def test_a_new_item_left_empty_leaves_nothing_and_reading_sends_nothing(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    window = member.window
    before = ids(member)
    pending = member.desk.pending_count()
    desk.run(window.new_item())
    page = window.item_page
    assert page.fresh and page.item_id not in before
    QTest.keyClick(page.editor.title, Qt.Key.Key_Escape)  # Ctrl+N, then Esc
    if page.task is not None:
        desk.run(page.task)
    assert ids(member) == before
    assert member.desk.pending_count() == pending

    # opening a draft to read it and leaving is not a change
    draft = find(member, RETURNED, State.DRAFT)
    version = member.desk.item(draft).version
    window.open_item(draft)
    page.leave()
    assert member.desk.pending_count() == pending
    assert member.desk.item(draft).version == version

    # a new item with a word typed in it stays
    desk.run(window.new_item())
    fresh = page.item_id
    type_text(page.editor.title, "Tin có chữ")
    page.leave()  # saves what was typed at once
    desk.run(member.desk.writer.drain())
    assert member.desk.item(fresh) is not None
    assert member.desk.item(fresh).title == "Tin có chữ"
