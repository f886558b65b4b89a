"""The OpenAPI document says what the portal really answers, so that a fuzzer can hold it to it.

- Every operation documents its errors as ``4XX``/``5XX`` ``application/problem+json`` with the
  :data:`PROBLEM` schema (FastAPI's own 422 ``HTTPValidationError`` is never sent: removed).
- The answers the desktop client lives on are documented by the models below (documentation
  only: the routes still write their JSON with orjson): an item, a comment, a page of
  ``/changes``, versions, the caller (``/me``) and a token answer.
- ``PUT`` and ``POST`` under ``/api/v1`` declare the optional ``Idempotency-Key`` header.

``tests/portal/test_fuzz.py`` fails on any 5xx and on any answer that does not match this.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, ConfigDict

PROBLEM: dict[str, Any] = {
    "title": "Problem",
    "description": "An error (RFC 9457); `code` is stable, `errors` say it in vi and en.",
    "type": "object",
    "required": ["type", "title", "status", "code", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "code": {"type": "string"},
        "detail": {"type": "string"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "field", "vi", "en"],
                "properties": {
                    "code": {"type": "string"},
                    "field": {"type": "string"},
                    "vi": {"type": "string"},
                    "en": {"type": "string"},
                },
            },
        },
        "current": {"type": "object", "description": "The item or comment as it is now."},
    },
}


class Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class StepOut(Out):
    by: str
    at: str
    version: int
    on_behalf_of: str | None


class SourceOut(Out):
    name: str
    url: str


class ItemOut(Out):
    id: str
    site: str
    category: str
    title: str
    summary: str
    body: str
    language: str
    translation_of: str | None
    origin: Literal["original", "repost"]
    source: SourceOut
    author: str
    unit: str
    attachments: list[str]
    metadata: dict[str, Any]
    trigger_date: str | None
    publish_at: str | None
    expire_at: str | None
    state: Literal["draft", "submitted", "edited", "published", "rejected", "taken_down"]
    version: int
    created_by: str
    steps: dict[str, StepOut]
    created_at: str | None
    updated_at: str | None
    state_since: str | None
    slug: str


class CommentOut(Out):
    id: str
    item_id: str
    author: str
    body: str
    created_at: str | None
    item_version: int


class CommentsOut(Out):
    comments: list[CommentOut]


class ItemChange(Out):
    kind: Literal["item"]
    item: ItemOut


class CommentChange(Out):
    kind: Literal["comment"]
    comment: CommentOut


class ChangesOut(Out):
    changes: list[ItemChange | CommentChange]
    cursor: str
    has_more: bool


class VersionEntry(Out):
    version: int
    action: str
    actor: str
    on_behalf_of: str | None
    at: str | None
    comment: str


class VersionsOut(Out):
    versions: list[VersionEntry]


class VersionOut(VersionEntry):
    item: ItemOut


class SiteRoles(Out):
    name: str
    roles: list[str]
    settings: dict[str, Any]


class MeOut(Out):
    username: str
    full_name: str
    sites: dict[str, SiteRoles]
    grants: list[dict[str, Any]]
    password_changed_at: str | None
    password_expires_at: str | None
    password_expired: bool
    must_change_password: bool
    password_max_age_days: int


class TokenOut(Out):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"]
    expires_in: int
    user: MeOut


def answer(model: type[BaseModel], description: str = "Successful Response") -> dict[str, Any]:
    """A ``responses=`` entry documenting ``model`` as the JSON answer."""
    return {"model": model, "description": description}


def _problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "Replays the stored answer for a repeated request (docs/api.md).",
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
}
NOT_REPLAYED = ("/api/v1/auth/token", "/api/v1/auth/refresh")


def document(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document of ``app``, with the corrections above."""
    schema = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    components["Problem"] = PROBLEM
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)  # FastAPI's validation error shape: never sent
            responses["4XX"] = _problem_response("Refused: a problem document.")
            responses["5XX"] = _problem_response("An unexpected error, logged: a problem document.")
            if method in ("put", "post") and path.startswith("/api/") and path not in NOT_REPLAYED:
                operation.setdefault("parameters", []).append(dict(IDEMPOTENCY_KEY))
    return schema


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
