"""Public comments on a draft document put out for consultation (BD-11.9.c, BD-13.7; issue 18).

Anyone may comment on a published item of a ``consultation`` section until its comment
deadline (the item's ``comment_deadline``, a day in Vietnam's time: comments are taken until
the end of that day); afterwards ``consultation_closed``. The board lists the comments with the
commenter's e-mail; what goes to the drafting agency drops it (``desktop`` exports).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Column, DateTime, ForeignKey, String, Table, Text, select, update
from sqlalchemy.engine import Connection

from desktop.models import CategoryKind, Item, Role, State, User
from desktop.models.fields import parse_vn_date
from portal import db
from portal.board import defences, questions
from portal.board import directory as board
from portal.board.problems import ProblemError, not_found
from portal.board.questions import local_day

public_comments = Table(
    "public_comments",
    db.metadata,
    Column("id", String(36), primary_key=True),
    Column("item_id", String(64), ForeignKey("items.id"), nullable=False, index=True),
    Column("site", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("email", Text),  # NULL once erased
    Column("body", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def consultation_item(conn: Connection, item_id: str) -> tuple[Item, date]:
    """The published consultation item and its comment deadline; 404 for anything else."""
    row = conn.execute(select(db.items.c.data).where(db.items.c.id == item_id)).first()
    if row is None:
        raise not_found()
    item = Item.from_dict(orjson.loads(row.data))
    kinds = {c.id: c.kind for c in board.list_categories(conn, item.site)}
    if item.state is not State.PUBLISHED or kinds.get(item.category) is not (
        CategoryKind.CONSULTATION
    ):
        raise not_found()
    try:
        deadline = parse_vn_date(item.metadata.get("comment_deadline") or "")
    except ValueError:
        raise ProblemError(
            409, "consultation_closed", "The draft has no comment deadline."
        ) from None
    return item, deadline


def is_open(deadline: date, now: datetime) -> bool:
    return local_day(now) <= deadline


def add_comment(
    conn: Connection, item_id: str, fields: dict[str, str], now: datetime
) -> dict[str, Any]:
    item, deadline = consultation_item(conn, item_id)
    if not is_open(deadline, now):
        raise ProblemError(
            409,
            "consultation_closed",
            f"Comments were taken until {deadline.isoformat()}.",
            errors=[
                {
                    "code": "consultation_closed",
                    "field": "body",
                    "vi": f"Đã hết hạn góp ý ({deadline.strftime('%d/%m/%Y')}).",
                    "en": f"The comment period ended on {deadline.strftime('%d/%m/%Y')}.",
                }
            ],
        )
    comment_id = str(uuid.uuid4())
    conn.execute(
        public_comments.insert().values(
            id=comment_id,
            item_id=item.id,
            site=item.site,
            name=fields["name"],
            email=fields.get("email") or None,
            body=fields["body"],
            created_at=now,
        )
    )
    return {"id": comment_id, "created_at": now.isoformat()}


def list_comments(conn: Connection, user: User, item_id: str) -> dict[str, Any]:
    """The board's view: every comment, with the e-mail (the board only)."""
    site = conn.execute(select(db.items.c.site).where(db.items.c.id == item_id)).scalar()
    if site is None or not (user.on_board(site) or Role.ADMIN in user.roles_on(site)):
        raise not_found()
    rows = conn.execute(
        select(public_comments)
        .where(public_comments.c.item_id == item_id)
        .order_by(public_comments.c.created_at, public_comments.c.id)
    )
    comments = [
        {
            "id": r.id,
            "name": r.name,
            "email": r.email or "",
            "body": r.body,
            "created_at": (board.utc(r.created_at) or r.created_at).isoformat(),
        }
        for r in rows
    ]
    deadline = ""
    try:
        _item, day = consultation_item(conn, item_id)
        deadline = day.isoformat()
    except ProblemError:
        pass
    return {"item_id": item_id, "comment_deadline": deadline, "comments": comments}


#: The audit's actor for a citizen's anonymous write.
PUBLIC_ACTOR = "(public)"


def admit_anonymous(
    conn: Connection,
    kind: str,
    address: str,
    digest: str,
    form_token: str | None,
    now: datetime,
) -> None:
    """The checks of a citizen's anonymous write (a question, a comment), in its transaction:
    the form's token when one was sent, what the sites no longer keep erased, then the limits
    per address and per text (``defences.admit``: 429, 409)."""
    if form_token is not None:
        defences.check_form_token(conn, form_token, now)
    purge_personal_data(conn, now)
    defences.admit(conn, kind, address, digest, now)


def purge_personal_data(conn: Connection, now: datetime) -> dict[str, int]:
    """Erase what the sites no longer keep: askers' e-mails and phones of questions closed
    longer ago than the site's retention, commenters' e-mails of comments older than it, and
    the addresses the audit recorded for anonymous writes older than it."""
    from datetime import timedelta

    erased = {"questions": questions.purge_contacts(conn, now), "comments": 0}
    for site in board.list_sites(conn):
        keep = timedelta(days=questions.retention_days(conn, site["id"]))
        done = conn.execute(
            update(public_comments)
            .where(
                public_comments.c.site == site["id"],
                public_comments.c.created_at <= now - keep,
                public_comments.c.email.is_not(None),
            )
            .values(email=None)
        )
        erased["comments"] += int(done.rowcount or 0)
        # The address an anonymous write came from is personal data too: the audit keeps the
        # event (what, when) and forgets where it came from after the same retention.
        forgotten = conn.execute(
            update(db.audit)
            .where(
                db.audit.c.site == site["id"],
                db.audit.c.actor == PUBLIC_ACTOR,
                db.audit.c.at <= now - keep,
                db.audit.c.address != "",
            )
            .values(address="")
        )
        erased["addresses"] = erased.get("addresses", 0) + int(forgotten.rowcount or 0)
    return erased
