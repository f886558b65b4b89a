"""Errors as ``application/problem+json`` (RFC 9457), with a stable ``code`` for machines.

Every refusal in the portal is a :class:`ProblemError`; FastAPI's own errors (validation, 404,
405) are turned into the same shape so that a client only ever parses one kind of error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from desktop.models import Problem

PROBLEM_JSON = "application/problem+json"


class ProblemError(Exception):
    """A refusal that becomes a problem document."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        errors: Iterable[Problem | Mapping[str, Any]] = (),
        current: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.errors = [e.to_dict() if isinstance(e, Problem) else dict(e) for e in errors]
        self.current = current
        self.headers = dict(headers or {})

    def document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "type": "about:blank",
            "title": _title(self.status),
            "status": self.status,
            "code": self.code,
            "detail": self.detail,
        }
        if self.errors:
            doc["errors"] = self.errors
        if self.current is not None:
            doc["current"] = self.current
        return doc

    def response(self) -> Response:
        return problem_response(self.status, self.document(), self.headers)


def problem_response(
    status: int, document: Mapping[str, Any], headers: Mapping[str, str] | None = None
) -> Response:
    return Response(
        orjson.dumps(document), status_code=status, media_type=PROBLEM_JSON, headers=headers
    )


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def not_found(what: str = "item") -> ProblemError:
    return ProblemError(404, "not_found", f"No such {what}, or you may not see it.")


def invalid(
    field: str, message: str, code: str = "invalid", top: str | None = None
) -> ProblemError:
    """422 for one field; ``code`` names the problem in ``errors`` (and at the top, unless
    ``top`` is given)."""
    return ProblemError(
        422,
        top or code,
        f"{field}: {message}",
        errors=[
            {"code": code, "field": field, "vi": f"Giá trị không hợp lệ: {field}.", "en": message}
        ],
    )


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "too_large",
    415: "unsupported_media_type",
}


def _validation_problem(exc: RequestValidationError) -> ProblemError:
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return ProblemError(400, "malformed_json", "The body is not valid JSON.")
    found = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ()) if part != "body"]
        field = ".".join(location) or "body"
        message = str(error.get("msg", "invalid"))
        vi = (
            f"Trường “{field}” không được phép."
            if error.get("type") == "extra_forbidden"
            else f"Giá trị của “{field}” không hợp lệ."
        )
        found.append(
            {"code": str(error.get("type", "invalid")), "field": field, "vi": vi, "en": message}
        )
    return ProblemError(
        422, "invalid", "The request does not have the expected shape.", errors=found
    )


def install(app: FastAPI) -> None:
    """Route every error the app can raise to a problem document."""

    async def on_problem(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return exc.response()

    async def on_validation(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return _validation_problem(exc).response()

    async def on_http(_request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _STATUS_CODES.get(exc.status_code, "error")
        detail = exc.detail if isinstance(exc.detail, str) else _title(exc.status_code)
        return ProblemError(exc.status_code, code, detail, headers=exc.headers).response()

    async def on_data(_request: Request, exc: Exception) -> Response:
        # A value the database refuses (PostgreSQL: too long, out of range): the caller's fault.
        return ProblemError(
            422, "invalid", "A value does not fit what the portal can store."
        ).response()

    app.add_exception_handler(DataError, on_data)
    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
