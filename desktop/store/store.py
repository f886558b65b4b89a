"""The local store of one profile: what the user reads and writes, offline or not.

One SQLite file (WAL) per profile. Every public write method is one ``BEGIN IMMEDIATE``
transaction, so two connections (the UI's and the sync writer's) never interleave a
read-modify-write. The sync engine's side of the store is in ``syncing.py``.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop.models import Action, Item, ModelError
from desktop.store.base import connect, dump, now_iso
from desktop.store.content import canonical_content, content_of, empty_content
from desktop.store.histories import HistorySide
from desktop.store.records import (
    Comment,
    Conflict,
    FailedOp,
    ItemRow,
    LocalItem,
    SyncStatus,
    Version,
)
from desktop.store.schema import migrate
from desktop.store.search import SearchSide
from desktop.store.syncing import SyncSide

_STATUS_SQL = """
CASE
  WHEN EXISTS (SELECT 1 FROM conflicts c WHERE c.item_id = x.id AND c.resolved = 0) THEN 'conflict'
  WHEN EXISTS (SELECT 1 FROM failed f WHERE f.item_id = x.id AND f.dismissed = 0) THEN 'failed'
  WHEN x.on_server = 0 THEN 'local'
  WHEN x.dirty = 1 OR EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = x.id) THEN 'pending'
  ELSE 'synced'
