"""The span a report covers: a year, a quarter of it, or any date range (inclusive)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

#: Report dates are Vietnam's calendar days (UTC+7, no daylight saving): the product's one zone.
from desktop.models.clock import VIETNAM


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date
    kind: str = "range"  # year, quarter, range
    year: int | None = None
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("the period ends before it starts")

    @classmethod
    def for_year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), "year", year)

    @classmethod
    def for_quarter(cls, year: int, quarter: int) -> Period:
        if quarter not in (1, 2, 3, 4):
            raise ValueError("a quarter is 1, 2, 3 or 4")
        first = date(year, 3 * quarter - 2, 1)
        after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return cls(first, after - timedelta(days=1), "quarter", year, quarter)

    @classmethod
    def between(cls, start: date | str, end: date | str) -> Period:
        first = start if isinstance(start, date) else date.fromisoformat(start)
        last = end if isinstance(end, date) else date.fromisoformat(end)
        return cls(first, last, "range", first.year if first.year == last.year else None)

    def contains(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def label(self, language: str = "vi") -> str:
        span = f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"
        if self.kind == "year":
            return f"Năm {self.year} ({span})" if language == "vi" else f"Year {self.year} ({span})"
        if self.kind == "quarter":
            if language == "vi":
                return f"Quý {self.quarter} năm {self.year} ({span})"
            return f"Q{self.quarter} {self.year} ({span})"
        return f"Từ {span.replace(' – ', ' đến ')}" if language == "vi" else span


def local_day(moment: str | datetime | None) -> date | None:
    """The Vietnam calendar day of an ISO time (naive times are taken as UTC)."""
    when = moment if isinstance(moment, datetime) else parse_time(moment)
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(VIETNAM).date()


def parse_time(moment: str | None) -> datetime | None:
    """An ISO time as an aware datetime (naive: UTC); None when missing or unreadable."""
    if not moment:
        return None
    try:
        when = datetime.fromisoformat(str(moment))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)
