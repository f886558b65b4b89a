"""When a desk syncs: on start, debounced after changes, on a timer, probing while offline; one
sync at a time, and "sync now" during a sync gets a sync that starts after it."""

from __future__ import annotations

import asyncio
import random

from desktop.desk.scheduler import SyncScheduler
from desktop.sync import SyncReport


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
    scheduler = SyncScheduler(engine.sync, interval=60, debounce=0.05)
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
        engine.sync, interval=60, probe_min=0.01, probe_max=0.05, rng=random.Random(3)
    )
    scheduler.start()
    for _ in range(3):
        await asyncio.wait_for(engine.ran.wait(), 5)
        engine.ran.clear()
    assert engine.calls == 3 and scheduler._failures == 0
    await scheduler.stop()


def test_probe_delay_grows_and_is_capped() -> None:
    engine = FakeEngine([True])
    scheduler = SyncScheduler(engine.sync, probe_min=1, probe_max=8, rng=random.Random(0))
    delays = []
    for failures in range(1, 7):
        scheduler._failures = failures
        delays.append(scheduler.probe_delay())
    assert all(
        0.5 * min(8, 2 ** (f - 1)) <= d <= min(8, 2 ** (f - 1))
        for f, d in zip(range(1, 7), delays, strict=True)
    )


class SlowEngine:
    """A sync that waits to be let go, so that requests arrive while it runs."""

    def __init__(self) -> None:
        self.calls = 0
        self.started = asyncio.Event()
        self.release = asyncio.Event()

    async def sync(self) -> SyncReport:
        self.calls += 1
        self.started.set()
        await self.release.wait()
        self.release.clear()
        return SyncReport(online=True, pulled=self.calls)


async def test_sync_now_during_a_sync_gets_one_that_starts_after_it() -> None:
    engine = SlowEngine()
    scheduler = SyncScheduler(engine.sync, interval=60)
    scheduler.start()
    await asyncio.wait_for(engine.started.wait(), 5)  # the first sync runs
    first, second = scheduler.sync_now(), scheduler.sync_now()  # both wait for one more
    engine.release.set()
    engine.started.clear()
    await asyncio.wait_for(engine.started.wait(), 5)
    assert not first.done()  # the sync that was running does not answer them
    engine.release.set()
    report = await asyncio.wait_for(first, 5)
    assert report.pulled == 2 and (await second) is report and engine.calls == 2
    await scheduler.stop()


async def test_stop_lets_a_running_sync_end() -> None:
    engine = SlowEngine()
    scheduler = SyncScheduler(engine.sync, interval=60)
    scheduler.start()
    await asyncio.wait_for(engine.started.wait(), 5)
    stopping = asyncio.ensure_future(scheduler.stop())
    await asyncio.sleep(0)
    assert not stopping.done()  # waits for the sync, does not cut it off
    engine.release.set()
    await asyncio.wait_for(stopping, 5)
    assert engine.calls == 1 and not scheduler.started
