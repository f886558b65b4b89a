"""``portal-desk export ID --format pdf|html|md --out PATH`` and the due dates of ``items --json``.

Registered from ``desktop/cli/__init__.py`` (``register``); :func:`due_fields` and
:func:`with_due_dates` serve ``items show/list --json``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.base import OK, Cli

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.desk.deadlines import Deadlines
    from desktop.models import Item
    from desktop.store.records import ItemRow

MESSAGES: dict[str, tuple[str, str]] = {
    "exported": ("Đã xuất {id} ra {out}.", "{id} exported to {out}."),
}


def due_fields(store: Any, item: Item, deadlines: Deadlines | None = None) -> dict[str, Any]:
    """``due_date`` (ISO, or None without a deadline) and ``deadline_status``."""
    from desktop.desk.deadlines import Deadlines

    deadline = (deadlines or Deadlines(store)).deadline(item)
    if deadline is None:
        return {"due_date": None, "deadline_status": None}
    return deadline.to_dict()


def with_due_dates(store: Any, rows: list[ItemRow]) -> list[dict[str, Any]]:
    """``items list --json`` rows with their due dates."""
    from desktop.desk.deadlines import Deadlines

    deadlines = Deadlines(store)
    out = []
    for row in rows:
        data = row.to_dict()
        local = store.item(row.id)
        if local is not None:
            data.update(due_fields(store, local.current, deadlines))
        else:
            data.update({"due_date": None, "deadline_status": None})
        out.append(data)
    return out


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="save an item as PDF, HTML or Markdown")
    export.add_argument("id")
    export.add_argument("--format", choices=["pdf", "html", "md"], default="pdf")
    export.add_argument("--out", required=True, metavar="PATH")
    export.set_defaults(run=export_item)


def export_item(cli: Cli) -> int:
    from desktop.content.export import export_html, export_markdown
    from desktop.desk.exports import context_for

    language = "vi" if cli.lang == "vi" else "en"

    async def read(desk: Desk) -> tuple[str, Any, Any]:
        item_id = desk.find(cli.args.id)
        local = desk.local(item_id)
        assert local is not None
        return item_id, local.current, context_for(desk.store, local.current)

    item_id, item, context = cli.with_desk(read)
    out = Path(cli.args.out)
    if cli.args.format == "md":
        out.write_text(export_markdown(item, context, language), encoding="utf-8")
    elif cli.args.format == "html":
        out.write_text(export_html(item, context, language), encoding="utf-8")
    else:
        from desktop.content.pdf import write_pdf

        write_pdf(export_html(item, context, language), out, item.title)
    vi, en = MESSAGES["exported"]
    cli.out((vi if language == "vi" else en).format(id=item_id[:8], out=out))
    return OK
