"""Imports moved in time to make the first window sooner (issue 21).

``import_deferred``: the libraries the app no longer imports on its way to the first window
(httpx with its CLI's rich and click, sqlite-utils with click, pluggy and dateutil, markdown, the
holiday tables). Each is imported where it is first used; ``import_deferred`` imports them all at
once on a worker thread, after the rows' first read or while the welcome dialog waits, so that the
first use on the UI thread costs nothing.

``import_before_qt``: what start-up needs that does not use Qt (the desk, the store, the sync, the
keychain), imported first thing, before PySide6. PySide6 installs an import hook that reads the
source of every module imported after it, looking for ``from __feature__``: imported after it,
these ~100 modules cost about 40 ms more CPU (13 % of the import time to the first window)."""

from __future__ import annotations

import importlib

DEFERRED = ("httpx", "sqlite_utils", "markdown", "holidays")

#: Qt-free modules the first window needs (tests/ui/test_startup.py checks they stay Qt-free).
BEFORE_QT = (
    "desktop.app",
    "desktop.desk",
    "desktop.desk.profiles",
    "desktop.desk.signin",
    "desktop.desk.watch",
    "desktop.security.credentials",
    "desktop.security.store_key",
    "desktop.store",
    "desktop.sync",
    "html",
    "platformdirs",
)


def import_deferred() -> None:
    """Import the deferred libraries (plain imports, no object made: any thread may do it)."""
    for name in DEFERRED:
        importlib.import_module(name)


def import_before_qt() -> None:
    """Import the Qt-free part of start-up, before anything imports PySide6 (``run_gui``)."""
    for name in BEFORE_QT:
        importlib.import_module(name)
