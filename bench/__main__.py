"""``python -m bench [--quick] [--json PATH] [--only NAME ...]``: every figure, one table."""

from __future__ import annotations

import argparse
import logging
import shutil
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench.report import Figure, machine, table, write_json
from bench.sizes import FULL, QUICK, Sizes
from bench.world import World

#: Figure groups, in the order they run.
GROUPS = ("sync", "ui", "search", "load", "editor", "public")


def _run_group(name: str, sizes: Sizes, folder: Path, world: Callable[[], World]) -> list[Figure]:
    if name == "sync":
        from bench.sync_figures import sync_figures

        return sync_figures(world(), folder)
    if name == "ui":
        from bench.ui_figures import ui_figures

        return ui_figures(world(), folder)
    if name == "search":
        from bench.search_figures import search_figures

        return search_figures(sizes, folder)
    if name == "load":
        from bench.load_figures import load_figures

        return load_figures(sizes, folder)
    if name == "editor":  # issue 16: typing in a 5,000-word body with spelling on
        from bench.editor_typing import editor_figures

        return editor_figures(5000, 400 if sizes is FULL else 120)
    if name == "public":  # issue 21: the public site at 1,000 and 10,000 published items
        from bench.public_figures import public_figures

        return public_figures(sizes, folder)
    raise ValueError(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (CI): under a minute")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the table as JSON")
    parser.add_argument("--only", nargs="+", choices=GROUPS, metavar="NAME", help=str(GROUPS))
    parser.add_argument("--keep", action="store_true", help="keep the temp folder (debugging)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    sizes = QUICK if args.quick else FULL
    info = machine()
    folder = Path(tempfile.mkdtemp(prefix="bench-"))
    figures: list[Figure] = []
    worlds: list[World] = []

    def world() -> World:
        if not worlds:
            worlds.append(World(folder / "world", sizes))
            (folder / "world").mkdir()
            worlds[0].start()
        return worlds[0]

    # A terminated run still stops its portals and removes its temp folder.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started = time.perf_counter()
    try:
        for group in args.only or GROUPS:
            print(f"… {group}", file=sys.stderr, flush=True)
            sub = folder / group
            sub.mkdir()
            try:
                figures += _run_group(group, sizes, sub, world)
            except Exception as error:  # one broken group must not hide the others' figures
                traceback.print_exc()
                figures.append(
                    Figure(name=f"{group}: failed", measured=repr(error), note="failed: see log")
                )
    finally:
        for each in worlds:
            each.stop()
        if args.keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    info["size"] = "quick" if args.quick else "full"
    info["seconds"] = round(time.perf_counter() - started, 1)
    print(
        f"Bàn biên tập benchmarks ({info['size']}): {info['cpus']} CPUs, {info['memory']}, "
        f"Python {info['python']}, SQLite {info['sqlite']}, load at start "
        f"{info['load_at_start']}, {info['seconds']} s"
    )
    print(table(figures))
    if args.json:
        write_json(args.json, figures, info)
    return 1 if any(f.name.endswith(": failed") for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
