"""A real demo portal on loopback, and logged-in clients over real HTTP."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.store import Store
from desktop.sync import PortalClient, SyncEngine

PASSWORD = "bien-tap-demo-2026"
SITE = "demo"
CATEGORY = "tin-tuc"


@contextmanager
def running_portal(folder: Path) -> Iterator[Any]:
    from portal.server import PortalServer

    with PortalServer(f"sqlite:///{folder / 'portal.db'}", demo=True) as server:
        yield server


async def no_sleep(_delay: float) -> None:
    return None


def make_client(url: str, **kw: Any) -> PortalClient:
    """A client with deterministic, instant backoff (the waits themselves are not under test)."""
    kw.setdefault("rng", random.Random(7))
    kw.setdefault("sleep", no_sleep)
    kw.setdefault("timeout", 5.0)
    return PortalClient(url, **kw)


class Desk:
    """One desktop: a store file, a portal session and a sync engine."""

    def __init__(self, path: Path, url: str, username: str, **client_kw: Any) -> None:
        self.path = path
        self.url = url
        self.username = username
        self.store = Store.open(path)
        self.client = make_client(url, **client_kw)
        self.engine = SyncEngine(self.store, self.client)

    async def login(self) -> Desk:
        me = await self.client.login(self.username, PASSWORD)
        self.store.set_me(me)
        return self

    async def sync(self) -> Any:
        return await self.engine.sync()

    def new_draft(self, **content: Any) -> str:
        content.setdefault("title", "Tin thử nghiệm")
        content.setdefault("body", "Dòng một.\nDòng hai.\n")
        item = self.store.create_draft(SITE, CATEGORY, self.username, **content)
        return item.id

    async def close(self) -> None:
        await self.engine.aclose()
        await self.client.aclose()
        self.store.close()


async def server_item(url: str, item_id: str, username: str = "truongban") -> dict[str, Any]:
    async with make_client(url) as client:
        await client.login(username, PASSWORD)
        return await client.item(item_id)


async def server_versions(url: str, item_id: str, username: str = "truongban") -> list[Any]:
    async with make_client(url) as client:
        await client.login(username, PASSWORD)
        return await client.versions(item_id)


async def server_comments(url: str, item_id: str, username: str = "truongban") -> list[Any]:
    async with make_client(url) as client:
        await client.login(username, PASSWORD)
        answer = await client.call("GET", f"items/{item_id}/comments")
        assert isinstance(answer, dict)
        return list(answer["comments"])
