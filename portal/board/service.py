"""The editorial work on items: create, update, act, comment; every version kept.

Each function takes an open write connection and the caller as a :class:`desktop.models.User`;
every right is decided by ``desktop.models`` (``can_create``, ``can_edit``, ``can_see``,
``check_action``, ``apply_action``), never here. The API routes, the command line and the demo
seeding all go through these functions, so the demo's history is real.
"""

from __future__ import annotations

import functools
import threading
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Concatenate, ParamSpec, TypeVar

import orjson
from sqlalchemy import Integer, Table, bindparam, insert, select, update
from sqlalchemy.engine import Connection

from desktop.models import (
    Action,
    Grant,
    Item,
    ModelError,
    State,
    User,
    apply_action,
    can_create,
    can_edit,
    can_see,
    item_slug,
    nfc,
    parse_content,
    valid_item_id,
)
from desktop.models.checks import source_url_problem
from desktop.models.precheck import is_rights_refusal, precheck
from portal import db
from portal.board import search_index
from portal.board.directory import (
    category_ids,
    get_site,
    list_categories,
    list_grants,
    site_settings,
    utc,
)
from portal.board.problems import ProblemError, invalid, not_found
from portal.board.public_columns import public_columns

P = ParamSpec("P")
R = TypeVar("R")


def next_seq(conn: Connection, kind: str = "", ref: str = "") -> int:
    """A new number in the feed, in commit order (``db.next_seq``); ``kind``/``ref`` are unused.

    Take it as the last step before writing the row it numbers: the feed is locked for other
    writers from here until this transaction ends.
    """
    return db.next_seq(conn)


#: The rows written in a :func:`feed_last` block that still wait for their feed number.
_PENDING: weakref.WeakKeyDictionary[Connection, list[tuple[Table, str]]] = (
    weakref.WeakKeyDictionary()
)


@contextmanager
def feed_last(conn: Connection) -> Iterator[None]:
    """Number the items and comments written in this block when it ends, not when written.

    The feed counter's row lock (``db.next_seq``) is held from the moment a number is taken
    until the transaction ends; taken here, at the end of the work, it is held only for the
    few statements that write the numbers (and whatever the caller still does before COMMIT),
    not for the versions, search index, notices and audit (issue 21: 81 % of wall time at 20
    writers). The rows are written with ``change_seq`` 0 (or their old number) meanwhile, which
    nobody outside this transaction sees. A block inside another is part of the outer one.
    """
    if conn in _PENDING:
        yield
        return
    _PENDING[conn] = []
    try:
        yield
        number_pending(conn)
    finally:
        _PENDING.pop(conn, None)


def numbered_last(
    work: Callable[Concatenate[Connection, P], R],
) -> Callable[Concatenate[Connection, P], R]:
    """``work`` (whose first argument is the connection) run in a :func:`feed_last` block."""

    @functools.wraps(work)
    def numbered(conn: Connection, *args: P.args, **kwargs: P.kwargs) -> R:
        with feed_last(conn):
            return work(conn, *args, **kwargs)

    return numbered


def forget_pending(conn: Connection) -> None:
    """Drop the rows waiting for a number (their work was rolled back to a savepoint)."""
    if conn in _PENDING:
        _PENDING[conn].clear()


def pending(conn: Connection) -> bool:
    """Whether rows written in this :func:`feed_last` block wait for their number."""
    return bool(_PENDING.get(conn))


def number_pending(conn: Connection) -> None:
    """Give the waiting rows their feed numbers now, in the order they were written."""
    pending = _PENDING.get(conn)
    if not pending:
        return
    rows = list(dict.fromkeys(pending))
    pending.clear()
    last = db.next_seq(conn, len(rows))
    for seq, (table, key) in enumerate(rows, start=last - len(rows) + 1):
        conn.execute(_NUMBER[table.name], {"key": key, "seq": seq})


#: The feed number written to an item's or a comment's row (built once, issue 21).
_NUMBER = {
    table.name: update(table)
    .where(table.c.id == bindparam("key"))
    .values(change_seq=bindparam("seq", type_=Integer))
    for table in (db.items, db.comments)
}


def _number_later(conn: Connection, table: Table, key: str) -> None:
    _PENDING[conn].append((table, key))


