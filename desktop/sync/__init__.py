"""The portal API client and the sync engine (asyncio, no Qt). See docs/sync.md."""

from desktop.sync.api import PortalClient
from desktop.sync.engine import SyncAction, SyncEngine, SyncReport
from desktop.sync.errors import (
    AuthError,
    BadResponse,
    Forbidden,
    Invalid,
    MovedOn,
    NotFound,
    Offline,
    PortalError,
    Refused,
    Stale,
)

__all__ = [
    "AuthError",
    "BadResponse",
    "Forbidden",
    "Invalid",
    "MovedOn",
    "NotFound",
    "Offline",
    "PortalClient",
    "PortalError",
    "Refused",
    "Stale",
    "SyncAction",
    "SyncEngine",
    "SyncReport",
]
