"""The sync engine: push the outbox, pull changes, merge, each decision one logged action.

Order: push first, then pull. Pushing first lets a retried request whose answer was lost meet
the portal's idempotency replay before a pull could rebase the edit under it; a 412 while
pushing brings the portal's ``current`` copy, so merging does not wait for the pull.

All store work goes through the writer thread (``StoreWriter``); nothing here blocks the loop.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.models import Item
from desktop.store import Store, StoreWriter
from desktop.store.syncing import ServerRow, server_row
from desktop.sync.api import PortalClient
from desktop.sync.errors import (
    AuthError,
    BadResponse,
    Offline,
    PasswordChangeRequired,
    PortalError,
    ServerTrouble,
)
from desktop.sync.histories import fetch_histories
from desktop.sync.merge import merge_content
from desktop.sync.push import Push
from desktop.sync.report import SyncAction, SyncReport

__all__ = ["AfterSync", "SyncAction", "SyncEngine", "SyncReport"]

log = logging.getLogger(__name__)

#: Work that follows a finished sync (publishing to outside targets), given the sync's report.
AfterSync = Callable[["SyncReport"], Awaitable[None]]


class SyncEngine:
    """Moves changes between one store and one portal session."""

    def __init__(
        self,
        store: Store | StoreWriter,
        client: PortalClient,
        *,
        page_size: int = 100,
        chunk: int = 50,
        prefetch: int = 2,
        directory_every: float = 3600.0,
        language: str = "vi",
        park_after: int = 3,
    ) -> None:
        self.client = client
        self.page_size = page_size
        self.chunk = chunk
        self.prefetch = prefetch
        self.directory_every = directory_every
        self.language = language
        #: Tries after which an operation the portal keeps failing on is parked as failed.
        self.park_after = park_after
        #: Run after each sync that finished (the app registers publishing here).
        self.after_sync: list[AfterSync] = []
        if isinstance(store, StoreWriter):
            self.writer, self._own_writer = store, False
        else:
            self.writer, self._own_writer = StoreWriter(store.path), True

    async def aclose(self) -> None:
        if self._own_writer:
            self.writer.close()

    # -- the whole sync -----------------------------------------------------------------------

    async def sync(self, *, directory: bool | None = None) -> SyncReport:
        """Push, pull, refresh the directory when due. Offline is a result, not an exception."""
        report = SyncReport()
        finished = False
        try:
            await self.push(report)
            versions = await self.pull(report)
            await fetch_histories(self.writer, self.client, report)
            if directory or (directory is None and await self._directory_due(versions)):
                await self.refresh_directory(report, versions)
            finished = True
        except Offline as error:
            report.online = False
            report.error, report.error_kind = error.message(self.language), "offline"
            report.note(SyncAction.OFFLINE, "-", str(error) or type(error).__name__)
        except PasswordChangeRequired as error:
            report.password_change_required = True
            report.error, report.error_kind = error.message(self.language), "password"
        except AuthError as error:
            report.auth_failed = True
            report.error, report.error_kind = error.message(self.language), "auth"
        except BadResponse as error:
            report.error, report.error_kind = error.message(self.language), "bad_response"
            log.warning("sync stopped: bad answer from the portal: %s", error)
        except ServerTrouble as error:  # reached, but it could not give the changes now
            report.error, report.error_kind = error.message(self.language), "server"
            log.warning("sync stopped: the portal had an error: %s", error)
        except PortalError as error:
            report.error, report.error_kind = error.message(self.language), "refused"
        await self.writer.run(Store.record_sync, report.online, report.error, finished)
        if finished:
            for hook in self.after_sync:
                try:
                    await hook(report)
                except Exception as error:  # what runs after a sync never breaks it
                    log.warning("after-sync %s stopped: %s", _name(hook), type(error).__name__)
        return report

    # -- push ---------------------------------------------------------------------------------

    async def push(self, report: SyncReport) -> None:
        """Send the outbox in order (``push.Push``). An item held by a conflict holds its later
        operations; so does one whose operation the portal could not take now (it waits for
        the next sync), while every other item's operations go on."""
        await Push(self, report).run()

    # -- pull ---------------------------------------------------------------------------------

    async def pull(self, report: SyncReport) -> dict[str, int] | None:
        """Page through /changes from the saved cursor, applying each page in short chunks.

        Pipelined (issue 8): up to ``prefetch`` pages are downloaded and checked while the
        writer applies the current one. Pages are still applied strictly in order and each
        page's cursor is saved in the transaction of its last chunk, so a crash or an error at
        any point neither skips nor repeats a change; a failed download is raised only after
        every page before it is applied, as if the pages had been fetched one by one.

        Returns the directory versions the last page gave (None from an older portal).
        """
        cursor = await self.writer.run(Store.get_meta, "cursor")
        pages: asyncio.Queue[dict[str, Any] | Exception] = asyncio.Queue(max(1, self.prefetch))
        fetcher = asyncio.ensure_future(self._fetch_pages(cursor, pages))
        try:
            while True:
                page = await pages.get()
                if isinstance(page, Exception):
                    raise page
                await self._apply_page(page, cursor, report)
                cursor = page["cursor"]
                if not page["has_more"]:
                    directory: dict[str, int] | None = page.get("directory")
                    return directory
        finally:
            fetcher.cancel()

    async def _fetch_pages(
        self, cursor: str | None, pages: asyncio.Queue[dict[str, Any] | Exception]
    ) -> None:
        """Download pages ahead of the writer; an error goes down the queue in its turn."""
        try:
            while True:
                page = await self.client.changes(cursor, self.page_size, shape=_store_row)
                await pages.put(page)
                if not page["has_more"]:
                    return
                cursor = page["cursor"]
        except Exception as error:  # Offline, BadResponse, AuthError…: raised by ``pull``
            await pages.put(error)

    async def _apply_page(
        self, page: dict[str, Any], cursor: str | None, report: SyncReport
    ) -> None:
        changes = page["changes"]
        if not changes and page["cursor"] == cursor:
            return  # nothing new (the usual sync): no write transaction at all
        chunks = [changes[i : i + self.chunk] for i in range(0, len(changes), self.chunk)]
        for index, part in enumerate(chunks or [[]]):
            last = index == max(len(chunks), 1) - 1
            decisions = await self.writer.run(
                Store.apply_changes, part, page["cursor"] if last else None, merge_content
            )
            for decision in decisions:
                report.count(decision)

    # -- directory ----------------------------------------------------------------------------

    async def _directory_due(self, versions: dict[str, int] | None) -> bool:
        """Never fetched, or the portal's directory versions moved since the last fetch (an
        older portal that sends none: once every ``directory_every`` seconds)."""
        stamp = await self.writer.run(Store.get_meta, "directory_at")
        if stamp is None:
            return True
        if versions is None:
            return time.time() - float(stamp) > self.directory_every
        return bool(versions != await self.writer.run(Store.get_meta, "directory_versions"))

    async def refresh_directory(
        self, report: SyncReport | None = None, versions: dict[str, int] | None = None
    ) -> None:
        """The user, and each site's categories, members and grants, for offline checks;
        ``versions`` are the directory versions they match."""
        me = await self.client.me()
        found: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for site in me["sites"]:
            found[site] = {}
            for kind in ("categories", "members", "grants"):
                found[site][kind] = await self.client.directory(site, kind)
        await self.writer.run(Store.set_me, me)
        for site, kinds in found.items():
            for kind, entries in kinds.items():
                await self.writer.run(Store.set_directory, site, kind, entries)
        for site in found:  # the site's days off and working days (issue 6)
            await self.writer.run(
                Store.set_meta, f"calendar:{site}", await self.client.calendar(site)
            )
        await self.writer.run(Store.set_meta, "directory_at", time.time())
        if versions is not None:
            await self.writer.run(Store.set_meta, "directory_versions", versions)
        if report is not None:
            report.note(SyncAction.DIRECTORY, "-", f"{len(found)} site(s)")


def _name(hook: AfterSync) -> str:
    return str(getattr(hook, "__qualname__", None) or type(hook).__name__)


def _store_row(item: Item) -> ServerRow:
    """A pulled item as the store keeps it, made on the parsing thread (see ``ServerRow``)."""
    return server_row(item.to_dict())


def next_attempt(delay: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=delay)).isoformat()
