"""Sessions: log in, refresh (rotation), log out, change password, and ``/me``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import anyio
from fastapi import APIRouter, Response

from portal.api.deps import AddressDep, CallerDep, EngineDep, NowDep
from portal.api.models import Credentials, PasswordChange, RefreshRequest
from portal.api.openapi import MeOut, TokenOut, answer
from portal.board import accounts, audit, throttle
from portal.board.directory import get_site, grant_dict, list_grants, set_password, user_row
from portal.board.passwords import (
    PasswordContext,
    hash_password,
    in_hash_pool,
    max_age_days,
    new_password_problems,
    password_age,
    password_context,
    recent_hashes,
    verify_password,
)
from portal.board.problems import ProblemError
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1", tags=["sessions"])
T = TypeVar("T")


#: Why an attempt must wait, per scope of portal.board.throttle: (Vietnamese, English).
_WAIT_REASONS = {
    "pair": (
        "Đăng nhập sai quá nhiều lần từ địa chỉ này.",
        "Too many wrong passwords for this account from this address.",
    ),
    "address": (
        "Quá nhiều lần đăng nhập sai từ địa chỉ này.",
        "Too many wrong passwords from this address.",
    ),
    "account": (
        "Tài khoản này vừa bị thử mật khẩu sai nhiều lần. "
        "Máy đang đăng nhập sẵn không bị ảnh hưởng.",
        "This account has had many wrong passwords lately. A device that is signed in already "
        "is not affected.",
    ),
    "session": (
        "Nhập sai mật khẩu nhiều lần trong phiên này.",
        "Too many wrong passwords in this session.",
    ),
}


def _auth_problem(error: accounts.AuthError) -> ProblemError:
    if error.code == "locked_out":
        seconds = error.retry_after or 60
        vi, en = _WAIT_REASONS.get(error.scope, _WAIT_REASONS["pair"])
        return ProblemError(
            429,
            "locked_out",
            f"{en} Try again in {seconds} s.",
            headers={"Retry-After": str(seconds)},
            errors=[
                {
                    "code": "locked_out",
                    "field": "username",
                    "scope": error.scope or "pair",
                    "retry_after": seconds,
                    "vi": f"{vi} Vui lòng thử lại sau {seconds} giây.",
                    "en": f"{en} Please try again in {seconds} seconds.",
                }
            ],
        )
    if error.code == "bad_credentials":
        return ProblemError(
            401,
            "bad_credentials",
            "Wrong username or password.",
            errors=[
                {
                    "code": "bad_credentials",
                    "field": "password",
                    "vi": "Sai tên đăng nhập hoặc mật khẩu.",
                    "en": "Wrong username or password.",
                }
            ],
        )
    if error.code == "token_revoked":
        return ProblemError(401, "token_revoked", "This session was revoked; log in again.")
    return ProblemError(401, "unauthenticated", "The token is unknown or expired; log in again.")


def me_dict(conn: Any, username: str, now: datetime | None = None) -> dict[str, Any]:
    """The caller: roles per site, grants, and the password's age (``password_expires_at``,
    ``password_expired``, ``must_change_password``: when either holds, only the change works)."""
    from portal.board.directory import load_user

    user = load_user(conn, username)
    row = user_row(conn, username)
    sites: dict[str, Any] = {}
    for site_id, roles in sorted(user.roles.items()):
        site = get_site(conn, site_id) or {"name": site_id, "settings": {}}
        sites[site_id] = {
            "name": site["name"],
            "roles": sorted(role.value for role in roles),
            "settings": site["settings"],
        }
    age = password_age(conn, username, now or datetime.now(UTC))
    return {
        "username": username,
        "full_name": row.full_name,
        "sites": sites,
        "grants": [grant_dict(g) for g in list_grants(conn, grantee=username)],
        **age.to_dict(),
        "password_max_age_days": max_age_days(conn, username),
    }


def _session(engine: Any, session: accounts.Session, now: datetime) -> dict[str, Any]:
    with reading(engine) as conn:
        return {**session.to_dict(), "user": me_dict(conn, session.username, now)}


async def _in_thread(work: Callable[[], T]) -> T:
    return await anyio.to_thread.run_sync(work)


def _begin(
    engine: Any, attempt: throttle.Attempt, now: datetime, event: str
) -> accounts.Pending | accounts.AuthError:
    """Check and count the attempt in a short transaction of its own (committed even when it
    is refused, so that the refusal stays audited)."""
    with writing(engine) as conn:
        try:
            return accounts.begin_attempt(conn, attempt, now, event)
        except accounts.AuthError as error:
            return error


def _settle(
    engine: Any, pending: accounts.Pending, verified: bool, now: datetime, event: str
) -> bool:
    with writing(engine) as conn:
        return accounts.settle_attempt(conn, pending, verified, now, event)


@router.post("/auth/token", response_model=None, responses={200: answer(TokenOut)})
async def token(
    body: Credentials, engine: EngineDep, now: NowDep, address: AddressDep
) -> dict[str, Any]:
    """Log in. The password is verified between two short transactions, on the small hashing
    pool (portal.board.passwords.in_hash_pool): a storm of logins never holds a writer."""

    def begin() -> accounts.Pending | accounts.AuthError:
        with reading(engine) as conn:
            family = accounts.session_of(conn, body.username, body.refresh_token, now)
        return _begin(engine, throttle.Attempt(body.username, address, family), now, "login")

    pending = await _in_thread(begin)
    if isinstance(pending, accounts.AuthError):
        raise _auth_problem(pending)
    verified = await in_hash_pool(verify_password, pending.password_hash, body.password)

    def settle() -> accounts.Session | None:
        with writing(engine) as conn:
            if not accounts.settle_attempt(conn, pending, verified, now, "login"):
                return None
            return accounts.open_session(conn, pending, now)

    session = await _in_thread(settle)
    if session is None:
        raise _auth_problem(accounts.AuthError("bad_credentials"))
    return await _in_thread(lambda: _session(engine, session, now))


@router.post("/auth/refresh", response_model=None, responses={200: answer(TokenOut)})
def refresh(
    body: RefreshRequest, engine: EngineDep, now: NowDep, address: AddressDep
) -> dict[str, Any]:
    failure: accounts.AuthError | None = None
    with writing(engine) as conn:  # a revoked family must stay revoked
        try:
            session = accounts.refresh(conn, body.refresh_token, now, address)
        except accounts.AuthError as error:
            failure = error
    if failure is not None:
        raise _auth_problem(failure)
    return _session(engine, session, now)


@router.post("/auth/logout", status_code=204)
def logout(body: RefreshRequest, engine: EngineDep, now: NowDep, address: AddressDep) -> Response:
    """Holding the refresh token is enough to end its session (no access token needed)."""
    with writing(engine) as conn:
        accounts.logout(conn, body.refresh_token, now, address)
    return Response(status_code=204)


@router.post("/auth/password", status_code=204)
async def change_password(
    body: PasswordChange, caller: CallerDep, engine: EngineDep, now: NowDep, address: AddressDep
) -> Response:
    """Change one's own password: the current one first, then the policy, then the history.

    A wrong current password counts against the caller's session only (the ``session`` scope
    of portal.board.throttle): a stolen access token cannot delay anyone else. Every hash and
    verification runs on the hashing pool with no transaction open.
    """
    attempt = throttle.Attempt(caller.username, address, caller.family)
    pending = await _in_thread(lambda: _begin(engine, attempt, now, "password_change"))
    if isinstance(pending, accounts.AuthError):
        raise _auth_problem(pending)
    verified = await in_hash_pool(verify_password, pending.password_hash, body.current_password)
    if not await _in_thread(lambda: _settle(engine, pending, verified, now, "password_change")):
        raise ProblemError(
            403,
            "bad_credentials",
            "The current password is wrong.",
            errors=[
                {
                    "code": "bad_credentials",
                    "field": "current_password",
                    "vi": "Mật khẩu hiện tại không đúng.",
                    "en": "The current password is wrong.",
                }
            ],
        )

    def context() -> tuple[PasswordContext, list[str]]:
        with reading(engine) as conn:
            return password_context(conn, caller.username), recent_hashes(conn, caller.username)

    known, recent = await _in_thread(context)
    problems = await in_hash_pool(new_password_problems, body.new_password, known, recent)
    new_hash = None if problems else await in_hash_pool(hash_password, body.new_password)

    def store() -> None:
        with writing(engine) as conn:
            if problems:
                audit.record(
                    conn,
                    "password_change",
                    actor=caller.username,
                    at=now,
                    address=address,
                    outcome="refused",
                    detail={"reasons": [p.code for p in problems]},
                )
                return
            set_password(conn, caller.username, None, now, password_hash=new_hash)
            accounts.revoke_other_sessions(conn, caller.username, caller.family)
            audit.record(conn, "password_change", actor=caller.username, at=now, address=address)

    await _in_thread(store)
    if problems:
        raise ProblemError(
            422, "weak_password", "The new password does not meet the policy.", errors=problems
        )
    return Response(status_code=204)


@router.get("/me", response_model=None, responses={200: answer(MeOut)})
def me(caller: CallerDep, engine: EngineDep, now: NowDep) -> dict[str, Any]:
    with reading(engine) as conn:
        return me_dict(conn, caller.username, now)
