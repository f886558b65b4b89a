"""The change-password dialog: current password, the new one twice, and a live pre-check.

The pre-check is the domain's password policy, the one the portal enforces
(``desktop.models.passwords.policy_problems``), with the account's name, the person's name and
the site names from the session, so the person sees each reason in their language while typing;
the portal still decides (its history check, a site's longer minimum). In *forced* mode
(expired, or reset by an administrator) the dialog cannot be dismissed: Escape and the close
button do nothing, and the only other way out is signing out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.ops import current_language


@dataclass(frozen=True)
class Account:
    """What a new password is pre-checked against: taken from the session's ``/me``."""

    username: str
    full_name: str = ""
    sites: tuple[tuple[str, str], ...] = ()
    min_length: int = 15

    @classmethod
    def from_me(cls, me: dict[str, Any]) -> Account:
        sites = me.get("sites") or {}
        lengths = [15]
        for info in sites.values():
            value = (info.get("settings") or {}).get("min_password_length")
            if isinstance(value, int) and not isinstance(value, bool):
                lengths.append(value)
        return cls(
            username=str(me.get("username") or ""),
            full_name=str(me.get("full_name") or ""),
            sites=tuple((str(k), str(v.get("name") or k)) for k, v in sites.items()),
            min_length=max(lengths),
        )


def policy_reasons(password: str, account: Account, language: str) -> list[str]:
    """The portal's policy applied here, each reason in ``language`` (empty: acceptable)."""
    from desktop.models.passwords import PasswordContext, policy_problems

    context = PasswordContext(
        username=account.username,
        full_name=account.full_name,
        sites=account.sites,
        min_length=account.min_length,
    )
    return [problem.message(language) for problem in policy_problems(password, context)]


class ChangePasswordDialog(QDialog):
    """Asks for the passwords; ``submitted(current, new)`` when they pass the pre-check.

    The caller does the network call and then calls ``succeeded()`` or ``failed(text)``.
    """

    submitted = Signal(str, str)
    signOutRequested = Signal()

    def __init__(
        self, account: Account, parent: QWidget | None = None, forced: bool = False
    ) -> None:
        super().__init__(parent)
        self.account = account
        self.forced = forced
        self.busy = False
        self.setObjectName("changePassword")
        self.setModal(True)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setVisible(forced)
        self.current = self._field()
        self.new = self._field()
        self.repeat = self._field()
        self.problems = QLabel(self)
        self.problems.setObjectName("passwordProblems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(3)]
        for label, field in zip(self.labels, (self.current, self.new, self.repeat), strict=True):
            self.form.addRow(label, field)
            label.setBuddy(field)
        self.buttons = QDialogButtonBox(self)
        self.ok = QPushButton(self)
        self.ok.setDefault(True)
        self.buttons.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        self.leave = QPushButton(self)  # Cancel, or Sign out when forced
        self.buttons.addButton(self.leave, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok.clicked.connect(self.submit)
        self.leave.clicked.connect(self._leave)
        self.debounce = QTimer(self, singleShot=True, interval=250)
        self.debounce.timeout.connect(self.precheck)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._typed)
        if forced:
            self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.retranslate()
        self.precheck()
        self.resize(480, 0)

    def _field(self) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setMinimumWidth(280)
        return field

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change password"))
        texts = (
            self.tr("&Current password"),
            self.tr("&New password"),
            self.tr("&Repeat the new password"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        for field, text in zip((self.current, self.new, self.repeat), texts, strict=True):
            field.setAccessibleName(text.replace("&", ""))
        self.ok.setText(self.tr("Change password"))
        self.leave.setText(self.tr("Sign out") if self.forced else self.tr("Cancel"))
        self.problems.setAccessibleName(self.tr("What the new password still needs"))
        self.error.setAccessibleName(self.tr("Error"))
        self.precheck()

    def set_reason(self, text: str) -> None:
        """Why the change is required now (the portal's sentence: expired, or reset)."""
        self.reason.setText(text)
        self.reason.setVisible(bool(text))

    # the pre-check
    def _typed(self) -> None:
        self.error.clear()
        self.ok.setEnabled(False)
        self.debounce.start()

    def reasons(self) -> list[str]:
        """What stops the new password now, in the interface's language."""
        new, repeat = self.new.text(), self.repeat.text()
        if not new:
            return []
        found = policy_reasons(new, self.account, current_language())
        if new == self.current.text():
            found.append(self.tr("The new password must differ from the current one."))
        if repeat and repeat != new:
            found.append(self.tr("The two new passwords are not the same."))
        return found

    def precheck(self) -> list[str]:
        """Show the reasons, and allow the change only when there are none."""
        self.debounce.stop()
        found = self.reasons()
        self.problems.setText("\n".join(f"• {text}" for text in found))
        self.problems.setVisible(bool(found))
        self.ok.setEnabled(
            not self.busy
            and not found
            and bool(self.current.text())
            and bool(self.new.text())
            and self.new.text() == self.repeat.text()
        )
        return found

    # the outcome
    def submit(self) -> None:
        if self.precheck() or not self.ok.isEnabled():
            return
        self.busy = True
        self.ok.setEnabled(False)
        self.error.clear()
        self.submitted.emit(self.current.text(), self.new.text())

    def succeeded(self) -> None:
        self.busy = False
        self._clear_fields()
        self.done(QDialog.DialogCode.Accepted)

    def failed(self, text: str) -> None:
        """The portal refused: say why; the fields stay so one can be corrected."""
        self.busy = False
        self.error.setText(text)
        self.precheck()

    def _clear_fields(self) -> None:
        for field in (self.current, self.new, self.repeat):
            field.clear()

    def _leave(self) -> None:
        if self.forced:
            self.signOutRequested.emit()
        else:
            self.reject()

    # forced: nothing but the change or signing out
    def reject(self) -> None:
        if not self.forced:
            self._clear_fields()
            super().reject()

    def release(self) -> None:
        """Signing out: the forced dialog may now close."""
        self.forced = False
        self._clear_fields()
        super().reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.forced and event.key() == Qt.Key.Key_Escape:
            event.ignore()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.forced:
            event.ignore()
            return
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
