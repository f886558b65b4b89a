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
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.models import Item
from desktop.store import OutboxOp, PullDecision, Store, StoreWriter
from desktop.store.content import changed_fields
from desktop.store.syncing import ServerRow, server_row
from desktop.sync.api import PortalClient
from desktop.sync.errors import (
    AlreadyExists,
    AuthError,
    BadResponse,
    MovedOn,
    Offline,
    PasswordChangeRequired,
    PortalError,
    Refused,
    ServerTrouble,
    Stale,
)
from desktop.sync.histories import fetch_histories
from desktop.sync.merge import merge_content

log = logging.getLogger(__name__)

#: What a parked operation's reason says when the portal kept failing on it.
COULD_NOT_TAKE = (
    "Cổng thông tin gặp lỗi mỗi lần nhận thao tác này; nội dung vẫn được giữ trên máy. "
    "Hãy báo cho quản trị cổng thông tin.",
    "The portal failed every time it was sent this; the content is kept on this computer. "
    "Tell the portal's administrator.",
)

#: Work that follows a finished sync (publishing to outside targets), given the sync's report.
AfterSync = Callable[["SyncReport"], Awaitable[None]]


class SyncAction(StrEnum):
    REPLACE = "replace"  # pulled item had no local edits: take the portal's copy
    REBASE = "rebase"  # local edits kept on top of a newer portal copy
    MERGE = "merge"  # local and remote edits merged cleanly
    CONFLICT = "conflict"  # both changed the same text: kept both sides for the user
    SKIP = "skip"  # nothing to do (already have it)
    KEEP = "keep"  # item held back (open conflict)
    PUSH = "push"  # an operation reached the portal
    DROP = "drop"  # an operation was taken out of the queue (no longer applies / nothing left)
    FAIL = "fail"  # the portal refused an operation for good; content kept
    RETRY = "retry"  # network trouble: the operation stays queued
    OFFLINE = "offline"  # the portal cannot be reached
    DIRECTORY = "directory"  # categories, members and grants refreshed


