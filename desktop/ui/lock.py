"""The idle lock: after some minutes without input the window is covered (AG-10.2).

The window's widgets are hidden, not destroyed, so the editor's text, its undo history and
every screen's state survive; the sync timer and the writer thread go on underneath. The
password is checked offline against the store key's wrapped copy (``StoreKeys
.check_password``), never sent anywhere.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: Input that counts as the person being there.
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockCover(QWidget):
    """What covers the window: a password field and nothing of the content."""

    unlockRequested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.title = QLabel(self.tr("The editorial desk is locked"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self.tr("Enter your password to go on working."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.error = QLabel("")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setAccessibleName(self.tr("Error"))
        self.button = QPushButton(self.tr("&Unlock"))
        self.button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.hint, self.password, self.error, self.button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.unlockRequested.emit(self.password.text())

    def wrong(self) -> None:
        self.password.clear()
        self.error.setText(self.tr("Wrong password."))
        self.password.setFocus()


class IdleLock(QObject):
    """Watches the application's input and covers ``window`` after ``minutes`` without any.

    ``clock`` is injectable (tests use a fake one and call ``check_idle`` directly).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        check_password: Callable[[str], bool],
        minutes: int = 10,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.check_password = check_password
        self.clock = clock
        self.idle_seconds = max(1, int(minutes)) * 60.0
        self.last_activity = clock()
        self.cover: LockCover | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self, interval=15_000)
        self.timer.timeout.connect(self.check_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.cover is not None

    def set_minutes(self, minutes: int) -> None:
        self.idle_seconds = max(1, int(minutes)) * 60.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.resize_cover()
        if event.type() in ACTIVITY and not self.is_locked:
            self.last_activity = self.clock()
        return False

    def check_idle(self) -> None:
        if not self.is_locked and self.clock() - self.last_activity >= self.idle_seconds:
            self.lock()

    def lock(self) -> None:
        """Hide every part of the window under the cover; keep them alive as they are."""
        if self.is_locked:
            return
        self._hidden = [
            child
            for child in self.window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            if child.isVisible() and not child.isWindow()
        ]
        for child in self._hidden:
            child.hide()
        cover = LockCover(self.window)
        cover.setGeometry(self.window.rect())
        cover.unlockRequested.connect(self.try_unlock)
        cover.show()
        cover.raise_()
        cover.password.setFocus()
        self.cover = cover
        self.window.installEventFilter(self)
        self.locked.emit()

    def try_unlock(self, password: str) -> bool:
        """True and uncovered when the password opens the store key; else the cover says so."""
        if self.cover is None:
            return True
        if not password or not self.check_password(password):
            self.cover.wrong()
            return False
        cover, self.cover = self.cover, None
        cover.hide()
        cover.deleteLater()
        for child in self._hidden:
            child.show()
        self._hidden = []
        self.last_activity = self.clock()
        self.unlocked.emit()
        return True

    def resize_cover(self) -> None:
        if self.cover is not None:
            self.cover.setGeometry(self.window.rect())

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def install_lock(desk: Any, window: QWidget) -> IdleLock:
    """The composition root's hook: a lock on the window, checked with the open store's key."""
    from desktop.ui import settings as options

    minutes = desk.settings.get(options.IDLE_LOCK_MINUTES)
    lock = IdleLock(window, desk.keys.check_password, minutes)

    def changed(key: str) -> None:
        if key == options.IDLE_LOCK_MINUTES.key:
            lock.set_minutes(desk.settings.get(options.IDLE_LOCK_MINUTES))

    desk.settings.changed.connect(changed)
    return lock
