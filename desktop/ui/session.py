"""Who is working: the signed-in person on one site, their roles, grants and site settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.models import (
    Action,
    Grant,
    Item,
    Role,
    SiteSettings,
    Step,
    User,
    allowed_actions,
    can_create,
    can_edit,
)
from desktop.models.workflow import step_authority


@dataclass
class Session:
    """The signed-in person on one site: what the screens ask before showing anything."""

    user: User
    site: str
    grants: tuple[Grant, ...] = ()
    site_settings: SiteSettings = field(default_factory=SiteSettings)
    site_name: str = ""

    def now(self) -> datetime:
        return datetime.now(UTC)

    @property
    def roles(self) -> frozenset[Role]:
        return self.user.roles_on(self.site)

    def has_step(self, step: Step) -> bool:
        """Holds the step by role, or by a grant valid now for some category."""
        from desktop.models.roles import STEP_ROLES

        if STEP_ROLES[step] & self.roles:
            return True
        now = self.now()
        return any(
            g.grantee == self.user.username
            and g.site == self.site
            and g.step == step
            and g.revoked_at is None
            and g.valid_from <= now
            and (g.valid_until is None or now < g.valid_until)
            for g in self.grants
        )

    def can_write(self) -> bool:
        return can_create(self.user, self.site)

    def actions_for(self, item: Item) -> list[Action]:
        return allowed_actions(item, self.user, self.grants, self.now(), self.site_settings)

    def may_edit(self, item: Item) -> bool:
        return can_edit(item, self.user, self.grants, self.now())

    def may_act_on_step(self, item: Item, step: Step) -> bool:
        return step_authority(item, self.user, self.grants, step, self.now())[0]


def session_from_me(me: Any, fallback_site: str = "") -> Session:
    """Build a Session from the store's ``me()`` (a User, or the API's /me dict)."""
    if isinstance(me, Session):
        return me
    if isinstance(me, User):
        site = fallback_site or next(iter(me.roles), "")
        return Session(user=me, site=site)
    data = dict(me or {})
    sites = data.get("sites") or {}
    roles = {s: frozenset(Role(r) for r in (info.get("roles") or [])) for s, info in sites.items()}
    user = User(username=data.get("username", ""), roles=roles, full_name=data.get("full_name", ""))
    site = fallback_site or next(iter(sites), "")
    info = sites.get(site, {})
    settings = SiteSettings(
        **{k: v for k, v in (info.get("settings") or {}).items() if k == "four_eyes"}
    )
    grants = tuple(_grant(g) for g in data.get("grants") or [])
    return Session(
        user=user,
        site=site,
        grants=grants,
        site_settings=settings,
        site_name=info.get("name", site),
    )


def _grant(data: Any) -> Grant:
    if isinstance(data, Grant):
        return data

    def when(value: Any) -> datetime | None:
        if not value:
            return None
        if isinstance(value, datetime):
            return value
        parsed = datetime.fromisoformat(str(value))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)

    return Grant(
        id=str(data["id"]),
        site=str(data["site"]),
        grantee=str(data["grantee"]),
        step=Step(data["step"]),
        granted_by=str(data.get("granted_by", "")),
        valid_from=when(data.get("valid_from")) or datetime.min.replace(tzinfo=UTC),
        valid_until=when(data.get("valid_until")),
        categories=frozenset(data.get("categories") or ()),
        decision_ref=str(data.get("decision_ref") or ""),
        revoked_at=when(data.get("revoked_at")),
    )
