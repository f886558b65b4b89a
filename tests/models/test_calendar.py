"""Working days on real Vietnamese calendar cases.

Every expected date below was worked out by hand from the official calendars (weekdays checked
against a printed calendar), not from the code: Tết 2026 is Monday 16/2 – Friday 20/2; Tết 2027
(lunar New Year on Saturday 6/2/2027) is Thursday 4/2 – Wednesday 10/2 as the ``holidays``
package 0.108 computes it (the official 2027 schedule was not out yet); the Hùng Kings' day is
Sunday 26/4/2026 (off on Monday 27/4) and Friday 16/4/2027; 30/4 and 1/5/2026 are Thursday and
Friday, 1/5/2027 is a Saturday (off on Monday 3/5); 2/9/2026 is a Wednesday with Monday 31/8 and
Tuesday 1/9 off and Saturday 22/8 worked instead; 2/9/2027 is Thursday with Friday 3/9 off;
24/11/2026 (Vietnam Cultural Day) is a day off in the package.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop.models.categories import Category, CategoryKind, DeadlineFrom, DeadlineRule
from desktop.models.item import ModelError
from desktop.models.workdays import (
    LEGAL_FOR_APPLYING_AGENCIES,
    REGULATION_DEADLINES,
    CalendarNotice,
    WorkCalendar,
    vietnam_holidays,
)

D = date


@pytest.fixture(scope="module")
def vn() -> WorkCalendar:
    return WorkCalendar(vietnam_holidays(years=range(2025, 2028)))


#: A site's own notices: a bridge day off on Friday 2/1/2026, worked back on Saturday 10/1/2026.
SITE_NOTICES = [
    CalendarNotice(D(2026, 1, 2), "day_off", "Nghỉ bù Tết Dương lịch"),
    CalendarNotice(D(2026, 1, 10), "working_day", "Làm bù cho ngày 02/01/2026"),
]


@pytest.fixture(scope="module")
def site() -> WorkCalendar:
    return WorkCalendar.from_notices(SITE_NOTICES, vietnam_holidays(years=range(2025, 2028)))


# (day, is it a working day?, why)
WORKING_DAYS = [
    (D(2026, 1, 1), False, "New Year's Day, Thursday"),
    (D(2026, 1, 2), True, "Friday after New Year: works without a site notice"),
    (D(2026, 2, 13), True, "Friday before Tết 2026"),
    (D(2026, 2, 16), False, "Tết 2026, 29 Tết (lunar New Year's Eve)"),
    (D(2026, 2, 17), False, "Tết 2026, first day"),
    (D(2026, 2, 20), False, "Tết 2026, last weekday off"),
    (D(2026, 2, 21), False, "Saturday"),
    (D(2026, 2, 22), False, "Sunday"),
    (D(2026, 2, 23), True, "first working day after Tết 2026"),
    (D(2026, 4, 26), False, "Hùng Kings' day 2026 (a Sunday)"),
    (D(2026, 4, 27), False, "Hùng Kings' day 2026, day in lieu"),
    (D(2026, 4, 28), True, "Tuesday after the Hùng Kings' day"),
    (D(2026, 4, 30), False, "Reunification Day"),
    (D(2026, 5, 1), False, "Labour Day"),
    (D(2026, 5, 4), True, "Monday after 30/4–1/5"),
    (D(2026, 8, 21), True, "Friday"),
    (D(2026, 8, 22), True, "Saturday worked, swapped for 31/8"),
    (D(2026, 8, 29), False, "an ordinary Saturday"),
    (D(2026, 8, 31), False, "bridge day before National Day"),
    (D(2026, 9, 1), False, "National Day, first day"),
    (D(2026, 9, 2), False, "National Day"),
    (D(2026, 9, 3), True, "Thursday after National Day"),
    (D(2026, 11, 24), False, "Vietnam Cultural Day: a day off in holidays 0.108"),
    (D(2027, 2, 3), True, "Wednesday before Tết 2027"),
    (D(2027, 2, 4), False, "Tết 2027, 29 Tết (Saturday's New Year moved back)"),
    (D(2027, 2, 5), False, "Tết 2027, New Year's Eve"),
    (D(2027, 2, 8), False, "Tết 2027, third day"),
    (D(2027, 2, 10), False, "Tết 2027, fifth day (for the Sunday)"),
    (D(2027, 2, 11), True, "first working day after Tết 2027"),
    (D(2027, 4, 16), False, "Hùng Kings' day 2027 (a Friday)"),
    (D(2027, 5, 3), False, "Labour Day 2027 fell on Saturday: off on Monday"),
    (D(2027, 9, 3), False, "National Day 2027, second day (Friday)"),
]


@pytest.mark.parametrize(("day", "working", "why"), WORKING_DAYS)
def test_is_working_day(vn: WorkCalendar, day: date, working: bool, why: str) -> None:
    assert vn.is_working_day(day) is working, why


# (trigger date, N working days, due date, why)
DEADLINES = [
    (D(2026, 2, 12), 2, D(2026, 2, 23), "Thursday before Tết: Friday 13/2 counts, then 23/2"),
    (D(2026, 2, 13), 2, D(2026, 2, 24), "legal documents (2 days) issued the Friday before Tết"),
    (D(2026, 2, 13), 10, D(2026, 3, 6), "10 days from the Friday before Tết"),
    (D(2026, 2, 12), 15, D(2026, 3, 12), "dissemination (15 days) from the Thursday before Tết"),
    (D(2026, 2, 13), 20, D(2026, 3, 20), "science (20 days) from the Friday before Tết"),
    (D(2026, 2, 15), 0, D(2026, 2, 15), "N = 0 gives the trigger day itself"),
    (D(2026, 2, 17), 2, D(2026, 2, 24), "a trigger inside Tết"),
    (D(2026, 4, 24), 2, D(2026, 4, 29), "Friday before the Hùng Kings' day 2026"),
    (D(2026, 4, 24), 3, D(2026, 5, 4), "over the Hùng Kings' day and 30/4–1/5"),
    (D(2026, 4, 29), 2, D(2026, 5, 5), "Wednesday before 30/4–1/5"),
    (D(2026, 4, 24), 10, D(2026, 5, 13), "10 days across the whole of late April"),
    (D(2026, 8, 21), 1, D(2026, 8, 22), "the swapped Saturday 22/8 counts"),
    (D(2026, 8, 21), 2, D(2026, 8, 24), "Saturday 22/8, then Monday 24/8"),
    (D(2026, 8, 28), 2, D(2026, 9, 4), "Friday before the 2/9 bridge: 3/9 and 4/9"),
    (D(2026, 8, 28), 10, D(2026, 9, 16), "10 days from the Friday before 2/9"),
    (D(2026, 11, 23), 1, D(2026, 11, 25), "Vietnam Cultural Day 24/11/2026 is skipped"),
    (D(2027, 2, 3), 2, D(2027, 2, 12), "Wednesday before Tết 2027"),
    (D(2027, 2, 3), 10, D(2027, 2, 24), "10 days over Tết 2027"),
    (D(2027, 4, 15), 1, D(2027, 4, 19), "Thursday before the Hùng Kings' day 2027"),
    (D(2027, 4, 29), 1, D(2027, 5, 4), "30/4/2027 and Monday 3/5 in lieu of Saturday 1/5"),
    (D(2027, 9, 1), 1, D(2027, 9, 6), "2–3/9/2027 and the weekend"),
    (D(2026, 3, 6), 5, D(2026, 3, 13), "an ordinary week: Friday to Friday"),
]


@pytest.mark.parametrize(("start", "n", "due", "why"), DEADLINES)
def test_add_working_days(vn: WorkCalendar, start: date, n: int, due: date, why: str) -> None:
    assert vn.add_working_days(start, n) == due, why
    if n:
        assert vn.working_days_between(start, due) == n, why
        assert vn.working_days_between(due, start) == -n, why


# The site's notices: 2/1/2026 off, Saturday 10/1/2026 worked.
SITE_DEADLINES = [
    (D(2025, 12, 31), 1, D(2026, 1, 2), D(2026, 1, 5), "the site's extra day off is skipped"),
    (D(2026, 1, 9), 1, D(2026, 1, 12), D(2026, 1, 10), "the site's working Saturday counts"),
    (D(2025, 12, 31), 6, D(2026, 1, 9), D(2026, 1, 10), "six days land on the swapped Saturday"),
    (D(2025, 12, 31), 7, D(2026, 1, 12), D(2026, 1, 12), "the swap evens out after it"),
]


@pytest.mark.parametrize(("start", "n", "plain", "with_notices", "why"), SITE_DEADLINES)
def test_site_notices_move_deadlines(
    vn: WorkCalendar,
    site: WorkCalendar,
    start: date,
    n: int,
    plain: date,
    with_notices: date,
    why: str,
) -> None:
    assert vn.add_working_days(start, n) == plain, why
    assert site.add_working_days(start, n) == with_notices, why


def test_site_notices_are_days_off_and_working_days(site: WorkCalendar) -> None:
    assert site.is_working_day(D(2026, 1, 2)) is False
    assert site.is_working_day(D(2026, 1, 10)) is True
    assert site.is_working_day(D(2026, 1, 17)) is False  # other Saturdays stay off
    assert site.is_working_day(D(2026, 8, 22)) is True  # the package's own swap still holds


def test_notice_can_override_a_public_holiday() -> None:
    cal = WorkCalendar(vietnam_holidays(years=2026), extra_working_days={D(2026, 11, 24)})
    assert cal.is_working_day(D(2026, 11, 24)) is True


def test_a_day_cannot_be_both_off_and_worked() -> None:
    with pytest.raises(ValueError, match="2026-01-02"):
        WorkCalendar(
            vietnam_holidays(years=2026),
            extra_days_off={D(2026, 1, 2)},
            extra_working_days={D(2026, 1, 2)},
        )


def test_years_outside_the_built_range_are_filled_in() -> None:
    cal = WorkCalendar(vietnam_holidays(years=2026))
    assert cal.is_working_day(D(2027, 2, 8)) is False
    assert cal.add_working_days(D(2027, 2, 3), 2) == D(2027, 2, 12)


def test_working_days_between_edges(vn: WorkCalendar) -> None:
    assert vn.working_days_between(D(2026, 2, 13), D(2026, 2, 13)) == 0
    assert vn.working_days_between(D(2026, 2, 15), D(2026, 2, 22)) == 0  # all of Tết
    assert vn.working_days_between(D(2026, 3, 1), D(2026, 3, 31)) == 22
    assert vn.working_days_between(D(2026, 8, 21), D(2026, 8, 31)) == 6  # 22/8, 24–28/8


def test_negative_n_is_refused(vn: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        vn.add_working_days(D(2026, 1, 5), -1)


@pytest.mark.parametrize(
    ("trigger", "rule", "due"),
    [
        (D(2026, 2, 13), DeadlineRule(2, DeadlineFrom.ISSUE_DATE), D(2026, 2, 24)),
        (D(2026, 2, 13), DeadlineRule(10, DeadlineFrom.ISSUE_DATE), D(2026, 3, 6)),
        (D(2026, 8, 28), DeadlineRule(10, DeadlineFrom.APPROVAL_DATE), D(2026, 9, 16)),
        (D(2026, 2, 13), None, None),
        (None, DeadlineRule(2, DeadlineFrom.ISSUE_DATE), None),
    ],
)
def test_due_date(
    vn: WorkCalendar, trigger: date | None, rule: DeadlineRule | None, due: date | None
) -> None:
    assert vn.due_date(trigger, rule) == due


# (due, today, status, why)
STATUSES = [
    (D(2026, 2, 24), D(2026, 2, 13), "ok", "Tết still between"),
    (D(2026, 2, 23), D(2026, 2, 13), "due_soon", "due the next working day, after Tết"),
    (D(2026, 2, 24), D(2026, 2, 23), "due_soon", "due tomorrow"),
    (D(2026, 2, 24), D(2026, 2, 24), "due_soon", "due today"),
    (D(2026, 2, 24), D(2026, 2, 25), "late", "a day late"),
    (D(2026, 2, 24), D(2026, 2, 28), "late", "late, on a Saturday"),
    (D(2026, 9, 3), D(2026, 8, 28), "due_soon", "Friday 28/8: the bridge and 2/9 between"),
    (D(2026, 9, 4), D(2026, 8, 28), "ok", "two working days away"),
    (D(2026, 3, 9), D(2026, 3, 5), "ok", "Thursday for next Monday"),
    (D(2026, 3, 9), D(2026, 3, 6), "due_soon", "Friday for next Monday"),
    (D(2026, 3, 8), D(2026, 3, 6), "due_soon", "due on a Sunday, before the next working day"),
]


@pytest.mark.parametrize(("due", "today", "status", "why"), STATUSES)
def test_deadline_status(vn: WorkCalendar, due: date, today: date, status: str, why: str) -> None:
    assert vn.deadline_status(due, today) == status, why


def test_deadline_status_without_due_date(vn: WorkCalendar) -> None:
    assert vn.deadline_status(None, D(2026, 2, 13)) is None


def test_deadline_status_follows_site_notices(site: WorkCalendar, vn: WorkCalendar) -> None:
    # Friday 9/1/2026 for Monday 12/1: next working day without notices, but the site works
    # Saturday 10/1 in between, so there is still a day left.
    assert vn.deadline_status(D(2026, 1, 12), D(2026, 1, 9)) == "due_soon"
    assert site.deadline_status(D(2026, 1, 12), D(2026, 1, 9)) == "ok"
    assert site.deadline_status(D(2026, 1, 12), D(2026, 1, 10)) == "due_soon"
    # Wednesday 31/12/2025 for Monday 5/1/2026: the site's day off 2/1 makes it due soon.
    assert vn.deadline_status(D(2026, 1, 5), D(2025, 12, 31)) == "ok"
    assert site.deadline_status(D(2026, 1, 5), D(2025, 12, 31)) == "due_soon"


def test_notice_round_trip() -> None:
    notice = CalendarNotice(D(2026, 1, 10), "working_day", "Làm bù cho ngày 02/01/2026")
    data = notice.to_dict()
    assert data == {
        "date": "2026-01-10",
        "kind": "working_day",
        "note": "Làm bù cho ngày 02/01/2026",
    }
    assert CalendarNotice.from_dict(data) == notice


def test_notice_note_is_nfc() -> None:
    notice = CalendarNotice.from_dict(
        {"date": "2026-01-02", "kind": "day_off", "note": "Nghi\u0309 bu\u0300"}
    )
    assert notice.note == "Nghỉ bù"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"date": "2026-13-01", "kind": "day_off"}, "date"),
        ({"date": "02/01/2026", "kind": "day_off"}, "date"),
        ({"date": "2026-01-02", "kind": "holiday"}, "kind"),
        ({"date": "2026-01-02", "kind": "day_off", "note": 3}, "note"),
    ],
)
def test_bad_notices_are_refused(data: dict[str, object], field: str) -> None:
    with pytest.raises(ModelError) as caught:
        CalendarNotice.from_dict(data)
    assert caught.value.field == field


def test_regulation_deadlines_follow_bd13(vn: WorkCalendar) -> None:
    days = {kind: rule.days for kind, rule in REGULATION_DEADLINES.items()}
    assert days == {
        CategoryKind.LEGAL: 2,
        CategoryKind.DISSEMINATION: 15,
        CategoryKind.STRATEGY: 10,
        CategoryKind.PROJECTS: 10,
        CategoryKind.SCIENCE: 20,
        CategoryKind.STATISTICS: 10,  # BD-13.6, AG-12.1.e (issue 19)
    }
    assert REGULATION_DEADLINES[CategoryKind.PROJECTS].counts_from is DeadlineFrom.APPROVAL_DATE
    assert REGULATION_DEADLINES[CategoryKind.STATISTICS].counts_from is DeadlineFrom.DECISION_DATE
    assert DeadlineRule(10, DeadlineFrom.ISSUE_DATE) == LEGAL_FOR_APPLYING_AGENCIES
    # A category carries its rule through its JSON form, and the due date follows from it.
    legal = Category.from_dict(
        Category(
            "van-ban",
            "demo",
            "Văn bản QPPL",
            CategoryKind.LEGAL,
            "Sở Tư pháp",
            REGULATION_DEADLINES[CategoryKind.LEGAL],
        ).to_dict()
    )
    assert vn.due_date(D(2026, 2, 13), legal.deadline) == D(2026, 2, 24)
    assert vn.due_date(D(2026, 2, 13), LEGAL_FOR_APPLYING_AGENCIES) == D(2026, 3, 6)
