"""Work-arounds for the asyncio-on-Qt loop we ship with (qasync), in one place.

qasync delivers asyncio's callbacks as Qt timer events, so Qt runs them whenever it processes
events: also while asyncio's loop is not running (qasync's ``run_until_complete`` runs Qt's
pending events once more after it stopped; a modal dialog or a test steps Qt between two runs).
A task resumed there found no running loop ("no running event loop", anyio's
``NoEventLoopError``) and failed: a sync resuming after a store call, a write on its way to the
writer thread. ``event_loop`` makes each such callback run as part of its loop.

PySide6 6.12.0 lost a reference to ``True`` on every emit and aborted at exit; pyproject.toml
excludes it, so signals are emitted plainly.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any


def event_loop(app: Any) -> Any:
    """qasync's loop on ``app``, with the two fixes this module describes."""
    import qasync

    class QEventLoop(qasync.QEventLoop):
        def _add_callback(self, handle: asyncio.Handle, delay: float = 0) -> Any:
            handle._callback = _in_loop(self, handle._callback)  # type: ignore[attr-defined]
            return super()._add_callback(handle, delay)

    loop = QEventLoop(app)
    # qasync's default executor is made of QThreads, and Qt aborts the process ("QThread:
    # Destroyed while thread is still running") when one still exists as Python exits; asyncio
    # itself uses this executor (getaddrinfo for httpx). Plain threads end with the process.
    loop.set_default_executor(ThreadPoolExecutor(max_workers=4, thread_name_prefix="asyncio"))
    return loop


def _in_loop(loop: asyncio.AbstractEventLoop, callback: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any) -> Any:
        if asyncio.events._get_running_loop() is not None:
            return callback(*args)
        asyncio.events._set_running_loop(loop)
        try:
            return callback(*args)
        finally:
            asyncio.events._set_running_loop(None)

    return run
