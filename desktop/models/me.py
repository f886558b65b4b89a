"""The signed-in person as the portal describes them (``GET /api/v1/me``): one record for every
face, so the screens, the command line and the checks read roles and grants the same way.

A role this version does not know (a newer portal) is left out of the workflow's roles and kept
in ``unknown_roles``: the person keeps working with the roles we do know. An unreadable grant is
left out the same way and counted in ``unreadable_grants``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.models.roles import Grant, Role, Step, User
from desktop.models.workflow import SiteSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Membership:
    """One site the person is on: its name, their roles there and the site's workflow settings."""

    site: str
    name: str
    roles: frozenset[Role]
    settings: SiteSettings = field(default_factory=SiteSettings)
    unknown_roles: tuple[str, ...] = ()
    #: The site's time zone setting (empty: Vietnam's), for every time shown (models/clock).
    time_zone: str = ""


@dataclass(frozen=True)
class Me:
    username: str
    full_name: str = ""
    sites: Mapping[str, Membership] = field(default_factory=dict)
    grants: tuple[Grant, ...] = ()
    unreadable_grants: int = 0
    #: The portal's answer as it came (password age and what a newer portal adds).
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Me:
        sites: dict[str, Membership] = {}
        for site, info in (data.get("sites") or {}).items():
            info = info if isinstance(info, Mapping) else {}
            roles = [str(r) for r in info.get("roles") or ()]
            known = frozenset(Role(r) for r in roles if r in Role._value2member_map_)
            unknown = tuple(r for r in roles if r not in Role._value2member_map_)
            if unknown:
                log.info("roles this version does not know on %s: %s", site, unknown)
            settings = info.get("settings") or {}
            sites[str(site)] = Membership(
                site=str(site),
                name=str(info.get("name") or site),
                roles=known,
                settings=SiteSettings(four_eyes=bool(settings.get("four_eyes", True))),
                unknown_roles=unknown,
                time_zone=str(settings.get("time_zone") or ""),
            )
        grants: list[Grant] = []
        unreadable = 0
        for raw in data.get("grants") or ():
            try:
                grants.append(Grant.from_dict(raw))
            except (KeyError, ValueError, TypeError):
                unreadable += 1
                log.info("an unreadable grant was left out")
        return cls(
            username=str(data.get("username") or ""),
            full_name=str(data.get("full_name") or ""),
            sites=sites,
            grants=tuple(grants),
            unreadable_grants=unreadable,
            raw=dict(data),
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.raw)

    @property
    def user(self) -> User:
        return User(
            username=self.username,
            roles={site: m.roles for site, m in self.sites.items()},
            full_name=self.full_name,
        )

    def settings(self, site: str) -> SiteSettings:
        membership = self.sites.get(site)
        return membership.settings if membership is not None else SiteSettings()

    def site_name(self, site: str) -> str:
        membership = self.sites.get(site)
        return membership.name if membership is not None else site

    def has_step(self, site: str, step: Step, at: Any) -> bool:
        """Holds ``step`` on ``site`` by role, or by a grant in force at ``at`` for some
        category (``Grant.active``: the same rule the workflow applies)."""
        from desktop.models.roles import STEP_ROLES

        membership = self.sites.get(site)
        if membership is not None and STEP_ROLES[step] & membership.roles:
            return True
        return any(g.grantee == self.username and g.active(site, step, at) for g in self.grants)
