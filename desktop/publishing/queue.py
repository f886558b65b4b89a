"""The publish queue, kept in the profile's store: waiting, published (link), failed (reason).

One job per (item, target) says what the target should show (``want``) for which item version
and where that stands. The sync engine's hook calls :meth:`PublishQueue.notice` after each sync:
items this user approved (or took down) whose portal version is newer than the job's get a
waiting job, also when the approval was made offline and synced later. A failed job is retried
with exponential backoff and jitter; the user can retry it at once (``retry``).

The queue opens its own connection to the store file (WAL), so it needs nothing from the UI's
or the sync writer's connection; each method is one short transaction.
"""

from __future__ import annotations

import json
import random
import secrets
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.publishing.connector import TargetConfig
from desktop.store.base import connect
from desktop.store.schema import migrate

#: Backoff of a failed job: about BASE·2^attempts seconds (±50 %), at most MAX.
BACKOFF_BASE = 30.0
BACKOFF_MAX = 6 * 3600.0


def now_iso(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).isoformat()


@dataclass(frozen=True, slots=True)
class PublishJob:
    """One row of the publish queue screen (the listed columns only, never the body)."""

    id: int
    item_id: str
    target: str
    site: str
    title: str
    want: str  # published | taken_down
    item_version: int
    done_version: int
    status: str  # waiting | published | taken_down | failed
    claim: str
    remote_id: str | None
    url: str
    attempts: int
    next_attempt_at: str | None
    last_error: str
    error_kind: str
    updated_at: str

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> PublishJob:
        return cls(**{name: row[name] for name in cls.__slots__})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _row_as_dict(cursor: Any, row: tuple[Any, ...]) -> dict[str, Any]:
    """Rows by column name, for sqlite3 and sqlcipher3 connections alike."""
    return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}


