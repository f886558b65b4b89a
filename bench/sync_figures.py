"""Client sync figures: first sync, a sync with nothing to do, pushing queued edits, and the
longest asyncio loop stall while the first sync runs; each beside plain httpx (+ sqlite-utils)."""

from __future__ import annotations

import asyncio
import gc
import json
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import sqlite_utils

from bench import seeding
from bench.report import Figure
from bench.stats import median, ms, percentile
from bench.world import World
from desktop.store import Store
from desktop.store.base import dump
from desktop.sync import PortalClient, SyncEngine
from desktop.sync.engine import SyncReport

PAGE = 100  # SyncEngine's default page size; the baseline pages the same way


def token(url: str, username: str) -> str:
    answer = httpx.post(
        url + "/api/v1/auth/token",
        json={"username": username, "password": seeding.PASSWORD},
        timeout=30,
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


# --- ours ------------------------------------------------------------------------------------


class Desk:
    """A store, a logged-in client and an engine, as the app builds them."""

    def __init__(self, url: str, path: Path) -> None:
        self.store = Store.open(path)
        self.client = PortalClient(url, timeout=60.0)
        self.engine = SyncEngine(self.store, self.client)

    async def login(self) -> Desk:
        self.store.set_me(await self.client.login(seeding.EDITOR, seeding.PASSWORD))
        return self

    async def close(self) -> None:
        await self.engine.aclose()
        await self.client.aclose()
        self.store.close()


async def heartbeat(ticks: list[float], stop: asyncio.Event, period: float = 0.005) -> None:
    """Wake every ``period``; record how late each wake-up was (the loop's stall)."""
    while not stop.is_set():
        before = time.perf_counter()
        await asyncio.sleep(period)
        ticks.append(time.perf_counter() - before - period)


async def _first_sync(world: World, path: Path, beat: bool) -> tuple[float, list[float], Desk]:
    desk = await Desk(world.url, path).login()
    ticks: list[float] = []
    stop = asyncio.Event()
    if beat:
        # As the app does once started (desktop/app.py): what lives before the sync stays out
        # of the collector's full passes. Here that is the harness's own heap (the baselines'
        # downloads, the world), which would otherwise be walked on every full pass.
        gc.collect()
        gc.freeze()
    pulse = asyncio.ensure_future(heartbeat(ticks, stop)) if beat else None
    start = time.perf_counter()
    try:
        report = await desk.engine.sync()
    finally:
        if beat:
            gc.unfreeze()
    took = time.perf_counter() - start
    stop.set()
    if pulse is not None:
        await pulse
    if report.error or report.pulled != len(world.ids):
        raise RuntimeError(f"first sync pulled {report.pulled} items: {report.error}")
    return took, ticks, desk


# --- baselines -------------------------------------------------------------------------------


def _server_row(item: dict[str, Any]) -> dict[str, Any]:
    """The row the store keeps per item (``server_items``), built the plainest way."""
    return {
        "id": item["id"],
        "site": item["site"],
        "json": dump(item),
        "version": item["version"],
        "state": item["state"],
        "category": item.get("category") or "",
        "title": item.get("title") or "",
        "author": item.get("author") or "",
        "created_by": item.get("created_by") or "",
        "state_since": item.get("state_since"),
        "updated_at": item.get("updated_at"),
    }


def plain_download(url: str, access: str) -> tuple[float, list[dict[str, Any]]]:
    """Page through /changes with plain httpx and the same page size; seconds and the items."""
    items: list[dict[str, Any]] = []
    start = time.perf_counter()
    with httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {access}"}, timeout=60
    ) as http:
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": PAGE}
            if cursor:
                params["since"] = cursor
            page = http.get("/api/v1/changes", params=params).json()
            items += [c["item"] for c in page["changes"] if c["kind"] == "item"]
            cursor = page["cursor"]
            if not page["has_more"]:
                break
    return time.perf_counter() - start, items


