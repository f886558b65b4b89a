"""What one sync did: counts for the status line and ``portal-desk sync``, and each decision."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop.store import PullDecision

log = logging.getLogger("desktop.sync.engine")


class SyncAction(StrEnum):
    REPLACE = "replace"  # pulled item had no local edits: take the portal's copy
    REBASE = "rebase"  # local edits kept on top of a newer portal copy
    MERGE = "merge"  # local and remote edits merged cleanly
    CONFLICT = "conflict"  # both changed the same text: kept both sides for the user
    SKIP = "skip"  # nothing to do (already have it)
    KEEP = "keep"  # item held back (open conflict)
    PUSH = "push"  # an operation reached the portal
    DROP = "drop"  # an operation was taken out of the queue (no longer applies / nothing left)
    FAIL = "fail"  # the portal refused an operation for good; content kept
    RETRY = "retry"  # network trouble: the operation stays queued
    OFFLINE = "offline"  # the portal cannot be reached
    DIRECTORY = "directory"  # categories, members and grants refreshed


@dataclass
class SyncReport:
    """What one sync moved, for the status line and ``portal-desk sync``."""

    pulled: int = 0
    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    failed: int = 0
    dropped: int = 0
    online: bool = True
    auth_failed: bool = False
    #: The portal answered 403 password_change_required: the outbox stays queued (AG-10.3).
    password_change_required: bool = False
    error: str | None = None
    error_kind: str | None = None
    #: Operations kept queued because the portal answered them with an error of its own.
    held: int = 0
    #: Items whose history (returns, take-downs and their reasons) came with this sync.
    histories: int = 0
    decisions: list[tuple[str, str, str]] = field(default_factory=list)

    def note(self, action: SyncAction, item_id: str, reason: str) -> None:
        self.decisions.append((action.value, item_id, reason))
        log.info("sync action=%s item=%s reason=%s", action.value, item_id, reason)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pulled": self.pulled,
            "pushed": self.pushed,
            "merged": self.merged,
            "conflicts": self.conflicts,
            "failed": self.failed,
            "dropped": self.dropped,
            "online": self.online,
            "error": self.error,
            "error_kind": self.error_kind,
            "held": self.held,
            "histories": self.histories,
        }

    def count(self, decision: PullDecision) -> None:
        """Count one decision of the store's (a pulled item, a 412's merge) and log it."""
        action = SyncAction(decision.action)
        if action is SyncAction.SKIP:
            log.debug("sync action=skip item=%s reason=%s", decision.item_id, decision.reason)
            return
        self.note(action, decision.item_id, decision.reason)
        if action in (SyncAction.REPLACE, SyncAction.REBASE):
            self.pulled += 1
        elif action is SyncAction.MERGE:
            self.merged += 1
        elif action is SyncAction.CONFLICT:
            self.conflicts += 1
