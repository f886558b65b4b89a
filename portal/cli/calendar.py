"""``portal-server calendar add|list|remove``: an administrator keeps the site's notices.

Registered from ``portal/cli/__init__.py`` (two hooks: the parser, and the command's run).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime

from sqlalchemy.engine import Connection

from desktop.models.workdays import NOTICE_KINDS, CalendarNotice
from portal.board import calendar


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cal = sub.add_parser("calendar", help="the site's days off and working days").add_subparsers(
        dest="action", required=True
    )
    add = cal.add_parser("add", parents=[common])
    add.add_argument("--site", required=True)
    add.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")
    add.add_argument("--kind", required=True, choices=list(NOTICE_KINDS))
    add.add_argument("--note", default="")
    listing = cal.add_parser("list", parents=[common])
    listing.add_argument("--site", required=True)
    remove = cal.add_parser("remove", parents=[common])
    remove.add_argument("--site", required=True)
    remove.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")


def run(conn: Connection, args: argparse.Namespace, now: datetime) -> None:
    if args.action == "add":
        notice = CalendarNotice(args.date, args.kind, args.note)
        calendar.set_notice(conn, args.site, notice, "portal-server", now)
        print(f"{notice.date.isoformat()}\t{notice.kind}\t{notice.note}")
    elif args.action == "list":
        for n in calendar.list_notices(conn, args.site):
            print(f"{n['date']}\t{n['kind']}\t{n['note']}")
    elif args.action == "remove" and not calendar.remove_notice(conn, args.site, args.date):
        from portal.cli import CliError

        raise CliError(f"no notice on {args.date.isoformat()} for site {args.site}")
