"""Publishing approved items to outside sites (issue 11): connectors, the queue, the runner.

See docs/wordpress.md. The UI's publish queue screen reads :class:`PublishQueue` (``jobs()``,
``retry(id)``); the sync engine's hook (``hook.after_sync``) keeps the queue moving.
"""

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
