"""The local SQLite store of one profile (see docs/sync.md)."""

from desktop.store.records import (
    Conflict,
    FailedOp,
    ItemRow,
    LocalItem,
    OutboxOp,
    PullDecision,
    SyncStatus,
)
from desktop.store.schema import MIGRATIONS, SCHEMA_VERSION, SchemaTooNew
from desktop.store.store import Store, StoreError
from desktop.store.writer import StoreWriter

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Conflict",
    "FailedOp",
    "ItemRow",
    "LocalItem",
    "OutboxOp",
    "PullDecision",
    "SchemaTooNew",
    "Store",
    "StoreError",
    "StoreWriter",
    "SyncStatus",
]
