"""Issue 20's administrator commands: ``user set-email``, ``user mail-off|mail-on``,
``mail queue``, ``template set|list|remove``.

Registered from ``portal/cli/__init__.py`` (the parser hooks and one run hook).
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import orjson
from sqlalchemy.engine import Connection

from portal.board import mail, templates
from portal.board.directory import BoardError

USER_ACTIONS = ("set-email", "mail-off", "mail-on")


def add_user_parsers(user: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    email = user.add_parser(
        "set-email", parents=[common], help="the address for e-mail notices (empty: none)"
    )
    email.add_argument("username")
    email.add_argument("address")
    email.add_argument("--language", choices=["vi", "en"], help="the notices' language")
    for name, text in (("mail-off", "no e-mail notices"), ("mail-on", "e-mail notices again")):
        user.add_parser(name, parents=[common], help=text).add_argument("username")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    queue = sub.add_parser("mail", help="the e-mail notices' queue").add_subparsers(
        dest="action", required=True
    )
    queue.add_parser("queue", parents=[common], help="notices waiting, sent and failed")
    template = sub.add_parser("template", help="templates per section").add_subparsers(
        dest="action", required=True
    )
    put = template.add_parser("set", parents=[common], help="a section's template")
    put.add_argument("--site", required=True)
    put.add_argument("--category", required=True)
    put.add_argument("--file", required=True, help="JSON or Markdown with a front matter")
    listing = template.add_parser("list", parents=[common])
    listing.add_argument("--site", required=True)
    remove = template.add_parser("remove", parents=[common])
    remove.add_argument("--site", required=True)
    remove.add_argument("--category", required=True)


def handles(args: argparse.Namespace) -> bool:
    return args.command in ("mail", "template") or (
        args.command == "user" and args.action in USER_ACTIONS
    )


def run(conn: Connection, args: argparse.Namespace, now: datetime) -> None:
    if args.command == "user":
        if args.action == "set-email":
            mail.set_email(conn, args.username, args.address, args.language)
        else:
            mail.set_opt_out(conn, args.username, args.action == "mail-off")
        setting = mail.mail_setting(conn, args.username)
        state = "off" if setting["opted_out"] else "on"
        print(f"{args.username}\t{setting['address'] or '-'}\t{setting['language']}\t{state}")
    elif args.command == "mail":
        for row in mail.outbox(conn):
            print(
                f"{row['id']}\t{row['to']}\t{row['event']}\t{row['status']}\t"
                f"{row['attempts']}\t{row['next_attempt_at']}\t{row['last_error']}"
            )
    elif args.action == "set":
        content = read_template(Path(args.file))
        templates.set_template(conn, args.site, args.category, content, "portal-server", now)
        print(f"{args.site}\t{args.category}\t{', '.join(sorted(content))}")
    elif args.action == "list":
        for category, content in sorted(templates.list_templates(conn, args.site).items()):
            print(f"{category}\t{content.get('title', '')}")
    elif not templates.remove_template(conn, args.site, args.category):
        raise BoardError("no_template", f"no template for {args.category!r} on {args.site!r}")


def read_template(path: Path) -> dict[str, object]:
    """A template from a JSON object, or from Markdown with a front matter (like an item)."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BoardError("unreadable", f"cannot read {path}: {error}") from error
    if path.suffix.lower() == ".json":
        try:
            loaded = orjson.loads(text)
        except orjson.JSONDecodeError as error:
            raise BoardError("unreadable", f"{path}: not JSON ({error})") from error
        if not isinstance(loaded, dict):
            raise BoardError("unreadable", f"{path}: a JSON object is needed")
        return loaded
    return _front_matter(path, text)


def _front_matter(path: Path, text: str) -> dict[str, object]:
    """Markdown with a YAML front matter: the keys, and the text after it as the body."""
    import yaml

    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    header: object = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end < 0:
            raise BoardError("unreadable", f"{path}: the closing “---” line is missing")
        try:
            header = yaml.safe_load(text[4:end]) or {}
        except yaml.YAMLError as error:
            raise BoardError("unreadable", f"{path}: unreadable YAML ({error})") from error
        rest = text[end + 4 :]
        body = rest[1:] if rest.startswith("\n") else rest
    if not isinstance(header, dict):
        raise BoardError("unreadable", f"{path}: the front matter is “key: value” pairs")
    content = {str(k): v for k, v in header.items() if v not in ("", None, {})}
    content.pop("category", None)
    if body.strip():
        content["body"] = body
    return content
