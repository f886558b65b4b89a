"""Sites, people, roles, categories and grants: the editorial board as the portal stores it.

Used alike by the API routes, the command line and the demo seeding.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import and_, bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from desktop.models import (
    Category,
    CategoryKind,
    DeadlineRule,
    Grant,
    Role,
    SiteSettings,
    Step,
    User,
    nfc,
)
from desktop.models.currency import SETTING, check_setting
from portal import db
from portal.board.passwords import (
    SettingRefused,
    check_site_settings,
    hash_password,
    remember_password,
)


class BoardError(ValueError):
    """Something the board cannot do (unknown site, duplicate user…), said plainly."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def utc(value: datetime | None) -> datetime | None:
    """Datetimes come back naive from SQLite: they were stored in UTC."""
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# --- sites -----------------------------------------------------------------------------------


def add_site(
    conn: Connection, site_id: str, name: str, settings: dict[str, Any] | None = None
) -> None:
    if get_site(conn, site_id) is not None:
        raise BoardError("exists", f"The site {site_id!r} already exists.")
    try:
        check_site_settings(settings or {})
    except SettingRefused as refused:
        raise BoardError("refused", f"{refused.en} / {refused.vi}") from None
    merged = {"four_eyes": True, **(settings or {})}
    conn.execute(
        insert(db.sites).values(id=site_id, name=nfc(name), settings=orjson.dumps(merged).decode())
    )


def directory_changed(conn: Connection, site: str) -> None:
    """The site's directory changed in this transaction: its version goes up by one."""
    bumped = conn.execute(
        update(db.directory_versions)
        .where(db.directory_versions.c.site == site)
        .values(version=db.directory_versions.c.version + 1)
    )
    if not bumped.rowcount:
        conn.execute(insert(db.directory_versions).values(site=site, version=1))


#: Statements of the write path and the sync feed, built once with their values as parameters
#: (building them per request cost more than running them, issue 21).
_DIRECTORY_VERSIONS = select(db.directory_versions).where(
    db.directory_versions.c.site.in_(bindparam("sites", expanding=True))
)
_DIRECTORY_VERSION = select(db.directory_versions).where(
    db.directory_versions.c.site == bindparam("site")
)
_GET_SITE = select(db.sites).where(db.sites.c.id == bindparam("site"))
_CATEGORY_IDS = select(db.categories.c.id).where(db.categories.c.site == bindparam("site"))
_GRANTS_OF_SITE = (
    select(db.grants)
    .where(db.grants.c.site == bindparam("site"))
    .order_by(db.grants.c.valid_from, db.grants.c.id)
)


def directory_versions(conn: Connection, sites: Iterable[str]) -> dict[str, int]:
    """The version of each of ``sites``' directories (0: never changed since the upgrade)."""
    wanted = sorted(set(sites))
    found = {site: 0 for site in wanted}
    if not wanted:
        return found
    if len(wanted) == 1:  # most people are on one site: no IN list to expand (issue 21)
        rows = conn.execute(_DIRECTORY_VERSION, {"site": wanted[0]})
    else:
        rows = conn.execute(_DIRECTORY_VERSIONS, {"sites": wanted})
    for row in rows:
        found[row.site] = int(row.version)
    return found


def get_site(conn: Connection, site_id: str) -> dict[str, Any] | None:
    row = conn.execute(_GET_SITE, {"site": site_id}).first()
    if row is None:
        return None
    return {"id": row.id, "name": row.name, "settings": orjson.loads(row.settings)}


def site_settings(conn: Connection, site_id: str) -> SiteSettings:
    site = get_site(conn, site_id)
    four_eyes = True if site is None else bool(site["settings"].get("four_eyes", True))
    return SiteSettings(four_eyes=four_eyes)


def set_site_settings(conn: Connection, site_id: str, **settings: Any) -> None:
    """Change some of a site's settings; password settings are checked against the policy."""
    site = get_site(conn, site_id)
    if site is None:
        raise BoardError("not_found", f"No site {site_id!r}.")
    try:
        check_site_settings(settings)
    except SettingRefused as refused:
        raise BoardError("refused", f"{refused.en} / {refused.vi}") from None
    if SETTING in settings and (why := check_setting(settings[SETTING])) is not None:
        raise BoardError("refused", f"{SETTING}: {why}")
    merged = {**site["settings"], **settings}
    conn.execute(
        update(db.sites)
        .where(db.sites.c.id == site_id)
        .values(settings=orjson.dumps(merged).decode())
    )
    directory_changed(conn, site_id)


def list_sites(conn: Connection) -> list[dict[str, Any]]:
    rows = conn.execute(select(db.sites).order_by(db.sites.c.id))
    return [{"id": r.id, "name": r.name, "settings": orjson.loads(r.settings)} for r in rows]


