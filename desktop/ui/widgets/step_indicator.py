"""1 Cập nhật tin → 2 Biên tập tin → 3 Duyệt tin: where an item is, and who acts next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.models import WAITING_STEP, State
from desktop.ui import labels


class StepIndicator(QWidget):
    """Three numbered steps; the current one highlighted, the done ones ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = State.DRAFT
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.steps = [QLabel(self) for _ in range(3)]
        self.arrows = [QLabel("→", self) for _ in range(2)]
        for index, label in enumerate(self.steps):
            label.setObjectName("step")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row.addWidget(label)
            if index < 2:
                row.addWidget(self.arrows[index])
        row.addStretch(1)
        outer.addLayout(row)
        self.next_label = QLabel(self)
        self.next_label.setObjectName("nextStep")
        outer.addWidget(self.next_label)
        self.retranslate()

    def set_state(self, state: State | str) -> None:
        self.state = State(state)
        self.retranslate()

    def current_step(self) -> int | None:
        return WAITING_STEP[self.state]

    def retranslate(self) -> None:
        names = [
            self.tr("1 Write (Cập nhật tin)"),
            self.tr("2 Edit (Biên tập tin)"),
            self.tr("3 Approve (Duyệt tin)"),
        ]
        current = self.current_step()
        done_all = self.state is State.PUBLISHED
        for number, (label, name) in enumerate(zip(self.steps, names, strict=True), start=1):
            finished = done_all or (current is not None and number < current)
            active = current == number
            label.setText(("✓ " if finished else "") + name)
            label.setProperty("stepState", "active" if active else "done" if finished else "todo")
            label.style().unpolish(label)
            label.style().polish(label)
        self.next_label.setText(labels.who_acts_next(self.state))
        self.setAccessibleName(self.tr("Workflow step"))
        self.setAccessibleDescription(
            labels.state_name(self.state) + ". " + labels.who_acts_next(self.state)
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
