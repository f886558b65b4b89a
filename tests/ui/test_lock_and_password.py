"""The idle lock covers the window after the idle time and opens with the password only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from desktop.security.store_key import StoreKeys
from desktop.store.base import forget_key
from desktop.ui import settings as options
from desktop.ui.lock import IdleLock

PASSWORD = "một mật khẩu dài đủ mười lăm ký tự"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_idle_lock_hides_content_and_keeps_unsaved_text(qtbot: Any, tmp_path: Path) -> None:
    keys = StoreKeys("p1", tmp_path / "store.sqlite3", None)
    keys.open_store(PASSWORD).close()
    forget_key(keys.store_path)
    window = QMainWindow()
    editor = QPlainTextEdit()
    window.setCentralWidget(editor)
    qtbot.addWidget(window)
    window.show()
    editor.setPlainText("Bản nháp chưa lưu")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    clock = FakeClock()
    lock = IdleLock(window, keys.check_password, minutes=2, clock=clock)
    try:
        clock.now += 119
        lock.check_idle()
        assert not lock.is_locked
        clock.now += 1
        with qtbot.waitSignal(lock.locked, timeout=1000):
            lock.check_idle()
        assert lock.is_locked and not editor.isVisible()
        assert lock.cover is not None and lock.cover.isVisible()
        assert lock.cover.geometry() == window.rect()
        assert not lock.try_unlock("sai mật khẩu rồi nhé bạn ơi")
        assert lock.is_locked and not editor.isVisible()
        assert lock.cover.error.text() and lock.cover.password.text() == ""
        with qtbot.waitSignal(lock.unlocked, timeout=1000):
            lock.cover.password.setText(PASSWORD)
            lock.cover.button.click()
        assert not lock.is_locked and editor.isVisible()
        assert editor.toPlainText() == "Bản nháp chưa lưu"
    finally:
        lock.stop()


def test_idle_time_is_a_setting_with_a_ten_minute_default() -> None:
    assert options.IDLE_LOCK_MINUTES.default == 10
    assert options.IDLE_LOCK_MINUTES.coerce(0) == 10 and options.IDLE_LOCK_MINUTES.coerce(3) == 3
