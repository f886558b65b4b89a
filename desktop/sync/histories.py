"""Item histories with every sync (issue 19): after the pull, the versions of the items whose
history the report and the exports need (``desktop/store/histories.py`` says which) and that
the store lacks are fetched, ``BATCH`` a sync, a few at a time.

A sync that pulled nothing and left no history behind asks the store nothing more, so the sync
with nothing to do stays as cheap as before. A fetch that fails with the portal away raises
``Offline`` like the pull; the histories left wait for the next sync.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from desktop.store import Store, StoreWriter
from desktop.sync.api import PortalClient
from desktop.sync.errors import Forbidden, NotFound

if TYPE_CHECKING:
    from desktop.sync.engine import SyncReport

#: Histories fetched in one sync at most; the rest come with the next syncs.
BATCH = 200
#: Requests in flight at once.
PARALLEL = 4
#: The store's flag: histories were left behind by the last sync.
PENDING = "histories_pending"


async def fetch_histories(
    writer: StoreWriter, client: PortalClient, report: SyncReport, *, pulled: bool
) -> int:
    """Fetch the histories the store lacks; returns how many items' histories came."""
    if not pulled and not await writer.run(Store.get_meta, PENDING):
        return 0
    ids: list[str] = await writer.run(Store.histories_behind, BATCH)
    if not ids:
        await writer.run(Store.set_meta, PENDING, False)
        return 0
    await writer.run(Store.set_meta, PENDING, True)
    gate = asyncio.Semaphore(PARALLEL)

    async def one(item_id: str) -> bool:
        async with gate:
            try:
                versions = await client.versions(item_id)
            except (NotFound, Forbidden):  # gone from the portal, or out of this person's sight now
                return False
        await writer.run(Store.add_versions, item_id, versions)
        return True

    fetched = sum(await asyncio.gather(*(one(i) for i in ids)))
    await writer.run(Store.set_meta, PENDING, len(ids) >= BATCH)
    report.histories += fetched
    return fetched
