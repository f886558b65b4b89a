"""Issue 15: wrong passwords are throttled so that nobody can lock the owner out.

Other client addresses are real: each stranger's client is bound to its own loopback address
(127.0.0.2, 127.0.0.3, …), which the portal on 127.0.0.1 sees as the peer. No header is trusted.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from portal.board import throttle
from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, Api
from tests.portal.security_world import audit_rows

HEAD = "truongban"
WRONG = "mật khẩu đoán bừa 2026"


def client_from(server: PortalServer, address: str) -> httpx.Client:
    """A client whose connections come from ``address`` (any 127.x.y.z works on loopback)."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.url, transport=transport, timeout=30)


def login(client: httpx.Client, password: str, **extra: Any) -> httpx.Response:
    return client.post("/api/v1/auth/token", json={"username": HEAD, "password": password, **extra})


@pytest.fixture
def clock(server: PortalServer) -> Iterator[list[datetime]]:
    moment = [datetime.now(UTC)]
    server.app.state.clock = lambda: moment[0]
    yield moment
    server.app.state.clock = lambda: datetime.now(UTC)


@pytest.fixture
def strangers(server: PortalServer) -> Iterator[dict[str, httpx.Client]]:
    clients = {n: client_from(server, f"127.0.0.{n}") for n in range(2, 9)}
    yield {f"127.0.0.{n}": c for n, c in clients.items()}
    for client in clients.values():
        client.close()


def _locked(answer: httpx.Response, scope: str) -> int:
    assert answer.status_code == 429, answer.text
    problem = answer.json()
    assert problem["code"] == "locked_out" and problem["errors"][0]["scope"] == scope, problem
    wait = int(answer.headers["retry-after"])
    assert wait == problem["errors"][0]["retry_after"] and wait > 0
    return wait


def test_five_wrong_passwords_from_elsewhere_do_not_lock_the_owner_out(
    server: PortalServer, strangers: dict[str, httpx.Client]
) -> None:
    """The attack: five wrong passwords for the head from any address gave the real owner 429
    from every address for 15 minutes. Now only the guessing address waits."""
    attacker = strangers["127.0.0.2"]
    for _ in range(5):
        assert login(attacker, WRONG).status_code == 401
    assert _locked(login(attacker, PASSWORD), "pair") <= 15 * 60
    with httpx.Client(base_url=server.url, timeout=30) as owner:  # from 127.0.0.1
        assert login(owner, PASSWORD).status_code == 200
    # … and again, from elsewhere or later, as often as the attacker likes
    for _ in range(5):
        assert login(strangers["127.0.0.3"], WRONG).status_code == 401
    with httpx.Client(base_url=server.url, timeout=30) as owner:
        assert login(owner, PASSWORD).status_code == 200
    refused = audit_rows(server.app.state.engine, event="login", outcome="refused")
    assert [(r["address"], r["detail"]["scope"]) for r in refused] == [("127.0.0.2", "pair")]
    throttled = audit_rows(server.app.state.engine, event="throttle")
    assert {(r["address"], r["detail"]["scope"]) for r in throttled} == {
        ("127.0.0.2", "pair"),
        ("127.0.0.3", "pair"),
    }


