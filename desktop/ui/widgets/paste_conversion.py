"""Paste from old documents: TCVN3 (ABC) and VNI text becomes Unicode as it is pasted (issue 7).

``PasteConversion`` watches the editor's text fields. A paste (the keyboard shortcut, Shift+Insert
or the context menu) whose text ``convert_text`` changes, or is unsure about, is inserted
converted, and the bar says what happened with an Undo button that puts the original paste back;
when unsure it asks: read as TCVN3, as VNI, or keep as is. Plain Unicode pastes go through Qt's
own paste untouched, and the bar stays hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from desktop.models.legacy import Conversion, convert_text

Field = QLineEdit | QPlainTextEdit | QTextEdit
ENCODING_NAMES = {"tcvn3": "TCVN3", "vni": "VNI"}


def _u16(text: str) -> int:
    """Qt's positions count UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class Pasted:
    """Where the last converted paste sits, what it was, and what we inserted."""

    field: Field
    start: int  # UTF-16 position
    inserted: str
    conversion: Conversion


class PasteConversion(QFrame):
    """The non-modal bar above the body, and the paste handling of the watched fields."""

    changed = Signal()  # a paste was converted, undone or re-read (tests wait on it)

    def __init__(self, fields: list[Field], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pasteConversion")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.last: Pasted | None = None
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.as_tcvn3 = QPushButton(self)
        self.as_vni = QPushButton(self)
        self.keep = QPushButton(self)
        self.undo = QPushButton(self)
        self.dismiss = QPushButton(self)
        self.as_tcvn3.clicked.connect(lambda: self.reread("tcvn3"))
        self.as_vni.clicked.connect(lambda: self.reread("vni"))
        self.keep.clicked.connect(self.undo_paste)
        self.undo.clicked.connect(self.undo_paste)
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        for button in (self.as_tcvn3, self.as_vni, self.keep, self.undo, self.dismiss):
            layout.addWidget(button)
        self.fields = list(fields)
        #: (watched object, its field): a text edit's context menu event goes to its viewport
        self._watched: list[tuple[QObject, Field]] = []
        for field in self.fields:
            self._watched.append((field, field))
            if isinstance(field, QPlainTextEdit):
                self._watched.append((field.viewport(), field))
        for obj, _field in self._watched:
            obj.installEventFilter(self)
        self.retranslate()
        self.hide()

    # catching the paste
    def _field_of(self, watched: QObject) -> Field | None:
        for obj, field in self._watched:
            if watched is obj:
                return field
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        field = self._field_of(watched)
        if field is None:
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            is_paste = event.matches(QKeySequence.StandardKey.Paste) or (
                event.key() == Qt.Key.Key_Insert
                and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
            )
            if is_paste and self.paste_into(field):
                return True
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            self._context_menu(field, event)
            return True
        return False

    def _context_menu(self, field: Field, event: QContextMenuEvent) -> None:
        """Qt's own menu, with its Paste going through the conversion."""
        if isinstance(field, QPlainTextEdit):
            menu = field.createStandardContextMenu(event.pos())
        else:
            menu = field.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                ours = menu.addAction(action.icon(), action.text())
                ours.setShortcut(action.shortcut())
                ours.setEnabled(action.isEnabled())
                ours.triggered.connect(lambda _=False, f=field: self._paste_or_plain(f))
                menu.insertAction(action, ours)
                action.setVisible(False)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def _paste_or_plain(self, field: Field) -> None:
        if not self.paste_into(field):
            _plain_paste(field)

    def paste_into(self, field: Field, text: str | None = None) -> bool:
        """Insert the clipboard's text (or ``text``) converted; False: nothing to convert, the
        normal paste should run."""
        if field.isReadOnly():
            return False
        if text is None:
            mime = QGuiApplication.clipboard().mimeData()
            if mime is None or not mime.hasText():
                return False
            text = mime.text()
        if isinstance(field, QLineEdit):
            text = " ".join(text.splitlines())  # what QLineEdit's own paste would keep
        conversion = convert_text(text)
        if not conversion.changed and not conversion.is_unsure:
            return False
        start = self._insert(field, conversion.text)
        self.last = Pasted(field, start, conversion.text, conversion)
        self._show()
        return True

    # inserting and replacing, each one step of the field's own undo
    @staticmethod
    def _insert(field: Field, text: str) -> int:
        if isinstance(field, QLineEdit):
            start = field.selectionStart() if field.hasSelectedText() else field.cursorPosition()
            field.insert(text)
            return start
        cursor = field.textCursor()
        start = cursor.selectionStart()
        cursor.insertText(text)
        field.setTextCursor(cursor)
        return start

    def _replace(self, replacement: str) -> bool:
        """Swap what the last paste inserted for ``replacement``, if it is still there."""
        last = self.last
        if last is None:
            return False
        field, length = last.field, _u16(last.inserted)
        if isinstance(field, QLineEdit):
            field.setSelection(last.start, length)
            if field.selectedText() != last.inserted:
                return False
            field.insert(replacement)
        else:
            cursor = QTextCursor(field.document())
            cursor.setPosition(last.start)
            cursor.setPosition(last.start + length, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText() != last.inserted.replace("\n", "\u2029"):
                return False
            cursor.insertText(replacement)
            field.setTextCursor(cursor)
        last.inserted = replacement
        return True

    def undo_paste(self) -> None:
        """Put the original paste back (also "keep as is" when we asked)."""
        if self.last is not None and self._replace(self.last.conversion.original):
            self.last = None
        self.hide()
        self.changed.emit()

    def reread(self, encoding: str) -> None:
        """The user says the paste is in ``encoding``: convert all of it that way."""
        last = self.last
        if last is None:
            return
        conversion = convert_text(last.conversion.original, encoding)  # type: ignore[arg-type]
        if self._replace(conversion.text):
            last.conversion = conversion
            self._show()
        else:
            self.hide()
        self.changed.emit()

    # the bar
    def _show(self) -> None:
        last = self.last
        if last is None:
            self.hide()
            return
        conversion = last.conversion
        asking = conversion.is_unsure
        if asking:
            self.message.setText(
                self.tr(
                    "The pasted text may be in an old Vietnamese encoding (TCVN3 or VNI). How should it be read?"  # noqa: E501 - one translatable string
                )
            )
        else:
            names = ", ".join(
                sorted({ENCODING_NAMES.get(c.encoding, c.encoding) for c in conversion.changed})
            )
            self.message.setText(
                self.tr(
                    "Converted %n word(s) from %1 to Unicode.", "", conversion.words_changed
                ).replace("%1", names)
            )
        for button in (self.as_tcvn3, self.as_vni, self.keep):
            button.setVisible(asking)
        self.undo.setVisible(not asking)
        self.show()
        self.changed.emit()

    def retranslate(self) -> None:
        self.as_tcvn3.setText(self.tr("Convert as TCVN3"))
        self.as_vni.setText(self.tr("Convert as VNI"))
        self.keep.setText(self.tr("Keep as is"))
        self.undo.setText(self.tr("Undo"))
        self.undo.setToolTip(self.tr("Put back the text as it was pasted"))
        self.dismiss.setText(self.tr("Close"))
        self.setAccessibleName(self.tr("Pasted text conversion"))
        if self.isVisible():
            self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _plain_paste(field: Field) -> None:
    field.paste()
