"""The queues' read-model: one list of the site's rows, shared by every screen and the counts.

Reading it takes a few hundred milliseconds at 10,000 items, more than a frame, so it is read
whole on the reader thread (``Reader``) and only the rows a person changes are re-read on the
loop's thread (about a millisecond each). While a sync runs, the rows shown are kept; when it
ends they are read again on the reader thread, and the rows written meanwhile are re-read on top.

Actions queued here but not yet answered by the portal are shown in the state they lead to
(``expect``): the store keeps the portal's state until the sync, the screens show the expected
one.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from desktop.desk.deadlines import OPEN_STATES, Deadlines, row_with_deadline
from desktop.models import Action, Item, State, apply_action
from desktop.models.workflow import transition_for
from desktop.store.records import ItemRow

if TYPE_CHECKING:
    from desktop.desk.reader import Reader
    from desktop.desk.session import Session
    from desktop.store import Store


@dataclass(frozen=True)
class QueueRow:
    """What a queue shows for one item: the listed columns, never the body."""

    id: str
    title: str
    category: str
    author: str
    state: str
    state_since: datetime | None
    created_by: str
    sync_status: str = "synced"
    due: str = ""
    due_iso: str = ""  # sorts the due column
    due_status: str = ""  # late, due_soon (red, amber) or empty
    returned: bool = False  # a draft sent back to its author: "Bị trả lại"
    publish_at: datetime | None = None  # issue 20: published before it is "scheduled"

    def scheduled(self, now: datetime) -> bool:
        return self.state == "published" and self.publish_at is not None and now < self.publish_at


def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def queue_row(row: ItemRow) -> QueueRow:
    """The store's ItemRow as the queue's columns."""
    return QueueRow(
        id=row.id,
        title=row.title,
        category=row.category,
        author=row.author or row.created_by,
        state=row.state,
        state_since=_when(row.state_since),
        created_by=row.created_by,
        sync_status=str(getattr(row.sync_status, "value", row.sync_status) or "synced"),
        returned=row.returned,
        publish_at=_when(row.publish_at),
    )


class _DueProbe:
    """What ``Deadlines.deadline`` reads of an item, without parsing its body."""

    __slots__ = ("category", "metadata", "site", "state", "trigger_date")

    def __init__(self, site: str, category: str, state: State, trigger: Any, metadata: Any) -> None:
        self.site, self.category, self.state = site, category, state
        self.trigger_date = date.fromisoformat(trigger) if trigger else None
        self.metadata = metadata if isinstance(metadata, dict) else {}


def _row_order(row: QueueRow) -> tuple[float, str]:
    """The store's order: newest state change first, items with none (drafts) before all."""
    since = row.state_since.timestamp() if row.state_since is not None else float("inf")
    return (-since, row.id)


def read_rows(
    store: Store, site: str, language: str, today: date, ids: Iterable[str] | None = None
) -> list[QueueRow]:
    """The site's queue rows with their due dates, as stored (no queued action applied).

    Plain reads of ``store``: runs on the loop's thread or on the reader thread.
    """
    rows = [queue_row(r) for r in store.list_items(site=site, ids=ids)]
    return with_due(store, rows, site, language, today, ids)


def with_due(
    store: Store,
    rows: list[QueueRow],
    site: str,
    language: str,
    today: date,
    ids: Iterable[str] | None = None,
) -> list[QueueRow]:
    """Due dates from one small query instead of reading every item."""
    deadlines = Deadlines(store, today)
    ruled = set()
    for category_id in {r.category for r in rows}:
        category = deadlines.category(site, category_id)
        if category is not None and category.deadline is not None:
            ruled.add(category_id)
    if not ruled:
        return rows
    inputs = store.deadline_inputs(site, ruled, ids=None if ids is None else list(ids))
    out: list[QueueRow] = []
    for row in rows:
        found = inputs.get(row.id)
        deadline = None
        if found is not None and row.category in ruled:
            try:
                probe = _DueProbe(site, row.category, State(row.state), *found)
                deadline = deadlines.deadline(probe)  # type: ignore[arg-type]
            except (ValueError, TypeError):  # an unreadable date: no due date shown
                deadline = None
        out.append(row_with_deadline(row, deadline, language))
    return out


