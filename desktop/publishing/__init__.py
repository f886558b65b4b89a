"""Publishing approved items to outside sites (issue 11): connectors, the queue, the runner.

See docs/wordpress.md. The UI's publish queue screen reads :class:`PublishQueue` (``jobs()``,
``retry(id)``); the desk (``desktop.desk.Desk.publish``), registered as the sync engine's
after-sync hook, keeps the queue moving.

The names below are loaded on first use (PEP 562): the window asks the queue whether
publishing is in use while it is built, and must not pay for the connectors (HTTP, rendering)
to learn that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.publishing.connector import (
        Connector,
        MediaFile,
        PublishedRef,
        PublishError,
        Rendered,
        TargetAuthError,
        TargetConfig,
        TargetUnreachable,
    )
    from desktop.publishing.credentials import TargetCredentials
    from desktop.publishing.publisher import JobOutcome, Publisher
    from desktop.publishing.queue import PublishJob, PublishQueue

_HOMES = {
    "Connector": "connector",
    "MediaFile": "connector",
    "PublishedRef": "connector",
    "PublishError": "connector",
    "Rendered": "connector",
    "TargetAuthError": "connector",
    "TargetConfig": "connector",
    "TargetUnreachable": "connector",
    "TargetCredentials": "credentials",
    "JobOutcome": "publisher",
    "Publisher": "publisher",
    "PublishJob": "queue",
    "PublishQueue": "queue",
}

__all__ = [
    "Connector",
    "JobOutcome",
    "MediaFile",
    "PublishError",
    "PublishJob",
    "PublishQueue",
    "PublishedRef",
    "Publisher",
    "Rendered",
    "TargetAuthError",
    "TargetConfig",
    "TargetCredentials",
    "TargetUnreachable",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