@dataclass
class SyncReport:
    """What one sync moved, for the status line and ``portal-desk sync``."""

    pulled: int = 0
    pushed: int = 0
    merged: int = 0
    conflicts: int = 0
    failed: int = 0
    dropped: int = 0
    online: bool = True
    auth_failed: bool = False
    #: The portal answered 403 password_change_required: the outbox stays queued (AG-10.3).
    password_change_required: bool = False
    error: str | None = None
    error_kind: str | None = None
    #: Operations kept queued because the portal answered them with an error of its own.
    held: int = 0
    #: Items whose history (returns, take-downs and their reasons) came with this sync.
    histories: int = 0
    decisions: list[tuple[str, str, str]] = field(default_factory=list)

    def note(self, action: SyncAction, item_id: str, reason: str) -> None:
        self.decisions.append((action.value, item_id, reason))
        log.info("sync action=%s item=%s reason=%s", action.value, item_id, reason)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pulled": self.pulled,
            "pushed": self.pushed,
            "merged": self.merged,
            "conflicts": self.conflicts,
            "failed": self.failed,
            "dropped": self.dropped,
            "online": self.online,
            "error": self.error,
            "error_kind": self.error_kind,
            "held": self.held,
            "histories": self.histories,
        }


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
        self._parked: set[str] = set()  # items with an operation parked during this push
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
        """Send the outbox in order. An item held by a conflict holds its later operations; so
        does one whose operation the portal could not take now (it waits for the next sync),
        while every other item's operations go on."""
        ops: list[OutboxOp] = await self.writer.run(Store.outbox)
        blocked: set[str] = await self.writer.run(Store.blocked_items)
        held: set[str] = set()
        self._parked = set()
        for queued in ops:
            if queued.item_id in blocked:
                report.note(SyncAction.KEEP, queued.item_id, f"{queued.op} waits for a conflict")
                continue
            if queued.item_id in held:
                report.note(SyncAction.KEEP, queued.item_id, f"{queued.op} waits behind another")
                continue
            if queued.item_id in self._parked:  # it needed the operation parked before it
                await self._park(queued, report)
                continue
            if not await self.push_op(queued.seq, report):
                held.add(queued.item_id)
            if queued.item_id in await self.writer.run(Store.blocked_items):
                blocked.add(queued.item_id)

    async def push_op(self, seq: int, report: SyncReport) -> bool:
        """Send one operation; False when it stays queued (the portal could not take it now).

        A transport failure stops the sync (``Offline`` is raised on); a refusal parks the
        operation as failed with the portal's reason; an error of the portal's own (5xx, an
        answer that cannot be read) keeps it queued, and parks it after ``park_after`` tries
        while the portal takes the rest: one poisoned operation never wedges every sync.
        """
        op: OutboxOp | None = await self.writer.run(Store.op, seq)
        if op is None:
            return True
        try:
            if op.op in ("create", "update"):
                await self._push_content(seq, report)
            elif op.op == "action":
                await self._push_action(op, report)
            elif op.op == "comment":
                await self._push_comment(op, report)
            elif op.op == "blob":
                await self._push_blob(op, report)
        except Offline as error:
            await self.writer.run(Store.defer_op, seq, str(error) or type(error).__name__)
            report.note(SyncAction.RETRY, op.item_id, f"{op.op} stays queued: offline")
            raise
        except Refused as error:
            await self.writer.run(
                Store.fail_op, seq, error.status, error.code, error.reason(self.language)
            )
            report.failed += 1
            report.note(
                SyncAction.FAIL, op.item_id, f"{op.op} refused: {error.status} {error.code}"
            )
        except (ServerTrouble, BadResponse) as error:
            return await self._could_not_take(op, error, report)
        return True

    async def _could_not_take(
        self, op: OutboxOp, error: ServerTrouble | BadResponse, report: SyncReport
    ) -> bool:
        """The portal answered this operation with an error of its own: it waits for the next
        sync, and after ``park_after`` tries it is parked as failed (its content kept)."""
        busy = isinstance(error, ServerTrouble) and error.in_progress
        if busy or op.attempts + 1 < self.park_after:
            await self.writer.run(Store.defer_op, op.seq, str(error) or type(error).__name__)
            report.held += 1
            report.note(SyncAction.RETRY, op.item_id, f"{op.op} stays queued: {error}")
            return False
        await self._park(op, report)
        self._parked.add(op.item_id)
        return True

    async def _park(self, op: OutboxOp, report: SyncReport) -> None:
        reason = COULD_NOT_TAKE[0 if self.language == "vi" else 1]
        await self.writer.run(Store.fail_op, op.seq, None, "server_error", reason)
        report.failed += 1
        report.note(SyncAction.FAIL, op.item_id, f"{op.op} parked after {op.attempts + 1} tries")

    async def _push_comment(self, op: OutboxOp, report: SyncReport) -> None:
        comment = {"id": op.payload["id"], "body": op.payload["body"]}
        try:
            answer = await self.client.add_comment(op.item_id, comment, op.idempotency_key)
        except AlreadyExists as exists:
            # Sent before, its answer lost, its idempotency record expired: the portal has it.
            # Its id is ours (a fresh UUID), so this is the comment we sent.
            answer = exists.current or {**comment, "item_id": op.item_id}
            if answer.get("id") != comment["id"]:
                raise
            report.note(SyncAction.PUSH, op.item_id, "comment already on the portal")
        await self.writer.run(Store.ack_comment, op.seq, answer)
        report.pushed += 1
        report.note(SyncAction.PUSH, op.item_id, "comment sent")

    async def _push_content(self, seq: int, report: SyncReport) -> None:
        for _round in range(4):
            op: OutboxOp | None = await self.writer.run(Store.op, seq)
            if op is None:
                return
            request = op.frozen
            if request is None:
                request = await self._prepare_content(op)
                if request is None:
                    await self.writer.run(Store.drop_op, seq)
                    report.note(SyncAction.DROP, op.item_id, "no change left to send")
                    return
                await self.writer.run(Store.freeze_op, seq, request)
            if_match = request["if_match"]
            try:
                item = await self.client.put_item(
                    op.item_id, request["body"], op.idempotency_key, if_match
                )
            except Stale as stale:
                decision: PullDecision = await self.writer.run(
                    Store.on_stale, seq, stale.current, merge_content
                )
                self._count(decision, report)
                if decision.action == SyncAction.CONFLICT:
                    return
                continue
            await self.writer.run(Store.ack_op, seq, item, if_match or 0)
            report.pushed += 1
            report.note(SyncAction.PUSH, op.item_id, f"{op.op} → version {item['version']}")
            return
        report.note(SyncAction.RETRY, str(seq), "the item keeps moving; trying next sync")

    async def _prepare_content(self, op: OutboxOp) -> dict[str, Any] | None:
        state = await self.writer.run(Store.working_state, op.item_id)
        if state is None:
            return None
        if op.op == "create":
            return {"if_match": None, "body": {"site": state["site"], **state["content"]}}
        fields = changed_fields(state["base"], state["content"])
        if not fields:
            return None
        return {"if_match": state["base_version"], "body": fields}

    async def _push_action(self, op: OutboxOp, report: SyncReport) -> None:
        body = {"action": op.payload["action"], "expected_version": op.payload["expected_version"]}
        if op.payload.get("comment"):
            body["comment"] = op.payload["comment"]
            if op.payload.get("comment_id"):  # the id of the comment shown here already
                body["comment_id"] = op.payload["comment_id"]
        try:
            item = await self.client.act(op.item_id, body, op.idempotency_key)
        except MovedOn as moved:
            await self.writer.run(
                Store.fail_op, op.seq, moved.status, moved.code, moved.reason(self.language)
            )
            await self.writer.run(
                Store.apply_changes, [{"kind": "item", "item": moved.current}], None, merge_content
            )
            report.dropped += 1
            report.note(SyncAction.DROP, op.item_id, f"{body['action']}: the item moved on")
            return
        await self.writer.run(Store.ack_op, op.seq, item, body["expected_version"])
        report.pushed += 1
        report.note(SyncAction.PUSH, op.item_id, f"{body['action']} → {item['state']}")

    async def _push_blob(self, op: OutboxOp, report: SyncReport) -> None:
        blob = await self.writer.run(Store.blob, op.payload["sha256"])
        if blob is None:
            await self.writer.run(Store.drop_op, op.seq)
            report.note(SyncAction.DROP, op.item_id, "attachment bytes are gone")
            return
        name = str(op.payload.get("name") or "")  # older queued uploads have none
        await self.client.put_blob(
            op.payload["sha256"], blob[0], blob[1], op.idempotency_key, name=name
        )
        await self.writer.run(Store.drop_op, op.seq)
        report.pushed += 1
        report.note(SyncAction.PUSH, op.item_id, "attachment uploaded")

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
                self._count(decision, report)

    def _count(self, decision: PullDecision, report: SyncReport) -> None:
        action = SyncAction(decision.action)
        if action is SyncAction.SKIP:
            log.debug("sync action=skip item=%s reason=%s", decision.item_id, decision.reason)
            return
        report.note(action, decision.item_id, decision.reason)
        if action in (SyncAction.REPLACE, SyncAction.REBASE):
            report.pulled += 1
        elif action is SyncAction.MERGE:
            report.merged += 1
        elif action is SyncAction.CONFLICT:
            report.conflicts += 1

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
