"""Who is working: the signed-in person on one site, their roles, grants and site settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from desktop.models import (
    Action,
    Category,
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
from desktop.models.me import Me
from desktop.models.precheck import precheck
from desktop.models.workflow import Verdict, step_authority


@dataclass
class Session:
    """The signed-in person on one site: what the screens and commands ask before acting."""

    user: User
    site: str
    grants: tuple[Grant, ...] = ()
    site_settings: SiteSettings = field(default_factory=SiteSettings)
    site_name: str = ""

    @classmethod
    def from_me(cls, me: Me | dict[str, Any] | None, site: str = "") -> Session:
        """The session on ``site`` (default: the person's first site)."""
        record = me if isinstance(me, Me) else Me.from_dict(me or {})
        site = site or next(iter(record.sites), "")
        return cls(
            user=record.user,
            site=site,
            grants=record.grants,
            site_settings=record.settings(site),
            site_name=record.site_name(site),
        )

    def now(self) -> datetime:
        return datetime.now(UTC)

    @property
    def roles(self) -> frozenset[Role]:
        return self.user.roles_on(self.site)

    def has_step(self, step: Step) -> bool:
        """Holds the step by role, or by a grant in force now for some category."""
        from desktop.models.roles import STEP_ROLES

        if STEP_ROLES[step] & self.roles:
            return True
        now = self.now()
        return any(
            g.grantee == self.user.username and g.active(self.site, step, now) for g in self.grants
        )

    def can_write(self) -> bool:
        return can_create(self.user, self.site)

    def actions_for(self, item: Item) -> list[Action]:
        return allowed_actions(item, self.user, self.grants, self.now(), self.site_settings)

    def check(
        self,
        item: Item,
        action: Action,
        categories: dict[str, Category] | None = None,
        comment: str | None = None,
    ) -> Verdict:
        """The shared pre-check (``desktop.models.precheck``) for this person, now."""
        return precheck(
            item,
            action,
            self.user,
            self.grants,
            self.now(),
            self.site_settings,
            categories,
            comment,
        )

    def may_edit(self, item: Item) -> bool:
        return can_edit(item, self.user, self.grants, self.now())

    def may_act_on_step(self, item: Item, step: Step) -> bool:
        return step_authority(item, self.user, self.grants, step, self.now())[0]


def session_from_me(me: Any, fallback_site: str = "") -> Session:
    """A Session from the store's ``me()`` (a dict, a ``Me``, a ``User``, or a Session)."""
    if isinstance(me, Session):
        return me
    if isinstance(me, User):
        return Session(user=me, site=fallback_site or next(iter(me.roles), ""))
    return Session.from_me(me, fallback_site)
