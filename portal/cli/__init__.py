"""``portal-server``: run the portal, and the administrator's commands (accounts, roles, grants).

Exit codes: 0 done, 1 failed (one clear line on stderr), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import sys
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import orjson

from desktop.models import Category, CategoryKind, DeadlineFrom, DeadlineRule, Role, Step
from desktop.models.workdays import REGULATION_DEADLINES
from portal import db
from portal.board import accounts, audit
from portal.board import directory as board
from portal.board.passwords import check_new_password, generate_password

APP_NAME = "ban-bien-tap"


class CliError(Exception):
    """A failure to report in one line (exit 1)."""


def default_database_url() -> str:
    if os.environ.get("PORTAL_DATABASE_URL"):
        return os.environ["PORTAL_DATABASE_URL"]
    from platformdirs import user_data_dir

    folder = Path(user_data_dir(APP_NAME, appauthor=False)) / "portal"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'portal.sqlite3'}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="portal-server", description="The reference portal server."
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database", metavar="URL", help="SQLAlchemy URL (default: user data folder)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common], help="run the portal")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument(
        "--demo", action="store_true", help="seed an empty database with demo content"
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes (more than 1 needs PostgreSQL)",
    )
    serve.add_argument(
        "--default-site", metavar="SITE", help="the site / serves (overrides the stored setting)"
    )
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    serve.add_argument(
        "--smtp",
        metavar="URL",
        default=os.environ.get("PORTAL_SMTP"),
        help="e-mail notices through smtp[s]://[user:password@]host:port (or PORTAL_SMTP)",
    )

    sub.add_parser(
        "migrate", parents=[common], help="upgrade the database's schema to this version"
    )

    site = sub.add_parser("site").add_subparsers(dest="action", required=True)
    site_add = site.add_parser("add", parents=[common])
    site_add.add_argument("id")
    site_add.add_argument("name")
    site.add_parser("list", parents=[common])
    site_default = site.add_parser("default", parents=[common], help="the site that / serves")
    site_default.add_argument("id", nargs="?")
    site_default.add_argument("--clear", action="store_true", help="/ lists every site")

    user = sub.add_parser("user").add_subparsers(dest="action", required=True)
    user_add = user.add_parser("add", parents=[common])
    user_add.add_argument("username")
    user_add.add_argument("--name", required=True)
    user_add.add_argument("--password-stdin", action="store_true")
    role = user.add_parser("set-role", parents=[common])
    role.add_argument("username")
    role.add_argument("--site", required=True)
    role.add_argument("--role", required=True, choices=[r.value for r in Role])
    role.add_argument("--remove", action="store_true")
    role.add_argument("--decision", default="", help="the assignment decision's number (AG-10.1)")
    reset = user.add_parser("reset-password", parents=[common])
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true")
    revoke_sessions = user.add_parser(
        "revoke-sessions", parents=[common], help="end every session of the account now"
    )
    revoke_sessions.add_argument("username")
    user_sessions = user.add_parser("sessions", parents=[common], help="the account's sessions")
    user_sessions.add_argument("username")
    from portal.cli import operations as operations_cli  # e-mail, templates (issue 20)

    operations_cli.add_user_parsers(user, common)
    operations_cli.add_parsers(sub, common)

    audit_log = sub.add_parser("audit", parents=[common], help="the newest audit log entries")
    audit_log.add_argument("--site", help="one site's entries (default: all)")
    audit_log.add_argument("--limit", type=int, default=50, metavar="N")

    site_settings = site.add_parser(
        "settings", parents=[common], help="show or change a site's settings"
    )
    site_settings.add_argument("id")
    site_settings.add_argument("--four-eyes", choices=["on", "off"])
    site_settings.add_argument("--password-max-age-days", type=int, metavar="DAYS")
    site_settings.add_argument("--min-password-length", type=int, metavar="N")
    site_settings.add_argument(
        "--stale-after-days",
        type=int,
        metavar="DAYS",
        help="sections to keep current (BD-13.1) show as stale after this many quiet days",
    )
    province = sub.add_parser(
        "province", parents=[common], help="the province's name (passwords may not contain it)"
    )
    province.add_argument("name", nargs="?")
    province.add_argument("--clear", action="store_true")

    category = sub.add_parser("category").add_subparsers(dest="action", required=True)
    cat_add = category.add_parser("add", parents=[common])
    cat_add.add_argument("--site", required=True)
    cat_add.add_argument("id")
    cat_add.add_argument("name")
    cat_add.add_argument("--kind", required=True, choices=[k.value for k in CategoryKind])
    cat_add.add_argument("--unit", default="")
    cat_add.add_argument(
        "--deadline-days",
        type=int,
        help="working days; default: the regulation's for the kind (BD-13), e.g. legal 2",
    )
    cat_add.add_argument("--deadline-from", choices=[d.value for d in DeadlineFrom])
    cat_add.add_argument(
        "--no-deadline", action="store_true", help="no deadline, even where BD-13 sets one"
    )
    cat_add.add_argument("--position", type=int, default=0)

    grant = sub.add_parser("grant").add_subparsers(dest="action", required=True)
    grant_add = grant.add_parser("add", parents=[common])
    grant_add.add_argument("--site", required=True)
    grant_add.add_argument("--to", required=True, dest="grantee")
    grant_add.add_argument("--step", required=True, choices=[s.value for s in Step])
    grant_add.add_argument("--category", action="append", default=[], dest="categories")
    grant_add.add_argument("--from", required=True, dest="valid_from", type=_date)
    grant_add.add_argument("--until", dest="valid_until", type=_date)
    grant_add.add_argument("--by", dest="granted_by")
    grant_add.add_argument(
        "--decision", default="", help="the assignment decision's number (AG-10.1), required"
    )
    grant_revoke = grant.add_parser("revoke", parents=[common])
    grant_revoke.add_argument("id")
    grant_list = grant.add_parser("list", parents=[common])
    grant_list.add_argument("--site", required=True)
    from portal.cli import targets as targets_cli  # publishing targets (issue 11)

    targets_cli.add_parser(sub, common)
    from portal.cli import calendar as calendar_cli  # site calendar notices (issue 6)

    calendar_cli.add_parser(sub, common)
    from portal.cli import citizens as citizens_cli  # contact details' retention (issue 18)

    citizens_cli.add_parser(sub, common)
    return parser


def _date(text: str) -> datetime:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
    return datetime.combine(day, time(), tzinfo=UTC)


def _password(
    conn: db.Connection, from_stdin: bool, username: str, full_name: str | None = None
) -> tuple[str, bool]:
    """The password to set and whether it was generated (and must be shown once).

    A typed password goes through the policy like any other (``check_new_password``).
    """
    if not from_stdin:
        while True:
            password = generate_password()
            if not check_new_password(conn, username, password, full_name=full_name):
                return password, True
    password = sys.stdin.readline().rstrip("\r\n")
    problems = check_new_password(conn, username, password, full_name=full_name)
    if problems:
        raise CliError("; ".join(f"{p.en} / {p.vi}" for p in problems))
    return password, False


def _serve(args: argparse.Namespace, url: str) -> int:
    import uvicorn

    from portal import app as portal_app

    if args.demo and not _loopback(args.host):
        print("portal-server: --demo listens on loopback only (127.0.0.1 or ::1)", file=sys.stderr)
        return 2
    url = db.engine_url(url)
    if args.smtp:
        from portal.board.mail import SmtpSettings

        try:
            SmtpSettings.parse(args.smtp)
        except ValueError as error:
            print(f"portal-server: --smtp: {error}", file=sys.stderr)
            return 2
    if args.workers < 1:
        print("portal-server: --workers must be 1 or more", file=sys.stderr)
        return 2
    if args.workers == 1:
        app = portal_app.create_app(
            url, demo=args.demo, default_site=args.default_site, smtp=args.smtp
        )
        # proxy_headers off: portal.api.forwarded alone decides which proxies to believe
        uvicorn.run(
            app, host=args.host, port=args.port, log_level=args.log_level, proxy_headers=False
        )
        return 0
    if url.startswith("sqlite"):
        print("portal-server: --workers above 1 needs PostgreSQL", file=sys.stderr)
        return 2
    # Migrate (and seed) once here, before the workers start; each worker builds its own app.
    engine = db.make_engine(url)
    try:
        if args.demo:
            from portal.demo import seed_demo

            seed_demo(engine)
    finally:
        engine.dispose()
    os.environ[portal_app.DATABASE_ENV] = url
    os.environ[portal_app.DEMO_ENV] = "1" if args.demo else "0"
    os.environ[portal_app.DEFAULT_SITE_ENV] = args.default_site or ""
    os.environ[portal_app.SMTP_ENV] = args.smtp or ""
    from portal.workers import serve

    try:  # each worker its own socket on the port (SO_REUSEPORT) where the kernel balances them
        return serve(args.host, args.port, args.workers, args.log_level)
    except OSError as error:  # the port is taken, or not ours to bind
        print(f"portal-server: {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1


def _migrate(url: str) -> int:
    from portal.db import schema

    engine = db.make_engine(url, migrate=False)
    try:
        before = schema.upgrade(engine)
        after = schema.current_revision(engine)
    finally:
        engine.dispose()
    if before == after:
        print(f"schema {after}: up to date")
    else:
        print(f"schema {before or 'first'} → {after}")
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _run(args: argparse.Namespace) -> int:
    url = args.database or default_database_url()
    if args.command == "serve":
        return _serve(args, url)
    if args.command == "migrate":
        return _migrate(url)
    if args.command == "audit":
        return _audit(url, args.site, args.limit)
    engine = db.make_engine(url)
    now = datetime.now(UTC)
    try:
        with db.writing(engine) as conn:
            key = (args.command, getattr(args, "action", None))
            from portal.cli import operations as operations_cli

            if operations_cli.handles(args):
                operations_cli.run(conn, args, now)
            elif key == ("site", "add"):
                board.add_site(conn, args.id, args.name)
            elif key == ("site", "list"):
                default = board.get_setting(conn, "default_site")
                for site in board.list_sites(conn):
                    mark = "\t(default)" if site["id"] == default else ""
                    print(f"{site['id']}\t{site['name']}{mark}")
            elif key == ("site", "default"):
                if args.clear == bool(args.id):
                    raise CliError("give a site id, or --clear")
                board.set_default_site(conn, None if args.clear else args.id)
            elif key == ("user", "add"):
                password, generated = _password(conn, args.password_stdin, args.username, args.name)
                board.add_user(conn, args.username, args.name, password, now)
                _audit_cli(conn, "account", now, subject=args.username)
                if generated:
                    print(f"Mật khẩu / password for {args.username}: {password}")
            elif key == ("user", "set-role"):
                if not args.remove:
                    _need_decision(args.decision)
                board.set_role(
                    conn,
                    args.username,
                    args.site,
                    Role(args.role),
                    remove=args.remove,
                    decision_ref=args.decision,
                )
                _audit_cli(
                    conn,
                    "role",
                    now,
                    subject=args.username,
                    site=args.site,
                    action=("remove " if args.remove else "") + args.role,
                )
            elif key == ("user", "reset-password"):
                if board.user_row(conn, args.username) is None:
                    raise CliError(f"no user {args.username!r}")
                password, generated = _password(conn, args.password_stdin, args.username)
                board.set_password(conn, args.username, password, now, must_change=True)
                # a reset answers a sign of compromise: every session of the account ends
                ended = accounts.revoke_user_sessions(conn, args.username)
                _audit_cli(
                    conn,
                    "password_reset",
                    now,
                    subject=args.username,
                    detail={"sessions_revoked": ended},
                )
                if generated:
                    print(f"Mật khẩu / password for {args.username}: {password}")
            elif key == ("user", "revoke-sessions"):
                if board.user_row(conn, args.username) is None:
                    raise CliError(f"no user {args.username!r}")
                count = accounts.revoke_user_sessions(conn, args.username)
                _audit_cli(
                    conn,
                    "sessions_revoked",
                    now,
                    subject=args.username,
                    detail={"sessions": count},
                )
                print(f"{count} phiên đã bị thu hồi / sessions revoked")
            elif key == ("user", "sessions"):
                for found in accounts.list_sessions(conn, now, [args.username]):
                    state = "active" if found["active"] else "revoked" if found["revoked"] else "-"
                    print(
                        f"{found['family']}\t{found['started_at']}\t"
                        f"{found['refreshed_at']}\t{state}"
                    )
            elif key == ("site", "settings"):
                _site_settings(conn, args, now)
            elif args.command == "province":
                if args.clear:
                    board.set_setting(conn, "province", None)
                elif args.name:
                    board.set_setting(conn, "province", args.name)
                else:
                    print(board.get_setting(conn, "province") or "")
            elif key == ("category", "add"):
                board.add_category(conn, _category(args))
            elif key == ("grant", "add"):
                _need_decision(args.decision)
                granted_by = args.granted_by or _head_of(conn, args.site)
                grant = board.add_grant(
                    conn,
                    site=args.site,
                    grantee=args.grantee,
                    step=Step(args.step),
                    granted_by=granted_by,
                    valid_from=args.valid_from,
                    valid_until=args.valid_until,
                    categories=args.categories,
                    decision_ref=args.decision,
                )
                _audit_cli(
                    conn,
                    "grant",
                    now,
                    subject=args.grantee,
                    site=args.site,
                    action=args.step,
                    detail={"id": grant.id, "granted_by": granted_by},
                )
                print(grant.id)
            elif args.command == "target":
                from portal.cli import targets as targets_cli

                targets_cli.run(conn, args, now)
            elif args.command == "calendar":
                from portal.cli import calendar as calendar_cli

                calendar_cli.run(conn, args, now)
            elif args.command == "citizens":
                from portal.cli import citizens as citizens_cli

                citizens_cli.run(conn, args, now)
            elif key == ("grant", "revoke"):
                revoked = board.revoke_grant(conn, args.id, now)
                _audit_cli(
                    conn,
                    "grant_revoke",
                    now,
                    subject=revoked.grantee,
                    site=revoked.site,
                    action=revoked.step.value,
                    detail={"id": revoked.id},
                )
            elif key == ("grant", "list"):
                for g in board.list_grants(conn, site=args.site):
                    until = g.valid_until.date().isoformat() if g.valid_until else "-"
                    cats = ",".join(sorted(g.categories)) or "*"
                    state = "revoked" if g.revoked_at else "active"
                    print(
                        f"{g.id}\t{g.grantee}\t{g.step.value}\t{cats}\t"
                        f"{g.valid_from.date().isoformat()}\t{until}\t{g.granted_by}\t{state}"
                    )
    finally:
        engine.dispose()
    return 0


def _audit_cli(conn: db.Connection, event: str, at: datetime, **fields: Any) -> None:
    """The command line acts as ``portal-server`` from the server itself."""
    audit.record(conn, event, actor=audit.COMMAND_LINE, at=at, address="cli", **fields)


def _site_settings(conn: db.Connection, args: argparse.Namespace, now: datetime) -> None:
    wanted: dict[str, Any] = {}
    if args.four_eyes is not None:
        wanted["four_eyes"] = args.four_eyes == "on"
    if args.password_max_age_days is not None:
        wanted["password_max_age_days"] = args.password_max_age_days
    if args.min_password_length is not None:
        wanted["min_password_length"] = args.min_password_length
    if args.stale_after_days is not None:
        wanted["stale_after_days"] = args.stale_after_days
    if wanted:
        board.set_site_settings(conn, args.id, **wanted)
        _audit_cli(conn, "site_settings", now, site=args.id, detail=wanted)
    site = board.get_site(conn, args.id)
    if site is None:
        raise CliError(f"no site {args.id!r}")
    for name, value in sorted(site["settings"].items()):
        print(f"{name}\t{orjson.dumps(value).decode()}")


def _audit(url: str, site: str | None, limit: int) -> int:
    engine = db.make_engine(url)
    try:
        with db.reading(engine) as conn:
            events = audit.latest_events(conn, site=site, limit=limit)
    finally:
        engine.dispose()
    for e in events:
        who = e["actor"] + (f" (thay {e['on_behalf_of']})" if e["on_behalf_of"] else "")
        what = " ".join(x for x in (e["event"], e["action"] or "", e["outcome"]) if x)
        about = " ".join(f"{k}={e[k]}" for k in ("site", "subject", "item_id") if e[k] is not None)
        print(f"{e['id']}\t{e['at']}\t{who}\t{e['address']}\t{what}\t{about}")
    return 0


def _category(args: argparse.Namespace) -> Category:
    """The category asked for; its deadline is the regulation's for its kind unless given
    (``REGULATION_DEADLINES``: legal 2 working days from the issue date, dissemination 15,
    strategies and projects 10 from approval, science 20, statistics 10 from the decision)."""
    if (args.deadline_days is None) != (args.deadline_from is None):
        raise CliError("give --deadline-days and --deadline-from together")
    if args.no_deadline and args.deadline_days is not None:
        raise CliError("give either --no-deadline or --deadline-days, not both")
    if args.deadline_days is not None and args.deadline_days < 1:
        raise CliError("--deadline-days must be a number of working days from 1 up")
    kind = CategoryKind(args.kind)
    if args.deadline_days is not None:
        deadline: DeadlineRule | None = DeadlineRule(
            args.deadline_days, DeadlineFrom(args.deadline_from)
        )
    else:
        deadline = None if args.no_deadline else REGULATION_DEADLINES.get(kind)
    return Category(
        id=args.id,
        site=args.site,
        name=args.name,
        kind=kind,
        unit=args.unit,
        deadline=deadline,
        position=args.position,
    )


def _need_decision(decision: str) -> None:
    """AG-10.1: a grant or a role is given citing the decision that designates the official."""
    from desktop.models.decisions import missing_decision

    missing = missing_decision(decision)
    if missing is not None:
        raise CliError(f"{missing.vi} / {missing.en} (--decision SỐ/QĐ-…)")


def _head_of(conn: db.Connection, site: str) -> str:
    heads = [m["username"] for m in board.members(conn, site) if Role.HEAD.value in m["roles"]]
    if not heads:
        raise CliError(f"site {site!r} has no head; say who grants with --by")
    return heads[0]


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return _run(args)
    except (CliError, board.BoardError) as error:
        print(f"portal-server: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a database that cannot be opened, and the like
        print(f"portal-server: {type(error).__name__}: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
