"""The store's primitives: the connection, transactions, meta values, raw rows.

Encryption at rest (docs/security.md): a store opened with a key is a SQLCipher database
(``sqlcipher3``) keyed with the raw 256-bit key, so SQLCipher's own KDF is skipped. Without a
key it is a plain SQLite file: only tests and tools ask for that (``key=None``); the product
paths (CLI, app) always pass the profile's key (``desktop.security.store_key``). A plain store
opened with a key is first encrypted in place (``encrypt_in_place``). Once a store has been
opened with its key, this process remembers the key for that path, so the writer thread and
other connections opened by path alone (``Store.open(path)``) use it too.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from desktop.security.private import make_private

if TYPE_CHECKING:
    import sqlite_utils

PLAIN_MAGIC = b"SQLite format 3\x00"
#: ``except`` these, not ``sqlite3.OperationalError`` alone: an encrypted store raises
#: sqlcipher3's own exception classes.
OPERATIONAL_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.OperationalError,
    sqlcipher3.OperationalError,
)
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)

_keys: dict[str, bytes] = {}
_keys_lock = threading.Lock()


class StoreKeyMismatch(sqlite3.DatabaseError):
    """The store is encrypted and the key given (or none) does not open it."""


def _key_slot(path: str | Path) -> str:
    return str(Path(path).resolve())


def remember_key(path: str | Path, key: bytes) -> None:
    """This process has unlocked the store at ``path``: later opens by path use ``key``."""
    with _keys_lock:
        _keys[_key_slot(path)] = bytes(key)


def forget_key(path: str | Path) -> None:
    with _keys_lock:
        _keys.pop(_key_slot(path), None)


def remembered_key(path: str | Path) -> bytes | None:
    with _keys_lock:
        return _keys.get(_key_slot(path))


def is_plain(path: str | Path) -> bool | None:
    """True for a plain SQLite file, False for an encrypted one, None when empty or missing."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except FileNotFoundError:
        return None
    if not head:
        return None
    return head == PLAIN_MAGIC


def _pragma_key(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("a store key is 32 bytes")
    return f"\"x'{key.hex()}'\""


def _tune(conn: Any) -> None:
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA temp_store = MEMORY")  # no temp file ever holds a row in clear
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def connect(path: str | Path, key: bytes | None = None) -> Any:
    """A tuned autocommit connection: SQLCipher with ``key`` (or the remembered one), else plain.

    Raises ``StoreKeyMismatch`` when the file is encrypted and the key does not open it.
    """
    path = Path(path)
    key = key if key is not None else remembered_key(path)
    if key is None:
        if is_plain(path) is False:
            raise StoreKeyMismatch(f"the store {path.name} is encrypted: its key is needed")
        conn: Any = sqlite3.connect(path, isolation_level=None, timeout=30, check_same_thread=False)
        _tune(conn)
        return conn
    if is_plain(path):
        encrypt_in_place(path, key)
    conn = sqlcipher3.connect(str(path), isolation_level=None, timeout=30, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to report
        conn.execute(f"PRAGMA key = {_pragma_key(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise StoreKeyMismatch(f"the key does not open the store {path.name}") from error
    _tune(conn)
    remember_key(path, key)
    return conn


def encrypt_in_place(path: str | Path, key: bytes) -> None:
    """Turn a plain store into an encrypted one without loss, atomically.

    The WAL is checkpointed into the file first; ``sqlcipher_export`` copies every table,
    index, trigger and the schema version into a new encrypted file, which then replaces the
    plain one (``os.replace``). A crash before the swap leaves the plain store whole (a stale
    ``.encrypting`` file is removed on the next try); after it, the encrypted one.
    """
    path = Path(path)
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    plain = sqlite3.connect(path, isolation_level=None, timeout=30)
    try:
        plain.execute("PRAGMA busy_timeout = 30000")
        busy, _, _ = plain.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise sqlite3.OperationalError("the store is in use; close it before encrypting")
        plain.execute("PRAGMA journal_mode = DELETE")
    finally:
        plain.close()
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"ATTACH DATABASE ? AS encrypted KEY {_pragma_key(key)}", [str(target)])
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {version}")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    make_private(target)
    with open(target, "rb+") as handle:
        os.fsync(handle.fileno())
    for side in ("-wal", "-shm", "-journal"):
        Path(str(path) + side).unlink(missing_ok=True)
    os.replace(target, path)
    if hasattr(os, "O_DIRECTORY"):
        folder = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)


def now_iso() -> str:
    return datetime.now(UTC).isoformat()


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class StoreBase:
    """A connection in autocommit mode, so that each transaction is begun explicitly."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection (its savepoints), made when first needed: the
        library and what it imports (click, pluggy, dateutil) cost ~50 ms that a store opened
        for the first window does not spend (issue 21)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def query(
        self, sql: str, params: Iterable[Any] | dict[str, Any] = ()
    ) -> Iterator[dict[str, Any]]:
        """The rows of ``sql`` as dicts (what ``sqlite_utils.Database.query`` gives)."""
        cursor = self.conn.execute(sql, params if isinstance(params, dict) else list(params))
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

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
        return next(self.query(sql, params), None)

    # -- meta ---------------------------------------------------------------------------------

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self._one("SELECT value FROM meta WHERE key = ?", [key])
        return json.loads(row["value"]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction():
            self._set_meta(key, value)

    def _set_meta(self, key: str, value: Any) -> None:
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value, ensure_ascii=False)],
        )

    def _append_op(self, op: str, item_id: str, payload: dict[str, Any]) -> int:
        cursor = self.conn.execute(
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
