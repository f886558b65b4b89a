"""Citizens' questions (BD-14.2, AG-12.1.d; issue 18): received, assigned, redirected, declined,
answered by an item of the site's Q&A section that goes through the three steps.

A question's public state is what the asker sees by its tracking code: *answered* once its
answer item is published (never before: the answer is the board's only after step 3), else the
stored state. The asker's e-mail and phone are for the board only, and are erased
``contact_retention_days`` (a site setting, :data:`DEFAULT_RETENTION_DAYS` by default) after
the question was closed.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

import orjson
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    String,
    Table,
    Text,
    and_,
    select,
    update,
)
from sqlalchemy.engine import Connection

from desktop.models import CategoryKind, Item, Role, State, User
from desktop.models.citizens import (
    ANSWER_WORKING_DAYS,
    CLOSED_STATES,
    DEFAULT_RETENTION_DAYS,
    LIMITS,
)
from desktop.models.text import nfc
from desktop.models.workdays import CalendarNotice, WorkCalendar
from portal import db
from portal.board import calendar
from portal.board import directory as board
from portal.board.problems import ProblemError, not_found

VIETNAM = timezone(timedelta(hours=7))
#: Letters and digits no one confuses when reading a code aloud (no 0/O, 1/I/L).
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

questions = Table(
    "questions",
    db.metadata,
    Column("id", String(36), primary_key=True),
    Column("site", String(64), ForeignKey("sites.id"), nullable=False),
    Column("tracking_code", String(16), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("email", Text),  # NULL once erased
    Column("phone", Text),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("state", String(16), nullable=False),  # received, assigned, redirected, declined
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("due_date", Date, nullable=False),
    Column("assigned_to", String(64)),
    Column("redirected_to", Text),
    Column("response", Text, nullable=False, default=""),  # what the asker reads
    Column("answer_item", String(64)),
    Column("closed_at", DateTime(timezone=True)),
    Column("contact_erased_at", DateTime(timezone=True)),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_questions_site_received", "site", "received_at"),
    Index("ix_questions_answer_item", "answer_item"),
)


def work_calendar(conn: Connection, site: str) -> WorkCalendar:
    notices = [CalendarNotice.from_dict(n) for n in calendar.list_notices(conn, site)]
    return WorkCalendar.from_notices(notices)


def local_day(moment: datetime) -> date:
    return moment.astimezone(VIETNAM).date()


def _code() -> str:
    return "HD" + "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))


def receive(conn: Connection, site: str, fields: dict[str, str], now: datetime) -> dict[str, Any]:
    """Store a new question; its due date is 15 working days on the site's calendar."""
    if board.get_site(conn, site) is None:
        raise not_found("site")
    due = work_calendar(conn, site).add_working_days(local_day(now), ANSWER_WORKING_DAYS)
    question_id = str(uuid.uuid4())
    code = _code()
    while conn.execute(select(questions.c.id).where(questions.c.tracking_code == code)).first():
        code = _code()
    conn.execute(
        questions.insert().values(
            id=question_id,
            site=site,
            tracking_code=code,
            name=fields["name"],
            email=fields.get("email") or None,
            phone=fields.get("phone") or None,
            title=fields["title"],
            body=fields["body"],
            state="received",
            received_at=now,
            due_date=due,
            response="",
            updated_at=now,
        )
    )
    return {"id": question_id, "tracking_code": code, "due_date": due.isoformat()}


# --- what the asker and the public see ------------------------------------------------------


def _answer_item(conn: Connection, item_id: str | None) -> Item | None:
    if not item_id:
        return None
    row = conn.execute(select(db.items.c.data).where(db.items.c.id == item_id)).first()
    return Item.from_dict(orjson.loads(row.data)) if row is not None else None


def public_state(row: Any, answer: Item | None) -> str:
    if answer is not None and answer.state is State.PUBLISHED:
        return "answered"
    return str(row.state)


def is_open(conn: Connection, row: Any) -> bool:
    """Neither redirected nor declined, nor answered (its answer published)."""
    answer = _answer_item(conn, row.answer_item)
    return row.state not in CLOSED_STATES and public_state(row, answer) != "answered"


def answered_at(answer: Item | None) -> datetime | None:
    if answer is None or answer.state is not State.PUBLISHED:
        return None
    step = answer.steps.get("approve")
    return step.at if step else answer.state_since