_LOAD_ITEM = select(db.items.c.data).where(db.items.c.id == bindparam("item_id"))


def load_item(conn: Connection, item_id: str) -> Item | None:
    row = conn.execute(_LOAD_ITEM, {"item_id": item_id}).first()
    return Item.from_dict(orjson.loads(row.data)) if row is not None else None


def visible_item(conn: Connection, item_id: str, user: User) -> Item:
    """The item if the user may see it; 404 otherwise (no hint that it exists)."""
    item = load_item(conn, item_id)
    if item is None or not can_see(item, user):
        raise not_found()
    return item


def _content(conn: Connection, site: str, fields: dict[str, Any]) -> dict[str, Any]:
    try:
        content = parse_content(fields)
    except ModelError as error:
        raise invalid(error.field, error.message, error.code, top="invalid") from None
    source = content.get("source")
    problem = source_url_problem(source.url) if source is not None else None
    if problem is not None:  # on every write, not only at submit: step 2 edits sources too
        raise ProblemError(422, "invalid", problem.en, errors=[problem])
    category = content.get("category")
    if category and category not in category_ids(conn, site):
        raise ProblemError(
            422,
            "unknown_category",
            f"The category {category!r} does not exist on {site!r}.",
            errors=[
                {
                    "code": "unknown_category",
                    "field": "category",
                    "vi": f"Chuyên mục “{category}” không tồn tại.",
                    "en": f"The category “{category}” does not exist.",
                }
            ],
        )
    return content


_INSERT_VERSION = insert(db.item_versions)
#: The item's row written over its ``before`` version (the values as parameters: a statement
#: built per call cost more than its run, issue 21).
_UPDATE_ITEM = update(db.items).where(
    db.items.c.id == bindparam("where_id"), db.items.c.version == bindparam("where_version")
)


class _LastJson(threading.local):
    item: Item | None = None
    text: str = ""


_last_json = _LastJson()


def item_json(item: Item) -> str:
    """``item``'s JSON form; the last one made on this thread is kept: a write serialises the
    item it wrote three times (its row, its version, the answer), issue 21."""
    memo = _last_json
    if memo.item is not item:
        memo.text = orjson.dumps(item.to_dict()).decode()
        memo.item = item
    return memo.text


def _store_version(
    conn: Connection,
    item: Item,
    action: str,
    actor: str,
    at: datetime,
    comment: str = "",
    on_behalf_of: str | None = None,
) -> None:
    conn.execute(
        _INSERT_VERSION,
        {
            "item_id": item.id,
            "version": item.version,
            "action": action,
            "actor": actor,
            "on_behalf_of": on_behalf_of,
            "at": at,
            "comment": comment,
            "data": item_json(item),
        },
    )


def _row(item: Item) -> dict[str, Any]:
    return {
        "site": item.site,
        "category": item.category,
        "state": item.state.value,
        "version": item.version,
        "created_by": item.created_by,
        "slug": item.slug or None,
        "data": item_json(item),
        "publish_at": as_utc(item.publish_at),
        "expire_at": as_utc(item.expire_at),
        "ever_submitted": "submit" in item.steps,  # issue 21: /changes' visibility in SQL
        **public_columns(item),  # issue 21: the public pages' copies
    }


def as_utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


@numbered_last
def create_item(
    conn: Connection, user: User, item_id: str, site: str, fields: dict[str, Any], at: datetime
) -> Item:
    """A new draft at version 1; 412 ``already_exists`` (with the item, if visible) when taken."""
    if not valid_item_id(item_id):
        raise invalid("id", "must be a UUID, or letters, digits, - and _ (at most 64)")
    existing = load_item(conn, item_id)
    if existing is not None:
        current = existing.to_dict() if can_see(existing, user) else None
        raise ProblemError(412, "already_exists", "An item with this id exists.", current=current)
    if get_site(conn, site) is None or not can_create(user, site):
        raise ProblemError(
            403,
            "forbidden",
            f"You may not write items on {site!r}.",
            errors=[
                {
                    "code": "not_on_board",
                    "field": "site",
                    "vi": "Bạn không phải thành viên Ban Biên tập của trang này.",
                    "en": "You are not on this site's editorial board.",
                }
            ],
        )
    content = _content(conn, site, fields)
    item = Item(id=item_id, site=site, **content)
    item = replace(
        item,
        state=State.DRAFT,
        version=1,
        created_by=user.username,
        created_at=at,
        updated_at=at,
        state_since=at,
    )
    conn.execute(insert(db.items).values(id=item.id, change_seq=0, **_row(item)))
    _number_later(conn, db.items, item.id)
    _store_version(conn, item, "create", user.username, at)
    return item


