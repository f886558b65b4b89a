"""The public site at scale (issue 21): requests per second and milliseconds per request of
``/``, ``/items/{slug}``, ``/feed.atom`` and ``/search?q=…`` on a portal with 1,000 and with
10,000 published items (100,000 with ``python -m bench.public_figures --sizes 1000 100000``),
and the ratio of the larger to the smaller: the goal is a cost that does not grow with the
number of items ever published (within 1.5×). Also a conditional ``GET /`` answered 304, beside
a static copy of the same page served by the same server stack (``bench/static_copy.py``).

The items are seeded straight into the portal's SQLite file through
:func:`portal.board.service._row` (the product's own row writer) as published items; the portal
runs in its own process on loopback (:class:`bench.portal_process.PortalProcess`); one client
with a keep-alive connection asks one page at a time. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Engine, insert
from sqlalchemy.engine import Connection

from bench import seeding, text
from bench.portal_process import ROOT, PortalProcess, free_port
from bench.report import Figure
from bench.sizes import FULL, Sizes
from bench.stats import median, ms
from desktop.models import Item, State, StepRecord, item_slug
from portal import db
from portal.board import service
from portal.db import make_engine

#: How long each page is asked, at most (``--quick``: a glance), and how many times at least
#: and at most.
BUDGET_SECONDS = 4.0
QUICK_BUDGET_SECONDS = 0.5
MIN_REQUESTS = 5
MAX_REQUESTS = 300
QUERY = "chuyển đổi số"
FULL_SIZES = (1_000, 10_000)
QUICK_SIZES = (100, 300)


def _published(index: int, rng: random.Random, at: datetime) -> Item:
    content = text.content(rng, seeding.CATEGORY)
    item = Item(id=seeding.item_id(index), site=seeding.SITE, **content)  # type: ignore[arg-type]
    return replace(
        item,
        state=State.PUBLISHED,
        version=4,
        created_by=seeding.AUTHOR,
        steps={
            "submit": StepRecord(seeding.AUTHOR, at, 2),
            "approve": StepRecord(seeding.EDITOR, at, 4),
        },
        created_at=at,
        updated_at=at,
        state_since=at,
        slug=item_slug(item.title, item.id),
    )


def seed_published(engine: Engine, count: int, *, seed: int = 21) -> list[str]:
    """``count`` published items (rows only: the public pages read no versions); their slugs."""
    rng = random.Random(seed)
    base = datetime.now(UTC) - timedelta(days=400)
    rows: list[dict[str, Any]] = []
    slugs: list[str] = []
    made: list[Item] = []
    with db.writing(engine) as conn:
        for index in range(count):
            item = _published(index, rng, base + timedelta(minutes=30 * index))
            rows.append({"id": item.id, **service._row(item), "change_seq": service.next_seq(conn)})
            slugs.append(item.slug)
            made.append(item)
            if len(rows) >= 1000:
                _insert(conn, rows, made)
                rows, made = [], []
        if rows:
            _insert(conn, rows, made)
    return slugs


def _insert(conn: Connection, rows: list[dict[str, Any]], items: list[Item]) -> None:
    conn.execute(insert(db.items), rows)
    try:  # the public search's index (issue 21), as the row writer keeps it
        from portal.board.search_index import index_item
    except ImportError:  # a portal from before issue 21 (the "before" figures) has none
        return
    for item in items:
        index_item(conn, item)


def _time(
    http: httpx.Client,
    path: str,
    headers: dict[str, str] | None = None,
    budget: float = BUDGET_SECONDS,
) -> dict[str, Any]:
    """Ask ``path`` again and again (after one warm-up) for the budget: ms each, req/s."""
    first = http.get(path, headers=headers)
    took: list[float] = []
    started = time.perf_counter()
    while len(took) < MAX_REQUESTS and (
        len(took) < MIN_REQUESTS or time.perf_counter() - started < budget
    ):
        start = time.perf_counter()
        answer = http.get(path, headers=headers)
        took.append(time.perf_counter() - start)
        if answer.status_code != first.status_code:
            raise RuntimeError(f"{path}: {answer.status_code} after {first.status_code}")
    return {
        "status": first.status_code,
        "bytes": len(first.content),
        "etag": first.headers.get("etag"),
        "ms": ms(median(took)),
        "rps": len(took) / sum(took),
        "count": len(took),
    }


def measure(folder: Path, count: int, budget: float = BUDGET_SECONDS) -> dict[str, dict[str, Any]]:
    """The four pages (and a 304) on a portal with ``count`` published items."""
    url = f"sqlite:///{folder / f'public-{count}.sqlite3'}"
    engine = make_engine(url)
    try:
        seeding.seed_board(engine)
        slugs = seed_published(engine, count)
    finally:
        engine.dispose()
    paths = {
        "/": "/",
        "/items/{slug}": f"/items/{slugs[len(slugs) // 2]}",
        "/feed.atom": "/feed.atom",
        "/search?q=…": "/search?" + httpx.QueryParams({"q": QUERY}).__str__(),
    }
    found: dict[str, dict[str, Any]] = {}
    with (
        PortalProcess(url, log=folder / f"public-{count}.log") as portal,
        httpx.Client(base_url=portal.url, timeout=600) as http,
    ):
        for name, path in paths.items():
            found[name] = _time(http, path, budget=budget)
        # the floor of any answer of the portal's app (middleware, routing): a fixed file
        found["/static/style.css"] = _time(http, "/static/style.css", budget=budget)
        etag = found["/"]["etag"]
        if etag:
            found["/ (304)"] = _time(http, "/", {"If-None-Match": etag}, budget)
        home = http.get("/").content
    found["static copy of /"] = static_copy(folder, home, budget)
    return found


def static_copy(folder: Path, page: bytes, budget: float = BUDGET_SECONDS) -> dict[str, Any]:
    """The same page's bytes from a file, through the same server (uvicorn + Starlette)."""
    path = folder / "static-home.html"
    path.write_bytes(page)
    port = free_port()
    argv = [sys.executable, "-m", "bench.static_copy", str(path), str(port)]
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as http:
            deadline = time.monotonic() + 30
            while True:
                try:
                    http.get("/")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise RuntimeError("the static copy did not start") from None
                    time.sleep(0.05)  # polling the condition (the port answers)
            return _time(http, "/", budget=budget)
    finally:
        process.terminate()
        process.wait(timeout=20)


