"""One operation the portal refuses or cannot take never stops the others (issue 15, finding 1).

A real portal on loopback; ``FaultProxy`` answers a chosen item's requests with an error of the
portal's own (500) or a refusal (403). Only a transport failure or an auth failure stops a sync;
everything else arrives exactly once, checked in the portal's own history.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sync import NotFound, SyncAction
from tests.helpers.faultproxy import FaultProxy
from tests.helpers.portal import Desk, make_client, running_portal, server_versions


async def history(url: str, item_id: str) -> list[str]:
    """The actions the portal recorded on the item; none when it never got it."""
    try:
        return [v["action"] for v in await server_versions(url, item_id, "thanhvien1")]
    except NotFound:
        return []


async def proxied(folder: Path, url: str) -> tuple[FaultProxy, Desk]:
    parts = urlsplit(url)
    proxy = await FaultProxy(parts.hostname or "127.0.0.1", parts.port or 80).up()
    desk = Desk(folder / f"desk-{uuid.uuid4().hex[:6]}.sqlite3", proxy.url, "thanhvien1")
    return proxy, await desk.login()


async def test_a_failing_operation_waits_and_is_parked_while_the_rest_arrive(
    tmp_path: Path, portal: Any
) -> None:
    proxy, desk = await proxied(tmp_path, portal.url)
    first, poisoned, last = (desk.new_draft(title=f"Tin {n}") for n in range(3))
    proxy.add("status:500", "PUT", f"/items/{poisoned}", times=-1)
    for attempt in range(1, 4):
        report = await desk.sync()
        assert report.online and report.error is None  # reached: not "offline", not stopped
        status = desk.store.status()
        if attempt < 3:
            assert status["pending"] == 1 and status["failed"] == 0
            assert any(
                d[0] == SyncAction.RETRY.value and d[1] == poisoned for d in report.decisions
            )
    assert desk.store.status()["failed"] == 1 and desk.store.pending_count() == 0
    [parked] = desk.store.failed_operations()
    assert parked.item_id == poisoned and "quản trị" in parked.reason
    assert desk.store.item(poisoned).current.title == "Tin 1"  # the content is kept
    for item_id in (first, last):
        assert await history(portal.url, item_id) == ["create"]
    await proxy.down()
    await desk.close()


async def test_an_items_later_operations_wait_behind_its_failing_one(
    tmp_path: Path, portal: Any
) -> None:
    proxy, desk = await proxied(tmp_path, portal.url)
    held = desk.new_draft(title="Tin chờ")
    desk.store.queue_action(held, "submit")
    other = desk.new_draft(title="Tin khác")
    proxy.add("status:503", "PUT", f"/items/{held}", times=desk.client.retries + 1)
    report = await desk.sync()
    assert [op.op for op in desk.store.outbox()] == ["create", "action"]  # in order, waiting
    assert report.pushed == 1 and await history(portal.url, other) == ["create"]
    report = await desk.sync()
    assert report.pushed == 2 and desk.store.pending_count() == 0
    assert await history(portal.url, held) == ["create", "submit"]
    await proxy.down()
    await desk.close()


async def test_an_error_on_the_change_feed_is_not_offline(tmp_path: Path, portal: Any) -> None:
    proxy, desk = await proxied(tmp_path, portal.url)
    proxy.add("status:500", "GET", "/changes", times=-1)
    report = await desk.sync()
    assert report.online and report.error_kind == "server"
    assert desk.store.status()["online"] is True
    await proxy.down()
    await desk.close()


async def test_our_comment_already_on_the_portal_is_success(tmp_path: Path, portal: Any) -> None:
    """Its answer was lost and its idempotency record expired: the portal answers 409
    already_exists; the comment is ours (its id is), so the sync goes on to the pull."""
    desk = await Desk(tmp_path / "desk.sqlite3", portal.url, "thanhvien1").login()
    item_id = desk.new_draft()
    await desk.sync()
    comment_id = desk.store.queue_comment(item_id, "Ghi chú đã đến cổng")
    async with make_client(portal.url) as other:  # as the first, answer-less attempt did
        await other.login("thanhvien1", "bien-tap-demo-2026")
        await other.add_comment(item_id, {"id": comment_id, "body": "Ghi chú đã đến cổng"}, "k1")
    report = await desk.sync()
    assert report.online and report.error is None and report.failed == 0
    assert desk.store.pending_count() == 0
    assert [c.pending for c in desk.store.comments(item_id)] == [False]
    await desk.close()


FAULTS = st.sampled_from(["none", "none", "refuse", "broken"])


@pytest.fixture(scope="module")
def shared_portal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One portal for every example (each example makes its own items and desk)."""
    with running_portal(tmp_path_factory.mktemp("isolation-portal")) as server:
        yield server


@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(faults=st.lists(FAULTS, min_size=2, max_size=5))
async def test_every_other_operation_arrives_exactly_once(
    tmp_path_factory: pytest.TempPathFactory, shared_portal: Any, faults: list[str]
) -> None:
    portal = shared_portal
    folder = tmp_path_factory.mktemp("isolation")
    if True:
        proxy, desk = await proxied(folder, portal.url)
        items = []
        for n, fault in enumerate(faults):
            item_id = desk.new_draft(title=f"Tin {n}")
            desk.store.queue_comment(item_id, f"Ghi chú {n}")
            desk.store.queue_action(item_id, "submit")
            items.append(item_id)
            if fault == "refuse":
                proxy.add("status:403", "PUT", f"/items/{item_id}", times=-1)
            elif fault == "broken":
                proxy.add("status:500", path=f"/items/{item_id}", times=-1)
        for _ in range(desk.engine.park_after + 1):
            report = await desk.sync()
            assert report.online and report.error is None
        assert desk.store.pending_count() == 0  # nothing wedged: sent or parked
        failed = {f.item_id for f in desk.store.failed_operations()}
        for item_id, fault in zip(items, faults, strict=True):
            actions = await history(portal.url, item_id)
            if fault == "none":
                assert actions == ["create", "submit"] and item_id not in failed
            else:
                assert actions == [] and item_id in failed
        await proxy.down()
        await desk.close()
