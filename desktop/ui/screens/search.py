"""The search screen and the search box always at hand in the toolbar (issue 7).

Ctrl+F filters the queue on screen (elsewhere it goes to the toolbar's box); Ctrl+K and
Ctrl+Shift+F go to the toolbar's search box from anywhere; Enter there opens this screen with
the results. The search runs on the store's reader thread (``Desk.search``), so typing
never waits for it; an answer to an older query is dropped.
"""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import State
from desktop.ui import labels
from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import SearchEntry
from desktop.ui.widgets.search_box import SearchBox

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
TYPING_PAUSE_MS = 250
LIMIT = 50

Span = tuple[int, int]


def bold_html(text: str, spans: Sequence[Span]) -> str:
    """``text`` as HTML with the matching words in bold (the rest escaped)."""
    out, pos = [], 0
    for start, end in spans:
        out += [html.escape(text[pos:start]), "<b>", html.escape(text[start:end]), "</b>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


class HitDelegate(QStyledItemDelegate):
    """Draws a hit's rich text (title line, then the snippet) with the words in bold."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(option.rect.width(), 200) - 12)
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 4)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 6, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        view = option.widget
        if view is not None and hasattr(view, "viewport"):
            option.rect.setWidth(view.viewport().width())
        document = self._document(option, index)
        return QSize(int(document.idealWidth()) + 12, int(document.size().height()) + 8)


class ResultList(QListView):
    """The ranked hits; Enter (or a double click) opens the item."""

    opened = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self.setItemDelegate(HitDelegate(self))
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setAlternatingRowColors(True)
        self.activated.connect(self._open)
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        item_id = index.data(ID_ROLE)
        if item_id:
            self.opened.emit(str(item_id))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    def ids(self) -> list[str]:
        return [str(self.model_.item(r).data(ID_ROLE)) for r in range(self.model_.rowCount())]


class DateBound(QDateEdit):
    """A date filter whose lowest value means "no limit" (shown as a dash)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setSpecialValueText("—")
        self.clear_bound()

    def clear_bound(self) -> None:
        self.setDate(self.minimumDate())

    def value(self) -> str | None:
        if self.date() == self.minimumDate():
            return None
        return str(self.date().toString("yyyy-MM-dd"))


class SearchScreen(SearchEntry, Screen):
    searched = Signal()  # a search's answer is shown (tests wait on it)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.state = QComboBox(self)
        self.category = QComboBox(self)
        self.author = QComboBox(self)
        self.unit = QComboBox(self)
        for combo in (self.category, self.author, self.unit):
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.date_from = DateBound(self)
        self.date_to = DateBound(self)
        self.filter_labels = [QLabel(self) for _ in range(6)]
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.results = ResultList(self)
        self.results.opened.connect(context.open_item)
        self.timer = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_search)
        self._generation = 0
        self._shown_query: tuple[Any, ...] | None = None
        self.task: asyncio.Future[Any] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.query)
        filters = QGridLayout()  # two rows, so the screen needs no more width than a queue
        widgets = (self.state, self.category, self.author, self.unit, self.date_from, self.date_to)
        for n, (label, widget) in enumerate(zip(self.filter_labels, widgets, strict=True)):
            label.setBuddy(widget)
            filters.addWidget(label, n // 3, (n % 3) * 2)
            filters.addWidget(widget, n // 3, (n % 3) * 2 + 1)
        for column in (1, 3, 5):
            filters.setColumnStretch(column, 1)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self.query.textChanged.connect(lambda _: self.timer.start())
        self.query.textChanged.connect(self._mirror)
        self.query.returnPressed.connect(self._enter)
        self.query.installEventFilter(self)
        for combo in (self.state, self.category, self.author, self.unit):
            combo.currentIndexChanged.connect(lambda _: self.run_search())
        for bound in (self.date_from, self.date_to):
            bound.dateChanged.connect(lambda _: self.run_search())
        self._fill_filters()
        self.retranslate()

    # the screen's contract
    def refresh(self) -> None:
        self._fill_filters()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.query.setFocus()

    # searching
    def search_for(self, text: str) -> asyncio.Future[Any] | None:
        """Show the hits for ``text`` (from the toolbar's box)."""
        self.query.blockSignals(True)
        self.query.setText(text)
        self.query.blockSignals(False)
        self.query.setFocus()
        return self.run_search()

    def _mirror(self, text: str) -> None:
        """The toolbar's box says what this screen searches for: the two never drift apart."""
        box = getattr(self.window(), "search_box", None)
        if isinstance(box, SearchBox) and box.text() != text:
            box.setText(text)

    def filters(self) -> dict[str, Any]:
        state = self.state.currentData()
        return {
            "states": [state] if state else None,
            "category": self.category.currentData() or None,
            "author": self.author.currentData() or None,
            "unit": self.unit.currentData() or None,
            "date_from": self.date_from.value(),
            "date_to": self.date_to.value(),
        }

    def _key(self) -> tuple[Any, ...]:
        return (self.query.text(), tuple(sorted((k, str(v)) for k, v in self.filters().items())))

    def run_search(self) -> asyncio.Future[Any] | None:
        self.timer.stop()
        text = self.query.text()
        self._generation += 1
        generation, key = self._generation, self._key()
        if not text.strip():
            self._show([], key)
            return None
        self.status.setText(self.tr("Searching…"))
        future = asyncio.ensure_future(
            self.context.items.desk.search(text, limit=LIMIT, **self.filters())
        )

        def done(result: asyncio.Future[Any]) -> None:
            if generation != self._generation:
                return  # a newer query is on its way
            try:
                hits = result.result()
            except Exception:  # the search never raises on odd input; a store error does
                log.warning("search failed", exc_info=True)
                hits = []
            self._show(hits, key)

        future.add_done_callback(done)
        self.task = future
        return future

    def _enter(self) -> None:
        if self._shown_query == self._key() and self.results.model_.rowCount():
            self.results.setFocus()
            self.results.setCurrentIndex(self.results.model_.index(0, 0))
            return
        self.run_search()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key == Qt.Key.Key_Down and self.results.model_.rowCount():
                self.results.setFocus()
                self.results.setCurrentIndex(self.results.model_.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    def _show(self, hits: list[Any], key: tuple[Any, ...]) -> None:
        model = self.results.model_
        model.clear()
        names = {c.id: c.name for c in self.context.items.categories()}
        for hit in hits:
            row = QStandardItem()
            title = bold_html(hit.title, hit.title_spans) or html.escape(self.tr("(untitled)"))
            facts = " · ".join(
                html.escape(part)
                for part in (
                    labels.state_name(State(hit.state)) if hit.state in _STATES else hit.state,
                    names.get(hit.category, hit.category),
                    hit.author,
                    _day(hit.day),
                )
                if part
            )
            snippet = bold_html(hit.snippet, hit.snippet_spans)
            row.setData(
                f'<div style="font-size:large">{title}</div>'
                f'<div style="color:gray">{facts}</div><div>{snippet}</div>',
                HTML_ROLE,
            )
            row.setData(hit.id, ID_ROLE)
            row.setData(f"{hit.title} — {hit.snippet}", Qt.ItemDataRole.AccessibleTextRole)
            model.appendRow(row)
        self._shown_query = key
        if not self.query.text().strip():
            self.status.setText(
                self.tr("Type words, with or without accents. Enter opens the selected item.")
            )
        elif not hits:
            self.status.setText(self.tr("Nothing found."))
        else:
            self.status.setText(self.tr("%n item(s) found, best first.", "", len(hits)))
        self.searched.emit()

    # filters
    def _fill_filters(self) -> None:
        items = self.context.items
        categories = items.categories()
        members = items.member_names()
        units = sorted({c.unit for c in categories if c.unit})
        _refill(self.state, [(labels.state_name(s), s.value) for s in State])
        _refill(self.category, [(c.name, c.id) for c in categories])
        _refill(self.author, sorted(((n, u) for u, n in members.items()), key=lambda p: p[0]))
        _refill(self.unit, [(u, u) for u in units])
        for combo in (self.state, self.category, self.author, self.unit):
            combo.setItemText(0, self.tr("All"))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Search"))
        self.query.setPlaceholderText(
            self.tr("Search titles, summaries, bodies, sources, authors and document numbers")
        )
        self.query.setAccessibleName(self.tr("Search words"))
        texts = (
            self.tr("State"),
            self.tr("Category"),
            self.tr("Author"),
            self.tr("Unit"),
            self.tr("From"),
            self.tr("To"),
        )
        widgets = (self.state, self.category, self.author, self.unit, self.date_from, self.date_to)
        for label, widget, text in zip(self.filter_labels, widgets, texts, strict=True):
            label.setText(text)
            widget.setAccessibleName(text)
        self.date_from.setToolTip(self.tr("The first day (a dash: no limit)"))
        self.date_to.setToolTip(self.tr("The last day (a dash: no limit)"))
        self.results.setAccessibleName(self.tr("Search results"))
        self._fill_filters()
        if self._shown_query is None or not self.query.text().strip():
            self.status.setText(
                self.tr("Type words, with or without accents. Enter opens the selected item.")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


_STATES = {s.value for s in State}


def _day(day: str | None) -> str:
    if not day:
        return ""
    parts = str(day)[:10].split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else str(day)


def _refill(combo: QComboBox, entries: list[tuple[str, str]]) -> None:
    """Replace the entries after the first ("All"), keeping the choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem("", "")
    for text, value in entries:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
