"""Item histories with every sync (issue 19): after the pull, the versions of the items whose
history the report and the exports need (``desktop/store/histories.py`` says which) and that
the store lacks are fetched, ``BATCH`` a sync, a few at a time.

Only the items the sync moved (pushed or pulled) are looked at, plus those left from before;
the first time, every item of the store (those synced before this version). A sync with nothing
to do asks the store nothing more. A fetch that fails with the portal away raises ``Offline``
like the pull; the histories left wait for the next sync.
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
#: The store's notes: the items whose history is still to fetch, and whether the whole store
#: was looked through once (the items synced before histories came with every sync).
PENDING = "histories_pending"
LOOKED_THROUGH = "histories_looked_through"
#: The sync decisions that mean the item moved (its history may have grown).
MOVED = frozenset({"push", "replace", "rebase", "merge", "conflict", "drop"})


async def fetch_histories(writer: StoreWriter, client: PortalClient, report: SyncReport) -> int:
    """Fetch the histories the store lacks for the items this sync moved (and those left from
    the syncs before); returns how many items' histories came."""
    moved = {item_id for action, item_id, _ in report.decisions if action in MOVED}
    pending: list[str] = list(await writer.run(Store.get_meta, PENDING) or [])
    looked_through = bool(await writer.run(Store.get_meta, LOOKED_THROUGH))
    if looked_through and not moved and not pending:
        return 0  # the sync with nothing to do asks the store nothing more
    among = sorted(moved | set(pending)) if looked_through else None
    ids: list[str] = await writer.run(Store.histories_behind, among)
    await writer.run(Store.set_meta, PENDING, ids)  # kept if the portal goes away meanwhile
    gate = asyncio.Semaphore(PARALLEL)

    async def one(item_id: str) -> bool:
        async with gate:
            try:
                versions = await client.versions(item_id)
            except (NotFound, Forbidden):  # gone from the portal, or out of this person's sight
                return False
        await writer.run(Store.add_versions, item_id, versions)
        return True

    fetched = sum(await asyncio.gather(*(one(i) for i in ids[:BATCH])))
    await writer.run(Store.set_meta, PENDING, ids[BATCH:])
    await writer.run(Store.set_meta, LOOKED_THROUGH, True)
    report.histories += fetched
    return fetched
