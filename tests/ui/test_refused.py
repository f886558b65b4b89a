"""An operation the portal refuses for good is shown on the item with its reason."""

from __future__ import annotations

from desktop.models import Action, State
from tests.ui.helpers import People


def test_refused_action_is_explained_and_dismissed(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    drafts = member.items.rows(states=[State.DRAFT.value], mine=True)
    assert drafts
    item_id = drafts[0].id
    # The buttons never offer this; queue it anyway, as a stale client could.
    member.store.queue_action(item_id, Action.APPROVE)
    desk.sync(member)
    assert member.items.sync_status(item_id) == "failed"
    member.window.open_item(item_id)
    page = member.window.item_page
    assert not page.failure_label.isHidden()
    assert "Cổng thông tin không nhận" in page.failure_label.text()
    assert page.sync_label.text() == "Đồng bộ không thành công"
    page.failure_button.click()
    desk.run(page.task)
    assert page.failure_label.isHidden()
    assert member.items.sync_status(item_id) != "failed"
