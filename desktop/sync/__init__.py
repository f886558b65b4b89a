"""The portal API client and the sync engine (asyncio, no Qt). See docs/sync.md."""

from desktop.sync.api import PortalClient
from desktop.sync.engine import SyncAction, SyncEngine, SyncReport
from desktop.sync.errors import (
    AlreadyExists,
    AuthError,
    BadResponse,
    Forbidden,
    Invalid,
    MovedOn,
    NotFound,
    Offline,
    PortalError,
    Refused,
    ServerTrouble,
    Stale,
)

__all__ = [
    "AlreadyExists",
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
    "ServerTrouble",
    "Stale",
    "SyncAction",
    "SyncEngine",
    "SyncReport",
]
