"""What a desk reads: the person's items, the site's directory (sections, members, grants),
conflicts and failures. Point reads on the loop's own connection (about a millisecond each); what
walks the whole store goes to the reader thread. A part of ``Desk``."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import timezone
from typing import TYPE_CHECKING, Any

from desktop.desk.errors import NotFound
from desktop.desk.queue import QueueModel, QueueRow
from desktop.desk.session import Session
from desktop.models import Category, Item, State
from desktop.models.clock import zone_named
from desktop.models.me import Me
from desktop.store import Store

if TYPE_CHECKING:
    from desktop.store.records import Comment, Conflict, FailedOp, LocalItem, Version
    from desktop.sync.api import PortalClient

log = logging.getLogger(__name__)


class Lookups:
    """The desk's reads; ``Desk`` provides the attributes declared here."""

    store: Store
    client: PortalClient | None
    me: Me
    session: Session
    queue: QueueModel
    _categories: list[Category] | None

    @property
    def site(self) -> str:
        return self.session.site

    @property
    def zone(self) -> timezone:
        """The site's time zone: every time shown or exported is in it (models/clock)."""
        membership = self.me.sites.get(self.site)
        return zone_named(membership.time_zone if membership is not None else "")

    @property
    def portal_url(self) -> str:
        """The portal's address (its public site's home), when this desk has a session."""
        return self.client.base_url if self.client is not None else ""

    def public_url(self, item: Item) -> str:
        """Where a published item is on the portal's public site ("" when it is not there)."""
        if item.state is not State.PUBLISHED or not item.slug or not self.portal_url:
            return ""
        return f"{self.portal_url}/items/{item.slug}"

    def rows(self, states: Iterable[str] | None = None, mine: bool = False) -> list[QueueRow]:
        return self.queue.rows(states, mine)

    def rows_key(self) -> tuple[Any, ...]:
        return self.queue.key()

    def local(self, item_id: str) -> LocalItem | None:
        return self.store.item(item_id)

    def item(self, item_id: str) -> Item | None:
        """The item as this person sees it now: their working copy if any, else the portal's,
        with the actions they queued applied."""
        local = self.store.item(item_id)
        if local is None:
            return None
        return self.queue.expected_item(local.current)

    def find(self, prefix: str) -> str:
        """The id an id or its first characters name (the command line takes a prefix)."""
        found = self.store.find_ids(prefix)
        if not found:
            raise NotFound(prefix, f"Không tìm thấy tin “{prefix}”.", f"No item “{prefix}”.")
        if len(found) > 1 and prefix not in found:
            ids = ", ".join(f[:8] for f in found)
            raise NotFound(
                prefix,
                f"“{prefix}” khớp nhiều tin: {ids}",
                f"“{prefix}” matches several items: {ids}",
            )
        return prefix if prefix in found else found[0]

    def sync_status(self, item_id: str) -> str:
        local = self.store.item(item_id)
        return str(local.sync_status) if local is not None else "synced"

    def categories(self) -> list[Category]:
        if self._categories is None:
            found = []
            for raw in self.store.categories(self.site) or []:
                try:
                    found.append(Category.from_dict(raw))
                except (KeyError, ValueError):
                    log.info("an unreadable category was left out")
            self._categories = sorted(found, key=lambda c: (c.position, c.name))
        return self._categories

    def category_map(self) -> dict[str, Category] | None:
        """The site's categories by id; None before the directory was ever fetched (the
        section checks are then the portal's alone)."""
        categories = self.categories()
        return {c.id: c for c in categories} if categories else None

    def category_name(self, category_id: str) -> str:
        for category in self.categories():
            if category.id == category_id:
                return category.name
        return category_id

    def members(self) -> list[dict[str, Any]]:
        return list(self.store.members(self.site) or [])

    def member_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for member in self.members():
            username = str(member.get("username") or "")
            names[username] = str(member.get("full_name") or username)
        return names

    def grants(self) -> list[dict[str, Any]]:
        return list(self.store.grants(self.site) or [])

    def comments(self, item_id: str) -> list[Comment]:
        return self.store.comments(item_id)

    def versions(self, item_id: str) -> list[Version]:
        return self.store.versions(item_id)

    def conflicts(self) -> list[Conflict]:
        return list(self.store.conflicts())

    def conflict(self, ident: str | int) -> Conflict:
        """A conflict by its number, or by the first characters of its item's id."""
        text = str(ident)
        if text.isdigit():
            found = self.store.conflict(int(text))
            if found is not None:
                return found
        matches = [c for c in self.store.conflicts() if c.item_id.startswith(text)]
        if len(matches) != 1:
            raise NotFound(text, f"Không có xung đột “{text}”.", f"No conflict “{text}”.")
        return matches[0]

    def failures(self, item_id: str | None = None) -> list[FailedOp]:
        """Operations the portal refused for good (their content is kept)."""
        found = self.store.failed_operations()
        return [f for f in found if item_id is None or f.item_id == item_id]

    def pending_count(self) -> int:
        return self.store.pending_count()

    def status(self) -> dict[str, Any]:
        return self.store.status()

    def blob(self, sha256: str) -> bytes | None:
        found = self.store.blob(sha256)
        return found[0] if found else None
