"""Seed an empty portal with the demo content, through the same service functions as the API.

Every demo item walks its workflow path step by step (create, then each action by its actor),
so its versions, step records and comments are real history, dated over the last few weeks.
"""

from __future__ import annotations

import importlib
import uuid
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, func, select

from desktop.models import Category, CategoryKind, DeadlineFrom, DeadlineRule, Role, Step
from portal import db
from portal.board import directory as board
from portal.board import service

#: Demo item ids are stable, so a rebuilt demo gives the same addresses.
DEMO_NAMESPACE = uuid.UUID("6f1c3d52-9a1e-4c1b-8d7e-2b5a0c9e4d10")


def is_empty(engine: Engine) -> bool:
    with db.reading(engine) as conn:
        return _is_empty(conn)


def _is_empty(conn: Any) -> bool:
    return not conn.execute(select(func.count()).select_from(db.sites)).scalar_one()


def seed_demo(engine: Engine, content: Any = None, now: datetime | None = None) -> bool:
    """Fill an empty database with the demo; returns False (and does nothing) if not empty.

    One transaction under a database lock: two server processes starting at once on one empty
    database seed it once (the second waits, then finds it full).
    """
    if content is None:
        content = importlib.import_module("portal.demo.content")
    if not is_empty(engine):
        return False
    now = now or datetime.now(UTC)
    items: list[dict[str, Any]] = list(content.ITEMS)
    start = (now - timedelta(days=len(items) + 2)).replace(
        hour=1, minute=0, second=0, microsecond=0
    )
    site = content.SITE["id"]
    with db.writing(engine) as conn:
        db.lock(conn, "portal:seed-demo")
        if not _is_empty(conn):
            return False
        _seed_board(conn, content, start, now)
        _seed_files(conn, content, start)  # the items' files (issue 6: legal documents)
        for index, spec in enumerate(items):
            _seed_item(conn, site, index, spec, start + timedelta(days=index + 1))
        if getattr(content, "WITH_CITIZENS", False):  # issue 18: questions and comments
            from portal.demo.questions import seed_citizens

            seed_citizens(conn, site, now, _seed_item)
        _seed_templates(conn, site, start)  # issue 20
    return True


def _seed_templates(conn: Any, site: str, at: datetime) -> None:
    from portal.board.templates import set_template
    from portal.demo.templates import TEMPLATES

    known = board.category_ids(conn, site)
    for category, template in TEMPLATES.items():
        if category in known:
            set_template(conn, site, category, template, "portal-server", at)


def _seed_board(conn: Any, content: ModuleType, start: datetime, now: datetime) -> None:
    site = content.SITE["id"]
    board.add_site(conn, site, content.SITE["name"], dict(content.SITE.get("settings") or {}))
    for user in content.USERS:
        board.add_user(conn, user["username"], user["full_name"], content.DEMO_PASSWORD, start)
        for role in user["roles"]:
            board.set_role(conn, user["username"], site, Role(role))
    for position, cat in enumerate(content.CATEGORIES):
        deadline = cat.get("deadline")
        board.add_category(
            conn,
            Category(
                id=cat["id"],
                site=site,
                name=cat["name"],
                kind=CategoryKind(cat.get("kind", "free")),
                unit=cat.get("unit", ""),
                deadline=(
                    DeadlineRule(int(deadline["days"]), DeadlineFrom(deadline["from"]))
                    if deadline
                    else None
                ),
                position=int(cat.get("position", position)),
            ),
        )
    for grant in content.GRANTS:
        board.add_grant(
            conn,
            site=site,
            grantee=grant["grantee"],
            step=Step(grant["step"]),
            granted_by=grant["granted_by"],
            valid_from=start,
            valid_until=now + timedelta(days=int(grant.get("valid_days", 365))),
            categories=grant.get("categories", ()),
            decision_ref=grant.get("decision_ref", ""),
        )


def _seed_files(conn: Any, content: ModuleType, at: datetime) -> None:
    names = getattr(content, "FILE_NAMES", {})
    for sha, (content_type, data) in getattr(content, "FILES", {}).items():
        conn.execute(
            db.blobs.insert().values(
                sha256=sha,
                content_type=content_type,
                size=len(data),
                data=data,
                uploaded_by=content.USERS[0]["username"],
                created_at=at,
                name=names.get(sha),
            )
        )


def _seed_item(conn: Any, site: str, index: int, spec: dict[str, Any], at: datetime) -> None:
    item_id = str(uuid.uuid5(DEMO_NAMESPACE, f"{site}/{index}"))
    author = board.load_user(conn, spec["author"])
    content = dict(spec["content"])
    if "translation_of_index" in spec:  # demo ids are made here, so the link is by position
        content["translation_of"] = str(
            uuid.uuid5(DEMO_NAMESPACE, f"{site}/{spec['translation_of_index']}")
        )
    service.create_item(conn, author, item_id, site, content, at)
    for step, (action, actor, comment) in enumerate(spec.get("path", ()), start=1):
        user = board.load_user(conn, actor)
        service.do_action(
            conn, user, item_id, action, at + timedelta(hours=2 * step), comment=comment or ""
        )
    for offset, (who, text) in enumerate(spec.get("comments", ()), start=1):
        user = board.load_user(conn, who)
        service.add_comment(conn, user, item_id, text, at + timedelta(hours=20, minutes=offset))
