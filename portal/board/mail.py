"""E-mail notices (thông báo qua thư điện tử, issue 20; BD-20.2: leaders work part time).

Events: an item enters my queue (``queue``), an item of mine is returned (``returned``) or
published (``published``), a deadline is tomorrow (``deadline``), a citizen's question is due
tomorrow (``question``: its assignee, else the site's deputies and heads; AG-12.1.d, BD-14.2).

A notice is a row of ``mail_outbox``, written in the transaction of the change it tells of
(:func:`notify_action`), so a request never waits for a mail server. :class:`Sender`, a job of
the portal's scheduler, claims due rows with a conditional ``UPDATE`` (one process each, a lease
that a crash lets lapse), sends them over SMTP, and on failure tries again later (1, 5, 30
minutes, then every 2 hours; given up after :data:`MAX_ATTEMPTS`). ``dedupe`` makes each notice
once: the same event twice queues one message.

Each person's address, language and opt-out are in ``mail_settings``
(``portal-server user set-email``, ``user mail-off``/``mail-on``). Messages are plain text plus
HTML, in Vietnamese (English for those who chose it).
"""

from __future__ import annotations

import html
import logging
import os
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any
from urllib.parse import unquote, urlsplit

import orjson
from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    and_,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine

from desktop.models import Item, Role, State
from portal import db
from portal.board.directory import BoardError, utc

log = logging.getLogger(__name__)

mail_settings = Table(
    "mail_settings",
    db.metadata,
    Column("username", String(64), ForeignKey("users.username"), primary_key=True),
    Column("address", Text, nullable=False, default=""),
    Column("language", String(8), nullable=False, default="vi"),
    Column("opted_out", Boolean, nullable=False, default=False),
)

mail_outbox = Table(
    "mail_outbox",
    db.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dedupe", String(200), nullable=False, unique=True),
    Column("username", String(64), nullable=False),
    Column("address", Text, nullable=False),
    Column("event", String(32), nullable=False),
    Column("subject", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("html", Text, nullable=False),
    Column("status", String(16), nullable=False),  # pending, sending, sent, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    Column("owner", String(200)),
    Column("lease_until", DateTime(timezone=True)),
    Column("last_error", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("sent_at", DateTime(timezone=True)),
    Index("ix_mail_outbox_status_next", "status", "next_attempt_at"),
)

RETRY_AFTER = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30))
RETRY_LATER = timedelta(hours=2)
MAX_ATTEMPTS = 12
LEASE = timedelta(minutes=5)
SENDER_ADDRESS_ENV = "PORTAL_MAIL_FROM"

# --- each person's settings ----------------------------------------------------------------


def set_email(conn: Connection, username: str, address: str, language: str | None = None) -> None:
    address = address.strip()
    if address and ("@" not in address or any(c.isspace() for c in address)):
        raise BoardError("bad_address", f"not an e-mail address: {address!r}")
    if language is not None and language not in ("vi", "en"):
        raise BoardError("bad_language", "the language is vi or en")
    _ensure(conn, username)
    values: dict[str, Any] = {"address": address}
    if language is not None:
        values["language"] = language
    conn.execute(update(mail_settings).where(mail_settings.c.username == username).values(values))


def set_opt_out(conn: Connection, username: str, opted_out: bool) -> None:
    _ensure(conn, username)
    conn.execute(
        update(mail_settings)
        .where(mail_settings.c.username == username)
        .values(opted_out=opted_out)
    )


def _ensure(conn: Connection, username: str) -> None:
    if (
        conn.execute(select(db.users.c.username).where(db.users.c.username == username)).first()
        is None
    ):
        raise BoardError("unknown_user", f"no user {username!r}")
    if (
        conn.execute(select(mail_settings).where(mail_settings.c.username == username)).first()
        is None
    ):
        conn.execute(insert(mail_settings).values(username=username, address="", language="vi"))


def mail_setting(conn: Connection, username: str) -> dict[str, Any]:
    row = conn.execute(select(mail_settings).where(mail_settings.c.username == username)).first()
    if row is None:
        return {"address": "", "language": "vi", "opted_out": False}
    return {"address": row.address, "language": row.language, "opted_out": bool(row.opted_out)}


# --- what to say -----------------------------------------------------------------------------

