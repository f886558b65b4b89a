"""The sync engine's hook: after a sync, queue and run the publish jobs of this user.

Only a profile that publishes does network work here: one with targets seen before (after
``portal-desk targets login`` or ``targets list``), or an engine given a ``publisher``.
Publishing never breaks a sync: its failures stay in the publish queue with their reasons.
"""

from __future__ import annotations

import logging
from typing import Any

from desktop.publishing.credentials import TargetCredentials
from desktop.publishing.publisher import Publisher
from desktop.publishing.queue import PublishQueue

log = logging.getLogger(__name__)


async def after_sync(engine: Any, report: Any) -> None:
    publisher: Publisher | None = getattr(engine, "publisher", None)
    own_queue: PublishQueue | None = None
    try:
        if publisher is None:
            own_queue = PublishQueue(engine.writer.path)
            if not own_queue.targets():
                return
            publisher = Publisher(
                own_queue, engine.client, TargetCredentials(), language=engine.language
            )
        outcomes = await publisher.run()
        for outcome in outcomes:
            log.info("publish job=%s status=%s", outcome.job_id, outcome.status)
    except Exception as error:  # publishing must never stop a sync
        log.warning("publishing after sync stopped: %s", type(error).__name__)
    finally:
        if own_queue is not None:
            own_queue.close()
