"""A queue of items: a table model over QueueRows, sorting, a filter box, keyboard navigation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timezone
from functools import lru_cache
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import WAITING_STEP, State, clock, fold
from desktop.ui import labels
from desktop.ui.services import QueueRow

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3  # the row's folded text, for the filter box

_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_LATE, _SOON = QColor("#b3261e"), QColor("#8a5a00")


@lru_cache(maxsize=65536)
def _folded(text: str) -> str:
    """``fold(text).lower()``, once per distinct string (titles repeat across refreshes)."""
    return fold(text).lower()


class QueueModel(QAbstractTableModel):
    """Holds the listed columns only (10,000 rows stay small). Qt asks for every visible cell
    several times a paint, so each row's strings are made once, on first use, and sorting is
    a Python sort on precomputed keys here rather than n log n ``data()`` calls from a proxy."""

    COLUMNS = ("title", "category", "author", "step", "waiting", "due")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._given: list[QueueRow] = []  # in the store's order: equal keys keep it
        self._rows: list[QueueRow] = []  # in the shown order
        self._cells: list[tuple[str, ...] | None] = []
        self._haystacks: list[str | None] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.category_names: dict[str, str] = {}
        self.member_names: dict[str, str] = {}
        #: The site's zone: every time shown is in it (models/clock).
        self.zone: timezone = clock.VIETNAM
        #: What the "since" column means on this queue ("Waiting since", "Published on"…).
        self.since_title: Callable[[], str] = lambda: self.tr("Waiting since")

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._given = list(rows)
        self._rows = self._ordered()
        self._forget_cells()
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def rows(self) -> list[QueueRow]:
        """The rows in the order shown (before the filter box)."""
        return list(self._rows)

    def _forget_cells(self) -> None:
        self._cells = [None] * len(self._rows)
        self._haystacks = [None] * len(self._rows)

    def retranslate(self) -> None:
        """Labels (step names, "(untitled)") follow the language: strings made again."""
        self._forget_cells()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [])

    # sorting ------------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        if not self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._rows = self._ordered()
        self._forget_cells()
        where = {row.id: n for n, row in enumerate(self._rows)}
        after = [self.index(where[i], old.column()) for i, old in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _ordered(self) -> list[QueueRow]:
        if self._sort is None or not (0 <= self._sort[0] < len(self.COLUMNS)):
            return list(self._given)
        column, order = self._sort
        key = self._sort_key(self.COLUMNS[column])
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(self._given, key=key, reverse=descending)  # stable both ways

    def _sort_key(self, column: str) -> Any:
        if column == "waiting":
            return lambda row: row.state_since.timestamp() if row.state_since else 0.0
        if column == "step":
            return lambda row: _step_rank(row.state)
        if column == "due":  # issue 6: soonest first, items without a deadline last
            return lambda row: row.due_iso or "9999-12-31"
        return lambda row: _folded(self._text(row, column))

    def sort_value(self, row: int, column: int) -> Any:
        """The value rows are sorted on (``SORT_ROLE``)."""
        return self._sort_key(self.COLUMNS[column])(self._rows[row])

    # cells --------------------------------------------------------------------------------
    def _text(self, row: QueueRow, column: str) -> str:
        if column == "title":
            return row.title or self.tr("(untitled)")
        if column == "category":
            return self.category_names.get(row.category, row.category)
        if column == "author":  # who wrote it on the board, by the name the directory gives
            return self.member_names.get(row.created_by, row.created_by)
        if column == "step":
            if row.returned and row.state == State.DRAFT.value:
                return self.tr("Returned")
            if row.scheduled(datetime.now(UTC)):  # issue 20: approved, out at its time
                return self.tr("Scheduled")
            return labels.state_name(row.state)
        if column == "waiting":
            return clock.shown(row.state_since, self.zone)
        return row.due

    def cells(self, row: int) -> tuple[str, ...]:
        """The row's shown strings, made once."""
        found = self._cells[row]
        if found is None:
            item = self._rows[row]
            found = self._cells[row] = tuple(self._text(item, c) for c in self.COLUMNS)
        return found

    def haystack(self, row: int) -> str:
        """Every column folded (no tone marks, ``đ`` → ``d``), lower case: what the filter reads."""
        found = self._haystacks[row]
        if found is None:
            found = self._haystacks[row] = " ".join(_folded(text) for text in self.cells(row))
        return found

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
            self.since_title(),
            self.tr("Due"),
        )
        return titles[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        n, column = index.row(), index.column()
        if role == _DISPLAY:
            return self.cells(n)[column]
        if role == _FOREGROUND:
            row = self._rows[n]
            if column == 5 and row.due_status:
                # late red, due soon amber; the text says it too ("quá hạn", "sắp đến hạn")
                return _LATE if row.due_status == "late" else _SOON
            if column == 0 and row.sync_status in ("conflict", "failed"):
                return _LATE
            return None
        if role == ID_ROLE:
            return self._rows[n].id
        if role == FILTER_ROLE:
            return self.haystack(n)
        if role == SORT_ROLE:
            return self.sort_value(n, column)
        if role == _TOOLTIP and column == 0:
            row = self._rows[n]
            return f"{row.title}\n{labels.sync_status_name(row.sync_status)}"
        if role == _TOOLTIP and column == 2:
            row = self._rows[n]
            return row.author if row.author and row.author != row.created_by else None
        return None


@lru_cache(maxsize=64)
def _step_rank(state: str) -> int:
    return WAITING_STEP.get(State(state)) or 9


class QueueFilter(QSortFilterProxyModel):
    """Filters on every column at once, without tone marks: ``quyet dinh`` finds ``Quyết định``.

    Matching is Qt's own (a regular expression over the model's folded ``FILTER_ROLE``), so an
    empty filter costs no Python call per row; sorting is handed to ``QueueModel.sort``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(0)

    def set_text(self, text: str) -> None:
        self._needle = fold(text).lower().strip()
        # every word, anywhere, in any order: ^(?=.*w1)(?=.*w2)
        pattern = "".join(f"(?=.*{QRegularExpression.escape(w)})" for w in self._needle.split())
        expression = QRegularExpression("^" + pattern if pattern else "")
        expression.setPatternOptions(QRegularExpression.PatternOption.DotMatchesEverythingOption)
        self.setFilterRegularExpression(expression)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, QueueModel):
            model.sort(column, order)  # the proxy keeps the model's order (its own is off)
        else:
            super().sort(column, order)


class QueueView(QWidget):
    """Filter box above a sortable table; Enter or double-click opens the item."""

    opened = Signal(str)
    selectionChanged = Signal()
    #: The Delete key or the context menu's "Delete draft" on a row (the screen decides).
    deleteRequested = Signal(str)

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
            # not ResizeToContents: that reads every row's data and size hint at each reset
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.installEventFilter(self)
        #: Whether rows offer "Delete draft" (My items); the screen checks each row.
        self.can_delete: Callable[[str], bool] = lambda _item_id: False
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selectionChanged.emit()
        )
        layout.addWidget(self.table)
        self.retranslate()

    def set_rows(self, rows: list[QueueRow]) -> None:
        selected = set(self.selected_ids())
        self.model.set_rows(rows)
        self._fit_columns()
        if selected:
            for n, row in enumerate(self.model.rows()):
                if row.id in selected:
                    shown = self.proxy.mapFromSource(self.model.index(n, 0))
                    if shown.isValid():
                        self.table.selectRow(shown.row())

    def _fit_columns(self) -> None:
        """Step, waiting and due as wide as their longest text: measured on a few candidates
        (the longest strings) instead of Qt asking every row for its size hint."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        rows = self.model.rows()
        padding = 2 * metrics.averageCharWidth() + 28  # the sort arrow needs its room too
        for column, name in enumerate(QueueModel.COLUMNS):
            if column < 3:
                continue
            texts = {self.model._text(row, name) for row in rows} if len(rows) < 200 else None
            if texts is None:  # many rows: distinct lengths via the cheap columns' sources
                texts = _widest_candidates(self.model, rows, name)
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            longest = [*sorted(texts, key=len, reverse=True)[:8], title]
            header.resizeSection(
                column, max(metrics.horizontalAdvance(t) for t in longest) + padding
            )

    def selected_ids(self) -> list[str]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def count(self) -> int:
        return self.model.rowCount()

    def _open_index(self, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id:
            self.opened.emit(item_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Delete
        ):
            for item_id in self.selected_ids()[:1]:
                if self.can_delete(item_id):
                    self.deleteRequested.emit(item_id)
                    return True
        return super().eventFilter(watched, event)

    def _context_menu(self, at: QPoint) -> None:
        index = self.table.indexAt(at)
        item_id = index.data(ID_ROLE) if index.isValid() else None
        if not item_id:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.opened.emit(item_id))
        if self.can_delete(item_id):
            menu.addAction(self.tr("Delete draft…"), lambda: self.deleteRequested.emit(item_id))
        menu.popup(self.table.viewport().mapToGlobal(at))
        self.menu = menu  # kept for tests and until it closes

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter (Ctrl+F): title, category, author…"))
        self.filter.setAccessibleName(self.tr("Filter the list"))
        self.table.setAccessibleName(self.tr("Items"))
        # Calling the header's slot: emitting headerDataChanged from Python drops a reference
        # to True too many in PySide6 6.12 (the interpreter then aborts at exit).
        self.table.horizontalHeader().headerDataChanged(
            Qt.Orientation.Horizontal, 0, len(QueueModel.COLUMNS) - 1
        )
        self.model.retranslate()
        self._fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _widest_candidates(model: QueueModel, rows: list[QueueRow], column: str) -> set[str]:
    """A column's distinct texts without making every row's: step has a few states, waiting
    one date format, due one label per status and date length."""
    if column == "step":
        return {model._text(row, column) for row in {r.state: r for r in rows}.values()}
    if column == "waiting":
        sample = next((r for r in rows if r.state_since is not None), None)
        return {model._text(sample, column)} if sample is not None else set()
    per_kind = {(r.due_status, len(r.due)): r for r in rows}
    return {model._text(row, column) for row in per_kind.values()}


def now() -> datetime:
    return datetime.now(UTC)
