"""Pushing the outbox: one operation at a time, in the queue's order (docs/sync.md, "Push").

Each request goes out only after the one before it was answered, so the portal sees the order
the user worked in. An item held by a conflict, or by an error of the portal's own, holds its
later operations; every other item's operations go on.

The store's work around each request runs on the writer thread while a request is in flight
(issue 21): the next operation is taken (read, its request frozen) while the current one
travels, when it belongs to another item; an answer is written back (the portal's copy, the
working copy's base, the search index) while the next request travels. The writer runs jobs
in the order they are handed over, so an item's operation is always taken after the answer to
its previous one was written. A crash at any point leaves each operation either written back
or queued with its frozen request and key, which the portal replays when it is sent again.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Concatenate

from desktop.store import OutboxOp, Store
from desktop.store.records import ReadyOp
from desktop.sync.errors import (
    AlreadyExists,
    BadResponse,
    MovedOn,
    Offline,
    Refused,
    ServerTrouble,
    Stale,
)
from desktop.sync.merge import merge_content
from desktop.sync.report import SyncAction, SyncReport

if TYPE_CHECKING:
    from desktop.sync.engine import SyncEngine

log = logging.getLogger("desktop.sync.engine")

#: What a parked operation's reason says when the portal kept failing on it.
COULD_NOT_TAKE = (
    "Cổng thông tin gặp lỗi mỗi lần nhận thao tác này; nội dung vẫn được giữ trên máy. "
    "Hãy báo cho quản trị cổng thông tin.",
    "The portal failed every time it was sent this; the content is kept on this computer. "
    "Tell the portal's administrator.",
)

#: Tries of one content operation answered 412 (merged, sent again) within one push.
STALE_ROUNDS = 4


class Push:
    """One push of the outbox, for one sync."""

    def __init__(self, engine: SyncEngine, report: SyncReport) -> None:
        self.client, self.writer = engine.client, engine.writer
        self.language, self.park_after = engine.language, engine.park_after
        self.report = report
        self.blocked: set[str] = set()  # items with an open conflict
        self.held: set[str] = set()  # items whose operation the portal could not take now
        self.parked: set[str] = set()  # items with an operation parked during this push
        self._written: list[asyncio.Future[None]] = []  # answers being written back, in order

    async def run(self) -> None:
        ops: list[OutboxOp] = await self.writer.run(Store.outbox)
        self.blocked = await self.writer.run(Store.blocked_items)
        ahead: asyncio.Future[ReadyOp | None] | None = None
        taken: asyncio.Future[ReadyOp | None] | None = None
        try:
            for index, queued in enumerate(ops):
                taken, ahead = ahead, None
                if not await self._may_send(queued):
                    if taken is not None:
                        await taken  # taken ahead; its frozen request waits for a later push
                    continue
                if taken is None:
                    taken = self.writer.start(Store.take_op, queued.seq)
                ready = await taken
                self._check_written()
                following = ops[index + 1] if index + 1 < len(ops) else None
                if following is not None and self._free(following, queued):
                    ahead = self.writer.start(Store.take_op, following.seq)
                if ready is None:
                    continue
                conflicts = self.report.conflicts
                if not await self._send(ready):
                    self.held.add(queued.item_id)
                if self.report.conflicts != conflicts:
                    self.blocked = await self.writer.run(Store.blocked_items)
        except BaseException:
            await self._finish(ahead, taken, quiet=True)  # ``taken`` too, if not yet awaited
            raise
        await self._finish(ahead)

    def _free(self, following: OutboxOp, current: OutboxOp) -> bool:
        """Whether ``following`` may be taken while ``current`` travels: another item's, not
        held back by what this push knows so far."""
        item = following.item_id
        return item != current.item_id and all(
            item not in held_back for held_back in (self.blocked, self.held, self.parked)
        )

    async def _may_send(self, queued: OutboxOp) -> bool:
        if queued.item_id in self.blocked:
            self.report.note(SyncAction.KEEP, queued.item_id, f"{queued.op} waits for a conflict")
        elif queued.item_id in self.held:
            self.report.note(SyncAction.KEEP, queued.item_id, f"{queued.op} waits behind another")
        elif queued.item_id in self.parked:  # it needed the operation parked before it
            await self._park(queued)
        else:
            return True
        return False

    def _write_back(self, method: Callable[Concatenate[Store, ...], None], *args: Any) -> None:
        """Write an answer back on the writer thread without waiting for it (see the module)."""
        self._written.append(self.writer.start(method, *args))

    def _check_written(self) -> None:
        """Raise the first error of an answer already written back (a full disk, say)."""
        while self._written and self._written[0].done():
            self._written.pop(0).result()

    async def _finish(self, *taken: asyncio.Future[Any] | None, quiet: bool = False) -> None:
        """Wait for the writer's work this push handed over (answers written back, operations
        ``taken``). After an error (``quiet``) the first error stays the one raised; the rest
        are logged."""
        pending = [*self._written, *(f for f in taken if f is not None)]
        self._written = []
        if not pending:
            return
        await asyncio.wait(pending)
        errors = [e for f in pending if not f.cancelled() and (e := f.exception()) is not None]
        for error in errors[1:] if not quiet else errors:
            log.warning("push: the store could not record an answer: %r", error)
        if errors and not quiet:
            raise errors[0]

    async def _send(self, ready: ReadyOp) -> bool:
        """Send one operation; False when it stays queued (the portal could not take it now).

        A transport failure stops the sync (``Offline`` is raised on); a refusal parks the
        operation as failed with the portal's reason; an error of the portal's own (5xx, an
        answer that cannot be read) keeps it queued, and parks it after ``park_after`` tries
        while the portal takes the rest: one poisoned operation never wedges every sync.
        """
        op = ready.op
        try:
            if op.op in ("create", "update"):
                await self._push_content(ready)
            elif op.op == "action":
                await self._push_action(op)
            elif op.op == "comment":
                await self._push_comment(op)
            elif op.op == "blob":
                await self._push_blob(op)
        except Offline as error:
            await self.writer.run(Store.defer_op, op.seq, str(error) or type(error).__name__)
            self.report.note(SyncAction.RETRY, op.item_id, f"{op.op} stays queued: offline")
            raise
        except Refused as error:
            await self.writer.run(
                Store.fail_op, op.seq, error.status, error.code, error.reason(self.language)
            )
            self.report.failed += 1
            self.report.note(
                SyncAction.FAIL, op.item_id, f"{op.op} refused: {error.status} {error.code}"
            )
        except (ServerTrouble, BadResponse) as error:
            return await self._could_not_take(op, error)
        return True

    async def _could_not_take(self, op: OutboxOp, error: ServerTrouble | BadResponse) -> bool:
        """The portal answered this operation with an error of its own: it waits for the next
        sync, and after ``park_after`` tries it is parked as failed (its content kept)."""
        busy = isinstance(error, ServerTrouble) and error.in_progress
        if busy or op.attempts + 1 < self.park_after:
            await self.writer.run(Store.defer_op, op.seq, str(error) or type(error).__name__)
            self.report.held += 1
            self.report.note(SyncAction.RETRY, op.item_id, f"{op.op} stays queued: {error}")
            return False
        await self._park(op)
        self.parked.add(op.item_id)
        return True

    async def _park(self, op: OutboxOp) -> None:
        reason = COULD_NOT_TAKE[0 if self.language == "vi" else 1]
        await self.writer.run(Store.fail_op, op.seq, None, "server_error", reason)
        self.report.failed += 1
        self.report.note(
            SyncAction.FAIL, op.item_id, f"{op.op} parked after {op.attempts + 1} tries"
        )

    async def _push_content(self, ready: ReadyOp) -> None:
        for _round in range(STALE_ROUNDS):
            op = ready.op
            if ready.dropped:
                self.report.note(SyncAction.DROP, op.item_id, "no change left to send")
                return
            request = op.frozen
            assert request is not None  # ``take_op`` froze it
            if_match = request["if_match"]
            try:
                item = await self.client.put_item(
                    op.item_id, request["body"], op.idempotency_key, if_match
                )
            except Stale as stale:
                decision = await self.writer.run(
                    Store.on_stale, op.seq, stale.current, merge_content
                )
                self.report.count(decision)
                if decision.action == SyncAction.CONFLICT:
                    return
                again = await self.writer.run(Store.take_op, op.seq)
                if again is None:
                    return
                ready = again
                continue
            self._write_back(Store.ack_op, op.seq, item, if_match or 0)
            self.report.pushed += 1
            self.report.note(SyncAction.PUSH, op.item_id, f"{op.op} → version {item['version']}")
            return
        self.report.note(
            SyncAction.RETRY, str(ready.op.seq), "the item keeps moving; trying next sync"
        )

    async def _push_action(self, op: OutboxOp) -> None:
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
            self.report.dropped += 1
            self.report.note(SyncAction.DROP, op.item_id, f"{body['action']}: the item moved on")
            self.blocked = await self.writer.run(Store.blocked_items)  # it may hold a conflict
            return
        self._write_back(Store.ack_op, op.seq, item, body["expected_version"])
        self.report.pushed += 1
        self.report.note(SyncAction.PUSH, op.item_id, f"{body['action']} → {item['state']}")

    async def _push_comment(self, op: OutboxOp) -> None:
        comment = {"id": op.payload["id"], "body": op.payload["body"]}
        try:
            answer = await self.client.add_comment(op.item_id, comment, op.idempotency_key)
        except AlreadyExists as exists:
            # Sent before, its answer lost, its idempotency record expired: the portal has it.
            # Its id is ours (a fresh UUID), so this is the comment we sent.
            answer = exists.current or {**comment, "item_id": op.item_id}
            if answer.get("id") != comment["id"]:
                raise
            self.report.note(SyncAction.PUSH, op.item_id, "comment already on the portal")
        self._write_back(Store.ack_comment, op.seq, answer)
        self.report.pushed += 1
        self.report.note(SyncAction.PUSH, op.item_id, "comment sent")

    async def _push_blob(self, op: OutboxOp) -> None:
        blob = await self.writer.run(Store.blob, op.payload["sha256"])
        if blob is None:
            await self.writer.run(Store.drop_op, op.seq)
            self.report.note(SyncAction.DROP, op.item_id, "attachment bytes are gone")
            return
        name = str(op.payload.get("name") or "")  # older queued uploads have none
        await self.client.put_blob(
            op.payload["sha256"], blob[0], blob[1], op.idempotency_key, name=name
        )
        self._write_back(Store.drop_op, op.seq)
        self.report.pushed += 1
        self.report.note(SyncAction.PUSH, op.item_id, "attachment uploaded")
