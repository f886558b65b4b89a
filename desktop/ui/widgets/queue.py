"""A queue of items: a table model over QueueRows, sorting, a filter box, keyboard navigation."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import WAITING_STEP, State, fold
from desktop.ui import labels
from desktop.ui.qtcompat import emit
from desktop.ui.services import QueueRow

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class QueueModel(QAbstractTableModel):
    """Holds the listed columns only (10,000 rows stay small); names looked up once."""

    COLUMNS = ("title", "category", "author", "step", "waiting", "due")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self.category_names: dict[str, str] = {}
        self.member_names: dict[str, str] = {}

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Title"),
            self.tr("Category"),
            self.tr("Author"),
            self.tr("Step"),
            self.tr("Waiting since"),
            self.tr("Due"),
        )
        return titles[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            if column == "waiting":
                return row.state_since.timestamp() if row.state_since else 0.0
            if column == "step":
                return WAITING_STEP.get(State(row.state)) or 9
            return fold(str(self.data(index, Qt.ItemDataRole.DisplayRole) or "")).lower()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return row.title or self.tr("(untitled)")
            if column == "category":
                return self.category_names.get(row.category, row.category)
            if column == "author":
                return (
                    row.author
                    if row.author != row.created_by
                    else self.member_names.get(row.created_by, row.created_by)
                )
            if column == "step":
                return labels.state_name(row.state)
            if column == "waiting":
                return _since(row.state_since)
            if column == "due":
                return row.due
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return f"{row.title}\n{labels.sync_status_name(row.sync_status)}"
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == "title"
            and row.sync_status in ("conflict", "failed")
        ):
            from PySide6.QtGui import QColor

            return QColor("#b3261e")
        return None


def _since(when: datetime | None) -> str:
    if when is None:
        return ""
    return when.astimezone().strftime("%d/%m/%Y %H:%M")


class QueueFilter(QSortFilterProxyModel):
    """Filters on every column at once, without tone marks: ``quyet dinh`` finds ``Quyết định``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter is deprecated
            self.beginFilterChange()
            self._needle = fold(text).lower().strip()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = fold(text).lower().strip()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        haystack = " ".join(
            str(model.data(model.index(source_row, column, source_parent)) or "")
            for column in range(model.columnCount())
        )
        return all(word in fold(haystack).lower() for word in self._needle.split())


class QueueView(QWidget):
    """Filter box above a sortable table; Enter or double-click opens the item."""

    opened = Signal(str)
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None, multi_select: bool = False) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self.proxy = QueueFilter(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_text)
        layout.addWidget(self.filter)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(
            QAbstractItemView.SelectionMode.ExtendedSelection
            if multi_select
            else QAbstractItemView.SelectionMode.SingleSelection
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # category and author: long names must not squeeze the title
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.fontMetrics().averageCharWidth() * 24)
        for column in range(3, len(QueueModel.COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(lambda *_: emit(self.selectionChanged))
        layout.addWidget(self.table)
        self.retranslate()

    def set_rows(self, rows: list[QueueRow]) -> None:
        selected = set(self.selected_ids())
        self.model.set_rows(rows)
        if selected:
            for row in range(self.proxy.rowCount()):
                if self.proxy.index(row, 0).data(ID_ROLE) in selected:
                    self.table.selectRow(row)

    def selected_ids(self) -> list[str]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def count(self) -> int:
        return self.model.rowCount()

    def _open_index(self, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id:
            emit(self.opened, item_id)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter (Ctrl+F): title, category, author…"))
        self.filter.setAccessibleName(self.tr("Filter the list"))
        self.table.setAccessibleName(self.tr("Items"))
        # Calling the header's slot: emitting headerDataChanged from Python drops a reference
        # to True too many in PySide6 6.12 (the interpreter then aborts at exit).
        self.table.horizontalHeader().headerDataChanged(
            Qt.Orientation.Horizontal, 0, len(QueueModel.COLUMNS) - 1
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def now() -> datetime:
    return datetime.now(UTC)
