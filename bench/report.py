"""One row per figure, the printed table, and its JSON (to compare runs)."""

from __future__ import annotations

import json
import math
import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

NOT_AVAILABLE = "not available yet"


@dataclass
class Figure:
    """A measured figure: ours beside the same run's baseline, and the target it must meet."""

    name: str
    measured: str  # what exactly was timed, and how many runs
    unit: str = "ms"
    ours: float | None = None
    baseline: float | None = None
    target: str = ""
    met: bool | None = None  # None: no target, or not measured
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        if self.ours is None or not self.baseline:
            return None
        return self.ours / self.baseline

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ratio"] = self.ratio
        return data


def not_available(name: str, measured: str, target: str, why: str = NOT_AVAILABLE) -> Figure:
    return Figure(name=name, measured=measured, target=target, note=why)


def _num(value: float | None, unit: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:,.1f} {unit}".strip()


def _met(figure: Figure) -> str:
    if figure.met is None:
        return "n/a" if figure.ours is not None else "—"
    return "yes" if figure.met else "NO"


def table(figures: list[Figure]) -> str:
    """A fixed-width table: figure, ours, baseline, ratio, target, met; notes below it."""
    head = ("figure", "ours", "baseline", "ratio", "target", "met?")
    rows = [
        (
            f.name,
            _num(f.ours, f.unit) if f.ours is not None else (f.note or "—"),
            _num(f.baseline, f.unit),
            f"{f.ratio:.2f}×" if f.ratio is not None else "—",
            f.target or "—",
            _met(f),
        )
        for f in figures
    ]
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    line = "  ".join("-" * w for w in widths)
    out = ["  ".join(str(c).ljust(w) for c, w in zip(head, widths, strict=True)), line]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    out.append("")
    for number, f in enumerate(figures, start=1):
        out.append(f"[{number}] {f.name}: {f.measured}")
        if f.note and f.ours is not None:
            out.append(f"    note: {f.note}")
    return "\n".join(out)


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    memory = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            kb = int(info.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import sqlite3

        sqlite_version = sqlite3.sqlite_version
    except ImportError:  # pragma: no cover
        sqlite_version = ""
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    return {
        "cpus": os.cpu_count(),
        "memory": memory,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "sqlite": sqlite_version,
        "load_at_start": [round(x, 2) for x in load],
    }


def write_json(path: Path, figures: list[Figure], info: dict[str, Any]) -> None:
    payload = {"machine": info, "figures": [f.to_dict() for f in figures]}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
