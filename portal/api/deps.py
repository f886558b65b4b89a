"""What every route needs: the database, the clock, the client's address, the caller.

The caller's password must be current: when it is older than the maximum age or was reset by
an administrator, every authenticated call but :data:`OPEN_WHILE_EXPIRED` answers 403
``password_change_required`` and the client leads the person through the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import Engine, bindparam, select
from sqlalchemy.engine import Connection

from desktop.models import Role, User
from portal import db
from portal.board import accounts
from portal.board.directory import utc
from portal.board.passwords import DEFAULT_MAX_AGE_DAYS, _int, _settings, max_age_days
from portal.board.problems import ProblemError
from portal.db import reading, writing


def engine_of(request: Request) -> Engine:
    return request.app.state.engine


def now_of(request: Request) -> datetime:
    """The app's clock (``app.state.clock``), replaceable in tests to move time."""
    return request.app.state.clock()


@dataclass(frozen=True, slots=True)
class Caller:
    user: User
    family: str

    @property
    def username(self) -> str:
        return self.user.username


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def address_of(request: Request) -> str:
    """The client's address (behind a trusted proxy, the one it forwarded: portal.api.forwarded)."""
    return request.client.host if request.client else ""


#: What a caller whose password must change may still do.
OPEN_WHILE_EXPIRED = frozenset(
    {"/api/v1/me", "/api/v1/auth/password", "/api/v1/auth/logout", "/api/v1/auth/refresh"}
)


def change_required(reason: str) -> ProblemError:
    if reason == "reset":
        vi = "Mật khẩu vừa được quản trị đặt lại: hãy đổi mật khẩu trước khi làm việc tiếp."
        en = "Your password was reset by an administrator: change it before going on."
    else:
        vi = "Mật khẩu đã quá hạn sử dụng: hãy đổi mật khẩu trước khi làm việc tiếp."
        en = "Your password has expired: change it before going on."
    return ProblemError(
        403,
        "password_change_required",
        en,
        errors=[{"code": f"password_{reason}", "field": "password", "vi": vi, "en": en}],
    )


def unauthenticated() -> ProblemError:
    return ProblemError(
        401,
        "unauthenticated",
        "A valid access token is needed (Authorization: Bearer …).",
        headers={"WWW-Authenticate": "Bearer"},
    )


def _caller_statement() -> Any:
    tokens, users, members, sites = db.access_tokens, db.users, db.memberships, db.sites
    return (
        select(
            tokens.c.username,
            tokens.c.family,
            tokens.c.token_hash,
            tokens.c.expires_at,
            tokens.c.revoked,
            tokens.c.first_used_at,
            users.c.disabled,
            users.c.full_name,
            users.c.password_changed_at,
            users.c.must_change_password,
            members.c.site,
            members.c.role,
            sites.c.settings,
        )
        .join(users, users.c.username == tokens.c.username)
        .outerjoin(members, members.c.username == tokens.c.username)
        .outerjoin(sites, sites.c.id == members.c.site)
        .where(tokens.c.token_hash == bindparam("token_hash"))
    )


#: :func:`caller_in`'s query, built once with the token's hash as a parameter (building it per
#: request cost more than running it, issue 21).
_CALLER = _caller_statement()


def caller_in(
    conn: Connection, token: str, now: datetime, path: str
) -> tuple[Caller, accounts.Bearer] | ProblemError:
    """``current_caller`` in one query: the token, its account, the password's age and the
    account's roles with their sites' settings (the password's maximum age)."""
    rows = conn.execute(_CALLER, {"token_hash": accounts.token_hash(token)}).all()
    first = rows[0] if rows else None
    if first is None or first.revoked or first.disabled:
        return unauthenticated()
    expires_at = utc(first.expires_at)
    if expires_at is None or expires_at <= now:
        return unauthenticated()
    if path not in OPEN_WHILE_EXPIRED:
        if first.must_change_password:
            return change_required("reset")
        changed = first.password_changed_at
        if changed is not None:
            if changed.tzinfo is None:  # SQLite gives back naive UTC
                changed = changed.replace(tzinfo=UTC)
            if first.site is None:  # on no site yet: the strictest of every site
                days = max_age_days(conn, first.username)
            else:
                days = min(
                    _int(_settings(row.settings).get("password_max_age_days"), DEFAULT_MAX_AGE_DAYS)
                    for row in rows
                )
            if changed + timedelta(days=days) <= now:
                return change_required("expired")
    roles: dict[str, set[Role]] = {}
    for row in rows:
        if row.site is not None:
            roles.setdefault(row.site, set()).add(Role(row.role))
    user = User(
        username=first.username,
        roles={site: frozenset(r) for site, r in roles.items()},
        full_name=first.full_name,
    )
    bearer = accounts.Bearer(
        first.username, first.family, first.token_hash, first.first_used_at is None
    )
    return Caller(user, first.family), bearer


def current_caller(request: Request) -> Caller:
    """The caller of a read: one query (:func:`caller_in`) in a read transaction; the token's
    first use noted apart, once per access token (every 15 minutes or so per client)."""
    token = bearer_token(request)
    if token is None:
        raise unauthenticated()
    engine = engine_of(request)
    now = now_of(request)
    with reading(engine) as conn:
        found = caller_in(conn, token, now, request.url.path)
    if isinstance(found, ProblemError):
        raise found
    caller, bearer = found
    if bearer.first_use:
        with writing(engine) as conn:
            accounts.mark_used(conn, bearer, now)
    return caller


# The cheap dependencies as coroutines: FastAPI runs a plain function in the thread pool, one
# thread hop each per request (issue 21); these run on the event loop.
async def _engine(request: Request) -> Engine:
    return engine_of(request)


async def _now(request: Request) -> datetime:
    return now_of(request)


async def _address(request: Request) -> str:
    return address_of(request)


EngineDep = Annotated[Engine, Depends(_engine)]
NowDep = Annotated[datetime, Depends(_now)]
CallerDep = Annotated[Caller, Depends(current_caller)]
AddressDep = Annotated[str, Depends(_address)]
