"""The figures the board holds for the BD-27 report, computed from the local store.

The store holds what the last sync brought: the figures are complete after a sync, and
``ReportFigures.up_to_date`` says whether anything changed since (or no sync ever ran).

Definitions (docs/reports.md):

- **published** in the period: the approve step (``steps.approve`` or, when the history was
  fetched, the last ``approve`` version) falls on a day of the period, Vietnam time; items taken
  down since still count as published.
- **within the deadline**: the category's deadline rule (BD-13) counted in working days
  (``WorkCalendar``) from the item's trigger date; published on or before the due day.
- **time at each step**: from entering a state to leaving it (step 1 draft, step 2 submitted,
  step 3 edited), for every pass that ended in the period, in hours.
- **returns, rejections, take-downs**: actions done in the period (every one when the history
  was fetched, else the last of each kind from the step records).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from desktop.models.categories import DeadlineRule
from desktop.models.currency import StaleSection
from desktop.models.workdays import WorkCalendar
from desktop.reports.period import VIETNAM, Period, parse_time

UNKNOWN_UNIT = ("(chưa ghi đơn vị)", "(no unit)")

#: Columns of the rows ``compute`` reads from ``server_items``.
_ID, _SITE, _CATEGORY, _TITLE, _UNIT, _STEPS, _CREATED, _TRIGGER = range(8)

#: The three steps of BD-22 and the state an item waits in for each.
STEPS: tuple[tuple[int, str, str, str], ...] = (
    (1, "draft", "Cập nhật tin", "Create / update"),
    (2, "submitted", "Biên tập tin", "Edit"),
    (3, "edited", "Duyệt tin", "Approve"),
)
_STEP_OF_STATE = {state: number for number, state, _, _ in STEPS}

#: Where each action takes an item (``return`` depends on where it was).
_TARGET = {
    "submit": "submitted",
    "withdraw": "draft",
    "forward": "edited",
    "approve": "published",
    "reject": "rejected",
    "take_down": "taken_down",
}
#: Step-record keys → the action that leaves them.
_STEP_ACTION = {
    "submit": "submit",
    "edit": "forward",
    "approve": "approve",
    "take_down": "take_down",
    "reject": "reject",
    "return": "return",
    "withdraw": "withdraw",
}


@dataclass(slots=True)
class GroupFigures:
    """The counts of one section, one unit, or the whole site."""

    key: str
    label: str
    published: int = 0
    with_deadline: int = 0
    on_time: int = 0
    returned: int = 0
    rejected: int = 0
    taken_down: int = 0

    @property
    def late(self) -> int:
        return self.with_deadline - self.on_time

    @property
    def on_time_share(self) -> float | None:
        """Published within the deadline / published with a deadline; None when none had one."""
        return self.on_time / self.with_deadline if self.with_deadline else None


@dataclass(slots=True)
class StepFigures:
    number: int
    name_vi: str
    name_en: str
    passes: int = 0
    total_hours: float = 0.0

    @property
    def average_hours(self) -> float | None:
        return self.total_hours / self.passes if self.passes else None

    def name(self, language: str = "vi") -> str:
        return self.name_vi if language == "vi" else self.name_en


@dataclass(frozen=True, slots=True)
class TakeDown:
    item_id: str
    title: str
    category: str
    day: str
    reason: str


class AnnexFigures(Protocol):
    """Figures a module adds under one row of the annex's table (its lines, in a language)."""

    def lines(self, language: str = "vi") -> list[str]: ...


@dataclass(slots=True)
class ReportFigures:
    period: Period
    site: str | None
    total: GroupFigures
    by_category: list[GroupFigures]
    by_unit: list[GroupFigures]
    steps: list[StepFigures]
    take_downs: list[TakeDown]
    items_in_store: int
    last_sync: str | None
    last_change: str | None
    history_items: int = 0  # items whose full version history was in the store
    notes: list[str] = field(default_factory=list)
    #: Sections to keep current that have not changed for longer than the site's setting
    #: (BD-13.1, AG-12.1.a), as of the day the report is made.
    stale: list[StaleSection] = field(default_factory=list)
    #: Row 8 of the annex (public consultation): the questions' figures, when a module that
    #: counts them (``desktop/reports/questions.py``) sets them; printed under the table.
    questions: AnnexFigures | None = None

    @property
    def up_to_date(self) -> bool:
        """A sync ran and nothing is known to have changed after it."""
        if self.last_sync is None:
            return False
        if self.last_change is None:
            return True
        sync, change = parse_time(self.last_sync), parse_time(self.last_change)
        return sync is not None and change is not None and sync >= change

    def freshness(self, language: str = "vi") -> str:
        """The sentence the report prints about where its figures come from."""
        sync = _shown(self.last_sync)
        if self.last_sync is None:
            return (
                "Cảnh báo: kho dữ liệu chưa đồng bộ lần nào với Cổng; số liệu có thể chưa đầy đủ."
                if language == "vi"
                else "Warning: the store was never synced with the portal; figures may be "
                "incomplete."
            )
        if not self.up_to_date:
            change = _shown(self.last_change)
            return (
                f"Cảnh báo: lần đồng bộ cuối ({sync}) cũ hơn thay đổi gần nhất ({change}); "
                "hãy đồng bộ rồi lập lại báo cáo để số liệu đầy đủ."
                if language == "vi"
                else f"Warning: the last sync ({sync}) is older than the last known change "
                f"({change}); sync and run the report again for complete figures."
            )
        return (
            f"Số liệu lấy từ kho dữ liệu của Ban Biên tập, đồng bộ lần cuối lúc {sync}."
            if language == "vi"
            else f"Figures from the board's store, last synced at {sync}."
        )