#: event → (subject, lead sentence) in (vi, en); ``{title}`` is the item's title.
TEXTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "queue": (
        ("Tin chờ bạn xử lý: {title}", "An item waits for you: {title}"),
        (
            "Tin “{title}” đang chờ bạn ở bước {step}.",
            "The item “{title}” waits for you at step {step}.",
        ),
    ),
    "returned": (
        ("Tin của bạn bị trả lại: {title}", "Your item was returned: {title}"),
        ("Tin “{title}” của bạn đã bị trả lại.", "Your item “{title}” was returned."),
    ),
    "published": (
        ("Tin của bạn đã được duyệt đăng: {title}", "Your item was approved: {title}"),
        ("Tin “{title}” của bạn đã được duyệt đăng.", "Your item “{title}” was approved."),
    ),
    "question": (
        (
            "Câu hỏi của người dân đến hạn trả lời ngày mai: {title}",
            "A citizen's question is due tomorrow: {title}",
        ),
        (
            "Câu hỏi “{title}” (mã {code}) phải được trả lời trước hết ngày mai ({due}).",
            "The question “{title}” (code {code}) must be answered by the end of tomorrow ({due}).",
        ),
    ),
    "deadline": (
        ("Ngày mai đến hạn: {title}", "Due tomorrow: {title}"),
        ("Tin “{title}” đến hạn xử lý vào ngày mai ({due}).", "“{title}” is due tomorrow ({due})."),
    ),
}
FOOTER = (
    "Thư tự động của Bàn biên tập. Không muốn nhận thư: nhờ quản trị tắt (user mail-off).",
    "An automatic message from Bàn biên tập. To stop these: ask the administrator (user mail-off).",
)


def compose(
    event: str, language: str, item: Item | None, extra: dict[str, str]
) -> tuple[str, str, str]:
    """(subject, plain text, HTML) of a notice in ``language`` (vi unless en); without an item
    (a citizen's question) the title comes in ``extra``."""
    index = 1 if language == "en" else 0
    subjects, leads = TEXTS[event]
    values = {"title": (item.title or item.id) if item is not None else "", **extra}
    subject = subjects[index].format(**values)
    lead = leads[index].format(**values)
    comment = extra.get("comment", "")
    label = ("Lý do", "Reason")[index]
    lines = [lead]
    if comment:
        lines.append(f"{label}: {comment}")
    lines += ["", FOOTER[index]]
    text = "\n".join(lines) + "\n"
    body = f"<p>{html.escape(lead)}</p>"
    if comment:
        body += f"<p><b>{label}:</b> {html.escape(comment)}</p>"
    body += f"<p><small>{html.escape(FOOTER[index])}</small></p>"
    page = f'<!DOCTYPE html><html lang="{"en" if index else "vi"}"><body>{body}</body></html>'
    return subject, text, page


def enqueue(
    conn: Connection,
    username: str,
    event: str,
    item: Item | None,
    at: datetime,
    dedupe: str,
    extra: dict[str, str] | None = None,
) -> bool:
    """Queue one notice for ``username`` unless they have no address, opted out, or it is
    queued already (``dedupe``). The hook for other features' events (a citizen's question):
    add its texts to :data:`TEXTS` and call this."""
    setting = mail_setting(conn, username)
    if not setting["address"] or setting["opted_out"]:
        return False
    if conn.execute(select(mail_outbox.c.id).where(mail_outbox.c.dedupe == dedupe)).first():
        return False
    subject, text, page = compose(event, setting["language"], item, extra or {})
    conn.execute(
        insert(mail_outbox).values(
            dedupe=dedupe[:200],
            username=username,
            address=setting["address"],
            event=event,
            subject=subject,
            text=text,
            html=page,
            status="pending",
            attempts=0,
            next_attempt_at=at.astimezone(UTC),
            last_error="",
            created_at=at.astimezone(UTC),
        )
    )
    return True


def _people_for_step(conn: Connection, site: str, step: int) -> list[str]:
    """Who works step 2 (deputies and heads) or step 3 (heads) of ``site``."""
    roles = [Role.DEPUTY.value, Role.HEAD.value] if step == 2 else [Role.HEAD.value]
    rows = conn.execute(
        select(db.memberships.c.username).where(
            db.memberships.c.site == site, db.memberships.c.role.in_(roles)
        )
    )
    return sorted({row.username for row in rows})


def notify_action(
    conn: Connection, before: Item, after: Item, actor: str, comment: str, at: datetime
) -> None:
    """The notices one workflow step makes (in the step's transaction)."""
    key = f"{after.id}:{after.version}"
    if after.state in (State.SUBMITTED, State.EDITED) and after.state != before.state:
        step = 2 if after.state is State.SUBMITTED else 3
        for person in _people_for_step(conn, after.site, step):
            if person != actor:
                enqueue(
                    conn, person, "queue", after, at, f"queue:{key}:{person}", {"step": str(step)}
                )
    author = after.created_by
    if author and author != actor:
        if after.state is State.PUBLISHED and before.state is not State.PUBLISHED:
            enqueue(conn, author, "published", after, at, f"published:{key}")
        elif (
            after.state in (State.DRAFT, State.SUBMITTED)
            and before.state.value in ("submitted", "edited")
            and _is_return(before, after)
        ):
            enqueue(conn, author, "returned", after, at, f"returned:{key}", {"comment": comment})


