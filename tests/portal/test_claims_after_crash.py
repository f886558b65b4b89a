"""Issue 15: after a portal crash, the half-done idempotency claims it left answered
``409 in_progress`` for up to a minute. Now a claim names its process and holds a short lease:
a claim whose process is gone is taken over at once, one whose lease ran out soon after.
Issue 21: the item writes claim their key in their one transaction, so a crash leaves no claim
at all (first test); claims left by the middleware's routes, or by an older version, are still
taken over as before (the others).

The first test crashes a real server process (SIGKILL) in the middle of a request; the others
leave a claim row exactly as a crash on this or another machine would.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import func, insert, select, text

from portal import db
from portal.api import idempotency
from portal.server import PortalServer
from tests.portal.conftest import Api, content, seed_board
from tests.portal.test_processes import _serve

WAIT = 30.0


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Wait for state the test can only observe from outside (a row, a process), bounded."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def _claims(engine: Any, key: str) -> list[Any]:
    with db.reading(engine) as conn:
        return list(conn.execute(select(db.idempotency).where(db.idempotency.c.key == key)))


def _create(api: Api, item_id: str, key: str) -> httpx.Response:
    body = orjson.dumps({"site": "so", **content(title="Tin gửi lúc máy chủ sập")})
    return api.put(
        f"/api/v1/items/{item_id}",
        content=body,
        headers={"If-None-Match": "*", "Idempotency-Key": key, "Content-Type": "application/json"},
    )


def test_a_claim_left_by_a_killed_server_is_taken_over_at_once(postgres_url: str) -> None:
    engine = db.make_engine(postgres_url)
    seed_board(engine)
    url, process = _serve(postgres_url)
    member = Api(url, "thanhvien1").login()
    item_id, key = str(uuid.uuid4()), f"tao-{uuid.uuid4()}"
    blocker = engine.connect()
    try:
        # Items are locked, so the request stops inside the route, after its claim is made.
        transaction = blocker.begin()
        blocker.execute(text("LOCK TABLE items IN ACCESS EXCLUSIVE MODE"))
        outcome: list[Any] = []
        first = threading.Thread(
            target=lambda: outcome.append(_safely(lambda: _create(member, item_id, key)))
        )
        first.start()
        # Issue 21: the claim is made in the write's one transaction, so nothing is committed
        # while it runs; a duplicate waits for it (the key's row) instead of a 409.
        wait_until(lambda: _waiting(engine) >= 1, "the first request inside its transaction")
        assert _claims(engine, key) == []
        duplicate = Api(url, "thanhvien1")
        duplicate.token = member.token
        second = threading.Thread(
            target=lambda: outcome.append(_safely(lambda: _create(duplicate, item_id, key)))
        )
        second.start()
        wait_until(lambda: _waiting(engine) >= 2, "the duplicate waiting for the first")
        process.send_signal(signal.SIGKILL)
        process.wait(WAIT)
        first.join(WAIT)
        second.join(WAIT)
        assert len(outcome) == 2
        assert all(isinstance(answer, httpx.TransportError) for answer in outcome)
        transaction.rollback()
    finally:
        blocker.close()
        if process.poll() is None:
            process.kill()
            process.wait(WAIT)
    # the client retries against another process on the same database: no in_progress
    with PortalServer(postgres_url) as survivor:
        retry = Api(survivor.url, "thanhvien1")
        retry.token = member.token
        answer = _create(retry, item_id, key)
        assert answer.status_code == 201, answer.text
        again = _create(retry, item_id, key)
        assert again.status_code == 201 and again.headers["idempotent-replayed"] == "true"
    with db.reading(engine) as conn:
        count = conn.execute(select(func.count()).select_from(db.items)).scalar_one()
    assert count == 1
    engine.dispose()


def _waiting(engine: Any) -> int:
    """How many sessions of this database wait for a lock."""
    query = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def _safely(call: Callable[[], httpx.Response]) -> Any:
    try:
        return call()
    except httpx.TransportError as error:
        return error


@pytest.fixture
def clock(server: PortalServer) -> Iterator[list[datetime]]:
    moment = [datetime.now(UTC)]
    server.app.state.clock = lambda: moment[0]
    yield moment
    server.app.state.clock = lambda: datetime.now(UTC)


def _leave_claim(
    server: PortalServer, api: Api, item_id: str, key: str, owner: str, at: datetime
) -> None:
    """The row a crash leaves: the claim of exactly this request, status 0, never settled."""
    body = orjson.dumps({"site": "so", **content(title="Tin gửi lúc máy chủ sập")})
    path = f"/api/v1/items/{item_id}"
    scope = {"method": "PUT", "path": path, "query_string": b""}
    headers = {"if-none-match": "*"}
    with db.writing(server.app.state.engine) as conn:
        conn.execute(
            insert(db.idempotency).values(
                caller=api.username,
                key=key,
                fingerprint=idempotency._fingerprint(scope, body, headers),
                status=0,
                headers="[]",
                body=b"",
                created_at=at,
                owner=owner,
                lease_until=at + idempotency.LEASE,
            )
        )


def test_a_claim_from_another_machine_is_taken_over_when_its_lease_ends(
    server: PortalServer, api: dict[str, Api], clock: list[datetime]
) -> None:
    member = api["thanhvien1"]
    item_id, key = str(uuid.uuid4()), "tao-1"
    _leave_claim(server, member, item_id, key, "may-khac.example/4242/abc", clock[0])
    held = _create(member, item_id, key)
    assert held.status_code == 409 and held.json()["code"] == "in_progress"
    clock[0] += idempotency.LEASE + timedelta(seconds=1)
    taken = _create(member, item_id, key)
    assert taken.status_code == 201, taken.text


def test_a_claim_of_a_process_gone_from_this_machine_is_taken_over_at_once(
    server: PortalServer, api: dict[str, Api], clock: list[datetime]
) -> None:
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, check=True
    )
    pid = int(ended.stdout)
    assert pid != os.getpid()
    member = api["thanhvien1"]
    item_id, key = str(uuid.uuid4()), "tao-2"
    _leave_claim(server, member, item_id, key, f"{socket.gethostname()}/{pid}/abc", clock[0])
    taken = _create(member, item_id, key)
    assert taken.status_code == 201, taken.text
