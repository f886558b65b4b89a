"""The window shown from the first second of start-up until the main window (or the welcome
dialog) opens: the application's name, what it is doing now, and a busy bar.

Starting takes several seconds the first time (the demo portal is created and filled, the
first sync fetches the board's items); without it the person sees nothing and starts the app
again. It is a plain frameless widget rather than ``QSplashScreen`` so that it carries a
progress bar and follows the application's stylesheet and language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.ui import icons

#: What start-up goes through, in order (``Splash.say``).
STEPS = ("demo", "sign_in", "sync", "window")


class Splash(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("splash")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        logo = QLabel()
        logo.setPixmap(icons.icon("app").pixmap(48, 48))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel("Bàn biên tập")  # the product's name, in every language
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self.tr("Starting…"))
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the steps' lengths are not known ahead
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        for widget in (logo, self.title, self.status, self.bar):
            layout.addWidget(widget)
        self.setMinimumWidth(420)

    def say(self, step: str) -> None:
        """Say what start-up is doing now (one of ``STEPS``), painted at once."""
        texts = {
            "demo": self.tr("Starting the demo portal…"),
            "sign_in": self.tr("Signing in…"),
            "sync": self.tr("Fetching the board's items…"),
            "window": self.tr("Opening the window…"),
        }
        self.status.setText(texts[step])
        if self.isVisible():
            self.repaint()

    def show_centred(self) -> None:
        self.adjustSize()
        screen = QApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.center() - self.rect().center())
        self.show()
        self.raise_()
        self.repaint()  # before the loop runs: the next seconds may be spent importing
