"""The body as a word processor: what you see is the item, never a Markdown marker.

``RichEdit`` is a QTextEdit over the body's document (``richtext`` turns it into Markdown and
back). It behaves as people expect from Word: Enter continues a list (and ends it on an empty
item), Tab and Shift+Tab indent a list item or move between table cells (a new row after the
last), "- " or "1. " at the start of a paragraph starts a list, Enter after a heading goes back
to normal text. Pastes are cleaned (``desktop.content.html_import``); dropped or pasted files
are announced with ``filesDropped`` (pictures made smaller first by ``prepare_files``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFont,
    QImage,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
    QTextTable,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QWidget

from desktop.models.render import MEDIA_PREFIX
from desktop.ui.widgets import richtext
from desktop.ui.widgets.rich_objects import TablesAndPictures, style_table
from desktop.ui.widgets.richtext import QUOTE_INDENT

WARM_SLICE_S = 0.004
# How wide a picture is shown in the editor at most (the file itself is not changed).
SHOWN_WIDTH = 560
_BULLETS = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
# Heading levels offered, and how much larger each is drawn (Qt's h1-h3 sizes).
HEADING_SIZES = {1: 3, 2: 2, 3: 1}


def dropped_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class RichEdit(TablesAndPictures, QTextEdit):
    """The body's editor. ``markdown()`` is its content in the stored format."""

    filesDropped = Signal(list)
    notice = Signal(str)  # something to tell about a paste (converted fonts, pictures left out)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.blob_loader: Callable[[str], bytes | None] | None = None
        # Pictures made smaller before they are attached (the editor sets it).
        self.prepare_files: Callable[[list[Path]], list[Path]] = lambda paths: paths
        # Pictures from a paste or a Word file, placed in the text before they are attached.
        self.placed: dict[str, QImage] = {}
        # Their sha256 until they are attached (the attachment then adds nothing to the text).
        self.awaiting: set[str] = set()
        # Plain text pastes go through the old-font conversion (the editor sets it).
        self.text_paste: Callable[[str], bool] | None = None
        self.language = "vi"
        # Adds the spelling, table and picture entries to the context menu (the editor sets it).
        self.extend_menu: Callable[[QMenu, QTextCursor], None] | None = None
        richtext.cache_spans(self.document())
        self._warm_from = 0
        self._warm = QTimer(self)
        self._warm.setSingleShot(True)
        self._warm.setInterval(0)
        self._warm.timeout.connect(self._warm_step)
        self.document().setDefaultStyleSheet(
            "table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 3px; }"
        )

    # -- Markdown in and out -----------------------------------------------------------------
    def set_markdown(self, text: str) -> None:
        richtext.load_markdown(self.document(), text)
        self._style_tables()
        self._warm_from = 0
        self._warm.start()

    def _warm_step(self) -> None:
        """Read the blocks' runs a few milliseconds at a time after a load, so the first save
        after the first keystroke does not read the whole body at once."""
        document = self.document()
        block = document.findBlockByNumber(self._warm_from)
        deadline = time.perf_counter() + WARM_SLICE_S
        while block.isValid() and time.perf_counter() < deadline:
            richtext.block_spans(block, heading=bool(block.blockFormat().headingLevel()))
            block = block.next()
        if block.isValid():
            self._warm_from = block.blockNumber()
            self._warm.start()

    def markdown(self) -> str:
        return richtext.document_to_markdown(self.document())

    def _style_tables(self) -> None:
        for table in self.tables():
            style_table(table)

    def tables(self) -> list[QTextTable]:
        found: list[QTextTable] = []
        frames = [self.document().rootFrame()]
        while frames:
            frame = frames.pop()
            for child in frame.childFrames():
                if isinstance(child, QTextTable):
                    found.append(child)
                frames.append(child)
        return found

    # -- pictures ------------------------------------------------------------------------------
    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        path = url.path() if isinstance(url, QUrl) else str(url)
        if kind == QTextDocument.ResourceType.ImageResource.value and path.startswith(MEDIA_PREFIX):
            sha = path[len(MEDIA_PREFIX) :]
            image = self.placed.get(sha)
            if image is None and self.blob_loader is not None:
                data = self.blob_loader(sha)
                if data:
                    loaded = QImage()
                    if loaded.loadFromData(data):
                        image = loaded
            if image is not None:
                return shown(image)
            return missing_picture()
        return super().loadResource(kind, url)

    def place_picture(self, sha256: str, data: bytes) -> None:
        """Show ``/media/<sha256>`` from these bytes until the store has them."""
        image = QImage()
        if image.loadFromData(data):
            self.placed[sha256] = image

    # -- pasting and dropping ----------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(dropped_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if self.isReadOnly():
            return
        files = [f for f in dropped_files(source) if f.is_file()]
        if files:
            self.filesDropped.emit(self.prepare_files(files))
            return
        if source.hasHtml():
            self.paste_html(source.html())
            return
        if source.hasImage():
            self._paste_image(source)
            return
        if source.hasText():
            text = source.text()
            if self.text_paste is not None and self.text_paste(text):
                return
            self.textCursor().insertText(text)
            self.ensureCursorVisible()

    def paste_html(self, html: str) -> None:
        """HTML from Word, LibreOffice or a page, cleaned to what an item holds."""
        from desktop.content.html_import import html_to_blocks

        imported = html_to_blocks(html)
        text = imported.markdown
        files: list[Path] = []
        for picture in imported.pictures:
            prepared = self.prepare_files([_temporary(picture.name, picture.data)])
            if not prepared:
                continue
            data = prepared[0].read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            self.place_picture(sha, data)
            self.awaiting.add(sha)
            text = text.replace(f"]({picture.placeholder}", f"]({MEDIA_PREFIX}{sha}")
            files.append(prepared[0])
        text = "\n".join(line for line in text.split("\n") if "](pasted:" not in line)
        self.insert_markdown(text)
        messages = []
        if imported.legacy.words:
            messages.append(imported.legacy.summary(self.language))
        if imported.dropped_images:
            messages.append(
                self.tr(
                    "%n picture(s) could not come with the paste: add them as files.",
                    "",
                    imported.dropped_images,
                )
            )
        if messages:
            self.notice.emit(" ".join(messages))
        if files:
            self.filesDropped.emit(files)

    def insert_markdown(self, text: str) -> None:
        """Insert Markdown at the cursor as formatted text (one undo step)."""
        if not text.strip():
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        one_paragraph = "\n\n" not in text.strip() and not text.lstrip().startswith(
            ("#", "-", ">", "|", "1.", "!")
        )
        html = richtext.editor_html(text)
        if one_paragraph:
            html = html.replace("<p>", "", 1).replace("</p>", "", 1)
        cursor.insertHtml(html)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        richtext.mark_quotes(self.document())
        richtext.add_captions(self.document())
        self._style_tables()
        self.ensureCursorVisible()

    def _paste_image(self, source: QMimeData) -> None:
        image = source.imageData()
        if not isinstance(image, QImage) or image.isNull():
            return
        path = _temporary("anh-dan.png", b"")
        image.save(str(path))  # PNG, from the name
        self.filesDropped.emit(self.prepare_files([path]))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        cursor = self.cursorForPosition(event.pos())
        selection = self.textCursor()
        if selection.hasSelection() and (
            selection.selectionStart() <= cursor.position() <= selection.selectionEnd()
        ):
            cursor = selection
        if self.extend_menu is not None:
            self.extend_menu(menu, cursor)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    # -- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if self.isReadOnly():
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if self._tab(back):
                return
            self.focusNextPrevChild(not back)
            return
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not (mods & Qt.KeyboardModifier.ShiftModifier) and self._enter():
            return
        if event.text() == " " and self._autoformat():
            return
        super().keyPressEvent(event)

    def _tab(self, back: bool) -> bool:
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is not None:
            cell = table.cellAt(cursor)
            index = cell.row() * table.columns() + cell.column() + (-1 if back else 1)
            if index < 0:
                return True
            if index >= table.rows() * table.columns():
                table.appendRows(1)
            row, column = divmod(index, table.columns())
            self.setTextCursor(table.cellAt(row, column).firstCursorPosition())
            return True
        if cursor.currentList() is not None:
            self.indent_list(-1 if back else 1)
            return True
        return False

    def _enter(self) -> bool:
        cursor = self.textCursor()
        block = cursor.block()
        fmt = block.blockFormat()
        if richtext.is_caption(block) or (fmt.headingLevel() and cursor.atBlockEnd()):
            cursor.beginEditBlock()
            plain = QTextBlockFormat()
            quote = fmt.property(QTextFormat.Property.BlockQuoteLevel)
            if quote and not richtext.is_caption(block):
                _set_quote(plain, int(quote))
            cursor.insertBlock(plain, QTextCharFormat())
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            return True
        quote = int(fmt.property(QTextFormat.Property.BlockQuoteLevel) or 0)
        if quote and not block.text() and cursor.currentList() is None:
            _set_quote(fmt, quote - 1)
            cursor.setBlockFormat(fmt)
            return True
        return False

    def _autoformat(self) -> bool:
        """ "- ", "* " or "1. " typed at the start of a paragraph starts a list."""
        cursor = self.textCursor()
        block = cursor.block()
        if cursor.currentList() is not None or cursor.currentTable() is not None:
            return False
        before = block.text()[: cursor.positionInBlock()]
        if before in ("-", "*"):
            style = QTextListFormat.Style.ListDisc
        elif before in ("1.", "1)"):
            style = QTextListFormat.Style.ListDecimal
        else:
            return False
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        fmt = QTextListFormat()
        fmt.setStyle(style)
        cursor.createList(fmt)
        cursor.endEditBlock()
        return True

    # -- formatting (the toolbar's actions) ----------------------------------------------------
    def set_bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    def set_italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    def _merge(self, fmt: QTextCharFormat) -> None:
        """Format the selection, or the word the cursor is inside (as Word does); at a word's
        edge, what is typed next."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            text, at = cursor.block().text(), cursor.positionInBlock()
            inside = 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()
            if inside:
                cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def set_heading(self, level: int) -> None:
        """0: normal text; 1-3: a heading (the whole paragraphs under the cursor)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block_cursor in _block_cursors(cursor):
            fmt = block_cursor.blockFormat()
            fmt.setHeadingLevel(level)
            if level and block_cursor.currentList() is not None:
                block_cursor.currentList().remove(block_cursor.block())
                fmt.setIndent(0)
            block_cursor.setBlockFormat(fmt)
            block_cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            block_cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            char = QTextCharFormat()
            char.setProperty(QTextFormat.Property.FontSizeAdjustment, HEADING_SIZES.get(level, 0))
            char.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
            block_cursor.mergeCharFormat(char)
            if block_cursor.block() == self.textCursor().block():
                self.mergeCurrentCharFormat(char)
        cursor.endEditBlock()

    def toggle_list(self, ordered: bool) -> None:
        cursor = self.textCursor()
        current = cursor.currentList()
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        cursor.beginEditBlock()
        if current is not None and (
            current.format().style() == style
            or (not ordered and current.format().style() in _BULLETS)
        ):
            for block_cursor in _block_cursors(cursor):
                found = block_cursor.currentList()
                if found is not None:
                    found.remove(block_cursor.block())
                    fmt = block_cursor.blockFormat()
                    fmt.setIndent(0)
                    block_cursor.setBlockFormat(fmt)
        elif current is not None:
            changed = QTextListFormat(current.format())
            changed.setStyle(style)
            current.setFormat(changed)
        else:
            for block_cursor in _block_cursors(cursor):
                fmt = block_cursor.blockFormat()
                if fmt.headingLevel():
                    fmt.setHeadingLevel(0)
                    block_cursor.setBlockFormat(fmt)
            fmt = QTextListFormat()
            fmt.setStyle(style)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def indent_list(self, step: int) -> None:
        """Tab: the item one level deeper (a list of its own inside); Shift+Tab: back out."""
        cursor = self.textCursor()
        current = cursor.currentList()
        if current is None:
            return
        fmt = QTextListFormat(current.format())
        level = fmt.indent() + step
        cursor.beginEditBlock()
        if level < 1:
            current.remove(cursor.block())
            block = cursor.blockFormat()
            block.setIndent(0)
            cursor.setBlockFormat(block)
        else:
            fmt.setIndent(level)
            if fmt.style() in _BULLETS:
                fmt.setStyle(_BULLETS[(level - 1) % len(_BULLETS)])
            neighbour = _list_at_level(cursor, level, fmt.style())
            current.remove(cursor.block())
            if neighbour is not None:
                neighbour.add(cursor.block())
            else:
                cursor.createList(fmt)
        cursor.endEditBlock()

    def toggle_quote(self) -> None:
        cursor = self.textCursor()
        on = not cursor.blockFormat().property(QTextFormat.Property.BlockQuoteLevel)
        cursor.beginEditBlock()
        for block_cursor in _block_cursors(cursor):
            fmt = block_cursor.blockFormat()
            _set_quote(fmt, 1 if on else 0)
            block_cursor.setBlockFormat(fmt)
        cursor.endEditBlock()

    def set_link(self, url: str, text: str = "") -> None:
        cursor = self.textCursor()
        fmt = QTextCharFormat()
        fmt.setAnchor(bool(url))
        fmt.setAnchorHref(url)
        fmt.setFontUnderline(bool(url))
        fmt.setForeground(QColor("#0b57d0") if url else self.palette().text().color())
        if cursor.hasSelection():
            cursor.mergeCharFormat(fmt)
        elif url:
            cursor.insertText(text or url, fmt)
            cursor.setCharFormat(QTextCharFormat())
            self.setTextCursor(cursor)
            self.setCurrentCharFormat(QTextCharFormat())


