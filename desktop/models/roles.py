"""People on an editorial board (Ban Biên tập), their roles per site, and grants.

A grant (ủy quyền / phân công) lets a person do step ``edit`` or ``approve`` for some categories
(or all) during a period; it covers both delegation and category assignment (BD-18.4, BD-22).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    HEAD = "head"  # Trưởng Ban Biên tập
    DEPUTY = "deputy"  # Phó Trưởng Ban Biên tập
    MEMBER = "member"  # Thành viên
    ADMIN = "admin"  # Quản trị: provisions accounts, no editorial step


class Step(StrEnum):
    EDIT = "edit"  # bước 2: Biên tập tin
    APPROVE = "approve"  # bước 3: Duyệt tin


#: The roles whose holders may do a step without any grant.
STEP_ROLES: dict[Step, frozenset[Role]] = {
    Step.EDIT: frozenset({Role.DEPUTY, Role.HEAD}),
    Step.APPROVE: frozenset({Role.HEAD}),
}

#: Roles that sit on the board and write items (step 1).
BOARD_ROLES = frozenset({Role.HEAD, Role.DEPUTY, Role.MEMBER})


@dataclass(frozen=True, slots=True)
class User:
    """A person as the workflow sees them: a username and their roles per site."""

    username: str
    roles: dict[str, frozenset[Role]] = field(default_factory=dict)
    full_name: str = ""

    def roles_on(self, site: str) -> frozenset[Role]:
        return self.roles.get(site, frozenset())

    def on_board(self, site: str) -> bool:
        return bool(self.roles_on(site) & BOARD_ROLES)


@dataclass(frozen=True, slots=True)
class Grant:
    """The right to do ``step`` for ``categories`` (empty: all) of ``site`` in a period."""

    id: str
    site: str
    grantee: str
    step: Step
    granted_by: str
    valid_from: datetime
    valid_until: datetime | None = None
    categories: frozenset[str] = frozenset()
    decision_ref: str = ""  # số quyết định phân công (AG-10.1)
    revoked_at: datetime | None = None

    def active(self, site: str, step: Step, at: datetime) -> bool:
        """In force at ``at`` for ``step`` on ``site``, for some category at least: started,
        not ended, not revoked (a revocation scheduled for later still lets it run until then)."""
        if self.site != site or self.step != step:
            return False
        if at < self.valid_from:
            return False
        if self.valid_until is not None and at >= self.valid_until:
            return False
        return self.revoked_at is None or at < self.revoked_at

    def covers(self, site: str, category: str, step: Step, at: datetime) -> bool:
        if self.categories and category not in self.categories:
            return False
        return self.active(site, step, at)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Grant:
        """A grant as the portal sends it (``/me``, ``/sites/{site}/grants``); KeyError or
        ValueError when a required field is missing or unreadable."""
        return cls(
            id=str(data["id"]),
            site=str(data["site"]),
            grantee=str(data["grantee"]),
            step=Step(data["step"]),
            granted_by=str(data.get("granted_by") or ""),
            valid_from=_when(data.get("valid_from")) or datetime.min.replace(tzinfo=UTC),
            valid_until=_when(data.get("valid_until")),
            categories=frozenset(str(c) for c in data.get("categories") or ()),
            decision_ref=str(data.get("decision_ref") or ""),
            revoked_at=_when(data.get("revoked_at")),
        )


def _when(value: Any) -> datetime | None:
    """An ISO 8601 time from the portal (naive ones are UTC), or None when empty."""
    if not value:
        return None
    parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def may_grant(granter: User, site: str, step: Step) -> bool:
    """The head grants both steps; a deputy grants ``edit`` only (design.md)."""
    roles = granter.roles_on(site)
    if Role.HEAD in roles:
        return True
    return step is Step.EDIT and Role.DEPUTY in roles
