"""The composition root: --demo starts the portal on loopback, signs in, switches accounts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.app import DEMO_ACCOUNTS, DEMO_PASSWORD, DeskApp


def test_demo_start_sign_in_and_switch(
    qapp: Any, run: Any, tmp_path: Path, settings: Any, translations: Any
) -> None:
    desk = DeskApp(qapp, tmp_path, settings, translations)
    shown: list[Any] = []
    desk.on_window = shown.append
    try:
        url = desk.start_demo(reset=True)
        assert url.startswith("http://127.0.0.1:")
        assert (tmp_path / "demo" / "portal.sqlite3").exists()
        first = DEMO_ACCOUNTS[0][0]
        window = run(desk.sign_in(url, first, DEMO_PASSWORD, desk.demo_store_path(first)))
        assert window.items.session.user.username == "thanhvien1"
        assert window.accounts.count() == len(DEMO_ACCOUNTS)
        assert window.accounts.currentText() == "Nguyễn Thị Thu Hà — Thành viên"  # not "thanhvien1"
        assert window.accounts_action.isVisible()
        assert "my_items" in window.visible_screen_names()
        run(desk.sync.sync_now())  # after the first sync the window started, one more
        assert desk.sync.state.online is True

        window.accounts.setCurrentIndex(window.accounts.findData("truongban"))
        run(desk.switch_account("truongban"))
        assert len(shown) == 2 and desk.window is shown[1]
        assert desk.window.items.session.user.username == "truongban"
        assert "approval_queue" in desk.window.visible_screen_names()
        assert desk.window.page("approval_queue").count() >= 1
    finally:
        run(desk.close())
        if desk.window is not None:
            desk.window.close()


def test_demo_reset_starts_over(qapp: Any, run: Any, tmp_path: Path, settings: Any) -> None:
    from desktop.ui.i18n import Translations

    desk = DeskApp(qapp, tmp_path, settings, Translations(qapp, tmp_path / "qm"))
    marker = tmp_path / "demo" / "desk-thanhvien1.sqlite3"
    marker.parent.mkdir(parents=True)
    marker.write_text("old")
    try:
        desk.start_demo(reset=True)
        assert not marker.exists()
    finally:
        run(desk.close())


def test_the_app_limits_malloc_arenas_on_linux() -> None:
    """run_gui's first step (bench/README.md: ~40 MB less peak RSS after a 10,000-item sync)."""
    import sys

    from desktop.app import limit_malloc_arenas

    if not sys.platform.startswith("linux"):
        assert limit_malloc_arenas() is False
        return
    assert limit_malloc_arenas() is True  # glibc took M_ARENA_MAX
