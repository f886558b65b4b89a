"""The PySide6 6.12 emit leak is compensated: emitting thousands of signals keeps True alive."""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.ui.qtcompat import emit


class Source(QObject):
    fired = Signal(str)


def test_emit_keeps_the_reference_count_of_true(qapp: Any) -> None:
    source = Source()
    seen: list[str] = []
    source.fired.connect(seen.append)
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(5000):
        emit(source.fired, "x")
    assert len(seen) == 5000
    assert sys.getrefcount(True) >= before - 100  # unfixed: 5000 fewer


def test_threadsafe_calls_keep_the_reference_count_of_true(loop: Any) -> None:
    gc.collect()
    before = sys.getrefcount(True)
    done = loop.create_future()
    count = 2000

    def tick(n: int) -> None:
        if n == count - 1:
            done.set_result(True)

    for n in range(count):
        loop.call_soon_threadsafe(tick, n)
    loop.run_until_complete(done)
    assert sys.getrefcount(True) >= before - 100  # unfixed: 2000 fewer


def test_callbacks_left_when_a_run_ends_still_have_their_loop(loop: Any) -> None:
    """qasync runs Qt's pending events once more after ``run_until_complete`` stops; a task
    resumed there must still find its running loop (a sync resuming after a store call)."""
    import asyncio

    found: list[Any] = []

    def check() -> None:
        try:
            found.append(asyncio.get_running_loop())
        except RuntimeError as error:
            found.append(error)

    async def main() -> None:
        return None

    future = asyncio.ensure_future(main())
    future.add_done_callback(lambda _: loop.call_soon(check))  # queued behind the stop
    loop.run_until_complete(future)
    assert found == [loop]
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        pass  # and once the run is over, no loop runs
    else:
        raise AssertionError("a loop still counts as running after run_until_complete")


def test_the_loop_runs_blocking_calls_on_plain_threads(loop: Any) -> None:
    """Not qasync's QThreadExecutor: a QThread alive when Python exits aborts the process."""
    import asyncio
    import threading

    async def where() -> str:
        return await asyncio.get_running_loop().run_in_executor(
            None, lambda: type(threading.current_thread()).__name__
        )

    assert loop.run_until_complete(where()) == "Thread"