def tracking(conn: Connection, code: str) -> dict[str, Any]:
    """``GET /api/v1/public/questions/{code}``: no name, no contact, no text of the question."""
    row = conn.execute(
        select(questions).where(questions.c.tracking_code == code.strip().upper()[:16])
    ).first()
    if row is None:
        raise not_found("question")
    answer = _answer_item(conn, row.answer_item)
    state = public_state(row, answer)
    found: dict[str, Any] = {"state": state, "due_date": row.due_date.isoformat()}
    if state == "answered" and answer is not None:
        found["url"] = f"/sites/{answer.site}/items/{answer.slug}"
    if state == "redirected":
        found["redirected_to"] = row.redirected_to
    if state in ("redirected", "declined") and row.response:
        found["comment"] = row.response
    return found


def answered_publicly(conn: Connection, site: str | None) -> list[dict[str, Any]]:
    """The public Q&A page: each answered question (title and text only) with its answer."""
    query = select(questions).where(questions.c.answer_item.is_not(None))
    if site is not None:
        query = query.where(questions.c.site == site)
    found = []
    for row in conn.execute(query):
        answer = _answer_item(conn, row.answer_item)
        when = answered_at(answer)
        if answer is None or when is None:
            continue
        found.append({"title": row.title, "body": row.body, "answer": answer, "at": when})
    return sorted(found, key=lambda q: q["at"], reverse=True)


def question_of_item(conn: Connection, item_id: str) -> dict[str, str] | None:
    """The question an item answers (its title and text only), for the item's public page."""
    row = conn.execute(
        select(questions.c.title, questions.c.body).where(questions.c.answer_item == item_id)
    ).first()
    return {"title": row.title, "body": row.body} if row is not None else None


# --- the board's side -----------------------------------------------------------------------


def _board_only(user: User, site: str) -> None:
    if not user.on_board(site) and Role.ADMIN not in user.roles_on(site):
        raise not_found("site")


def board_view(conn: Connection, row: Any, today: date) -> dict[str, Any]:
    """A question as the board sees it: contact details included (never leaves the board)."""
    answer = _answer_item(conn, row.answer_item)
    state = public_state(row, answer)
    when = answered_at(answer)
    received = board.utc(row.received_at)
    assert received is not None
    return {
        "id": row.id,
        "site": row.site,
        "tracking_code": row.tracking_code,
        "title": row.title,
        "body": row.body,
        "name": row.name,
        "email": row.email or "",
        "phone": row.phone or "",
        "state": state,
        "received_at": received.isoformat(),
        "due_date": row.due_date.isoformat(),
        "late": (local_day(when) if when else today) > row.due_date
        and state not in ("redirected", "declined"),
        "assigned_to": row.assigned_to,
        "redirected_to": row.redirected_to,
        "comment": row.response,
        "answer_item": row.answer_item,
        "answer_state": answer.state.value if answer is not None else None,
        "answered_at": when.isoformat() if when else None,
        "contact_erased": row.contact_erased_at is not None,
    }


def list_questions(conn: Connection, user: User, site: str, now: datetime) -> list[dict[str, Any]]:
    _board_only(user, site)
    rows = conn.execute(
        select(questions)
        .where(questions.c.site == site)
        .order_by(questions.c.received_at, questions.c.id)
    )
    today = local_day(now)
    return [board_view(conn, row, today) for row in rows]


def _row(conn: Connection, site: str, question_id: str) -> Any:
    row = conn.execute(
        select(questions).where(questions.c.site == site, questions.c.id == question_id)
    ).first()
    if row is None:
        raise not_found("question")
    return row


def get_question(
    conn: Connection, user: User, site: str, question_id: str, now: datetime
) -> dict[str, Any]:
    _board_only(user, site)
    return board_view(conn, _row(conn, site, question_id), local_day(now))


def _text(value: str | None, field: str, required: bool = True) -> str:
    text = " ".join(nfc(value or "").split()) if field == "agency" else nfc(value or "").strip()
    if required and not text:
        raise ProblemError(
            422,
            "invalid",
            f"{field}: is required",
            errors=[{"code": "required", "field": field, "vi": f"Cần có {field}.", "en": ""}],
        )
    if len(text) > LIMITS[field]:
        raise ProblemError(422, "invalid", f"{field}: is longer than {LIMITS[field]} characters")
    return text


