"""Pasting TCVN3/VNI text into the editor converts it, says so, and can be undone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop.models.legacy import to_legacy
from desktop.ui.widgets.editor import ItemEditor

SENTENCE = "Quyết định số 12 của ủy ban nhân dân tỉnh về việc ban hành quy chế"


@pytest.fixture
def editor(qtbot: Any, translations: Any) -> ItemEditor:
    widget = ItemEditor()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def paste(widget: Any, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_paste_is_converted_and_undone(editor: ItemEditor, encoding: str) -> None:
    legacy = to_legacy(SENTENCE, encoding)
    editor.body.setPlainText("Mở đầu. ")
    cursor = editor.body.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.body.setTextCursor(cursor)
    paste(editor.body, legacy)
    assert editor.body.toPlainText() == "Mở đầu. " + SENTENCE
    bar = editor.paste_bar
    assert bar.isVisible()
    assert "Đã chuyển" in bar.message.text() and encoding.upper() in bar.message.text()
    assert bar.undo.isVisible() and not bar.as_vni.isVisible()
    bar.undo.click()
    assert editor.body.toPlainText() == "Mở đầu. " + legacy
    assert not bar.isVisible()


def test_title_paste_and_plain_unicode(editor: ItemEditor) -> None:
    paste(editor.title, to_legacy("Thông báo lịch tiếp công dân", "tcvn3"))
    assert editor.title.text() == "Thông báo lịch tiếp công dân"
    editor.paste_bar.dismiss.click()
    for plain in ("Tiếng Việt có dấu rồi", "Plain English text", "Déjà vu, café crème"):
        editor.summary.clear()
        paste(editor.summary, plain)
        assert editor.summary.toPlainText() == plain
        assert not editor.paste_bar.isVisible()


def test_unsure_paste_asks(editor: ItemEditor) -> None:
    bar = editor.paste_bar
    assert bar.paste_into(editor.title, "Hå")
    assert bar.isVisible() and bar.as_vni.isVisible() and bar.keep.isVisible()
    bar.keep.click()  # keep as is: the original paste
    assert editor.title.text() == "Hå"
    editor.title.clear()
    legacy = to_legacy("Hà", "vni")
    if bar.paste_into(editor.title, legacy) and bar.as_vni.isVisible():
        bar.as_vni.click()
        assert editor.title.text() == "Hà"


def test_english_catalogue(editor: ItemEditor, translations: Any) -> None:
    translations.switch("en")
    QApplication.processEvents()  # the LanguageChange event
    paste(editor.body, to_legacy(SENTENCE, "tcvn3"))
    assert editor.paste_bar.message.text() == "Converted 12 words from TCVN3 to Unicode."
    assert editor.paste_bar.undo.text() == "Undo"