def plain_insert(path: Path, items: list[dict[str, Any]]) -> float:
    """sqlite-utils ``insert_all`` of the same rows into the same table, with the same FTS5
    index (the schema is the store's own, so its FTS table and triggers come with it), in one
    transaction; seconds."""
    Store.open(path).close()  # the store's schema, empty
    database = sqlite_utils.Database(path)
    rows = [_server_row(item) for item in items]
    start = time.perf_counter()
    with database.conn:
        database.table("server_items").insert_all(rows, batch_size=500)
    took = time.perf_counter() - start
    database.close()
    return took


def fts_tables(path: Path) -> list[str]:
    database = sqlite_utils.Database(path)
    try:
        return [
            str(row[0])
            for row in database.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
            ).fetchall()
        ]
    finally:
        database.close()


# --- the figures -----------------------------------------------------------------------------


def sync_figures(world: World, folder: Path) -> list[Figure]:
    return asyncio.run(_sync_figures(world, folder))


async def _sync_figures(world: World, folder: Path) -> list[Figure]:
    sizes = world.sizes
    n = len(world.ids)
    access = token(world.url, seeding.EDITOR)

    ours: list[float] = []
    base: list[float] = []
    download: list[float] = []
    insert: list[float] = []
    desk: Desk | None = None
    for run in range(sizes.sync_runs):
        took, _ticks, fresh = await _first_sync(world, folder / f"first-{run}.sqlite3", False)
        ours.append(took)
        if desk is not None:
            await desk.close()
        desk = fresh
        got, items = plain_download(world.url, access)
        if len(items) != n:
            raise RuntimeError(f"plain download got {len(items)} items, not {n}")
        put = plain_insert(folder / f"plain-{run}.sqlite3", items)
        download.append(got)
        insert.append(put)
        base.append(got + put)
    # One more first sync with a 5 ms heartbeat on the loop: the longest stall.
    _took, ticks, beat_desk = await _first_sync(world, folder / "first-beat.sqlite3", True)
    await beat_desk.close()
    assert desk is not None
    fts = fts_tables(desk.store.path)
    figures = [
        Figure(
            name=f"first sync into an empty store ({n:,} items)",
            measured=(
                f"SyncEngine.sync() into a new store, {n:,} items of ~4 KB, portal in its own "
                f"process; baseline: httpx paging /changes (limit {PAGE}) + sqlite-utils "
                f"insert_all into the store's own schema (FTS tables: {', '.join(fts) or 'none'})"
                f"; median of {sizes.sync_runs}"
            ),
            ours=ms(median(ours)),
            baseline=ms(median(base)),
            target="≤ 1.3× baseline",
            extra={
                "runs_s": ours,
                "baseline_download_s": download,
                "baseline_insert_s": insert,
                "items_per_s": n / median(ours),
            },
        ),
        Figure(
            name=f"longest asyncio loop stall, first sync ({n:,})",
            measured=(
                "a 5 ms asyncio.sleep heartbeat on the engine's loop during one first sync, "
                "the harness's heap frozen out of the collector first as the app freezes its "
                f"own (gc.freeze): max lateness (p99 in note), {len(ticks)} ticks"
            ),
            ours=ms(max(ticks)) if ticks else None,
            target="≤ 50 ms (p99 ≤ 16 ms)",
            note=f"p99 {ms(percentile(ticks, 0.99)):.1f} ms",
            extra={"p99_ms": ms(percentile(ticks, 0.99)), "ticks": len(ticks)},
        ),
    ]
    figures[0].met = figures[0].ratio is not None and figures[0].ratio <= 1.3
    figures[1].met = bool(ticks) and ms(max(ticks)) <= 50 and ms(percentile(ticks, 0.99)) <= 16

    figures.append(await _noop(desk, world, access))
    figures.append(await _push(desk, world, folder))
    await desk.close()
    return figures


