"""Turn the cached directory (me, grants, categories) back into domain objects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from desktop.models import Grant, Role, SiteSettings, Step, User


def user_from_me(me: dict[str, Any]) -> User:
    roles: dict[str, frozenset[Role]] = {}
    for site, info in (me.get("sites") or {}).items():
        known = [r for r in info.get("roles", []) if r in Role._value2member_map_]
        roles[site] = frozenset(Role(r) for r in known)
    return User(username=me["username"], roles=roles, full_name=me.get("full_name") or "")


def site_settings(me: dict[str, Any], site: str) -> SiteSettings:
    settings = ((me.get("sites") or {}).get(site) or {}).get("settings") or {}
    return SiteSettings(four_eyes=bool(settings.get("four_eyes", True)))


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def grant_from_dict(data: dict[str, Any]) -> Grant:
    return Grant(
        id=str(data["id"]),
        site=str(data["site"]),
        grantee=str(data["grantee"]),
        step=Step(data["step"]),
        granted_by=str(data.get("granted_by") or ""),
        valid_from=_when(data.get("valid_from")) or datetime.min.replace(tzinfo=UTC),
        valid_until=_when(data.get("valid_until")),
        categories=frozenset(data.get("categories") or ()),
        decision_ref=str(data.get("decision_ref") or ""),
        revoked_at=_when(data.get("revoked_at")),
    )
