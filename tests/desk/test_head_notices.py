"""The head's reminders (issue 19): the yearly report's due dates (20/11 and 1/12), and the
sections that must stay current (BD-13.1, AG-12.1.a) but have not changed for longer than the
site's setting, in the desk and in the report. The clock is the test's."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from docx import Document

from desktop.reports import Period, compute, write_csv, write_docx
from desktop.reports.stale import last_published
from portal import db
from portal.board import directory as board
from tests.desk.conftest import SITE, Desks


async def test_the_head_is_reminded_before_the_reports_due_dates(desks: Desks) -> None:
    head = await desks.sign_in("truongban")
    assert head.report_reminders(date(2026, 11, 5)) == []  # 15 days before 20/11
    (first,) = head.report_reminders(date(2026, 11, 6))
    assert (first.due, first.days_left) == (date(2026, 11, 20), 14)
    assert first.message("vi").startswith("Hạn nộp báo cáo năm") and "còn 14 ngày" in (
        first.message("vi")
    )
    both = head.report_reminders(date(2026, 11, 20))
    assert [(r.due, r.days_left) for r in both] == [
        (date(2026, 11, 20), 0),
        (date(2026, 12, 1), 11),
    ]
    assert "hôm nay" in both[0].message("vi") and "today" in both[0].message("en")
    assert [r.due for r in head.report_reminders(date(2026, 11, 21))] == [date(2026, 12, 1)]
    assert head.report_reminders(date(2026, 12, 2)) == []  # past both
    member = await desks.sign_in("thanhvien1")
    assert member.report_reminders(date(2026, 11, 20)) == []  # the head files it


async def test_sections_to_keep_current_go_stale_after_the_sites_setting(
    desks: Desks, portal: Any, tmp_path: Path
) -> None:
    head = await desks.sign_in("truongban")
    news = last_published(head.store, SITE)["tin-tuc"]
    quiet = {s.category: s for s in head.stale_sections(news + timedelta(days=30))}
    assert "tin-tuc" not in quiet  # 30 days: the default setting, not longer
    quiet = {s.category: s for s in head.stale_sections(news + timedelta(days=31))}
    assert quiet["tin-tuc"].days == 31 and quiet["tin-tuc"].last_published == news
    assert "van-ban-phap-luat" not in quiet  # legal documents have deadlines, not this rule
    assert "đăng lần cuối ngày" in quiet["tin-tuc"].sentence("vi")

    with db.writing(portal.app.state.engine) as conn:  # the site keeps 60 days
        board.set_site_settings(conn, SITE, stale_after_days=60)
    await head.sync()  # the directory moved: the setting arrives with a normal sync
    assert "tin-tuc" not in {s.category for s in head.stale_sections(news + timedelta(days=31))}
    later = {s.category: s for s in head.stale_sections(news + timedelta(days=61))}
    assert later["tin-tuc"].days == 61

    # The report lists them (2.7) as of the day it is made.
    figures = compute(head.store, Period.for_year(2026), site=SITE, today=news + timedelta(61))
    assert "tin-tuc" in {s.category for s in figures.stale}
    path = write_docx(figures, tmp_path / "bao-cao.docx")
    table = next(
        t for t in Document(str(path)).tables if [c.text for c in t.rows[0].cells][1:] == [
            "Đăng lần cuối", "Số ngày"
        ]
    )  # fmt: skip
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["Tin tức, sự kiện"] == ["Tin tức, sự kiện", news.strftime("%d/%m/%Y"), "61"]
    with write_csv(figures, tmp_path / "so-lieu.csv").open(encoding="utf-8-sig") as handle:
        stale = [r for r in csv.DictReader(handle) if r["group"] == "stale"]
    assert {"key": "tin-tuc", "metric": news.isoformat(), "value": "61"}.items() <= next(
        r for r in stale if r["key"] == "tin-tuc"
    ).items()

    member = await desks.sign_in("thanhvien1")
    assert member.stale_sections(news + timedelta(days=400)) == []
