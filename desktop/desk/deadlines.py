"""Due dates of items in working days, from what the client has synced (BD-13, AG-12).

The category's rule (N working days from the issue or approval date) and the item's trigger
date give the due date; Vietnam's holidays and the site's own notices (synced with the
directory) say which days count. Pure logic over the store, no Qt: the queues, the editor, the
reminder and ``portal-desk items show --json`` all use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from desktop.models import Category, Item, State
from desktop.models.fields import format_vn_date, suggested_trigger_date
from desktop.models.item import ModelError
from desktop.models.workdays import CalendarNotice, DeadlineStatus, WorkCalendar

#: States in which an item still has to reach the public site: only these can be late (a
#: rejected, published or taken-down item is closed: never "quá hạn").
OPEN_STATES = frozenset({State.DRAFT, State.SUBMITTED, State.EDITED})


class DirectorySource(Protocol):
    """What the deadlines need from the client store."""

    def categories(self, site: str) -> list[dict[str, Any]]: ...

    def calendar_notices(self, site: str) -> list[dict[str, Any]]: ...


def calendar_from(notices: list[dict[str, Any]]) -> WorkCalendar:
    """A site's working calendar; unreadable notices (and same-day conflicts) are left out."""
    read: dict[date, CalendarNotice] = {}
    for raw in notices:
        try:
            notice = CalendarNotice.from_dict(raw)
        except ModelError:
            continue
        read[notice.date] = notice
    return WorkCalendar.from_notices(read.values())


def trigger_date(item: Item, category: Category | None) -> date | None:
    """The item's own trigger date, else the one its section's fields suggest."""
    if item.trigger_date is not None:
        return item.trigger_date
    if category is None:
        return None
    return suggested_trigger_date(category.kind, item.metadata)


@dataclass(frozen=True, slots=True)
class Deadline:
    """When an item is due and how it stands today."""

    due: date
    status: DeadlineStatus | None  # None once published, taken down (nothing left to do)

    def to_dict(self) -> dict[str, Any]:
        return {"due_date": self.due.isoformat(), "deadline_status": self.status}

    def label(self, language: str = "vi") -> str:
        """The due date as people read it, with a word for the status (not colour alone)."""
        shown = format_vn_date(self.due)
        if self.status == "late":
            return f"{shown} · " + ("quá hạn" if language == "vi" else "late")
        if self.status == "due_soon":
            return f"{shown} · " + ("sắp đến hạn" if language == "vi" else "due soon")
        return shown


class Deadlines:
    """Due dates for the items of the sites a store knows (calendars built once per site)."""

    def __init__(self, store: DirectorySource, today: date | None = None) -> None:
        self.store = store
        self.today = today or date.today()
        self._calendars: dict[str, WorkCalendar] = {}
        self._categories: dict[str, dict[str, Category]] = {}

    def calendar(self, site: str) -> WorkCalendar:
        if site not in self._calendars:
            self._calendars[site] = calendar_from(self.store.calendar_notices(site))
        return self._calendars[site]

    def category(self, site: str, category_id: str) -> Category | None:
        if site not in self._categories:
            found: dict[str, Category] = {}
            for raw in self.store.categories(site):
                try:
                    category = Category.from_dict(raw)
                except (KeyError, ValueError):
                    continue
                found[category.id] = category
            self._categories[site] = found
        return self._categories[site].get(category_id)

    def due_date(self, item: Item) -> date | None:
        category = self.category(item.site, item.category)
        if category is None or category.deadline is None:
            return None
        return self.calendar(item.site).due_date(trigger_date(item, category), category.deadline)

    def deadline(self, item: Item) -> Deadline | None:
        due = self.due_date(item)
        if due is None:
            return None
        status = None
        if item.state in OPEN_STATES:
            status = self.calendar(item.site).deadline_status(due, self.today)
        return Deadline(due, status)

    def reminders(self, items: list[Item]) -> list[tuple[Item, Deadline]]:
        """Open items due by the next working day: what the tray tells the user a day before."""
        found = []
        for item in items:
            deadline = self.deadline(item)
            if deadline is not None and deadline.status == "due_soon":
                found.append((item, deadline))
        return sorted(found, key=lambda pair: (pair[1].due, pair[0].title))


def row_with_deadline(row: Any, deadline: Any, language: str) -> Any:
    """A queue row (a dataclass with ``due``, ``due_iso``, ``due_status``) showing
    ``deadline``; the row itself when there is none."""
    from dataclasses import replace

    if deadline is None:
        return row
    return replace(
        row,
        due=deadline.label(language),
        due_iso=deadline.due.isoformat(),
        due_status=deadline.status or "",
    )
