"""The portal under load: C clients syncing at once, each pushing E edits of its own draft and
pulling after each one (a PUT, then a GET /changes from its cursor), as the engine does.

The portal runs in its own process(es); the clients share one asyncio loop in this process
(httpx.AsyncClient each), so on a small machine the clients' CPU counts too (see the note).
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench import seeding
from bench.portal_process import PortalProcess
from bench.report import Figure
from bench.sizes import Sizes
from bench.stats import machine_busy, median, ms, percentile
from portal.db import make_engine

#: Logins in flight at once: each counts against the address's throttle until its password is
#: verified (portal.board.throttle: 30 per address), and every client here is 127.0.0.1.
LOGINS_AT_ONCE = 10


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"put": [], "pull": []})
    errors: list[str] = field(default_factory=list)
    #: Requests sent again after the connection dropped before an answer (the same request and
    #: Idempotency-Key, as the sync engine retries): a keep-alive connection the server closed
    #: as the client reused it (uvicorn closes one idle for 5 s; logins take turns first).
    retries: int = 0


_DROPPED = (httpx.ReadError, httpx.RemoteProtocolError)


async def _send(http: httpx.AsyncClient, tally: Tally, method: str, path: str, **kw: Any) -> Any:
    try:
        return await http.request(method, path, **kw)
    except _DROPPED:
        tally.retries += 1
        return await http.request(method, path, **kw)


async def _login(url: str, username: str, item_id: str) -> tuple[httpx.AsyncClient, dict[str, Any]]:
    http = httpx.AsyncClient(base_url=url + "/api/v1/", timeout=120)
    answer = await http.post(
        "auth/token", json={"username": username, "password": seeding.PASSWORD}
    )
    answer.raise_for_status()
    http.headers["Authorization"] = "Bearer " + answer.json()["access_token"]
    item = (await http.get(f"items/{item_id}")).json()
    return http, item


async def _edits(http: httpx.AsyncClient, item: dict[str, Any], edits: int, tally: Tally) -> None:
    """One client's sync loop: push an edit, pull from its cursor; stops at the first error."""
    version, body, item_id = item["version"], item["body"], item["id"]
    cursor: str | None = None
    for edit in range(edits):
        body += f"\nDòng sửa {edit + 1}.\n"
        start = time.perf_counter()
        try:
            put = await _send(
                http,
                tally,
                "PUT",
                f"items/{item_id}",
                content=json.dumps({"body": body}, ensure_ascii=False).encode(),
                headers={
                    "If-Match": f'"{version}"',
                    "Idempotency-Key": str(uuid.uuid4()),
                    "Content-Type": "application/json",
                },
            )
            tally.latencies["put"].append(time.perf_counter() - start)
            if put.status_code != 200:
                tally.errors.append(f"PUT {put.status_code}")
                return
            version = put.json()["version"]
            start = time.perf_counter()
            params: dict[str, str | int] = {"limit": 100}
            if cursor:
                params["since"] = cursor
            pull = await _send(http, tally, "GET", "changes", params=params)
            tally.latencies["pull"].append(time.perf_counter() - start)
            if pull.status_code != 200:
                tally.errors.append(f"GET /changes {pull.status_code}")
                return
            cursor = pull.json()["cursor"]
        except httpx.HTTPError as error:
            tally.errors.append(type(error).__name__)
            return


async def _swarm(url: str, drafts: dict[str, str], edits: int) -> tuple[Tally, float]:
    """Everyone logs in first (Argon2 is slow on purpose); then all edit at once, timed."""
    tally = Tally()
    turns = asyncio.Semaphore(LOGINS_AT_ONCE)

    async def login(username: str, item_id: str) -> tuple[httpx.AsyncClient, dict[str, Any]]:
        async with turns:
            return await _login(url, username, item_id)

    sessions = await asyncio.gather(*(login(u, i) for u, i in drafts.items()))
    start = time.perf_counter()
    await asyncio.gather(*(_edits(http, item, edits, tally) for http, item in sessions))
    took = time.perf_counter() - start
    for http, _item in sessions:
        await http.aclose()
    return tally, took