END
"""

_ROWS_SQL = f"""
SELECT x.*, {_STATUS_SQL} AS sync_status FROM (
  SELECT s.id, s.site,
         COALESCE(json_extract(w.json, '$.title'), s.title) AS title,
         COALESCE(json_extract(w.json, '$.category'), s.category) AS category,
         COALESCE(json_extract(w.json, '$.author'), s.author) AS author,
         s.created_by, s.state, s.state_since, s.version, 1 AS on_server,
         COALESCE(w.dirty, 0) AS dirty,
         (s.state = 'draft' AND json_extract(s.json, '$.steps.return.version')
             >= COALESCE(json_extract(s.json, '$.steps.withdraw.version'), 0)) AS returned,
         json_extract(s.json, '$.publish_at') AS publish_at
  FROM server_items s LEFT JOIN working w ON w.id = s.id
  UNION ALL
  SELECT w.id, w.site, json_extract(w.json, '$.title'), json_extract(w.json, '$.category'),
         json_extract(w.json, '$.author'), w.created_by, 'draft', NULL, 0, 0, w.dirty, 0, NULL
  FROM working w WHERE w.id NOT IN (SELECT id FROM server_items)
) x
"""


class StoreError(ValueError):
    """A local request the store cannot do (unknown item, nothing to resolve, ...)."""


class Store(SyncSide, SearchSide, HistorySide):
    """Server copies, working copies, the outbox, conflicts and the cached directory."""

    @classmethod
    def open(cls, path: str | Path, *, key: bytes | None = None, upto: int | None = None) -> Store:
        """Open (creating and migrating) the store at ``path``; ``upto`` is for migration tests.

        ``key``: the profile's 256-bit store key (SQLCipher). Without one, the key this process
        already unlocked for ``path``, else a plain file (tests and tools only; see base.py).
        """
        from desktop.security.private import make_private, private_file

        path = Path(path)
        private_file(path)  # 0600 before SQLite writes a byte; its -wal and -shm follow it
        make_private(f"{path}-wal", f"{path}-shm")  # a store made before the rule
        conn = connect(path, key)
        migrate(conn, upto)
        return cls(path, conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing, as the user does it ---------------------------------------------------------

    def create_draft(self, site: str, category: str, created_by: str, **content: Any) -> Item:
        """A new local draft with a client-made id, queued for creation on the portal."""
        item_id = str(content.pop("id", None) or uuid.uuid4())
        body = canonical_content(empty_content(), {"category": category, **content})
        with self.transaction():
            self.conn.execute(
                "INSERT INTO working (id, site, created_by, json, base_json, base_version, "
                "saved_at, dirty) VALUES (?, ?, ?, ?, NULL, 0, ?, 1)",
                [item_id, site, created_by, dump(body), now_iso()],
            )
            self._append_op("create", item_id, {})
        return Item.from_dict({"id": item_id, "site": site, "created_by": created_by, **body})

    def save_working(self, item_id: str, **content: Any) -> None:
        """Keep what the user typed; cheap enough to run on every pause in typing.

        Coalesces with the item's last queued create/update that was not sent yet.
        """
        with self.transaction():
            row = self._working_row(item_id)
            if row is None:
                server = self._server_json(item_id)
                if server is None:
                    raise StoreError(f"no such item: {item_id}")
                base = content_of(server)
                new = canonical_content(base, content)
                if new == base:
                    return
                self.conn.execute(
                    "INSERT INTO working (id, site, created_by, json, base_json, base_version, "
                    "saved_at, dirty) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    [
                        item_id,
                        server["site"],
                        server.get("created_by", ""),
                        dump(new),
                        dump(base),
                        server["version"],
                        now_iso(),
                    ],
                )
            else:
                old = json.loads(row["json"])
                new = canonical_content(old, content)
                if new == old:
                    return
                self.conn.execute(
                    "UPDATE working SET json = ?, saved_at = ?, dirty = 1 WHERE id = ?",
                    [dump(new), now_iso(), item_id],
                )
            last = self._one(
                "SELECT op, payload FROM outbox WHERE item_id = ? AND op != 'comment' "
                "ORDER BY seq DESC LIMIT 1",
                [item_id],
            )
            sent = last is not None and "request" in json.loads(last["payload"])
            if last is None or last["op"] not in ("create", "update") or sent:
                self._append_op("update", item_id, {})

    def queue_action(
        self, item_id: str, action: str | Action, comment: str | None = None, author: str = ""
    ) -> None:
        """Queue a workflow action on the version the user sees now. Its reason (a return's,
        a rejection's) is in the item's discussion at once, waiting to be sent with it, under
        an id the portal keeps for the comment it makes of it."""
        action = Action(action)
        with self.transaction():
            row = self._working_row(item_id)
            server = self._server_json(item_id)
            if row is None and server is None:
                raise StoreError(f"no such item: {item_id}")
            expected = row["base_version"] if row is not None else server["version"]  # type: ignore[index]
            payload: dict[str, Any] = {
                "action": action.value,
                "comment": comment,
                "expected_version": expected,
            }
            if comment:
                payload["comment_id"] = self._pending_comment(item_id, comment, author)
            self._append_op("action", item_id, payload)

    def queue_comment(self, item_id: str, body: str, author: str = "") -> str:
        """Queue an editorial comment; returns its client-made id."""
        if not isinstance(body, str) or not body.strip():
            raise ModelError("body", "a comment needs text")
        with self.transaction():
            if self._working_row(item_id) is None and self._server_json(item_id) is None:
                raise StoreError(f"no such item: {item_id}")
            comment_id = self._pending_comment(item_id, body, author)
            self._append_op("comment", item_id, {"id": comment_id, "body": body})
        return comment_id

    def _pending_comment(self, item_id: str, body: str, author: str) -> str:
        """A comment shown at once and sent later (in the caller's transaction); the portal's
        copy, under the same id, replaces it when a sync brings it."""
        comment_id = str(uuid.uuid4())
        record = {
            "id": comment_id,
            "item_id": item_id,
            "author": author,
            "body": body,
            "created_at": now_iso(),
            "item_version": None,
        }
        self.conn.execute(
            "INSERT INTO comments (id, item_id, json, created_at, pending) VALUES (?,?,?,?,1)",
            [comment_id, item_id, dump(record), record["created_at"]],
        )
        return comment_id

    def queue_blob(self, data: bytes, content_type: str, item_id: str = "", name: str = "") -> str:
        """Keep an attachment's bytes and queue their upload (with the file's ``name``, for the
        public page); returns the sha256."""
        import hashlib

        digest = hashlib.sha256(data).hexdigest()
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, content_type, data) VALUES (?, ?, ?)",
                [digest, content_type, data],
            )
            payload = {"sha256": digest, "name": name} if name else {"sha256": digest}
            self._append_op("blob", item_id, payload)
        return digest

    def resolve_conflict(self, conflict_id: int, resolution: str | dict[str, Any]) -> None:
        """Resolve with ``"mine"``, ``"theirs"`` or merged content; the record itself is kept."""
        with self.transaction():
            row = self._one("SELECT * FROM conflicts WHERE id = ?", [conflict_id])
            if row is None or row["resolved"]:
                raise StoreError(f"no open conflict {conflict_id}")
            conflict = Conflict.from_row(row)
            working = self._working_row(conflict.item_id)
            current = json.loads(working["json"]) if working else dict(conflict.mine)
            if resolution == "mine":
                new = current
            elif resolution == "theirs":
                new = {**current, **{f: conflict.theirs.get(f) for f in conflict.fields}}
            elif isinstance(resolution, dict):
                new = canonical_content(current, resolution)
            else:
                raise StoreError("resolve with 'mine', 'theirs' or merged content")
            new = canonical_content(new, {})
            self.conn.execute(
                "UPDATE conflicts SET resolved = 1, resolved_at = ? WHERE id = ?",
                [now_iso(), conflict_id],
            )
            self.conn.execute(
                "UPDATE working SET json = ?, saved_at = ?, dirty = 1 WHERE id = ?",
                [dump(new), now_iso(), conflict.item_id],
            )
            pending = self._one(
                "SELECT seq FROM outbox WHERE item_id = ? AND op IN ('create', 'update')",
                [conflict.item_id],
            )
            if pending is None:
                self._append_op("update", conflict.item_id, {})

    def dismiss_failed(self, seq: int) -> None:
        """The user has seen a refused operation; its content stays in the working copy."""
        with self.transaction():
            self.conn.execute("UPDATE failed SET dismissed = 1 WHERE seq = ?", [seq])

    def delete_draft(self, item_id: str) -> bool:
        """Delete a draft of this person's: gone at once when it never left the computer
        (True); otherwise its local edits are dropped and a ``delete`` action is queued, and the
        portal's answer removes it (False). The caller checked that it may (the pre-check)."""
        with self.transaction():
            if self._server_json(item_id) is None:
                self._forget(item_id)
                return True
            self.conn.execute("DELETE FROM working WHERE id = ?", [item_id])
            self.conn.execute(
                "DELETE FROM outbox WHERE item_id = ? AND op IN ('create', 'update')", [item_id]
            )
            server = self._server_json(item_id)
            assert server is not None
            self._append_op(
                "action",
                item_id,
                {"action": "delete", "comment": None, "expected_version": server["version"]},
            )
            return False

    def discard_local(self, item_id: str) -> None:
        """Drop the local edits of an item (the user chose to); conflicts and failures stay."""
        with self.transaction():
            self.conn.execute("DELETE FROM working WHERE id = ?", [item_id])
            self.conn.execute(
                "DELETE FROM outbox WHERE item_id = ? AND op IN ('create', 'update')", [item_id]
            )

    # -- reading ------------------------------------------------------------------------------

    def item(self, item_id: str) -> LocalItem | None:
        server_json = self._server_json(item_id)
        row = self._working_row(item_id)
        if server_json is None and row is None:
            return None
        server = Item.from_dict(server_json) if server_json else None
        working: Item | None = None
        if row is not None:
            content = json.loads(row["json"])
            if server_json is not None:
                view = {**server_json, **content}
            else:
                view = {"id": item_id, "site": row["site"], "created_by": row["created_by"]}
                view.update(content)
            working = Item.from_dict(view)
        base_version = row["base_version"] if row else (server.version if server else 0)
        status = self._one(
            f"SELECT {_STATUS_SQL} AS s FROM (SELECT ? AS id, ? AS on_server, ? AS dirty) x",
            [item_id, int(server is not None), int(bool(row and row["dirty"]))],
        )
        return LocalItem(
            id=item_id,
            server=server,
            working=working or server,
            base_version=base_version,
            sync_status=SyncStatus(status["s"] if status else "synced"),
        )

    def list_items(
        self,
        states: Iterable[str] | None = None,
        site: str | None = None,
        created_by: str | None = None,
        ids: Iterable[str] | None = None,
    ) -> list[ItemRow]:
        """The listed columns of items, newest state change first; ``ids`` narrows it to a
        few items (the queues re-read only what the user just changed)."""
        where, params = [], []
        if ids is not None:
            ids = list(ids)
            where.append(f"id IN ({', '.join('?' for _ in ids)})")
            params.extend(ids)
        if states is not None:
            states = list(states)
            where.append(f"state IN ({', '.join('?' for _ in states)})")
            params.extend(states)
        if site is not None:
            where.append("site = ?")
            params.append(site)
        if created_by is not None:
            where.append("created_by = ?")
            params.append(created_by)
        sql = f"SELECT * FROM ({_ROWS_SQL})"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY COALESCE(state_since, '9999') DESC, id"
        return [
            ItemRow(
                id=r["id"],
                site=r["site"],
                title=r["title"] or "",
                category=r["category"] or "",
                author=r["author"] or "",
                created_by=r["created_by"] or "",
                state=r["state"],
                state_since=r["state_since"],
                version=r["version"],
                sync_status=SyncStatus(r["sync_status"]),
                returned=bool(r["returned"]),
                publish_at=r["publish_at"],
            )
            for r in self.query(sql, params)
        ]

    def find_ids(self, prefix: str) -> list[str]:
        """Item ids starting with ``prefix`` (the CLI accepts a unique prefix)."""
        like = prefix.replace("%", "").replace("_", "") + "%"
        rows = self.query(
            "SELECT id FROM server_items WHERE id LIKE ? "
            "UNION SELECT id FROM working WHERE id LIKE ?",
            [like, like],
        )
        return sorted(r["id"] for r in rows)

    def change_mark(self) -> tuple[int, int]:
        """Equal marks mean no row changed in between (other connections' commits move
        ``data_version``, ours ``total_changes``): lets readers cache what they derive."""
        version = int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        return version, int(self.conn.total_changes)

    def count_by_state(
        self, site: str | None = None, created_by: str | None = None
    ) -> dict[str, int]:
        """Items per state in one ``GROUP BY`` (the store's states; no queued action applied)."""
        where, params = [], []
        if site is not None:
            where.append("site = ?")
            params.append(site)
        if created_by is not None:
            where.append("created_by = ?")
            params.append(created_by)
        sql = f"SELECT state, count(*) AS n FROM ({_ROWS_SQL})"
        sql += (" WHERE " + " AND ".join(where)) if where else ""
        return {r["state"]: int(r["n"]) for r in self.query(sql + " GROUP BY state", params)}

    def deadline_inputs(
        self, site: str, categories: Iterable[str], ids: Iterable[str] | None = None
    ) -> dict[str, tuple[Any, Any]]:
        """``id -> (trigger_date, metadata)`` of the items in ``categories`` as the user sees
        them (working copy over server copy), without reading whole items: the queues' due
        dates for 10,000 items in one query (or for ``ids`` only)."""
        wanted = list(categories)
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        only, only_params = "", []
        if ids is not None:
            only_params = list(ids)
            only = f"AND x.id IN ({', '.join('?' for _ in only_params)})"
        sql = f"""SELECT * FROM (
        SELECT s.id, json_extract(s.json, '$.trigger_date', '$.metadata') AS server,
               w.json IS NOT NULL AS has_working,
               json_type(w.json, '$.trigger_date') IS NOT NULL AS w_has_trigger,
               json_type(w.json, '$.metadata') IS NOT NULL AS w_has_metadata,
               json_extract(w.json, '$.trigger_date', '$.metadata') AS working
        FROM server_items s LEFT JOIN working w ON w.id = s.id
        WHERE s.site = ? AND COALESCE(json_extract(w.json, '$.category'), s.category) IN ({marks})
        UNION ALL
        SELECT w.id, NULL, 1, 1, 1, json_extract(w.json, '$.trigger_date', '$.metadata')
        FROM working w
        WHERE w.site = ? AND w.id NOT IN (SELECT id FROM server_items)
          AND json_extract(w.json, '$.category') IN ({marks})
        ) x WHERE 1 {only}
        """
        found: dict[str, tuple[Any, Any]] = {}
        for r in self.query(sql, [site, *wanted, site, *wanted, *only_params]):
            trigger, metadata = json.loads(r["server"]) if r["server"] else (None, None)
            if r["has_working"] and r["working"]:
                w_trigger, w_metadata = json.loads(r["working"])
                trigger = w_trigger if r["w_has_trigger"] else trigger
                metadata = w_metadata if r["w_has_metadata"] else metadata
            found[r["id"]] = (trigger, metadata)
        return found

    def pending_count(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    def conflicts(self, include_resolved: bool = False) -> list[Conflict]:
        sql = "SELECT * FROM conflicts" + ("" if include_resolved else " WHERE resolved = 0")
        return [Conflict.from_row(r) for r in self.query(sql + " ORDER BY id")]

    def conflict(self, conflict_id: int) -> Conflict | None:
        row = self._one("SELECT * FROM conflicts WHERE id = ?", [conflict_id])
        return Conflict.from_row(row) if row else None

    def failed_operations(self, include_dismissed: bool = False) -> list[FailedOp]:
        sql = "SELECT * FROM failed" + ("" if include_dismissed else " WHERE dismissed = 0")
        return [FailedOp.from_row(r) for r in self.query(sql + " ORDER BY seq")]

    def status(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            return int(self.conn.execute("SELECT count(*) FROM " + sql).fetchone()[0])

        return {
            "online": self.get_meta("online", False),
            "pending": self.pending_count(),
            "conflicts": count("conflicts WHERE resolved = 0"),
            "failed": count("failed WHERE dismissed = 0"),
            "last_sync": self.get_meta("last_sync"),
            "last_error": self.get_meta("last_error"),
            "items": count("server_items"),
            "local_only": count("working WHERE id NOT IN (SELECT id FROM server_items)"),
        }

    def me(self) -> dict[str, Any] | None:
        value = self.get_meta("me")
        return value if isinstance(value, dict) else None

    def _directory(self, site: str, kind: str) -> list[dict[str, Any]]:
        row = self._one("SELECT json FROM directory WHERE site = ? AND kind = ?", [site, kind])
        return json.loads(row["json"]) if row else []

    def categories(self, site: str) -> list[dict[str, Any]]:
        return self._directory(site, "categories")

    def members(self, site: str) -> list[dict[str, Any]]:
        return self._directory(site, "members")

    def grants(self, site: str) -> list[dict[str, Any]]:
        return self._directory(site, "grants")

    def calendar_notices(self, site: str) -> list[dict[str, Any]]:
        """The site's days off and working days, as synced with the directory (issue 6)."""
        found = self.get_meta(f"calendar:{site}", [])
        return found if isinstance(found, list) else []

    def comments(self, item_id: str) -> list[Comment]:
        rows = self.query(
            "SELECT json, pending FROM comments WHERE item_id = ? ORDER BY created_at", [item_id]
        )
        return [Comment.from_dict(json.loads(r["json"]), bool(r["pending"])) for r in rows]

    def versions(self, item_id: str) -> list[Version]:
        rows = self.query("SELECT json FROM versions WHERE item_id = ? ORDER BY version", [item_id])
        return [Version.from_dict(json.loads(r["json"])) for r in rows]