def _set_quote(fmt: QTextBlockFormat, level: int) -> None:
    fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, level)
    fmt.setLeftMargin(QUOTE_INDENT * level)
    if not level:
        fmt.clearProperty(QTextFormat.Property.BlockQuoteLevel)


def _block_cursors(cursor: QTextCursor) -> list[QTextCursor]:
    """A cursor at each block the selection touches (or the cursor's block)."""
    document = cursor.document()
    start = document.findBlock(cursor.selectionStart())
    end = document.findBlock(cursor.selectionEnd())
    out = []
    block = start
    while block.isValid():
        out.append(QTextCursor(block))
        if block == end:
            break
        block = block.next()
    return out


def _list_at_level(cursor: QTextCursor, level: int, style: Any) -> Any:
    """The list the item above uses at ``level`` (so a second Tab joins its neighbour)."""
    block = cursor.block().previous()
    while block.isValid() and block.textList() is not None:
        found = block.textList()
        if found.format().indent() == level and found.format().style() == style:
            return found
        if found.format().indent() < level:
            return None
        block = block.previous()
    return None


def shown(image: QImage) -> QImage:
    if image.width() > SHOWN_WIDTH:
        return image.scaledToWidth(SHOWN_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


def missing_picture() -> QImage:
    image = QImage(160, 90, QImage.Format.Format_RGB32)
    image.fill(QColor("#e6e6e6"))
    return image


def _temporary(name: str, data: bytes) -> Path:
    from desktop.content.images import temporary_file

    return temporary_file(name, data)