class QueueModel:
    """The rows of one person's site, with the actions they queued applied."""

    def __init__(
        self,
        store: Store,
        session: Session,
        reader: Reader | None,
        language: Callable[[], str] = lambda: "vi",
    ) -> None:
        self.store = store
        self.session = session
        self.reader = reader
        self.language = language
        self._base: list[QueueRow] | None = None  # the stored rows, no queued action applied
        self._base_basis: tuple[Any, ...] | None = None
        self._version = 0
        self._overlay: tuple[tuple[Any, ...], list[QueueRow]] | None = None
        self._holds = 0  # a sync runs (or the first read): keep the stored rows until it ends
        #: No rows yet: the first read has not come back (the screens say they are reading).
        self.loading = False
        self._touched: set[str] = set()  # items written here while a refresh reads
        #: Actions queued here and not yet answered: (action, the portal's version then).
        self.queued: dict[str, list[tuple[Action, int]]] = {}

    # reading
    def rows(self, states: Iterable[str] | None = None, mine: bool = False) -> list[QueueRow]:
        """Queue rows, newest state change first, with the actions queued here applied."""
        rows = self._all_rows()
        wanted = set(states) if states is not None else None
        me = self.session.user.username if mine else None
        if wanted is None and me is None:
            return list(rows)
        return [
            r
            for r in rows
            if (wanted is None or r.state in wanted) and (me is None or r.created_by == me)
        ]

    def key(self) -> tuple[Any, ...]:
        """Equal keys, equal ``rows()``; the session's grants too (they filter the queues)."""
        self._ensure()
        return (self._version, self._queued_key(), self.session.grants)

    def _queued_key(self) -> tuple[tuple[str, int], ...]:
        return tuple((k, len(v)) for k, v in self.queued.items())

    def basis(self) -> tuple[Any, ...]:
        """What the stored rows were read at: the store's change mark, the language of the due
        labels, today (due status) and the site."""
        return (self.store.change_mark(), self.language(), date.today(), self.session.site)

    def _read(self, store: Store, basis: tuple[Any, ...], ids: Iterable[str] | None = None) -> Any:
        return read_rows(store, self.session.site, basis[1], basis[2], ids)

    def _ensure(self) -> None:
        if self._base is not None and (self._holds or self._base_basis == self.basis()):
            return
        basis = self.basis()
        self._install(self._read(self.store, basis), basis)

    def _install(self, rows: list[QueueRow], basis: tuple[Any, ...] | None) -> None:
        self._base, self._base_basis = rows, basis
        self._version += 1

    def _all_rows(self) -> list[QueueRow]:
        self._ensure()
        assert self._base is not None
        if not self.queued:
            return self._base
        key = (self._version, self._queued_key())
        if self._overlay is not None and self._overlay[0] == key:
            return self._overlay[1]
        rows = [self._expected_row(r) if r.id in self.queued else r for r in self._base]
        rows = [r for r in rows if r.state != State.DELETED.value]  # deleted, not yet synced
        self._overlay = (key, rows)
        return rows

    def _expected_row(self, row: QueueRow) -> QueueRow:
        """A row in the state its queued actions lead to; a closed item has no due status."""
        state = self.expected_state(row.id, State(row.state))
        due_status = row.due_status if state in OPEN_STATES else ""
        return replace(
            row,
            state=state.value,
            due_status=due_status,
            sync_status="pending" if row.sync_status == "synced" else row.sync_status,
        )

    # after a write
    def mark(self) -> tuple[Any, ...] | None:
        """Taken before a write: see ``reread``."""
        return self.basis() if self._base is not None else None

    def reread(self, item_ids: Iterable[str], before: tuple[Any, ...] | None) -> None:
        """After this desk wrote ``item_ids``: re-read only their rows, when the stored rows
        were current before the write (or a sync is running: its refresh follows)."""
        ids = set(item_ids)
        self._touched |= ids
        if self._base is None or not ids:
            return
        if not (self._holds or (before is not None and before == self._base_basis)):
            return  # something else changed the store too: the next read takes it all
        basis = self.basis()
        fresh = {r.id: r for r in self._read(self.store, basis, ids)}
        rows: list[QueueRow] = []
        for row in self._base:
            if row.id in ids:
                new = fresh.pop(row.id, None)
                if new is not None:
                    rows.append(new)
            else:
                rows.append(row)
        for new in fresh.values():  # new items (local drafts): where the store lists them
            bisect.insort(rows, new, key=_row_order)
        self._base = rows
        self._version += 1
        if not self._holds:
            self._base_basis = basis

    # around a sync, and the first read
    def hold(self) -> None:
        """A sync starts: the screens keep the rows they have until ``refresh``."""
        self._ensure()
        self._holds += 1

    def begin_loading(self) -> None:
        """No rows yet, none read on this thread: the window can show at once, and the first
        ``refresh`` (on the reader thread) fills it; screens say they are reading meanwhile."""
        self._install([], None)
        self.loading = True
        self._holds += 1

    async def refresh(self) -> bool:
        """Read the rows again on the reader thread, then take them in on this one; returns
        whether this ended the first read. The person may type meanwhile: the rows written here
        since the read began are re-read on top."""
        first = self.loading
        try:
            if self.reader is None:
                self._holds = 0
                self._base_basis = None
                self._ensure()
                return first
            for _attempt in range(3):
                basis = self.basis()
                self._touched = set()
                rows = await self.reader.read(functools.partial(self._read, basis=basis))
                touched, self._touched = self._touched, set()
                self._install(rows, basis)
                if touched:
                    self._holds += 1
                    self.reread(touched, None)
                    self._holds -= 1
                now = self.basis()
                if now[0][0] == basis[0][0]:  # no other connection wrote meanwhile
                    self._base_basis = now
                    break
        finally:
            self._holds = max(0, self._holds - 1)
            self.loading = False
        return first

    # queued actions
    def expect(self, item_id: str, action: Action, server_version: int) -> None:
        self.queued.setdefault(item_id, []).append((action, server_version))

    def expected_state(self, item_id: str, state: State) -> State:
        for action, _version in self.queued.get(item_id, ()):
            transition = transition_for(state, action)
            if transition is not None:
                state = transition.target
        return state

    def expected_item(self, item: Item) -> Item:
        """``item`` after the actions queued here, as the portal will most likely have it."""
        for action, _version in self.queued.get(item.id, ()):
            if transition_for(item.state, action) is not None:
                item = apply_action(item, action, self.session.user, self.session.now())
        return item

    def forget_answered(self) -> None:
        """After a sync: drop expected states the portal has answered (or refused)."""
        for item_id in list(self.queued):
            local = self.store.item(item_id)
            if local is None:  # gone from this computer (a deleted draft)
                del self.queued[item_id]
                continue
            server = local.server
            status = str(local.sync_status) if local is not None else ""
            kept = [
                (action, version)
                for action, version in self.queued[item_id]
                if server is None
                or (server.version <= version and status not in ("failed", "conflict"))
            ]
            if kept:
                self.queued[item_id] = kept
            else:
                del self.queued[item_id]
