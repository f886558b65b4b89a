"""Sessions: log in, refresh (rotation), log out, change password, and ``/me``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from portal import accounts
from portal.api.deps import CallerDep, EngineDep, NowDep
from portal.api.models import Credentials, PasswordChange, RefreshRequest
from portal.board import get_site, grant_dict, list_grants, set_password, user_row, utc
from portal.db import reading, writing
from portal.passwords import policy_problems
from portal.problems import ProblemError

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


def me_dict(conn: Any, username: str) -> dict[str, Any]:
    from portal.board import load_user

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
    changed = utc(row.password_changed_at)
    return {
        "username": username,
        "full_name": row.full_name,
        "sites": sites,
        "grants": [grant_dict(g) for g in list_grants(conn, grantee=username)],
        "password_changed_at": changed.isoformat() if changed else None,
        "must_change_password": bool(row.must_change_password),
    }


def _session(engine: Any, session: accounts.Session) -> dict[str, Any]:
    with reading(engine) as conn:
        return {**session.to_dict(), "user": me_dict(conn, session.username)}


@router.post("/auth/token")
def token(body: Credentials, engine: EngineDep, now: NowDep) -> dict[str, Any]:
    failure: accounts.AuthError | None = None
    with writing(engine) as conn:  # a failure is recorded, so it must commit
        try:
            session = accounts.login(conn, body.username, body.password, now)
        except accounts.AuthError as error:
            failure = error
    if failure is not None:
        raise _auth_problem(failure)
    return _session(engine, session)


@router.post("/auth/refresh")
def refresh(body: RefreshRequest, engine: EngineDep, now: NowDep) -> dict[str, Any]:
    failure: accounts.AuthError | None = None
    with writing(engine) as conn:  # a revoked family must stay revoked
        try:
            session = accounts.refresh(conn, body.refresh_token, now)
        except accounts.AuthError as error:
            failure = error
    if failure is not None:
        raise _auth_problem(failure)
    return _session(engine, session)


@router.post("/auth/logout", status_code=204)
def logout(body: RefreshRequest, engine: EngineDep) -> Response:
    """Holding the refresh token is enough to end its session (no access token needed)."""
    with writing(engine) as conn:
        accounts.logout(conn, body.refresh_token)
    return Response(status_code=204)


@router.post("/auth/password", status_code=204)
def change_password(
    body: PasswordChange, caller: CallerDep, engine: EngineDep, now: NowDep
) -> Response:
    failure: accounts.AuthError | None = None
    with writing(engine) as conn:
        try:
            accounts.check_password(conn, caller.username, body.current_password, now)
        except accounts.AuthError as error:
            failure = error
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
        row = user_row(conn, caller.username)
        problems = policy_problems(
            body.new_password, caller.username, row.password_hash, row.full_name
        )
        if problems:
            raise ProblemError(
                422, "weak_password", "The new password does not meet the policy.", errors=problems
            )
        set_password(conn, caller.username, body.new_password, now)
        accounts.revoke_other_sessions(conn, caller.username, caller.family)
    return Response(status_code=204)


@router.get("/me")
def me(caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        return me_dict(conn, caller.username)
