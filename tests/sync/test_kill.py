"""SIGKILL a client while it types and syncs: the store survives, no saved text is lost,
and the next sync converges. Seeded; ``PORTAL_DESK_KILLS`` raises the number of kills."""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.store import Store
from tests.helpers.portal import PASSWORD, Desk, server_item

KILLS = int(os.environ.get("PORTAL_DESK_KILLS", "24"))
ROOT = Path(__file__).resolve().parents[2]


def run_until_killed(args: list[str], lines_before_kill: int) -> int:
    """Start the client, let it report ``lines_before_kill`` commits, SIGKILL it; last N saved."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.killable", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    last_saved = -1
    assert process.stdout is not None
    for seen, line in enumerate(process.stdout, start=1):
        if line.startswith("saved "):
            last_saved = int(line.split()[1])
        if seen >= lines_before_kill:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, process.stderr.read() if process.stderr else ""
    return last_saved


def check_store(path: Path, item_id: str, start: int, last_saved: int) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store.open(path) as store:
        body = store.item(item_id).current.body
    assert f"dòng {last_saved}\n" in body, (last_saved, body[-80:])
    assert body.startswith(f"dòng {start}\n")


@pytest.mark.slow
async def test_sigkill_while_typing_and_syncing(tmp_path: Path, portal: Any) -> None:
    rng = random.Random(20261123)
    path = tmp_path / "desk.sqlite3"
    desk = await Desk(path, portal.url, "thanhvien1").login()
    item_id = desk.new_draft(body="")
    await desk.sync()
    start = 0
    for kill in range(KILLS):
        with_sync = kill % 2 == 1
        args = [str(path), item_id, str(start)]
        if with_sync:
            args += [portal.url, "thanhvien1", PASSWORD]
        last_saved = await asyncio.to_thread(run_until_killed, args, rng.randint(1, 12))
        if last_saved >= 0:
            check_store(path, item_id, start, last_saved)
            start = last_saved + 1000  # the next run writes a fresh, recognisable text
    # A fresh process (this one) syncs what survived and converges with the portal.
    for _ in range(2):
        report = await desk.sync()
        assert report.online and not report.error, report
    local = desk.store.item(item_id)
    assert local.sync_status == "synced", desk.store.outbox()
    remote = await server_item(portal.url, item_id, "thanhvien1")
    assert remote["body"] == local.current.body
    assert desk.store.conflicts() == [] and desk.store.failed_operations() == []
    await desk.close()
