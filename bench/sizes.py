"""How big each figure's data is, and how many runs: the issue's sizes, and a quick set for CI."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sizes:
    items: int  # items on the portal for the sync and UI figures
    edits: int  # queued edits pushed
    search_items: int  # items in the search figure's store
    search_runs: int  # times each query runs
    load_clients: int
    load_edits: int  # per client
    sync_runs: int  # first sync (expensive: few runs)
    noop_runs: int
    push_runs: int
    ui_runs: int  # cold starts of each window
    queue_runs: int
    postgres: bool  # also the load figure on PostgreSQL, one process and several


FULL = Sizes(
    items=10_000, edits=1_000, search_items=100_000, search_runs=5, load_clients=50,
    load_edits=100, sync_runs=3, noop_runs=21, push_runs=3, ui_runs=5, queue_runs=5,
    postgres=True,
)  # fmt: skip

QUICK = Sizes(
    items=300, edits=40, search_items=1_000, search_runs=1, load_clients=5, load_edits=10,
    sync_runs=1, noop_runs=5, push_runs=1, ui_runs=1, queue_runs=3, postgres=False,
)  # fmt: skip
