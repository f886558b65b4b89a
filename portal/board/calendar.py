"""A site's own calendar notices (BD-13, AG-12): extra days off and swapped working days.

Vietnam's public holidays come from the ``holidays`` package on every client; what the portal
keeps is what only the site knows: a day the province gave off, a Saturday worked to bridge a
holiday. Clients fetch the notices with the directory and compute due dates in working days
offline (``desktop.models.workdays.WorkCalendar.from_notices``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, DateTime, ForeignKey, String, Table, Text, delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from desktop.models.workdays import NOTICE_KINDS, CalendarNotice
from portal import db
from portal.board import directory as board
from portal.board.directory import BoardError

calendar_notices = Table(
    "calendar_notices",
    db.metadata,
    Column("site", String(64), ForeignKey("sites.id"), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("kind", String(16), nullable=False),  # day_off, working_day
    Column("note", Text, nullable=False),
    Column("created_by", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def notice_dict(row: Any) -> dict[str, str]:
    return CalendarNotice(row.day, row.kind, row.note).to_dict() | {"by": row.created_by}


def list_notices(conn: Connection, site: str) -> list[dict[str, str]]:
    rows = conn.execute(
        select(calendar_notices)
        .where(calendar_notices.c.site == site)
        .order_by(calendar_notices.c.day)
    )
    return [notice_dict(row) for row in rows]


def set_notice(
    conn: Connection, site: str, notice: CalendarNotice, by: str, at: datetime
) -> dict[str, str]:
    """Add a notice, or replace the one on the same day (one notice per site and day)."""
    if board.get_site(conn, site) is None:
        raise BoardError("no_site", f"no site {site!r}")
    if notice.kind not in NOTICE_KINDS:
        raise BoardError("bad_kind", "kind must be day_off or working_day")
    values = {
        "site": site,
        "day": notice.date,
        "kind": notice.kind,
        "note": notice.note,
        "created_by": by,
        "created_at": at,
    }
    insert = pg_insert if db.is_postgres(conn) else sqlite_insert
    statement = insert(calendar_notices).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["site", "day"],
        set_={k: statement.excluded[k] for k in ("kind", "note", "created_by", "created_at")},
    )
    conn.execute(statement)
    board.directory_changed(conn, site)
    return notice.to_dict() | {"by": by}


def remove_notice(conn: Connection, site: str, day: date) -> bool:
    """Remove the notice on ``day``; False when there was none."""
    done = conn.execute(
        delete(calendar_notices).where(
            calendar_notices.c.site == site, calendar_notices.c.day == day
        )
    )
    if done.rowcount:
        board.directory_changed(conn, site)
    return bool(done.rowcount)
