"""The sync engine's side of the store: read the outbox, record answers, apply pulled pages.

Every method is one transaction and is meant to run on the writer thread (``writer.py``).
Merging is passed in (``MergeFn``) so that the store knows nothing of the sync package; it
runs inside the transaction, so a user typing on another connection is never overwritten.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import orjson

from desktop.store.base import OPERATIONAL_ERRORS, StoreBase, dump, now_iso
from desktop.store.content import MergeFn, changed_fields, content_of, empty_content
from desktop.store.records import OutboxOp, PullDecision, ReadyOp

#: Largest pulled chunk applied in one transaction (keeps each write short, see platform notes).
CHUNK = 50
#: Rows per multi-row statement: 11 values each, under the 999 variables of older SQLite builds.
_ROWS_PER_STATEMENT = 90
#: The JSON arrives as UTF-8 bytes and becomes TEXT in SQLite (``CAST``): decoding ~500 KB
#: of Vietnamese text per page in Python would hold the GIL for milliseconds.
_SERVER_ROW = "(?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?, ?)"

#: An item as ``server_items`` keeps it: (id, site, json, version, state, category, title,
#: author, created_by, state_since, updated_at). Atoms only, so the garbage collector stops
#: tracking it: thousands of pulled items waiting for the writer as dicts were enough to set
#: off a full collection, a 40–80 ms stall of every thread (issue 8).
ServerRow = tuple[str, str, bytes, int, str, str, str, str, str, str | None, str | None]


def server_row(item: dict[str, Any]) -> ServerRow:
    """The row kept for a checked item (the pull builds it on its parsing thread)."""
    return (
        item["id"],
        item["site"],
        encode_item(item),
        item["version"],
        item["state"],
        item.get("category") or "",
        item.get("title") or "",
        item.get("author") or "",
        item.get("created_by") or "",
        item.get("state_since"),
        item.get("updated_at"),
    )


def encode_item(item: dict[str, Any]) -> bytes:
    """An item's JSON (UTF-8) for ``server_items.json``: sorted keys like ``dump``, but with
    orjson, ~50× faster (a first sync encodes every item: issue 8). Readers only parse it."""
    try:
        return orjson.dumps(item, option=orjson.OPT_SORT_KEYS)
    except (orjson.JSONEncodeError, TypeError):  # e.g. an integer beyond 64 bits
        return dump(item).encode("utf-8")


class SyncSide(StoreBase):
    # -- the outbox ---------------------------------------------------------------------------

    def outbox(self) -> list[OutboxOp]:
        return [OutboxOp.from_row(r) for r in self.query("SELECT * FROM outbox ORDER BY seq")]

    def op(self, seq: int) -> OutboxOp | None:
        row = self._one("SELECT * FROM outbox WHERE seq = ?", [seq])
        return OutboxOp.from_row(row) if row else None

    def blocked_items(self) -> set[str]:
        rows = self.query("SELECT DISTINCT item_id FROM conflicts WHERE resolved = 0")
        return {r["item_id"] for r in rows}

    def take_op(self, seq: int) -> ReadyOp | None:
        """Operation ``seq`` ready to send, in one transaction (one trip to the writer thread).

        A content operation's request is made from the working copy and recorded before it is
        first sent, so a retry sends the same bytes (as ``freeze_op``); one with nothing left
        to send (the edit was undone) leaves the queue. None when the operation is gone.
        """
        with self.transaction():
            op = self.op(seq)
            if op is None:
                return None
            if op.op not in ("create", "update") or op.frozen is not None:
                return ReadyOp(op)
            request = self._request(op)
            if request is None:
                self.conn.execute("DELETE FROM outbox WHERE seq = ?", [seq])
                return ReadyOp(op, dropped=True)
            return ReadyOp(self._freeze(op, request))

    def _request(self, op: OutboxOp) -> dict[str, Any] | None:
        """What a content operation sends: a creation the whole content, an update the fields
        changed since the version it was made on (``if_match``); None when nothing is left."""
        row = self._working_row(op.item_id)
        if row is None:
            return None
        content = json.loads(row["json"])
        if op.op == "create":
            return {"if_match": None, "body": {"site": row["site"], **content}}
        base = json.loads(row["base_json"]) if row["base_json"] else empty_content()
        fields = changed_fields(base, content)
        return {"if_match": row["base_version"], "body": fields} if fields else None

    def blob(self, sha256: str) -> tuple[bytes, str] | None:
        row = self._one("SELECT data, content_type FROM blobs WHERE sha256 = ?", [sha256])
        return (bytes(row["data"]), row["content_type"]) if row else None

    def freeze_op(self, seq: int, request: dict[str, Any]) -> None:
        """Record the exact request before it is first sent, so a retry sends the same bytes."""
        with self.transaction():
            self._freeze(self._op_row(seq), request)

    def _freeze(self, op: OutboxOp, request: dict[str, Any]) -> OutboxOp:
        """``op`` with ``request`` recorded in its payload, in the caller's transaction."""
        payload = {**op.payload, "request": request}
        self.conn.execute("UPDATE outbox SET payload = ? WHERE seq = ?", [dump(payload), op.seq])
        return replace(op, payload=payload)

    def defer_op(self, seq: int, error: str, next_attempt_at: str | None = None) -> None:
        with self.transaction():
            self.conn.execute(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                "WHERE seq = ?",
                [error, next_attempt_at, seq],
            )

    def drop_op(self, seq: int) -> None:
        """Nothing left to send (e.g. the edit was undone): remove the operation."""
        with self.transaction():
            self.conn.execute("DELETE FROM outbox WHERE seq = ?", [seq])

    def fail_op(self, seq: int, status: int | None, code: str, reason: str) -> None:
        """Take a refused operation out of the queue; keep it, and the content, for the user."""
        with self.transaction():
            op = self._op_row(seq)
            working = self._working_row(op.item_id)
            self.conn.execute(
                "INSERT OR REPLACE INTO failed (seq, op, item_id, payload, content, status, code, "
                "reason, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    seq,
                    op.op,
                    op.item_id,
                    dump(op.payload),
                    working["json"] if working else None,
                    status,
                    code,
                    reason,
                    now_iso(),
                ],
            )
            self.conn.execute("DELETE FROM outbox WHERE seq = ?", [seq])
            if op.op == "action" and op.payload.get("comment_id"):
                # the reason shown as waiting goes with its refused step (kept in ``failed``)
                self.conn.execute(
                    "DELETE FROM comments WHERE id = ? AND pending = 1",
                    [op.payload["comment_id"]],
                )

    def _forget(self, item_id: str) -> None:
        """Everything this computer keeps of an item (a deleted draft), in the caller's
        transaction; the search index follows by its triggers."""
        for table, column in (
            ("working", "id"),
            ("server_items", "id"),
            ("outbox", "item_id"),
            ("conflicts", "item_id"),
            ("failed", "item_id"),
            ("comments", "item_id"),
            ("versions", "item_id"),
        ):
            self.conn.execute(f"DELETE FROM {table} WHERE {column} = ?", [item_id])

    def ack_op(self, seq: int, item: dict[str, Any], before: int) -> None:
        """The portal applied an item operation and answered ``item``."""
        with self.transaction():
            op = self._op_row(seq)
            if item.get("state") == "deleted":  # the draft's deletion went through
                self._forget(op.item_id)
                return
            self._put_server(item)
            working = self._working_row(op.item_id)
            if working is not None:
                base_version = working["base_version"]
                if op.op in ("create", "update") and item["version"] >= base_version:
                    self.conn.execute(
                        "UPDATE working SET base_json = ?, base_version = ? WHERE id = ?",
                        [dump(content_of(item)), item["version"], op.item_id],
                    )
                elif op.op == "action" and base_version == before:
                    self.conn.execute(
                        "UPDATE working SET base_version = ? WHERE id = ?",
                        [item["version"], op.item_id],
                    )
            self._shift_actions(op.item_id, seq, before, item["version"])
            self.conn.execute("DELETE FROM outbox WHERE seq = ?", [seq])
            self._settle(op.item_id)

    def ack_comment(self, seq: int, comment: dict[str, Any]) -> None:
        with self.transaction():
            self._put_comment(comment)
            self.conn.execute("DELETE FROM outbox WHERE seq = ?", [seq])

    def on_stale(self, seq: int, current: dict[str, Any], merge: MergeFn) -> PullDecision:
        """A 412 with the portal's ``current`` item: merge onto it, then send afresh."""
        with self.transaction():
            op = self._op_row(seq)
            self._put_server(current, force=True)
            decision = self._rebase(op.item_id, current, merge)
            if decision.action in ("replace", "skip"):
                self.conn.execute("DELETE FROM outbox WHERE seq = ?", [seq])
            else:
                self._renew(seq, "update")
            return decision

    def _renew(self, seq: int, op: str) -> None:
        import uuid

        self.conn.execute(
            "UPDATE outbox SET op = ?, payload = '{}', idempotency_key = ? WHERE seq = ?",
            [op, str(uuid.uuid4()), seq],
        )

    def _shift_actions(self, item_id: str, seq: int, before: int, after: int) -> None:
        """Actions queued on the version our own change replaced now expect the new version."""
        self.conn.execute(
            "UPDATE outbox SET payload = json_set(payload, '$.expected_version', ?) "
            "WHERE item_id = ? AND op = 'action' AND seq > ? "
            "AND json_extract(payload, '$.expected_version') = ?",
            [after, item_id, seq, before],
        )

    def _settle(self, item_id: str) -> None:
        """Forget the working copy once it equals the portal's and nothing is queued for it."""
        row = self._working_row(item_id)
        server = self._server_json(item_id)
        if row is None or server is None:
            return
        same = json.loads(row["json"]) == content_of(server)
        queued = self._one(
            "SELECT 1 AS x FROM outbox WHERE item_id = ? AND op IN ('create', 'update')", [item_id]
        )
        failed = self._one(
            "SELECT 1 AS x FROM failed WHERE item_id = ? AND dismissed = 0", [item_id]
        )
        if same and queued is None and failed is None:
            self.conn.execute("DELETE FROM working WHERE id = ?", [item_id])
        else:
            dirty = int(not same or queued is not None)
            self.conn.execute("UPDATE working SET dirty = ? WHERE id = ?", [dirty, item_id])

    def _op_row(self, seq: int) -> OutboxOp:
        row = self._one("SELECT * FROM outbox WHERE seq = ?", [seq])
        if row is None:
            raise KeyError(f"no outbox operation {seq}")
        return OutboxOp.from_row(row)

    # -- pulled changes -----------------------------------------------------------------------

    def apply_changes(
        self, changes: list[dict[str, Any]], cursor: str | None, merge: MergeFn
    ) -> list[PullDecision]:
        """Apply validated changes in one transaction; the cursor is saved with the last chunk.

        Items without a working copy (nearly all of a first sync) are written together in
        multi-row statements (``_put_servers``); an item with local edits first flushes those
        and is then put and rebased on its own, so every item sees the rows before it as if
        the changes were applied one by one. An item is a dict or, from the pull, its
        ``ServerRow``.
        """
        decisions: list[PullDecision] = []
        with self.transaction():
            rows = [
                c["item"] if isinstance(c["item"], tuple) else server_row(c["item"])
                for c in changes
                if c["kind"] == "item"
            ]
            ids = [row[0] for row in rows]
            known = self._server_versions(ids)
            edited = self._working_ids(ids)
            plain: list[ServerRow] = []
            pulled = iter(rows)
            for change in changes:
                if change["kind"] == "comment":
                    self._put_comment(change["comment"])
                    continue
                if change["kind"] != "item":
                    continue
                row = next(pulled)
                item_id, version = row[0], row[3]
                if row[4] == "deleted":  # the author deleted this draft (here or elsewhere)
                    self._put_servers(plain)
                    plain = []
                    self._forget(item_id)
                    decisions.append(PullDecision("drop", item_id, "the author deleted it"))
                    continue
                have = known.get(item_id)
                if have is not None and have >= version:
                    decisions.append(PullDecision("skip", item_id, "already have this version"))
                    continue
                known[item_id] = version
                if item_id not in edited:
                    plain.append(row)
                    decisions.append(PullDecision("replace", item_id, "no local edits"))
                    continue
                self._put_servers(plain)
                plain = []
                self._put_servers([row])
                item = change["item"]
                item = json.loads(row[2]) if isinstance(item, tuple) else item
                decisions.append(self._rebase(item_id, item, merge))
            self._put_servers(plain)
            if cursor is not None:
                self._set_meta("cursor", cursor)
        return decisions

    def _server_versions(self, ids: list[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for start in range(0, len(ids), _ROWS_PER_STATEMENT):
            part = ids[start : start + _ROWS_PER_STATEMENT]
            marks = ", ".join("?" * len(part))
            sql = f"SELECT id, version FROM server_items WHERE id IN ({marks})"
            found.update(self.conn.execute(sql, part).fetchall())
        return found

    def _working_ids(self, ids: list[str]) -> set[str]:
        """Which of ``ids`` have a working copy (pulling never creates one)."""
        found: set[str] = set()
        for start in range(0, len(ids), _ROWS_PER_STATEMENT):
            part = ids[start : start + _ROWS_PER_STATEMENT]
            marks = ", ".join("?" * len(part))
            sql = f"SELECT id FROM working WHERE id IN ({marks})"
            found.update(row[0] for row in self.conn.execute(sql, part).fetchall())
        return found

    def _rebase(self, item_id: str, item: dict[str, Any], merge: MergeFn) -> PullDecision:
        """Put the user's local edits of ``item_id`` on top of the portal's ``item``."""
        row = self._working_row(item_id)
        if row is None:
            return PullDecision("replace", item_id, "no local edits")
        if row["base_version"] >= item["version"] and row["base_json"] is not None:
            return PullDecision("skip", item_id, "local edits already based on this version")
        queued = self._one(
            "SELECT 1 AS x FROM outbox WHERE item_id = ? AND op IN ('create', 'update')", [item_id]
        )
        if not row["dirty"] and queued is None:
            self.conn.execute("DELETE FROM working WHERE id = ?", [item_id])
            return PullDecision("replace", item_id, "local copy had no edits")
        if self._one("SELECT 1 AS x FROM conflicts WHERE item_id = ? AND resolved = 0", [item_id]):
            return PullDecision("keep", item_id, "an open conflict waits for the user")
        base = json.loads(row["base_json"]) if row["base_json"] else empty_content()
        mine = json.loads(row["json"])
        theirs = content_of(item)
        if theirs == base:
            self._set_base(item_id, mine, base, item["version"])
            return PullDecision("rebase", item_id, "their change left the content as it was")
        merged, conflicting = merge(base, mine, theirs)
        self._set_base(item_id, merged, theirs, item["version"])
        if not conflicting:
            return PullDecision("merge", item_id, "local and remote edits merged cleanly")
        self.conn.execute(
            "INSERT INTO conflicts (item_id, fields, base, mine, theirs, theirs_version, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                item_id,
                dump(conflicting),
                dump(base),
                dump(mine),
                dump(theirs),
                item["version"],
                now_iso(),
            ],
        )
        fields = ", ".join(conflicting)
        return PullDecision("conflict", item_id, f"both sides changed: {fields}")

    def _set_base(
        self, item_id: str, content: dict[str, Any], base: dict[str, Any], version: int
    ) -> None:
        self.conn.execute(
            "UPDATE working SET json = ?, base_json = ?, base_version = ?, dirty = ? WHERE id = ?",
            [dump(content), dump(base), version, int(content != base), item_id],
        )

    def _put_server(self, item: dict[str, Any], force: bool = False) -> None:
        """Keep the portal's copy, unless ours is already newer."""
        self._put_servers([server_row(item)], force)

    def _put_servers(self, rows: list[ServerRow], force: bool = False) -> None:
        """Keep the portal's copies, in order, each unless ours is already newer.

        One multi-row statement per ``_ROWS_PER_STATEMENT`` items: with the search triggers,
        this is about twice as fast as one statement per row (measured, issue 8).
        """
        guard = "" if force else " WHERE excluded.version > server_items.version"
        for start in range(0, len(rows), _ROWS_PER_STATEMENT):
            part = rows[start : start + _ROWS_PER_STATEMENT]
            values = [value for row in part for value in row]
            self.conn.execute(
                "INSERT INTO server_items (id, site, json, version, state, category, title, "
                "author, created_by, state_since, updated_at) VALUES "
                + ", ".join([_SERVER_ROW] * len(part))
                + " ON CONFLICT (id) DO UPDATE SET site = excluded.site, json = excluded.json, "
                "version = excluded.version, state = excluded.state, "
                "category = excluded.category, title = excluded.title, "
                "author = excluded.author, created_by = excluded.created_by, "
                "state_since = excluded.state_since, updated_at = excluded.updated_at" + guard,
                values,
            )

    def _put_comment(self, comment: dict[str, Any]) -> None:
        self.conn.execute(
            "INSERT INTO comments (id, item_id, json, created_at, pending) VALUES (?, ?, ?, ?, 0) "
            "ON CONFLICT (id) DO UPDATE SET json = excluded.json, pending = 0, "
            "created_at = excluded.created_at",
            [comment["id"], comment["item_id"], dump(comment), comment.get("created_at") or ""],
        )

    # -- directory, history, bookkeeping ------------------------------------------------------

    def set_directory(self, site: str, kind: str, entries: list[dict[str, Any]]) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO directory (site, kind, json, fetched_at) VALUES (?,?,?,?)",
                [site, kind, dump(entries), now_iso()],
            )

    def set_me(self, me: dict[str, Any]) -> None:
        with self.transaction():
            self._set_meta("me", me)

    def set_versions(self, item_id: str, versions: list[dict[str, Any]]) -> None:
        with self.transaction():
            for version in versions:
                self.conn.execute(
                    "INSERT OR REPLACE INTO versions (item_id, version, json) VALUES (?, ?, ?)",
                    [item_id, version["version"], dump(version)],
                )

    def has_publish_targets(self) -> bool:
        """Any publishing target seen (``publish_targets``, issue 11): a sync then publishes."""
        try:
            return self._one("SELECT 1 AS x FROM publish_targets LIMIT 1") is not None
        except OPERATIONAL_ERRORS:  # a store before migration 5: let the hook decide
            return True

    def record_sync(self, online: bool, error: str | None, finished: bool) -> None:
        with self.transaction():
            self._set_meta("online", online)
            self._set_meta("last_error", error)
            if finished:
                self._set_meta("last_sync", now_iso())
