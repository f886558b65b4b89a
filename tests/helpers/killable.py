"""A client process for SIGKILL tests: types into the store and syncs, reporting each commit.

``python -m tests.helpers.killable STORE ITEM_ID START [URL USER PASSWORD]`` saves the body
"dòng START … dòng N" again and again (one line more each time) and prints ``saved N`` after
each save has committed; with a URL it also syncs after every few saves (``synced``).
"""

from __future__ import annotations

import asyncio
import sys

from desktop.store import Store
from desktop.sync import PortalClient, SyncEngine


def body(start: int, end: int) -> str:
    return "".join(f"dòng {n}\n" for n in range(start, end + 1))


async def main(argv: list[str]) -> None:
    path, item_id, start = argv[0], argv[1], int(argv[2])
    store = Store.open(path)
    engine: SyncEngine | None = None
    client: PortalClient | None = None
    if len(argv) > 3:
        client = PortalClient(argv[3], timeout=5.0)
        await client.login(argv[4], argv[5])
        engine = SyncEngine(store, client)
    n = start
    while True:
        n += 1
        store.save_working(item_id, body=body(start, n))
        print(f"saved {n}", flush=True)
        if engine is not None and n % 3 == 0:
            await engine.sync()
            print("synced", flush=True)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
