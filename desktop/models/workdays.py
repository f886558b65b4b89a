"""Working days (ngày làm việc) in Vietnam, for the deadlines of BD-13 and AG-12.

A deadline "within N working days from the issue date" is the N-th working day *after* the
trigger date: the trigger day itself is never counted, whether or not it is a working day.

Which days are working days comes from two sources:

- the ``holidays`` package (pinned to 0.108): weekends, Tết, the Hùng Kings' day (lunar 10/3)
  with its day in lieu, 30/4, 1/5, 2/9 with its second day, and the swaps the government
  announced (2026: Monday 31/8 off, Saturday 22/8 worked). Checked for 0.108: it also lists
  24/11 "Vietnam Cultural Day" (Ngày Văn hóa Việt Nam, Resolution 80-NQ/TW) as a public holiday
  from 2026 on, so Tuesday 24/11/2026 is **not** a working day here;
- the site's own notices, which an administrator maintains on the portal: extra days off and
  swapped working days (usually Saturdays). A notice beats the package.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal, Protocol, get_args

from desktop.models.categories import CategoryKind, DeadlineFrom, DeadlineRule
from desktop.models.item import ModelError
from desktop.models.text import nfc

if TYPE_CHECKING:
    import holidays

NoticeKind = Literal["day_off", "working_day"]
DeadlineStatus = Literal["late", "due_soon", "ok"]

NOTICE_KINDS: tuple[str, ...] = get_args(NoticeKind)
_ONE_DAY = timedelta(days=1)


#: The deadlines BD-13 sets per section, offered when an administrator creates a category.
#: Legal documents: 2 working days on the issuing agency's own site; the sites of the agencies a
#: document applies to have 10 (``LEGAL_FOR_APPLYING_AGENCIES``). Sections not listed are kept
#: up to date continuously and have no deadline.
REGULATION_DEADLINES: dict[CategoryKind, DeadlineRule] = {
    CategoryKind.LEGAL: DeadlineRule(2, DeadlineFrom.ISSUE_DATE),
    CategoryKind.DISSEMINATION: DeadlineRule(15, DeadlineFrom.ISSUE_DATE),
    CategoryKind.STRATEGY: DeadlineRule(10, DeadlineFrom.APPROVAL_DATE),
    CategoryKind.PROJECTS: DeadlineRule(10, DeadlineFrom.APPROVAL_DATE),
    CategoryKind.SCIENCE: DeadlineRule(20, DeadlineFrom.APPROVAL_DATE),
    # BD-13.6, AG-12.1.e: statistics within 10 working days of the head's decision to publish
    CategoryKind.STATISTICS: DeadlineRule(10, DeadlineFrom.DECISION_DATE),
}
LEGAL_FOR_APPLYING_AGENCIES = DeadlineRule(10, DeadlineFrom.ISSUE_DATE)


class HolidayCalendar(Protocol):
    """What WorkCalendar needs from a ``holidays`` calendar (weekends, holidays and swaps)."""

    def is_working_day(self, key: date) -> bool: ...


def vietnam_holidays(years: int | Iterable[int] | None = None) -> holidays.HolidayBase:
    """Vietnam's public holidays; other years are filled in on demand when asked about."""
    if years is None:
        years = range(date.today().year - 1, date.today().year + 2)
    import holidays  # ~100 ms with its metadata: deferred until a deadline is counted (issue 21)

    return holidays.country_holidays("VN", years=years)


@dataclass(frozen=True, slots=True)
class CalendarNotice:
    """A site's own notice: an extra day off or a swapped working day (thông báo lịch làm việc)."""

    date: dt.date
    kind: NoticeKind
    note: str = ""

    def __post_init__(self) -> None:
        if self.kind not in NOTICE_KINDS:
            raise ModelError("kind", "must be one of: " + ", ".join(NOTICE_KINDS))
        object.__setattr__(self, "note", nfc(self.note))

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "kind": self.kind, "note": self.note}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CalendarNotice:
        if not isinstance(data, dict):
            raise ModelError("notice", "must be an object")
        raw = data.get("date")
        if isinstance(raw, date):
            day = raw
        else:
            try:
                day = date.fromisoformat(str(raw))
            except ValueError:
                raise ModelError("date", "must be a date (YYYY-MM-DD)") from None
        kind = data.get("kind")
        if kind not in NOTICE_KINDS:
            raise ModelError("kind", "must be one of: " + ", ".join(NOTICE_KINDS))
        note = data.get("note") or ""
        if not isinstance(note, str):
            raise ModelError("note", "must be text")
        return cls(date=day, kind=kind, note=note)


class WorkCalendar:
    """Answers "is this a working day?" and computes due dates in working days."""

    def __init__(
        self,
        holidays_vn: HolidayCalendar | None = None,
        extra_days_off: Iterable[date] = (),
        extra_working_days: Iterable[date] = (),
    ) -> None:
        self._holidays = holidays_vn if holidays_vn is not None else vietnam_holidays()
        self.extra_days_off = frozenset(extra_days_off)
        self.extra_working_days = frozenset(extra_working_days)
        both = self.extra_days_off & self.extra_working_days
        if both:
            first = min(both).isoformat()
            raise ValueError(f"{first} is noticed both as a day off and as a working day")

    @classmethod
    def from_notices(
        cls, notices: Iterable[CalendarNotice], holidays_vn: HolidayCalendar | None = None
    ) -> WorkCalendar:
        notices = list(notices)
        return cls(
            holidays_vn,
            extra_days_off={n.date for n in notices if n.kind == "day_off"},
            extra_working_days={n.date for n in notices if n.kind == "working_day"},
        )

    def is_working_day(self, day: date) -> bool:
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        return bool(self._holidays.is_working_day(day))

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_working_days(day, 1)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after ``start`` (``start`` itself never counts; n = 0 gives it).

        A document issued on Friday 13/2/2026 with a 2-working-day deadline is due on Tuesday
        24/2/2026: the week of Tết (16–20/2) and the weekends do not count.
        """
        if n < 0:
            raise ValueError("n must be ≥ 0")
        day = start
        counted = 0
        while counted < n:
            day += _ONE_DAY
            if self.is_working_day(day):
                counted += 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days d with a < d ≤ b (negative when b is before a).

        The inverse of ``add_working_days``: ``working_days_between(a, add_working_days(a, n))``
        is n.
        """
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        day = a
        while day < b:
            day += _ONE_DAY
            if self.is_working_day(day):
                count += 1
        return count

    def due_date(self, item_trigger_date: date | None, rule: DeadlineRule | None) -> date | None:
        """When an item is due under its category's rule; None when there is no deadline."""
        if item_trigger_date is None or rule is None:
            return None
        return self.add_working_days(item_trigger_date, rule.days)

    def deadline_status(self, due: date | None, today: date) -> DeadlineStatus | None:
        """``late`` after the due date, ``due_soon`` when due today or by the next working day.

        Due soon is what the queues paint amber and what the reminder "a day before" uses:
        on Friday 13/2/2026 an item due Monday 23/2/2026 is due soon, Tết in between.
        """
        if due is None:
            return None
        if today > due:
            return "late"
        if due <= self.next_working_day(today):
            return "due_soon"
        return "ok"
