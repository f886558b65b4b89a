"""``portal-desk targets …`` and ``portal-desk publish-queue …`` (issue 11, docs/wordpress.md).

Registered from ``desktop/cli/__init__.py`` (``register``). The application password read
from stdin goes to the OS keychain only (``desktop.publishing.credentials``).
"""

from __future__ import annotations

import argparse
import asyncio
from typing import TYPE_CHECKING, Any

from desktop.cli.base import NOT_LOGGED_IN, OK, USAGE, Cli, CliError

if TYPE_CHECKING:
    from desktop.desk import Desk

MESSAGES: dict[str, tuple[str, str]] = {
    "no_target": (
        "Trang “{target}” không có trang đích “{name}”. Có: {known}",
        "No target “{name}” on this portal. Known: {known}",
    ),
    "target_saved": (
        "Đã lưu mật khẩu ứng dụng của {target} vào kho khóa.",
        "The application password for {target} is in the keychain.",
    ),
    "target_unchecked": (
        "Chưa kiểm tra được với trang đích ({reason}); mật khẩu vẫn được lưu.",
        "Could not check with the target ({reason}); the password is kept anyway.",
    ),
    "no_jobs": ("Hàng đợi đăng trống.", "The publish queue is empty."),
    "no_job": ("Không có việc đăng số {id}.", "No publish job {id}."),
    "retrying": ("Sẽ thử đăng lại việc {id} ở lần đồng bộ tới.", "Job {id} is retried next sync."),
    "logged_in": ("đã đăng nhập", "logged in"),
    "not_logged_in": ("chưa đăng nhập", "not logged in"),
}

STATUS = {
    "waiting": ("chờ đăng", "waiting"),
    "published": ("đã đăng", "published"),
    "taken_down": ("đã gỡ", "taken down"),
    "failed": ("lỗi", "failed"),
}


def _say(cli: Cli, key: str, **values: Any) -> str:
    vi, en = MESSAGES[key]
    return (vi if cli.lang == "vi" else en).format(**values)


def register(commands: argparse._SubParsersAction) -> None:
    targets = commands.add_parser("targets", help="publishing targets (WordPress)")
    sub = targets.add_subparsers(dest="targets_command", required=True)
    login = sub.add_parser("login", help="keep a target's application password in the keychain")
    login.add_argument("target")
    login.add_argument("--user", required=True, metavar="NAME")
    login.add_argument("--password-stdin", action="store_true", required=True)
    login.set_defaults(run=targets_login)
    listing = sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=targets_list)

    queue = commands.add_parser("publish-queue", help="the publish queue")
    queue.add_argument("--json", action="store_true")
    queue.set_defaults(run=queue_list)
    queue_sub = queue.add_subparsers(dest="queue_command")
    retry = queue_sub.add_parser("retry")
    retry.add_argument("id", type=int)
    retry.set_defaults(run=queue_retry)


async def _refresh(cli: Cli, desk: Desk) -> str | None:
    """Fetch the targets from the portal; the reason when it could not (offline, no session)."""
    from desktop.publishing.credentials import TargetCredentials
    from desktop.publishing.publisher import Publisher
    from desktop.sync import PortalError

    if desk.client is None:
        return "no session"
    try:
        await Publisher(desk.publishing.queue(), desk.client, TargetCredentials()).refresh_targets()
    except PortalError as error:
        return error.message(cli.lang)
    return None


async def _desk_with_targets(cli: Cli) -> Desk:
    """The profile's desk, online when the keychain keeps a session (the targets are then
    fetched again), offline otherwise (the targets seen before)."""
    from desktop.desk.signin import NotSignedIn

    try:
        desk = await cli.online_desk()
    except NotSignedIn:
        return cli.desk()
    await _refresh(cli, desk)
    return desk


def targets_login(cli: Cli) -> int:
    from desktop.publishing import PublishError
    from desktop.publishing.credentials import TargetCredentials
    from desktop.publishing.publisher import default_connector

    password = cli.read_password()
    profile = cli.profile()

    async def find() -> tuple[Any, str, str]:
        desk = await _desk_with_targets(cli)
        try:
            queue = desk.publishing.queue()
            known = ", ".join(t.id for t in queue.targets()) or "-"
            return queue.target(cli.args.target), desk.me.username, known
        finally:
            await desk.close()

    target, portal_user, known = asyncio.run(find())
    if target is None:
        raise CliError(_say(cli, "no_target", name=cli.args.target, known=known), USAGE)

    async def check() -> None:
        connector = default_connector(target, cli.args.user, password)
        try:
            await connector.check()
        finally:
            await connector.aclose()

    try:
        asyncio.run(check())
    except PublishError as error:
        if error.kind == "auth":
            raise CliError(error.message(cli.lang), NOT_LOGGED_IN) from error
        cli.warn(_say(cli, "target_unchecked", reason=error.message(cli.lang)))
    creds = TargetCredentials()
    secure = creds.save(profile.url, portal_user, target.id, cli.args.user, password)
    cli.out(_say(cli, "target_saved", target=target.id))
    if not secure:
        cli.warn(cli.say("memory_only"))
    return OK


def targets_list(cli: Cli) -> int:
    from desktop.publishing.credentials import TargetCredentials

    profile = cli.profile()
    creds = TargetCredentials()

    async def read() -> list[dict[str, Any]]:
        desk = await _desk_with_targets(cli)
        try:
            found = desk.publishing.queue().targets()
            portal_user = desk.me.username
        finally:
            await desk.close()
        return [
            {
                "id": t.id,
                "site": t.site,
                "kind": t.kind,
                "url": t.url,
                "category_map": t.category_map,
                "create_categories": t.create_categories,
                "takedown": t.takedown,
                "logged_in": creds.load(profile.url, portal_user, t.id) is not None,
            }
            for t in found
        ]

    rows = asyncio.run(read())
    if cli.args.json:
        cli.emit_json(rows)
        return OK
    for row in rows:
        state = _say(cli, "logged_in" if row["logged_in"] else "not_logged_in")
        cli.out(f"{row['id']}\t{row['site']}\t{row['kind']}\t{row['url']}\t{state}")
    return OK


def queue_list(cli: Cli) -> int:
    async def read(desk: Desk) -> list[Any]:
        return desk.publishing.jobs()

    jobs = cli.with_desk(read)
    if cli.args.json:
        cli.emit_json([job.to_dict() for job in jobs])
        return OK
    if not jobs:
        cli.out(_say(cli, "no_jobs"))
    for job in jobs:
        label = STATUS[job.status][0 if cli.lang == "vi" else 1]
        detail = job.url if job.status in ("published", "taken_down") else job.last_error
        cli.out(
            f"{job.id:<4} {job.item_id[:8]}  {job.target:<20} {label:<10} {job.title}  {detail}"
        )
    return OK


def queue_retry(cli: Cli) -> int:
    async def retry(desk: Desk) -> bool:
        return desk.publishing.retry(cli.args.id)

    if not cli.with_desk(retry):
        raise CliError(_say(cli, "no_job", id=cli.args.id))
    cli.out(_say(cli, "retrying", id=cli.args.id))
    return OK
