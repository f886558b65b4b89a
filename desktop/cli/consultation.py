"""``consultation comments|export``: the comments a draft received, and the draft with its
comments for the drafting agency (issue 18; docs/cli.md). Online: comments live on the portal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.base import OK, Cli
from desktop.cli.questions import online

if TYPE_CHECKING:
    from desktop.desk import Desk

MESSAGES: dict[str, tuple[str, str]] = {
    "none": ("Chưa có ý kiến góp ý.", "No comments yet."),
    "written": (
        "Đã ghi {path}: dự thảo và {count} ý kiến (không kèm thư điện tử).",
        "Wrote {path}: the draft and {count} comments (without e-mails).",
    ),
}


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("consultation", help="comments on a draft (online)")
    sub = group.add_subparsers(dest="consultation_command", metavar="SUBCOMMAND", required=True)
    comments = sub.add_parser("comments")
    comments.add_argument("item", help="the consultation item's id or a prefix of it")
    comments.add_argument("--json", action="store_true")
    comments.set_defaults(run=consultation_comments)
    export = sub.add_parser("export")
    export.add_argument("item")
    export.add_argument("--format", required=True, choices=["docx", "pdf"])
    export.add_argument("--out", required=True, metavar="PATH")
    export.set_defaults(run=consultation_export)


def consultation_comments(cli: Cli) -> int:
    async def read(desk: Desk) -> dict[str, Any]:
        return await desk.citizens.comments(desk.find(cli.args.item))

    found = online(cli, read)
    if cli.args.json:
        cli.emit_json(found)
        return OK
    if not found.get("comments"):
        cli.out(cli.say("none", MESSAGES))
    for c in found.get("comments", []):
        cli.out(f"{c['created_at']}  {c['name']} <{c['email']}>")
        cli.out(f"  {c['body']}".replace("\n", "\n  "))
    return OK


def consultation_export(cli: Cli) -> int:
    out = Path(cli.args.out)

    async def export(desk: Desk) -> int:
        item_id = desk.find(cli.args.item)
        await desk.citizens.export_comments(item_id, cli.args.format, out)
        return len((await desk.citizens.comments(item_id)).get("comments", []))

    count = online(cli, export)
    cli.out(cli.say("written", MESSAGES, path=out, count=count))
    return OK
