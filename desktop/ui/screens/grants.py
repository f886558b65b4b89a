"""Phân công, ủy quyền: the head gives and revokes ``edit`` and ``approve`` rights for some
sections and a period, citing the decision; the deputy gives ``edit`` (BD-18.4, BD-22).

Grants are a directory change made on the portal, so this screen works online only and says so
plainly otherwise; after a change the directory is refreshed and the queues follow at once.
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Role, Step
from desktop.models.fields import format_vn_date, parse_vn_date
from desktop.ui import dialogs
from desktop.ui.screens import Context, Screen
from desktop.ui.screens.entries import GrantsEntry
from desktop.ui.services import run_op

COLUMNS = 7


def _day(value: str) -> datetime | None:
    """A dd/mm/yyyy field as the start of that day (UTC); None when empty."""
    text = value.strip()
    if not text:
        return None
    return datetime.combine(parse_vn_date(text), time(0), tzinfo=UTC)


def _shown_day(value: Any) -> str:
    if not value:
        return ""
    try:
        return format_vn_date(datetime.fromisoformat(str(value)).date())
    except ValueError:
        return str(value)


class GrantsScreen(GrantsEntry, Screen):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.desk = context.items.desk
        self.confirm = dialogs.confirm
        self.last_task: Any = None
        self._grants: list[dict[str, Any]] = []

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.revoke_button = QPushButton(self)
        self.revoke_button.setObjectName("danger")
        self.revoke_button.clicked.connect(self.revoke_selected)

        self.grantee = QComboBox(self)
        self.step = QComboBox(self)
        self.all_categories = QCheckBox(self)
        self.all_categories.setChecked(True)
        self.categories = QListWidget(self)
        self.categories.setMaximumHeight(120)
        self.all_categories.toggled.connect(lambda on: self.categories.setEnabled(not on))
        self.categories.setEnabled(False)
        self.valid_from = QLineEdit(self)
        self.valid_until = QLineEdit(self)
        for line in (self.valid_from, self.valid_until):
            line.setPlaceholderText("dd/mm/yyyy")
        self.decision = QLineEdit(self)
        self.give_button = QPushButton(self)
        self.give_button.setObjectName("primary")
        self.give_button.clicked.connect(self.give)
        self.status = QLabel(self)
        self.status.setObjectName("problems")
        self.status.setWordWrap(True)

        self.give_box = QGroupBox(self)
        form = QFormLayout(self.give_box)
        self.form_labels = [QLabel(self) for _ in range(6)]
        period = QHBoxLayout()
        period.addWidget(self.valid_from)
        period.addWidget(self.valid_until)
        categories = QVBoxLayout()
        categories.addWidget(self.all_categories)
        categories.addWidget(self.categories)
        form.addRow(self.form_labels[0], self.grantee)
        form.addRow(self.form_labels[1], self.step)
        form.addRow(self.form_labels[2], categories)
        form.addRow(self.form_labels[3], period)
        form.addRow(self.form_labels[4], self.decision)
        form.addRow(self.form_labels[5], self.give_button)
        for label, buddy in zip(
            self.form_labels,
            (self.grantee, self.step, self.categories, self.valid_from, self.decision),
            strict=False,
        ):
            label.setBuddy(buddy)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.revoke_button)
        layout.addLayout(row)
        layout.addWidget(self.give_box)
        layout.addWidget(self.status)
        self.retranslate()

    # showing
    def refresh(self) -> None:
        names = self.context.items.member_names()
        categories = {c.id: c.name for c in self.context.items.categories()}
        self._grants = sorted(
            self.desk.grants(),
            key=lambda g: (bool(g.get("revoked_at")), str(g.get("valid_from") or "")),
        )
        self.table.setRowCount(len(self._grants))
        for row, grant in enumerate(self._grants):
            chosen = grant.get("categories") or []
            cells = (
                names.get(str(grant.get("grantee")), str(grant.get("grantee"))),
                self._step_name(str(grant.get("step"))),
                ", ".join(categories.get(c, c) for c in chosen) or self.tr("All sections"),
                f"{_shown_day(grant.get('valid_from'))} – {_shown_day(grant.get('valid_until'))}",
                str(grant.get("decision_ref") or ""),
                names.get(str(grant.get("granted_by")), str(grant.get("granted_by"))),
                (self.tr("Revoked %1").replace("%1", _shown_day(grant.get("revoked_at"))))
                if grant.get("revoked_at")
                else "",
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, grant.get("id"))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self._fill_choices(names, categories)

    def _fill_choices(self, names: dict[str, str], categories: dict[str, str]) -> None:
        me = self.context.session.user.username
        chosen = self.grantee.currentData()
        self.grantee.clear()
        for member in self.desk.members():
            username = str(member.get("username"))
            roles = set(member.get("roles") or [])
            if username == me or (roles and not roles & {"head", "deputy", "member"}):
                continue
            self.grantee.addItem(names.get(username, username), username)
        self.grantee.setCurrentIndex(max(self.grantee.findData(chosen), 0))
        checked = set(self.chosen_categories())
        self.categories.clear()
        for category_id, name in categories.items():
            entry = QListWidgetItem(name, self.categories)
            entry.setData(Qt.ItemDataRole.UserRole, category_id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(
                Qt.CheckState.Checked if category_id in checked else Qt.CheckState.Unchecked
            )

    def _step_name(self, step: str) -> str:
        return (
            self.tr("Editing (step 2)") if step == Step.EDIT.value else self.tr("Approval (step 3)")
        )

    def chosen_categories(self) -> list[str]:
        if not hasattr(self, "categories") or self.all_categories.isChecked():
            return []
        return [
            str(self.categories.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.categories.count())
            if self.categories.item(i).checkState() == Qt.CheckState.Checked
        ]

    # acting
    def give(self) -> Any:
        grantee = self.grantee.currentData()
        if not grantee:
            self.status.setText(self.tr("Choose the person who receives the right."))
            return None
        try:
            valid_from = _day(self.valid_from.text())
            valid_until = _day(self.valid_until.text())
        except ValueError:
            self.status.setText(self.tr("Write the dates as dd/mm/yyyy."))
            return None
        if valid_from and valid_until and valid_until <= valid_from:
            self.status.setText(self.tr("The end of the period must come after its start."))
            return None
        if not self.all_categories.isChecked() and not self.chosen_categories():
            self.status.setText(self.tr("Choose at least one section, or all sections."))
            return None
        if not self.decision.text().strip():  # AG-10.1: the portal refuses it too
            self.status.setText(self.tr("Write the number of the assignment decision."))
            self.decision.setFocus()
            return None
        step = str(self.step.currentData())

        async def work() -> Any:
            return await self.desk.grant(
                grantee,
                step,
                self.chosen_categories(),
                valid_from,
                valid_until,
                self.decision.text().strip(),
            )

        self.status.setText("")
        self.last_task = run_op(self.give_button, work, self._given, self.status.setText)
        return self.last_task

    def _given(self, _grant: Any) -> None:
        self.decision.clear()
        self.status.setText(self.tr("The right was given."))
        self.refresh()

    def revoke_selected(self) -> Any:
        row = self.table.currentRow()
        if row < 0 or row >= len(self._grants):
            self.status.setText(self.tr("Choose a grant in the list first."))
            return None
        grant = self._grants[row]
        if grant.get("revoked_at"):
            self.status.setText(self.tr("This grant is already revoked."))
            return None
        cell = self.table.item(row, 0)
        question = self.tr("Revoke the right of %1 from now on?").replace(
            "%1", cell.text() if cell is not None else ""
        )
        if not self.confirm(self, self.tr("Revoke"), question):
            return None
        grant_id = str(grant.get("id"))
        self.last_task = run_op(
            self.revoke_button,
            lambda: self.desk.revoke(grant_id),
            self._revoked,
            self.status.setText,
        )
        return self.last_task

    def _revoked(self, _grant: Any) -> None:
        self.status.setText(self.tr("The right was revoked."))
        self.refresh()

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.hint.setText(
            self.tr(
                "The head gives editing and approval rights; the deputy gives editing rights. A right covers some sections (or all) for a period and cites the decision. Changes need the portal: they are not possible offline."  # noqa: E501 - one translatable string
            )
        )
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Step"),
                self.tr("Sections"),
                self.tr("Period"),
                self.tr("Decision"),
                self.tr("Given by"),
                self.tr("Revoked"),
            ]
        )
        self.table.setAccessibleName(self.tr("Grants"))
        self.revoke_button.setText(self.tr("Revoke the chosen grant…"))
        self.give_box.setTitle(self.tr("Give a right"))
        for label, text in zip(
            self.form_labels,
            (
                self.tr("&Person"),
                self.tr("S&tep"),
                self.tr("Se&ctions"),
                self.tr("Period (from, until)"),
                self.tr("&Decision (required)"),
                "",
            ),
            strict=True,
        ):
            label.setText(text)
        self.all_categories.setText(self.tr("All sections"))
        self.valid_from.setAccessibleName(self.tr("Valid from"))
        self.valid_until.setAccessibleName(self.tr("Valid until (empty: no end)"))
        self.decision.setPlaceholderText(self.tr("Number of the assignment decision"))
        self.give_button.setText(self.tr("Give the right"))
        step = self.step.currentData()
        self.step.clear()
        self.step.addItem(self._step_name(Step.EDIT.value), Step.EDIT.value)
        if Role.HEAD in self.context.session.roles:
            self.step.addItem(self._step_name(Step.APPROVE.value), Step.APPROVE.value)
        self.step.setCurrentIndex(max(self.step.findData(step), 0))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
