"""The application layer driven directly: real stores (encrypted as shipped where a session
is signed in), a real demo portal on loopback, no Qt."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.desk import Desk
from desktop.desk.signin import sign_in
from desktop.store import Store
from tests.helpers.portal import PASSWORD, running_portal

SITE = "demo"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    with running_portal(tmp_path) as server:
        yield server


class Desks:
    """Signs demo accounts in, each on their own encrypted store; closes them at the end."""

    def __init__(self, root: Path, url: str) -> None:
        self.root, self.url = root, url
        self.open: list[Desk] = []

    async def sign_in(self, username: str, computer: str = "", **client: Any) -> Desk:
        """``computer`` names a second store of the same person (another laptop)."""
        client.setdefault("retries", 0)
        store = self.root / f"{username}{'-' + computer if computer else ''}.sqlite3"
        desk = await sign_in(self.url, username, PASSWORD, store, **client)
        await desk.sync(directory=True)
        self.open.append(desk)
        return desk


@pytest.fixture
async def desks(tmp_path: Path, portal: Any) -> AsyncIterator[Desks]:
    found = Desks(tmp_path, portal.url)
    yield found
    for desk in found.open:
        await desk.close()


def local_desk(
    path: Path, username: str = "thanhvien1", roles: tuple[str, ...] = ("member",)
) -> Desk:
    """A desk on a plain store with no portal session: the person as ``me`` says."""
    store = Store.open(path)
    store.set_me({"username": username, "sites": {SITE: {"name": "Demo", "roles": list(roles)}}})
    return Desk(store)
