"""Sessions: log in, refresh (rotation), log out, change password, and ``/me``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Response

from portal.api.deps import AddressDep, CallerDep, EngineDep, NowDep
from portal.api.models import Credentials, PasswordChange, RefreshRequest
from portal.board import accounts, audit
from portal.board.directory import get_site, grant_dict, list_grants, set_password, user_row
from portal.board.passwords import check_new_password, max_age_days, password_age
from portal.board.problems import ProblemError
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1", tags=["sessions"])


def _auth_problem(error: accounts.AuthError) -> ProblemError:
    if error.code == "locked_out":
        return ProblemError(
            429,
            "locked_out",
            "Too many failed logins; try again later.",
            headers={"Retry-After": str(error.retry_after or 60)},
            errors=[
                {
                    "code": "locked_out",
                    "field": "username",
                    "vi": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.",
                    "en": "Too many failed logins. Please try again later.",
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


@router.post("/auth/token")
def token(body: Credentials, engine: EngineDep, now: NowDep, address: AddressDep) -> dict[str, Any]:
    failure: accounts.AuthError | None = None
    with writing(engine) as conn:  # a failure is recorded, so it must commit
        try:
            session = accounts.login(conn, body.username, body.password, now, address)
        except accounts.AuthError as error:
            failure = error
    if failure is not None:
        raise _auth_problem(failure)
    return _session(engine, session, now)


@router.post("/auth/refresh")
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
def change_password(
    body: PasswordChange, caller: CallerDep, engine: EngineDep, now: NowDep, address: AddressDep
) -> Response:
    """Change one's own password: the current one first, then the policy, then the history."""
    failure: accounts.AuthError | None = None
    with writing(engine) as conn:
        try:
            accounts.check_password(conn, caller.username, body.current_password, now, address)
        except accounts.AuthError as error:
            failure = error
            audit.record(
                conn,
                "password_change",
                actor=caller.username,
                at=now,
                address=address,
                outcome="failed",
                detail={"reason": error.code},
            )
    if failure is not None:
        if failure.code == "locked_out":
            raise _auth_problem(failure)
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
    with writing(engine) as conn:
        problems = check_new_password(conn, caller.username, body.new_password)
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
        else:
            set_password(conn, caller.username, body.new_password, now)
            accounts.revoke_other_sessions(conn, caller.username, caller.family)
            audit.record(conn, "password_change", actor=caller.username, at=now, address=address)
    if problems:
        raise ProblemError(
            422, "weak_password", "The new password does not meet the policy.", errors=problems
        )
    return Response(status_code=204)


@router.get("/me")
def me(caller: CallerDep, engine: EngineDep, now: NowDep) -> dict[str, Any]:
    with reading(engine) as conn:
        return me_dict(conn, caller.username, now)
