"""Sessions: logins with lock-out, short-lived access tokens and rotating refresh tokens.

Tokens are random (``secrets.token_urlsafe``) and only their sha256 is stored. A refresh token
is spent when used; presenting a spent one means it was stolen or replayed, so its whole family
(every token descended from the same login) is revoked.

Wrong passwords are throttled in the database (so across server processes) in scopes a
stranger cannot turn against the owner (:mod:`portal.board.throttle`); an attempt is counted
first, verified with no transaction open, then settled (:func:`begin_attempt`,
:func:`settle_attempt`). Logins, logouts, token reuse, throttling and revocations go to the
audit log (:mod:`portal.board.audit`).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NoReturn

from sqlalchemy import and_, case, delete, func, insert, select, update
from sqlalchemy.engine import Connection

from portal import db
from portal.board import audit, throttle
from portal.board.directory import user_row, utc
from portal.board.passwords import verify_password

ACCESS_LIFETIME = timedelta(minutes=15)
REFRESH_LIFETIME = timedelta(days=30)


class AuthError(Exception):
    """A refused login or token; ``code`` is the problem code; ``retry_after`` and ``scope``
    (see :mod:`portal.board.throttle`) when the attempt must wait."""

    def __init__(self, code: str, retry_after: int | None = None, scope: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.retry_after = retry_after
        self.scope = scope


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


# --- password attempts: counted first, verified outside the transaction, then settled --------


@dataclass(frozen=True, slots=True)
class Pending:
    """An attempt counted as a failure (``reservation``) and ready to be verified against
    ``password_hash`` (None for an unknown account) with no transaction open."""

    attempt: throttle.Attempt
    reservation: int
    password_hash: str | None
    disabled: bool


def session_of(
    conn: Connection, username: str, refresh_token: str | None, at: datetime
) -> str | None:
    """The session (family) of ``refresh_token`` when it is a live refresh token of
    ``username``: the proof that the device logging in already holds a session. None otherwise
    (unknown, spent, revoked, expired, another account's): then the attempt is anonymous."""
    if not refresh_token:
        return None
    row = conn.execute(
        select(db.refresh_tokens).where(db.refresh_tokens.c.token_hash == token_hash(refresh_token))
    ).first()
    if row is None or row.username != username or row.used or row.revoked:
        return None
    expires_at = utc(row.expires_at)
    return str(row.family) if expires_at is not None and expires_at > at else None


def begin_attempt(
    conn: Connection, attempt: throttle.Attempt, at: datetime, event: str = "login"
) -> Pending:
    """Check the throttle and count the attempt; raise AuthError ``locked_out`` (audited as a
    refused ``event``) when it must wait. The caller commits either way.

    Attempts on one account, one address and one session take turns here (database locks
    across server processes, always in this order) for the moment of the check and the count;
    the slow part, verifying, comes after the commit.
    """
    if attempt.address:
        db.lock(conn, f"portal:login-address:{attempt.address}")
    db.lock(conn, f"portal:login:{attempt.username}")
    wait = throttle.wait_for(conn, attempt, at)
    if wait is not None:
        audit.record(
            conn,
            event,
            actor=attempt.username,
            at=at,
            address=attempt.address,
            outcome="refused",
            detail={
                "reason": "locked_out",
                "scope": wait.scope,
                "retry_after": wait.seconds,
                **({"family": attempt.family} if attempt.family else {}),
            },
        )
        raise AuthError("locked_out", wait.seconds, wait.scope)
    reservation = throttle.reserve(conn, attempt, at)
    row = user_row(conn, attempt.username)
    return Pending(
        attempt,
        reservation,
        row.password_hash if row is not None else None,
        bool(row.disabled) if row is not None else True,
    )


def settle_attempt(
    conn: Connection, pending: Pending, verified: bool, at: datetime, event: str = "login"
) -> bool:
    """After verifying: True (and the count released) when the password was right and the
    account may log in; else the failure stays counted, is audited as a failed ``event``, and
    a throttle it starts is audited as ``throttle``."""
    attempt = pending.attempt
    if verified and pending.password_hash is not None and not pending.disabled:
        throttle.release(conn, pending.reservation, attempt)
        return True
    session = {"family": attempt.family} if attempt.family else {}
    audit.record(
        conn,
        event,
        actor=attempt.username,
        at=at,
        address=attempt.address,
        outcome="failed",
        detail={"reason": "bad_credentials", **session},
    )
    wait = throttle.wait_for(conn, attempt, at)
    if wait is not None:
        audit.record(
            conn,
            "throttle",
            actor=attempt.username,
            subject=attempt.username if pending.password_hash is not None else None,
            at=at,
            address=attempt.address,
            outcome="refused",
            detail={"scope": wait.scope, "retry_after": wait.seconds, "after": event, **session},
        )
    return False


def open_session(conn: Connection, pending: Pending, at: datetime) -> Session:
    """A new session for a login that :func:`settle_attempt` accepted; audited."""
    attempt = pending.attempt
    session = _issue(conn, attempt.username, str(uuid.uuid4()), at)
    detail = {"family": session.family}
    if attempt.family:
        detail["proven_by"] = attempt.family
    audit.record(
        conn, "login", actor=attempt.username, at=at, address=attempt.address, detail=detail
    )
    return session


def login(
    conn: Connection,
    username: str,
    password: str,
    at: datetime,
    address: str = "",
    family: str | None = None,
) -> Session:
    """Everything of a login in one transaction: for the command line and tests only. The API
    (portal.api.auth) verifies between two short transactions instead."""
    pending = begin_attempt(conn, throttle.Attempt(username, address, family), at)
    if not settle_attempt(conn, pending, verify_password(pending.password_hash, password), at):
        raise AuthError("bad_credentials")
    return open_session(conn, pending, at)


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


#: How long after a refresh its retry with the same (spent) token is taken for a lost answer.
REFRESH_GRACE = timedelta(minutes=5)


def refresh(conn: Connection, refresh_token: str, at: datetime, address: str = "") -> Session:
    """Spend a refresh token for a new pair in the same family (rotation).

    A spent token presented again is a reuse (theft or replay: audited as ``token_reuse``, the
    whole family revoked), except when it is the retry of a refresh whose answer was lost
    (:func:`_lost_answer`): then the unused successor is revoked and a fresh pair issued. A
    revoked token is a refused ``refresh`` (a revoked laptop still trying).
    """
    t = db.refresh_tokens
    digest = token_hash(refresh_token)
    row = conn.execute(select(t).where(t.c.token_hash == digest).with_for_update()).first()
    if row is None:
        raise AuthError("unauthenticated")
    if row.revoked:
        _refuse(conn, row, at, address, "refresh")
    expires_at = utc(row.expires_at)
    assert expires_at is not None
    if expires_at <= at:
        raise AuthError("unauthenticated")
    user = user_row(conn, row.username)
    if user is None or user.disabled:
        revoke_family(conn, row.family)
        raise AuthError("token_revoked")
    if row.used:
        if not _lost_answer(conn, row, at, address):
            _refuse(conn, row, at, address, "token_reuse")
        return _reissue(conn, row, at, address)
    spent = conn.execute(
        update(t)
        .where(and_(t.c.token_hash == digest, t.c.used.is_(False)))
        .values(used=True, used_at=at, used_address=address[:64] or None)
    )
    if spent.rowcount != 1:  # spent by a concurrent request a moment ago
        _refuse(conn, row, at, address, "token_reuse")
    return _succeed(conn, row, at)


def _succeed(conn: Connection, spent: Any, at: datetime) -> Session:
    """The new pair for ``spent``, remembered on it (``successor``) for :func:`_lost_answer`."""
    session = _issue(conn, spent.username, spent.family, at)
    conn.execute(
        update(db.refresh_tokens)
        .where(db.refresh_tokens.c.token_hash == spent.token_hash)
        .values(
            successor=token_hash(session.refresh_token),
            successor_access=token_hash(session.access_token),
        )
    )
    return session


def _lost_answer(conn: Connection, spent: Any, at: datetime, address: str) -> bool:
    """Whether presenting the spent token ``spent`` again is a retry after a lost answer.

    Yes only when all hold: it was spent less than :data:`REFRESH_GRACE` ago, from the same
    address, and neither token of its answer has been used (the successor refresh token is
    neither spent nor revoked, its access token never presented). Once the session has moved
    on with that answer, or the grace is over, it is a reuse.
    """
    used_at = utc(spent.used_at)
    if used_at is None or at - used_at > REFRESH_GRACE or spent.successor is None:
        return False
    if (spent.used_address or "") != (address[:64] or ""):
        return False
    successor = conn.execute(
        select(db.refresh_tokens.c.used, db.refresh_tokens.c.revoked).where(
            db.refresh_tokens.c.token_hash == spent.successor
        )
    ).first()
    if successor is None or successor.used or successor.revoked:
        return False
    access = conn.execute(
        select(db.access_tokens.c.first_used_at).where(
            db.access_tokens.c.token_hash == spent.successor_access
        )
    ).first()
    return access is None or access.first_used_at is None


def _reissue(conn: Connection, spent: Any, at: datetime, address: str) -> Session:
    """Answer a lost answer's retry: its unused pair is revoked, a fresh one takes its place.

    Only that pair is revoked: should the lost answer turn up and be used later, that use is a
    revoked token presented, and ends the whole session then.
    """
    conn.execute(
        update(db.refresh_tokens)
        .where(db.refresh_tokens.c.token_hash == spent.successor)
        .values(revoked=True)
    )
    conn.execute(
        update(db.access_tokens)
        .where(db.access_tokens.c.token_hash == spent.successor_access)
        .values(revoked=True)
    )
    audit.record(
        conn,
        "refresh",
        actor=spent.username,
        at=at,
        address=address,
        detail={"family": spent.family, "reason": "lost_answer_retried"},
    )
    return _succeed(conn, spent, at)


def _refuse(conn: Connection, row: Any, at: datetime, address: str, event: str) -> NoReturn:
    """End the whole family and say so in the audit log (``token_reuse`` or ``refresh``)."""
    revoke_family(conn, row.family)
    audit.record(
        conn,
        event,
        actor=row.username,
        at=at,
        address=address,
        outcome="refused",
        detail={"family": row.family},
    )
    raise AuthError("token_revoked")


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
    token_hash: str = ""
    first_use: bool = False  # never presented before: see mark_used


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
    return Bearer(row.username, row.family, row.token_hash, row.first_used_at is None)


def mark_used(conn: Connection, bearer: Bearer, at: datetime) -> None:
    """Note an access token's first use (once per token): the answer that carried it arrived,
    so a retry of the refresh that made it is no lost answer (see :func:`_lost_answer`)."""
    conn.execute(
        update(db.access_tokens)
        .where(
            db.access_tokens.c.token_hash == bearer.token_hash,
            db.access_tokens.c.first_used_at.is_(None),
        )
        .values(first_used_at=at)
    )


def purge_expired(conn: Connection, at: datetime) -> None:
    """Housekeeping: forget tokens nobody can use any more."""
    conn.execute(delete(db.access_tokens).where(db.access_tokens.c.expires_at < at))
    conn.execute(delete(db.refresh_tokens).where(db.refresh_tokens.c.expires_at < at))
