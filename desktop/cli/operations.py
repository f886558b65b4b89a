"""``items restore ID --version N`` and ``items import FOLDER`` (issue 20; docs/cli.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.base import ERROR, OK, USAGE, Cli, CliError

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.desk.imports import Outcome

MESSAGES: dict[str, tuple[str, str]] = {
    "restored": (
        "Đã khôi phục nội dung phiên bản {version} của tin {id}; sẽ gửi khi đồng bộ.",
        "The content of version {version} of item {id} is back; it is sent on the next sync.",
    ),
    "not_a_folder": ("Không phải thư mục: {folder}", "Not a folder: {folder}"),
    "no_site": ("Hãy chọn trang bằng --site ({sites}).", "Choose the site with --site ({sites})."),
    "imported": ("{file}: đã tạo bản nháp {id}", "{file}: draft {id} created"),
    "failed": ("{file}: lỗi: {reason}", "{file}: failed: {reason}"),
    "skipped": ("{file}: bỏ qua (không phải .md hay .docx)", "{file}: skipped (not .md or .docx)"),
    "summary": (
        "{imported} bản nháp mới, {failed} tệp lỗi, {skipped} tệp bỏ qua.",
        "{imported} new drafts, {failed} files failed, {skipped} files skipped.",
    ),
}


def register_items(sub: argparse._SubParsersAction) -> None:
    restore = sub.add_parser("restore", help="make an earlier version's content the current one")
    restore.add_argument("id")
    restore.add_argument("--version", type=int, required=True, metavar="N")
    restore.set_defaults(run=items_restore)
    imports = sub.add_parser("import", help="a draft from every .md and .docx of a folder")
    imports.add_argument("folder")
    imports.add_argument("--site")
    imports.add_argument("--category", help="for files whose front matter names none")
    imports.add_argument("--json", action="store_true")
    imports.set_defaults(run=items_import)


async def _desk(cli: Cli) -> Desk:
    """Online when the keychain keeps a session (version N is fetched from the portal), else
    offline (a version fetched before)."""
    from desktop.desk.signin import NotSignedIn

    try:
        return await cli.online_desk()
    except NotSignedIn:
        return cli.desk()


def items_restore(cli: Cli) -> int:
    import asyncio

    async def run() -> str:
        desk = await _desk(cli)
        try:
            item_id = desk.find(cli.args.id)
            await desk.restore(item_id, cli.args.version)
            return item_id
        finally:
            await desk.close()

    item_id = asyncio.run(run())
    cli.out(cli.say("restored", MESSAGES, version=cli.args.version, id=item_id[:8]))
    return OK


def items_import(cli: Cli) -> int:
    """Exit 0 when every item file became a draft, 1 when any failed (the others are kept)."""
    from desktop.desk.imports import FAILED, IMPORTED, SKIPPED, folder_files, import_files

    folder = Path(cli.args.folder)
    if not folder.is_dir():
        raise CliError(cli.say("not_a_folder", MESSAGES, folder=folder))

    async def run(desk: Desk) -> list[Outcome]:
        sites = sorted(desk.me.sites)
        site = cli.args.site or (sites[0] if len(sites) == 1 else None)
        if site is None:
            raise CliError(cli.say("no_site", MESSAGES, sites=", ".join(sites)), USAGE)
        return await import_files(desk, folder_files(folder), site, cli.args.category or "")

    outcomes = cli.with_desk(run)
    if cli.args.json:
        cli.emit_json([o.to_dict(cli.lang) for o in outcomes])
    else:
        for outcome in outcomes:
            text = cli.say(
                outcome.status,
                MESSAGES,
                file=outcome.path.name,
                id=outcome.item_id[:8],
                reason=outcome.reason(cli.lang),
            )
            (cli.warn if outcome.status == FAILED else cli.out)(text)
        counts = {s: sum(o.status == s for o in outcomes) for s in (IMPORTED, FAILED, SKIPPED)}
        cli.out(cli.say("summary", MESSAGES, **counts))
    return ERROR if any(o.status == FAILED for o in outcomes) else OK