def _shown(moment: str | None) -> str:
    when = parse_time(moment)
    if when is None:
        return "—"
    return when.astimezone(VIETNAM).strftime("%H:%M %d/%m/%Y")


@dataclass(frozen=True, slots=True)
class _Event:
    action: str
    at: datetime
    day: date  # Vietnam time
    comment: str


def _event(action: Any, moment: Any, comment: Any = "") -> _Event | None:
    at = parse_time(moment)
    if at is None or not action:
        return None
    return _Event(str(action), at, at.astimezone(VIETNAM).date(), str(comment or ""))


def _events(row: tuple[Any, ...], versions: list[tuple[Any, ...]] | None) -> list[_Event]:
    """The item's workflow actions in order (its full history when the store has it)."""
    found: list[_Event | None]
    if versions:
        found = [_event(action, at, comment) for _, action, at, comment in sorted(versions)]
        return [e for e in found if e is not None]
    found = [_event("create", row[_CREATED])]
    steps = json.loads(row[_STEPS] or "{}")
    for key, record in steps.items():
        if key in _STEP_ACTION and isinstance(record, dict):
            found.append(_event(_STEP_ACTION[key], record.get("at")))
    events = [e for e in found if e is not None]
    return sorted(events, key=lambda e: (e.at, e.action != "create"))


class _Tally:
    def __init__(self, categories: dict[str, dict[str, Any]], language: str) -> None:
        self.categories = categories
        self.language = language
        self.total = GroupFigures("*", "Tổng cộng" if language == "vi" else "Total")
        self.by_category: dict[str, GroupFigures] = {}
        self.by_unit: dict[str, GroupFigures] = {}
        self.steps = {n: StepFigures(n, vi, en) for n, _, vi, en in STEPS}

    def groups(self, category: str, unit: str) -> list[GroupFigures]:
        if category not in self.by_category:
            name = str(self.categories.get(category, {}).get("name") or category)
            self.by_category[category] = GroupFigures(category, name)
        unknown = UNKNOWN_UNIT[0 if self.language == "vi" else 1]
        if unit not in self.by_unit:
            self.by_unit[unit] = GroupFigures(unit, unit or unknown)
        return [self.total, self.by_category[category], self.by_unit[unit]]


def compute(
    store: Any,
    period: Period,
    *,
    site: str | None = None,
    calendar: WorkCalendar | None = None,
    language: str = "vi",
    today: date | None = None,
) -> ReportFigures:
    """Every figure of the report for ``period`` (one site, or all the store holds)."""
    calendar = calendar or _calendar(store, site)
    where, params = ("WHERE site = ?", [site]) if site else ("", [])
    rows = store.conn.execute(
        "SELECT id, site, category, title, json_extract(json, '$.unit'), "
        "json_extract(json, '$.steps'), json_extract(json, '$.created_at'), "
        f"json_extract(json, '$.trigger_date') FROM server_items {where}",
        params,
    ).fetchall()
    sites = sorted({r[_SITE] for r in rows} | ({site} if site else set()))
    categories: dict[str, dict[str, Any]] = {}
    for name in sites:
        for category in store.categories(name):
            categories.setdefault(str(category.get("id")), category)
    history: dict[str, list[tuple[Any, ...]]] = {}
    for item_id, *version in store.conn.execute(
        "SELECT item_id, json_extract(json, '$.version'), json_extract(json, '$.action'), "
        "json_extract(json, '$.at'), json_extract(json, '$.comment') FROM versions"
    ):
        history.setdefault(item_id, []).append(tuple(version))
    tally = _Tally(categories, language)
    deadlines = _Deadlines(calendar, categories)
    take_downs: list[TakeDown] = []
    with_history = 0
    for row in rows:
        versions = history.get(row[_ID])
        with_history += bool(versions)
        category = categories.get(row[_CATEGORY], {})
        unit = row[_UNIT] or str(category.get("unit") or "")
        groups = tally.groups(row[_CATEGORY], unit)
        events = _events(row, versions)
        _count_item(row, events, groups, deadlines, period, take_downs)
        _time_steps(events, period, tally.steps)
    return ReportFigures(
        period=period,
        site=site,
        total=tally.total,
        by_category=_ordered(tally.by_category, categories),
        by_unit=sorted(tally.by_unit.values(), key=lambda g: (-g.published, g.label)),
        steps=list(tally.steps.values()),
        take_downs=sorted(take_downs, key=lambda t: (t.day, t.title)),
        items_in_store=len(rows),
        last_sync=store.get_meta("last_sync"),
        last_change=_last_change(store),
        history_items=with_history,
        stale=_stale(store, sites, today),
    )


