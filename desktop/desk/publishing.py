"""Publishing approved items to outside targets (an agency's WordPress, issue 11), as a part of
the desk: the publish queue of the profile's store, opened with the store's key, and the jobs
run after each sync that finished (the sync engine's after-sync hook: the engine itself never
imports publishing)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop.desk.errors import OnlineOnly
from desktop.desk.events import ItemsChanged
from desktop.store import Store
from desktop.store.base import remembered_key

if TYPE_CHECKING:
    from desktop.desk.desk import Desk
    from desktop.publishing.queue import PublishJob, PublishQueue
    from desktop.sync.engine import SyncReport

log = logging.getLogger(__name__)


class Publications:
    """One desk's publish queue and the runs of its jobs."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self._queue: PublishQueue | None = None
        #: Replaced by tests with a publisher of their own (a test connector, memory keychain).
        self.publisher: Any = None

    def queue(self) -> PublishQueue:
        """The publish queue of this profile's store (opened with the store's key)."""
        if self._queue is None:
            from desktop.publishing.queue import PublishQueue

            path = self.desk.store.path
            self._queue = PublishQueue(path, key=remembered_key(path))
        return self._queue

    def jobs(self) -> list[PublishJob]:
        return list(self.queue().jobs())

    def in_use(self) -> bool:
        """Targets are configured for the site, or something is (or was) in the queue."""
        queue = self.queue()
        return bool(queue.targets(self.desk.site) or queue.jobs())

    def retry(self, job_id: int) -> bool:
        done = bool(self.queue().retry(job_id))
        self.desk.events.emit(ItemsChanged())
        return done

    def of_item(self, item_id: str) -> list[PublishJob]:
        """This item's jobs that reached their target (their public link is known)."""
        return [
            job
            for job in self.jobs()
            if job.item_id == item_id and job.status == "published" and job.url
        ]

    async def run(self) -> list[Any]:
        """Refresh the targets, notice new work and run every job that is due."""
        from desktop.publishing.credentials import TargetCredentials
        from desktop.publishing.publisher import Publisher

        client = self.desk.client
        if client is None:
            raise OnlineOnly()
        publisher = self.publisher or Publisher(
            self.queue(), client, TargetCredentials(), language=self.desk.language
        )
        return list(await publisher.run())

    async def after_sync(self, report: SyncReport) -> None:
        """Publishing never breaks a sync: its failures stay in the queue with their reasons.
        A profile that never saw a target pays one query on the writer's open connection."""
        if self.publisher is None and not await self.desk.writer.run(Store.has_publish_targets):
            return
        for outcome in await self.run():
            log.info("publish job=%s status=%s", outcome.job_id, outcome.status)

    def close(self) -> None:
        if self._queue is not None:
            self._queue.close()
            self._queue = None