async def _noop(desk: Desk, world: World, access: str) -> Figure:
    runs = world.sizes.noop_runs
    cursor = desk.store.get_meta("cursor")
    ours: list[float] = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        report: SyncReport = await desk.engine.sync()
        ours.append(time.perf_counter() - start)
        if report.pulled or report.pushed or report.error:
            raise RuntimeError(f"the no-op sync did something: {report.to_dict()}")
    base: list[float] = []
    with httpx.Client(
        base_url=world.url, headers={"Authorization": f"Bearer {access}"}, timeout=30
    ) as http:
        for _ in range(runs + 1):
            start = time.perf_counter()
            http.get("/api/v1/changes", params={"limit": PAGE, "since": cursor}).json()
            base.append(time.perf_counter() - start)
    ours, base = ours[1:], base[1:]  # the first of each warms connections up
    figure = Figure(
        name=f"sync with nothing to do (store of {len(world.ids):,})",
        measured=(
            "SyncEngine.sync() with an empty outbox and nothing new; baseline: one plain httpx "
            f"GET /changes from the same cursor; median of {runs}"
        ),
        ours=ms(median(ours)),
        baseline=ms(median(base)),
        target="≤ 2× baseline",
        extra={"ours_ms": [ms(x) for x in ours], "baseline_ms": [ms(x) for x in base]},
    )
    figure.met = figure.ratio is not None and figure.ratio <= 2
    return figure


async def _push(desk: Desk, world: World, folder: Path) -> Figure:
    sizes = world.sizes
    mine = world.ids[: sizes.edits]
    theirs = world.ids[sizes.edits : 2 * sizes.edits]
    ours: list[float] = []
    whole: list[float] = []
    base: list[float] = []
    author_token = token(world.url, seeding.EDITOR)
    versions: dict[str, int] = {}
    bodies: dict[str, str] = {}
    for item_id in theirs:
        row = desk.store._server_json(item_id)
        assert row is not None
        versions[item_id], bodies[item_id] = row["version"], row["body"]
    for run in range(sizes.push_runs):
        for item_id in mine:
            local = desk.store.item(item_id)
            assert local is not None and local.working is not None
            desk.store.save_working(item_id, body=local.working.body + f"\nSửa lần {run + 1}.\n")
        report = SyncReport()
        start = time.perf_counter()
        await desk.engine.push(report)
        ours.append(time.perf_counter() - start)
        if report.pushed != len(mine) or report.failed:
            raise RuntimeError(f"push sent {report.pushed} of {len(mine)}: {report.to_dict()}")
        start = time.perf_counter()
        await desk.engine.sync()  # pulls our own edits back (skipped): the rest of that sync
        whole.append(ours[-1] + time.perf_counter() - start)
        with httpx.Client(
            base_url=world.url, headers={"Authorization": f"Bearer {author_token}"}, timeout=60
        ) as http:
            http.get("/api/v1/me")  # connect first, as the engine's client already is
            start = time.perf_counter()
            for item_id in theirs:
                bodies[item_id] += f"\nSửa lần {run + 1}.\n"
                answer = http.put(
                    f"/api/v1/items/{item_id}",
                    content=json.dumps({"body": bodies[item_id]}, ensure_ascii=False).encode(),
                    headers={
                        "If-Match": f'"{versions[item_id]}"',
                        "Idempotency-Key": str(uuid.uuid4()),
                        "Content-Type": "application/json",
                    },
                )
                if answer.status_code != 200:
                    raise RuntimeError(f"plain PUT answered {answer.status_code}: {answer.text}")
                versions[item_id] = answer.json()["version"]
            base.append(time.perf_counter() - start)
    figure = Figure(
        name=f"push of {len(mine):,} queued edits",
        measured=(
            f"SyncEngine.push() of {len(mine):,} queued body edits (~4 KB each, If-Match, "
            f"Idempotency-Key); baseline: the same number of plain httpx PUTs with the same "
            f"headers on other items; median of {sizes.push_runs}"
        ),
        ours=ms(median(ours)),
        baseline=ms(median(base)),
        target="≤ 1.5× baseline",
        note=f"the whole sync (push, then pull of our own edits) took {median(whole):.2f} s",
        extra={"push_s": ours, "whole_sync_s": whole, "baseline_s": base},
    )
    figure.met = figure.ratio is not None and figure.ratio <= 1.5
    return figure
