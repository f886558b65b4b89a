"""Citizens' questions (issue 18): the board's inbox, with due dates in working days (the late
ones marked), assignment to a member, redirect to the competent agency, decline with a reason,
and the answer, written as an item of the Q&A section that goes through the three steps.

A thin adapter over ``desk.citizens`` (``desktop/desk/questions.py``): the questions live on the
portal, so the screen reads them when shown and after each action; offline it says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.citizens import CLOSED_STATES
from desktop.models.fields import format_vn_date
from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import QuestionsEntry
from desktop.ui.services import run_op

LATE = QColor("#a3161b")


class QuestionsScreen(QuestionsEntry, Screen):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.questions: list[dict[str, Any]] = []
        self.last_task: Any = None
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.reload)
        self.table = QTableWidget(0, 6, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._show_selected)
        # the chosen question
        self.detail = QGroupBox(self)
        self.question_title = QLabel(self.detail)
        self.question_title.setWordWrap(True)
        self.question_title.setTextFormat(Qt.TextFormat.PlainText)
        self.question_title.setObjectName("subheading")
        self.question_text = QLabel(self.detail)
        self.question_text.setWordWrap(True)
        self.question_text.setTextFormat(Qt.TextFormat.PlainText)  # a stranger's text: never HTML
        self.question_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.asker = QLabel(self.detail)
        self.asker.setTextFormat(Qt.TextFormat.PlainText)
        self.asker.setWordWrap(True)
        self.assignee = QComboBox(self.detail)
        self.assign_button = QPushButton(self.detail)
        self.assign_button.clicked.connect(self.assign_selected)
        self.answer_button = QPushButton(self.detail)
        self.answer_button.setObjectName("primary")
        self.answer_button.clicked.connect(self.answer_selected)
        self.agency = QLineEdit(self.detail)
        self.comment = QPlainTextEdit(self.detail)
        self.comment.setMaximumHeight(80)
        self.redirect_button = QPushButton(self.detail)
        self.redirect_button.clicked.connect(self.redirect_selected)
        self.decline_button = QPushButton(self.detail)
        self.decline_button.clicked.connect(self.decline_selected)
        self.status = QLabel(self)
        self.status.setObjectName("message")
        self.status.setWordWrap(True)

        assign_row = QHBoxLayout()
        assign_row.addWidget(self.assignee, 1)
        assign_row.addWidget(self.assign_button)
        assign_row.addWidget(self.answer_button)
        form = QFormLayout()
        self.agency_label, self.comment_label = QLabel(self.detail), QLabel(self.detail)
        form.addRow(self.agency_label, self.agency)
        form.addRow(self.comment_label, self.comment)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(self.redirect_button)
        close_row.addWidget(self.decline_button)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.addWidget(self.question_title)
        detail_layout.addWidget(self.question_text)
        detail_layout.addWidget(self.asker)
        detail_layout.addLayout(assign_row)
        detail_layout.addLayout(form)
        detail_layout.addLayout(close_row)
        detail_layout.addStretch(1)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self._show_selected()

    @property
    def desk(self) -> Any:
        return self.context.items.desk

    # -- reading -------------------------------------------------------------------------------

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()

    def reload(self) -> Any:
        self.last_task = run_op(
            self.refresh_button, self.desk.citizens.questions, self._loaded, self.status.setText
        )
        return self.last_task

    def _loaded(self, questions: list[dict[str, Any]]) -> None:
        self.questions = questions
        self.refresh()

    def state_name(self, state: str) -> str:
        return {
            "received": self.tr("Received"),
            "assigned": self.tr("Being answered"),
            "answered": self.tr("Answered"),
            "redirected": self.tr("Redirected"),
            "declined": self.tr("Declined"),
        }.get(state, state)

    def refresh(self) -> None:
        chosen = self.selected()
        self.table.clearContents()
        self.table.setRowCount(len(self.questions))
        names = self.desk.member_names()
        for row, q in enumerate(self.questions):
            late = q.get("deadline") == "late"
            due = format_vn_date(date.fromisoformat(q["due_date"]))
            if late:
                due = self.tr("%1 (late)").replace("%1", due)
            elif q.get("deadline") == "due_soon":
                due = self.tr("%1 (due soon)").replace("%1", due)
            received = format_vn_date(date.fromisoformat(q["received_at"][:10]))
            cells = [
                q["tracking_code"],
                q["title"],
                received,
                due,
                self.state_name(q["state"]),
                names.get(q.get("assigned_to") or "", q.get("assigned_to") or ""),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if late:
                    cell.setForeground(QBrush(LATE))
                self.table.setItem(row, column, cell)
        self.assignee.clear()
        for username, name in sorted(names.items(), key=lambda pair: pair[1] or pair[0]):
            self.assignee.addItem(name or username, username)
        if chosen is not None:
            for row, q in enumerate(self.questions):
                if q["id"] == chosen["id"]:
                    self.table.selectRow(row)
        self._show_selected()

    def selected(self) -> dict[str, Any] | None:
        row = self.table.currentRow()
        rows = {index.row() for index in self.table.selectedIndexes()}
        if row < 0 or row not in rows or row >= len(self.questions):
            return None
        return self.questions[row]

    def _show_selected(self) -> None:
        q = self.selected()
        self.detail.setEnabled(q is not None)
        if q is None:
            self.question_title.setText(self.tr("Choose a question in the list."))
            self.question_text.setText("")
            self.asker.setText("")
            return
        self.question_title.setText(q["title"])
        self.question_text.setText(q["body"])
        contact = ", ".join(part for part in (q.get("email"), q.get("phone")) if part)
        asker = self.tr("Asked by %1 (%2), code %3").replace("%1", q["name"])
        self.asker.setText(asker.replace("%2", contact or "—").replace("%3", q["tracking_code"]))
        open_ = q["state"] not in CLOSED_STATES
        for control in (self.assign_button, self.redirect_button, self.decline_button):
            control.setEnabled(open_)
        # a new answer when there is none yet, or the last one was rejected or deleted
        answering = q.get("answer_item") and q.get("answer_state") not in ("rejected", "deleted")
        self.answer_button.setEnabled(open_ and not answering)

    # -- acting --------------------------------------------------------------------------------

    def _act(self, control: QWidget, work: Any, done: str) -> Any:
        def finished(_result: Any) -> None:
            self.status.setText(done)
            self.reload()

        self.last_task = run_op(control, work, finished, self.status.setText)
        return self.last_task

    def assign_selected(self) -> Any:
        q = self.selected()
        username = self.assignee.currentData()
        if q is None or not username:
            return None
        return self._act(
            self.assign_button,
            lambda: self.desk.citizens.assign(q["id"], str(username)),
            self.tr("The question was assigned."),
        )

    def redirect_selected(self) -> Any:
        q = self.selected()
        agency, comment = self.agency.text().strip(), self.comment.toPlainText().strip()
        if q is None:
            return None
        if not agency or not comment:
            self.status.setText(
                self.tr("Name the competent agency and write what the asker will read.")
            )
            return None
        return self._act(
            self.redirect_button,
            lambda: self.desk.citizens.redirect(q["id"], agency, comment),
            self.tr("The question was redirected; the asker sees it on the tracking page."),
        )

    def decline_selected(self) -> Any:
        q = self.selected()
        comment = self.comment.toPlainText().strip()
        if q is None:
            return None
        if not comment:
            self.status.setText(self.tr("Write the reason the asker will read."))
            return None
        return self._act(
            self.decline_button,
            lambda: self.desk.citizens.decline(q["id"], comment),
            self.tr("The question was declined."),
        )

    def answer_selected(self) -> Any:
        q = self.selected()
        if q is None:
            return None

        def opened(item: Any) -> None:
            self.status.setText(
                self.tr("The answer is a new draft of the Q&A section: write it and send it on.")
            )
            self.context.open_item(item.id)
            self.reload()

        self.last_task = run_op(
            self.answer_button,
            lambda: self.desk.citizens.answer(q["id"], body=""),
            opened,
            self.status.setText,
        )
        return self.last_task

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.hint.setText(
            self.tr(
                "Questions citizens sent through the portal. Answer within 15 working days; redirect at once what another agency must answer. Contact details are for the board only."  # noqa: E501 - one translatable string
            )
        )
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Question"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("State"),
                self.tr("Assigned to"),
            ]
        )
        self.table.setAccessibleName(self.tr("Questions"))
        self.detail.setTitle(self.tr("The question"))
        self.assignee.setAccessibleName(self.tr("Assign to"))
        self.assign_button.setText(self.tr("Assign"))
        self.answer_button.setText(self.tr("Write the answer"))
        self.agency_label.setText(self.tr("Competent agency"))
        self.comment_label.setText(self.tr("For the asker"))
        self.redirect_button.setText(self.tr("Redirect"))
        self.decline_button.setText(self.tr("Decline"))
        if self.questions:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
