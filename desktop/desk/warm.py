"""The libraries the app no longer imports on its way to the first window (issue 21: httpx with
its CLI's rich and click, sqlite-utils with click, pluggy and dateutil, markdown, the holiday
tables). Each is imported where it is first used; ``import_deferred`` imports them all at once on
a worker thread, after the first paint or while the welcome dialog waits, so that the first use on
the UI thread costs nothing."""

from __future__ import annotations

import importlib

DEFERRED = ("httpx", "sqlite_utils", "markdown", "holidays")


def import_deferred() -> None:
    """Import the deferred libraries (plain imports, no object made: any thread may do it)."""
    for name in DEFERRED:
        importlib.import_module(name)
