"""The reports screen (head and deputy): the BD-27 figures for a year, a quarter or a date
range, as tables and bar charts, with export to .docx (the annex's template) and .csv.

The figures are worked out on the store's reader thread (``Desk.report``); they come from
the local store, so a warning says when it was not synced since the last change.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.reports import Period, ReportFigures, write_csv, write_docx
from desktop.reports.docx_export import hours, percent
from desktop.ui.ops import current_language, error_sentence
from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import ReportsEntry
from desktop.ui.widgets.bar_chart import BarChart

log = logging.getLogger(__name__)


def ask_save_path(parent: QWidget, caption: str, suggested: str, pattern: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, pattern)
    return path


class FigureTable(QTableWidget):
    """A read-only table of figures; numbers aligned right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

    def fill(self, headers: list[str], rows: list[list[Any]]) -> None:
        self.clear()
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = QTableWidgetItem(str(value))
                if _numeric(value):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(r, c, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)


def _numeric(value: Any) -> bool:
    text = str(value).replace(",", "").replace("%", "").replace("—", "")
    return bool(text) and text.replace(".", "", 1).isdigit()


class ReportsScreen(ReportsEntry, Screen):
    computed = Signal()  # figures shown (tests wait on it)
    exported = Signal(str)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.figures: ReportFigures | None = None
        self.task: asyncio.Future[Any] | None = None
        self.ask_path = ask_save_path
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.kind = QComboBox(self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.quarter = QComboBox(self)
        for number in (1, 2, 3, 4):
            self.quarter.addItem("", number)
        self.quarter.setCurrentIndex((date.today().month - 1) // 3)
        self.date_from = QDateEdit(self)
        self.date_to = QDateEdit(self)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        today = QDate.currentDate()
        self.date_from.setDate(QDate(today.year(), 1, 1))
        self.date_to.setDate(today)
        self.period_labels = [QLabel(self) for _ in range(4)]
        self.make_button = QPushButton(self)
        self.make_button.setObjectName("primary")
        self.make_button.clicked.connect(self.compute)
        self.docx_button = QPushButton(self)
        self.docx_button.clicked.connect(lambda: self.export("docx"))
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(lambda: self.export("csv"))

        self.warning = QLabel(self)
        self.warning.setObjectName("problems")
        self.warning.setWordWrap(True)
        self.source_note = QLabel(self)
        self.source_note.setObjectName("hint")
        self.source_note.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.by_category = FigureTable(self)
        self.by_unit = FigureTable(self)
        self.steps = FigureTable(self)
        self.take_downs = FigureTable(self)
        self.category_chart = BarChart(self)
        self.unit_chart = BarChart(self)
        self.step_chart = BarChart(self)
        self.tabs = QTabWidget(self)
        for table, chart in (
            (self.by_category, self.category_chart),
            (self.by_unit, self.unit_chart),
            (self.steps, self.step_chart),
        ):
            splitter = QSplitter(Qt.Orientation.Horizontal, self)
            splitter.addWidget(table)
            splitter.addWidget(chart)
            splitter.setChildrenCollapsible(False)
            splitter.setSizes([560, 400])
            self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.take_downs, "")

        period = QHBoxLayout()
        period.addWidget(self.kind)
        for label, widget in zip(
            self.period_labels,
            (self.year, self.quarter, self.date_from, self.date_to),
            strict=True,
        ):
            label.setBuddy(widget)
            period.addWidget(label)
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.make_button)
        period.addWidget(self.docx_button)
        period.addWidget(self.csv_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(period)
        layout.addWidget(self.warning)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.source_note)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.retranslate()
        self._kind_changed()
        self._show(None)

    def refresh(self) -> None:
        if self.figures is None and self.task is None and self.isVisible():
            self.compute()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.figures is None and self.task is None:
            self.compute()

    # the period
    def period(self) -> Period:
        kind = self.kind.currentData()
        if kind == "quarter":
            return Period.for_quarter(self.year.value(), int(self.quarter.currentData()))
        if kind == "range":
            start, end = self.date_from.date(), self.date_to.date()
            return Period.between(
                date(start.year(), start.month(), start.day()),
                date(end.year(), end.month(), end.day()),
            )
        return Period.for_year(self.year.value())

    def _kind_changed(self) -> None:
        kind = self.kind.currentData() or "year"
        shown = {
            "year": (True, False, False, False),
            "quarter": (True, True, False, False),
            "range": (False, False, True, True),
        }[kind]
        widgets = (self.year, self.quarter, self.date_from, self.date_to)
        for label, widget, visible in zip(self.period_labels, widgets, shown, strict=True):
            label.setVisible(visible)
            widget.setVisible(visible)

    # figures
    def compute(self) -> asyncio.Future[Any] | None:
        try:
            period = self.period()
        except ValueError:
            self.warning.setText(self.tr("The period ends before it starts."))
            self.warning.setVisible(True)
            return None
        self.make_button.setEnabled(False)
        self.warning.setText(self.tr("Working out the figures…"))
        self.warning.setVisible(True)
        desk = self.context.items.desk
        future = asyncio.ensure_future(desk.report(period, self.context.session.site or None))

        def done(result: asyncio.Future[Any]) -> None:
            self.task = None
            self.make_button.setEnabled(True)
            try:
                figures = result.result()
            except Exception as error:
                self.warning.setText(error_sentence(error))
                self.warning.setVisible(True)
                return
            self._show(figures)
            self.computed.emit()
            # issue 18: the annex's row 8 comes from the portal, when it answers (the docx)
            self.questions_task = asyncio.ensure_future(desk.citizens.report_counts(figures))

        future.add_done_callback(done)
        self.task = future
        return future

    def _show(self, figures: ReportFigures | None) -> None:
        self.figures = figures
        self.docx_button.setEnabled(figures is not None)
        self.csv_button.setEnabled(figures is not None)
        if figures is None:
            self.summary.setText("")
            self.source_note.setText("")
            self.warning.setVisible(False)
            for table in (self.by_category, self.by_unit, self.steps, self.take_downs):
                table.fill(self._group_headers(), [])
            return
        language = current_language()
        self.warning.setText(figures.freshness(language))
        self.warning.setVisible(not figures.up_to_date)
        self.source_note.setText(
            figures.freshness(language) if figures.up_to_date else figures.period.label(language)
        )
        total = figures.total
        self.summary.setText(
            "<b>"
            + figures.period.label(language)
            + "</b><br>"
            + self.tr(
                "Published: %1 · within the deadline: %2 · returned: %3 · rejected: %4 · taken down: %5"  # noqa: E501 - one translatable string
            )
            .replace("%1", str(total.published))
            .replace("%2", percent(total.on_time_share))
            .replace("%3", str(total.returned))
            .replace("%4", str(total.rejected))
            .replace("%5", str(total.taken_down))
        )
        groups_rows = [
            [
                g.label,
                g.published,
                percent(g.on_time_share),
                g.late,
                g.returned,
                g.rejected,
                g.taken_down,
            ]
            for g in figures.by_category
        ]
        self.by_category.fill(self._group_headers(self.tr("Section")), groups_rows)
        unit_rows = [
            [
                g.label,
                g.published,
                percent(g.on_time_share),
                g.late,
                g.returned,
                g.rejected,
                g.taken_down,
            ]
            for g in figures.by_unit
        ]
        self.by_unit.fill(self._group_headers(self.tr("Responsible unit")), unit_rows)
        self.steps.fill(
            [self.tr("Step"), self.tr("Passes"), self.tr("Average hours")],
            [
                [f"{s.number}. {s.name(language)}", s.passes, hours(s.average_hours)]
                for s in figures.steps
            ],
        )
        self.take_downs.fill(
            [self.tr("Title"), self.tr("Day"), self.tr("Reason")],
            [[t.title, _day(t.day), t.reason] for t in figures.take_downs],
        )
        published = self.tr("Items published")
        self.category_chart.set_bars(
            published + " — " + self.tr("by section"),
            [(g.label, g.published) for g in figures.by_category],
            lambda v: f"{v:g}",
        )
        self.unit_chart.set_bars(
            published + " — " + self.tr("by unit"),
            [(g.label, g.published) for g in figures.by_unit],
            lambda v: f"{v:g}",
        )
        self.step_chart.set_bars(
            self.tr("Average hours at each step"),
            [(f"{s.number}. {s.name(language)}", s.average_hours or 0.0) for s in figures.steps],
            hours,
        )

    def _group_headers(self, first: str = "") -> list[str]:
        return [
            first or self.tr("Section"),
            self.tr("Published"),
            self.tr("Within deadline"),
            self.tr("Late"),
            self.tr("Returned"),
            self.tr("Rejected"),
            self.tr("Taken down"),
        ]

    # export
    def export(self, kind: str) -> Path | None:
        figures = self.figures
        if figures is None:
            return None
        period = figures.period
        stem = f"bao-cao-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
        if kind == "docx":
            caption = self.tr("Save the report as a Word file")
            pattern = self.tr("Word documents (*.docx)")
        else:
            caption = self.tr("Save the figures as CSV")
            pattern = self.tr("CSV files (*.csv)")
        chosen = self.ask_path(self, caption, f"{stem}.{kind}", pattern)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")
        try:
            if kind == "docx":
                session = self.context.session
                write_docx(
                    figures,
                    path,
                    agency=session.site_name or session.site,
                    reporter=session.user.full_name or session.user.username,
                )
            else:
                write_csv(figures, path)
        except Exception as error:  # a full disk, a file open in Word...
            self.warning.setText(error_sentence(error))
            self.warning.setVisible(True)
            return None
        self.source_note.setText(self.tr("Saved: %1").replace("%1", str(path)))
        self.exported.emit(str(path))
        return path

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reports"))
        current = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Year"), "year")
        self.kind.addItem(self.tr("Quarter"), "quarter")
        self.kind.addItem(self.tr("Date range"), "range")
        self.kind.setCurrentIndex(max(current, 0))
        self.kind.blockSignals(False)
        self.kind.setAccessibleName(self.tr("Report period"))
        for index in range(self.quarter.count()):
            self.quarter.setItemText(
                index, self.tr("Quarter %1").replace("%1", str(self.quarter.itemData(index)))
            )
        for label, text in zip(
            self.period_labels,
            (self.tr("Year"), self.tr("Quarter"), self.tr("From"), self.tr("To")),
            strict=True,
        ):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(text)
        self.make_button.setText(self.tr("Make the report"))
        self.docx_button.setText(self.tr("Export .docx…"))
        self.docx_button.setToolTip(self.tr("The report in the province's template (BD-27)"))
        self.csv_button.setText(self.tr("Export .csv…"))
        self.csv_button.setToolTip(self.tr("The raw figures, for a spreadsheet"))
        for index, text in enumerate(
            (
                self.tr("By section"),
                self.tr("By unit"),
                self.tr("Time at each step"),
                self.tr("Take-downs"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.category_chart.empty_text = self.tr("Nothing published in this period.")
        self.unit_chart.empty_text = self.category_chart.empty_text
        self.step_chart.empty_text = self.category_chart.empty_text
        if self.figures is not None:
            self._show(self.figures)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _day(day: str) -> str:
    parts = str(day)[:10].split("-")
    return "/".join(reversed(parts)) if len(parts) == 3 else str(day)
