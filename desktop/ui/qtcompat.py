"""Work-arounds for bugs in the Qt binding we ship with.

PySide6 6.12.0: every ``Signal.emit()`` called from Python drops one reference to ``True`` too
many. After a few thousand emits ``True`` is deallocated and the interpreter aborts ("Fatal
Python error: bool_dealloc"). ``emit`` measures the bug once and gives the reference back, so it
is a no-op on a fixed PySide6. Every emit in desktop/ui goes through it. That was not enough:
6.12.0 still aborted at exit after long sessions (references lost while Qt tears down), so
pyproject.toml excludes 6.12.0; the compensation stays for anyone who installs it anyway.
"""

from __future__ import annotations

import asyncio
import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _measure() -> int:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    _give_back(max(lost, 0))
    return max(lost, 0) // 8


def _give_back(count: int) -> None:
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for _ in range(count):
        incref(True)


#: References to True each emit loses (1 on PySide6 6.12.0, 0 once fixed).
LOST_PER_EMIT = _measure()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, without the reference leak of the binding."""
    signal.emit(*args)
    if LOST_PER_EMIT:
        _give_back(LOST_PER_EMIT)


def event_loop(app: Any) -> Any:
    """qasync's loop; its ``call_soon_threadsafe`` emits a signal, so it gets the same fix
    (the store's writer thread and httpx's resolver call it on every finished job)."""
    import qasync

    class QEventLoop(qasync.QEventLoop):
        _last_pass = False

        def call_soon_threadsafe(self, callback: Any, *args: Any, context: Any = None) -> None:
            super().call_soon_threadsafe(callback, *args, context=context)
            if LOST_PER_EMIT:
                _give_back(LOST_PER_EMIT)

        # qasync 0.28's run_until_complete runs Qt's pending events once more after its loop
        # has stopped and no longer counts as running; a task resumed there (a sync whose
        # store call just came back) fails with "no running event loop". That last pass runs
        # as part of this loop here.
        def run_until_complete(self, future: Any) -> Any:
            self._last_pass = True
            try:
                return super().run_until_complete(future)
            finally:
                self._last_pass = False
                asyncio.events._set_running_loop(None)

        def _after_run_forever(self) -> None:
            super()._after_run_forever()
            if self._last_pass:
                asyncio.events._set_running_loop(self)

    loop = QEventLoop(app)
    # qasync's default executor is made of QThreads, and Qt aborts the process ("QThread:
    # Destroyed while thread is still running") when one still exists as Python exits; asyncio
    # itself uses this executor (getaddrinfo for httpx). Plain threads end with the process.
    from concurrent.futures import ThreadPoolExecutor

    loop.set_default_executor(ThreadPoolExecutor(max_workers=4, thread_name_prefix="asyncio"))
    return loop
