"""CI keeps the benchmark harness working: ``python -m bench --quick`` runs every figure at a
small size and prints its table. No timing is asserted here (issue 8: figures are printed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_quick_benchmark_prints_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    print(done.stdout)  # the table, for the CI log
    assert done.returncode == 0, done.stderr[-4000:]
    figures = json.loads(out.read_text(encoding="utf-8"))["figures"]
    names = " | ".join(f["name"] for f in figures)
    for expected in (
        "first sync",
        "nothing to do",
        "push of",
        "asyncio loop stall",
        "cold start",
        "opening a queue",
        "Qt/asyncio loop stall",
        "max RSS",
        "search median",
        "search p95",
        "portal under load: SQLite",
        "portal writes vs minimal peer: SQLite",  # issue 21: the same run's yardstick
        "keystroke, median (editor, spelling on)",
        "public /feed.atom",  # issue 21
    ):
        assert expected in names
    for figure in figures:
        assert figure["measured"], figure["name"]  # every figure says what it measured
        if figure["ours"] is None:
            assert figure["note"], figure["name"]  # …or why it has no number
    assert "figure" in done.stdout and "baseline" in done.stdout
    load = next(f for f in figures if f["name"] == "portal under load: SQLite, 1 process")
    assert 0 < load["extra"]["machine_busy"] <= 1  # whether the CPUs bound it (issue 21)
    assert "CPUs" in load["note"] and "busy" in load["note"]
