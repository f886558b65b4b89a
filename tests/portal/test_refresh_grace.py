"""Issue 15: a lost refresh answer neither logs the user out nor raises a false theft alarm.

A client killed between the portal's answer to ``/auth/refresh`` and saving the new token
presents the spent token again when it comes back. Within the grace period, before anything of
the lost answer was used, and from the same address, that retry gets a fresh pair; any other
reuse still revokes the whole family.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from portal.board.accounts import REFRESH_GRACE
from portal.server import PortalServer
from tests.portal.conftest import Api
from tests.portal.security_world import audit_rows


@pytest.fixture
def clock(server: PortalServer) -> Iterator[list[datetime]]:
    moment = [datetime.now(UTC)]
    server.app.state.clock = lambda: moment[0]
    yield moment
    server.app.state.clock = lambda: datetime.now(UTC)


def refresh(client: httpx.Client, token: str) -> httpx.Response:
    return client.post("/api/v1/auth/refresh", json={"refresh_token": token})


def me(client: httpx.Client, access: str) -> int:
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {access}"}).status_code


def revoked(answer: httpx.Response) -> bool:
    return answer.status_code == 401 and answer.json()["code"] == "token_revoked"


def test_a_retry_after_a_lost_answer_gets_a_working_session(
    server: PortalServer, api: dict[str, Api], clock: list[datetime]
) -> None:
    session = api["thanhvien1"]
    client, spent = session.client, session.refresh_token
    lost = refresh(client, spent)  # the client is killed before it saves this answer
    assert lost.status_code == 200
    clock[0] += REFRESH_GRACE - timedelta(seconds=1)
    retry = refresh(client, spent)
    assert retry.status_code == 200, retry.text
    fresh = retry.json()
    assert fresh["refresh_token"] != lost.json()["refresh_token"]
    assert me(client, fresh["access_token"]) == 200
    onward = refresh(client, fresh["refresh_token"])  # the session goes on as usual
    assert onward.status_code == 200 and me(client, onward.json()["access_token"]) == 200
    assert me(client, lost.json()["access_token"]) == 401  # the lost pair is void
    engine = server.app.state.engine
    assert audit_rows(engine, event="token_reuse") == []
    assert [r["detail"]["reason"] for r in audit_rows(engine, event="refresh")] == [
        "lost_answer_retried"
    ]
    # should the lost answer turn up later, it is a copy: the session ends then
    assert revoked(refresh(client, lost.json()["refresh_token"]))
    assert revoked(refresh(client, onward.json()["refresh_token"]))


def test_a_reuse_after_the_successor_was_used_revokes_the_family(api: dict[str, Api]) -> None:
    session = api["thanhvien1"]
    client, spent = session.client, session.refresh_token
    successor = refresh(client, spent).json()
    assert refresh(client, successor["refresh_token"]).status_code == 200  # moved on
    assert revoked(refresh(client, spent))
    assert me(client, successor["access_token"]) == 401


def test_a_reuse_after_the_successors_access_token_was_used_revokes_the_family(
    api: dict[str, Api],
) -> None:
    session = api["thanhvien1"]
    client, spent = session.client, session.refresh_token
    successor = refresh(client, spent).json()
    assert me(client, successor["access_token"]) == 200  # the answer did arrive
    assert revoked(refresh(client, spent))
    assert revoked(refresh(client, successor["refresh_token"]))


def test_a_reuse_after_the_grace_revokes_the_family(
    api: dict[str, Api], clock: list[datetime]
) -> None:
    session = api["thanhvien1"]
    client, spent = session.client, session.refresh_token
    successor = refresh(client, spent).json()
    clock[0] += REFRESH_GRACE + timedelta(seconds=1)
    assert revoked(refresh(client, spent))
    assert revoked(refresh(client, successor["refresh_token"]))


def test_a_reuse_from_another_address_revokes_the_family(
    server: PortalServer, api: dict[str, Api]
) -> None:
    session = api["thanhvien1"]
    successor = refresh(session.client, session.refresh_token).json()
    transport = httpx.HTTPTransport(local_address="127.0.0.2")
    with httpx.Client(base_url=server.url, transport=transport, timeout=30) as thief:
        assert revoked(refresh(thief, session.refresh_token))
    assert revoked(refresh(session.client, successor["refresh_token"]))
    assert [r["address"] for r in audit_rows(server.app.state.engine, event="token_reuse")] == [
        "127.0.0.2"
    ]
