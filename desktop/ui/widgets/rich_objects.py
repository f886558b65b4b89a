"""Tables and pictures of the body editor (``RichEdit``): rows and columns added and removed in
place, a picture's description and caption. A mixin over QTextEdit."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import (
    QColor,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextFrameFormat,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextEdit

from desktop.ui.widgets import richtext


class TablesAndPictures(QTextEdit):
    # tables
    def insert_table(self, rows: int = 3, columns: int = 2) -> QTextTable:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.block().text():
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())
        table = cursor.insertTable(rows, columns, table_format())
        cursor.endEditBlock()
        self.setTextCursor(table.cellAt(0, 0).firstCursorPosition())
        return table

    def table_action(self, name: str) -> bool:
        """Rows and columns of the table under the cursor: add_row_above, add_row_below,
        add_column_left, add_column_right, remove_row, remove_column, remove_table."""
        cursor = self.textCursor()
        table = cursor.currentTable()
        if table is None:
            return False
        cell = table.cellAt(cursor)
        row, column = cell.row(), cell.column()
        if name == "add_row_above":
            table.insertRows(row, 1)
        elif name == "add_row_below":
            table.insertRows(row + 1, 1)
        elif name == "add_column_left":
            table.insertColumns(column, 1)
        elif name == "add_column_right":
            table.insertColumns(column + 1, 1)
        elif name == "remove_row":
            if table.rows() == 1:
                return self.table_action("remove_table")
            table.removeRows(row, 1)
            self._into(table, min(row, table.rows() - 1), column)
        elif name == "remove_column":
            if table.columns() == 1:
                return self.table_action("remove_table")
            table.removeColumns(column, 1)
            self._into(table, row, min(column, table.columns() - 1))
        elif name == "remove_table":
            table.removeRows(0, table.rows())  # a table without rows is gone
        else:
            return False
        return True

    def _into(self, table: QTextTable, row: int, column: int) -> None:
        self.setTextCursor(table.cellAt(row, column).firstCursorPosition())

    # pictures
    def image_at(self, cursor: QTextCursor) -> tuple[QTextCursor, Any] | None:
        """The picture just after (or before) ``cursor``: a cursor selecting it, its format."""
        for move in (
            QTextCursor.MoveOperation.NextCharacter,
            QTextCursor.MoveOperation.PreviousCharacter,
        ):
            probe = QTextCursor(cursor)
            probe.clearSelection()
            probe.movePosition(move, QTextCursor.MoveMode.KeepAnchor)
            fmt = probe.charFormat()
            if probe.selectedText() == richtext.OBJECT and fmt.isImageFormat():
                return probe, fmt.toImageFormat()
        return None

    def set_alt_text(self, cursor: QTextCursor, alt: str) -> None:
        found = self.image_at(cursor)
        if found is None:
            return
        probe, image = found
        image.setProperty(QTextFormat.Property.ImageAltText, alt)
        probe.setCharFormat(image)

    def set_caption_at(self, cursor: QTextCursor, caption: str) -> None:
        block = cursor.block()
        if richtext.lone_image(block) is None:
            found = self.image_at(cursor)
            if found is None:
                return
            probe, _ = found  # put the picture on a line of its own first
            probe.beginEditBlock()
            selection_end = probe.selectionEnd()
            probe.setPosition(selection_end)
            if not probe.atBlockEnd():
                probe.insertBlock()
            probe.setPosition(selection_end - 1)
            if not probe.atBlockStart():
                probe.insertBlock()
            probe.endEditBlock()
            block = probe.block()
        richtext.set_caption(self.document(), block, caption)


def table_format() -> QTextTableFormat:
    fmt = QTextTableFormat()
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderCollapse(True)
    fmt.setBorderBrush(QColor("#9a9a9a"))
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)  # no percentage width: it made every keystroke lay tables out again
    return fmt


def style_table(table: QTextTable) -> None:
    fmt = table.format()
    wanted = table_format()
    for prop in (
        QTextFormat.Property.FrameBorder,
        QTextFormat.Property.TableCellPadding,
        QTextFormat.Property.TableCellSpacing,
        QTextFormat.Property.TableBorderCollapse,
        QTextFormat.Property.FrameBorderBrush,
        QTextFormat.Property.FrameBorderStyle,
    ):
        fmt.setProperty(prop, wanted.property(prop))
    table.setFormat(fmt)
