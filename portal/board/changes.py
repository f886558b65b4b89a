"""``/changes``: every item and comment a caller may see, after an opaque cursor, in server order.

Each item row carries the sequence number of its latest change, so an item that changed several
times after the cursor comes once, in its latest state. The cursor is the last sequence number
looked at (seen or not), wrapped so that clients do not parse it.

Why a cursor never skips a change: numbers are handed out in commit order (``db.next_seq``
holds the feed counter's row lock until the writer commits), so once a reader sees number N
every number below N has committed or was never used; and one page is read from one snapshot
(``db.reading``), so it never mixes two moments.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

import orjson
from sqlalchemy import select
from sqlalchemy.engine import Connection

from desktop.models import Item, User, can_see
from portal import db
from portal.board.directory import directory_versions
from portal.board.problems import invalid
from portal.board.service import comment_dict

_PREFIX = "c1:"


def encode_cursor(seq: int) -> str:
    return base64.urlsafe_b64encode(f"{_PREFIX}{seq}".encode()).decode().rstrip("=")


#: The largest change number a cursor can hold: ``change_seq`` is an INTEGER column, 32 bits
#: on PostgreSQL (a larger number could not even be compared with it there).
MAX_SEQ = 2**31 - 1
_CURSOR = re.compile(r"c1:([0-9]{1,19})")


def decode_cursor(cursor: str | None) -> int:
    """The change number in a cursor; 422 for anything this server could not have given out
    (``int()`` alone would take ``١٢``, ``1_000`` or a number too large to compare with)."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        text = ""
    match = _CURSOR.fullmatch(text)
    if match is None or int(match.group(1)) > MAX_SEQ:
        raise invalid("since", "is not a cursor this server gave out")
    return int(match.group(1))


def changes_since(conn: Connection, user: User, since: int, limit: int) -> dict[str, Any]:
    """Up to ``limit`` visible changes after ``since``; the cursor moves past invisible ones too.

    ``directory`` gives the version of each of the caller's sites' directories (grants, roles,
    categories, calendar): a client refreshes its copy when one moved (issue 14).
    """
    page = _changes(conn, user, since, limit)
    page["directory"] = directory_versions(conn, user.roles)
    return page


def _changes(conn: Connection, user: User, since: int, limit: int) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    position = since
    visible: dict[str, bool] = {}
    while len(found) < limit:
        batch = _rows_after(conn, position, max(limit * 2, 50))
        if not batch:
            return {"changes": found, "cursor": encode_cursor(position), "has_more": False}
        for kind, seq, payload in batch:
            if kind == "item":
                item = Item.from_dict(orjson.loads(payload))
                visible[item.id] = can_see(item, user)
                if visible[item.id]:
                    found.append({"kind": "item", "item": item.to_dict()})
            else:
                comment = payload
                if comment["item_id"] not in visible:
                    visible[comment["item_id"]] = _item_visible(conn, comment["item_id"], user)
                if visible[comment["item_id"]]:
                    found.append({"kind": "comment", "comment": comment})
            position = seq
            if len(found) >= limit:
                break
    has_more = bool(_rows_after(conn, position, 1))
    return {"changes": found, "cursor": encode_cursor(position), "has_more": has_more}


def _item_visible(conn: Connection, item_id: str, user: User) -> bool:
    row = conn.execute(select(db.items.c.data).where(db.items.c.id == item_id)).first()
    return row is not None and can_see(Item.from_dict(orjson.loads(row.data)), user)


def _rows_after(conn: Connection, since: int, count: int) -> list[tuple[str, int, Any]]:
    """The next ``count`` changes after ``since``: items (their JSON) and comments, by number."""
    items = conn.execute(
        select(db.items.c.change_seq, db.items.c.data)
        .where(db.items.c.change_seq > since)
        .order_by(db.items.c.change_seq)
        .limit(count)
    ).all()
    comments = conn.execute(
        select(db.comments)
        .where(db.comments.c.change_seq > since)
        .order_by(db.comments.c.change_seq)
        .limit(count)
    ).all()
    merged: list[tuple[str, int, Any]] = [("item", row.change_seq, row.data) for row in items]
    merged += [("comment", row.change_seq, comment_dict(row)) for row in comments]
    merged.sort(key=lambda change: change[1])
    return merged[:count]
