"""The application layer: everything a signed-in person can do, as plain async methods.

A ``Desk`` owns what one signed-in person has on this computer:

- the store, through three connections with one job each: the **writer** thread (every write,
  the saves while typing included, in order), the **reader** thread (reads that walk the whole
  store: the queues' rows, search, the report) and the loop's own connection for point reads
  (one item, its comments: about a millisecond, so the screens draw without waiting);
- the portal session and the sync engine (with publishing registered as an after-sync hook);
- the queues' read-model and the sync scheduler;
- every action: create, save, act, comment, resolve, attach, grant, revoke, publish, sync.

It knows no toolkit: the screens (``desktop.ui.services``) turn its events into Qt signals, the
command line (``desktop.cli``) calls the same methods and prints the results, and tests drive it
directly. Refusals are ``KnownError``s with a sentence in the person's language.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import mimetypes
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from desktop.desk.errors import MAX_ATTACHMENT, AttachmentTooLarge, NotFound, OnlineOnly
from desktop.desk.events import (
    DirectoryChanged,
    Events,
    ItemsChanged,
    PasswordChangeRequired,
    RowsRead,
    StatusChanged,
    SyncFinished,
    SyncStarted,
)
from desktop.desk.lookups import Lookups
from desktop.desk.notices import HeadNotices
from desktop.desk.online import OnPortal
from desktop.desk.publishing import Publications
from desktop.desk.questions import Citizens
from desktop.desk.queue import QueueModel
from desktop.desk.reader import Reader
from desktop.desk.scheduler import SyncScheduler
from desktop.desk.session import Session
from desktop.models import Action, Category, Item, ModelError
from desktop.models.errors import ActionRefused, Invalid
from desktop.models.me import Me
from desktop.store import Store, StoreWriter

if TYPE_CHECKING:
    from desktop.security.store_key import StoreKeys
    from desktop.sync.api import PortalClient
    from desktop.sync.engine import SyncEngine, SyncReport

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


def tracked(
    method: Callable[Concatenate[Desk, P], Awaitable[T]],
) -> Callable[Concatenate[Desk, P], Awaitable[T]]:
    """A write the desk waits for before it closes (nothing typed is lost on the way out)."""

    @functools.wraps(method)
    async def run(desk: Desk, *args: P.args, **kwargs: P.kwargs) -> T:
        if desk.closed:
            raise RuntimeError("the desk is closed")
        desk._inflight += 1
        desk._quiet.clear()
        try:
            return await method(desk, *args, **kwargs)
        finally:
            desk._inflight -= 1
            if not desk._inflight:
                desk._quiet.set()

    return run


@dataclass
class SyncState:
    """What the status bar and ``portal-desk status`` show of the sync."""

    online: bool | None = None
    running: bool = False
    last_sync: datetime | None = None
    last_error: str = ""
    pending: int = 0


class Desk(Lookups, OnPortal, HeadNotices):
    """One signed-in person's desk: their store, their portal session, their actions."""

    def __init__(
        self,
        store: Store,
        client: PortalClient | None = None,
        *,
        language: str = "vi",
        site: str = "",
        interval: float = 60.0,
        profile_id: str = "",
        keys: StoreKeys | None = None,
    ) -> None:
        from desktop.sync.engine import SyncEngine

        self.store = store
        self.client = client
        self.profile_id = profile_id
        #: The store's key (checks the password offline for the idle lock; re-wrapped when
        #: the password changes). None for a store opened without one (tests, tools).
        self.keys = keys
        self.events = Events()
        self._language = language
        self.writer = StoreWriter(store.path)
        self.reader = Reader(store.path)
        self.engine: SyncEngine | None = None
        self.publishing = Publications(self)
        self.citizens = Citizens(self)  # questions and consultation comments (issue 18)
        if client is not None:
            self.engine = SyncEngine(self.writer, client, language=language)
            self.engine.after_sync.append(self.publishing.after_sync)
        self.me = Me.from_dict(store.me() or {})
        self.session = Session.from_me(self.me, site)
        self.queue = QueueModel(store, self.session, self.reader, lambda: self._language)
        self.scheduler = SyncScheduler(self.sync, interval=interval)
        self.state = SyncState(pending=store.pending_count())
        #: The next sync fetches the directory too (a profile opened without a first sync).
        self.directory_next = False
        self._categories: list[Category] | None = None
        self._sync_lock = asyncio.Lock()
        self.closed = False
        self._inflight = 0  # writes under way (``tracked``): close waits for them
        self._quiet = asyncio.Event()
        self._quiet.set()

    # -- language ------------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self._language

    @language.setter
    def language(self, value: str) -> None:
        self._language = value
        if self.engine is not None:
            self.engine.language = value

    # -- reading: Lookups (desktop/desk/lookups.py); what walks the store is the reader's --

    async def search(self, query: str, **filters: Any) -> list[Any]:
        return await self.reader.search(query, **filters)

    async def report(self, period: Any, site: str | None = None) -> Any:
        return await self.reader.report(period, site, self.language)

    # -- writing: every write goes through the writer thread -----------------------------------

    async def _write(self, item_ids: Iterable[str], method: Any, *args: Any, **kw: Any) -> Any:
        """``method(store, ...)`` on the writer, then the changed rows re-read and announced."""
        ids = list(item_ids)
        before = self.queue.mark()
        result = await self._run(method, *args, **kw)
        self._changed(ids, before)
        return result

    async def _run(self, method: Any, *args: Any, **kw: Any) -> Any:
        """``method(store, ...)`` on the writer; content the model refuses is ``Invalid``."""
        try:
            return await self.writer.run(method, *args, **kw)
        except ModelError as error:
            raise Invalid(
                f"Nội dung không hợp lệ: {error}", f"The content is not valid: {error}"
            ) from error

    def _changed(self, ids: list[str], before: tuple[Any, ...] | None) -> None:
        self.queue.reread(ids, before)
        self.state.pending = self.store.pending_count()
        self.events.emit(ItemsChanged(frozenset(ids), local=True))
        self.events.emit(StatusChanged())
        self.scheduler.local_change()

    @tracked
    async def create(self, category: str = "", *, site: str = "", **content: Any) -> Item:
        """A new local draft, saved at once and queued for the portal (works offline); with no
        content given, the section's template (``desktop.desk.templates``)."""
        if not self.session.can_write():
            raise ActionRefused([])
        if not category:
            categories = self.categories()
            category = categories[0].id if categories else ""
        site = site or self.site
        if not content:  # a blank new item starts from its section's template (issue 20)
            from desktop.desk.templates import section_template

            content = section_template(self.store, site, category)
        before = self.queue.mark()
        author = self.session.user.username
        item: Item = await self._run(Store.create_draft, site, category, author, **content)
        self._changed([item.id], before)
        return item

    @tracked
    async def save(self, item_id: str, **content: Any) -> None:
        """Keep what the person typed (cheap: one row; coalesced in the outbox)."""
        await self._write([item_id], Store.save_working, item_id, **content)

    @tracked
    async def act(self, item_id: str, action: Action | str, comment: str | None = None) -> Item:
        """A workflow step, checked here as the portal will check it, then queued.

        Raises ``ActionRefused`` with the reasons (the shared pre-check) when it cannot work.
        """
        try:
            wanted = Action(action)
        except ValueError:
            raise Invalid(
                f"Thao tác không hợp lệ: {action}", f"Unknown action: {action}", "unknown_action"
            ) from None
        await asyncio.sleep(0)  # writes asked for just before have begun: the check sees them
        await self.writer.drain()
        item = self.item(item_id)
        if item is None:
            raise NotFound(item_id, f"Không tìm thấy tin “{item_id}”.", f"No item “{item_id}”.")
        comment = (comment or "").strip()
        verdict = self.session.check(item, wanted, self.category_map(), comment)
        if not verdict:
            raise ActionRefused(verdict.problems)
        local = self.store.item(item_id)
        server = local.server if local is not None else None
        before = self.queue.mark()
        await self.writer.run(
            Store.queue_action, item_id, wanted.value, comment or None, self.session.user.username
        )
        self.queue.expect(item_id, wanted, server.version if server is not None else 0)
        self._changed([item_id], before)
        return self.queue.expected_item(item)

    @tracked
    async def restore(self, item_id: str, version: int) -> None:
        """Version ``version``'s content back as the working copy (``desktop.desk.restore``)."""
        from desktop.desk.restore import restore

        await restore(self, item_id, version)

    @tracked
    async def delete(self, item_id: str) -> bool:
        """Delete a draft of one's own that was never submitted: at once when it never left
        this computer (True), on the portal at the next sync otherwise (False; it is gone from
        the queues now). Anything else is refused with the reason (``ActionRefused``)."""
        await asyncio.sleep(0)  # writes asked for just before have begun: the check sees them
        await self.writer.drain()
        item = self.item(item_id)
        if item is None:
            raise NotFound(item_id, f"Không tìm thấy tin “{item_id}”.", f"No item “{item_id}”.")
        verdict = self.session.check(item, Action.DELETE, self.category_map())
        if not verdict:
            raise ActionRefused(verdict.problems)
        local = self.store.item(item_id)
        server_version = local.server.version if local is not None and local.server else 0
        before = self.queue.mark()
        gone: bool = await self.writer.run(Store.delete_draft, item_id)
        if not gone:
            self.queue.expect(item_id, Action.DELETE, server_version)
        self._changed([item_id], before)
        return gone

    @tracked
    async def comment(self, item_id: str, body: str) -> str:
        """An editorial comment, queued for the portal; returns its id."""
        if not body.strip():
            raise Invalid("Ý kiến đang để trống.", "The comment is empty.", code="empty_comment")
        author = self.session.user.username
        comment_id: str = await self._write(
            [item_id], Store.queue_comment, item_id, body, author=author
        )
        return comment_id

    @tracked
    async def resolve(self, conflict_id: int, resolution: str | dict[str, Any]) -> None:
        """Keep "mine", "theirs", or merged content; the conflict record itself is kept."""
        conflict = self.store.conflict(conflict_id)
        if conflict is None:
            raise NotFound(
                str(conflict_id),
                f"Không có xung đột “{conflict_id}”.",
                f"No conflict “{conflict_id}”.",
            )
        await self._write([conflict.item_id], Store.resolve_conflict, conflict_id, resolution)

    @tracked
    async def attach(self, item_id: str, path: Path) -> tuple[str, str]:
        """Keep a file in the store, queue its upload and list it on the item.

        Returns (sha256, content type). Files over the portal's limit are refused here.
        """
        data = path.read_bytes()
        if len(data) > MAX_ATTACHMENT:
            raise AttachmentTooLarge(path.name)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        digest: str = await self._write(
            [item_id], Store.queue_blob, data, content_type, item_id, path.name
        )
        item = self.item(item_id)
        attachments = list(item.attachments) if item is not None else []
        if digest not in attachments:
            attachments.append(digest)
            await self.save(item_id, attachments=attachments)
        return digest, content_type

    @tracked
    async def dismiss_failures(self, item_id: str) -> None:
        before = self.queue.mark()
        for failure in self.failures(item_id):
            await self.writer.run(Store.dismiss_failed, failure.seq)
        self._changed([item_id], before)

    # -- the directory (grants are given and revoked in ``OnPortal``) --------------------------

    async def refresh_directory(self) -> None:
        if self.engine is not None:
            await self.engine.refresh_directory()
        self.refresh_me()

    def refresh_me(self) -> None:
        """Take the stored ``me`` (the synced directory) into the session: queues and actions
        follow a new or revoked grant at once, and offline from the cached copy."""
        me = Me.from_dict(self.store.me() or {})
        changed = me != self.me
        self.me = me
        if self.session.site not in me.sites:  # signed in just now, or taken off this site
            self.session.site = next(iter(me.sites), "")
            self.session.site_name = me.site_name(self.session.site)
        self.session.grants = me.grants
        self.session.user = me.user
        self.session.site_settings = me.settings(self.site)
        self._categories = None
        if changed:
            self.events.emit(DirectoryChanged())

    # -- history -------------------------------------------------------------------------------

    @tracked
    async def fetch_history(self, item_id: str) -> None:
        """Versions of one item (and the submitted version's content, for the changes view)
        into the store; quiet when offline (the history shown is then what was fetched)."""
        if self.client is None:
            return
        versions = await self.client.versions(item_id)
        item = self.item(item_id)
        handed = item.steps.get("submit") if item is not None else None
        if handed is not None:
            for version in versions:
                if version.get("version") == handed.version and "item" not in version:
                    full = await self.client.call(
                        "GET", f"items/{item_id}/versions/{handed.version}"
                    )
                    if isinstance(full, dict) and isinstance(full.get("item"), dict):
                        version["item"] = full["item"]
        await self._write([item_id], Store.set_versions, item_id, versions)

    # -- sync ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Sync now and on the scheduler's timer from here on (the app; not the CLI)."""
        if self.engine is not None:
            self.scheduler.start()

    def sync_now(self) -> asyncio.Future[SyncReport]:
        """A sync as soon as possible (through the scheduler when it runs)."""
        if self.scheduler.started:
            return self.scheduler.sync_now()
        return asyncio.ensure_future(self.sync())

    async def sync(self, directory: bool | None = None) -> SyncReport:
        """Push, pull and (when due or asked) refresh the directory; one at a time.

        Offline is a result, not an exception. The rows the screens show are kept while it
        runs and read again on the reader thread when it ends.
        """
        from desktop.sync.engine import SyncReport

        if self.engine is None:
            return SyncReport(online=False, error=OnlineOnly().message(self.language))
        async with self._sync_lock:
            if self.directory_next:
                self.directory_next, directory = False, True
            self.state.running = True
            self.queue.hold()
            self.events.emit(SyncStarted())
            self.events.emit(StatusChanged())
            report: SyncReport | None = None
            try:
                report = await self.engine.sync(directory=directory)
                self.state.last_error = report.error or ""
                if report.online and not report.error:
                    self.state.last_sync = datetime.now(UTC)
                if report.password_change_required:
                    self.events.emit(PasswordChangeRequired())
                return report
            finally:
                reached = bool(report.online) if report is not None else False
                self.state.running = False
                self.state.online = reached
                self.state.pending = self.store.pending_count()
                self.refresh_me()
                self.queue.forget_answered()
                try:
                    await self.queue.refresh()
                except Exception:  # the rows are read again at the next look
                    log.warning("reading the queues after a sync failed", exc_info=True)
                self.events.emit(SyncFinished(report, reached))
                self.events.emit(StatusChanged())
                self.events.emit(ItemsChanged())

    async def first_read(self) -> None:
        """The queues' first read, on the reader thread (the window shows "reading…" meanwhile)."""
        self.queue.begin_loading()
        try:
            await self.queue.refresh()
        finally:
            self.events.emit(RowsRead())
            self.events.emit(ItemsChanged())

    # -- publishing to outside targets (WordPress) -------------------------------------------

    async def publish(self) -> list[Any]:
        """Run the publish jobs that are due now (a sync runs them too, after it ends)."""
        return await self.publishing.run()

    # -- the end -------------------------------------------------------------------------------

    async def close(self) -> None:
        """Stop syncing, then close the session and the store's connections (the reader and the
        writer before the loop's own)."""
        if self.closed:
            return
        await asyncio.sleep(0)  # writes asked for just before start, and are waited for
        self.closed = True
        if not self._quiet.is_set():
            await asyncio.wait_for(self._quiet.wait(), 30)
        await self.scheduler.stop()
        async with self._sync_lock:
            pass  # a sync the scheduler did not start (the person's "sync now") ends first
        if self.engine is not None:
            await self.engine.aclose()
        if self.client is not None:
            await self.client.aclose()
        self.publishing.close()
        self.reader.close()
        self.writer.close()
        self.store.close()

    async def __aenter__(self) -> Desk:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
