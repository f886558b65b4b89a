"""A portal that goes away, fails, stalls, cuts answers or answers nonsense.

Through ``FaultProxy`` on loopback in front of a real portal. Whatever happens, the client keeps
its outbox, says it is offline, and converges when the portal is back, every operation applied
exactly once (checked in the portal's own history).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.helpers.faultproxy import FaultProxy
from tests.helpers.portal import Desk, make_client, server_versions


async def proxied(tmp_path: Path, portal: Any, **client_kw: Any) -> tuple[FaultProxy, Desk]:
    parts = urlsplit(portal.url)
    proxy = await FaultProxy(parts.hostname or "127.0.0.1", parts.port or 80).up()
    d = await Desk(tmp_path / "desk.sqlite3", proxy.url, "thanhvien1", **client_kw).login()
    return proxy, d


async def comments_on_server(url: str, item_id: str) -> list[Any]:
    async with make_client(url) as client:
        await client.login("thanhvien1", "bien-tap-demo-2026")
        return await client.comments(item_id)


async def assert_applied_once(portal: Any, d: Desk, item_id: str, actions: list[str]) -> None:
    history = await server_versions(portal.url, item_id, "thanhvien1")
    assert [v["action"] for v in history] == actions
    assert d.store.pending_count() == 0
    assert d.store.item(item_id).sync_status == "synced"


def queue_work(d: Desk) -> str:
    item_id = d.new_draft()
    d.store.queue_comment(item_id, "Ghi chú")
    d.store.queue_action(item_id, "submit")
    return item_id


async def test_refused_connections_then_back(tmp_path: Path, portal: Any) -> None:
    proxy, d = await proxied(tmp_path, portal)
    item_id = queue_work(d)
    await proxy.down()
    report = await d.sync()
    assert not report.online and report.error_kind == "offline"
    assert d.store.status()["online"] is False and d.store.pending_count() == 3
    assert d.store.outbox()[0].attempts == 1
    await proxy.up()
    report = await d.sync()
    assert report.online and report.pushed == 3
    assert d.store.status()["online"] is True
    await assert_applied_once(portal, d, item_id, ["create", "submit"])
    assert len(await comments_on_server(portal.url, item_id)) == 1
    await d.close()
    await proxy.down()


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_server_errors_are_retried_then_wait_without_calling_it_offline(
    tmp_path: Path, portal: Any, status: int
) -> None:
    """A portal that answers is not offline (issue 15): its errors keep the operation queued
    and say so, and the sync goes on."""
    proxy, d = await proxied(tmp_path, portal)
    item_id = queue_work(d)
    proxy.add(f"status:{status}", "PUT", times=2)  # two failures: the retries get through
    report = await d.sync()
    assert report.online and report.pushed == 3, report.decisions
    proxy.add(f"status:{status}", times=-1)  # the portal stays broken
    d.store.queue_comment(item_id, "Thêm một ghi chú")
    report = await d.sync()
    assert report.online and report.error_kind == "server" and report.held == 1
    assert d.store.pending_count() == 1 and d.store.status()["online"] is True
    proxy.rules.clear()
    assert (await d.sync()).pushed == 1
    await assert_applied_once(portal, d, item_id, ["create", "submit"])
    assert len(await comments_on_server(portal.url, item_id)) == 2
    await d.close()
    await proxy.down()


async def test_slow_answers_past_the_timeout(tmp_path: Path, portal: Any) -> None:
    proxy, d = await proxied(tmp_path, portal, timeout=1.5, retries=0)
    item_id = queue_work(d)
    proxy.add("slow:4.0", "PUT")
    report = await d.sync()
    assert not report.online and d.store.pending_count() == 3
    for _ in range(3):  # a loaded machine may time out once more; bounded, no sleeping
        report = await d.sync()
        if report.online and not report.error:
            break
    assert report.online and report.failed == 0 and not report.error, (report, proxy.log)
    await assert_applied_once(portal, d, item_id, ["create", "submit"])
    await d.close()
    await proxy.down()


@pytest.mark.parametrize("fault", ["cut", "drop"])
async def test_answer_lost_after_the_portal_applied_it(
    tmp_path: Path, portal: Any, fault: str
) -> None:
    proxy, d = await proxied(tmp_path, portal, retries=0)
    item_id = queue_work(d)
    proxy.add(fault, "PUT")
    proxy.add(fault, "POST", "/comments")
    proxy.add(fault, "POST", "/actions")
    for _ in range(3):  # each lost answer stops one sync; the retry is replayed, not re-applied
        assert not (await d.sync()).online
    report = await d.sync()
    assert report.online and d.store.pending_count() == 0, report.decisions
    await assert_applied_once(portal, d, item_id, ["create", "submit"])
    assert len(await comments_on_server(portal.url, item_id)) == 1
    await d.close()
    await proxy.down()


async def test_portal_stops_mid_sync(tmp_path: Path, portal: Any) -> None:
    proxy, d = await proxied(tmp_path, portal, retries=1)
    item_id = queue_work(d)
    proxy.add("pass", "PUT")
    proxy.add("drop", "POST", "/comments")
    proxy.add("reset", times=-1)
    report = await d.sync()
    assert not report.online and d.store.pending_count() == 2  # create went through
    proxy.rules.clear()
    await d.sync()
    await assert_applied_once(portal, d, item_id, ["create", "submit"])
    assert len(await comments_on_server(portal.url, item_id)) == 1
    await d.close()
    await proxy.down()


def snapshot(path: Path) -> list[Any]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return [(t, sorted(map(repr, conn.execute(f"SELECT * FROM {t}")))) for t in sorted(tables)]
    finally:
        conn.close()


BAD_CHANGES = [
    "this is not json",
    '{"changes": "nope", "cursor": "x", "has_more": false}',
    '{"changes": [], "has_more": false}',
    '{"changes": [{"kind": "item", "item": {"id": "x"}}], "cursor": "c", "has_more": false}',
    '{"changes": [{"kind": "item", "item": {"id": "x", "site": "demo", "state": "draft", '
    '"version": "7"}}], "cursor": "c", "has_more": false}',
    "[1, 2, 3]",
]


@pytest.mark.parametrize("answer", BAD_CHANGES)
async def test_bad_answers_change_nothing(tmp_path: Path, portal: Any, answer: str) -> None:
    proxy, d = await proxied(tmp_path, portal)
    await d.sync()
    before = snapshot(d.path)
    cursor = d.store.get_meta("cursor")
    proxy.add("body:" + answer, "GET", "/changes")
    report = await d.sync()
    assert report.error_kind == "bad_response" and report.error
    # Only the sync bookkeeping (last error) may differ; no item and no cursor changed.
    after = snapshot(d.path)
    assert [t for t in after if t[0] != "meta"] == [t for t in before if t[0] != "meta"]
    assert d.store.get_meta("cursor") == cursor
    # A bad answer to a write: the item stays local and queued until a good answer comes.
    item_id = queue_work(d)
    proxy.add("body:" + answer, "PUT")
    report = await d.sync()
    assert report.held == 1 and report.error is None  # this item waits; the sync went on
    assert d.store.item(item_id).sync_status == "local" and d.store.pending_count() == 3
    proxy.rules.clear()
    assert (await d.sync()).online
    await assert_applied_once(portal, d, item_id, ["create", "submit"])
    await d.close()
    await proxy.down()


async def test_oversize_answer_is_refused(tmp_path: Path, portal: Any) -> None:
    proxy, d = await proxied(tmp_path, portal, max_answer=2000)
    cursor_before = d.store.get_meta("cursor")
    report = await d.sync()
    assert report.error_kind == "bad_response"
    assert d.store.status()["items"] == 0 and d.store.get_meta("cursor") == cursor_before
    await d.close()
    await proxy.down()
