"""Sections that must be kept current (BD-13.1, AG-12.1.a): introduction, news, direction,
contacts and the site's transaction information are "cập nhật thường xuyên". A section of
those kinds whose last publication is older than the site's setting ``stale_after_days`` is
shown to the head (the app's banner and the BD-27 report).

Pure: the caller gives the sections, each one's last publication day and today.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.models.categories import Category, CategoryKind

#: The kinds BD-13.1 and AG-12.1.a want updated continuously (no deadline in days).
CONTINUOUS_KINDS = frozenset(
    {
        CategoryKind.INTRO,
        CategoryKind.NEWS,
        CategoryKind.DIRECTION,
        CategoryKind.CONTACTS,
        CategoryKind.TRANSACTIONS,
    }
)

#: The site setting's name and its value when the site sets none.
SETTING = "stale_after_days"
DEFAULT_STALE_AFTER_DAYS = 30
MAX_STALE_AFTER_DAYS = 366


def stale_after_days(settings: Mapping[str, Any] | None) -> int:
    """The site's ``stale_after_days`` (1–366), the default when unset or unreadable."""
    value = (settings or {}).get(SETTING)
    if isinstance(value, bool) or not isinstance(value, int):
        return DEFAULT_STALE_AFTER_DAYS
    return value if 1 <= value <= MAX_STALE_AFTER_DAYS else DEFAULT_STALE_AFTER_DAYS


def check_setting(value: Any) -> str | None:
    """Why ``value`` cannot be the setting (Vietnamese / English), or None when it can."""
    if isinstance(value, bool) or not isinstance(value, int):
        return "Số ngày phải là một số nguyên. / The number of days must be a whole number."
    if not 1 <= value <= MAX_STALE_AFTER_DAYS:
        return (
            f"Số ngày phải từ 1 đến {MAX_STALE_AFTER_DAYS}. / "
            f"The number of days must be 1 to {MAX_STALE_AFTER_DAYS}."
        )
    return None


@dataclass(frozen=True, slots=True)
class StaleSection:
    """A section to keep current whose last publication is older than the setting."""

    category: str
    name: str
    last_published: date | None  # None: nothing ever published in it
    days: int | None  # days since, None when never

    def sentence(self, language: str = "vi") -> str:
        if self.last_published is None:
            return (
                f"{self.name}: chưa có tin, bài nào được đăng"
                if language == "vi"
                else f"{self.name}: nothing published yet"
            )
        day = self.last_published.strftime("%d/%m/%Y")
        return (
            f"{self.name}: đăng lần cuối ngày {day} ({self.days} ngày trước)"
            if language == "vi"
            else f"{self.name}: last published on {day} ({self.days} days ago)"
        )


def stale_sections(
    categories: Iterable[Category],
    last_published: Mapping[str, date],
    today: date,
    after_days: int = DEFAULT_STALE_AFTER_DAYS,
) -> list[StaleSection]:
    """The continuous sections not published in for more than ``after_days`` days, in the
    sections' order."""
    found: list[StaleSection] = []
    for category in sorted(categories, key=lambda c: (c.position, c.name)):
        if category.kind not in CONTINUOUS_KINDS:
            continue
        last = last_published.get(category.id)
        if last is None:
            found.append(StaleSection(category.id, category.name, None, None))
            continue
        days = (today - last).days
        if days > after_days:
            found.append(StaleSection(category.id, category.name, last, days))
    return found
