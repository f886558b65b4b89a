"""``items list|show|new|edit|act|delete``: writing and moving items, offline (docs/cli.md)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from desktop.cli.base import OK, USAGE, Cli, CliError

if TYPE_CHECKING:
    from desktop.desk import Desk

MESSAGES: dict[str, tuple[str, str]] = {
    "queued": ("Đã xếp hàng; sẽ gửi khi đồng bộ.", "Queued; it will be sent on the next sync."),
    "created": ("Đã tạo bản nháp {id}.", "Draft {id} created."),
    "no_site": ("Hãy chọn trang bằng --site ({sites}).", "Choose the site with --site ({sites})."),
    "no_category": (
        "Chưa có chuyên mục: thêm --category (hoặc khóa category trong tệp .md).",
        "The category is missing: add --category (or the category key of a .md file).",
    ),
    "no_items": ("Không có tin nào.", "No items."),
    "unknown_action": ("Thao tác không hợp lệ: {action}", "Unknown action: {action}"),
    "deleted": ("Đã xóa bản nháp {id}.", "Draft {id} deleted."),
    "delete_queued": (
        "Đã xóa bản nháp {id} trên máy này; cổng thông tin sẽ xóa ở lần đồng bộ tới.",
        "Draft {id} deleted here; the portal deletes it at the next sync.",
    ),
}


def register(commands: argparse._SubParsersAction) -> None:
    items = commands.add_parser("items", help="list, show, write and act on items")
    sub = items.add_subparsers(dest="items_command", metavar="SUBCOMMAND", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("--state")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=items_list)
    show = sub.add_parser("show")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=items_show)
    new = sub.add_parser("new")
    new.add_argument("--file", required=True, help="Markdown with front matter, or a .docx")
    new.add_argument("--site")
    new.add_argument("--category", help="the category (a .docx names none)")
    new.add_argument("--quiet", "-q", action="store_true", help="print only the new id")
    new.set_defaults(run=items_new)
    edit = sub.add_parser("edit")
    edit.add_argument("id")
    edit.add_argument("--file", required=True)
    edit.set_defaults(run=items_edit)
    act = sub.add_parser("act")
    act.add_argument("id")
    act.add_argument("action")
    act.add_argument("--comment")
    act.set_defaults(run=items_act)
    delete = sub.add_parser("delete", help="delete a draft of yours that was never submitted")
    delete.add_argument("id")
    delete.set_defaults(run=items_delete)
    from desktop.cli.operations import register_items  # restore, import (issue 20)

    register_items(sub)


def items_list(cli: Cli) -> int:
    from desktop.cli.content import with_due_dates

    state = cli.args.state

    async def read(desk: Desk) -> list[Any]:
        rows = desk.store.list_items(states=[state] if state else None)
        return with_due_dates(desk.store, rows) if cli.args.json else rows

    rows = cli.with_desk(read)
    if cli.args.json:
        cli.emit_json(rows)
    elif not rows:
        cli.out(cli.say("no_items", MESSAGES))
    else:
        for row in rows:
            cli.out(
                f"{row.id[:8]}  {row.state:<10} v{row.version:<3} {row.sync_status.value:<8} "
                f"{row.category:<16} {row.title}"
            )
    return OK


def items_show(cli: Cli) -> int:
    from desktop.cli.content import due_fields

    async def read(desk: Desk) -> dict[str, Any]:
        item_id = desk.find(cli.args.id)
        local = desk.local(item_id)
        assert local is not None
        return {
            **local.current.to_dict(),
            "sync_status": local.sync_status.value,
            "base_version": local.base_version,
            "comments": [c.to_dict() for c in desk.comments(item_id)],
            **due_fields(desk.store, local.current),
        }

    data = cli.with_desk(read)
    if cli.args.json:
        cli.emit_json(data)
        return OK
    from desktop.content.frontmatter import render

    cli.out(f"# {data['id']} · {data['state']} · v{data['version']} · {data['sync_status']}")
    cli.out(render(data))
    return OK


def items_new(cli: Cli) -> int:
    pictures: list[tuple[str, bytes]] = []
    if cli.args.file.lower().endswith(".docx"):  # issue 16: a Word file, pictures and all
        from desktop.content.item_file import read_item_file  # the reader of items import too

        read = read_item_file(cli.args.file)
        content, pictures = read.content, read.pictures
    else:
        content = cli.read_file(cli.args.file)
    category = content.pop("category", "")
    category = cli.args.category or category

    async def create(desk: Desk) -> str:
        sites = sorted(desk.me.sites)
        site = cli.args.site or (sites[0] if len(sites) == 1 else None)
        if site is None:
            raise CliError(cli.say("no_site", MESSAGES, sites=", ".join(sites)), USAGE)
        if not category:
            raise CliError(cli.say("no_category", MESSAGES))
        item = await desk.create(category, site=site, **content)
        if pictures:
            from desktop.content.images import temporary_file

            for name, data in pictures:  # kept and queued; the body already shows them
                await desk.attach(item.id, temporary_file(name, data))
        return item.id

    item_id = cli.with_desk(create)
    cli.out(item_id if cli.args.quiet else cli.say("created", MESSAGES, id=item_id))
    return OK


def items_edit(cli: Cli) -> int:
    content = cli.read_file(cli.args.file)

    async def edit(desk: Desk) -> None:
        await desk.save(desk.find(cli.args.id), **content)

    cli.with_desk(edit)
    cli.out(cli.say("queued", MESSAGES))
    return OK


def items_act(cli: Cli) -> int:
    """Checked here by the shared pre-check (the same reasons the portal and the app give);
    a refusal exits 1 at once, nothing queued."""

    from desktop.models import Action
    from desktop.models.errors import ActionRefused

    try:
        action = Action(cli.args.action)
    except ValueError:
        vi, en = MESSAGES["unknown_action"]
        text = (vi if cli.lang == "vi" else en).format(action=cli.args.action)
        raise CliError(text, USAGE) from None

    async def act(desk: Desk) -> None:
        try:
            await desk.act(desk.find(cli.args.id), action, cli.args.comment or "")
        except ActionRefused as refused:  # a missing --comment is a usage error (exit 2)
            if [p.code for p in refused.problems] == ["comment_required"]:
                raise CliError(refused.message(cli.lang) + " (--comment)", USAGE) from refused
            raise

    cli.with_desk(act)
    cli.out(cli.say("queued", MESSAGES))
    return OK


def items_delete(cli: Cli) -> int:
    """Only a draft of one's own never submitted (the shared pre-check); anything else exits 1
    with the reason. Gone at once when it never left this computer."""

    async def delete(desk: Desk) -> tuple[str, bool]:
        item_id = desk.find(cli.args.id)
        return item_id, await desk.delete(item_id)

    item_id, gone = cli.with_desk(delete)
    cli.out(cli.say("deleted" if gone else "delete_queued", MESSAGES, id=item_id[:8]))
    return OK
