"""The History tab's "Restore this version" (khôi phục phiên bản này, issue 20): the chosen
version's content becomes the working copy, a new version on the portal; nothing is erased."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Item

if TYPE_CHECKING:
    from desktop.ui.services import ItemService


class HistoryRestore(QWidget):
    """The history table with a button under it, enabled for a row of an earlier version when
    the person may edit the item in its state."""

    def __init__(self, table: QTableWidget, items: ItemService, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = table
        self.items = items
        self.item: Item | None = None
        self.versions: list[int] = []
        self.task: Any = None
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.button = QPushButton(self)
        self.button.setObjectName("restoreVersion")
        self.button.clicked.connect(self.restore_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        layout.addLayout(row)
        table.itemSelectionChanged.connect(self._update)
        self.retranslate()
        self._update()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Restore this version"))
        self.button.setToolTip(
            self.tr("Its content becomes the current text, as a new version; nothing is erased.")
        )

    def show_for(self, item: Item | None, versions: list[int]) -> None:
        self.item = item
        self.versions = versions
        self._update()

    def chosen(self) -> int | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.versions[row] if 0 <= row < len(self.versions) else None

    def _update(self) -> None:
        version = self.chosen()
        editable = self.item is not None and self.items.session.may_edit(self.item)
        self.button.setEnabled(
            editable
            and version is not None
            and self.item is not None
            and version != self.item.version
        )

    def restore_selected(self, confirm: bool = True) -> Any:
        version = self.chosen()
        if self.item is None or version is None:
            return None
        if confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Restore version"),
                self.tr(
                    "The content of version %1 becomes the current text (a new version). "
                    "Restore it?"
                ).replace("%1", str(version)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self.task = self.items.restore(self.item.id, version)
        return self.task