@numbered_last
def update_item(
    conn: Connection,
    user: User,
    item_id: str,
    base_version: int,
    fields: dict[str, Any],
    at: datetime,
    current: Item | None = None,
) -> Item:
    """New content on top of ``base_version``; 412 ``stale_version`` with the current item.

    ``current``: the item as the caller already loaded it (checked visible) in this transaction.
    """
    item = current or visible_item(conn, item_id, user)
    if item.version != base_version:
        raise ProblemError(
            412,
            "stale_version",
            f"The item is at version {item.version}, not {base_version}.",
            current=item.to_dict(),
        )
    if not can_edit(item, user, _Grants(conn, item.site), at):
        raise ProblemError(
            403,
            "forbidden",
            "You may not change this item in its present state.",
            errors=[
                {
                    "code": "no_right",
                    "field": "item",
                    "vi": "Bạn không được sửa tin ở trạng thái này.",
                    "en": "You may not change the item in this state.",
                }
            ],
        )
    content = _content(conn, item.site, fields)
    try:  # a rule between fields (expire_at after publish_at) may fail only with the rest
        changed = replace(item.with_content(**content), version=item.version + 1, updated_at=at)
    except ModelError as error:
        raise invalid(error.field, error.message, error.code, top="invalid") from None
    _save(conn, item, changed)
    _store_version(conn, changed, "update", user.username, at)
    return changed


class _Grants:
    """The site's grants, read when first looked at: a draft's author needs none (issue 21)."""

    def __init__(self, conn: Connection, site: str) -> None:
        self.conn, self.site = conn, site
        self.read: list[Grant] | None = None

    def __iter__(self) -> Iterator[Grant]:
        if self.read is None:
            self.read = list_grants(self.conn, site=self.site)
        return iter(self.read)


def _save(conn: Connection, before: Item, after: Item) -> None:
    result = conn.execute(
        _UPDATE_ITEM, {"where_id": after.id, "where_version": before.version, **_row(after)}
    )
    if result.rowcount != 1:  # another writer got there first (PostgreSQL, read committed)
        current = load_item(conn, after.id)
        raise ProblemError(
            412,
            "stale_version",
            "The item changed meanwhile.",
            current=current.to_dict() if current else None,
        )
    _number_later(conn, db.items, after.id)
    if State.PUBLISHED in (before.state, after.state):  # issue 21: the public search's index
        search_index.index_item(conn, after)


def record_change(
    conn: Connection, before: Item, after: Item, action: str, actor: str, at: datetime, comment: str
) -> None:
    """Save ``after`` over ``before`` (only if nobody changed it meanwhile: 412 otherwise) and
    keep it as a version: for changes the portal makes itself (the scheduler's take-down)."""
    with feed_last(conn):
        _save(conn, before, after)
        _store_version(conn, after, action, actor, at, comment)


@numbered_last
def do_action(
    conn: Connection,
    user: User,
    item_id: str,
    action_name: str,
    at: datetime,
    *,
    comment: str = "",
    comment_id: str | None = None,
    expected_version: int | None = None,
) -> Item:
    """One workflow step, decided by ``check_action``; the reason becomes a comment too
    (under ``comment_id`` when the client gave one)."""
    item = visible_item(conn, item_id, user)
    try:
        action = Action(action_name)
    except ValueError:
        raise invalid("action", "must be one of: " + ", ".join(a.value for a in Action)) from None
    if expected_version is not None and expected_version != item.version:
        raise ProblemError(
            409,
            "moved_on",
            f"The item is at version {item.version}, not {expected_version}.",
            current=item.to_dict(),
        )
    comment = nfc(comment or "").strip()
    verdict = precheck(
        item,
        action,
        user,
        list_grants(conn, site=item.site),
        at,
        site_settings(conn, item.site),
        {c.id: c for c in list_categories(conn, item.site)},
        comment,
    )
    if not verdict:
        if is_rights_refusal(verdict):
            raise ProblemError(
                403, "forbidden", "The workflow does not allow this.", errors=verdict.problems
            )
        if any(p.code == "comment_required" for p in verdict.problems):
            raise ProblemError(
                422,
                "comment_required",
                f"“{action.value}” needs a comment giving the reason.",
                errors=verdict.problems,
            )
        raise ProblemError(
            422, "incomplete", "The item is not ready for this step.", errors=verdict.problems
        )
    after = apply_action(item, action, user, at, verdict.on_behalf_of)
    if after.state is State.PUBLISHED and not after.slug:
        after = replace(after, slug=item_slug(after.title, after.id))
    _save(conn, item, after)
    _store_version(conn, after, action.value, user.username, at, comment, verdict.on_behalf_of)
    from portal.board.mail import notify_action  # e-mail notices, queued with the step

    notify_action(conn, item, after, user.username, comment, at)
    if comment:
        add_comment(conn, user, after.id, comment, at, comment_id)
    return after