def _not_open(row: Any, conn: Connection) -> None:
    answer = _answer_item(conn, row.answer_item)
    if row.state in CLOSED_STATES or public_state(row, answer) == "answered":
        raise ProblemError(
            422,
            "question_closed",
            f"The question is {public_state(row, answer)} already.",
            errors=[
                {
                    "code": "question_closed",
                    "field": "state",
                    "vi": "Câu hỏi đã được xử lý xong.",
                    "en": "The question has been dealt with already.",
                }
            ],
        )


def act(
    conn: Connection,
    user: User,
    site: str,
    question_id: str,
    body: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    """``assign`` (to a board member), ``redirect`` (to an agency, with a comment the asker
    reads), ``decline`` (with the reason), ``answer`` (link the answer item)."""
    _board_only(user, site)
    row = _row(conn, site, question_id)
    _not_open(row, conn)
    action = body.get("action")
    values: dict[str, Any] = {"updated_at": now}
    if action == "assign":
        assignee = _text(body.get("assignee"), "agency")
        if not board.load_user(conn, assignee).on_board(site):
            raise ProblemError(
                422,
                "not_on_board",
                f"{assignee} is not on this site's board.",
                errors=[
                    {
                        "code": "not_on_board",
                        "field": "assignee",
                        "vi": f"{assignee} không thuộc Ban Biên tập của trang này.",
                        "en": f"{assignee} is not on this site's board.",
                    }
                ],
            )
        values |= {"assigned_to": assignee, "state": "assigned"}
    elif action == "redirect":
        values |= {
            "redirected_to": _text(body.get("agency"), "agency"),
            "response": _text(body.get("comment"), "comment"),
            "state": "redirected",
            "closed_at": now,
        }
    elif action == "decline":
        values |= {
            "response": _text(body.get("comment"), "comment"),
            "state": "declined",
            "closed_at": now,
        }
    elif action == "answer":
        item_id = _text(body.get("item_id"), "agency")
        other = conn.execute(select(db.items.c.site).where(db.items.c.id == item_id)).scalar()
        if other is not None and other != site:
            raise ProblemError(422, "invalid", "item_id: the answer must be an item of this site")
        values |= {
            "answer_item": item_id,
            "state": "assigned",
            "assigned_to": row.assigned_to or user.username,
        }
    else:
        raise ProblemError(422, "invalid", "action: must be assign, redirect, decline or answer")
    conn.execute(update(questions).where(questions.c.id == row.id).values(**values))
    return board_view(conn, _row(conn, site, question_id), local_day(now))


def qa_category(conn: Connection, site: str) -> str | None:
    """The site's Q&A section (the first category of kind ``questions``)."""
    for category in board.list_categories(conn, site):
        if category.kind is CategoryKind.QUESTIONS:
            return category.id
    return None


# --- personal data --------------------------------------------------------------------------


def retention_days(conn: Connection, site: str) -> int:
    settings = (board.get_site(conn, site) or {}).get("settings", {})
    value = settings.get("contact_retention_days", DEFAULT_RETENTION_DAYS)
    return int(value) if isinstance(value, int) and value >= 0 else DEFAULT_RETENTION_DAYS


def purge_contacts(conn: Connection, now: datetime) -> int:
    """Erase the e-mail and phone of questions closed longer ago than their site keeps them.

    A question is closed when redirected, declined, or answered (its answer published)."""
    erased = 0
    open_rows = conn.execute(
        select(questions).where(
            questions.c.contact_erased_at.is_(None),
            and_(questions.c.state.in_(("redirected", "declined", "received", "assigned"))),
        )
    ).all()
    keep: dict[str, int] = {}
    for row in open_rows:
        closed = board.utc(row.closed_at) or answered_at(_answer_item(conn, row.answer_item))
        if closed is None:
            continue
        if row.site not in keep:
            keep[row.site] = retention_days(conn, row.site)
        if now - closed >= timedelta(days=keep[row.site]):
            conn.execute(
                update(questions)
                .where(questions.c.id == row.id)
                .values(email=None, phone=None, contact_erased_at=now)
            )
            erased += 1
    return erased


def set_retention(conn: Connection, site: str, days: int) -> None:
    if days < 0 or days > 3650:
        raise ProblemError(422, "invalid", "days: between 0 and 3650")
    board.set_site_settings(conn, site, contact_retention_days=days)