class PublishQueue:
    """The queue's table in one store file."""

    def __init__(
        self, path: str | Path, *, key: bytes | None = None, rng: random.Random | None = None
    ) -> None:
        self.path = Path(path)
        self.rng = rng or random.Random()
        self._lock = threading.Lock()
        # The store's own connection: SQLCipher with ``key``, else the key this process
        # unlocked for the file.
        self.conn = connect(self.path, key)
        migrate(self.conn)
        self.conn.row_factory = _row_as_dict

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PublishQueue:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _write(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> int:
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                cursor = self.conn.execute(sql, params)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return cursor.rowcount

    def _read(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.conn.execute(sql, params))

    # -- targets ------------------------------------------------------------------------------

    def set_targets(self, site: str, targets: list[dict[str, Any]]) -> None:
        """Keep the site's targets as the portal listed them (a removed one is forgotten)."""
        with self._lock:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.execute("DELETE FROM publish_targets WHERE site = ?", [site])
                for target in targets:
                    self.conn.execute(
                        "INSERT OR REPLACE INTO publish_targets (id, site, json, fetched_at) "
                        "VALUES (?, ?, ?, ?)",
                        [target["id"], site, json.dumps(target, ensure_ascii=False), now_iso()],
                    )
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def targets(self, site: str | None = None) -> list[TargetConfig]:
        sql, params = "SELECT json FROM publish_targets", []
        if site is not None:
            sql, params = sql + " WHERE site = ?", [site]
        rows = self._read(sql + " ORDER BY id", params)
        return [TargetConfig.from_dict(json.loads(r["json"])) for r in rows]

    def target(self, target_id: str) -> TargetConfig | None:
        rows = self._read("SELECT json FROM publish_targets WHERE id = ?", [target_id])
        return TargetConfig.from_dict(json.loads(rows[0]["json"])) if rows else None

    # -- noticing what to publish -------------------------------------------------------------

    def me(self) -> str | None:
        rows = self._read("SELECT value FROM meta WHERE key = 'me'")
        if not rows:
            return None
        me = json.loads(rows[0]["value"])
        return me.get("username") if isinstance(me, dict) else None

    def notice(self, username: str | None = None, now: datetime | None = None) -> list[int]:
        """Queue a job for every item this user approved or took down that a target lacks.

        An approval counts for targets that existed when it was made; a newer version of an
        item already queued (edited while published, taken down) renews its job.
        """
        username = username or self.me()
        if not username:
            return []
        stamp = now_iso(now)
        found = self._read(
            """
            SELECT s.id, s.site, s.version, s.state, s.title, t.id AS target, j.id AS job
            FROM server_items s
            JOIN publish_targets t ON t.site = s.site
            LEFT JOIN publish_jobs j ON j.item_id = s.id AND j.target = t.id
            WHERE (
                (s.state = 'published' AND json_extract(s.json, '$.steps.approve.by') = :me)
                OR (s.state = 'taken_down' AND json_extract(s.json, '$.steps.take_down.by') = :me)
                OR (s.state = 'taken_down'  -- the portal's own take-down at expire_at (issue 20)
                    AND json_extract(s.json, '$.steps.take_down.by') = 'portal'
                    AND json_extract(s.json, '$.steps.approve.by') = :me)
              )
              AND (j.id IS NOT NULL OR (
                s.state = 'published'
                AND json_extract(s.json, '$.steps.approve.at')
                    >= json_extract(t.json, '$.created_at')))
              AND (j.id IS NULL OR j.item_version < s.version)
            """,
            {"me": username},  # type: ignore[arg-type]
        )
        queued: list[int] = []
        for row in found:
            want = "published" if row["state"] == "published" else "taken_down"
            if row["job"] is None:
                with self._lock:
                    self.conn.execute("BEGIN IMMEDIATE")
                    cursor = self.conn.execute(
                        "INSERT OR IGNORE INTO publish_jobs (item_id, target, site, title, want, "
                        "item_version, status, claim, next_attempt_at, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)",
                        [
                            row["id"],
                            row["target"],
                            row["site"],
                            row["title"],
                            want,
                            row["version"],
                            secrets.token_hex(8),
                            stamp,
                            stamp,
                            stamp,
                        ],
                    )
                    self.conn.execute("COMMIT")
                    queued.append(int(cursor.lastrowid or 0))
            else:
                self._write(
                    "UPDATE publish_jobs SET want = ?, item_version = ?, title = ?, "
                    "status = 'waiting', attempts = 0, next_attempt_at = ?, last_error = '', "
                    "error_kind = '', updated_at = ? WHERE id = ? AND item_version < ?",
                    [want, row["version"], row["title"], stamp, stamp, row["job"], row["version"]],
                )
                queued.append(int(row["job"]))
        return queued

    # -- reading ------------------------------------------------------------------------------

    def jobs(self, status: str | None = None) -> list[PublishJob]:
        sql, params = "SELECT * FROM publish_jobs", []
        if status is not None:
            sql, params = sql + " WHERE status = ?", [status]
        rows = self._read(sql + " ORDER BY updated_at DESC, id DESC", params)
        return [PublishJob.from_row(r) for r in rows]

    def job(self, job_id: int) -> PublishJob | None:
        rows = self._read("SELECT * FROM publish_jobs WHERE id = ?", [job_id])
        return PublishJob.from_row(rows[0]) if rows else None

    def due(self, now: datetime | None = None) -> list[PublishJob]:
        rows = self._read(
            "SELECT * FROM publish_jobs WHERE status IN ('waiting', 'failed') "
            "AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id",
            [now_iso(now)],
        )
        return [PublishJob.from_row(r) for r in rows]

    def item_json(self, item_id: str) -> dict[str, Any] | None:
        rows = self._read("SELECT json FROM server_items WHERE id = ?", [item_id])
        return json.loads(rows[0]["json"]) if rows else None

    def category(self, site: str, category: str) -> dict[str, Any]:
        rows = self._read(
            "SELECT json FROM directory WHERE site = ? AND kind = 'categories'", [site]
        )
        for entry in json.loads(rows[0]["json"]) if rows else []:
            if entry.get("id") == category:
                return dict(entry)
        return {"id": category, "name": category, "kind": "free"}

    def blob(self, sha256: str) -> tuple[bytes, str] | None:
        rows = self._read("SELECT data, content_type FROM blobs WHERE sha256 = ?", [sha256])
        return (bytes(rows[0]["data"]), rows[0]["content_type"]) if rows else None

    # -- outcomes -----------------------------------------------------------------------------

    def record_remote(self, job_id: int, remote_id: str | None, url: str) -> None:
        self._write(
            "UPDATE publish_jobs SET remote_id = ?, url = ?, updated_at = ? WHERE id = ?",
            [remote_id, url, now_iso(), job_id],
        )

    def finish(self, job_id: int, version: int, remote_id: str | None, url: str) -> None:
        """Done for ``version``; a newer version noticed meanwhile keeps the job waiting."""
        self._write(
            "UPDATE publish_jobs SET done_version = ?, remote_id = ?, url = ?, attempts = 0, "
            "last_error = '', error_kind = '', next_attempt_at = NULL, updated_at = ?, "
            "status = CASE WHEN item_version <= ? THEN want ELSE 'waiting' END WHERE id = ?",
            [version, remote_id, url, now_iso(), version, job_id],
        )

    def fail(self, job_id: int, reason: str, kind: str, now: datetime | None = None) -> None:
        """Keep the job with its reason; the next attempt waits longer each time."""
        job = self.job(job_id)
        if job is None:
            return
        delay = self.backoff(job.attempts)
        moment = now or datetime.now(UTC)
        self._write(
            "UPDATE publish_jobs SET status = 'failed', attempts = attempts + 1, "
            "last_error = ?, error_kind = ?, next_attempt_at = ?, updated_at = ? WHERE id = ?",
            [reason, kind, now_iso(moment + timedelta(seconds=delay)), now_iso(moment), job_id],
        )

    def backoff(self, attempts: int) -> float:
        return min(BACKOFF_MAX, BACKOFF_BASE * (2**attempts)) * (0.5 + self.rng.random())

    def retry(self, job_id: int) -> bool:
        """The user asks for another attempt now (the queue screen's "retry")."""
        changed = self._write(
            "UPDATE publish_jobs SET status = 'waiting', next_attempt_at = ?, updated_at = ? "
            "WHERE id = ? AND status IN ('failed', 'waiting')",
            [now_iso(), now_iso(), job_id],
        )
        return changed > 0
