"""Issue 19 in the app: the head's banner (the report's due dates, the sections gone quiet)
with the clock under the test's control, and the grant form that asks for the decision number
(AG-10.1) before anything reaches the portal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from desktop.models.errors import Invalid
from desktop.reports.stale import last_published
from tests.ui.helpers import People, type_text


def test_the_heads_banner_shows_the_reports_due_dates_and_quiet_sections(desk: People) -> None:
    head = desk.sign_in("truongban")
    bar: Any = head.window.head_notices
    news = last_published(head.desk.store, "demo")["tin-tuc"]
    bar.today = lambda: news + timedelta(days=400)  # far later: news has gone quiet
    bar.refresh()
    assert not bar.isHidden()
    assert "Chuyên mục lâu chưa cập nhật" in bar.text() and "Tin tức, sự kiện" in bar.text()
    assert "400 ngày trước" in bar.text()
    assert "Báo cáo năm" not in bar.text() or (news + timedelta(days=400)).month in (11, 12)

    bar.today = lambda: date(2026, 11, 6)  # the report of 20/11 is 14 days away
    bar.refresh()
    assert "Báo cáo năm" in bar.text() and "20/11/2026 (còn 14 ngày)" in bar.text()
    assert "01/12/2026" not in bar.text()  # 25 days away: not yet
    bar.today = lambda: date(2026, 12, 2)  # both past
    bar.refresh()
    assert "Báo cáo năm" not in bar.text()

    member = desk.sign_in("thanhvien1")
    member.window.head_notices.today = lambda: date(2026, 11, 20)
    member.window.head_notices.refresh()
    assert member.window.head_notices.isHidden()  # the head's, nobody else's


def test_a_grant_without_its_decision_is_refused_in_the_form_and_the_desk(desk: People) -> None:
    head = desk.sign_in("truongban")
    head.window.show_screen("grants")
    screen: Any = head.window.page("grants")
    before = screen.table.rowCount()
    screen.grantee.setCurrentIndex(screen.grantee.findData("thanhvien2"))
    type_text(screen.valid_from, "01/01/2026")
    assert desk.run(_none(screen.give())) is None
    assert screen.status.text() == "Hãy ghi số quyết định phân công."
    assert screen.table.rowCount() == before
    with pytest.raises(Invalid) as refused:
        desk.run(head.desk.grant("thanhvien2", "edit", [], None, None, "  "))
    assert refused.value.code == "decision_required"
    assert "số quyết định" in refused.value.message("vi")


async def _none(value: Any) -> Any:
    return value