def figures_of(
    results: dict[int, dict[str, dict[str, Any]]], budget: float = BUDGET_SECONDS
) -> list[Figure]:
    small, large = min(results), max(results)
    figures = []
    for name in ("/", "/items/{slug}", "/feed.atom", "/search?q=…"):
        one, other = results[small][name], results[large][name]
        ratio = other["ms"] / one["ms"] if one["ms"] else float("nan")
        figures.append(
            Figure(
                name=f"public {name}, {large:,} vs {small:,} published items",
                measured=(
                    f"ms per request (median; one keep-alive client, up to {budget:g} s "
                    f"or {MAX_REQUESTS} requests), portal process on SQLite; baseline: the same "
                    f"page with {small:,} items"
                ),
                ours=other["ms"],
                baseline=one["ms"],
                target="≤ 1.5× (cost does not grow with the items)",
                met=ratio <= 1.5,
                note=(
                    f"{other['rps']:,.1f} req/s at {large:,} ({other['bytes'] / 1024:,.0f} KB), "
                    f"{one['rps']:,.1f} req/s at {small:,} ({one['bytes'] / 1024:,.0f} KB)"
                ),
                extra={"small": one, "large": other},
            )
        )
    cached, static = results[large].get("/ (304)"), results[large]["static copy of /"]
    floor = results[large].get("/static/style.css", {}).get("ms", float("nan"))
    if cached is not None:
        share = cached["rps"] / static["rps"]
        figures.append(
            Figure(
                name=f"public / answered 304 (If-None-Match), {large:,} items",
                measured=(
                    "req/s of a conditional GET / that the portal answers 304; baseline: a static "
                    "copy of the page served by uvicorn + Starlette from a file"
                ),
                unit="req/s",
                ours=cached["rps"],
                baseline=static["rps"],
                target="≥ 0.5× the static copy",
                met=share >= 0.5,
                note=(
                    f"{cached['ms']:.1f} ms per 304; static copy {static['ms']:.1f} ms; the "
                    f"portal's own fixed /static/style.css {floor:.1f} ms (its middleware)"
                ),
                extra={"cached": cached, "static": static},
            )
        )
    return figures


def public_figures(sizes: Sizes, folder: Path) -> list[Figure]:
    """``python -m bench --only public``: the issue's sizes, or small ones with ``--quick``."""
    quick = sizes is not FULL
    counts = QUICK_SIZES if quick else FULL_SIZES
    budget = QUICK_BUDGET_SECONDS if quick else BUDGET_SECONDS
    results = {count: measure(folder, count, budget) for count in counts}
    return figures_of(results, budget)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.public_figures", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(FULL_SIZES))
    parser.add_argument("--folder", type=Path, required=True)
    args = parser.parse_args(argv)
    from bench.report import table

    args.folder.mkdir(parents=True, exist_ok=True)
    results = {count: measure(args.folder, count) for count in args.sizes}
    for count, pages in results.items():
        for name, found in pages.items():
            print(
                f"{count:>7,} items  {name:<18} {found['ms']:8.1f} ms  {found['rps']:8.1f} req/s"
                f"  {found['bytes'] / 1024:8.0f} KB  ({found['count']} requests, {found['status']})"
            )
    print(table(figures_of(results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
