"""Formatting buttons over a Markdown text box, so nobody needs to know Markdown."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QToolBar, QWidget


def wrap(edit: QPlainTextEdit, marker: str, placeholder: str) -> None:
    """Wrap the selection in ``marker`` (bold, italic), or insert a placeholder to type over."""
    cursor = edit.textCursor()
    text = cursor.selectedText() or placeholder
    cursor.insertText(f"{marker}{text}{marker}")
    if not cursor.hasSelection():
        cursor.movePosition(QTextCursor.MoveOperation.Left, n=len(marker))
        cursor.movePosition(
            QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(text)
        )
    edit.setTextCursor(cursor)
    edit.setFocus()


def prefix_lines(edit: QPlainTextEdit, prefix: str) -> None:
    """Start each selected line (or the current one) with ``prefix`` (heading, list, quote)."""
    cursor = edit.textCursor()
    start, end = sorted((cursor.selectionStart(), cursor.selectionEnd()))
    cursor.setPosition(start)
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    cursor.beginEditBlock()
    while True:
        cursor.insertText(prefix)
        end += len(prefix)
        if not cursor.movePosition(QTextCursor.MoveOperation.NextBlock) or cursor.position() > end:
            break
    cursor.endEditBlock()
    edit.setFocus()


def insert_block(edit: QPlainTextEdit, text: str) -> None:
    cursor = edit.textCursor()
    before = "" if cursor.atBlockStart() else "\n\n"
    cursor.insertText(f"{before}{text}\n")
    edit.setTextCursor(cursor)
    edit.setFocus()


class MarkdownToolbar(QToolBar):
    """Bold, italic, heading, list, quote, link, image, table."""

    def __init__(self, edit: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.actions_by_name: dict[str, QAction] = {}
        for name, shortcut in (
            ("bold", QKeySequence.StandardKey.Bold),
            ("italic", QKeySequence.StandardKey.Italic),
            ("heading", None),
            ("list", None),
            ("quote", None),
            ("link", QKeySequence("Ctrl+K")),
            ("image", None),
            ("table", None),
        ):
            action = QAction(self)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, n=name: self.apply(n))
            self.addAction(action)
            self.actions_by_name[name] = action
        self.retranslate()

    def apply(self, name: str) -> None:
        edit = self.edit
        if name == "bold":
            wrap(edit, "**", self.tr("bold text"))
        elif name == "italic":
            wrap(edit, "*", self.tr("italic text"))
        elif name == "heading":
            prefix_lines(edit, "## ")
        elif name == "list":
            prefix_lines(edit, "- ")
        elif name == "quote":
            prefix_lines(edit, "> ")
        elif name == "link":
            cursor = edit.textCursor()
            label = cursor.selectedText() or self.tr("link text")
            cursor.insertText(f"[{label}](https://)")
            edit.setTextCursor(cursor)
        elif name == "image":
            insert_block(edit, "![" + self.tr("image description") + "](/media/)")
        elif name == "table":
            h1, h2, c = self.tr("Column 1"), self.tr("Column 2"), self.tr("cell")
            insert_block(edit, f"| {h1} | {h2} |\n| --- | --- |\n| {c} | {c} |")

    def retranslate(self) -> None:
        texts = {
            "bold": (self.tr("B"), self.tr("Bold (Ctrl+B)")),
            "italic": (self.tr("I"), self.tr("Italic (Ctrl+I)")),
            "heading": (self.tr("Heading"), self.tr("Make the line a heading")),
            "list": (self.tr("List"), self.tr("Make the lines a bulleted list")),
            "quote": (self.tr("Quote"), self.tr("Make the lines a quotation")),
            "link": (self.tr("Link"), self.tr("Insert a link (Ctrl+K)")),
            "image": (self.tr("Image"), self.tr("Insert an image")),
            "table": (self.tr("Table"), self.tr("Insert a table")),
        }
        for name, (text, tip) in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.setAccessibleName(self.tr("Formatting"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
