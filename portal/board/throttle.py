"""Throttling of wrong passwords that a stranger cannot turn against the account's owner.

The first version locked an account for 15 minutes after 5 failures from anywhere: anyone who
knew the head's account name could keep him out, from every address, again and again. Now
(NIST SP 800-63B §5.2.2, OWASP's authentication cheat sheet) failures count in four scopes,
and each attempt is checked only against the scopes it belongs to:

============== ============================================ ==============================
scope          counts                                       then
============== ============================================ ==============================
``pair``       failures for one account from one address    5 in 15 minutes: that address
               (without a session)                          waits for that account
``address``    failures from one address, any account       30 in 15 minutes: that address
               (without a session)                          waits
``account``    failures for one account from anywhere       beyond 20 in 24 hours, each
               (without a session)                          next try waits 1, 2, 4 … s
                                                            after the last failure, at most
                                                            :data:`MAX_DELAY`: online
                                                            guessing stays bounded (about
                                                            300 a day) with no hard lock
``session``    failures by one session (token family):      beyond 5 in 24 hours, growing
               a login that presents the account's live     delays as above, for that
               refresh token, or a password change          session only
============== ============================================ ==============================

A device holding a live session of the account (the desktop client presents its refresh token
when it logs in again) is checked in the ``session`` scope only: failures from elsewhere never
delay it. A password change (``POST /auth/password``) is always made by a session, so its
failures, even with a stolen access token, only ever slow that session.

Every attempt is *reserved* as a failure before the password is verified (outside any write
transaction: portal.api.auth) and released when it proves right, so parallel guesses count
before they are checked and cannot slip past a limit together.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, delete, func, insert, select
from sqlalchemy.engine import Connection

from portal import db
from portal.board.directory import utc

WINDOW = timedelta(minutes=15)
PAIR_LIMIT = 5
ADDRESS_LIMIT = 30
GROWING_WINDOW = timedelta(hours=24)
ACCOUNT_FREE = 20
SESSION_FREE = 5
MAX_DELAY = 300  # seconds

SCOPES = ("pair", "address", "account", "session")
_t = db.login_failures


@dataclass(frozen=True, slots=True)
class Attempt:
    """Who tries a password: the account, the client's address, and the session it holds."""

    username: str
    address: str = ""
    family: str | None = None


@dataclass(frozen=True, slots=True)
class Wait:
    """How long the attempt must wait, and the scope that says so."""

    seconds: int
    scope: str


def delay_after(failures: int, free: int) -> int:
    """Seconds to wait after the last of ``failures``: none up to ``free``, then 1, 2, 4 …"""
    if failures < free:
        return 0
    return min(MAX_DELAY, 2 ** min(failures - free, 20))


def _hard(conn: Connection, where: Any, limit: int, at: datetime) -> int:
    """Seconds until the oldest of the last ``limit`` failures leaves the window (0: none)."""
    recent = conn.execute(
        select(_t.c.at)
        .where(and_(where, _t.c.at > at - WINDOW))
        .order_by(_t.c.at.desc())
        .limit(limit)
    ).all()
    if len(recent) < limit:
        return 0
    oldest = utc(recent[-1].at)
    assert oldest is not None
    return max(1, int((oldest + WINDOW - at).total_seconds()) + 1)


def _growing(conn: Connection, where: Any, free: int, at: datetime) -> int:
    count, last = conn.execute(
        select(func.count(), func.max(_t.c.at)).where(and_(where, _t.c.at > at - GROWING_WINDOW))
    ).one()
    delay = delay_after(int(count), free)
    if not delay or last is None:
        return 0
    latest = utc(last)
    assert latest is not None
    left = (latest + timedelta(seconds=delay) - at).total_seconds()
    return math.ceil(left) if left > 0 else 0


def wait_for(conn: Connection, attempt: Attempt, at: datetime) -> Wait | None:
    """Whether ``attempt`` must wait now, and for how long (the longest scope wins)."""
    if attempt.family is not None:
        scoped = [("session", _growing(conn, _t.c.family == attempt.family, SESSION_FREE, at))]
    else:
        anonymous = _t.c.family.is_(None)
        account = and_(_t.c.username == attempt.username, anonymous)
        scoped = [("account", _growing(conn, account, ACCOUNT_FREE, at))]
        if attempt.address:
            pair = and_(account, _t.c.address == attempt.address)
            scoped.append(("pair", _hard(conn, pair, PAIR_LIMIT, at)))
            address = and_(_t.c.address == attempt.address, anonymous)
            scoped.append(("address", _hard(conn, address, ADDRESS_LIMIT, at)))
    scope, seconds = max(scoped, key=lambda found: found[1])
    return Wait(seconds, scope) if seconds > 0 else None


def reserve(conn: Connection, attempt: Attempt, at: datetime) -> int:
    """Count the attempt as a failure now (released by :func:`release` if it proves right)."""
    result = conn.execute(
        insert(_t).values(
            username=attempt.username[:200],
            at=at,
            address=attempt.address[:64] or None,
            family=attempt.family,
        )
    )
    primary = result.inserted_primary_key
    assert primary is not None
    conn.execute(delete(_t).where(_t.c.at < at - GROWING_WINDOW - WINDOW))
    return int(primary[0])


def release(conn: Connection, reservation: int, attempt: Attempt) -> None:
    """The password was right: forget this attempt and the failures of its own scope (this
    address's for this account, or this session's), not the others'."""
    conn.execute(delete(_t).where(_t.c.id == reservation))
    if attempt.family is not None:
        conn.execute(delete(_t).where(_t.c.family == attempt.family))
        return
    address = attempt.address[:64]
    same_address = _t.c.address == address if address else _t.c.address.is_(None)
    conn.execute(
        delete(_t).where(_t.c.username == attempt.username, _t.c.family.is_(None), same_address)
    )