def _stale(store: Any, sites: list[str], today: date | None) -> list[StaleSection]:
    from desktop.reports.stale import stale_of_site

    day = today or datetime.now(VIETNAM).date()
    return [section for site in sites for section in stale_of_site(store, site, day)]


def _calendar(store: Any, site: str | None) -> WorkCalendar:
    """Vietnam's working days plus the site's own notices (days off, swapped working days)."""
    from desktop.models.workdays import CalendarNotice

    notices = getattr(store, "calendar_notices", None)
    if site is None or notices is None:
        return WorkCalendar()
    try:
        return WorkCalendar.from_notices(CalendarNotice.from_dict(n) for n in notices(site))
    except ValueError:  # a notice the portal should not have sent: the plain calendar
        return WorkCalendar()


class _Deadlines:
    """Due days per (category, trigger date), computed once: many items share them."""

    def __init__(self, calendar: WorkCalendar, categories: dict[str, dict[str, Any]]) -> None:
        self.calendar = calendar
        self.rules = {
            key: DeadlineRule.from_dict(category.get("deadline"))
            for key, category in categories.items()
        }
        self.due: dict[tuple[str, str], date | None] = {}

    def __call__(self, category: str, trigger: Any) -> date | None:
        rule = self.rules.get(category)
        if rule is None or not trigger:
            return None
        key = (category, str(trigger)[:10])
        if key not in self.due:
            try:
                day = date.fromisoformat(key[1])
            except ValueError:
                self.due[key] = None
            else:
                self.due[key] = self.calendar.due_date(day, rule)
        return self.due[key]


def _count_item(
    row: tuple[Any, ...],
    events: list[_Event],
    groups: list[GroupFigures],
    deadlines: _Deadlines,
    period: Period,
    take_downs: list[TakeDown],
) -> None:
    approved = [e for e in events if e.action == "approve"]
    published_on = approved[-1].day if approved else None
    if published_on is not None and period.contains(published_on):
        due = deadlines(row[_CATEGORY], row[_TRIGGER])
        for group in groups:
            group.published += 1
            if due is not None:
                group.with_deadline += 1
                group.on_time += published_on <= due
    for event in events:
        if event.action not in ("return", "reject", "take_down") or not period.contains(event.day):
            continue
        for group in groups:
            group.returned += event.action == "return"
            group.rejected += event.action == "reject"
            group.taken_down += event.action == "take_down"
        if event.action == "take_down":
            take_downs.append(
                TakeDown(row[_ID], row[_TITLE], row[_CATEGORY], str(event.day), event.comment)
            )


def _time_steps(events: list[_Event], period: Period, steps: dict[int, StepFigures]) -> None:
    state: str = "draft"
    since: datetime | None = None
    for event in events:
        if event.action == "create":
            state, since = "draft", event.at
            continue
        if event.action == "return":
            target = "draft" if state == "submitted" else "submitted"
        else:
            target = _TARGET.get(event.action, state)
        if target == state:
            continue
        step = _STEP_OF_STATE.get(state)
        if step and since is not None and period.contains(event.day):
            steps[step].passes += 1
            steps[step].total_hours += max((event.at - since).total_seconds(), 0) / 3600
        state, since = target, event.at


def _ordered(
    groups: dict[str, GroupFigures], categories: dict[str, dict[str, Any]]
) -> list[GroupFigures]:
    def position(group: GroupFigures) -> tuple[int, str]:
        return int(categories.get(group.key, {}).get("position") or 999), group.label

    return sorted(groups.values(), key=position)


def _last_change(store: Any) -> str | None:
    """The newest local change the portal has not seen (an edit, a queued action).

    Portal copies only change by syncing, and their times are the portal's clock, so they are
    not compared with this computer's ``last_sync``.
    """
    candidates: Iterable[Any] = [
        store.conn.execute("SELECT max(saved_at) FROM working WHERE dirty = 1").fetchone()[0],
        store.conn.execute("SELECT max(created_at) FROM outbox").fetchone()[0],
    ]
    times = [(parse_time(c), c) for c in candidates if c]
    valid = [(t, c) for t, c in times if t is not None]
    return max(valid)[1] if valid else None
