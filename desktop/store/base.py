"""The store's primitives: the connection, transactions, meta values, raw rows."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class StoreBase:
    """A connection in autocommit mode, so that each transaction is begun explicitly."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = sqlite_utils.Database(conn)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls become savepoints of the outer one."""
        if self.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def _one(self, sql: str, params: Iterable[Any] = ()) -> dict[str, Any] | None:
        return next(iter(self.db.query(sql, list(params))), None)

    # -- meta ---------------------------------------------------------------------------------

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self._one("SELECT value FROM meta WHERE key = ?", [key])
        return json.loads(row["value"]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction():
            self._set_meta(key, value)

    def _set_meta(self, key: str, value: Any) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    def _append_op(self, op: str, item_id: str, payload: dict[str, Any]) -> int:
        cursor = self.db.execute(
            "INSERT INTO outbox (op, item_id, payload, idempotency_key, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [op, item_id, dump(payload), str(uuid.uuid4()), now_iso()],
        )
        return int(cursor.lastrowid or 0)

    def _working_row(self, item_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM working WHERE id = ?", [item_id])

    def _server_json(self, item_id: str) -> dict[str, Any] | None:
        row = self._one("SELECT json FROM server_items WHERE id = ?", [item_id])
        return json.loads(row["json"]) if row else None
