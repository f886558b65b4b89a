"""The asyncio-on-Qt loop (desktop/ui/qtcompat.py): callbacks Qt runs outside a run of the loop
still find their loop, and blocking calls run on plain threads."""

from __future__ import annotations

from typing import Any


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


def test_a_task_stepped_by_qt_between_two_runs_has_its_loop(loop: Any, qapp: Any) -> None:
    """A background write started in one run, resumed while Qt processes events outside any
    run (a test's waitUntil, a modal dialog): it reaches the executor instead of failing with
    "no running event loop"."""
    import asyncio
    import threading

    from PySide6.QtCore import QCoreApplication, QDeadlineTimer

    seen: list[Any] = []

    async def write() -> None:
        await asyncio.sleep(0)  # resumed by a Qt timer event
        name = await asyncio.get_running_loop().run_in_executor(
            None, lambda: threading.current_thread().name
        )
        seen.append(name)

    task = asyncio.ensure_future(write())
    deadline = QDeadlineTimer(5000)
    while not task.done() and not deadline.hasExpired():
        QCoreApplication.processEvents()
    assert task.done() and task.exception() is None
    assert seen and seen[0].startswith("asyncio")


def test_the_loop_runs_blocking_calls_on_plain_threads(loop: Any) -> None:
    """Not qasync's QThreadExecutor: a QThread alive when Python exits aborts the process."""
    import asyncio
    import threading

    async def where() -> str:
        return await asyncio.get_running_loop().run_in_executor(
            None, lambda: type(threading.current_thread()).__name__
        )

    assert loop.run_until_complete(where()) == "Thread"
