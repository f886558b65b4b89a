"""Daily operations' routes (issue 20; docs/api.md "Templates" and "E-mail notices").

- ``GET /api/v1/sites/{site}/templates``: each section's template (whoever has a role there);
- ``PUT|DELETE /api/v1/sites/{site}/templates/{category}``: set or remove one (the site's
  administrators; audited);
- ``GET|PUT /api/v1/me/notices``: my e-mail notices: the address the administrator set, my
  language, and whether I opted out (``{"email": false}``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import Field, StrictBool, StrictStr

from desktop.models import Role
from portal.api.deps import AddressDep, CallerDep, EngineDep, NowDep
from portal.api.models import Body
from portal.board import audit, mail, templates
from portal.board import directory as board
from portal.board.directory import BoardError
from portal.board.problems import ProblemError, invalid, not_found
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1", tags=["operations"])

Name = Annotated[str, Path(min_length=1, max_length=64)]


class TemplateBody(Body):
    title: StrictStr | None = None
    summary: StrictStr | None = None
    body: StrictStr | None = None
    metadata: dict[str, Any] | None = None
    author: StrictStr | None = None
    unit: StrictStr | None = None
    language: StrictStr | None = None


class NoticesBody(Body):
    email: StrictBool
    language: StrictStr | None = Field(default=None, pattern="^(vi|en)$")


@router.get("/sites/{site}/templates")
def site_templates(site: Name, caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        if board.get_site(conn, site) is None or not caller.user.roles_on(site):
            raise not_found("site")
        return {"templates": templates.list_templates(conn, site)}


def _admin(conn: Any, caller: Any, site: str) -> None:
    if board.get_site(conn, site) is None or not caller.user.roles_on(site):
        raise not_found("site")
    if Role.ADMIN not in caller.user.roles_on(site):
        raise ProblemError(
            403,
            "forbidden",
            "Only the site's administrators set templates.",
            errors=[
                {
                    "code": "admin_only",
                    "field": "site",
                    "vi": "Chỉ quản trị của trang được đặt mẫu tin.",
                    "en": "Only the site's administrators set templates.",
                }
            ],
        )


@router.put("/sites/{site}/templates/{category}")
def put_template(
    site: Name,
    category: Name,
    body: TemplateBody,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> dict[str, Any]:
    content = body.model_dump(exclude_none=True)
    with writing(engine) as conn:
        _admin(conn, caller, site)
        try:
            templates.set_template(conn, site, category, content, caller.username, now)
        except BoardError as error:
            raise invalid("template", str(error)) from None
        audit.record(
            conn,
            "template",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            action="set",
            detail={"category": category},
        )
    return {"category": category, "template": content}


@router.delete("/sites/{site}/templates/{category}", status_code=204)
def delete_template(
    site: Name,
    category: Name,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> None:
    with writing(engine) as conn:
        _admin(conn, caller, site)
        if not templates.remove_template(conn, site, category):
            raise not_found("template")
        audit.record(
            conn,
            "template",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            action="remove",
            detail={"category": category},
        )


@router.get("/me/notices")
def my_notices(caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with reading(engine) as conn:
        setting = mail.mail_setting(conn, caller.username)
    return {
        "address": setting["address"],
        "language": setting["language"],
        "email": not setting["opted_out"],
    }


@router.put("/me/notices")
def set_my_notices(body: NoticesBody, caller: CallerDep, engine: EngineDep) -> dict[str, Any]:
    with writing(engine) as conn:
        mail.set_opt_out(conn, caller.username, not body.email)
        if body.language is not None:
            current = mail.mail_setting(conn, caller.username)
            mail.set_email(conn, caller.username, current["address"], body.language)
        setting = mail.mail_setting(conn, caller.username)
    return {
        "address": setting["address"],
        "language": setting["language"],
        "email": not setting["opted_out"],
    }
