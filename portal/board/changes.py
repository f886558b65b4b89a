"""``/changes``: every item and comment a caller may see, after an opaque cursor, in server order.

Each item row carries the sequence number of its latest change, so an item that changed several
times after the cursor comes once, in its latest state. The cursor is the last sequence number
looked at (seen or not), wrapped so that clients do not parse it.

Why a cursor never skips a change: numbers are handed out in commit order (``db.next_seq``
holds the feed counter's row lock until the writer commits), so once a reader sees number N
every number below N has committed or was never used; and one page is read from one snapshot
(``db.reading``), so it never mixes two moments.

Who may see a row is decided in SQL (:func:`visible`, the rule of ``desktop.models.can_see`` on
the row's columns, ``ever_submitted`` among them): only the rows sent are parsed, so a page's
cost does not grow with the other writers' items (issue 21).
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Integer, and_, bindparam, case, or_, select
from sqlalchemy.engine import Connection

from desktop.models import Item, Role, State, User
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


def _board(user: User) -> list[str]:
    """The sites where the user is on the board (or an administrator)."""
    return sorted(
        site for site in user.roles if user.on_board(site) or Role.ADMIN in user.roles_on(site)
    )


def _rule(board: Any, username: Any, one: bool = False) -> ColumnElement[bool]:
    """``desktop.models.can_see`` on ``items``' columns (``board``: :func:`_board`; both may be
    bound parameters, or None for a user on no board; ``one``: ``board`` is one site, not a
    list): on a site where the user is on the board, their own items, and the others' once
    submitted unless deleted; elsewhere, what is published."""
    items = db.items
    published = items.c.state == State.PUBLISHED.value
    if board is None:
        return published
    seen_by_board = or_(
        items.c.created_by == username,
        and_(
            items.c.state != State.DELETED.value,
            or_(items.c.state != State.DRAFT.value, items.c.ever_submitted.is_(True)),
        ),
    )
    on_board = items.c.site == board if one else items.c.site.in_(board)
    elsewhere = items.c.site != board if one else items.c.site.not_in(board)
    return or_(and_(on_board, seen_by_board), and_(elsewhere, published))


def visible(user: User) -> ColumnElement[bool]:
    """:func:`_rule` for ``user``."""
    board = _board(user)
    return _rule(board or None, user.username)


def _statements(boards: int) -> tuple[Any, Any]:
    """The next ``count`` item and comment rows after ``since``, each with whether the user
    sees it; built once per kind of user: on no board, on one (no IN list to expand per call),
    on several (building them per request cost more than running them, issue 21)."""
    if boards == 0:
        rule = _rule(None, None)
    elif boards == 1:
        rule = _rule(bindparam("board"), bindparam("username"), one=True)
    else:
        rule = _rule(bindparam("board", expanding=True), bindparam("username"))
    since, count = bindparam("since", type_=Integer), bindparam("count", type_=Integer)
    items = (
        select(db.items.c.change_seq, case((rule, db.items.c.data), else_=None).label("data"))
        .where(db.items.c.change_seq > since)
        .order_by(db.items.c.change_seq)
        .limit(count)
    )
    comments = (
        select(db.comments, rule.label("seen"))
        .join(db.items, db.items.c.id == db.comments.c.item_id)
        .where(db.comments.c.change_seq > since)
        .order_by(db.comments.c.change_seq)
        .limit(count)
    )
    return items, comments


_STATEMENTS = {boards: _statements(boards) for boards in (0, 1, 2)}


def _changes(conn: Connection, user: User, since: int, limit: int) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    position = since
    board = _board(user)
    rule: dict[str, Any] = {}
    if board:
        rule = {"board": board[0] if len(board) == 1 else board, "username": user.username}
    while True:
        batch, complete = _rows_after(conn, rule, position, max(limit * 2, 50))
        left = len(batch)
        for kind, seq, payload in batch:
            left -= 1
            if payload is not None and kind == "item":
                item = Item.from_dict(orjson.loads(payload))
                found.append({"kind": "item", "item": item.to_dict()})
            elif payload is not None:
                found.append({"kind": "comment", "comment": payload})
            position = seq
            if len(found) >= limit:
                break
        if len(found) >= limit:  # more after this page: in this batch, or (not all read) later
            has_more = left > 0 or (not complete and bool(_rows_after(conn, rule, position, 1)[0]))
            return {"changes": found, "cursor": encode_cursor(position), "has_more": has_more}
        if complete:  # every change after the cursor was in this batch: no query to learn it
            return {"changes": found, "cursor": encode_cursor(position), "has_more": False}


def _rows_after(
    conn: Connection, rule: dict[str, Any], since: int, count: int
) -> tuple[list[tuple[str, int, Any]], bool]:
    """The next ``count`` changes after ``since``, by number: items (their JSON) and comments
    (as dicts); the payload is None for a change the caller may not see. ``rule``: the
    user's parameters of :func:`_rule` (none when on no board). And whether they are all the
    changes after ``since`` (then nobody needs to ask for the next ones)."""
    board = rule.get("board")
    boards = 0 if board is None else 2 if isinstance(board, list) else 1
    items_after, comments_after = _STATEMENTS[boards]
    values = {"since": since, "count": count, **rule}
    items = conn.execute(items_after, values).all()
    comments = conn.execute(comments_after, values).all()
    merged: list[tuple[str, int, Any]] = [("item", row.change_seq, row.data) for row in items]
    merged += [
        ("comment", row.change_seq, comment_dict(row) if row.seen else None) for row in comments
    ]
    merged.sort(key=lambda change: change[1])
    complete = len(items) < count and len(comments) < count and len(merged) <= count
    return merged[:count], complete
