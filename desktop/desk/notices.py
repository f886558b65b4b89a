"""What the head is reminded of (issue 19), a part of ``Desk``; no Qt, the clock given.

- **The yearly report's due dates**: units report to the Department of Information and
  Communications before 20/11 (AG-26), the agency's report of BD-27 is due before 1/12. From
  ``REMIND_DAYS`` days before each until the day itself, the head's app shows a notice.
- **Sections that must stay current** (BD-13.1, AG-12.1.a) and have not changed for longer than
  the site's ``stale_after_days`` (``desktop.models.currency``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

from desktop.models import Role
from desktop.models.currency import StaleSection

if TYPE_CHECKING:
    from desktop.desk.session import Session
    from desktop.store import Store

#: The report's due dates in the year: (month, day, what is due in Vietnamese, in English).
REPORT_DUES: tuple[tuple[int, int, str, str], ...] = (
    (
        11,
        20,
        "báo cáo năm về hoạt động của trang thông tin điện tử (Điều 26, Quyết định 03/2017)",
        "the yearly report on the site's operation (AG-26)",
    ),
    (
        12,
        1,
        "báo cáo tình hình hoạt động của Website gửi Sở Thông tin và Truyền thông (Điều 27)",
        "the report on the website's operation to the Department (BD-27)",
    ),
)
#: Days before a due date from which the head is reminded.
REMIND_DAYS = 14


@dataclass(frozen=True, slots=True)
class ReportReminder:
    due: date
    days_left: int
    what_vi: str
    what_en: str

    def message(self, language: str = "vi") -> str:
        day = self.due.strftime("%d/%m/%Y")
        if language == "vi":
            when = "hôm nay" if self.days_left == 0 else f"còn {self.days_left} ngày"
            return f"Hạn nộp {self.what_vi}: {day} ({when})."
        when = "today" if self.days_left == 0 else f"{self.days_left} days left"
        return f"Due {day} ({when}): {self.what_en}."


def report_reminders(today: date, remind_days: int = REMIND_DAYS) -> list[ReportReminder]:
    """The report's due dates that fall within ``remind_days`` days from ``today``."""
    found = []
    for month, day, vi, en in REPORT_DUES:
        due = date(today.year, month, day)
        left = (due - today).days
        if 0 <= left <= remind_days:
            found.append(ReportReminder(due, left, vi, en))
    return found


class HeadNotices:
    """The desk's reminders for the head; ``Desk`` provides the attributes declared here."""

    store: Store
    session: Session

    @property
    def site(self) -> str:
        raise NotImplementedError

    @property
    def zone(self) -> timezone:
        raise NotImplementedError

    def today(self) -> date:
        """Today in the site's zone (tests give their own)."""
        return datetime.now(self.zone).date()

    def is_head(self) -> bool:
        return Role.HEAD in self.session.roles

    def report_reminders(self, today: date | None = None) -> list[ReportReminder]:
        """The report's due dates coming up, for the head (nobody else files it)."""
        if not self.is_head():
            return []
        return report_reminders(today or self.today())

    def stale_sections(self, today: date | None = None) -> list[StaleSection]:
        """The site's sections to keep current that have gone quiet, for the head."""
        if not self.is_head():
            return []
        from desktop.reports.stale import stale_of_site  # the reports' modules: the head's

        return stale_of_site(self.store, self.site, today or self.today(), self.zone)
