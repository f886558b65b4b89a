"""A return's reason is in the discussion at once (issue 17): the deputy sees it the moment they
return the item, offline too, and the portal keeps it under the same id, so a sync replaces the
waiting copy instead of adding a second one."""

from __future__ import annotations

from desktop.models import Action, State
from tests.desk.conftest import Desks
from tests.helpers.portal import server_comments

REASON = "Cần bổ sung nguồn số liệu của Sở Tài chính."


async def submitted(desks: Desks) -> str:
    member = await desks.sign_in("thanhvien1")
    draft = await member.create("tin-tuc", title="Tin cần sửa", body="Nội dung chưa đủ.")
    await member.act(draft.id, Action.SUBMIT)
    await member.sync()
    return draft.id


async def test_the_reason_shows_at_once_and_the_sync_keeps_one_copy(desks: Desks) -> None:
    item_id = await submitted(desks)
    deputy = await desks.sign_in("phoban")
    deputy.scheduler.debounce = 3600  # offline until the test syncs
    await deputy.act(item_id, Action.RETURN, REASON)
    waiting = deputy.comments(item_id)
    assert [(c.body, c.author, c.pending) for c in waiting] == [(REASON, "phoban", True)]

    await deputy.sync()
    synced = deputy.comments(item_id)
    assert [(c.id, c.body, c.pending) for c in synced] == [(waiting[0].id, REASON, False)]
    on_portal = await server_comments(desks.url, item_id, "phoban")
    assert [(c["id"], c["body"]) for c in on_portal] == [(waiting[0].id, REASON)]

    member = await desks.sign_in("thanhvien1")  # the writer reads the reason with the return
    assert member.item(item_id).state is State.DRAFT
    assert [c.body for c in member.comments(item_id)] == [REASON]


async def test_a_refused_return_takes_its_waiting_reason_away(desks: Desks) -> None:
    item_id = await submitted(desks)
    deputy = await desks.sign_in("phoban")
    deputy.scheduler.debounce = 3600
    other = await desks.sign_in("phoban", computer="office")  # the same person elsewhere
    await deputy.act(item_id, Action.RETURN, REASON)
    await other.act(item_id, Action.FORWARD)
    await other.sync()  # the item moved on before this return reached the portal

    report = await deputy.sync()
    assert report.dropped == 1
    assert [c.body for c in deputy.comments(item_id)] == []  # no reason for a step not taken
    failures = deputy.failures(item_id)
    assert failures and failures[0].payload["comment"] == REASON  # kept with the refusal