def _is_return(before: Item, after: Item) -> bool:
    order = ["draft", "submitted", "edited"]
    return order.index(after.state.value) < order.index(before.state.value)


# --- deadlines tomorrow ------------------------------------------------------------------------

VIETNAM = timezone(timedelta(hours=7))


def queue_deadline_notices(engine: Engine, now: datetime) -> int:
    """Once a day per item and person (``dedupe``): an open item due tomorrow (Vietnam's date,
    working days of the site's calendar) tells whoever it waits for. Read in a read-only
    transaction; a write only when there is something to queue."""
    tomorrow = now.astimezone(VIETNAM).date() + timedelta(days=1)
    with db.reading(engine) as conn:
        due = _due_tomorrow(conn, tomorrow)
    queued = 0
    if due:
        with db.writing(engine) as conn:
            for item, people in due:
                for person in people:
                    extra = {"due": tomorrow.strftime("%d/%m/%Y")}
                    dedupe = f"deadline:{item.id}:{tomorrow.isoformat()}:{person}"
                    queued += enqueue(conn, person, "deadline", item, now, dedupe, extra)
    return queued


def _due_tomorrow(conn: Connection, tomorrow: date) -> list[tuple[Item, list[str]]]:
    from desktop.models import Category
    from desktop.models.fields import suggested_trigger_date
    from desktop.models.workdays import CalendarNotice, WorkCalendar
    from portal.board.calendar import list_notices
    from portal.board.directory import list_categories

    open_states = [State.DRAFT.value, State.SUBMITTED.value, State.EDITED.value]
    rows = conn.execute(select(db.items.c.data).where(db.items.c.state.in_(open_states)))
    sections: dict[str, dict[str, Category]] = {}
    calendars: dict[str, WorkCalendar] = {}
    found = []
    for row in rows:
        item = Item.from_dict(orjson.loads(row.data))
        if item.site not in sections:
            sections[item.site] = {c.id: c for c in list_categories(conn, item.site)}
            notices = [CalendarNotice.from_dict(n) for n in list_notices(conn, item.site)]
            calendars[item.site] = WorkCalendar.from_notices(notices)
        category = sections[item.site].get(item.category)
        if category is None or category.deadline is None:
            continue
        trigger = item.trigger_date or suggested_trigger_date(category.kind, item.metadata)
        if calendars[item.site].due_date(trigger, category.deadline) != tomorrow:
            continue
        if item.state is State.DRAFT:
            people = [item.created_by]
        else:
            step = 2 if item.state is State.SUBMITTED else 3
            people = _people_for_step(conn, item.site, step)
        found.append((item, people))
    return found


def queue_question_notices(engine: Engine, now: datetime) -> int:
    """Once per question and person: an open citizen's question due tomorrow (its 15 working
    days end then, AG-12.1.d) tells its assignee, or the site's deputies and heads when nobody
    has it yet."""
    from portal.board.questions import CLOSED_STATES, is_open, questions

    tomorrow = now.astimezone(VIETNAM).date() + timedelta(days=1)
    with db.reading(engine) as conn:
        rows = conn.execute(
            select(questions).where(
                questions.c.due_date == tomorrow, questions.c.state.not_in(CLOSED_STATES)
            )
        ).all()
        due = []
        for row in rows:
            if is_open(conn, row):
                people = (
                    [row.assigned_to] if row.assigned_to else _people_for_step(conn, row.site, 2)
                )
                due.append((row, people))
    queued = 0
    if due:
        with db.writing(engine) as conn:
            for row, people in due:
                extra = {
                    "title": row.title,
                    "code": row.tracking_code,
                    "due": tomorrow.strftime("%d/%m/%Y"),
                }
                for person in people:
                    dedupe = f"question:{row.id}:{tomorrow.isoformat()}:{person}"
                    queued += enqueue(conn, person, "question", None, now, dedupe, extra)
    return queued


# --- sending -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SmtpSettings:
    """``smtp[s]://[user:password@]host:port``: smtps is TLS from the start; smtp uses STARTTLS
    when the server offers it (and a user is given: never a password in the clear)."""

    host: str
    port: int
    tls: bool
    user: str = ""
    password: str = ""
    sender: str = "ban-bien-tap@localhost"

    @classmethod
    def parse(cls, url: str) -> SmtpSettings:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("the mail server is smtp[s]://[user:password@]host:port")
        try:
            port = parts.port or (465 if parts.scheme == "smtps" else 25)
        except ValueError:
            raise ValueError("the mail server's port is a number") from None
        sender = os.environ.get(SENDER_ADDRESS_ENV) or f"ban-bien-tap@{parts.hostname}"
        return cls(
            host=parts.hostname,
            port=port,
            tls=parts.scheme == "smtps",
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            sender=sender,
        )


