"""Restore an earlier version (issue 20), over real HTTP: the working copy becomes version N's
content, the portal keeps it as a new version (nothing erased); allowed to whoever may edit the
item in its state."""

from __future__ import annotations

import pytest

from desktop.desk.restore import NoSuchVersion, RestoreRefused
from desktop.models import Action
from tests.desk.conftest import Desks, desks, portal  # noqa: F401 - fixtures
from tests.helpers.portal import server_comments, server_item, server_versions


async def test_restore_makes_a_new_version_with_the_old_content(desks: Desks) -> None:  # noqa: F811
    member = await desks.sign_in("thanhvien1")
    draft = await member.create(
        "tin-tuc", title="Hội nghị tổng kết", summary="Bản đầu.", body="Nội dung đầu tiên."
    )
    await member.sync()
    await member.save(draft.id, title="Hội nghị (sửa)", body="Nội dung đã sửa sai.")
    await member.sync()
    assert (await server_item(desks.url, draft.id, "thanhvien1"))["version"] == 2

    await member.restore(draft.id, 1)
    mine = member.item(draft.id)
    assert mine is not None and mine.title == "Hội nghị tổng kết"  # at once, offline too
    await member.sync()

    on_portal = await server_item(desks.url, draft.id, "thanhvien1")
    assert on_portal["version"] == 3
    assert (on_portal["title"], on_portal["summary"], on_portal["body"]) == (
        "Hội nghị tổng kết",
        "Bản đầu.",
        "Nội dung đầu tiên.",
    )
    history = await server_versions(desks.url, draft.id, "thanhvien1")
    assert [v["version"] for v in history] == [1, 2, 3]  # nothing erased
    comments = await server_comments(desks.url, draft.id, "thanhvien1")
    assert comments[-1]["body"] == "Khôi phục nội dung phiên bản 1."


async def test_restore_is_for_whoever_may_edit_in_the_state(desks: Desks) -> None:  # noqa: F811
    member = await desks.sign_in("thanhvien1")
    draft = await member.create(
        "tin-tuc",
        title="Thông báo tuyển dụng",
        summary="Sở thông báo tuyển dụng.",
        body="Bản một.",
        author="Minh Anh",
    )
    await member.sync()
    await member.save(draft.id, body="Bản hai.")
    await member.act(draft.id, Action.SUBMIT)
    await member.sync()

    with pytest.raises(RestoreRefused) as refused:  # submitted: the writer may not edit now
        await member.restore(draft.id, 1)
    assert "không được sửa" in refused.value.message("vi")

    deputy = await desks.sign_in("phoban")  # step 2 may edit a submitted item
    with pytest.raises(NoSuchVersion):
        await deputy.restore(draft.id, 99)
    await deputy.restore(draft.id, 1)
    await deputy.sync()
    on_portal = await server_item(desks.url, draft.id, "phoban")
    assert on_portal["body"] == "Bản một." and on_portal["state"] == "submitted"
    history = await server_versions(desks.url, draft.id, "phoban")
    assert [(v["action"], v["actor"]) for v in history][-1] == ("update", "phoban")
