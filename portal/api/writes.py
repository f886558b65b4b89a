"""One write, one transaction, one thread hop (issue 21): the item writes' common frame.

A ``PUT /items/{id}``, ``POST /items/{id}/actions`` or ``POST /items/{id}/comments`` runs, in a
single write transaction started in a single worker thread:

1. the caller: token, account, password age and roles in one query (:func:`caller_in`);
2. its ``Idempotency-Key`` claimed, or the stored answer replayed
   (``portal.api.idempotency.claim_in``; this route's key is not handled by the middleware);
3. the work, in a SAVEPOINT: a refusal (412, 422, 403…) rolls back what the work wrote, and
   its answer is still stored under the key in this transaction; a 403 is audited. A work that
   refuses only before it writes (an item's PUT, a comment) runs without one (see :func:`run`);
4. the answer stored under the key, the token's first use noted;
5. last, the feed numbers of the rows written (``service.feed_last``), so that the feed
   counter's lock is held only for those few statements and the COMMIT.

A crash or a database error rolls everything back, the claim included: the retry runs afresh.
A duplicate sent while the first runs waits for the first's transaction (SQLite: the write lock;
PostgreSQL: the key's row) and gets its answer replayed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import anyio
from fastapi import Request
from sqlalchemy import select
from sqlalchemy.engine import Connection
from starlette.responses import Response

from portal import db
from portal.api import idempotency
from portal.api.deps import Caller, bearer_token, caller_in, unauthenticated
from portal.api.guard import BODY_KEY
from portal.board import accounts, audit, service
from portal.board.problems import ProblemError

#: The work: the answer, given the open transaction and the caller.
Work = Callable[[Connection, Caller], Response]


@dataclass(frozen=True, slots=True)
class Incoming:
    """What the worker thread needs of the request, read on the event loop."""

    token: str
    key: str | None
    path: str
    fingerprints: tuple[str, str]
    now: datetime
    address: str
    owner: str


async def token_needed(request: Request) -> str:
    """The bearer token (401 without one), checked before the body like ``current_caller``;
    a malformed ``Idempotency-Key`` is refused first, as the middleware does for other routes.
    """
    key = request.headers.get("idempotency-key")
    if key is not None and (not key or len(key) > 200):
        raise ProblemError(400, "invalid_header", "Idempotency-Key must be 1–200 characters.")
    token = bearer_token(request)
    if token is None:
        raise unauthenticated()
    return token


def incoming(request: Request, token: str) -> Incoming:
    scope = request.scope
    body = scope.get(BODY_KEY, b"")
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    state = request.app.state
    return Incoming(
        token=token,
        key=headers.get("idempotency-key"),
        path=scope["path"],
        fingerprints=(
            idempotency._fingerprint(scope, body, headers),
            idempotency._fingerprint(scope, body),
        ),
        now=state.clock(),
        address=request.client.host if request.client else "",
        owner=idempotency.claim_owner(state),
    )


async def run(
    request: Request,
    call: Incoming,
    work: Work,
    refusal: tuple[str, str, str | None],
    *,
    checks_first: bool = False,
) -> Response:
    """Run ``work`` in one transaction in one thread; ``refusal`` is (item id, action, site) for
    the audit of a 403.

    ``checks_first``: the work refuses (raises :class:`ProblemError`) only before it writes, so
    it runs without a SAVEPOINT (two statements fewer, issue 21). Should it ever refuse after
    writing an item or a comment (a feed number waits), the transaction is rolled back and the
    request runs again in a SAVEPOINT: the refusal's answer never keeps the work's writes.
    """
    engine = request.app.state.engine
    return await anyio.to_thread.run_sync(_run_once, engine, call, work, refusal, checks_first)


class _WroteThenRefused(Exception):
    """A ``checks_first`` work refused after it had written: run it again in a SAVEPOINT."""


def _run_once(
    engine: Any,
    call: Incoming,
    work: Work,
    refusal: tuple[str, str, str | None],
    checks_first: bool,
) -> Response:
    if checks_first:
        try:
            return _run(engine, call, work, refusal, savepoint=False)
        except _WroteThenRefused:
            pass  # rolled back: nothing of the first run stays
    return _run(engine, call, work, refusal, savepoint=True)


def _work(conn: Connection, caller: Caller, work: Work, savepoint: bool) -> Response:
    if savepoint:
        with conn.begin_nested():
            return work(conn, caller)
    try:
        return work(conn, caller)
    except ProblemError:
        if service.pending(conn):
            raise _WroteThenRefused() from None
        raise


def _run(
    engine: Any,
    call: Incoming,
    work: Work,
    refusal: tuple[str, str, str | None],
    savepoint: bool = True,
) -> Response:
    with db.writing(engine) as conn, service.feed_last(conn):
        found = caller_in(conn, call.token, call.now, call.path)
        if isinstance(found, ProblemError):
            return found.response()  # nothing claimed, nothing stored (a retry may pass)
        caller, bearer = found
        if call.key is not None:
            stored = idempotency.claim_in(
                conn, caller.username, call.key, call.fingerprints, call.now, call.owner
            )
            if stored is not None:
                return stored
        try:
            answer = _work(conn, caller, work, savepoint)
        except ProblemError as error:
            service.forget_pending(conn)
            if error.status == 403:
                _audit_refusal(conn, caller, call, refusal, error)
            answer = error.response()
        if call.key is not None:
            idempotency.settle_in(
                conn,
                caller.username,
                call.key,
                answer.status_code,
                idempotency.kept_headers(answer),
                bytes(answer.body),
                call.owner,
            )
        if bearer.first_use:
            accounts.mark_used(conn, bearer, call.now)
        return answer  # the feed numbers are taken now, on leaving feed_last


def _audit_refusal(
    conn: Connection,
    caller: Caller,
    call: Incoming,
    refusal: tuple[str, str, str | None],
    error: ProblemError,
) -> None:
    item_id, action, site = refusal
    known = conn.execute(select(db.items.c.site).where(db.items.c.id == item_id)).scalar()
    audit.record(
        conn,
        "item",
        actor=caller.username,
        at=call.now,
        address=call.address,
        outcome="refused",
        site=known or site,
        item_id=item_id,
        action=action,
        detail={"reasons": [e.get("code") for e in error.errors] or [error.code]},
    )