def message_of_row(row: Any, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = row.address
    message["Subject"] = row.subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or "localhost")
    message.set_content(row.text)
    message.add_alternative(row.html, subtype="html")
    return message


class Sender:
    """A scheduler job: send the due notices, each by one process, retried on failure."""

    def __init__(self, settings: SmtpSettings, timeout: float = 20.0) -> None:
        self.settings = settings
        self.timeout = timeout
        self.owner = f"{os.uname().nodename}/{os.getpid()}/{uuid.uuid4().hex[:8]}"
        self.__name__ = "send_mail"

    def __call__(self, engine: Engine, now: datetime) -> int:
        claimed = self.claim(engine, now)
        sent = 0
        for row in claimed:
            try:
                self.send(message_of_row(row, self.settings.sender))
            except (OSError, smtplib.SMTPException) as error:
                self._failed(engine, row, now, error)
                continue
            with db.writing(engine) as conn:
                conn.execute(
                    update(mail_outbox)
                    .where(mail_outbox.c.id == row.id, mail_outbox.c.owner == self.owner)
                    .values(
                        status="sent", sent_at=now.astimezone(UTC), owner=None, lease_until=None
                    )
                )
            sent += 1
        return sent

    def claim(self, engine: Engine, now: datetime, limit: int = 50) -> list[Any]:
        """Due rows, each claimed by a conditional UPDATE: another process's claim (a live
        lease) is never taken; a lapsed one (a crash) is."""
        at = now.astimezone(UTC)
        due = or_(
            and_(mail_outbox.c.status == "pending", mail_outbox.c.next_attempt_at <= at),
            and_(mail_outbox.c.status == "sending", mail_outbox.c.lease_until <= at),
        )
        claimed = []
        with db.reading(engine) as conn:
            ids = [r.id for r in conn.execute(select(mail_outbox.c.id).where(due).limit(limit))]
        for mail_id in ids:
            with db.writing(engine) as conn:
                result = conn.execute(
                    update(mail_outbox)
                    .where(mail_outbox.c.id == mail_id, due)
                    .values(status="sending", owner=self.owner, lease_until=at + LEASE)
                )
                if result.rowcount == 1:
                    claimed.append(
                        conn.execute(select(mail_outbox).where(mail_outbox.c.id == mail_id)).one()
                    )
        return claimed

    def send(self, message: EmailMessage) -> None:
        s = self.settings
        if s.tls:
            context = ssl.create_default_context()
            with smtplib.SMTP_SSL(s.host, s.port, timeout=self.timeout, context=context) as smtp:
                self._deliver(smtp, message)
            return
        with smtplib.SMTP(s.host, s.port, timeout=self.timeout) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            elif s.user:
                raise smtplib.SMTPException("the server offers no STARTTLS: no password in clear")
            self._deliver(smtp, message)

    def _deliver(self, smtp: smtplib.SMTP, message: EmailMessage) -> None:
        if self.settings.user:
            smtp.login(self.settings.user, self.settings.password)
        smtp.send_message(message)

    def _failed(self, engine: Engine, row: Any, now: datetime, error: BaseException) -> None:
        attempts = row.attempts + 1
        delay = RETRY_AFTER[attempts - 1] if attempts <= len(RETRY_AFTER) else RETRY_LATER
        status = "failed" if attempts >= MAX_ATTEMPTS else "pending"
        log.warning("mail %s to %s: attempt %d failed: %s", row.id, row.username, attempts, error)
        with db.writing(engine) as conn:
            conn.execute(
                update(mail_outbox)
                .where(mail_outbox.c.id == row.id, mail_outbox.c.owner == self.owner)
                .values(
                    status=status,
                    attempts=attempts,
                    next_attempt_at=now.astimezone(UTC) + delay,
                    owner=None,
                    lease_until=None,
                    last_error=str(error)[:500],
                )
            )


def outbox(conn: Connection) -> list[dict[str, Any]]:
    """The queue as the administrator sees it (``portal-server mail queue``)."""
    rows = conn.execute(select(mail_outbox).order_by(mail_outbox.c.id))
    return [
        {
            "id": r.id,
            "to": r.username,
            "event": r.event,
            "status": r.status,
            "attempts": r.attempts,
            "next_attempt_at": (utc(r.next_attempt_at) or now_utc()).isoformat(),
            "last_error": r.last_error,
        }
        for r in rows
    ]


def now_utc() -> datetime:
    return datetime.now(UTC)