# --- settings of the whole portal ------------------------------------------------------------


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(
        select(db.portal_settings.c.value).where(db.portal_settings.c.key == key)
    ).scalar()


def set_setting(conn: Connection, key: str, value: str | None) -> None:
    """Set (or with None, clear) one portal-wide setting."""
    conn.execute(delete(db.portal_settings).where(db.portal_settings.c.key == key))
    if value is not None:
        conn.execute(insert(db.portal_settings).values(key=key, value=value))


def set_default_site(conn: Connection, site_id: str | None) -> None:
    """The site that ``/`` serves; None: ``/`` lists every site."""
    if site_id is not None and get_site(conn, site_id) is None:
        raise BoardError("not_found", f"No site {site_id!r}.")
    set_setting(conn, "default_site", site_id)


# --- people ----------------------------------------------------------------------------------


def add_user(conn: Connection, username: str, full_name: str, password: str, at: datetime) -> None:
    if conn.execute(select(db.users.c.username).where(db.users.c.username == username)).first():
        raise BoardError("exists", f"The user {username!r} already exists.")
    password_hash = hash_password(password)
    conn.execute(
        insert(db.users).values(
            username=username,
            full_name=nfc(full_name),
            password_hash=password_hash,
            password_changed_at=at,
            must_change_password=False,
            disabled=False,
        )
    )
    remember_password(conn, username, password_hash, at)


def user_row(conn: Connection, username: str) -> Any:
    return conn.execute(select(db.users).where(db.users.c.username == username)).first()


def set_password(
    conn: Connection,
    username: str,
    password: str | None,
    at: datetime,
    *,
    must_change: bool = False,
    password_hash: str | None = None,
) -> None:
    """Store a new password (checked by the caller: ``passwords.check_new_password``).

    ``must_change``: an administrator's reset, which the person must replace at next login.
    ``password_hash``: the new password already hashed, outside this transaction (the API does
    so: hashing inside a write transaction would hold every other writer for its duration).
    """
    if password_hash is None:
        assert password is not None
        password_hash = hash_password(password)
    result = conn.execute(
        update(db.users)
        .where(db.users.c.username == username)
        .values(
            password_hash=password_hash,
            password_changed_at=at,
            must_change_password=must_change,
        )
    )
    if result.rowcount == 0:
        raise BoardError("not_found", f"No user {username!r}.")
    remember_password(conn, username, password_hash, at)


def set_role(
    conn: Connection,
    username: str,
    site: str,
    role: Role,
    *,
    remove: bool = False,
    decision_ref: str = "",
) -> None:
    if user_row(conn, username) is None:
        raise BoardError("not_found", f"No user {username!r}.")
    if get_site(conn, site) is None:
        raise BoardError("not_found", f"No site {site!r}.")
    key = and_(
        db.memberships.c.username == username,
        db.memberships.c.site == site,
        db.memberships.c.role == role.value,
    )
    conn.execute(delete(db.memberships).where(key))
    if not remove:
        conn.execute(
            insert(db.memberships).values(
                username=username, site=site, role=role.value, decision_ref=nfc(decision_ref)
            )
        )
    directory_changed(conn, site)


def load_user(conn: Connection, username: str) -> User:
    """The workflow's view of a person: their roles on every site."""
    row = user_row(conn, username)
    roles: dict[str, set[Role]] = {}
    for member in conn.execute(select(db.memberships).where(db.memberships.c.username == username)):
        roles.setdefault(member.site, set()).add(Role(member.role))
    return User(
        username=username,
        roles={site: frozenset(r) for site, r in roles.items()},
        full_name=row.full_name if row is not None else "",
    )


def members(conn: Connection, site: str) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    query = (
        select(
            db.memberships.c.username,
            db.memberships.c.role,
            db.memberships.c.decision_ref,
            db.users.c.full_name,
        )
        .join(db.users, db.users.c.username == db.memberships.c.username)
        .where(db.memberships.c.site == site)
        .order_by(db.memberships.c.username, db.memberships.c.role)
    )
    for row in conn.execute(query):
        entry = found.setdefault(
            row.username, {"username": row.username, "full_name": row.full_name, "roles": []}
        )
        entry["roles"].append(row.role)
        if row.decision_ref:  # the decision designating the official for this role (AG-10.1)
            entry.setdefault("decisions", {})[row.role] = row.decision_ref
    return list(found.values())


# --- categories ------------------------------------------------------------------------------


def add_category(conn: Connection, category: Category) -> None:
    if get_site(conn, category.site) is None:
        raise BoardError("not_found", f"No site {category.site!r}.")
    if category.id in category_ids(conn, category.site):
        raise BoardError("exists", f"The category {category.id!r} already exists.")
    conn.execute(
        insert(db.categories).values(
            site=category.site,
            id=category.id,
            name=nfc(category.name),
            kind=category.kind.value,
            unit=nfc(category.unit),
            deadline=orjson.dumps(category.deadline.to_dict()).decode()
            if category.deadline
            else None,
            position=category.position,
        )
    )
    directory_changed(conn, category.site)


