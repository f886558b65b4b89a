"""The application layer driven directly: what a person does, as the screens and the command
line both do it (issue 14)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from desktop.desk import Desk
from desktop.desk.events import Event, ItemsChanged, SyncFinished, SyncStarted
from desktop.desk.signin import sign_in
from desktop.models import Action, State
from desktop.models.errors import ActionRefused, ErrorKind, KnownError
from desktop.store import Store
from tests.desk.conftest import Desks, local_desk
from tests.helpers.portal import PASSWORD


@pytest.fixture
async def desk(tmp_path: Path) -> Desk:
    found = local_desk(tmp_path / "store.sqlite3")
    yield found  # type: ignore[misc]
    await found.close()


async def test_a_refused_action_says_why_and_queues_nothing(desk: Desk) -> None:
    draft = await desk.create("tin-tuc", title="", body="")
    with pytest.raises(ActionRefused) as refused:
        await desk.act(draft.id, Action.SUBMIT)
    assert {p.field for p in refused.value.problems} == {"title", "body"}
    assert refused.value.kind is ErrorKind.REFUSED
    assert "tiêu đề" in refused.value.message("vi") and "title" in refused.value.message("en")
    assert desk.pending_count() == 1  # the draft's creation only


async def test_an_action_right_after_typing_checks_what_was_typed(desk: Desk) -> None:
    """The screens save in the background and may act at once: the check sees the save."""
    draft = await desk.create("tin-tuc", title="", body="")
    saving = asyncio.ensure_future(desk.save(draft.id, title="Tiêu đề", body="Nội dung"))
    acted = await desk.act(draft.id, Action.SUBMIT)
    await saving
    assert acted.state is State.SUBMITTED
    assert [r.state for r in desk.rows()] == ["submitted"]  # the expected state, until synced


async def test_an_empty_comment_is_refused(desk: Desk) -> None:
    draft = await desk.create("tin-tuc", title="Tin", body="x")
    with pytest.raises(KnownError) as empty:
        await desk.comment(draft.id, "   ")
    assert empty.value.code == "empty_comment"


async def test_writes_announce_what_changed(desk: Desk) -> None:
    seen: list[Event] = []
    desk.events.subscribe(seen.append)
    draft = await desk.create("tin-tuc", title="Tin", body="x")
    await desk.save(draft.id, title="Tin đã sửa")
    changed = [e for e in seen if isinstance(e, ItemsChanged)]
    assert changed and all(e.ids == frozenset({draft.id}) and e.local for e in changed)


async def test_closing_waits_for_the_writes_on_their_way(tmp_path: Path) -> None:
    """Nothing typed is lost on the way out: a save asked for just before closing is written."""
    path = tmp_path / "store.sqlite3"
    desk = local_desk(path)
    draft = await desk.create("tin-tuc", title="Trước", body="x")
    saving = asyncio.ensure_future(desk.save(draft.id, title="Gõ ngay trước khi đóng"))
    await desk.close()
    assert saving.done() and saving.exception() is None
    with Store.open(path) as store:
        local = store.item(draft.id)
        assert local is not None and local.current.title == "Gõ ngay trước khi đóng"


async def test_a_sync_is_announced_and_the_queues_follow(desks: Desks) -> None:
    member = await desks.sign_in("thanhvien1")
    seen: list[Event] = []
    member.events.subscribe(seen.append)
    draft = await member.create("tin-tuc", title="Tin gửi đi", body="Nội dung.")
    await member.act(draft.id, Action.SUBMIT)
    report = await member.sync()
    assert report.online and report.pushed == 2
    kinds = [type(e) for e in seen]
    assert kinds.index(SyncStarted) < kinds.index(SyncFinished)
    assert member.pending_count() == 0
    assert {r.id: r.state for r in member.rows()}[draft.id] == "submitted"


async def test_sign_in_encrypts_the_store(tmp_path: Path, portal: object) -> None:
    path = tmp_path / "store.sqlite3"
    desk = await sign_in(portal.url, "thanhvien1", PASSWORD, path)  # type: ignore[attr-defined]
    try:
        assert desk.keys is not None and desk.keys.wrapped
        assert desk.session.user.username == "thanhvien1" and desk.site == "demo"
    finally:
        await desk.close()
    assert b"SQLite format 3" not in path.read_bytes()[:16]
