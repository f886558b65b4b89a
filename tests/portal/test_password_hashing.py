"""Issue 15: failed logins stalled everyone's writes (Argon2 ran inside the write transaction; a
login storm raised the median authenticated PUT from 15 ms to 3.7 s).

Checked structurally, not by timing: the hasher is wrapped by a probe that counts the write
transactions open on the portal's engine whenever it runs (seen through SQLAlchemy's own
events), and how many hashes run at once; the probe can hold every hash at a gate, which is the
one fault injected (a hash that takes long), so that the test decides when hashing ends.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, event

from portal.board import passwords
from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, Api

WAIT = 20  # seconds: generous upper bounds for waits on state, never a sleep
#: The hashing pool's size (2 unless PORTAL_HASH_WORKERS says otherwise).
WORKERS = getattr(passwords, "HASH_WORKERS", 2)


class WriteTransactions:
    """How many write transactions are open on ``engine`` right now."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.open: set[int] = set()
        self.lock = threading.Lock()
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "commit", self._end)
        event.listen(engine, "rollback", self._end)

    def _begin(self, conn: Any) -> None:
        if not conn.get_execution_options().get("readonly"):
            with self.lock:
                self.open.add(id(conn))

    def _end(self, conn: Any) -> None:
        with self.lock:
            self.open.discard(id(conn))

    def count(self) -> int:
        with self.lock:
            return len(self.open)

    def close(self) -> None:
        event.remove(self.engine, "begin", self._begin)
        event.remove(self.engine, "commit", self._end)
        event.remove(self.engine, "rollback", self._end)


class ProbeHasher(PasswordHasher):
    """Argon2 with small parameters that records what was going on around each hash."""

    def __init__(self, writes: WriteTransactions) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.writes = writes
        self.changed = threading.Condition()
        self.active = self.most = self.calls = 0
        self.writes_open: list[int] = []
        self.gate = threading.Event()
        self.gate.set()

    def _enter(self) -> None:
        with self.changed:
            self.calls += 1
            self.active += 1
            self.most = max(self.most, self.active)
            self.writes_open.append(self.writes.count())
            self.changed.notify_all()
        assert self.gate.wait(WAIT * 2), "the test never opened the gate"

    def _leave(self) -> None:
        with self.changed:
            self.active -= 1
            self.changed.notify_all()

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self._enter()
        try:
            return super().verify(hash, password)
        finally:
            self._leave()

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self._enter()
        try:
            return super().hash(password, salt=salt)
        finally:
            self._leave()


@pytest.fixture
def probe(server: PortalServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[ProbeHasher]:
    writes = WriteTransactions(server.app.state.engine)
    hasher = ProbeHasher(writes)
    monkeypatch.setattr(passwords, "_hasher", hasher)
    yield hasher
    hasher.gate.set()
    writes.close()


def test_no_write_transaction_is_open_while_a_password_is_hashed_or_verified(
    server: PortalServer, api: dict[str, Api], probe: ProbeHasher
) -> None:
    with httpx.Client(base_url=server.url, timeout=WAIT) as client:
        for username, password in (("truongban", PASSWORD), ("phoban", "sai"), ("ai-do", "sai")):
            client.post("/api/v1/auth/token", json={"username": username, "password": password})
    session = api["thanhvien1"]
    wrong = session.post(
        "/api/v1/auth/password", json={"current_password": "sai", "new_password": "x" * 20}
    )
    assert wrong.status_code == 403
    changed = session.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": "một câu rất dài và khó đoán 2026"},
    )
    assert changed.status_code == 204, changed.text
    # 3 logins, 2 current passwords, the history (1 hash kept) and the new hash
    assert probe.calls >= 7
    assert probe.writes_open == [0] * probe.calls


def test_a_login_storm_holds_no_writer_and_stays_within_the_hashing_pool(
    server: PortalServer, api: dict[str, Api], probe: ProbeHasher
) -> None:
    probe.gate.clear()  # every hash now waits until the test lets it finish
    statuses: list[int] = []

    def guess(n: int) -> None:
        with httpx.Client(base_url=server.url, timeout=WAIT * 3) as client:
            answer = client.post(
                "/api/v1/auth/token", json={"username": f"khach{n}", "password": "sai"}
            )
            statuses.append(answer.status_code)

    storm = [threading.Thread(target=guess, args=(n,)) for n in range(3 * WORKERS)]
    for thread in storm:
        thread.start()
    try:
        with probe.changed:
            full = probe.changed.wait_for(lambda: probe.active >= WORKERS, WAIT)
        assert full, f"only {probe.active} hashes started"
        # the pool is busy and logins are queued behind it: writes go on meanwhile
        member = api["thanhvien1"]
        item = member.create(title="Viết trong lúc bị dò mật khẩu")
        put = member.put(
            f"/api/v1/items/{item['id']}",
            json={"summary": "Vẫn lưu được."},
            headers={"If-Match": '"1"'},
            timeout=WAIT,
        )
        assert put.status_code == 200, put.text
        assert probe.active == WORKERS  # the others wait for a turn
    finally:
        probe.gate.set()
        for thread in storm:
            thread.join(WAIT * 3)
    assert statuses == [401] * len(storm)
    assert probe.most == WORKERS
