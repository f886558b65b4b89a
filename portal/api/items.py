"""Items: read, create (``If-None-Match: *``), update (``If-Match``), act, versions, comments.

Every write is audited with the caller's address: in its own transaction when it succeeds (with
the step's "on whose behalf"), apart when the workflow refuses it (403), since its own
transaction then rolls back and changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Path, Response
from sqlalchemy import Engine, select
from sqlalchemy.engine import Connection

from desktop.models import ITEM_ID_PATTERN, Item
from portal import db
from portal.api.deps import AddressDep, Caller, CallerDep, EngineDep, NowDep
from portal.api.models import ActionBody, CommentBody, ContentBody
from portal.api.openapi import (
    CommentOut,
    CommentsOut,
    ItemOut,
    VersionOut,
    VersionsOut,
    answer,
)
from portal.board import audit, service
from portal.board.problems import ProblemError, invalid
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1/items", tags=["items"])

#: A UUID, or letters, digits, ``-`` and ``_`` (``desktop.models.ITEM_ID_PATTERN``): never ``.``.
ItemId = Annotated[str, Path(min_length=1, max_length=64, pattern=ITEM_ID_PATTERN)]
_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')


class ItemPutBody(ContentBody):
    """Content fields; ``site`` is needed on create and may only repeat the site on update."""

    site: str | None = None


def item_response(item: Item, status: int = 200) -> Response:
    return Response(
        orjson.dumps(item.to_dict()),
        status_code=status,
        media_type="application/json",
        headers={"ETag": f'"{item.version}"'},
    )


def _json(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def _audited(
    engine: Engine,
    caller: Caller,
    address: str,
    now: datetime,
    item_id: str,
    action: str,
    work: Callable[[Connection], Item],
    site: str | None = None,
) -> Item:
    """Run ``work`` in a write transaction and audit it; audit a refusal (403) apart."""
    try:
        with writing(engine) as conn:
            item = work(conn)
            versions = db.item_versions
            on_behalf_of = conn.execute(
                select(versions.c.on_behalf_of).where(
                    versions.c.item_id == item.id, versions.c.version == item.version
                )
            ).scalar()
            audit.record(
                conn,
                "item",
                actor=caller.username,
                at=now,
                address=address,
                site=item.site,
                item_id=item.id,
                action=action,
                on_behalf_of=on_behalf_of,
                detail={"version": item.version, "state": item.state.value},
            )
        return item
    except ProblemError as error:
        if error.status == 403:
            _audit_refusal(engine, caller, address, now, item_id, action, error, site)
        raise


def _audit_refusal(
    engine: Engine,
    caller: Caller,
    address: str,
    now: datetime,
    item_id: str,
    action: str,
    error: ProblemError,
    site: str | None,
) -> None:
    with writing(engine) as conn:
        known = conn.execute(select(db.items.c.site).where(db.items.c.id == item_id)).scalar()
        audit.record(
            conn,
            "item",
            actor=caller.username,
            at=now,
            address=address,
            outcome="refused",
            site=known or site,
            item_id=item_id,
            action=action,
            detail={"reasons": [e.get("code") for e in error.errors] or [error.code]},
        )


@router.get("/{item_id}", response_model=None, responses={200: answer(ItemOut)})
def get_item(item_id: ItemId, caller: CallerDep, engine: EngineDep) -> Response:
    with reading(engine) as conn:
        return item_response(service.visible_item(conn, item_id, caller.user))


@router.put(
    "/{item_id}",
    response_model=None,
    status_code=200,
    responses={200: answer(ItemOut), 201: answer(ItemOut, "Created")},
)
def put_item(
    item_id: ItemId,
    body: ItemPutBody,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
    if_match: Annotated[str | None, Header()] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    fields = body.fields()
    site = fields.pop("site", None)
    if if_none_match is not None and if_none_match.strip() == "*":
        if not site:
            raise invalid("site", "is needed to create an item")
        created = _audited(
            engine,
            caller,
            address,
            now,
            item_id,
            "create",
            lambda conn: service.create_item(conn, caller.user, item_id, site, fields, now),
            site,
        )
        return item_response(created, 201)
    if if_match is None:
        raise ProblemError(
            428,
            "precondition_required",
            'Send If-Match: "<version>" to update, or If-None-Match: * to create.',
        )
    match = _ETAG.match(if_match)
    base = int(match.group(1)) if match else -1

    def update(conn: Connection) -> Item:
        current = service.visible_item(conn, item_id, caller.user)
        if site is not None and site != current.site:
            raise invalid("site", "an item cannot move to another site")
        return service.update_item(conn, caller.user, item_id, base, fields, now)

    return item_response(_audited(engine, caller, address, now, item_id, "update", update))


@router.post("/{item_id}/actions", response_model=None, responses={200: answer(ItemOut)})
def act(
    item_id: ItemId,
    body: ActionBody,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> Response:
    item = _audited(
        engine,
        caller,
        address,
        now,
        item_id,
        body.action[:32],
        lambda conn: service.do_action(
            conn,
            caller.user,
            item_id,
            body.action,
            now,
            comment=body.comment,
            comment_id=body.comment_id,
            expected_version=body.expected_version,
        ),
    )
    return item_response(item)


@router.get("/{item_id}/versions", response_model=None, responses={200: answer(VersionsOut)})
def versions(item_id: ItemId, caller: CallerDep, engine: EngineDep) -> Response:
    with reading(engine) as conn:
        return _json({"versions": service.list_versions(conn, caller.user, item_id)})


@router.get(
    "/{item_id}/versions/{version}", response_model=None, responses={200: answer(VersionOut)}
)
def version(
    item_id: ItemId,
    version: Annotated[int, Path(ge=1, le=1_000_000_000)],
    caller: CallerDep,
    engine: EngineDep,
) -> Response:
    with reading(engine) as conn:
        return _json(service.get_version(conn, caller.user, item_id, version))


@router.get("/{item_id}/comments", response_model=None, responses={200: answer(CommentsOut)})
def comments(item_id: ItemId, caller: CallerDep, engine: EngineDep) -> Response:
    with reading(engine) as conn:
        return _json({"comments": service.list_comments(conn, caller.user, item_id)})


@router.post(
    "/{item_id}/comments",
    response_model=None,
    status_code=201,
    responses={201: answer(CommentOut, "Created")},
)
def add_comment(
    item_id: ItemId,
    body: CommentBody,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> Response:
    try:
        with writing(engine) as conn:
            comment = service.add_comment(conn, caller.user, item_id, body.body, now, body.id)
            site = conn.execute(select(db.items.c.site).where(db.items.c.id == item_id)).scalar()
            audit.record(
                conn,
                "item",
                actor=caller.username,
                at=now,
                address=address,
                site=site,
                item_id=item_id,
                action="comment",
                detail={"comment": comment["id"]},
            )
    except ProblemError as error:
        if error.status == 403:
            _audit_refusal(engine, caller, address, now, item_id, "comment", error, None)
        raise
    return _json(comment, 201)
