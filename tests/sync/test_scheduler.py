"""When syncs happen: on start, debounced after changes, on a timer, probing while offline."""

from __future__ import annotations

import asyncio
import random

from desktop.sync import SyncReport, SyncScheduler


class FakeEngine:
    def __init__(self, online: list[bool]) -> None:
        self.online = online
        self.calls = 0
        self.ran = asyncio.Event()

    async def sync(self) -> SyncReport:
        self.calls += 1
        self.ran.set()
        return SyncReport(online=self.online[min(self.calls, len(self.online)) - 1])


async def test_sync_on_start_and_debounced_changes() -> None:
    engine = FakeEngine([True])
    scheduler = SyncScheduler(engine, interval=60, debounce=0.05)
    scheduler.start()
    await asyncio.wait_for(engine.ran.wait(), 5)
    assert engine.calls == 1
    engine.ran.clear()
    for _ in range(10):  # a burst of typing: one sync after the pause
        scheduler.local_change()
        await asyncio.sleep(0)
    await asyncio.wait_for(engine.ran.wait(), 5)
    assert engine.calls == 2
    await scheduler.stop()


async def test_probes_with_backoff_while_offline_then_timer() -> None:
    engine = FakeEngine([False, False, True])
    scheduler = SyncScheduler(
        engine, interval=60, probe_min=0.01, probe_max=0.05, rng=random.Random(3)
    )
    scheduler.start()
    for _ in range(3):
        await asyncio.wait_for(engine.ran.wait(), 5)
        engine.ran.clear()
    assert engine.calls == 3 and scheduler.online is True
    await scheduler.stop()


def test_probe_delay_grows_and_is_capped() -> None:
    scheduler = SyncScheduler(FakeEngine([True]), probe_min=1, probe_max=8, rng=random.Random(0))
    delays = []
    for failures in range(1, 7):
        scheduler._failures = failures
        delays.append(scheduler.probe_delay())
    assert all(
        0.5 * min(8, 2 ** (f - 1)) <= d <= min(8, 2 ** (f - 1))
        for f, d in zip(range(1, 7), delays, strict=True)
    )
