"""Publishing targets and publications (issue 11, see docs/wordpress.md).

``GET /api/v1/sites/{site}/targets`` lists a site's targets for its board; ``GET`` and ``PUT
/api/v1/items/{id}/publications/{target}`` read and write the item → remote post mapping with
``If-None-Match: *`` (claim before creating the post) and ``If-Match: "VERSION"`` (record the
post id and URL), so two approvers' clients never create two posts.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Body, Header, Path, Response

from portal.api.deps import CallerDep, EngineDep, NowDep
from portal.api.items import ItemId
from portal.board import service, targets
from portal.board.problems import ProblemError, not_found
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1", tags=["targets"])

#: A target's name: never only dots ("." and ".." are path segments, not names).
Name = Annotated[
    str,
    Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._~-]*[A-Za-z0-9_~-][A-Za-z0-9._~-]*$"),
]
_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,9})"?\s*$')


def _json(data: Any, status: int = 200, etag: int | None = None) -> Response:
    headers = {"ETag": f'"{etag}"'} if etag is not None else None
    return Response(
        orjson.dumps(data), status_code=status, media_type="application/json", headers=headers
    )


@router.get("/sites/{site}/targets", response_model=None)
def site_targets(site: Name, caller: CallerDep, engine: EngineDep) -> Response:
    if not caller.user.roles_on(site):
        raise not_found("site")
    with reading(engine) as conn:
        return _json({"targets": targets.list_targets(conn, site)})


@router.get("/items/{item_id}/publications", response_model=None)
def item_publications(item_id: ItemId, caller: CallerDep, engine: EngineDep) -> Response:
    with reading(engine) as conn:
        service.visible_item(conn, item_id, caller.user)
        return _json({"publications": targets.list_publications(conn, item_id)})


@router.get("/items/{item_id}/publications/{target}", response_model=None)
def get_publication(
    item_id: ItemId, target: Name, caller: CallerDep, engine: EngineDep
) -> Response:
    with reading(engine) as conn:
        service.visible_item(conn, item_id, caller.user)
        found = targets.get_publication(conn, item_id, target)
    if found is None:
        raise not_found("publication")
    return _json(found, etag=found["version"])


@router.put("/items/{item_id}/publications/{target}", response_model=None)
def put_publication(
    item_id: ItemId,
    target: Name,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    body: Annotated[dict[str, Any], Body()],
    if_match: Annotated[str | None, Header()] = None,
    if_none_match: Annotated[str | None, Header()] = None,
) -> Response:
    create = if_none_match is not None and if_none_match.strip() == "*"
    version: int | None = None
    if not create:
        match = _ETAG.match(if_match or "")
        if match is None:
            raise ProblemError(
                428,
                "precondition_required",
                'Send If-None-Match: * to claim, or If-Match: "<version>" to update.',
            )
        version = int(match.group(1))
    with writing(engine) as conn:
        item = service.visible_item(conn, item_id, caller.user)
        found, created = targets.put_publication(
            conn, caller.user, item, target, body, now, create=create, if_match=version
        )
    return _json(found, 201 if created else 200, etag=found["version"])
