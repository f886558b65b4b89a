"""Sessions: logins with lock-out, short-lived access tokens and rotating refresh tokens.

Tokens are random (``secrets.token_urlsafe``) and only their sha256 is stored. A refresh token
is spent when used; presenting a spent one means it was stolen or replayed, so its whole family
(every token descended from the same login) is revoked.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from portal import db
from portal.board import user_row, utc
from portal.passwords import verify_password

ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=30)
LOCKOUT_WINDOW = timedelta(minutes=15)
LOCKOUT_FAILURES = 5


class AuthError(Exception):
    """A refused login or token; ``code`` is the problem code, ``retry_after`` for lock-out."""

    def __init__(self, code: str, retry_after: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Session:
    access_token: str
    refresh_token: str
    username: str
    family: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "token_type": "bearer",
            "expires_in": int(ACCESS_LIFETIME.total_seconds()),
        }


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def lockout_remaining(conn: Connection, username: str, at: datetime) -> int | None:
    """Seconds until ``username`` may try again, or None when not locked out."""
    since = at - LOCKOUT_WINDOW
    recent = conn.execute(
        select(db.login_failures.c.at)
        .where(and_(db.login_failures.c.username == username, db.login_failures.c.at > since))
        .order_by(db.login_failures.c.at.desc())
        .limit(LOCKOUT_FAILURES)
    ).all()
    if len(recent) < LOCKOUT_FAILURES:
        return None
    oldest = utc(recent[-1].at)
    assert oldest is not None
    return max(1, int((oldest + LOCKOUT_WINDOW - at).total_seconds()) + 1)


def record_failure(conn: Connection, username: str, at: datetime) -> None:
    conn.execute(insert(db.login_failures).values(username=username[:200], at=at))
    conn.execute(delete(db.login_failures).where(db.login_failures.c.at < at - 2 * LOCKOUT_WINDOW))


def check_password(conn: Connection, username: str, password: str, at: datetime) -> None:
    """Raise AuthError unless ``password`` is right and the account may log in now.

    The lock-out is checked first and counts unknown usernames too, so the answers do not tell
    which accounts exist. Attempts on one username take turns (a database lock, across server
    processes), so parallel guesses cannot all read "4 failures" and slip past the lock-out.
    """
    db.lock(conn, f"portal:login:{username}")
    remaining = lockout_remaining(conn, username, at)
    if remaining is not None:
        raise AuthError("locked_out", remaining)
    row = user_row(conn, username)
    ok = verify_password(row.password_hash if row is not None else None, password)
    if not ok or row is None or row.disabled:
        record_failure(conn, username, at)
        raise AuthError("bad_credentials")
    conn.execute(delete(db.login_failures).where(db.login_failures.c.username == username))


def login(conn: Connection, username: str, password: str, at: datetime) -> Session:
    check_password(conn, username, password, at)
    return _issue(conn, username, str(uuid.uuid4()), at)


def _issue(conn: Connection, username: str, family: str, at: datetime) -> Session:
    access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    conn.execute(
        insert(db.access_tokens).values(
            token_hash=token_hash(access),
            username=username,
            family=family,
            expires_at=at + ACCESS_LIFETIME,
            revoked=False,
        )
    )
    conn.execute(
        insert(db.refresh_tokens).values(
            token_hash=token_hash(refresh),
            username=username,
            family=family,
            created_at=at,
            expires_at=at + REFRESH_LIFETIME,
            used=False,
            revoked=False,
        )
    )
    return Session(access, refresh, username, family)


def refresh(conn: Connection, refresh_token: str, at: datetime) -> Session:
    """Spend a refresh token for a new pair in the same family (rotation)."""
    digest = token_hash(refresh_token)
    row = conn.execute(
        select(db.refresh_tokens).where(db.refresh_tokens.c.token_hash == digest)
    ).first()
    if row is None:
        raise AuthError("unauthenticated")
    if row.used or row.revoked:
        revoke_family(conn, row.family)
        raise AuthError("token_revoked")
    expires_at = utc(row.expires_at)
    assert expires_at is not None
    if expires_at <= at:
        raise AuthError("unauthenticated")
    user = user_row(conn, row.username)
    if user is None or user.disabled:
        revoke_family(conn, row.family)
        raise AuthError("token_revoked")
    spent = conn.execute(
        update(db.refresh_tokens)
        .where(and_(db.refresh_tokens.c.token_hash == digest, db.refresh_tokens.c.used.is_(False)))
        .values(used=True)
    )
    if spent.rowcount != 1:  # spent by a concurrent request a moment ago
        revoke_family(conn, row.family)
        raise AuthError("token_revoked")
    return _issue(conn, row.username, row.family, at)


def revoke_family(conn: Connection, family: str) -> None:
    conn.execute(
        update(db.refresh_tokens).where(db.refresh_tokens.c.family == family).values(revoked=True)
    )
    conn.execute(
        update(db.access_tokens).where(db.access_tokens.c.family == family).values(revoked=True)
    )


def logout(conn: Connection, refresh_token: str) -> None:
    row = conn.execute(
        select(db.refresh_tokens.c.family).where(
            db.refresh_tokens.c.token_hash == token_hash(refresh_token)
        )
    ).first()
    if row is not None:
        revoke_family(conn, row.family)


def revoke_other_sessions(conn: Connection, username: str, keep_family: str | None) -> None:
    families = conn.execute(
        select(db.refresh_tokens.c.family)
        .where(db.refresh_tokens.c.username == username)
        .group_by(db.refresh_tokens.c.family)
    ).all()
    for (family,) in families:
        if family != keep_family:
            revoke_family(conn, family)


@dataclass(frozen=True, slots=True)
class Bearer:
    username: str
    family: str


def authenticate(conn: Connection, access_token: str, at: datetime) -> Bearer | None:
    """The caller behind an access token, or None when unknown, expired or revoked."""
    row = conn.execute(
        select(db.access_tokens, db.users.c.disabled)
        .join(db.users, db.users.c.username == db.access_tokens.c.username)
        .where(db.access_tokens.c.token_hash == token_hash(access_token))
    ).first()
    if row is None or row.revoked or row.disabled:
        return None
    expires_at = utc(row.expires_at)
    if expires_at is None or expires_at <= at:
        return None
    return Bearer(row.username, row.family)


def purge_expired(conn: Connection, at: datetime) -> None:
    """Housekeeping: forget tokens nobody can use any more."""
    conn.execute(delete(db.access_tokens).where(db.access_tokens.c.expires_at < at))
    conn.execute(delete(db.refresh_tokens).where(db.refresh_tokens.c.expires_at < at))


def failure_count(conn: Connection, username: str) -> int:
    return int(
        conn.execute(
            select(func.count())
            .select_from(db.login_failures)
            .where(db.login_failures.c.username == username)
        ).scalar_one()
    )
