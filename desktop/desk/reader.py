"""Reads that may take longer than a frame (the queues' rows, search, the yearly report), on one
reader thread that owns its own connection to the store.

The loop's thread keeps its connection for point reads (one item, its comments: about a
millisecond); anything that walks the whole store comes here, so neither the window nor the
sync waits on it. The connection is opened on the thread, on first use, with the key this
process unlocked for the store.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.store import Store

if TYPE_CHECKING:
    from desktop.reports.figures import ReportFigures
    from desktop.reports.period import Period
    from desktop.store.search import SearchHit

T = TypeVar("T")


class Reader:
    """A one-worker executor with its own connection; closed before the store."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-reader")
        self._store: Store | None = None

    def _here(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.path)
        return self._store

    def _call(self, work: Callable[[Store], T]) -> T:
        return work(self._here())

    async def read(self, work: Callable[[Store], T]) -> T:
        """``work(store)`` on the reader thread, awaited."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, functools.partial(self._call, work))

    async def search(self, query: str, **filters: Any) -> list[SearchHit]:
        return await self.read(lambda store: store.search(query, **filters))

    async def report(self, period: Period, site: str | None, language: str) -> ReportFigures:
        from desktop.reports import compute

        return await self.read(lambda store: compute(store, period, site=site, language=language))

    def close(self) -> None:
        def close_store() -> None:
            if self._store is not None:
                self._store.close()
                self._store = None

        self._pool.submit(close_store)
        self._pool.shutdown(wait=True)
