"""The body as a word processor (issue 16): formatting from the toolbar, lists that continue on
Enter and indent with Tab, tables edited as tables, pictures with a caption and a description,
links, read-only that looks it; the stored body is Markdown all along."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from desktop.models import Item
from desktop.ui.widgets.editor import ItemEditor
from tests.ui.helpers import type_text


def make_editor(qtbot: Any, body: str = "") -> ItemEditor:
    editor = ItemEditor()
    qtbot.addWidget(editor)
    editor.load(Item(id="i1", site="demo", category="tin-tuc", title="Tin", body=body))
    editor.show()
    return editor


def saved_body(editor: ItemEditor) -> str:
    bodies: list[str] = []
    editor.save.connect(lambda content: bodies.append(content["body"]))
    editor.flush()  # sends the body when it changed since the last save
    return bodies[-1] if bodies else str(editor.content()["body"])


def press(editor: ItemEditor, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(editor.body, key, modifier)


def test_typing_never_shows_a_marker_and_saves_markdown(qtbot: Any) -> None:
    editor = make_editor(qtbot)
    editor.toolbar.style_box.setCurrentIndex(1)
    editor.toolbar.style_box.activated.emit(1)
    type_text(editor.body, "Kết quả\n")
    editor.toolbar.apply("bold")
    type_text(editor.body, "Quan trọng")
    editor.toolbar.apply("bold")
    type_text(editor.body, " và ")
    editor.toolbar.apply("italic")
    type_text(editor.body, "nghiêng")
    assert editor.body.toPlainText() == "Kết quả\nQuan trọng và nghiêng"
    assert saved_body(editor) == "# Kết quả\n\n**Quan trọng** và *nghiêng*"


def test_lists_continue_on_enter_and_indent_with_tab(qtbot: Any) -> None:
    editor = make_editor(qtbot)
    type_text(editor.body, "Các bước:\n- Đăng nhập\nChọn thủ tục")
    press(editor, Qt.Key.Key_Return)
    press(editor, Qt.Key.Key_Tab)
    type_text(editor.body, "điền tờ khai")
    press(editor, Qt.Key.Key_Return)
    press(editor, Qt.Key.Key_Backtab)
    type_text(editor.body, "Thanh toán")
    press(editor, Qt.Key.Key_Return)
    press(editor, Qt.Key.Key_Return)  # an empty item ends the list
    type_text(editor.body, "1. Một\nHai")
    assert "-" not in editor.body.toPlainText()
    assert saved_body(editor) == (
        "Các bước:\n\n- Đăng nhập\n- Chọn thủ tục\n    - điền tờ khai\n- Thanh toán\n\n"
        "1. Một\n2. Hai"
    )


def test_heading_then_enter_is_normal_text_and_quote(qtbot: Any) -> None:
    editor = make_editor(qtbot)
    editor.toolbar.apply("heading")
    type_text(editor.body, "Tiêu đề\nĐoạn văn")
    editor.toolbar.apply("quote")
    assert saved_body(editor) == "# Tiêu đề\n\n> Đoạn văn"
    editor.toolbar.apply("quote")
    editor.toolbar.apply("numbered")
    assert saved_body(editor) == "# Tiêu đề\n\n1. Đoạn văn"


def test_tables_are_edited_as_tables(qtbot: Any) -> None:
    editor = make_editor(qtbot)
    type_text(editor.body, "Bảng số liệu:")
    editor.toolbar.apply("insert_table")
    for text in ("Chỉ tiêu", "Kết quả", "Hồ sơ", "68%", "Thanh toán", "57%"):
        type_text(editor.body, text)
        press(editor, Qt.Key.Key_Tab)
    type_text(editor.body, "Tập huấn")  # Tab after the last cell added a row
    assert saved_body(editor) == (
        "Bảng số liệu:\n\n| Chỉ tiêu | Kết quả |\n|---|---|\n| Hồ sơ | 68% |\n"
        "| Thanh toán | 57% |\n| Tập huấn |  |"
    )
    editor.toolbar.apply("add_column_right")  # the cursor is in the first column
    editor.toolbar.apply("remove_row")
    body = saved_body(editor)
    assert "|---|---|---|" in body and "Tập huấn" not in body
    editor.body.setTextCursor(editor.body.tables()[0].cellAt(0, 0).firstCursorPosition())
    editor.toolbar.apply("remove_column")
    assert saved_body(editor).startswith("Bảng số liệu:\n\n|  | Kết quả |\n|---|---|")
    editor.toolbar.apply("remove_table")
    assert saved_body(editor) == "Bảng số liệu:"


def test_picture_caption_and_description(qtbot: Any) -> None:
    sha = "ab" * 32
    editor = make_editor(qtbot, f"Ảnh:\n\n![Hội nghị](/media/{sha})\n")
    cursor = QTextCursor(editor.body.document().findBlockByNumber(1))
    editor.body.set_caption_at(cursor, "Toàn cảnh hội nghị")
    editor.body.set_alt_text(QTextCursor(editor.body.document().findBlockByNumber(1)), "Hội trường")
    assert "Toàn cảnh hội nghị" in editor.body.toPlainText()
    assert saved_body(editor) == f'Ảnh:\n\n![Hội trường](/media/{sha} "Toàn cảnh hội nghị")\n'
    editor.load(Item(id="i1", site="demo", body=saved_body(editor)))
    assert "Toàn cảnh hội nghị" in editor.body.toPlainText()  # the caption is shown again


def test_link_from_the_toolbar(qtbot: Any) -> None:
    editor = make_editor(qtbot)
    type_text(editor.body, "Xem ")
    editor.toolbar.ask_url = lambda current: "https://dichvucong.gov.vn"
    editor.toolbar.apply("link")
    assert saved_body(editor) == "Xem [https://dichvucong.gov.vn](https://dichvucong.gov.vn)"


def test_loaded_body_is_given_back_untouched(qtbot: Any) -> None:
    text = "Một đoạn\nviết trên hai dòng.\n"  # not the writer's own form
    editor = make_editor(qtbot, text)
    assert editor.content()["body"] == text  # nothing typed: nothing rewritten
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor.body, " Thêm.")
    assert saved_body(editor) == "Một đoạn viết trên hai dòng. Thêm.\n"


def test_read_only_looks_read_only(qtbot: Any) -> None:
    editor = make_editor(qtbot, "Nội dung.")
    editor.set_read_only(True)
    assert editor.body.isReadOnly()
    assert not editor.toolbar.isVisible()
    assert editor.read_only_badge.isVisible()
    editor.set_read_only(False)
    assert editor.toolbar.isVisible() and not editor.read_only_badge.isVisible()
