"""Settings are declared once with types and defaults; shortcuts reach the frequent actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from desktop.ui import settings as options
from desktop.ui.settings import Settings
from tests.ui.helpers import People, type_text


def test_defaults_types_and_bad_values(tmp_path: Any) -> None:
    backend = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings = Settings(backend)
    assert settings.get(options.LANGUAGE) == "vi"
    assert settings.get(options.SYNC_INTERVAL) == 60
    changed: list[str] = []
    settings.changed.connect(changed.append)
    settings.set(options.FONT_SIZE, 14)
    assert (
        Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)).get(
            options.FONT_SIZE
        )
        == 14
    )
    assert changed == [options.FONT_SIZE.key]
    backend.setValue(options.SYNC_INTERVAL.key, "not a number")
    backend.setValue(options.LANGUAGE.key, "klingon")
    backend.setValue(options.FONT_SIZE.key, 400)
    assert settings.get(options.SYNC_INTERVAL) == 60
    assert settings.get(options.LANGUAGE) == "vi"
    assert settings.get(options.FONT_SIZE) == 10
    assert not any("password" in s.key or "token" in s.key for s in options.ALL)


def test_shortcuts(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    window = member.window
    window.activateWindow()
    desk.qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.show_screen("my_items")
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.page("my_items").view.filter.hasFocus()
    type_text(window.page("my_items").view.filter, "tap huan")  # without tone marks
    proxy = window.page("my_items").view.proxy
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data().startswith("Tập huấn")

    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    desk.run(window.task)
    page = window.item_page
    type_text(page.editor.title, "Tiêu đề")
    assert page.editor.pending()
    QTest.keyClick(page.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.editor.pending()
    desk.run(member.desk.writer.drain())
    assert member.items.current(page.item_id).title == "Tiêu đề"

    pending = member.items.pending_count()
    assert pending > 0
    QTest.keyClick(window, Qt.Key.Key_F5)
    task = member.sync.requested
    assert task is not None
    desk.run(task)
    assert member.items.pending_count() == 0
    assert member.items.sync_status(page.item_id) == "synced"


def test_repost_without_source_says_why(desk: People) -> None:
    member = desk.sign_in("thanhvien2")
    window = member.window
    desk.run(window.new_item())
    editor = window.item_page.editor
    type_text(editor.title, "Tin đăng lại")
    type_text(editor.body, "Nội dung.")
    editor.origin.setCurrentIndex(editor.origin.findData("repost"))
    editor.flush()
    assert "nguồn tin" in editor.problems.text()
    assert "tác giả" in editor.problems.text()
    submit = window.item_page.action_buttons
    assert not submit[next(iter(submit))].isEnabled()
    type_text(editor.source_name, "Báo Nhân Dân")
    type_text(editor.author, "Phóng viên")
    editor.flush()
    desk.run(member.desk.writer.drain())
    assert editor.problems.text() == "Đủ thông tin để gửi biên tập."
    assert window.item_page.main_action() is not None


def test_formatting_toolbar(desk: People) -> None:
    """The toolbar formats the text (issue 16): the person sees bold and a table, never ** or
    pipes; the stored Markdown has them, and the preview (a switch, off at first) renders them."""
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    editor = member.window.item_page.editor
    type_text(editor.body, "quan trọng")
    editor.body.selectAll()
    editor.toolbar.apply("bold")
    assert editor.body.toPlainText() == "quan trọng"
    assert editor.content()["body"] == "**quan trọng**"
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    editor.toolbar.apply("table")
    assert editor.body.textCursor().currentTable() is not None
    assert "|" not in editor.body.toPlainText()
    assert "|---|---|" in editor.content()["body"]
    assert not editor.preview_box.isVisibleTo(editor)
    editor.toolbar.actions_by_name["preview"].trigger()
    assert editor.preview_box.isVisibleTo(editor)
    assert "<strong>quan trọng</strong>" in editor.preview.toHtml() or "font-weight" in (
        editor.preview.toHtml()
    )
    assert "<table" in editor.preview.toHtml()
