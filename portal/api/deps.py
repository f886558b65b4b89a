"""What every route needs: the database, the clock, the client's address, the caller.

The caller's password must be current: when it is older than the maximum age or was reset by
an administrator, every authenticated call but :data:`OPEN_WHILE_EXPIRED` answers 403
``password_change_required`` and the client leads the person through the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from desktop.models import User
from portal.board import accounts
from portal.board.directory import load_user
from portal.board.passwords import password_age
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


def current_caller(request: Request) -> Caller:
    token = bearer_token(request)
    unauthenticated = ProblemError(
        401,
        "unauthenticated",
        "A valid access token is needed (Authorization: Bearer …).",
        headers={"WWW-Authenticate": "Bearer"},
    )
    if token is None:
        raise unauthenticated
    engine = engine_of(request)
    with reading(engine) as conn:
        now = now_of(request)
        bearer = accounts.authenticate(conn, token, now)
        if bearer is None:
            raise unauthenticated
        if request.url.path not in OPEN_WHILE_EXPIRED:
            age = password_age(conn, bearer.username, now)
            if age.change_required:
                raise change_required("reset" if age.must_change else "expired")
        caller = Caller(load_user(conn, bearer.username), bearer.family)
    if bearer.first_use:  # once per access token (every 15 minutes or so per client)
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
