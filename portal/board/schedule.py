"""Scheduled publishing and expiry (issue 20): the portal's own timekeeper.

An approved item with a ``publish_at`` in the future is *scheduled*: the public pages leave it out
until that second (:func:`portal.site.listing.public_now`), nothing has to happen for it to appear.
At ``expire_at`` the public pages leave it out again, and :func:`take_down_expired` takes it down
for good, recording the reason :data:`EXPIRY_REASON` as a version, a comment and an audit entry.

:class:`Scheduler` runs the due work in the server process every ``interval`` seconds (and the
e-mail queue, :mod:`portal.board.mail`). Nothing is kept in memory: what is due is read from the
database each time, so a restart catches up with what fell due while the portal was down, and
several processes may run schedulers side by side. Each take-down is claimed by the conditional
``UPDATE … WHERE version = v`` of :func:`portal.board.service.record_change`: on PostgreSQL the
second process waits on the row's lock and then matches no row, on SQLite the write transactions
take turns; either way exactly one version "taken down" is written.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, insert, select

from desktop.models import Item, State, StepRecord
from portal import db
from portal.board import audit, service
from portal.board.problems import ProblemError

log = logging.getLogger(__name__)

#: The actor of what the portal does by itself (versions, comments, audit).
SYSTEM_ACTOR = "portal"
#: The recorded reason of an automatic take-down.
EXPIRY_REASON = "hết thời hạn đăng"
EXPIRY_REASON_EN = "publication period ended"


def due_for_expiry(engine: Engine, now: datetime) -> list[str]:
    """Ids of the published items whose ``expire_at`` has come."""
    with db.reading(engine) as conn:
        rows = conn.execute(
            select(db.items.c.id).where(
                db.items.c.state == State.PUBLISHED.value,
                db.items.c.expire_at.is_not(None),
                db.items.c.expire_at <= now.astimezone(UTC),
            )
        )
        return [row.id for row in rows]


def take_down_expired(engine: Engine, now: datetime) -> list[str]:
    """Take down every published item whose ``expire_at`` has come; the ids this call took down
    (an item another process took down first is not among them)."""
    done = []
    for item_id in due_for_expiry(engine, now):
        try:
            with db.writing(engine) as conn:
                item = service.load_item(conn, item_id)
                if item is None or not _expired(item, now):
                    continue  # taken down, or its expiry moved, meanwhile
                after = expired_item(item, now)
                service.record_change(
                    conn, item, after, "take_down", SYSTEM_ACTOR, now, EXPIRY_REASON
                )
                _note(conn, after, now)
        except ProblemError:  # another process took it down first: its version stands
            log.info("expiry of %s: done by another process", item_id)
            continue
        log.info("expiry of %s: taken down (%s)", item_id, EXPIRY_REASON_EN)
        done.append(item_id)
    return done


def _expired(item: Item, now: datetime) -> bool:
    return item.state is State.PUBLISHED and item.expire_at is not None and item.expire_at <= now


def expired_item(item: Item, now: datetime) -> Item:
    version = item.version + 1
    steps = dict(item.steps)
    steps["take_down"] = StepRecord(SYSTEM_ACTOR, now, version)
    return replace(
        item,
        state=State.TAKEN_DOWN,
        version=version,
        steps=steps,
        updated_at=now,
        state_since=now,
    )


def _note(conn: db.Connection, item: Item, now: datetime) -> None:
    """The reason as a comment (what the board reads in the app) and an audit entry."""
    conn.execute(
        insert(db.comments).values(
            id=f"expiry-{item.id}-{item.version}",
            item_id=item.id,
            author=SYSTEM_ACTOR,
            body=EXPIRY_REASON,
            created_at=now,
            item_version=item.version,
            change_seq=service.next_seq(conn),
        )
    )
    audit.record(
        conn,
        "item",
        actor=SYSTEM_ACTOR,
        at=now,
        site=item.site,
        item_id=item.id,
        action="take_down",
        detail={"reason": "expired"},
    )


#: One job of the scheduler: given the engine and "now", does what has fallen due.
Job = Callable[[Engine, datetime], object]


class Every:
    """A job run at most once per ``period`` of the clock's time in this process (the deadline
    notices: hourly is enough, and what they queue is deduplicated in the database)."""

    def __init__(self, job: Job, period: timedelta) -> None:
        self.job = job
        self.period = period
        self.last: datetime | None = None
        self.__name__ = getattr(job, "__name__", "job")

    def __call__(self, engine: Engine, now: datetime) -> object:
        if self.last is not None and self.last <= now < self.last + self.period:
            return None
        self.last = now
        return self.job(engine, now)


class Scheduler:
    """Runs ``jobs`` every ``interval`` seconds on a thread of the server process.

    ``run_once()`` is one round (tests call it with their clock instead of starting the thread).
    A job that fails is logged and tried again at the next round; the others still run.
    """

    def __init__(
        self,
        engine: Engine,
        clock: Callable[[], datetime],
        jobs: list[Job] | None = None,
        interval: float = 15.0,
    ) -> None:
        self.engine = engine
        self.clock = clock
        self.jobs: list[Job] = jobs if jobs is not None else [take_down_expired]
        self.interval = interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def run_once(self) -> None:
        for job in self.jobs:
            try:
                job(self.engine, self.clock())
            except Exception:  # the next round tries again; the server keeps serving
                log.exception("scheduled job %s failed", getattr(job, "__name__", job))

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="portal-scheduler", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
