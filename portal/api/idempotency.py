"""``Idempotency-Key`` replay for every PUT and POST, scoped per caller, kept in the database.

A retry after a lost answer gets the stored answer (``Idempotent-Replayed: true``) instead of a
second effect. The same key with another method, path, body or precondition (``If-Match``,
``If-None-Match``) is refused (422). While the first
request with a key is still running, a duplicate gets 409 ``in_progress``.

Logins and refreshes are not replayed: their answers hold fresh tokens, which are never stored
in clear. Answers that a retry could rightly change are not kept either: 401, 409, 429, 5xx, and
403 ``password_change_required`` (the outbox's operations must go through once the password is
changed).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import anyio
import orjson
from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal import db
from portal.api.guard import BODY_KEY
from portal.board import accounts
from portal.board.directory import utc
from portal.board.problems import ProblemError

KEEP_FOR = timedelta(hours=24)
IN_PROGRESS_FOR = timedelta(seconds=60)
NOT_REPLAYED = frozenset({"/api/v1/auth/token", "/api/v1/auth/refresh"})
KEPT_HEADERS = frozenset({"content-type", "etag", "location", "retry-after", "www-authenticate"})


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("PUT", "POST")
            or not scope["path"].startswith("/api/v1/")
            or scope["path"] in NOT_REPLAYED
        ):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        key = headers.get("idempotency-key")
        if key is None:
            await self.app(scope, receive, send)
            return
        if not key or len(key) > 200:
            problem = ProblemError(
                400, "invalid_header", "Idempotency-Key must be 1–200 characters."
            )
            await problem.response()(scope, receive, send)
            return
        state = scope["app"].state
        engine, now = state.engine, state.clock()
        scheme, _, token = headers.get("authorization", "").partition(" ")
        caller = None
        if scheme.lower() == "bearer" and token.strip():

            def who() -> str | None:
                with db.reading(engine) as conn:
                    bearer = accounts.authenticate(conn, token.strip(), now)
                    return bearer.username if bearer else None

            caller = await anyio.to_thread.run_sync(who)
        if caller is None:  # the route answers 401 itself; nothing to remember
            await self.app(scope, receive, send)
            return
        body = scope.get(BODY_KEY, b"")
        fingerprint = _fingerprint(scope, body, headers)
        legacy = _fingerprint(scope, body)
        stored = await anyio.to_thread.run_sync(
            _claim, engine, caller, key, (fingerprint, legacy), now
        )
        if stored is not None:
            await stored(scope, receive, send)
            return
        captured: dict[str, Any] = {"status": 500, "headers": [], "body": []}
        held: list[Message] = []

        async def capture(message: Message) -> None:
            # Held back until the answer is stored: a retry that arrives the moment the client
            # has the first answer must find it stored, not "in progress".
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = [
                    (k.decode("latin-1"), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                    if k.decode("latin-1").lower() in KEPT_HEADERS
                ]
            elif message["type"] == "http.response.body":
                captured["body"].append(message.get("body", b""))
            held.append(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            await anyio.to_thread.run_sync(_settle, engine, caller, key, captured)
        for message in held:
            await send(message)


#: Headers that change what a request means, so a repeated key must repeat them too.
PRECONDITIONS = ("if-match", "if-none-match")


def _fingerprint(scope: Scope, body: bytes, headers: dict[str, str] | None = None) -> str:
    """What makes two requests "the same": method, path, query, body and preconditions.

    ``If-Match: "3"`` and ``If-Match: "4"`` with one key and one body are different requests: the
    second must not be answered with the first one's stored answer. Without ``headers`` this is
    the first version's fingerprint (no preconditions), which claims stored before the change
    still carry: they are accepted for 24 hours, see :func:`_claim`.
    """
    digest = hashlib.sha256()
    for part in (scope["method"], scope["path"], scope.get("query_string", b"").decode("latin-1")):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(body)
    if headers is not None:
        for name in PRECONDITIONS:
            value = headers.get(name)
            digest.update(b"\0" + name.encode() + b"\0" + (value or "").strip().encode("latin-1"))
            digest.update(b"\1" if value is not None else b"\2")
    return digest.hexdigest()


def _claim(
    engine: Any, caller: str, key: str, fingerprints: tuple[str, str], now: datetime
) -> Response | None:
    """Reserve (caller, key), or return the answer to send instead of running the request.

    ``fingerprints`` is (this version's, the first version's): a claim stored by the first
    version (before preconditions counted) still matches its retry.
    """
    fingerprint = fingerprints[0]
    table = db.idempotency
    where = and_(table.c.caller == caller, table.c.key == key)
    with db.writing(engine) as conn:
        conn.execute(delete(table).where(table.c.created_at < now - KEEP_FOR))
        row = conn.execute(select(table).where(where)).first()
        if row is None:
            try:
                with conn.begin_nested():
                    conn.execute(
                        insert(table).values(
                            caller=caller,
                            key=key,
                            fingerprint=fingerprint,
                            status=0,
                            headers="[]",
                            body=b"",
                            created_at=now,
                        )
                    )
                return None
            except IntegrityError:
                row = conn.execute(select(table).where(where)).first()
        assert row is not None
        if row.fingerprint not in fingerprints:
            return ProblemError(
                422,
                "idempotency_key_reused",
                "This Idempotency-Key was used for another request.",
            ).response()
        if row.status == 0:
            started = utc(row.created_at)
            if started is not None and now - started < IN_PROGRESS_FOR:
                return ProblemError(
                    409,
                    "in_progress",
                    "The first request with this key is still running.",
                    headers={"Retry-After": "1"},
                ).response()
            conn.execute(update(table).where(where).values(created_at=now))
            return None
        headers = dict(orjson.loads(row.headers))
        headers["Idempotent-Replayed"] = "true"
        media = headers.pop("content-type", None)
        return Response(row.body, status_code=row.status, headers=headers, media_type=media)


def _passing(status: int, body: list[bytes]) -> bool:
    """A refusal that ends once the caller does something else (changes an expired password):
    the retry after it must run again, not be answered from the store."""
    return status == 403 and b'"code":"password_change_required"' in b"".join(body)


def _settle(engine: Any, caller: str, key: str, captured: dict[str, Any]) -> None:
    """Keep a definite answer; forget the key when a retry could rightly succeed."""
    table = db.idempotency
    where = and_(table.c.caller == caller, table.c.key == key)
    status = int(captured["status"])
    with db.writing(engine) as conn:
        if status >= 500 or status in (401, 409, 429) or _passing(status, captured["body"]):
            conn.execute(delete(table).where(where))
        else:
            conn.execute(
                update(table)
                .where(where)
                .values(
                    status=status,
                    headers=orjson.dumps(captured["headers"]).decode(),
                    body=b"".join(captured["body"]),
                )
            )
