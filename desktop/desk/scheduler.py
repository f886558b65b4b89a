"""When a desk syncs: on start, soon after local changes (debounced), on a timer, and while the
portal does not answer, by probing with a growing delay. Plain asyncio (qasync runs it in the
app). One sync at a time; asking for one while it runs queues exactly one more.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.sync.engine import SyncReport

log = logging.getLogger(__name__)


class SyncScheduler:
    """Runs ``run()`` (a desk's sync) at the right moments, one at a time."""

    def __init__(
        self,
        run: Callable[[], Awaitable[SyncReport]],
        *,
        interval: float = 60.0,
        debounce: float = 1.5,
        probe_min: float = 2.0,
        probe_max: float = 120.0,
        rng: random.Random | None = None,
    ) -> None:
        self.run = run
        self.interval = interval
        self.debounce = debounce
        self.probe_min = probe_min
        self.probe_max = probe_max
        self.rng = rng or random.Random()
        self.running = False
        self._failures = 0
        self._due: float | None = None  # loop time of the next planned sync (timer, now)
        self._settled: float | None = None  # the debounce: restarted by every local change
        self._waiters: list[asyncio.Future[SyncReport]] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._event_loop: asyncio.AbstractEventLoop | None = None

    @property
    def started(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self) -> None:
        """Sync now, then every ``interval`` seconds. The loop is the one current here: the
        other methods may then be called from its callbacks (a key press, a timer)."""
        loop = self._event_loop = asyncio.get_event_loop()
        self._due = loop.time()
        if not self.started:
            self._task = loop.create_task(self._loop(), name="sync-scheduler")
        self._wake.set()

    async def stop(self, wait: float = 10.0) -> None:
        """Stop planning syncs; a sync that runs now ends first (cancelled after ``wait``
        seconds). The waiters of syncs that will not run now are cancelled."""
        task, self._task = self._task, None
        if task is not None:
            self._wake.set()
            if not task.done():
                with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                    await asyncio.wait_for(asyncio.shield(task), wait)
            if not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        for waiter in self._waiters:
            waiter.cancel()
        self._waiters = []

    def set_interval(self, seconds: float) -> None:
        self.interval = seconds

    def local_change(self) -> None:
        """Something changed here: sync once the person pauses for ``debounce`` seconds."""
        if self._event_loop is not None and self.started:
            self._settled = self._event_loop.time() + self.debounce
            self._wake.set()

    def sync_now(self) -> asyncio.Future[SyncReport]:
        """A sync as soon as possible; the future has the report of the first sync that
        starts after this call (the one running now does not count: it may have read the
        store before the change that asked for this one)."""
        loop = self._event_loop or asyncio.get_event_loop()
        waiter: asyncio.Future[SyncReport] = loop.create_future()
        self._waiters.append(waiter)
        if self.started:
            self._due = loop.time()
            self._wake.set()
        return waiter

    def _next(self) -> float | None:
        planned = [t for t in (self._due, self._settled) if t is not None]
        return min(planned) if planned else None

    def probe_delay(self) -> float:
        """Backoff with jitter while the portal does not answer."""
        base = min(self.probe_max, self.probe_min * 2 ** max(0, self._failures - 1))
        return base * (0.5 + self.rng.random() / 2)

    async def _loop(self) -> None:
        loop = asyncio.get_running_loop()
        while self._task is asyncio.current_task():  # stopped, or started again: ends here
            self._wake.clear()
            at = self._next()
            delay = None if at is None else at - loop.time()
            if delay is None or delay > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), delay)
                continue
            self._due = self._settled = None
            waiters, self._waiters = self._waiters, []
            self.running = True
            try:
                report = await self.run()
            except asyncio.CancelledError:
                for waiter in waiters:
                    waiter.cancel()
                raise
            except Exception as error:  # a bug must not stop future syncs
                log.exception("sync failed unexpectedly")
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_exception(error)
                self._failures += 1
                self._due = loop.time() + self.probe_delay()
                continue
            finally:
                self.running = False
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(report)
            if report.online:
                self._failures = 0
                planned = loop.time() + self.interval
            else:
                self._failures += 1
                planned = loop.time() + self.probe_delay()
            if self._due is None or planned < self._due:
                self._due = planned
