"""The publish queue on a real store file: what gets noticed, backoff, retry."""

from __future__ import annotations

import json
import random
from pathlib import Path

from desktop.publishing import PublishQueue
from desktop.store import Store


def _put(store: Store, item_id: str, state: str, version: int, by: str, at: str) -> None:
    step = "approve" if state == "published" else "take_down"
    item = {"id": item_id, "site": "demo", "state": state, "version": version, "title": "Tin",
            "steps": {step: {"by": by, "at": at, "version": version}}}  # fmt: skip
    store.conn.execute(
        "INSERT OR REPLACE INTO server_items (id, site, json, version, state) VALUES (?,?,?,?,?)",
        [item_id, "demo", json.dumps(item), version, state],
    )


def test_notice_queues_this_users_approvals_after_the_target_existed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s.sqlite3")
    store.set_me({"username": "truongban", "sites": {"demo": {"roles": ["head"]}}})
    queue = PublishQueue(store.path, rng=random.Random(1))
    since = "2026-06-01T00:00:00+00:00"
    target = {"id": "wp", "site": "demo", "kind": "wordpress", "url": "https://x"}
    queue.set_targets("demo", [{**target, "created_at": since}])
    _put(store, "mine", "published", 4, "truongban", "2026-06-02T00:00:00+00:00")
    _put(store, "old", "published", 4, "truongban", "2026-05-01T00:00:00+00:00")
    _put(store, "other", "published", 4, "nguoikhac", "2026-06-02T00:00:00+00:00")
    _put(store, "gone", "taken_down", 5, "truongban", "2026-06-03T00:00:00+00:00")
    [job_id] = queue.notice()
    assert queue.notice() == []  # nothing new
    job = queue.job(job_id)
    assert job is not None and (job.item_id, job.want, job.status) == (
        "mine",
        "published",
        "waiting",
    )

    queue.fail(job_id, "mạng", "offline")
    failed = queue.job(job_id)
    assert failed is not None and failed.status == "failed" and failed.attempts == 1
    assert queue.due() == []  # waits for its backoff
    assert queue.retry(job_id) and [j.id for j in queue.due()] == [job_id]
    queue.finish(job_id, 4, "7", "https://x/tin")

    _put(store, "mine", "taken_down", 5, "truongban", "2026-06-04T00:00:00+00:00")
    assert queue.notice() == [job_id]
    job = queue.job(job_id)
    assert job is not None and (job.want, job.status, job.remote_id) == (
        "taken_down",
        "waiting",
        "7",
    )
    queue.close()
    store.close()
