"""Conflicts: both versions side by side with the differences marked; nothing is discarded
until the user chooses keep mine, keep theirs, or an edited merge."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import labels
from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import ConflictsEntry
from desktop.ui.widgets.diff import one_side_html


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return " · ".join(str(v) for v in value.values() if v)
    return "" if value is None else str(value)


class MergeDialog(QDialog):
    """Edit a merge by hand: one box per conflicting text field, starting from my version."""

    def __init__(self, conflict: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit a merge"))
        layout = QVBoxLayout(self)
        self.boxes: dict[str, QPlainTextEdit] = {}
        for field in conflict.fields:
            mine, theirs = conflict.mine.get(field), conflict.theirs.get(field)
            if not isinstance(mine, str):
                continue
            layout.addWidget(QLabel(labels.field_name(field), self))
            box = QPlainTextEdit(self)
            box.setPlainText(mine if mine == theirs else f"{mine}\n\n{theirs}")
            box.setAccessibleName(labels.field_name(field))
            layout.addWidget(box)
            self.boxes[field] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def merged(self) -> dict[str, str]:
        return {field: box.toPlainText() for field, box in self.boxes.items()}


class ConflictsScreen(ConflictsEntry, Screen):
    #: An item's conflicts are all resolved: the person goes back to it (issue 17).
    resolved = Signal(str)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.task: asyncio.Future[Any] | None = None  # the last resolution, being written
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._show)
        self.mine_label, self.theirs_label = QLabel(self), QLabel(self)
        self.mine, self.theirs = QTextBrowser(self), QTextBrowser(self)
        sides = QSplitter(Qt.Orientation.Horizontal, self)
        for label, view in ((self.mine_label, self.mine), (self.theirs_label, self.theirs)):
            box = QWidget(self)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(label)
            box_layout.addWidget(view)
            sides.addWidget(box)
        self.keep_mine, self.keep_theirs, self.merge = (
            QPushButton(self),
            QPushButton(self),
            QPushButton(self),
        )
        self.keep_mine.clicked.connect(lambda: self.resolve("mine"))
        self.keep_theirs.clicked.connect(lambda: self.resolve("theirs"))
        self.merge.clicked.connect(self.edit_merge)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_mine, self.keep_theirs, self.merge):
            buttons.addWidget(button)
        main = QSplitter(Qt.Orientation.Vertical, self)
        main.addWidget(self.list)
        main.addWidget(sides)
        main.setSizes([90, 500])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(main, 1)
        layout.addLayout(buttons)
        self._conflicts: list[Any] = []
        self.merge_dialog = MergeDialog
        #: The item the person came from (its page's "Resolve the conflict"), or "".
        self.return_to = ""
        self.retranslate()

    def refresh(self) -> None:
        self._conflicts = self.context.items.conflicts()
        self.list.clear()
        for conflict in self._conflicts:
            item = self.context.items.current(conflict.item_id)
            title = item.title if item else conflict.item_id
            fields = ", ".join(labels.field_name(f) for f in conflict.fields)
            QListWidgetItem(
                self.tr("%1 (fields: %2)").replace("%1", title).replace("%2", fields), self.list
            )
        if self._conflicts:
            rows = [i for i, c in enumerate(self._conflicts) if c.item_id == self.return_to]
            self.list.setCurrentRow(rows[0] if rows else 0)
        else:
            self._show(-1)

    def select_item(self, item_id: str) -> None:
        """Show this item's conflict first, and come back to the item once it is resolved."""
        self.return_to = item_id
        self.refresh()

    def _show(self, row: int) -> None:
        enabled = 0 <= row < len(self._conflicts)
        for button in (self.keep_mine, self.keep_theirs, self.merge):
            button.setEnabled(enabled)
        if not enabled:
            self.mine.setHtml("")
            self.theirs.setHtml("")
            return
        conflict = self._conflicts[row]
        mine_parts, theirs_parts = [], []
        for field in conflict.fields:
            a, b = _text(conflict.mine.get(field)), _text(conflict.theirs.get(field))
            name = labels.field_name(field)
            mine_parts.append(f"<h3>{name}</h3><p>{one_side_html(a, b, 'mine')}</p>")
            theirs_parts.append(f"<h3>{name}</h3><p>{one_side_html(a, b, 'theirs')}</p>")
        self.mine.setHtml("".join(mine_parts))
        self.theirs.setHtml("".join(theirs_parts))

    def current_conflict(self) -> Any:
        row = self.list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def resolve(self, resolution: str | dict[str, Any]) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        self.task = self.context.items.resolve_conflict(
            conflict, resolution, done=lambda _: self._after_resolving(conflict.item_id)
        )

    def _after_resolving(self, item_id: str) -> None:
        self.refresh()
        if item_id == self.return_to and all(c.item_id != item_id for c in self._conflicts):
            self.return_to = ""
            self.resolved.emit(item_id)

    def edit_merge(self) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        dialog = self.merge_dialog(conflict, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.resolve(dialog.merged())

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.hint.setText(
            self.tr(
                "Someone else changed the same text while you worked. Nothing has been thrown away: choose which version to keep, or edit a merge of both."  # noqa: E501 - one translatable string
            )
        )
        self.mine_label.setText(self.tr("My version (differences in red)"))
        self.theirs_label.setText(self.tr("Their version on the portal (differences in green)"))
        self.keep_mine.setText(self.tr("Keep mine"))
        self.keep_theirs.setText(self.tr("Keep theirs"))
        self.merge.setText(self.tr("Edit a merge…"))
        self.list.setAccessibleName(self.tr("Conflicts"))
        self.mine.setAccessibleName(self.tr("My version"))
        self.theirs.setAccessibleName(self.tr("Their version"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
