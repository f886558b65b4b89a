"""UI tests: offscreen Qt, a qasync loop for the async parts, real stores and a real portal."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings

from tests.ui.helpers import People

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def current_loop(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """Each UI test runs with the session's qasync loop as the thread's current loop: tests of
    other packages in between (pytest-asyncio's loops) leave none set behind them."""
    asyncio.set_event_loop(loop)
    yield


@pytest.fixture
def run(loop: asyncio.AbstractEventLoop) -> Any:
    """``run(coro_or_future)``: drive it to completion on the qasync loop (no sleeps)."""

    def runner(awaitable: Awaitable[Any], timeout: float = 60) -> Any:
        return loop.run_until_complete(asyncio.wait_for(asyncio.ensure_future(awaitable), timeout))

    return runner


@pytest.fixture
def settings(tmp_path: Path) -> Any:
    from desktop.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def translations(qapp: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Vietnamese by default (the application's default language)."""
    from desktop.ui.i18n import Translations

    cache = tmp_path_factory.mktemp("qm")
    installed = Translations(qapp, cache)
    installed.switch("vi")
    yield installed
    installed.switch("vi")


def qtbot_app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance()


@pytest.fixture
def demo_portal(tmp_path: Path) -> Iterator[Any]:
    from portal.server import PortalServer

    with PortalServer(f"sqlite:///{tmp_path / 'portal.sqlite3'}", demo=True) as server:
        yield server


@pytest.fixture
def desk(
    qtbot: Any, run: Any, tmp_path: Path, settings: Any, demo_portal: Any, translations: Any
) -> Iterator[People]:
    """Sign people in to the demo portal, each with their own store and main window."""
    from desktop.ui import theme

    theme.apply(qtbot_app(), 10)
    helper = People(qtbot, run, tmp_path, settings, demo_portal.url)
    yield helper
    helper.close()
