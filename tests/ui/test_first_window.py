"""The first window, built lean for a faster cold start (issue 21), still shows and does all it
did: the status bar's "online" colour, the About box, the tray after the first paint."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor, QPalette

from tests.ui.helpers import People

ONLINE = QColor("#1b6e2e")  # resources/style.qss: QStatusBar QLabel[online="true"]


def _colour(label: Any) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_the_online_colour_set_before_the_first_show_is_there_when_shown(
    desk: People, qtbot: Any
) -> None:
    """The window is built (and its status set) before it is shown, as at start-up and after a
    sign-in: the label has the look of the state it had when shown; changes polish it again."""
    from desktop.ui.shell import MainWindow

    person = desk.sign_in("thanhvien1")
    assert person.sync.state.online is True
    assert _colour(person.window.online_label) == ONLINE  # shown first, then online

    window = MainWindow(person.items, person.sync, desk.settings)
    qtbot.addWidget(window)
    assert window.online_label.property("online") is True  # set while hidden
    window.show()
    qtbot.waitExposed(window)
    assert _colour(window.online_label) == ONLINE

    desk.offline(person)
    desk.sync(person)
    window.show_sync_state()
    assert window.online_label.property("online") is False
    assert _colour(window.online_label) != ONLINE
    desk.online(person)
    desk.sync(person)
    window.show_sync_state()
    assert _colour(window.online_label) == ONLINE


def test_about_box_and_tray_come_when_asked(desk: People, monkeypatch: Any) -> None:
    """The About box's module and the tray are not made with the first window: F1 still opens
    the box, and the tray comes after the first paint where the desktop has one."""
    from PySide6.QtWidgets import QMessageBox

    person = desk.sign_in("thanhvien1")
    window = person.window
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "about", lambda _parent, title, text: shown.append((title, text))
    )
    window.shortcuts["about"].activated.emit()
    assert shown and shown[0][0] == "Giới thiệu Bàn biên tập"
    assert desk.url in shown[0][1]

    assert window.tray is None  # not before the first paint
    from PySide6.QtWidgets import QSystemTrayIcon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    window.after_first_paint()
    assert window.tray is not None and window.tray.isVisible()
    window.after_first_paint()  # once


def test_the_icons_are_rendered_ahead_at_the_sizes_the_window_paints(desk: People) -> None:
    """``window_start.preload_window_icons`` renders each icon once, at the window's sizes."""
    from desktop.ui import icons

    window = desk.sign_in("thanhvien1").window
    assert window.nav.iconSize().width() == icons.NAVIGATION_SIZE
    assert window.toolbar.iconSize().width() == icons.TOOLBAR_SIZE
