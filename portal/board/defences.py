"""Defences of the portal's anonymous writes (questions, consultation comments; issue 18).

No third-party service: a stranger's write is refused when

- its address wrote too often lately (:data:`LIMITS` per kind and hour → 429 ``rate_limited``);
- a hidden field a person never sees was filled in (the honeypot → 400 ``spam_suspected``);
- a form was sent sooner than :data:`MIN_FILL_SECONDS` after it was shown, or with a form
  token that is forged or older than a day (400 ``spam_suspected``);
- the same text was sent already within :data:`DUPLICATE_WINDOW` (409 ``duplicate``).

The addresses and fingerprints live in ``public_writes`` for a day at most, then are deleted:
the address is personal data too (Decree 13/2023/NĐ-CP).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from sqlalchemy import Column, DateTime, Engine, Index, Integer, String, Table, delete, func, select
from sqlalchemy.engine import Connection

from portal import db
from portal.board import directory as board
from portal.board.problems import ProblemError

#: The most writes of each kind one address may make in an hour.
LIMITS = {"question": 5, "comment": 10}
HOUR = timedelta(hours=1)
DUPLICATE_WINDOW = timedelta(hours=24)
MIN_FILL_SECONDS = 3
MAX_FORM_AGE = timedelta(hours=24)
HONEYPOT = "website"

public_writes = Table(
    "public_writes",
    db.metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("address", String(64), nullable=False),
    Column("fingerprint", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_public_writes_address_at", "address", "at"),
    Index("ix_public_writes_fingerprint", "fingerprint"),
)


def spam(reason: str) -> ProblemError:
    return ProblemError(
        400,
        "spam_suspected",
        f"The submission looks automated ({reason}).",
        errors=[
            {
                "code": reason,
                "field": "body",
                "vi": "Biểu mẫu bị từ chối vì giống gửi tự động. Xin đợi vài giây rồi gửi lại.",
                "en": "The form was refused as automated. Wait a few seconds and send it again.",
            }
        ],
    )


def check_honeypot(value: object) -> None:
    if value not in (None, ""):
        raise spam("honeypot")


# --- form tokens: when the form was shown, signed ------------------------------------------


def _secret(conn: Connection) -> bytes:
    found = board.get_setting(conn, "form_secret")
    if found is None:
        found = secrets.token_hex(32)
        board.set_setting(conn, "form_secret", found)
    return bytes.fromhex(found)


def _sign(secret: bytes, issued: int) -> str:
    return hmac.new(secret, f"form:{issued}".encode(), hashlib.sha256).hexdigest()[:32]


def form_token(engine: Engine, now: datetime) -> str:
    """A token that says when a form was shown (``<unix time>.<signature>``); the secret is
    made and stored the first time (its own write transaction)."""
    with db.reading(engine) as conn:
        found = board.get_setting(conn, "form_secret")
    if found is None:
        with db.writing(engine) as conn:
            secret = _secret(conn)
    else:
        secret = bytes.fromhex(found)
    issued = int(now.timestamp())
    return f"{issued}.{_sign(secret, issued)}"


def check_form_token(conn: Connection, token: object, now: datetime) -> None:
    """Refuse a forged or stale token, and a form filled in faster than a person can."""
    if not isinstance(token, str) or "." not in token:
        raise spam("form_token")
    issued_text, _, signature = token.partition(".")
    if not issued_text.isdigit() or len(issued_text) > 12:
        raise spam("form_token")
    issued = int(issued_text)
    if not hmac.compare_digest(_sign(_secret(conn), issued), signature):
        raise spam("form_token")
    age = now.timestamp() - issued
    if age < MIN_FILL_SECONDS:
        raise spam("too_fast")
    if age > MAX_FORM_AGE.total_seconds():
        raise spam("form_expired")


# --- rate limits and duplicates -------------------------------------------------------------


def fingerprint(kind: str, scope: str, text: str) -> str:
    return hashlib.sha256(f"{kind}\x1f{scope}\x1f{text}".encode()).hexdigest()


def admit(conn: Connection, kind: str, address: str, digest: str, now: datetime) -> None:
    """Refuse the write (429 or 409) or count it; inside the write's own transaction."""
    t = public_writes
    address = address[:64] or "-"
    # One address's writes (and one text's) take turns on PostgreSQL: parallel requests cannot
    # slip past the count together (SQLite's write transaction holds the database already).
    db.lock(conn, f"public-write:{address}")
    db.lock(conn, f"public-text:{digest}")
    conn.execute(delete(t).where(t.c.at < now - DUPLICATE_WINDOW))
    recent = conn.execute(
        select(func.count(), func.min(t.c.at)).where(
            t.c.kind == kind, t.c.address == address, t.c.at > now - HOUR
        )
    ).one()
    if int(recent[0]) >= LIMITS[kind]:
        oldest = board.utc(recent[1]) or now
        wait = max(1, int((oldest + HOUR - now).total_seconds()) + 1)
        minutes = wait // 60 + 1
        raise ProblemError(
            429,
            "rate_limited",
            f"Too many submissions from this address; try again in {wait} s.",
            errors=[
                {
                    "code": "rate_limited",
                    "field": "body",
                    "vi": f"Địa chỉ này đã gửi quá nhiều lần. Xin thử lại sau {minutes} phút.",
                    "en": f"Too many submissions from this address. Try again in {minutes}"
                    " minutes.",
                }
            ],
            headers={"Retry-After": str(wait)},
        )
    seen = conn.execute(
        select(func.count()).where(t.c.fingerprint == digest, t.c.at > now - DUPLICATE_WINDOW)
    ).scalar_one()
    if seen:
        raise ProblemError(
            409,
            "duplicate",
            "The same text was sent already.",
            errors=[
                {
                    "code": "duplicate",
                    "field": "body",
                    "vi": "Nội dung này đã được gửi trước đó; Ban Biên tập đã nhận.",
                    "en": "This text was sent already; the board has it.",
                }
            ],
        )
    conn.execute(t.insert().values(kind=kind, address=address, fingerprint=digest, at=now))
