"""What every route needs: the database, the clock, and the authenticated caller."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine

from desktop.models import User
from portal import accounts
from portal.board import load_user
from portal.db import reading
from portal.problems import ProblemError


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
    with reading(engine_of(request)) as conn:
        bearer = accounts.authenticate(conn, token, now_of(request))
        if bearer is None:
            raise unauthenticated
        return Caller(load_user(conn, bearer.username), bearer.family)


EngineDep = Annotated[Engine, Depends(engine_of)]
NowDep = Annotated[datetime, Depends(now_of)]
CallerDep = Annotated[Caller, Depends(current_caller)]
