"""Comments on a published draft document out for consultation (issue 18).

- ``POST /api/v1/items/{id}/public-comments`` (anonymous) ``{"name", "email", "body"}`` → 201
  ``{"id", "created_at"}`` until the comment deadline, then 409 ``consultation_closed``;
- ``GET /api/v1/items/{id}/public-comments`` (the board) → ``{"item_id", "comment_deadline",
  "comments": [{"id", "name", "email", "body", "created_at"}]}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response
from pydantic import Field, StrictStr

from desktop.models import ITEM_ID_PATTERN
from desktop.models.citizens import clean_submission, fingerprint_text
from portal.api.deps import AddressDep, CallerDep, EngineDep, NowDep
from portal.api.models import Body
from portal.api.questions import invalid_fields, json_answer
from portal.board import audit, consultation, defences
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1/items", tags=["consultation"])

ItemId = Annotated[str, Path(min_length=1, max_length=64, pattern=ITEM_ID_PATTERN)]
_TEXT = 20_000


class PublicCommentBody(Body):
    name: StrictStr = Field(max_length=_TEXT)
    email: StrictStr = Field(max_length=_TEXT)
    body: StrictStr = Field(max_length=_TEXT)
    website: StrictStr | None = Field(default=None, max_length=_TEXT)  # the honeypot
    form_token: StrictStr | None = Field(default=None, max_length=200)


def comment(engine: Any, item_id: str, values: dict[str, Any], address: str, now: Any) -> Any:
    """Check and store a comment (the API's and the public form's one path)."""
    defences.check_honeypot(values.get(defences.HONEYPOT))
    fields, problems = clean_submission(values, ("name", "email", "body"))
    if problems:
        raise invalid_fields(problems)
    with writing(engine) as conn:
        consultation.consultation_item(conn, item_id)  # 404 first: no counting of strays
        digest = defences.fingerprint("comment", item_id, fingerprint_text(fields["body"]))
        consultation.admit_anonymous(
            conn, "comment", address, digest, values.get("form_token"), now
        )
        created = consultation.add_comment(conn, item_id, fields, now)
        audit.record(
            conn,
            "public_comment",
            actor=consultation.PUBLIC_ACTOR,
            at=now,
            address=address,
            item_id=item_id,
            action="comment",
            detail={"comment": created["id"]},
        )
    return created


@router.post("/{item_id}/public-comments", response_model=None, status_code=201)
def post_comment(
    item_id: ItemId, body: PublicCommentBody, engine: EngineDep, now: NowDep, address: AddressDep
) -> Response:
    return json_answer(comment(engine, item_id, body.model_dump(), address, now), 201)


@router.get("/{item_id}/public-comments", response_model=None)
def list_comments(item_id: ItemId, caller: CallerDep, engine: EngineDep) -> Response:
    with reading(engine) as conn:
        return json_answer(consultation.list_comments(conn, caller.user, item_id))
