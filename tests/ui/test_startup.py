"""Start-up as a newcomer meets it (issue 17): a window from the first second that says what is
happening, and ``portal-desk --demo`` printing its public site's address as soon as it is up."""

from __future__ import annotations

import os
import re
import selectors
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import shiboken6

from desktop.app import DeskApp, start_demo
from desktop.ui.splash import STEPS, Splash

ROOT = Path(__file__).resolve().parents[2]


class RecordingSplash(Splash):
    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []
        self.texts: list[str] = []

    def say(self, step: str) -> None:
        super().say(step)
        self.said.append(step)
        self.texts.append(self.status.text())


def test_the_start_up_window_tells_each_step_until_the_main_window(
    qapp: Any, run: Any, tmp_path: Path, settings: Any, translations: Any
) -> None:
    desk = DeskApp(qapp, tmp_path, settings, translations)
    splash = RecordingSplash()
    splash.show_centred()
    assert splash.status.text() == "Đang khởi động…"
    desk.splash = splash
    try:
        window = run(start_demo(desk, reset=True), timeout=120)
        assert splash.said == list(STEPS)
        assert splash.texts[0] == "Đang khởi động cổng thông tin thử nghiệm…"
        assert desk.splash is None and not shiboken6.isValid(splash)  # gone with the window up
        assert window.isVisible()
        desk.starting("sync")  # later steps (a sync, an account switch) need no splash
    finally:
        run(desk.close())
        if desk.window is not None:
            desk.window.close()


def test_demo_prints_its_public_site_address_at_once(tmp_path: Path) -> None:
    """The contract: one line ``http://127.0.0.1:PORT/`` on standard output, then the app goes
    on; the address serves the public site."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--demo", "--data-dir", str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            ready = selector.select(timeout=120)
        assert ready, "nothing printed in two minutes"
        line = process.stdout.readline().strip()
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", line), line
        page = httpx.get(line, timeout=30)
        assert page.status_code == 200
        assert "<html" in page.text and "Cổng thông tin" in page.text
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_the_modules_imported_before_qt_do_not_import_it() -> None:
    """``run_gui`` imports the Qt-free part of start-up before PySide6 (whose import hook reads
    the source of every module imported after it): none of them may pull PySide6 in."""
    code = (
        "import sys\n"
        "from desktop.desk.warm import BEFORE_QT, import_before_qt\n"
        "import_before_qt()\n"
        "assert all(name in sys.modules for name in BEFORE_QT)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
