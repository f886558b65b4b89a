"""``login``, ``logout``, ``sync`` and ``status``: the session and the sync (docs/cli.md)."""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING, Any

from desktop.cli.base import CONFLICTS, ERROR, NOT_LOGGED_IN, OFFLINE, OK, Cli, CliError
from desktop.models.errors import KnownError

if TYPE_CHECKING:
    from desktop.desk import Desk

MESSAGES: dict[str, tuple[str, str]] = {
    "logged_in": ("Đã đăng nhập vào {url}.", "Logged in to {url}."),
    "logged_out": ("Đã đăng xuất.", "Logged out."),
    "sync_done": (
        "Đã đồng bộ: nhận {pulled}, gửi {pushed}, hòa trộn {merged}, xung đột {conflicts}, "
        "bị từ chối {failed}, bỏ {dropped}.",
        "Synced: pulled {pulled}, pushed {pushed}, merged {merged}, conflicts {conflicts}, "
        "failed {failed}, dropped {dropped}.",
    ),
    "refused_op": (
        "Cổng thông tin không nhận {op} của tin {id}: {reason}",
        "The portal refused the {op} of item {id}: {reason}",
    ),
    "held": (
        "{n} thao tác chưa gửi được: cổng thông tin gặp lỗi khi nhận; sẽ thử lại lần đồng bộ sau.",
        "{n} operation(s) not sent: the portal had an error taking them; tried again next sync.",
    ),
    "conflicts_remain": (
        "Còn {n} xung đột cần giải quyết: portal-desk conflicts list",
        "{n} conflict(s) remain: portal-desk conflicts list",
    ),
    "status": (
        "Trực tuyến: {online} · chờ gửi: {pending} · xung đột: {conflicts} · bị từ chối: "
        "{failed} · đồng bộ lần cuối: {last_sync}",
        "Online: {online} · pending: {pending} · conflicts: {conflicts} · failed: {failed} · "
        "last sync: {last_sync}",
    ),
}

#: What an operation is called when the portal refused it.
OPERATIONS: dict[str, tuple[str, str]] = {
    "create": ("bản nháp mới", "new draft"),
    "update": ("bản sửa", "changes"),
    "action": ("thao tác", "action"),
    "comment": ("ý kiến", "comment"),
    "blob": ("tệp đính kèm", "attachment"),
}


def register(commands: argparse._SubParsersAction) -> None:
    login = commands.add_parser("login", help="log in to a portal")
    login.add_argument("--server", required=True, metavar="URL")
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument("--password-stdin", action="store_true", required=True)
    login.set_defaults(run=login_command)
    commands.add_parser("logout", help="log out").set_defaults(run=logout)
    sync = commands.add_parser("sync", help="send and receive changes")
    sync.add_argument("--json", action="store_true")
    sync.add_argument(
        "--password-stdin",
        action="store_true",
        help="log in for this run with the password on stdin (when no keychain keeps a session)",
    )
    sync.set_defaults(run=sync_command)
    status = commands.add_parser("status", help="online, pending, conflicts, last sync")
    status.add_argument("--json", action="store_true")
    status.set_defaults(run=status_command)


def login_command(cli: Cli) -> int:
    from desktop.cli.base import credential_store
    from desktop.desk.signin import sign_in_profile

    password = cli.read_password()

    async def run() -> bool:
        signed = await sign_in_profile(
            cli.profiles(),
            credential_store(),
            cli.args.server,
            cli.args.user,
            password,
            language=cli.lang,
        )
        try:
            await signed.desk.refresh_directory()
        except KnownError:  # the directory comes with the next sync
            pass
        finally:
            await signed.desk.close()
        return signed.kept

    kept = asyncio.run(run())
    from desktop.sync.api import check_url

    cli.out(cli.say("logged_in", MESSAGES, url=check_url(cli.args.server)))
    if not kept:
        cli.warn(cli.say("memory_only"))
    return OK


def logout(cli: Cli) -> int:
    from desktop.cli.base import credential_store
    from desktop.desk.signin import sign_out

    asyncio.run(sign_out(cli.profile(), credential_store()))
    cli.out(cli.say("logged_out", MESSAGES))
    return OK


def sync_command(cli: Cli) -> int:
    password = cli.read_password() if cli.args.password_stdin else None

    async def run() -> tuple[Any, int, list[Any]]:
        desk = await cli.online_desk(password)
        try:
            before = {f.seq for f in desk.failures()}
            report = await desk.sync()
            refused = [f for f in desk.failures() if f.seq not in before]
            return report, desk.status()["conflicts"], refused
        finally:
            await desk.close()

    report, remaining, refused = asyncio.run(run())
    if cli.args.json:
        cli.emit_json({**report.to_dict(), "conflicts_open": remaining})
    else:
        cli.out(cli.say("sync_done", MESSAGES, **report.to_dict()))
    for failure in refused:
        op = OPERATIONS.get(failure.op, (failure.op, failure.op))
        name = op[0] if cli.lang == "vi" else op[1]
        cli.warn(
            cli.say("refused_op", MESSAGES, op=name, id=failure.item_id[:8], reason=failure.reason)
        )
    if report.held:
        cli.warn(cli.say("held", MESSAGES, n=report.held))
    if report.auth_failed:
        raise CliError(report.error or "", NOT_LOGGED_IN)
    if not report.online:
        raise CliError(report.error or "offline", OFFLINE)
    if report.error:
        raise CliError(report.error, ERROR)
    if refused:
        return ERROR
    if remaining:
        cli.warn(cli.say("conflicts_remain", MESSAGES, n=remaining))
        return CONFLICTS
    return OK


def status_command(cli: Cli) -> int:
    profile = cli.profile()

    async def read(desk: Desk) -> dict[str, Any]:
        return desk.status()

    status = cli.with_desk(read)
    status["profile"] = profile.id
    status["portal"] = profile.url
    if cli.args.json:
        cli.emit_json(status)
        return OK
    yes, no = cli.say("yes"), cli.say("no")
    cli.out(
        cli.say(
            "status",
            MESSAGES,
            online=yes if status["online"] else no,
            pending=status["pending"],
            conflicts=status["conflicts"],
            failed=status["failed"],
            last_sync=status["last_sync"] or cli.say("never"),
        )
    )
    return OK