def _run(database_url: str, sizes: Sizes, workers: int, label: str, folder: Path) -> list[Figure]:
    """The product's figure; with one process also the minimal peer's on the same data
    (``bench/peer.py``), run right after it, and their ratio (issue 21: at least 0.8×)."""
    engine = make_engine(database_url)
    try:
        members = seeding.seed_board(engine, extra_members=sizes.load_clients)
        drafts = seeding.seed_own_drafts(engine, members)
        if workers == 1:
            from bench import peer

            peer_engine = peer.make_engine(database_url)
            peer.seed(engine, peer_engine, seeding.PASSWORD)
            peer_engine.dispose()
    finally:
        engine.dispose()
    with (
        PortalProcess(database_url, workers=workers, log=folder / f"{label}.log") as portal,
        machine_busy() as busy,
    ):
        tally, took = asyncio.run(_swarm(portal.url, drafts, sizes.load_edits))
    figure = _figure(f"portal under load: {label}", sizes, tally, took, workers, busy[0])
    if workers != 1:
        return [figure]
    log = folder / f"{label} peer.log"
    with PortalProcess(database_url, log=log, peer=True) as yardstick, machine_busy() as busy:
        peer_tally, peer_took = asyncio.run(_swarm(yardstick.url, drafts, sizes.load_edits))
    peer_figure = _figure(
        f"minimal peer under load: {label}", sizes, peer_tally, peer_took, 1, busy[0]
    )
    ratio = Figure(
        name=f"portal writes vs minimal peer: {label}",
        measured=(
            "the two figures above: the product's PUT+pull throughput beside bench/peer.py's "
            "(FastAPI + SQLAlchemy Core: token, idempotency row, If-Match, item + version + audit"
            " rows, change number; one transaction per PUT) on the same data, run one after the "
            "other"
        ),
        unit="req/s",
        ours=figure.ours,
        baseline=peer_figure.ours,
        target="≥ 0.8× the peer",
        met=bool(figure.ours and peer_figure.ours and figure.ours / peer_figure.ours >= 0.8),
    )
    return [figure, peer_figure, ratio]


def _figure(
    name: str, sizes: Sizes, tally: Tally, took: float, workers: int, busy: float
) -> Figure:
    """``busy``: the share of the machine's CPU time (all CPUs) used meanwhile, by everything:
    near 100 % the figure is bound by the CPUs, and more processes cannot raise it."""
    puts, pulls = tally.latencies["put"], tally.latencies["pull"]
    every = puts + pulls
    count = len(every)
    rate = count / took if took else 0.0
    return Figure(
        name=name,
        measured=(
            f"{sizes.load_clients} clients × {sizes.load_edits} edits (PUT ~4 KB body with If-Match"
            f" + Idempotency-Key, then GET /changes from its cursor), all at once; {count:,} "
            f"requests in {took:.1f} s; requests/s (latency in note)"
        ),
        unit="req/s",
        ours=rate,
        target="report req/s and p95; no error",
        met=not tally.errors and count == 2 * sizes.load_clients * sizes.load_edits,
        note=(
            f"p95 {ms(percentile(every, 0.95)):.0f} ms (PUT {ms(percentile(puts, 0.95)):.0f}, "
            f"pull {ms(percentile(pulls, 0.95)):.0f}), median {ms(median(every)):.0f} ms, "
            f"{len(tally.errors)} errors, {tally.retries} sent again after a dropped connection"
            f"; the machine's CPUs {busy:.0%} busy"
            + (f": {sorted(set(tally.errors))[:3]}" if tally.errors else "")
        ),
        extra={
            "p95_ms": ms(percentile(every, 0.95)),
            "p50_ms": ms(median(every)),
            "errors": tally.errors[:20],
            "workers": workers,
            "machine_busy": busy,
        },
    )


def load_figures(sizes: Sizes, folder: Path) -> list[Figure]:
    figures = _run(f"sqlite:///{folder / 'load.sqlite3'}", sizes, 1, "SQLite, 1 process", folder)
    if not sizes.postgres:
        figures.append(
            Figure(
                name="portal under load: PostgreSQL",
                measured="one process vs several on PostgreSQL",
                note="skipped in --quick",
            )
        )
        return figures
    try:
        from portal.db.testing_pg import PostgresUnavailable, ThrowawayPostgres
    except ImportError:
        figures.append(Figure(name="portal under load: PostgreSQL", measured="",
                              note="not available yet"))  # fmt: skip
        return figures
    try:
        with ThrowawayPostgres() as pg:
            for workers in (1, 2):
                figures.extend(
                    _run(
                        pg.new_database(),
                        sizes,
                        workers,
                        f"PostgreSQL, {workers} process{'es' if workers > 1 else ''}",
                        folder,
                    )
                )
    except PostgresUnavailable as error:
        figures.append(Figure(name="portal under load: PostgreSQL", measured="", note=str(error)))
    return figures
