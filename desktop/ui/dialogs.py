"""Small dialogs: a confirmation and a required comment; both replaceable in tests."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


class CommentDialog(QDialog):
    """Asks for the comment that return, reject and take down require; OK stays off until typed."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, required: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(QCoreApplication.translate("Dialogs", "Comment"))
        layout.addWidget(self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if required:
            ok.setEnabled(False)
            self.text.textChanged.connect(
                lambda: ok.setEnabled(bool(self.text.toPlainText().strip()))
            )
        self.resize(460, 240)

    def comment(self) -> str:
        return self.text.toPlainText().strip()


def ask_comment(parent: QWidget | None, title: str, prompt: str, required: bool) -> str | None:
    dialog = CommentDialog(parent, title, prompt, required)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.comment()
