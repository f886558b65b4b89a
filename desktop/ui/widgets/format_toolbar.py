"""The body's formatting bar, as in a word processor: the paragraph's style, bold, italic, lists,
quote, link, picture, table (rows and columns), a Word file, and the switches for the preview
and the spelling. Nothing here types a marker: each button formats the document."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextFormat
from PySide6.QtWidgets import QComboBox, QInputDialog, QMenu, QToolBar, QToolButton, QWidget

from desktop.ui.widgets.rich_edit import RichEdit

TABLE_ACTIONS = (
    "insert_table",
    "add_row_above",
    "add_row_below",
    "add_column_left",
    "add_column_right",
    "remove_row",
    "remove_column",
    "remove_table",
)


class FormatToolbar(QToolBar):
    """Formatting for a ``RichEdit``; ``apply(name)`` is what each button does."""

    imageRequested = Signal()
    wordRequested = Signal()
    previewToggled = Signal(bool)
    spellingToggled = Signal(bool)

    def __init__(self, edit: RichEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = edit
        self.setObjectName("formatBar")
        # Asks for a link's address (tests replace it).
        self.ask_url: Callable[[str], str | None] = self._ask_url
        self.style_box = QComboBox(self)
        self.style_box.setObjectName("paragraphStyle")
        for level in range(4):
            self.style_box.addItem("", level)
        self.style_box.activated.connect(
            lambda index: self._heading(int(self.style_box.itemData(index)))
        )
        self.addWidget(self.style_box)
        self.actions_by_name: dict[str, QAction] = {}
        for name, shortcut, checkable in (
            ("bold", QKeySequence.StandardKey.Bold, True),
            ("italic", QKeySequence.StandardKey.Italic, True),
            ("heading", None, True),
            ("list", None, True),
            ("numbered", None, True),
            ("quote", None, True),
            ("link", QKeySequence("Ctrl+K"), False),
            ("image", None, False),
            ("table", None, False),
            ("word", None, False),
            ("preview", None, True),
            ("spelling", None, True),
        ):
            action = QAction(self)
            action.setCheckable(checkable)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(
                    action.shortcutContext().WidgetWithChildrenShortcut  # the editor's own
                )
            action.triggered.connect(lambda _=False, n=name: self.apply(n))
            self.actions_by_name[name] = action
            if name in ("link", "word", "preview"):
                self.addSeparator()
            if name == "table":
                self.table_button = QToolButton(self)
                self.table_button.setDefaultAction(action)
                self.table_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
                self.table_menu = QMenu(self)
                self.table_actions: dict[str, QAction] = {}
                for table_name in TABLE_ACTIONS:
                    item = self.table_menu.addAction("")
                    item.triggered.connect(lambda _=False, n=table_name: self.apply(n))
                    self.table_actions[table_name] = item
                    if table_name in ("insert_table", "add_column_right"):
                        self.table_menu.addSeparator()
                self.table_menu.aboutToShow.connect(self._enable_table_actions)
                self.table_button.setMenu(self.table_menu)
                self.addWidget(self.table_button)
            else:
                self.addAction(action)
        self.actions_by_name["spelling"].setChecked(True)
        edit.currentCharFormatChanged.connect(lambda _fmt: self.update_state())
        edit.cursorPositionChanged.connect(self.update_state)
        self.retranslate()

    def apply(self, name: str) -> None:
        edit = self.edit
        actions = self.actions_by_name
        if name == "bold":
            edit.set_bold(not (edit.currentCharFormat().fontWeight() >= 600))
        elif name == "italic":
            edit.set_italic(not edit.currentCharFormat().fontItalic())
        elif name == "heading":
            self._heading(0 if edit.textCursor().blockFormat().headingLevel() else 1)
        elif name == "list":
            edit.toggle_list(ordered=False)
        elif name == "numbered":
            edit.toggle_list(ordered=True)
        elif name == "quote":
            edit.toggle_quote()
        elif name == "link":
            cursor = edit.textCursor()
            current = cursor.charFormat().anchorHref() if cursor.charFormat().isAnchor() else ""
            url = self.ask_url(current)
            if url is not None:
                edit.set_link(url.strip())
        elif name == "image":
            self.imageRequested.emit()
        elif name in ("table", "insert_table"):
            edit.insert_table()
        elif name in TABLE_ACTIONS:
            edit.table_action(name)
        elif name == "word":
            self.wordRequested.emit()
        elif name == "preview":
            self.previewToggled.emit(actions["preview"].isChecked())
        elif name == "spelling":
            self.spellingToggled.emit(actions["spelling"].isChecked())
        if name not in ("preview", "spelling", "word", "image"):
            edit.setFocus()
        self.update_state()

    def _heading(self, level: int) -> None:
        self.edit.set_heading(level)
        self.edit.setFocus()
        self.update_state()

    def update_state(self) -> None:
        edit = self.edit
        fmt = edit.currentCharFormat()
        cursor = edit.textCursor()
        block = cursor.blockFormat()
        level = block.headingLevel()
        text_list = cursor.currentList()
        ordered = text_list is not None and text_list.format().style().value < -3
        states = {
            "bold": fmt.fontWeight() >= 600 and not level,
            "italic": fmt.fontItalic(),
            "heading": bool(level),
            "list": text_list is not None and not ordered,
            "numbered": ordered,
            "quote": bool(block.property(QTextFormat.Property.BlockQuoteLevel)),
        }
        for name, on in states.items():
            action = self.actions_by_name[name]
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
        index = self.style_box.findData(min(level, 3))
        self.style_box.blockSignals(True)
        self.style_box.setCurrentIndex(max(index, 0))
        self.style_box.blockSignals(False)

    def _enable_table_actions(self) -> None:
        inside = self.edit.textCursor().currentTable() is not None
        for name, action in self.table_actions.items():
            action.setEnabled(inside or name == "insert_table")

    def _ask_url(self, current: str) -> str | None:
        url, ok = QInputDialog.getText(
            self, self.tr("Link"), self.tr("Address of the link (https://…):"), text=current
        )
        return url if ok else None

    def retranslate(self) -> None:
        names = (
            self.tr("Normal text"),
            self.tr("Heading 1"),
            self.tr("Heading 2"),
            self.tr("Heading 3"),
        )
        for index, text in enumerate(names):
            self.style_box.setItemText(index, text)
        self.style_box.setToolTip(self.tr("Paragraph style"))
        self.style_box.setAccessibleName(self.tr("Paragraph style"))
        texts = {
            "bold": (self.tr("B"), self.tr("Bold (Ctrl+B)")),
            "italic": (self.tr("I"), self.tr("Italic (Ctrl+I)")),
            "heading": (self.tr("Heading"), self.tr("Make the paragraph a heading")),
            "list": (self.tr("• List"), self.tr("Bulleted list (Tab indents an item)")),
            "numbered": (self.tr("1. List"), self.tr("Numbered list")),
            "quote": (self.tr("Quote"), self.tr("Make the paragraphs a quotation")),
            "link": (self.tr("Link"), self.tr("Insert a link (Ctrl+K)")),
            "image": (self.tr("Picture"), self.tr("Insert a picture from a file")),
            "table": (
                self.tr("Table"),
                self.tr("Insert a table; the arrow adds or removes rows and columns"),
            ),
            "word": (
                self.tr("Open Word file…"),
                self.tr("Bring in a .docx file: its text, formatting and pictures"),
            ),
            "preview": (self.tr("Preview"), self.tr("Show the page as the portal will show it")),
            "spelling": (self.tr("Spelling"), self.tr("Underline misspelt Vietnamese words")),
        }
        for name, (text, tip) in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        table_texts = {
            "insert_table": self.tr("Insert a table"),
            "add_row_above": self.tr("Add a row above"),
            "add_row_below": self.tr("Add a row below"),
            "add_column_left": self.tr("Add a column to the left"),
            "add_column_right": self.tr("Add a column to the right"),
            "remove_row": self.tr("Remove the row"),
            "remove_column": self.tr("Remove the column"),
            "remove_table": self.tr("Remove the table"),
        }
        for name, text in table_texts.items():
            self.table_actions[name].setText(text)
        bold = self.actions_by_name["bold"].font()
        bold.setBold(True)
        self.actions_by_name["bold"].setFont(bold)
        italic = self.actions_by_name["italic"].font()
        italic.setItalic(True)
        self.actions_by_name["italic"].setFont(italic)
        self.setAccessibleName(self.tr("Formatting"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
