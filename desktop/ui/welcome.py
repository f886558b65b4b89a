"""The first screen when there is no profile: connect to a portal, or try the demo."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import icons


class WelcomeDialog(QDialog):
    """Portal address, account and password; or one button for the demo."""

    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowIcon(icons.icon("app"))
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.address = QLineEdit(self)
        self.account = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(
            self.labels, (self.address, self.account, self.password), strict=True
        ):
            form.addRow(label, field)
            label.setBuddy(field)
        self.error = QLabel(self)
        self.error.setObjectName("problems")
        self.error.setWordWrap(True)
        self.connect_button = QPushButton(self)
        self.connect_button.setObjectName("primary")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self._connect)
        self.demo_button = QPushButton(self)
        self.demo_button.clicked.connect(self._demo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.choice = ""
        self.retranslate()
        self.resize(560, 340)

    def _connect(self) -> None:
        if not (
            self.address.text().strip() and self.account.text().strip() and self.password.text()
        ):
            self.error.setText(
                self.tr("Fill in the portal address, your account and your password.")
            )
            return
        self.choice = "connect"
        self.accept()

    def _demo(self) -> None:
        self.choice = "demo"
        self.demoRequested.emit()
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Editorial desk"))
        self.heading.setText(self.tr("Welcome to the editorial desk"))
        self.intro.setText(
            self.tr(
                "Connect to your portal with the account the administrator gave you. "
                "Or try the demo: a portal on this computer with sample items and accounts."
            )
        )
        self.labels[0].setText(self.tr("Portal &address"))
        self.labels[1].setText(self.tr("A&ccount"))
        self.labels[2].setText(self.tr("&Password"))
        self.address.setPlaceholderText("https://cong.example.gov.vn")
        self.address.setAccessibleName(self.tr("Portal address"))
        self.account.setAccessibleName(self.tr("Account"))
        self.password.setAccessibleName(self.tr("Password"))
        self.connect_button.setText(self.tr("Connect"))
        self.demo_button.setText(self.tr("Try the demo"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
