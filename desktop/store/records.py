"""What the store hands out: small frozen records, no connection attached."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from desktop.models import Item


class SyncStatus(StrEnum):
    LOCAL = "local"  # only on this computer: never reached the portal
    PENDING = "pending"  # local changes wait in the outbox
    SYNCED = "synced"  # the same as the portal's copy
    CONFLICT = "conflict"  # someone else changed the same text: the user must choose
    FAILED = "failed"  # the portal refused a change for good; the content is kept


@dataclass(frozen=True, slots=True)
class LocalItem:
    """One item as this computer knows it: the portal's copy and the user's working copy."""

    id: str
    server: Item | None
    working: Item | None  # the merged view the user sees (server copy + local edits)
    base_version: int
    sync_status: SyncStatus

    @property
    def current(self) -> Item:
        """What to show: the working copy when there is one, else the server copy."""
        item = self.working or self.server
        assert item is not None
        return item


@dataclass(frozen=True, slots=True)
class ItemRow:
    """The queue columns of an item: what a list shows, without the body."""

    id: str
    site: str
    title: str
    category: str
    author: str
    created_by: str
    state: str
    state_since: str | None
    version: int
    sync_status: SyncStatus
    #: A draft sent back to its author (its latest step is a return): "Bị trả lại".
    returned: bool = False
    #: The portal's copy's publish time (issue 20): an approved item before it is "scheduled".
    publish_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site": self.site,
            "title": self.title,
            "category": self.category,
            "author": self.author,
            "created_by": self.created_by,
            "state": self.state,
            "state_since": self.state_since,
            "version": self.version,
            "sync_status": self.sync_status.value,
        }


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides of a change the merge could not join, kept until the user resolves it."""

    id: int
    item_id: str
    fields: tuple[str, ...]
    base: dict[str, Any]
    mine: dict[str, Any]
    theirs: dict[str, Any]
    theirs_version: int
    created_at: str
    resolved: bool

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Conflict:
        return cls(
            id=row["id"],
            item_id=row["item_id"],
            fields=tuple(json.loads(row["fields"])),
            base=json.loads(row["base"]),
            mine=json.loads(row["mine"]),
            theirs=json.loads(row["theirs"]),
            theirs_version=row["theirs_version"],
            created_at=row["created_at"],
            resolved=bool(row["resolved"]),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item_id": self.item_id,
            "fields": list(self.fields),
            "base": {f: self.base.get(f) for f in self.fields},
            "mine": {f: self.mine.get(f) for f in self.fields},
            "theirs": {f: self.theirs.get(f) for f in self.fields},
            "theirs_version": self.theirs_version,
            "created_at": self.created_at,
            "resolved": self.resolved,
        }


@dataclass(frozen=True, slots=True)
class OutboxOp:
    """One queued operation; ``payload['request']`` is set once it was first sent (frozen)."""

    seq: int
    op: str
    item_id: str
    payload: dict[str, Any]
    idempotency_key: str
    attempts: int
    last_error: str | None

    @property
    def frozen(self) -> dict[str, Any] | None:
        request = self.payload.get("request")
        return request if isinstance(request, dict) else None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> OutboxOp:
        return cls(
            seq=row["seq"],
            op=row["op"],
            item_id=row["item_id"],
            payload=json.loads(row["payload"]),
            idempotency_key=row["idempotency_key"],
            attempts=row["attempts"],
            last_error=row["last_error"],
        )


@dataclass(frozen=True, slots=True)
class ReadyOp:
    """An operation taken to be sent (``Store.take_op``): a content operation's request is
    frozen in ``op.payload``; ``dropped`` when nothing was left to send and it left the queue."""

    op: OutboxOp
    dropped: bool = False


@dataclass(frozen=True, slots=True)
class FailedOp:
    """An operation the portal refused for good, with its reason; the user's content is kept."""

    seq: int
    op: str
    item_id: str
    payload: dict[str, Any]
    content: dict[str, Any] | None
    status: int | None
    code: str
    reason: str
    failed_at: str

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> FailedOp:
        return cls(
            seq=row["seq"],
            op=row["op"],
            item_id=row["item_id"],
            payload=json.loads(row["payload"]),
            content=json.loads(row["content"]) if row["content"] else None,
            status=row["status"],
            code=row["code"],
            reason=row["reason"],
            failed_at=row["failed_at"],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "op": self.op,
            "item_id": self.item_id,
            "status": self.status,
            "code": self.code,
            "reason": self.reason,
            "failed_at": self.failed_at,
        }


@dataclass(frozen=True, slots=True)
class PullDecision:
    """What applying one pulled item did, for the engine's log and report."""

    action: str  # a SyncAction value: replace, rebase, merge, conflict, skip, keep
    item_id: str
    reason: str


def _time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Comment:
    """An editorial comment on an item; ``pending`` ones are not on the portal yet."""

    id: str
    item_id: str
    author: str
    body: str
    created_at: datetime | None
    item_version: int | None = None
    pending: bool = False
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], pending: bool = False) -> Comment:
        version = data.get("item_version")
        return cls(
            id=str(data.get("id") or ""),
            item_id=str(data.get("item_id") or ""),
            author=str(data.get("author") or ""),
            body=str(data.get("body") or ""),
            created_at=_time(data.get("created_at")),
            item_version=version if isinstance(version, int) else None,
            pending=pending,
            raw=dict(data),
        )

    def to_dict(self) -> dict[str, Any]:
        """The portal's form (``items show --json``), with ``pending``."""
        return {**self.raw, "pending": self.pending}


@dataclass(frozen=True, slots=True)
class Version:
    """One step of an item's history: who did what, when, for whom, and the content then."""

    version: int
    action: str
    actor: str
    at: datetime | None
    comment: str = ""
    on_behalf_of: str = ""
    #: The item as it was at this version, when it was fetched (the submitted one, for diffs).
    item: dict[str, Any] | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Version:
        snapshot = data.get("item")
        return cls(
            version=int(data.get("version") or 0),
            action=str(data.get("action") or ""),
            actor=str(data.get("actor") or ""),
            at=_time(data.get("at")),
            comment=str(data.get("comment") or ""),
            on_behalf_of=str(data.get("on_behalf_of") or ""),
            item=snapshot if isinstance(snapshot, dict) else None,
        )
