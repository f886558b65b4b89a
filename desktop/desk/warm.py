"""Imports moved in time to make the first window sooner (issue 21).

``import_deferred``: the libraries the app no longer imports on its way to the first window
(httpx with its CLI's rich and click, sqlite-utils with click, pluggy and dateutil, markdown, the
holiday tables). Each is imported where it is first used; ``import_deferred`` imports them all at
once on a worker thread, after the rows' first read or while the welcome dialog waits, so that the
first use on the UI thread costs nothing.

``import_before_qt``: what start-up needs that does not use Qt (the desk, the store, the sync, the
keychain), imported first thing, before PySide6. PySide6 installs an import hook that reads the
source of every module imported after it, looking for ``from __feature__``: imported after it,
these ~100 modules cost about 40 ms more CPU (13 % of the import time to the first window).

``pause_gc`` / ``resume_gc``: the cyclic garbage collector is off from the start until the first
window is painted (or a dialog waits for the person, or the sign-in's first sync starts). The
start-up's ~100,000 objects (modules, classes, the window) live as long as the app: the
collector's passes over them found nothing to free and cost about 11 ms of CPU before the first
paint (3 %, bench/README.md). They are then frozen out of its passes, as ``run_gui`` did already
before its loop."""

from __future__ import annotations

import gc
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


def pause_gc() -> None:
    """The collector off until ``resume_gc`` (start-up only: ``run_gui`` calls it first)."""
    gc.disable()


def resume_gc() -> None:
    """The collector on again, start-up's objects frozen out of its passes; a no-op unless
    ``pause_gc`` paused it (safe to call at each step that may come first)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def import_deferred() -> None:
    """Import the deferred libraries (plain imports, no object made: any thread may do it)."""
    for name in DEFERRED:
        importlib.import_module(name)


def import_before_qt() -> None:
    """Import the Qt-free part of start-up, before anything imports PySide6 (``run_gui``)."""
    for name in BEFORE_QT:
        importlib.import_module(name)
