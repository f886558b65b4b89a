"""``conflicts list|show|resolve``: both sides of a change, and the person's choice."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from desktop.cli.base import OK, USAGE, Cli, CliError

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.store.records import Conflict

MESSAGES: dict[str, tuple[str, str]] = {
    "resolved": ("Đã giải quyết xung đột {id}.", "Conflict {id} resolved."),
    "no_conflicts": ("Không có xung đột.", "No conflicts."),
}


def register(commands: argparse._SubParsersAction) -> None:
    conflicts = commands.add_parser("conflicts", help="list, show and resolve conflicts")
    sub = conflicts.add_subparsers(dest="conflicts_command", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=conflicts_list)
    show = sub.add_parser("show")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=conflicts_show)
    resolve = sub.add_parser("resolve")
    resolve.add_argument("id")
    resolve.add_argument("--keep", choices=["mine", "theirs"])
    resolve.add_argument("--file")
    resolve.set_defaults(run=conflicts_resolve)


def conflicts_list(cli: Cli) -> int:
    async def read(desk: Desk) -> list[Conflict]:
        return desk.conflicts()

    found = cli.with_desk(read)
    if cli.args.json:
        cli.emit_json([c.to_dict() for c in found])
    elif not found:
        cli.out(cli.say("no_conflicts", MESSAGES))
    else:
        for c in found:
            cli.out(f"{c.id:<4} {c.item_id[:8]}  v{c.theirs_version:<3} {', '.join(c.fields)}")
    return OK


def conflicts_show(cli: Cli) -> int:
    from desktop.sync.merge import conflict_text

    async def read(desk: Desk) -> Conflict:
        return desk.conflict(cli.args.id)

    conflict = cli.with_desk(read)
    if cli.args.json:
        cli.emit_json(conflict.to_dict())
        return OK
    cli.out(f"# {conflict.id} · {conflict.item_id} · {', '.join(conflict.fields)}")
    for name in conflict.fields:
        base, mine, theirs = (
            conflict.base.get(name),
            conflict.mine.get(name),
            conflict.theirs.get(name),
        )
        cli.out(f"## {name}")
        if isinstance(base, str) and isinstance(mine, str) and isinstance(theirs, str):
            cli.out(conflict_text(base, mine, theirs))
        else:
            sides = {"base": base, "mine": mine, "theirs": theirs}
            cli.out(json.dumps(sides, ensure_ascii=False, indent=2))
    return OK


def conflicts_resolve(cli: Cli) -> int:
    if bool(cli.args.keep) == bool(cli.args.file):
        raise CliError("--keep mine|theirs | --file merged.md", USAGE)
    resolution: str | dict[str, Any] = cli.args.keep or cli.read_file(cli.args.file)

    async def resolve(desk: Desk) -> int:
        conflict = desk.conflict(cli.args.id)
        await desk.resolve(conflict.id, resolution)
        return conflict.id

    cli.out(cli.say("resolved", MESSAGES, id=cli.with_desk(resolve)))
    return OK
