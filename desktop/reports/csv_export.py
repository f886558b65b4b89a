"""The report's raw figures as CSV, one figure a row (UTF-8 with BOM, so Excel reads Vietnamese).

Columns: ``group`` (period, total, category, unit, step, take_down, store), ``key`` (a category
id, a unit, a step number…), ``label``, ``metric`` and ``value``. Shares are fractions (0–1)
with a dot; hours are decimal hours.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from desktop.reports.figures import GroupFigures, ReportFigures

COLUMNS = ("group", "key", "label", "metric", "value")
GROUP_METRICS = (
    "published",
    "with_deadline",
    "on_time",
    "late",
    "on_time_share",
    "returned",
    "rejected",
    "taken_down",
)


def rows(figures: ReportFigures) -> list[tuple[str, str, str, str, Any]]:
    out: list[tuple[str, str, str, str, Any]] = []
    period = figures.period
    out += [
        ("period", period.kind, period.label("vi"), "start", period.start.isoformat()),
        ("period", period.kind, period.label("vi"), "end", period.end.isoformat()),
        ("store", "", "", "items", figures.items_in_store),
        ("store", "", "", "items_with_history", figures.history_items),
        ("store", "", "", "last_sync", figures.last_sync or ""),
        ("store", "", "", "last_change", figures.last_change or ""),
        ("store", "", "", "up_to_date", int(figures.up_to_date)),
    ]

    def group(kind: str, g: GroupFigures) -> None:
        for metric in GROUP_METRICS:
            value = getattr(g, metric)
            out.append((kind, g.key, g.label, metric, "" if value is None else value))

    group("total", figures.total)
    for g in figures.by_category:
        group("category", g)
    for g in figures.by_unit:
        group("unit", g)
    for step in figures.steps:
        key, label = str(step.number), step.name_vi
        out.append(("step", key, label, "passes", step.passes))
        average = step.average_hours
        out.append(("step", key, label, "average_hours", "" if average is None else average))
    for down in figures.take_downs:
        out.append(("take_down", down.item_id, down.title, down.day, down.reason))
    for quiet in figures.stale:  # sections to keep current gone quiet (BD-13.1, AG-12.1.a)
        last = quiet.last_published.isoformat() if quiet.last_published else ""
        out.append(
            ("stale", quiet.category, quiet.name, last, "" if quiet.days is None else quiet.days)
        )
    return out


def write_csv(figures: ReportFigures, path: str | Path) -> Path:
    out = Path(path)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows(figures))
    return out
