"""Citizens' questions (issue 18): asked by anyone, followed by tracking code, dealt with by the
board.

- ``POST /api/v1/sites/{site}/questions`` (anonymous) → 201 ``{"id", "tracking_code",
  "due_date"}``;
- ``GET /api/v1/public/questions/{tracking_code}`` (anonymous) → ``{"state", "due_date",
  "url"?, "redirected_to"?, "comment"?}``;
- ``GET /api/v1/sites/{site}/questions`` and ``…/questions/{id}`` (the board): with contact
  details; ``POST …/questions/{id}/actions`` ``{"action": assign|redirect|decline|answer, …}``.
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Path, Response
from pydantic import Field, StrictStr

from desktop.models.citizens import clean_submission, fingerprint_text
from portal.api.deps import AddressDep, CallerDep, EngineDep, NowDep
from portal.api.models import Body
from portal.board import audit, consultation, defences
from portal.board import questions as board_questions
from portal.board.problems import ProblemError
from portal.db import reading, writing

router = APIRouter(prefix="/api/v1", tags=["questions"])

SiteId = Annotated[str, Path(min_length=1, max_length=64)]
QuestionId = Annotated[str, Path(min_length=1, max_length=64)]
#: Generous bounds for the shape; the real limits (desktop.models.citizens.LIMITS) answer with
#: the field's own sentence.
_TEXT = 20_000


class QuestionBody(Body):
    name: StrictStr = Field(max_length=_TEXT)
    email: StrictStr = Field(max_length=_TEXT)
    phone: StrictStr | None = Field(default=None, max_length=_TEXT)
    title: StrictStr = Field(max_length=_TEXT)
    body: StrictStr = Field(max_length=_TEXT)
    #: The honeypot: a field people never see on the form; anything in it is a robot's.
    website: StrictStr | None = Field(default=None, max_length=_TEXT)
    #: The form's token (when the question comes from the public form): its fill time.
    form_token: StrictStr | None = Field(default=None, max_length=200)


class QuestionAction(Body):
    action: StrictStr = Field(max_length=32)
    assignee: StrictStr | None = Field(default=None, max_length=64)
    agency: StrictStr | None = Field(default=None, max_length=_TEXT)
    comment: StrictStr | None = Field(default=None, max_length=_TEXT)
    item_id: StrictStr | None = Field(default=None, max_length=64)


def json_answer(data: Any, status: int = 200) -> Response:
    return Response(orjson.dumps(data), status_code=status, media_type="application/json")


def invalid_fields(problems: list[Any]) -> ProblemError:
    return ProblemError(
        422,
        "invalid",
        "; ".join(p.en for p in problems),
        errors=[p.to_dict() for p in problems],
    )


def ask(engine: Any, site: str, values: dict[str, Any], address: str, now: Any) -> dict[str, Any]:
    """Check and store a question (the API's and the public form's one path)."""
    defences.check_honeypot(values.get(defences.HONEYPOT))
    fields, problems = clean_submission(values, ("name", "email", "title", "body"), ("phone",))
    if problems:
        raise invalid_fields(problems)
    with writing(engine) as conn:
        digest = defences.fingerprint(
            "question", site, fingerprint_text(fields["title"], fields["body"])
        )
        consultation.admit_anonymous(
            conn, "question", address, digest, values.get("form_token"), now
        )
        created = board_questions.receive(conn, site, fields, now)
        audit.record(
            conn,
            "question",
            actor=consultation.PUBLIC_ACTOR,
            at=now,
            address=address,
            site=site,
            action="ask",
            detail={"question": created["id"]},
        )
    return created


@router.post("/sites/{site}/questions", response_model=None, status_code=201)
def post_question(
    site: SiteId, body: QuestionBody, engine: EngineDep, now: NowDep, address: AddressDep
) -> Response:
    return json_answer(ask(engine, site, body.model_dump(), address, now), 201)


@router.get("/public/questions/{tracking_code}", response_model=None)
def track(tracking_code: Annotated[str, Path(max_length=32)], engine: EngineDep) -> Response:
    with reading(engine) as conn:
        return json_answer(board_questions.tracking(conn, tracking_code))


@router.get("/sites/{site}/questions", response_model=None)
def list_questions(site: SiteId, caller: CallerDep, engine: EngineDep, now: NowDep) -> Response:
    with reading(engine) as conn:
        found = board_questions.list_questions(conn, caller.user, site, now)
    return json_answer({"questions": found})


@router.get("/sites/{site}/questions/{question_id}", response_model=None)
def get_question(
    site: SiteId, question_id: QuestionId, caller: CallerDep, engine: EngineDep, now: NowDep
) -> Response:
    with reading(engine) as conn:
        return json_answer(board_questions.get_question(conn, caller.user, site, question_id, now))


@router.post("/sites/{site}/questions/{question_id}/actions", response_model=None)
def act(
    site: SiteId,
    question_id: QuestionId,
    body: QuestionAction,
    caller: CallerDep,
    engine: EngineDep,
    now: NowDep,
    address: AddressDep,
) -> Response:
    with writing(engine) as conn:
        done = board_questions.act(
            conn, caller.user, site, question_id, body.model_dump(exclude_none=True), now
        )
        audit.record(
            conn,
            "question",
            actor=caller.username,
            at=now,
            address=address,
            site=site,
            action=body.action[:32],
            detail={"question": question_id, "state": done["state"]},
        )
    return json_answer(done)
