"""One dedicated writer thread that owns its own connection to the store.

WAL checkpoints and long transactions can stall for 100–900 ms (platform notes); running every
write of a live UI here keeps the event loop free. The engine awaits ``call`` via
``loop.run_in_executor``.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from desktop.store.store import Store


class StoreWriter:
    """A single-worker executor; the store it opens lives and dies on that worker."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        self._store: Store | None = None

    def _run(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if self._store is None:
            self._store = Store.open(self.path)
        return getattr(self._store, method)(*args, **kwargs)

    async def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Run ``Store.<method>(*args, **kwargs)`` on the writer thread and await its result."""
        loop = asyncio.get_running_loop()
        job = functools.partial(self._run, method, args, kwargs)
        return await loop.run_in_executor(self._executor, job)

    def call_sync(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """The same from plain threads (tests, the CLI outside a loop)."""
        return self._executor.submit(self._run, method, args, kwargs).result()

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def close(self) -> None:
        self._executor.submit(self._close_store).result()
        self._executor.shutdown(wait=True)
