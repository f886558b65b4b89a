"""A real WordPress for the session, a demo portal per test, and an approver's desk.

Without Debian's ``wordpress mariadb-server php-cli php-mysql`` the WordPress tests skip here
with the reason, and fail in CI (``CI=true``), so a missing install step cannot hide.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.publishing import Publisher, PublishQueue, TargetCredentials
from desktop.security.credentials import CredentialStore
from portal import db
from portal.board import targets
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.portal import PASSWORD, SITE, Desk, running_portal
from tests.publishing.wordpress_server import (
    ADMIN,
    WordPressServer,
    WordPressUnavailable,
)


def make_png(seed: str, size: int = 24) -> bytes:
    """A small real PNG of one colour chosen by ``seed`` (each test its own image)."""
    import struct
    import zlib

    colour = hashlib.sha256(seed.encode()).digest()[:3]
    raw = b"".join(b"\x00" + colour * size for _ in range(size))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressServer]:
    server = WordPressServer(tmp_path_factory.mktemp("wordpress"))
    try:
        server.start()
    except WordPressUnavailable as error:
        server.stop()
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"WordPress is needed in CI: {error}", pytrace=False)
        pytest.skip(f"WordPress not installed here: {error}")
    except BaseException:
        server.stop()
        raise
    print(f"\nWordPress fixture started in {server.started_in:.1f} s")
    yield server
    server.stop()


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    with running_portal(tmp_path) as server:
        yield server


def add_target(portal: Any, url: str, **settings: Any) -> str:
    with db.writing(portal.app.state.engine) as conn:
        found = targets.add_target(
            conn, site=SITE, kind="wordpress", url=url, at=datetime.now(UTC), **settings
        )
    return str(found["id"])


class Http:
    """One person's plain HTTP session with the portal (for the steps before approval)."""

    def __init__(self, url: str, username: str) -> None:
        self.client = httpx.Client(base_url=url + "/api/v1", timeout=30)
        answer = self.client.post("/auth/token", json={"username": username, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        self.client.headers["Authorization"] = "Bearer " + answer.json()["access_token"]

    def close(self) -> None:
        self.client.close()


def edited_item(portal: Any, **content: Any) -> dict[str, Any]:
    """An item written by a member, submitted and forwarded by the deputy: ready to approve."""
    member, deputy = Http(portal.url, "thanhvien1"), Http(portal.url, "phoban")
    try:
        blob = make_png(str(uuid.uuid4()))
        sha = hashlib.sha256(blob).hexdigest()
        put = member.client.put(
            f"/blobs/{sha}",
            content=blob,
            headers={"Content-Type": "image/png", "Idempotency-Key": str(uuid.uuid4())},
        )
        assert put.status_code in (200, 201), put.text
        body = {
            "site": SITE,
            "category": "tin-tuc",
            "title": "Hội nghị tổng kết công tác năm",
            "summary": "Sáng nay, Sở tổ chức hội nghị tổng kết.",
            "body": f"Nội dung **hội nghị**.\n\n![Toàn cảnh hội nghị](/media/{sha})\n",
            "author": "Nguyễn Thị Thu Hà",
            "metadata": {},
            **content,
        }
        item_id = str(uuid.uuid4())
        made = member.client.put(f"/items/{item_id}", json=body, headers={"If-None-Match": "*"})
        assert made.status_code == 201, made.text
        item = made.json()
        for who, action in ((member, "submit"), (deputy, "forward")):
            answer = who.client.post(
                f"/items/{item_id}/actions",
                json={"action": action, "expected_version": item["version"]},
            )
            assert answer.status_code == 200, answer.text
            item = answer.json()
        return {**item, "image_sha": sha, "image": blob}
    finally:
        member.close()
        deputy.close()


def memory_credentials() -> TargetCredentials:
    return TargetCredentials(CredentialStore(service="test-targets", backend=MemoryKeyring()))


async def approver_desk(
    tmp_path: Path,
    portal: Any,
    *,
    name: str = "truongban",
    credentials: TargetCredentials | None = None,
    connector_factory: Any = None,
) -> tuple[Desk, Publisher]:
    """The head's desktop, logged in and synced, with a publisher wired into its sync engine."""
    desk = await Desk(tmp_path / f"{name}.sqlite3", portal.url, "truongban").login()
    await desk.sync()
    kwargs = {"connector_factory": connector_factory} if connector_factory else {}
    publisher = Publisher(
        PublishQueue(desk.path),
        desk.client,
        credentials or memory_credentials(),
        **kwargs,
    )

    async def publish(_report: Any) -> None:
        await publisher.run()

    desk.engine.after_sync.append(publish)  # as desktop.desk.Desk registers its own
    return desk, publisher


def login_target(publisher: Publisher, target: str, password: str, username: str = ADMIN) -> None:
    publisher.credentials.save(publisher.client.base_url, "truongban", target, username, password)


class ClosingFaultProxy(FaultProxy):
    """``php -S`` ends an answer by closing the line (no Content-Length); so must the proxy.

    The shared proxy keeps the client's connection open after relaying, which leaves a client
    waiting forever for the end of such an answer; closing after each answer fixes that.
    """

    async def _answer(self, fault: str, head: bytes, body: bytes, writer: Any) -> bool:
        await super()._answer(fault, head, body, writer)
        return False