def list_categories(conn: Connection, site: str) -> list[Category]:
    query = (
        select(db.categories)
        .where(db.categories.c.site == site)
        .order_by(db.categories.c.position, db.categories.c.id)
    )
    return [
        Category(
            id=row.id,
            site=row.site,
            name=row.name,
            kind=CategoryKind(row.kind),
            unit=row.unit,
            deadline=DeadlineRule.from_dict(orjson.loads(row.deadline) if row.deadline else None),
            position=row.position,
        )
        for row in conn.execute(query)
    ]


def category_ids(conn: Connection, site: str) -> set[str]:
    rows = conn.execute(_CATEGORY_IDS, {"site": site})
    return {row.id for row in rows}


# --- grants ----------------------------------------------------------------------------------


def add_grant(
    conn: Connection,
    *,
    site: str,
    grantee: str,
    step: Step,
    granted_by: str,
    valid_from: datetime,
    valid_until: datetime | None = None,
    categories: Iterable[str] = (),
    decision_ref: str = "",
) -> Grant:
    if get_site(conn, site) is None:
        raise BoardError("not_found", f"No site {site!r}.")
    if user_row(conn, grantee) is None:
        raise BoardError("unknown_user", f"No user {grantee!r}.")
    wanted = sorted(set(categories))
    unknown = set(wanted) - category_ids(conn, site)
    if unknown:
        raise BoardError("unknown_category", f"No category {sorted(unknown)[0]!r} on {site!r}.")
    if valid_until is not None and valid_until <= valid_from:
        raise BoardError("invalid", "The grant must end after it starts.")
    grant = Grant(
        id=str(uuid.uuid4()),
        site=site,
        grantee=grantee,
        step=step,
        granted_by=granted_by,
        valid_from=valid_from,
        valid_until=valid_until,
        categories=frozenset(wanted),
        decision_ref=nfc(decision_ref),
    )
    conn.execute(
        insert(db.grants).values(
            id=grant.id,
            site=site,
            grantee=grantee,
            step=step.value,
            categories=orjson.dumps(wanted).decode(),
            valid_from=valid_from,
            valid_until=valid_until,
            granted_by=granted_by,
            decision_ref=grant.decision_ref,
            revoked_at=None,
        )
    )
    directory_changed(conn, site)
    return grant


def revoke_grant(conn: Connection, grant_id: str, at: datetime) -> Grant:
    grant = get_grant(conn, grant_id)
    if grant is None:
        raise BoardError("not_found", f"No grant {grant_id!r}.")
    if grant.revoked_at is None:
        conn.execute(update(db.grants).where(db.grants.c.id == grant_id).values(revoked_at=at))
        directory_changed(conn, grant.site)
    return get_grant(conn, grant_id)  # type: ignore[return-value]


def _grant(row: Any) -> Grant:
    return Grant(
        id=row.id,
        site=row.site,
        grantee=row.grantee,
        step=Step(row.step),
        granted_by=row.granted_by,
        valid_from=utc(row.valid_from),  # type: ignore[arg-type]
        valid_until=utc(row.valid_until),
        categories=frozenset(orjson.loads(row.categories)),
        decision_ref=row.decision_ref,
        revoked_at=utc(row.revoked_at),
    )


def get_grant(conn: Connection, grant_id: str) -> Grant | None:
    row = conn.execute(select(db.grants).where(db.grants.c.id == grant_id)).first()
    return _grant(row) if row is not None else None


def list_grants(
    conn: Connection, *, site: str | None = None, grantee: str | None = None
) -> list[Grant]:
    if site is not None and grantee is None:  # the write path's case: a statement built once
        return [_grant(row) for row in conn.execute(_GRANTS_OF_SITE, {"site": site})]
    query = select(db.grants).order_by(db.grants.c.valid_from, db.grants.c.id)
    if site is not None:
        query = query.where(db.grants.c.site == site)
    if grantee is not None:
        query = query.where(db.grants.c.grantee == grantee)
    return [_grant(row) for row in conn.execute(query)]


def grant_dict(grant: Grant) -> dict[str, Any]:
    return {
        "id": grant.id,
        "site": grant.site,
        "grantee": grant.grantee,
        "step": grant.step.value,
        "categories": sorted(grant.categories),
        "valid_from": grant.valid_from.isoformat(),
        "valid_until": grant.valid_until.isoformat() if grant.valid_until else None,
        "granted_by": grant.granted_by,
        "decision_ref": grant.decision_ref,
        "revoked_at": grant.revoked_at.isoformat() if grant.revoked_at else None,
    }
