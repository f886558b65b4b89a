"""One dedicated writer thread that owns its own connection to the store.

WAL checkpoints and long transactions can stall for 100–900 ms (platform notes); running every
write of a live UI here keeps the event loop free. The engine awaits ``call`` via
``loop.run_in_executor``.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from desktop.store.store import Store

P = ParamSpec("P")
T = TypeVar("T")


class StoreWriter:
    """A single-worker executor; the store it opens lives and dies on that worker."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._store: Store | None = None

    async def drain(self) -> None:
        """Wait until every write handed to the writer before this call is done."""
        await asyncio.get_running_loop().run_in_executor(self._executor, lambda: None)

    def _store_here(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.path)
        return self._store

    def _call(
        self, method: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        return method(self._store_here(), *args, **kwargs)

    async def run(
        self, method: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """``method(store, *args, **kwargs)`` on the writer thread, awaited: ``method`` is a
        ``Store`` method (``Store.save_working``), so its arguments are type-checked."""
        return await self.start(method, *args, **kwargs)

    def start(
        self, method: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> asyncio.Future[T]:
        """Hand ``method`` to the writer now; await the future later. Jobs run in the order
        they are handed over, so a job started before a later ``run`` is done before it."""
        loop = asyncio.get_running_loop()
        job = functools.partial(self._call, method, *args, **kwargs)
        return loop.run_in_executor(self._executor, job)

    def run_sync(
        self, method: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """The same from a plain thread (the command line outside a loop, tests)."""
        job = functools.partial(self._call, method, *args, **kwargs)
        return self._executor.submit(job).result()

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        self._executor.submit(self._close_store).result()
        self._executor.shutdown(wait=True)
