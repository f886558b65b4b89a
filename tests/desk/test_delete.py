"""Deleting a draft (issue 17): a writer deletes a draft of their own that was never submitted —
at once if it never left the computer, on the portal at the next sync otherwise; anything else
is refused with the reason."""

from __future__ import annotations

import pytest

from desktop.models import Action
from desktop.models.errors import ActionRefused
from desktop.sync import NotFound
from tests.desk.conftest import Desks
from tests.helpers.portal import server_versions


async def test_a_draft_that_never_left_is_gone_at_once(desks: Desks) -> None:
    member = await desks.sign_in("thanhvien1")
    member.scheduler.debounce = 3600  # no sync in between
    draft = await member.create("tin-tuc", title="", body="")
    assert await member.delete(draft.id) is True
    assert member.store.item(draft.id) is None and member.pending_count() == 0
    assert draft.id not in {r.id for r in member.rows()}


async def test_a_synced_draft_is_deleted_on_the_portal_and_on_the_authors_other_computer(
    desks: Desks, tmp_path: object
) -> None:
    laptop = await desks.sign_in("thanhvien1")
    draft = await laptop.create("tin-tuc", title="Bản nháp bỏ đi", body="Không dùng nữa.")
    await laptop.sync()
    office = await desks.sign_in("thanhvien1", retries=0)  # a second computer, same person
    assert draft.id in {r.id for r in office.rows()}

    assert await laptop.delete(draft.id) is False  # queued for the portal
    assert draft.id not in {r.id for r in laptop.rows()} and laptop.pending_count() == 1
    await laptop.sync()
    assert laptop.pending_count() == 0 and laptop.store.item(draft.id) is None
    history = await server_versions(desks.url, draft.id, "thanhvien1")
    assert [v["action"] for v in history] == ["create", "delete"]  # kept on the portal

    await office.sync()
    assert office.store.item(draft.id) is None  # the author's other computer follows
    with pytest.raises(NotFound):  # and nobody else ever sees it
        await server_versions(desks.url, draft.id, "phoban")


async def test_what_was_submitted_once_cannot_be_deleted(desks: Desks) -> None:
    member = await desks.sign_in("thanhvien1")
    draft = await member.create("tin-tuc", title="Tin gửi rồi rút", body="Nội dung.")
    await member.act(draft.id, Action.SUBMIT)
    await member.act(draft.id, Action.WITHDRAW)
    await member.sync()
    with pytest.raises(ActionRefused) as refused:
        await member.delete(draft.id)
    assert [p.code for p in refused.value.problems] == ["already_submitted"]
    assert "lịch sử" in refused.value.message("vi")


async def test_only_the_author_deletes(desks: Desks) -> None:
    head = await desks.sign_in("truongban")
    submitted = head.rows(states=["submitted"])[0]
    with pytest.raises(ActionRefused):
        await head.delete(submitted.id)