def test_a_device_with_a_session_is_never_delayed_and_guessing_stays_bounded(
    server: PortalServer, strangers: dict[str, httpx.Client], clock: list[datetime]
) -> None:
    device = Api(server.url, HEAD).login()  # the head's laptop, signed in on 127.0.0.1
    guesses = 0
    while guesses < throttle.ACCOUNT_FREE:  # a botnet: 5 wrong passwords from each address
        with client_from(server, f"127.0.1.{guesses // 5}") as bot:
            for _ in range(5):
                assert login(bot, WRONG).status_code == 401
                guesses += 1
    # anyone without a session now waits a little after each failure: no hard lock
    with httpx.Client(base_url=server.url, timeout=30) as fresh:
        first_wait = _locked(login(fresh, PASSWORD), "account")
    assert first_wait <= throttle.MAX_DELAY
    # the laptop presents its session and is not delayed, from its address or a new one
    proven = login(device.client, PASSWORD, refresh_token=device.refresh_token)
    assert proven.status_code == 200, proven.text
    elsewhere = login(
        strangers["127.0.0.8"], PASSWORD, refresh_token=proven.json()["refresh_token"]
    )
    assert elsewhere.status_code == 200, elsewhere.text
    # a token that is not a live session of the account proves nothing
    member = Api(server.url, "thanhvien1").login()
    _locked(login(device.client, PASSWORD, refresh_token=member.refresh_token), "account")
    _locked(login(device.client, PASSWORD, refresh_token="khong-phai-token"), "account")
    # the botnet waits, and each failure makes the next wait longer, up to MAX_DELAY
    waits = []
    for n in range(12):
        with client_from(server, f"127.0.2.{n}") as bot:
            wait = _locked(login(bot, WRONG), "account")
            waits.append(wait)
            clock[0] += timedelta(seconds=wait)
            assert login(bot, WRONG).status_code == 401
    assert waits == sorted(waits) and waits[-1] == throttle.MAX_DELAY and waits[0] < waits[-1]
    # after the wait, the owner without a session gets in: a delay, never a lock
    with httpx.Client(base_url=server.url, timeout=30) as fresh:
        clock[0] += timedelta(seconds=_locked(login(fresh, PASSWORD), "account"))
        assert login(fresh, PASSWORD).status_code == 200
    refused = audit_rows(server.app.state.engine, event="login", outcome="refused")
    assert {r["detail"]["scope"] for r in refused} == {"account"}
    assert any(
        r["detail"]["scope"] == "account"
        for r in audit_rows(server.app.state.engine, event="throttle")
    )


def test_wrong_current_passwords_with_a_stolen_token_slow_only_that_session(
    server: PortalServer, strangers: dict[str, httpx.Client]
) -> None:
    """The attack: five wrong current passwords on /auth/password with a stolen access token
    locked the owner out of every login for 15 minutes."""
    owner = Api(server.url, HEAD).login()
    thief = strangers["127.0.0.2"]
    stolen = {"Authorization": f"Bearer {owner.token}"}
    body = {"current_password": WRONG, "new_password": "một câu rất dài và khó đoán 2026"}
    statuses = [
        thief.post("/api/v1/auth/password", json=body, headers=stolen).status_code
        for _ in range(throttle.SESSION_FREE)
    ]
    assert statuses == [403] * throttle.SESSION_FREE
    wait = _locked(thief.post("/api/v1/auth/password", json=body, headers=stolen), "session")
    assert wait <= throttle.MAX_DELAY
    for client in (owner.client, strangers["127.0.0.3"]):  # logins anywhere are untouched
        assert login(client, PASSWORD).status_code == 200
    assert owner.get("/api/v1/me").status_code == 200  # and so is the session's work
    other_session = Api(server.url, HEAD).login()
    changed = other_session.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "một câu rất dài và khó đoán 2026"},
    )
    assert changed.status_code == 204, changed.text
    failed = audit_rows(server.app.state.engine, event="password_change", outcome="failed")
    assert len(failed) == throttle.SESSION_FREE
    assert {r["address"] for r in failed} == {"127.0.0.2"}


def test_parallel_guesses_cannot_slip_past_the_limit(
    server: PortalServer, strangers: dict[str, httpx.Client]
) -> None:
    answers: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(12)

    def guess() -> None:
        with client_from(server, "127.0.0.2") as client:
            start.wait()
            status = login(client, WRONG).status_code
        with lock:
            answers.append(status)

    threads = [threading.Thread(target=guess) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(answers) == [401] * throttle.PAIR_LIMIT + [429] * (12 - throttle.PAIR_LIMIT)
