"""What changed for me since I last looked: items that entered my queue, items of mine returned
or published, and a day before a deadline the items that wait for me (BD-13, AG-12), once per
item per day. The screens turn the notices into words and tray messages; nothing here knows Qt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desktop.desk.queue import QueueRow
from desktop.desk.session import Session
from desktop.models import State, Step


class NoticeKind(StrEnum):
    QUEUED = "queued"  # entered my queue
    PUBLISHED = "published"  # mine, now on the portal
    RETURNED = "returned"  # mine, sent back to me
    DUE = "due"  # waits for me, due by the next working day


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    item_id: str
    title: str
    due: str = ""  # the deadline (ISO date) of a DUE notice


class NoticeWatch:
    """Compares the queue's rows with the ones seen last time."""

    def __init__(self) -> None:
        self._known: dict[str, str] = {}  # item id → state when last seen
        self._reminded: set[tuple[str, str]] = set()  # (item id, day): one reminder a day

    def remember(self, rows: Iterable[QueueRow]) -> None:
        """Take these rows as seen: nothing in them is new afterwards."""
        self._known = {row.id: row.state for row in rows}

    def changes(
        self, rows: list[QueueRow], session: Session, today: date | None = None
    ) -> list[Notice]:
        """The notices since the last look (then the rows count as seen)."""
        me = session.user.username
        queue_states: set[str] = set()
        if session.has_step(Step.EDIT):
            queue_states.add(State.SUBMITTED.value)
        if session.has_step(Step.APPROVE):
            queue_states.add(State.EDITED.value)
        found: list[Notice] = []
        for row in rows:
            before = self._known.get(row.id)
            if before is not None and before == row.state:
                continue
            if row.state in queue_states and row.created_by != me:
                found.append(Notice(NoticeKind.QUEUED, row.id, row.title))
            elif row.created_by == me and before is not None:
                if row.state == State.PUBLISHED.value:
                    found.append(Notice(NoticeKind.PUBLISHED, row.id, row.title))
                elif row.state == State.DRAFT.value and before == State.SUBMITTED.value:
                    found.append(Notice(NoticeKind.RETURNED, row.id, row.title))
        found.extend(self._due(rows, queue_states, me, (today or date.today()).isoformat()))
        self.remember(rows)
        return found

    def _due(
        self, rows: list[QueueRow], queue_states: set[str], me: str, today: str
    ) -> list[Notice]:
        found = []
        for row in rows:
            waits_for_me = (row.state in queue_states and row.created_by != me) or (
                row.created_by == me and row.state == State.DRAFT.value
            )
            if (
                row.due_status != "due_soon"
                or not waits_for_me
                or (row.id, today) in self._reminded
            ):
                continue
            self._reminded.add((row.id, today))
            found.append(Notice(NoticeKind.DUE, row.id, row.title, row.due_iso or ""))
        return found
