"""The engine against a real portal on loopback: pull, push, merge, conflicts, refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.sync.merge import merge_content
from tests.helpers.portal import Desk, server_item, server_versions


async def desk(tmp_path: Path, portal: Any, user: str, name: str | None = None) -> Desk:
    return await Desk(tmp_path / f"{name or user}.sqlite3", portal.url, user).login()


async def test_first_sync_pulls_what_the_user_may_see(tmp_path: Path, portal: Any) -> None:
    d = await desk(tmp_path, portal, "thanhvien1")
    report = await d.sync()
    assert report.online and report.error is None
    assert report.pulled > 0
    status = d.store.status()
    assert status["items"] == report.pulled and status["pending"] == 0
    assert d.store.categories("demo") and d.store.me()["username"] == "thanhvien1"
    again = await d.sync()
    assert (again.pulled, again.pushed) == (0, 0)
    await d.close()


async def test_offline_draft_created_submitted_once(tmp_path: Path, portal: Any) -> None:
    d = await desk(tmp_path, portal, "thanhvien1")
    item_id = d.new_draft(title="Hội nghị", body="Một.\n")
    d.store.save_working(item_id, body="Một.\nHai.\n")
    d.store.queue_action(item_id, "submit")
    d.store.queue_comment(item_id, "Nhờ anh xem giúp.")
    assert d.store.item(item_id).sync_status == "local"
    report = await d.sync()
    assert report.pushed == 3 and report.failed == 0, report.decisions
    local = d.store.item(item_id)
    assert local.sync_status == "synced" and local.server.state == "submitted"
    remote = await server_item(portal.url, item_id, "thanhvien1")
    assert remote["body"] == "Một.\nHai.\n" and remote["version"] == 2
    history = await server_versions(portal.url, item_id, "thanhvien1")
    assert [v["version"] for v in history] == [1, 2]
    assert [c.pending for c in d.store.comments(item_id)] == [False]
    await d.close()


async def shared_item(tmp_path: Path, portal: Any, body: str) -> tuple[Desk, Desk, str]:
    """An item submitted by a member, seen by the deputy and the head."""
    author = await desk(tmp_path, portal, "thanhvien1")
    item_id = author.new_draft(body=body)
    author.store.queue_action(item_id, "submit")
    assert (await author.sync()).pushed == 2
    deputy = await desk(tmp_path, portal, "phoban")
    head = await desk(tmp_path, portal, "truongban")
    await deputy.sync()
    await head.sync()
    await author.close()
    return deputy, head, item_id


async def test_edits_of_different_lines_merge_cleanly(tmp_path: Path, portal: Any) -> None:
    deputy, head, item_id = await shared_item(tmp_path, portal, "a\nb\nc\n")
    deputy.store.save_working(item_id, body="A\nb\nc\n", title="Tiêu đề mới")
    head.store.save_working(item_id, body="a\nb\nC\n")
    assert (await deputy.sync()).pushed == 1
    report = await head.sync()
    assert report.merged == 1 and report.pushed == 1 and report.conflicts == 0
    await deputy.sync()
    for d in (deputy, head):
        current = d.store.item(item_id)
        assert current.sync_status == "synced"
        assert current.current.body == "A\nb\nC\n" and current.current.title == "Tiêu đề mới"
    remote = await server_item(portal.url, item_id)
    assert remote["body"] == "A\nb\nC\n"
    await deputy.close()
    await head.close()


async def test_same_line_conflict_is_kept_and_resolved(tmp_path: Path, portal: Any) -> None:
    deputy, head, item_id = await shared_item(tmp_path, portal, "a\nb\n")
    deputy.store.save_working(item_id, body="a\nB của phó ban\n")
    head.store.save_working(item_id, body="a\nB của trưởng ban\n")
    await deputy.sync()
    report = await head.sync()
    assert report.conflicts == 1 and report.pushed == 0
    [conflict] = head.store.conflicts()
    assert conflict.fields == ("body",)
    assert conflict.mine["body"] == "a\nB của trưởng ban\n"
    assert conflict.theirs["body"] == "a\nB của phó ban\n"
    assert head.store.item(item_id).sync_status == "conflict"
    assert (await head.sync()).pushed == 0  # held until resolved
    merged = "a\nB của phó ban\nB của trưởng ban\n"
    head.store.resolve_conflict(conflict.id, {"body": merged})
    assert (await head.sync()).pushed == 1
    await deputy.sync()
    assert deputy.store.item(item_id).current.body == merged
    assert head.store.conflicts(include_resolved=True)[0].resolved
    await deputy.close()
    await head.close()


async def test_pull_rebases_local_edits(tmp_path: Path, portal: Any) -> None:
    deputy, head, item_id = await shared_item(tmp_path, portal, "a\nb\nc\n")
    deputy.store.save_working(item_id, body="A\nb\nc\n")
    await deputy.sync()
    head.store.save_working(item_id, summary="Sapo mới")
    # Pull alone: the head's edit is kept on top of the deputy's version.
    from desktop.sync.engine import SyncReport

    report = SyncReport()
    await head.engine.pull(report)
    local = head.store.item(item_id)
    assert local.base_version == local.server.version == 3
    assert local.current.body == "A\nb\nc\n" and local.current.summary == "Sapo mới"
    assert local.sync_status == "pending"
    await head.sync()
    assert (await server_item(portal.url, item_id))["summary"] == "Sapo mới"
    await deputy.close()
    await head.close()


async def test_action_on_an_item_that_moved_on_is_dropped_and_reported(
    tmp_path: Path, portal: Any
) -> None:
    deputy, head, item_id = await shared_item(tmp_path, portal, "a\n")
    deputy.store.save_working(item_id, body="sửa\n")
    await deputy.sync()
    head.store.queue_action(item_id, "return", "Cần bổ sung.")
    report = await head.sync()
    assert report.dropped == 1 and head.store.pending_count() == 0
    [failed] = head.store.failed_operations()
    assert failed.op == "action" and failed.code == "moved_on"
    assert head.store.item(item_id).server.version == 3
    await deputy.close()
    await head.close()


async def test_refused_edit_keeps_the_content(tmp_path: Path, portal: Any) -> None:
    deputy, head, item_id = await shared_item(tmp_path, portal, "a\n")
    member = await desk(tmp_path, portal, "thanhvien1", "author-again")  # no right after submit
    await member.sync()
    member.store.save_working(item_id, body="không được phép\n")
    report = await member.sync()
    assert report.failed == 1
    [failed] = member.store.failed_operations()
    assert failed.status == 403 and failed.reason
    local = member.store.item(item_id)
    assert local.sync_status == "failed" and local.current.body == "không được phép\n"
    for d in (deputy, head, member):
        await d.close()


def test_merge_keeps_both_sides_per_field() -> None:
    base = {"title": "t", "body": "a\nb\n", "metadata": {"x": 1}}
    merged, conflicts = merge_content(
        base,
        {"title": "t1", "body": "a\nb\n", "metadata": {"x": 1, "y": 2}},
        {"title": "t", "body": "a\nb2\n", "metadata": {"x": 3}},
    )
    assert conflicts == []
    assert merged["title"] == "t1" and merged["body"] == "a\nb2\n"
    assert merged["metadata"] == {"x": 3, "y": 2}
