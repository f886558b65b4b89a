"""Publishing targets of a site (an agency's WordPress, …) and the item → remote post mapping.

The approver's client pushes an approved item to each target itself (the application password
never reaches the portal). What the portal keeps is what makes it exactly once across clients:
a *publication* row per (item, target), claimed with ``If-None-Match: *`` before the remote post
is created, then updated with ``If-Match`` to record the post id and URL. A second approver's
client that finds the row claimed never creates a second post.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import orjson
from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection

from desktop.models import Item, Step, User
from desktop.models.workflow import step_authority
from portal import db
from portal.board import directory as board
from portal.board.directory import BoardError, utc
from portal.board.problems import ProblemError, invalid, not_found

KINDS = ("wordpress",)
TAKEDOWN = ("draft", "trash")
STATUSES = ("claimed", "published", "taken_down")

publish_targets = Table(
    "publish_targets",
    db.metadata,
    Column("id", String(64), primary_key=True),
    Column("site", String(64), ForeignKey("sites.id"), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("url", Text, nullable=False),
    Column("settings", Text, nullable=False),  # JSON: category_map, create_categories, takedown
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_publish_targets_site", "site"),
)

publications = Table(
    "publications",
    db.metadata,
    Column("item_id", String(64), ForeignKey("items.id"), primary_key=True),
    Column("target", String(64), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("remote_id", String(64)),
    Column("url", Text, nullable=False),
    Column("claim", String(64), nullable=False),
    Column("claimed_by", String(64), nullable=False),
    Column("claimed_at", DateTime(timezone=True), nullable=False),
    Column("item_version", Integer, nullable=False),
    Column("reason", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


# --- targets (administrator) -----------------------------------------------------------------


def parse_category_map(text: str | None) -> dict[str, str]:
    """``local=remote,local2=remote2`` → a dict; the remote side is a WordPress category name."""
    found: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        local, sep, remote = part.partition("=")
        if not sep or not local.strip() or not remote.strip():
            raise BoardError("invalid", f"category map entry {part!r} is not local=remote")
        found[local.strip()] = remote.strip()
    return found


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BoardError("invalid", "the target URL must start with https://")
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme == "http" and not loopback:
        raise BoardError("invalid", "plain http:// is only allowed on loopback; use https://")
    return url.strip().rstrip("/")


def _default_id(conn: Connection, kind: str, url: str) -> str:
    host = urlsplit(url).hostname or "site"
    stem = re.sub(r"[^a-z0-9]+", "-", f"{kind}-{host}".lower()).strip("-")[:56]
    candidate, n = stem, 1
    while get_target(conn, candidate) is not None:
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def add_target(
    conn: Connection,
    *,
    site: str,
    kind: str,
    url: str,
    at: datetime,
    target_id: str | None = None,
    category_map: dict[str, str] | None = None,
    create_categories: bool = False,
    takedown: str = "draft",
) -> dict[str, Any]:
    if board.get_site(conn, site) is None:
        raise BoardError("not_found", f"No site {site!r}.")
    if kind not in KINDS:
        raise BoardError("invalid", f"kind must be one of: {', '.join(KINDS)}")
    if takedown not in TAKEDOWN:
        raise BoardError("invalid", "takedown must be draft or trash")
    url = check_url(url)
    target_id = target_id or _default_id(conn, kind, url)
    if not _ID.match(target_id):
        raise BoardError("invalid", "a target id is lower-case letters, digits and dashes")
    if get_target(conn, target_id) is not None:
        raise BoardError("exists", f"The target {target_id!r} already exists.")
    unknown = set(category_map or {}) - board.category_ids(conn, site)
    if unknown:
        raise BoardError("invalid", f"unknown categories of {site}: {', '.join(sorted(unknown))}")
    settings = {
        "category_map": dict(category_map or {}),
        "create_categories": bool(create_categories),
        "takedown": takedown,
    }
    conn.execute(
        insert(publish_targets).values(
            id=target_id,
            site=site,
            kind=kind,
            url=url,
            settings=orjson.dumps(settings).decode(),
            created_at=at,
        )
    )
    found = get_target(conn, target_id)
    assert found is not None
    return found


def _target_dict(row: Any) -> dict[str, Any]:
    settings = orjson.loads(row.settings)
    return {
        "id": row.id,
        "site": row.site,
        "kind": row.kind,
        "url": row.url,
        "category_map": settings.get("category_map", {}),
        "create_categories": bool(settings.get("create_categories", False)),
        "takedown": settings.get("takedown", "draft"),
        "created_at": utc(row.created_at).isoformat(),  # type: ignore[union-attr]
    }


def get_target(conn: Connection, target_id: str) -> dict[str, Any] | None:
    row = conn.execute(select(publish_targets).where(publish_targets.c.id == target_id)).first()
    return _target_dict(row) if row is not None else None


def list_targets(conn: Connection, site: str | None = None) -> list[dict[str, Any]]:
    query = select(publish_targets).order_by(publish_targets.c.site, publish_targets.c.id)
    if site is not None:
        query = query.where(publish_targets.c.site == site)
    return [_target_dict(row) for row in conn.execute(query)]


def remove_target(conn: Connection, target_id: str) -> None:
    """Forget a target; its publications stay (the remote posts still exist)."""
    if get_target(conn, target_id) is None:
        raise BoardError("not_found", f"No target {target_id!r}.")
    conn.execute(delete(publish_targets).where(publish_targets.c.id == target_id))


# --- publications (the approver's client) ----------------------------------------------------


def publication_dict(row: Any) -> dict[str, Any]:
    return {
        "item_id": row.item_id,
        "target": row.target,
        "status": row.status,
        "remote_id": row.remote_id,
        "url": row.url,
        "claim": row.claim,
        "claimed_by": row.claimed_by,
        "claimed_at": utc(row.claimed_at).isoformat(),  # type: ignore[union-attr]
        "item_version": row.item_version,
        "reason": row.reason,
        "version": row.version,
        "updated_by": row.updated_by,
        "updated_at": utc(row.updated_at).isoformat(),  # type: ignore[union-attr]
    }


def get_publication(conn: Connection, item_id: str, target: str) -> dict[str, Any] | None:
    row = conn.execute(
        select(publications).where(
            publications.c.item_id == item_id, publications.c.target == target
        )
    ).first()
    return publication_dict(row) if row is not None else None


def list_publications(conn: Connection, item_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        select(publications)
        .where(publications.c.item_id == item_id)
        .order_by(publications.c.target)
    )
    return [publication_dict(row) for row in rows]


def may_publish(conn: Connection, item: Item, user: User, at: datetime) -> bool:
    """Only those who may approve the item (head, or an ``approve`` grantee) push it out."""
    grants = board.list_grants(conn, site=item.site, grantee=user.username)
    may, _on_behalf = step_authority(item, user, grants, Step.APPROVE, at)
    return may


def _body(data: dict[str, Any]) -> dict[str, Any]:
    status = data.get("status", "claimed")
    if status not in STATUSES:
        raise invalid("status", "must be one of: " + ", ".join(STATUSES))
    remote_id = data.get("remote_id")
    if remote_id is not None and (not isinstance(remote_id, str | int) or len(str(remote_id)) > 64):
        raise invalid("remote_id", "must be a short text or number")
    url = data.get("url") or ""
    if not isinstance(url, str) or len(url) > 2000:
        raise invalid("url", "must be text")
    claim = data.get("claim") or secrets.token_hex(8)
    if not isinstance(claim, str) or not 1 <= len(claim) <= 64:
        raise invalid("claim", "must be 1–64 characters")
    version = data.get("item_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise invalid("item_version", "must be a whole number ≥ 0")
    reason = data.get("reason") or ""
    if not isinstance(reason, str) or len(reason) > 4000:
        raise invalid("reason", "must be text")
    return {
        "status": status,
        "remote_id": None if remote_id is None else str(remote_id),
        "url": url,
        "claim": claim,
        "item_version": version,
        "reason": reason,
    }


def put_publication(
    conn: Connection,
    user: User,
    item: Item,
    target_id: str,
    data: dict[str, Any],
    at: datetime,
    *,
    create: bool,
    if_match: int | None,
) -> tuple[dict[str, Any], bool]:
    """Claim (``create``) or update the row; 412 with the current row when the precondition fails.

    Returns the row and whether it was created.
    """
    target = get_target(conn, target_id)
    if target is None or target["site"] != item.site:
        raise not_found("target")
    if not may_publish(conn, item, user, at):
        raise ProblemError(
            403,
            "no_right",
            "Only those who may approve this item publish it to a target.",
            errors=[
                {
                    "code": "no_right",
                    "vi": "Chỉ người có quyền duyệt tin này mới được đăng lên trang ngoài.",
                    "en": "Only those who may approve this item publish it to a target.",
                }
            ],
        )
    db.lock(conn, f"publication:{item.id}:{target_id}")
    current = get_publication(conn, item.id, target_id)
    fields = _body(data)
    if create:
        if current is not None:
            raise _stale(current, "already_claimed", "Another client already claimed it.")
        conn.execute(
            insert(publications).values(
                item_id=item.id,
                target=target_id,
                claimed_by=user.username,
                claimed_at=at,
                version=1,
                updated_by=user.username,
                updated_at=at,
                **fields,
            )
        )
    else:
        if current is None:
            raise not_found("publication")
        if if_match != current["version"]:
            raise _stale(current, "stale_version", "The publication changed meanwhile.")
        values: dict[str, Any] = {
            **fields,
            "version": current["version"] + 1,
            "updated_by": user.username,
            "updated_at": at,
        }
        if fields["claim"] != current["claim"]:  # taking over a claim left behind
            values.update(claimed_by=user.username, claimed_at=at)
        conn.execute(
            update(publications)
            .where(publications.c.item_id == item.id, publications.c.target == target_id)
            .values(**values)
        )
    found = get_publication(conn, item.id, target_id)
    assert found is not None
    return found, create


def _stale(current: dict[str, Any], code: str, detail: str) -> ProblemError:
    return ProblemError(412, code, detail, current=current)
