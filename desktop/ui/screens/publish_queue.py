"""The publish queue (issue 11): what this user's approvals still have to do on the outside
sites (waiting), what is there (published, with its public link), and what failed, with the
reason and a Retry button.

Shown when the site has publishing targets or the queue holds anything. Retry puts the job back
to waiting and starts a sync: the sync engine's publishing hook runs the due jobs.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import PublishQueueEntry

JOB_ROLE = Qt.ItemDataRole.UserRole + 1
RETRYABLE = ("failed", "waiting")


def link_label(url: str, parent: QWidget) -> QLabel:
    """A clickable public link (opens in the browser)."""
    label = QLabel(f'<a href="{html.escape(url, quote=True)}">{html.escape(url)}</a>', parent)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    label.setToolTip(url)
    return label


class PublishQueueScreen(PublishQueueEntry, Screen):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.show_box = QComboBox(self)
        self.show_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.retry_button = QPushButton(self)
        self.retry_button.setObjectName("primary")
        self.retry_button.clicked.connect(self.retry_selected)
        self.table = QTableWidget(0, 5, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selection)
        self.table.cellDoubleClicked.connect(self._open_row)
        self.empty = QLabel(self)
        self.empty.setObjectName("empty")
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.show_box)
        top.addWidget(self.retry_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        self.jobs: list[Any] = []
        self.retranslate()

    def status_name(self, status: str) -> str:
        return {
            "waiting": self.tr("Waiting"),
            "published": self.tr("Published"),
            "failed": self.tr("Failed"),
            "taken_down": self.tr("Taken down"),
        }.get(status, status)

    def refresh(self) -> None:
        wanted = self.show_box.currentData()
        jobs = self.context.items.desk.publishing.jobs()
        self.jobs = [job for job in jobs if not wanted or job.status == wanted]
        self.table.clearContents()
        self.table.setRowCount(len(self.jobs))
        for row, job in enumerate(self.jobs):
            title = QTableWidgetItem(job.title or self.tr("(untitled)"))
            title.setData(JOB_ROLE, job.id)
            title.setToolTip(self.tr("Double-click to open the item"))
            self.table.setItem(row, 0, title)
            self.table.setItem(row, 1, QTableWidgetItem(job.target))
            status = QTableWidgetItem(self.status_name(job.status))
            status.setData(Qt.ItemDataRole.AccessibleTextRole, self.status_name(job.status))
            self.table.setItem(row, 2, status)
            if job.status == "failed":
                reason = QTableWidgetItem(job.last_error or self.tr("No reason given"))
                reason.setToolTip(job.last_error)
                self.table.setItem(row, 3, reason)
            elif job.url and job.status == "published":
                self.table.setItem(row, 3, QTableWidgetItem(""))
                self.table.setCellWidget(row, 3, link_label(job.url, self.table))
            else:
                self.table.setItem(row, 3, QTableWidgetItem(job.url))
            tries = QTableWidgetItem(str(job.attempts) if job.attempts else "")
            tries.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 4, tries)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not self.jobs)
        self._selection()

    def selected_jobs(self) -> list[Any]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.jobs[row] for row in rows if row < len(self.jobs)]

    def _selection(self) -> None:
        retryable = [job for job in self.selected_jobs() if job.status in RETRYABLE]
        self.retry_button.setEnabled(bool(retryable))

    def retry_selected(self) -> int:
        service = self.context.items.desk
        done = sum(
            service.publishing.retry(job.id)
            for job in self.selected_jobs()
            if job.status in RETRYABLE
        )
        self.message.setText(self.tr("%n job(s) will be tried again now.", "", done))
        if done and self.context.sync is not None:
            self.context.sync.sync_now()
        self.refresh()
        return done

    def _open_row(self, row: int, _column: int) -> None:
        if row < len(self.jobs):
            self.context.open_item(self.jobs[row].item_id)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.hint.setText(
            self.tr(
                "Approved items go to the agency's other sites after each sync. A failed one shows the reason; select it and press Retry."  # noqa: E501 - one translatable string
            )
        )
        current = self.show_box.currentIndex()
        self.show_box.blockSignals(True)
        self.show_box.clear()
        self.show_box.addItem(self.tr("All jobs"), "")
        for status in ("waiting", "published", "failed", "taken_down"):
            self.show_box.addItem(self.status_name(status), status)
        self.show_box.setCurrentIndex(max(current, 0))
        self.show_box.blockSignals(False)
        self.show_box.setAccessibleName(self.tr("Show"))
        self.retry_button.setText(self.tr("Retry"))
        self.retry_button.setToolTip(self.tr("Try the selected jobs again now"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Site"),
                self.tr("Status"),
                self.tr("Link or reason"),
                self.tr("Attempts"),
            ]
        )
        self.table.setAccessibleName(self.tr("Publish jobs"))
        self.empty.setText(self.tr("Nothing to publish right now."))
        if self.jobs:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