@numbered_last
def add_comment(
    conn: Connection,
    user: User,
    item_id: str,
    body: str,
    at: datetime,
    comment_id: str | None = None,
    current: Item | None = None,
) -> dict[str, Any]:
    """A comment on the item; ``current``: the item as the caller already loaded it (checked
    visible) in this transaction."""
    item = current or visible_item(conn, item_id, user)
    if not user.on_board(item.site):
        raise ProblemError(403, "forbidden", "Only the editorial board comments on items.")
    body = nfc(body).strip()
    if not body:
        raise invalid("body", "must not be empty")
    comment_id = comment_id or str(uuid.uuid4())
    existing = conn.execute(select(db.comments).where(db.comments.c.id == comment_id)).first()
    if existing is not None:
        # The comment as it is, when the caller may see its item: a client whose first post
        # went through (its idempotency record long gone) recognises its own and moves on.
        seen = existing.item_id == item.id or _item_visible(conn, existing.item_id, user)
        raise ProblemError(
            409,
            "already_exists",
            "A comment with this id exists.",
            current=comment_dict(existing) if seen else None,
        )
    values = {
        "id": comment_id,
        "item_id": item.id,
        "author": user.username,
        "body": body,
        "created_at": at,
        "item_version": item.version,
    }
    conn.execute(insert(db.comments).values(change_seq=0, **values))
    _number_later(conn, db.comments, comment_id)
    return comment_dict(values)


def _item_visible(conn: Connection, item_id: str, user: User) -> bool:
    item = load_item(conn, item_id)
    return item is not None and can_see(item, user)


def comment_dict(row: Any) -> dict[str, Any]:
    get = row.get if isinstance(row, dict) else row._mapping.get
    created = utc(get("created_at"))
    return {
        "id": get("id"),
        "item_id": get("item_id"),
        "author": get("author"),
        "body": get("body"),
        "created_at": created.isoformat() if created else None,
        "item_version": get("item_version"),
    }


def list_comments(conn: Connection, user: User, item_id: str) -> list[dict[str, Any]]:
    visible_item(conn, item_id, user)
    rows = conn.execute(
        select(db.comments)
        .where(db.comments.c.item_id == item_id)
        .order_by(db.comments.c.change_seq)
    )
    return [comment_dict(row) for row in rows]


def _version_dict(row: Any) -> dict[str, Any]:
    at = utc(row.at)
    return {
        "version": row.version,
        "action": row.action,
        "actor": row.actor,
        "on_behalf_of": row.on_behalf_of,
        "at": at.isoformat() if at else None,
        "comment": row.comment,
    }


def list_versions(conn: Connection, user: User, item_id: str) -> list[dict[str, Any]]:
    visible_item(conn, item_id, user)
    rows = conn.execute(
        select(db.item_versions)
        .where(db.item_versions.c.item_id == item_id)
        .order_by(db.item_versions.c.version)
    )
    return [_version_dict(row) for row in rows]


def get_version(conn: Connection, user: User, item_id: str, version: int) -> dict[str, Any]:
    visible_item(conn, item_id, user)
    row = conn.execute(
        select(db.item_versions).where(
            db.item_versions.c.item_id == item_id, db.item_versions.c.version == version
        )
    ).first()
    if row is None:
        raise not_found("version")
    return {**_version_dict(row), "item": orjson.loads(row.data)}
