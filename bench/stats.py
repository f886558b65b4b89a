"""Small statistics and timing helpers: medians and percentiles of repeated runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (``share`` in 0..1): a value that really occurred."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return float(ordered[rank - 1])


def ms(seconds: float) -> float:
    return seconds * 1000.0


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as took:`` then ``took[0]`` is the elapsed seconds."""
    took: list[float] = []
    start = time.perf_counter()
    try:
        yield took
    finally:
        took.append(time.perf_counter() - start)


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _cpu_ticks() -> tuple[int, int]:
    """All CPUs' (busy, total) clock ticks since boot, from ``/proc/stat``; (0, 0) without it."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return 0, 0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields) - idle, sum(fields)


@contextmanager
def machine_busy() -> Iterator[list[float]]:
    """``with machine_busy() as busy:`` then ``busy[0]`` is the share (0–1) of the machine's
    CPU time, every CPU counted, that was busy during the block (NaN where unknown): whether a
    figure was bound by the CPUs themselves."""
    busy: list[float] = []
    before = _cpu_ticks()
    try:
        yield busy
    finally:
        after = _cpu_ticks()
        total = after[1] - before[1]
        busy.append((after[0] - before[0]) / total if total else float("nan"))
