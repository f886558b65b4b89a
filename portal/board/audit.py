"""The audit log: who did what, when, from which address, on whose behalf (AG-10, BD-26).

One row per event, written in the same transaction as the change it records (so a change never
commits without its row), or in a transaction of its own for a refusal, whose change was rolled
back. Never a password or a token: ``detail`` holds only names, codes and ids.

Events (``event``): ``login`` (``outcome`` ok, failed or refused when locked out), ``logout``,
``token_reuse``, ``sessions_revoked``, ``password_change`` (ok, failed: wrong current password,
refused: policy), ``password_reset``, ``account`` (made), ``role``, ``grant``, ``grant_revoke``,
``site_settings``, and ``item`` with ``action`` create, update, comment or a workflow action
(ok, or refused when the workflow says no).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import and_, insert, or_, select
from sqlalchemy.engine import Connection, Engine

from portal import db
from portal.board.directory import utc

#: The actor recorded for the administrator's command line.
COMMAND_LINE = "portal-server"
MAX_LIMIT = 1000
#: The largest event id (an INTEGER column, 32 bits on PostgreSQL): a larger `since` is no id
#: of this log.
MAX_ID = 2**31 - 1


_INSERT = insert(db.audit)


def record(
    conn: Connection,
    event: str,
    *,
    actor: str,
    at: datetime,
    address: str = "",
    outcome: str = "ok",
    site: str | None = None,
    subject: str | None = None,
    item_id: str | None = None,
    action: str | None = None,
    on_behalf_of: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        _INSERT,  # the values as parameters: a statement built per call cost more than its run
        {
            "at": at,
            "event": event,
            "outcome": outcome,
            "actor": actor[:200],
            "on_behalf_of": on_behalf_of,
            "subject": subject,
            "site": site,
            "item_id": item_id,
            "action": action,
            "address": (address or "")[:64],
            "detail": orjson.dumps(detail or {}).decode(),
        },
    )


def record_apart(engine: Engine, event: str, **fields: Any) -> None:
    """Record in a transaction of its own: for refusals, whose own transaction rolled back."""
    with db.writing(engine) as conn:
        record(conn, event, **fields)


def event_dict(row: Any) -> dict[str, Any]:
    at = utc(row.at)
    return {
        "id": row.id,
        "at": at.isoformat() if at else None,
        "event": row.event,
        "outcome": row.outcome,
        "actor": row.actor,
        "on_behalf_of": row.on_behalf_of,
        "subject": row.subject,
        "site": row.site,
        "item_id": row.item_id,
        "action": row.action,
        "address": row.address,
        "detail": orjson.loads(row.detail),
    }


def _of_site(site: str) -> Any:
    """Events of ``site``: those on it, and account events (no site) of people on its board."""
    people = select(db.memberships.c.username).where(db.memberships.c.site == site)
    return or_(
        db.audit.c.site == site,
        and_(
            db.audit.c.site.is_(None),
            or_(db.audit.c.actor.in_(people), db.audit.c.subject.in_(people)),
        ),
    )


def list_events(
    conn: Connection,
    *,
    site: str | None = None,
    since: int = 0,
    since_time: datetime | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Events after the id ``since`` (and at or after ``since_time``), oldest first."""
    query = select(db.audit).where(db.audit.c.id > since)
    if site is not None:
        query = query.where(_of_site(site))
    if since_time is not None:
        query = query.where(db.audit.c.at >= since_time)
    rows = conn.execute(query.order_by(db.audit.c.id).limit(max(1, min(limit, MAX_LIMIT))))
    return [event_dict(row) for row in rows]


def latest_events(conn: Connection, *, site: str | None = None, limit: int = 50) -> list[Any]:
    """The newest ``limit`` events, oldest first (the command line's view)."""
    query = select(db.audit)
    if site is not None:
        query = query.where(_of_site(site))
    rows = conn.execute(query.order_by(db.audit.c.id.desc()).limit(max(1, limit))).all()
    return [event_dict(row) for row in reversed(rows)]
