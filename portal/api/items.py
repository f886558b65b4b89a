"""Items: read, create (``If-None-Match: *``), update (``If-Match``), act, versions, comments.

Every write is audited with the caller's address, in the write's one transaction
(``portal.api.writes``): with the step's "on whose behalf" when it succeeds; when the workflow
refuses it (403), after the work's savepoint is rolled back, so the refusal alone is kept.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Depends, Header, Path, Request, Response
from sqlalchemy.engine import Connection

from desktop.models import ITEM_ID_PATTERN, Action, Item
from desktop.models.workflow import STEP_KEYS
from portal.api import writes
from portal.api.deps import Caller, CallerDep, EngineDep
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
from portal.db import reading

router = APIRouter(prefix="/api/v1/items", tags=["items"])

#: A UUID, or letters, digits, ``-`` and ``_`` (``desktop.models.ITEM_ID_PATTERN``): never ``.``.
ItemId = Annotated[str, Path(min_length=1, max_length=64, pattern=ITEM_ID_PATTERN)]
_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')
TokenDep = Annotated[str, Depends(writes.token_needed)]


class ItemPutBody(ContentBody):
    """Content fields; ``site`` is needed on create and may only repeat the site on update."""

    site: str | None = None


def item_response(item: Item, status: int = 200) -> Response:
    return Response(
        service.item_json(item).encode(),
        status_code=status,
        media_type="application/json",
        headers={"ETag": f'"{item.version}"'},
    )


def _json(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def _audit_success(
    conn: Connection,
    caller: Caller,
    call: writes.Incoming,
    item: Item,
    action: str,
    on_behalf_of: str | None = None,
) -> None:
    audit.record(
        conn,
        "item",
        actor=caller.username,
        at=call.now,
        address=call.address,
        site=item.site,
        item_id=item.id,
        action=action,
        on_behalf_of=on_behalf_of,
        detail={"version": item.version, "state": item.state.value},
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
async def put_item(
    request: Request,
    item_id: ItemId,
    body: ItemPutBody,
    token: TokenDep,
    if_match: Annotated[str | None, Header()] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    fields = body.fields()
    site = fields.pop("site", None)
    call = writes.incoming(request, token)
    creating = if_none_match is not None and if_none_match.strip() == "*"
    match = _ETAG.match(if_match or "")
    base = int(match.group(1)) if match else -1

    def write(conn: Connection, caller: Caller) -> Response:
        # Checked here, after the caller and the key: a refusal is the key's answer too.
        if creating:
            if not site:
                raise invalid("site", "is needed to create an item")
            item = service.create_item(conn, caller.user, item_id, site, fields, call.now)
            _audit_success(conn, caller, call, item, "create")
            return item_response(item, 201)
        if if_match is None:
            raise ProblemError(
                428,
                "precondition_required",
                'Send If-Match: "<version>" to update, or If-None-Match: * to create.',
            )
        current = service.visible_item(conn, item_id, caller.user)
        if site is not None and site != current.site:
            raise invalid("site", "an item cannot move to another site")
        item = service.update_item(conn, caller.user, item_id, base, fields, call.now, current)
        _audit_success(conn, caller, call, item, "update")
        return item_response(item)

    action = "create" if creating else "update"
    refusal = (item_id, action, site if creating else None)
    return await writes.run(request, call, write, refusal, checks_first=True)


@router.post("/{item_id}/actions", response_model=None, responses={200: answer(ItemOut)})
async def act(request: Request, item_id: ItemId, body: ActionBody, token: TokenDep) -> Response:
    call = writes.incoming(request, token)
    action = body.action[:32]

    def step(conn: Connection, caller: Caller) -> Response:
        item = service.do_action(
            conn,
            caller.user,
            item_id,
            body.action,
            call.now,
            comment=body.comment,
            comment_id=body.comment_id,
            expected_version=body.expected_version,
        )
        done = item.steps.get(STEP_KEYS[Action(body.action)])
        _audit_success(conn, caller, call, item, action, done.on_behalf_of if done else None)
        return item_response(item)

    return await writes.run(request, call, step, (item_id, action, None))


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
async def add_comment(
    request: Request, item_id: ItemId, body: CommentBody, token: TokenDep
) -> Response:
    call = writes.incoming(request, token)

    def post(conn: Connection, caller: Caller) -> Response:
        item = service.visible_item(conn, item_id, caller.user)
        comment = service.add_comment(
            conn, caller.user, item_id, body.body, call.now, body.id, current=item
        )
        audit.record(
            conn,
            "item",
            actor=caller.username,
            at=call.now,
            address=call.address,
            site=item.site,
            item_id=item_id,
            action="comment",
            detail={"comment": comment["id"]},
        )
        return _json(comment, 201)

    return await writes.run(request, call, post, (item_id, "comment", None), checks_first=True)
