"""``Idempotency-Key`` replay for every PUT and POST, scoped per caller, kept in the database.

A retry after a lost answer gets the stored answer (``Idempotent-Replayed: true``) instead of a
second effect. The same key with another method, path, body or precondition (``If-Match``,
``If-None-Match``) is refused (422). While the first
request with a key is still running, a duplicate gets 409 ``in_progress``.

A claim records the process running it (``host/pid/boot``) and a short lease (:data:`LEASE`),
renewed while the request runs. A claim left by a crash is taken over by the next retry: at
once when its process is known to be gone (same host, that pid no longer running), else when
its lease has run out, within seconds instead of the first version's minute of ``in_progress``.

The item writes (``PUT /items/{id}``, ``POST /items/{id}/actions``, ``POST /items/{id}/comments``)
keep their keys themselves, in their one transaction (:data:`OWN_TRANSACTION`,
``portal.api.writes``): claimed at its start with :func:`claim_in`, the answer stored at its end
with :func:`settle_in`, so a crash leaves no claim behind, and a duplicate sent while the first
runs waits for it (the key's row is locked) and gets its answer replayed.

An answer is kept for :data:`KEEP_FOR` (24 hours): a key older than that is claimed afresh, never
replayed, and the scheduler deletes such rows every few minutes (:func:`purge`; until issue 21
every claim deleted them first).

Logins and refreshes are not replayed: their answers hold fresh tokens, which are never stored
in clear. Answers that a retry could rightly change are not kept either: 401, 409, 429, 5xx, and
403 ``password_change_required`` (the outbox's operations must go through once the password is
changed).
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import anyio
import orjson
from sqlalchemy import and_, bindparam, delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from portal import db
from portal.api.guard import BODY_KEY
from portal.board import accounts
from portal.board.directory import utc
from portal.board.problems import ProblemError

KEEP_FOR = timedelta(hours=24)
#: How long a claim holds without renewal, and how often the running request renews it.
LEASE = timedelta(seconds=10)
RENEW_EVERY = 3.0  # seconds
NOT_REPLAYED = frozenset({"/api/v1/auth/token", "/api/v1/auth/refresh"})
KEPT_HEADERS = frozenset({"content-type", "etag", "location", "retry-after", "www-authenticate"})
#: The routes that keep their keys in their own transaction (``portal.api.writes``).
OWN_TRANSACTION = re.compile(r"^/api/v1/items/[A-Za-z0-9_-]{1,64}(?:/actions|/comments)?$")


def own_transaction(method: str, path: str) -> bool:
    if method == "PUT":
        return OWN_TRANSACTION.match(path) is not None and path.count("/") == 4
    return OWN_TRANSACTION.match(path) is not None and path.count("/") == 5


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("PUT", "POST")
            or not scope["path"].startswith("/api/v1/")
            or scope["path"] in NOT_REPLAYED
            or own_transaction(scope["method"], scope["path"])
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
        owner = claim_owner(state)
        stored = await anyio.to_thread.run_sync(
            _claim, engine, caller, key, (fingerprint, legacy), now, owner
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

        async def renew() -> None:
            while True:
                await anyio.sleep(RENEW_EVERY)
                await anyio.to_thread.run_sync(_renew, engine, caller, key, owner, state.clock())

        failure: Exception | None = None
        try:
            async with anyio.create_task_group() as renewing:
                renewing.start_soon(renew)
                try:
                    await self.app(scope, receive, capture)
                except Exception as error:  # kept as it is, not wrapped in an ExceptionGroup
                    failure = error
                finally:
                    renewing.cancel_scope.cancel()
        finally:
            await anyio.to_thread.run_sync(_settle, engine, caller, key, captured, owner)
        if failure is not None:
            raise failure
        for message in held:
            await send(message)


def claim_owner(state: Any) -> str:
    """``host/pid/boot`` of this app: who holds the claims it makes (see :func:`_gone`)."""
    boot = getattr(state, "claim_boot", None)
    if boot is None:
        boot = state.claim_boot = uuid.uuid4().hex[:12]
    return f"{socket.gethostname()}/{os.getpid()}/{boot}"[:200]


def _gone(owner: str | None) -> bool:
    """Whether the process that holds a claim is known to have ended: it ran on this host and
    its pid is not running any more. (Another host's, or a pid now reused, waits for the lease.)
    """
    host, _, rest = (owner or "").partition("/")
    pid_text = rest.partition("/")[0]
    if os.name != "posix" or host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid() or pid <= 1:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


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
    engine: Any,
    caller: str,
    key: str,
    fingerprints: tuple[str, str],
    now: datetime,
    owner: str = "",
) -> Response | None:
    """Reserve (caller, key), or return the answer to send instead of running the request.

    ``fingerprints`` is (this version's, the first version's): a claim stored by the first
    version (before preconditions counted) still matches its retry.
    """
    with db.writing(engine) as conn:
        return claim_in(conn, caller, key, fingerprints, now, owner)


@dataclass(frozen=True, slots=True)
class _ClaimStatements:
    """:func:`claim_in`'s and :func:`settle_in`'s statements, built once per dialect with their
    values as parameters (building them per request cost more than running them, issue 21)."""

    claim: Any
    find: Any
    renew_expired: Any
    settle: Any
    forget: Any


def _claim_statements(dialect: Any) -> _ClaimStatements:
    table = db.idempotency
    # (an UPDATE's parameters may not be named as its columns: hence ``w_caller``…)
    this_key = and_(table.c.caller == bindparam("w_caller"), table.c.key == bindparam("w_key"))
    held = and_(this_key, table.c.owner == bindparam("w_owner"))
    return _ClaimStatements(
        claim=dialect.insert(table)
        .on_conflict_do_nothing()
        .returning(table.c.status),  # (psycopg gives no rowcount for ON CONFLICT DO NOTHING)
        find=select(table).where(
            table.c.caller == bindparam("caller"), table.c.key == bindparam("key")
        ),
        # A key past its retention is forgotten: claimed afresh as if it had been purged (the
        # scheduler deletes such rows, :func:`purge`; until it runs they stay, unanswered).
        renew_expired=update(table)
        .where(this_key, table.c.created_at < bindparam("before"))
        .values(
            fingerprint=bindparam("new_fingerprint"),
            status=0,
            headers="[]",
            body=b"",
            created_at=bindparam("new_created_at"),
            owner=bindparam("new_owner"),
            lease_until=bindparam("new_lease_until"),
        ),
        settle=update(table)
        .where(held)
        .values(
            status=bindparam("new_status"),
            headers=bindparam("new_headers"),
            body=bindparam("new_body"),
        ),
        forget=delete(table).where(held),
    )


_CLAIM = {False: _claim_statements(sqlite), True: _claim_statements(postgresql)}
#: :func:`purge`'s statement (the same on both dialects).
_PURGE = delete(db.idempotency).where(db.idempotency.c.created_at < bindparam("before"))


def purge(engine: Any, now: datetime) -> int:
    """Forget the keys older than :data:`KEEP_FOR` (a scheduled job, ``portal.board.operations``:
    not on every claim, issue 21); the number of keys forgotten. A claim never answers from a
    key past its retention even before this runs (:func:`claim_in`)."""
    with db.writing(engine) as conn:
        return int(conn.execute(_PURGE, {"before": now - KEEP_FOR}).rowcount or 0)


def claim_in(
    conn: Connection,
    caller: str,
    key: str,
    fingerprints: tuple[str, str],
    now: datetime,
    owner: str = "",
) -> Response | None:
    """:func:`_claim` in the caller's write transaction."""
    fingerprint = fingerprints[0]
    table = db.idempotency
    statements = _CLAIM[db.is_postgres(conn)]
    values = {
        "caller": caller,
        "key": key,
        "fingerprint": fingerprint,
        "status": 0,
        "headers": "[]",
        "body": b"",
        "created_at": now,
        "owner": owner,
        "lease_until": now + LEASE,
    }
    # A concurrent first claim of the key: PostgreSQL waits here until it commits or rolls back.
    # Found, a claim can still vanish before it is read (settled and forgotten): claim again.
    for _attempt in range(3):
        if conn.execute(statements.claim, values).first() is not None:
            return None
        row = conn.execute(statements.find, {"caller": caller, "key": key}).first()
        if row is not None:
            break
    else:
        return _in_progress()
    if (utc(row.created_at) or now) < now - KEEP_FOR:  # past its retention: claimed afresh
        renewed = conn.execute(
            statements.renew_expired,
            {
                "w_caller": caller,
                "w_key": key,
                "before": now - KEEP_FOR,
                "new_fingerprint": fingerprint,
                "new_created_at": now,
                "new_owner": owner,
                "new_lease_until": now + LEASE,
            },
        )
        if renewed.rowcount == 1:
            return None
        return _in_progress()  # renewed by a concurrent claim meanwhile
    if row.fingerprint not in fingerprints:
        return ProblemError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was used for another request.",
        ).response()
    if row.status == 0:
        lease = utc(row.lease_until) or (utc(row.created_at) or now) + LEASE
        running = now < lease and not _gone(row.owner)
        taken = (
            running
            or conn.execute(
                update(table)
                .where(table.c.caller == caller, table.c.key == key)
                .where(table.c.status == 0, _same_owner(row.owner))
                .values(created_at=now, owner=owner, lease_until=now + LEASE)
            ).rowcount
            != 1
        )
        if taken:
            return _in_progress()
        return None  # a crash's claim, taken over: this request runs
    headers = dict(orjson.loads(row.headers))
    headers["Idempotent-Replayed"] = "true"
    media = headers.pop("content-type", None)
    return Response(row.body, status_code=row.status, headers=headers, media_type=media)


