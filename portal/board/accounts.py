"""Sessions: logins with lock-out, short-lived access tokens and rotating refresh tokens.

Tokens are random (``secrets.token_urlsafe``) and only their sha256 is stored. A refresh token
is spent when used; presenting a spent one means it was stolen or replayed, so its whole family
(every token descended from the same login) is revoked.

Failed logins are limited twice, both counted in the database (so across server processes):
5 per account name in 15 minutes, and 30 per client address in 15 minutes whatever the account
names (guessing one common password against many accounts). Logins, logouts, token reuse and
revocations go to the audit log (:mod:`portal.board.audit`).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection

from portal import db
from portal.board import audit
from portal.board.directory import user_row, utc
from portal.board.passwords import verify_password

ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=30)
LOCKOUT_WINDOW = timedelta(minutes=15)
LOCKOUT_FAILURES = 5
ADDRESS_FAILURES = 30


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


def _remaining(conn: Connection, column: Any, value: str, limit: int, at: datetime) -> int | None:
    since = at - LOCKOUT_WINDOW
    recent = conn.execute(
        select(db.login_failures.c.at)
        .where(and_(column == value, db.login_failures.c.at > since))
        .order_by(db.login_failures.c.at.desc())
        .limit(limit)
    ).all()
    if len(recent) < limit:
        return None
    oldest = utc(recent[-1].at)
    assert oldest is not None
    return max(1, int((oldest + LOCKOUT_WINDOW - at).total_seconds()) + 1)


def lockout_remaining(
    conn: Connection, username: str, at: datetime, address: str = ""
) -> int | None:
    """Seconds until ``username`` (or anyone from ``address``) may try again, or None."""
    waits = [_remaining(conn, db.login_failures.c.username, username, LOCKOUT_FAILURES, at)]
    if address:
        waits.append(_remaining(conn, db.login_failures.c.address, address, ADDRESS_FAILURES, at))
    found = [w for w in waits if w is not None]
    return max(found) if found else None


def record_failure(conn: Connection, username: str, at: datetime, address: str = "") -> None:
    conn.execute(
        insert(db.login_failures).values(
            username=username[:200], at=at, address=address[:64] or None
        )
    )
    conn.execute(delete(db.login_failures).where(db.login_failures.c.at < at - 2 * LOCKOUT_WINDOW))


def check_password(
    conn: Connection, username: str, password: str, at: datetime, address: str = ""
) -> None:
    """Raise AuthError unless ``password`` is right and the account may log in now.

    The lock-out is checked first and counts unknown usernames too, so the answers do not tell
    which accounts exist. Attempts on one username, and from one address, take turns (database
    locks, across server processes, always the address's first), so parallel guesses cannot
    all read "4 failures" and slip past the lock-out.
    """
    if address:
        db.lock(conn, f"portal:login-address:{address}")
    db.lock(conn, f"portal:login:{username}")
    remaining = lockout_remaining(conn, username, at, address)
    if remaining is not None:
        raise AuthError("locked_out", remaining)
    row = user_row(conn, username)
    ok = verify_password(row.password_hash if row is not None else None, password)
    if not ok or row is None or row.disabled:
        record_failure(conn, username, at, address)
        raise AuthError("bad_credentials")
    conn.execute(
        delete(db.login_failures).where(
            db.login_failures.c.username == username,
            or_(db.login_failures.c.address.is_(None), db.login_failures.c.address == address),
        )
    )


def login(
    conn: Connection, username: str, password: str, at: datetime, address: str = ""
) -> Session:
    """Check the password and open a session; the attempt is audited either way."""
    try:
        check_password(conn, username, password, at, address)
    except AuthError as error:
        outcome = "refused" if error.code == "locked_out" else "failed"
        audit.record(
            conn,
            "login",
            actor=username,
            at=at,
            address=address,
            outcome=outcome,
            detail={"reason": error.code},
        )
        raise
    session = _issue(conn, username, str(uuid.uuid4()), at)
    audit.record(
        conn, "login", actor=username, at=at, address=address, detail={"family": session.family}
    )
    return session


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


def refresh(conn: Connection, refresh_token: str, at: datetime, address: str = "") -> Session:
    """Spend a refresh token for a new pair in the same family (rotation).

    A spent token presented again is audited as ``token_reuse`` (theft or replay) and a revoked
    one as a refused ``refresh`` (a revoked laptop still trying).
    """
    digest = token_hash(refresh_token)
    row = conn.execute(
        select(db.refresh_tokens).where(db.refresh_tokens.c.token_hash == digest)
    ).first()
    if row is None:
        raise AuthError("unauthenticated")
    if row.used or row.revoked:
        revoke_family(conn, row.family)
        audit.record(
            conn,
            "token_reuse" if row.used else "refresh",
            actor=row.username,
            at=at,
            address=address,
            outcome="refused",
            detail={"family": row.family},
        )
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
        audit.record(
            conn,
            "token_reuse",
            actor=row.username,
            at=at,
            address=address,
            outcome="refused",
            detail={"family": row.family},
        )
        raise AuthError("token_revoked")
    return _issue(conn, row.username, row.family, at)


def revoke_family(conn: Connection, family: str) -> None:
    conn.execute(
        update(db.refresh_tokens).where(db.refresh_tokens.c.family == family).values(revoked=True)
    )
    conn.execute(
        update(db.access_tokens).where(db.access_tokens.c.family == family).values(revoked=True)
    )


def logout(
    conn: Connection, refresh_token: str, at: datetime | None = None, address: str = ""
) -> None:
    row = conn.execute(
        select(db.refresh_tokens.c.family, db.refresh_tokens.c.username).where(
            db.refresh_tokens.c.token_hash == token_hash(refresh_token)
        )
    ).first()
    if row is not None:
        revoke_family(conn, row.family)
        if at is not None:
            audit.record(
                conn,
                "logout",
                actor=row.username,
                at=at,
                address=address,
                detail={"family": row.family},
            )


def revoke_other_sessions(conn: Connection, username: str, keep_family: str | None) -> None:
    families = conn.execute(
        select(db.refresh_tokens.c.family)
        .where(db.refresh_tokens.c.username == username)
        .group_by(db.refresh_tokens.c.family)
    ).all()
    for (family,) in families:
        if family != keep_family:
            revoke_family(conn, family)


def list_sessions(
    conn: Connection, at: datetime, usernames: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Every session (token family) not yet expired, of ``usernames`` (None: everyone).

    ``active`` is whether it can still be refreshed; the newest login first.
    """
    t = db.refresh_tokens
    live = and_(t.c.used.is_(False), t.c.revoked.is_(False), t.c.expires_at > at)
    query = (
        select(
            t.c.family,
            t.c.username,
            func.min(t.c.created_at).label("started_at"),
            func.max(t.c.created_at).label("refreshed_at"),
            func.max(t.c.expires_at).label("expires_at"),
            func.sum(case((live, 1), else_=0)).label("live"),
            func.min(case((t.c.revoked, 1), else_=0)).label("revoked"),
        )
        .where(t.c.expires_at > at)
        .group_by(t.c.family, t.c.username)
    )
    if usernames is not None:
        query = query.where(t.c.username.in_(list(usernames)))
    found = []
    for row in conn.execute(query):
        started, refreshed, expires = (
            utc(row.started_at),
            utc(row.refreshed_at),
            utc(row.expires_at),
        )
        found.append(
            {
                "family": row.family,
                "username": row.username,
                "started_at": started.isoformat() if started else None,
                "refreshed_at": refreshed.isoformat() if refreshed else None,
                "expires_at": expires.isoformat() if expires else None,
                "active": bool(row.live),
                "revoked": bool(row.revoked),
            }
        )
    return sorted(found, key=lambda s: (s["started_at"] or "", s["family"]), reverse=True)


def family_owner(conn: Connection, family: str) -> str | None:
    return conn.execute(
        select(db.refresh_tokens.c.username).where(db.refresh_tokens.c.family == family).limit(1)
    ).scalar()


def revoke_user_sessions(conn: Connection, username: str) -> int:
    """Revoke every session of ``username``; how many were not revoked yet."""
    t = db.refresh_tokens
    families = conn.execute(
        select(t.c.family)
        .where(t.c.username == username, t.c.revoked.is_(False))
        .group_by(t.c.family)
    ).scalars()
    found = list(families)
    for family in found:
        revoke_family(conn, family)
    # access tokens whose refresh tokens are already gone (expired and purged) go too
    conn.execute(
        update(db.access_tokens).where(db.access_tokens.c.username == username).values(revoked=True)
    )
    return len(found)


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
