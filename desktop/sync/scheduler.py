"""When to sync: on start, after local changes (debounced), on a timer, and when the portal
answers again (probing with backoff while offline). Plain asyncio: the UI drives it via qasync.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Callable
from typing import Protocol

from desktop.sync.engine import SyncReport

log = logging.getLogger(__name__)


class Syncs(Protocol):
    async def sync(self) -> SyncReport: ...


class SyncScheduler:
    """Runs ``engine.sync()`` at the right moments, one at a time."""

    def __init__(
        self,
        engine: Syncs,
        *,
        interval: float = 300.0,
        debounce: float = 2.0,
        probe_min: float = 2.0,
        probe_max: float = 120.0,
        rng: random.Random | None = None,
        on_report: Callable[[SyncReport], None] | None = None,
    ) -> None:
        self.engine = engine
        self.interval = interval
        self.debounce = debounce
        self.probe_min = probe_min
        self.probe_max = probe_max
        self.rng = rng or random.Random()
        self.on_report = on_report
        self.online: bool | None = None
        self.last_report: SyncReport | None = None
        self._failures = 0
        self._next = 0.0
        self._changed_while_syncing = False
        self._syncing = False
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._next = loop.time()  # sync on start
        self._task = loop.create_task(self._run(), name="sync-scheduler")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    def local_change(self) -> None:
        """The user changed something: sync once they pause for ``debounce`` seconds."""
        if self._syncing:
            self._changed_while_syncing = True
            return
        self._next = asyncio.get_running_loop().time() + self.debounce
        self._wake.set()

    def sync_now(self) -> None:
        self._next = asyncio.get_running_loop().time()
        self._wake.set()

    def probe_delay(self) -> float:
        """Backoff with jitter while the portal does not answer."""
        base = min(self.probe_max, self.probe_min * 2 ** max(0, self._failures - 1))
        return base * (0.5 + self.rng.random() / 2)

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            delay = self._next - loop.time()
            if delay > 0:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), delay)
                continue
            self._syncing = True
            try:
                report = await self.engine.sync()
            except Exception:  # a bug must not stop future syncs
                log.exception("sync failed unexpectedly")
                report = SyncReport(online=False, error="internal error", error_kind="bug")
            finally:
                self._syncing = False
            self.last_report = report
            self.online = report.online
            if report.online:
                self._failures = 0
                self._next = loop.time() + self.interval
            else:
                self._failures += 1
                self._next = loop.time() + self.probe_delay()
            if self._changed_while_syncing:
                self._changed_while_syncing = False
                self._next = min(self._next, loop.time() + self.debounce)
            if self.on_report is not None:
                self.on_report(report)