def _in_progress() -> Response:
    return ProblemError(
        409,
        "in_progress",
        "The first request with this key is still running.",
        headers={"Retry-After": "1"},
    ).response()


def _passing(status: int, body: list[bytes]) -> bool:
    """A refusal that ends once the caller does something else (changes an expired password):
    the retry after it must run again, not be answered from the store."""
    return status == 403 and b'"code":"password_change_required"' in b"".join(body)


def _same_owner(owner: str | None) -> Any:
    column = db.idempotency.c.owner
    return column.is_(None) if owner is None else column == owner


def _renew(engine: Any, caller: str, key: str, owner: str, now: datetime) -> None:
    """Extend the running claim's lease (only while this process still holds it)."""
    table = db.idempotency
    with db.writing(engine) as conn:
        conn.execute(
            update(table)
            .where(table.c.caller == caller, table.c.key == key)
            .where(table.c.status == 0, table.c.owner == owner)
            .values(lease_until=now + LEASE)
        )


def _settle(engine: Any, caller: str, key: str, captured: dict[str, Any], owner: str = "") -> None:
    """Keep a definite answer; forget the key when a retry could rightly succeed. Only the
    claim's holder settles it (a claim taken over from it is the new holder's)."""
    with db.writing(engine) as conn:
        settle_in(
            conn,
            caller,
            key,
            int(captured["status"]),
            captured["headers"],
            b"".join(captured["body"]),
            owner,
        )


def settle_in(
    conn: Connection,
    caller: str,
    key: str,
    status: int,
    headers: list[tuple[str, str]],
    body: bytes,
    owner: str = "",
) -> None:
    """:func:`_settle` in the caller's write transaction; ``headers`` are only those kept."""
    statements = _CLAIM[db.is_postgres(conn)]
    where = {"w_caller": caller, "w_key": key, "w_owner": owner}
    if status >= 500 or status in (401, 409, 429) or _passing(status, [body]):
        conn.execute(statements.forget, where)
    else:
        conn.execute(
            statements.settle,
            {
                **where,
                "new_status": status,
                "new_headers": orjson.dumps(headers).decode(),
                "new_body": body,
            },
        )


def kept_headers(response: Response) -> list[tuple[str, str]]:
    """The headers of an answer that its replay repeats."""
    return [(k, v) for k, v in response.headers.items() if k.lower() in KEPT_HEADERS]
