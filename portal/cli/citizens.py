"""``portal-server citizens retention|purge``: how long a site keeps askers' and commenters'
contact details (Decree 13/2023/NĐ-CP; issue 18), and erasing what is past it now (each new
question or comment also erases it).

Registered from ``portal/cli/__init__.py`` (two hooks: the parser, and the command's run).
"""

from __future__ import annotations

import argparse
from datetime import datetime

from sqlalchemy.engine import Connection

from desktop.models.citizens import DEFAULT_RETENTION_DAYS
from portal.board import consultation, questions


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    group = sub.add_parser(
        "citizens", help="citizens' contact details: retention and purge"
    ).add_subparsers(dest="action", required=True)
    retention = group.add_parser("retention", parents=[common])
    retention.add_argument("--site", required=True)
    retention.add_argument(
        "--days", type=int, metavar="N", help=f"set it (default {DEFAULT_RETENTION_DAYS})"
    )
    group.add_parser("purge", parents=[common])


def run(conn: Connection, args: argparse.Namespace, now: datetime) -> None:
    if args.action == "retention":
        if args.days is not None:
            if not 0 <= args.days <= 3650:
                from portal.cli import CliError

                raise CliError("--days: between 0 and 3650 / từ 0 đến 3650 ngày")
            questions.set_retention(conn, args.site, args.days)
        print(questions.retention_days(conn, args.site))
    elif args.action == "purge":
        erased = consultation.purge_personal_data(conn, now)
        print(f"questions\t{erased['questions']}\ncomments\t{erased['comments']}")
