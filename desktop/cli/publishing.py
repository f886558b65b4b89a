"""``portal-desk targets …`` and ``portal-desk publish-queue …`` (issue 11, docs/wordpress.md).

Registered from ``desktop/cli/__init__.py`` with :func:`add_commands`. The application password read
from stdin goes to the OS keychain only (``desktop.publishing.credentials``).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.cli import Cli

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


def add_commands(commands: argparse._SubParsersAction) -> None:
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


def _portal_me(cli: Cli, store: Any) -> str:
    return str(cli.me(store)["username"])


async def _refresh(cli: Cli, profile: Any, queue: Any) -> str | None:
    """Fetch the targets from the portal; the reason when it could not (offline, no session)."""
    from desktop.cli import make_credential_store
    from desktop.publishing.credentials import TargetCredentials
    from desktop.publishing.publisher import Publisher
    from desktop.sync import PortalClient, PortalError

    saved = make_credential_store().load(profile.id)
    if saved is None:
        return "no session"
    creds = make_credential_store()

    def keep(token: str) -> None:
        creds.save(profile.id, saved.account, token)

    async with PortalClient(
        profile.url, refresh_token=saved.refresh_token, on_refresh_token=keep
    ) as client:
        try:
            await Publisher(queue, client, TargetCredentials()).refresh_targets()
        except PortalError as error:
            return error.message(cli.lang)
    return None


def targets_login(cli: Cli) -> int:
    from desktop.cli import USAGE, CliError
    from desktop.publishing import PublishError
    from desktop.publishing.credentials import TargetCredentials
    from desktop.publishing.publisher import default_connector
    from desktop.publishing.queue import PublishQueue

    password = cli.read_password()
    profile = cli.profile()
    with cli.store(profile) as store:
        portal_user = _portal_me(cli, store)
    with PublishQueue(profile.store_path) as queue:
        asyncio.run(_refresh(cli, profile, queue))
        target = queue.target(cli.args.target)
        if target is None:
            known = ", ".join(t.id for t in queue.targets()) or "-"
            raise CliError(_say(cli, "no_target", name=cli.args.target, known=known), USAGE)

    async def check() -> str | None:
        connector = default_connector(target, cli.args.user, password)
        try:
            await connector.check()
        finally:
            await connector.aclose()
        return None

    try:
        asyncio.run(check())
    except PublishError as error:
        if error.kind == "auth":
            from desktop.cli import NOT_LOGGED_IN

            raise CliError(error.message(cli.lang), NOT_LOGGED_IN) from error
        print(_say(cli, "target_unchecked", reason=error.message(cli.lang)), file=sys.stderr)
    creds = TargetCredentials()
    secure = creds.save(profile.url, portal_user, target.id, cli.args.user, password)
    cli.out(_say(cli, "target_saved", target=target.id))
    if not secure:
        print(cli.say("memory_only"), file=sys.stderr)
    return 0


def targets_list(cli: Cli) -> int:
    from desktop.publishing.credentials import TargetCredentials
    from desktop.publishing.queue import PublishQueue

    profile = cli.profile()
    with cli.store(profile) as store:
        portal_user = _portal_me(cli, store)
    creds = TargetCredentials()
    with PublishQueue(profile.store_path) as queue:
        asyncio.run(_refresh(cli, profile, queue))
        found = queue.targets()
    rows = [
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
    if cli.args.json:
        cli.emit_json(rows)
        return 0
    for row in rows:
        state = _say(cli, "logged_in" if row["logged_in"] else "not_logged_in")
        cli.out(f"{row['id']}\t{row['site']}\t{row['kind']}\t{row['url']}\t{state}")
    return 0


def queue_list(cli: Cli) -> int:
    from desktop.publishing.queue import PublishQueue

    with PublishQueue(cli.profile().store_path) as queue:
        jobs = queue.jobs()
    if cli.args.json:
        cli.emit_json([job.to_dict() for job in jobs])
        return 0
    if not jobs:
        cli.out(_say(cli, "no_jobs"))
    for job in jobs:
        label = STATUS[job.status][0 if cli.lang == "vi" else 1]
        detail = job.url if job.status in ("published", "taken_down") else job.last_error
        cli.out(
            f"{job.id:<4} {job.item_id[:8]}  {job.target:<20} {label:<10} {job.title}  {detail}"
        )
    return 0


def queue_retry(cli: Cli) -> int:
    from desktop.cli import CliError
    from desktop.publishing.queue import PublishQueue

    with PublishQueue(cli.profile().store_path) as queue:
        if not queue.retry(cli.args.id):
            raise CliError(_say(cli, "no_job", id=cli.args.id))
    cli.out(_say(cli, "retrying", id=cli.args.id))
    return 0
