"""``portal-server target add|list|remove``: an administrator connects a site to a CMS.

Registered from ``portal/cli/__init__.py`` (two hooks: the parser, and the command's run).
"""

from __future__ import annotations

import argparse
from datetime import datetime

from sqlalchemy.engine import Connection

from portal.board import targets


def add_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    target = sub.add_parser("target", help="publishing targets (WordPress)").add_subparsers(
        dest="action", required=True
    )
    add = target.add_parser("add", parents=[common])
    add.add_argument("--site", required=True)
    add.add_argument("--kind", required=True, choices=list(targets.KINDS))
    add.add_argument("--url", required=True)
    add.add_argument("--id", dest="target_id", help="the target's id (default: kind-host)")
    add.add_argument("--category-map", default="", metavar="local=remote,...")
    add.add_argument("--create-categories", action="store_true")
    add.add_argument("--takedown", choices=list(targets.TAKEDOWN), default="draft")
    listing = target.add_parser("list", parents=[common])
    listing.add_argument("--site")
    remove = target.add_parser("remove", parents=[common])
    remove.add_argument("id")


def run(conn: Connection, args: argparse.Namespace, now: datetime) -> None:
    if args.action == "add":
        found = targets.add_target(
            conn,
            site=args.site,
            kind=args.kind,
            url=args.url,
            at=now,
            target_id=args.target_id,
            category_map=targets.parse_category_map(args.category_map),
            create_categories=args.create_categories,
            takedown=args.takedown,
        )
        print(found["id"])
    elif args.action == "list":
        for t in targets.list_targets(conn, args.site):
            mapping = ",".join(f"{k}={v}" for k, v in sorted(t["category_map"].items())) or "-"
            create = "create-categories" if t["create_categories"] else "-"
            print(
                f"{t['id']}\t{t['site']}\t{t['kind']}\t{t['url']}\t{mapping}\t{create}\t"
                f"takedown={t['takedown']}"
            )
    elif args.action == "remove":
        targets.remove_target(conn, args.id)
