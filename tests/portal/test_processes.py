"""Several server processes on one PostgreSQL: no state in process memory, an exact feed.

``portal-server serve --workers 2`` and a second ``portal-server serve`` (three processes in all)
share one database; clients send each request to either address at random.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import func, select

from desktop.models import Item, Role, can_see
from portal import db
from portal.board import directory as board
from portal.db.testing_pg import ThrowawayPostgres, free_port
from portal.demo import seed_demo
from tests.portal.conftest import PASSWORD, Api, content, seed_board
from tests.portal.test_feed_exact import Replica

MEMBERS = ("thanhvien1", "thanhvien2", "vien3", "vien4", "vien5")
EDITORS = ("phoban", "truongban")
RUN_FOR = 6.0  # seconds of writing and syncing (the whole test stays near 20 s)


def _wait_until_serving(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(url + "/openapi.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.05)
    raise RuntimeError("the server did not start in 30 s")


def _serve(url: str, *extra: str) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "portal.cli",
            "serve",
            "--database",
            url,
            "--port",
            str(port),
            "--log-level",
            "warning",
            *extra,
        ],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    address = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(address, process)
    except BaseException:
        process.kill()
        process.wait(10)
        raise
    return address, process


@pytest.fixture
def two_doors(postgres_url: str) -> Iterator[list[str]]:
    yield from _two_doors(postgres_url)


def _two_doors(postgres_url: str) -> Iterator[list[str]]:
    """The test board on PostgreSQL behind two addresses: 2 workers there, 1 process here."""
    engine = db.make_engine(postgres_url)
    seed_board(engine)
    with db.writing(engine) as conn:
        for name in MEMBERS[2:]:
            board.add_user(conn, name, name.title(), PASSWORD, datetime.now(UTC))
            board.set_role(conn, name, "so", Role.MEMBER)
    engine.dispose()
    started = [_serve(postgres_url, "--workers", "2"), _serve(postgres_url)]
    try:
        yield [address for address, _ in started]
    finally:
        for _, process in started:
            process.terminate()
        for _, process in started:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


class TwoDoorApi:
    """One person's session, each request sent to one of the servers at random."""

    def __init__(self, urls: list[str], username: str, rng: random.Random) -> None:
        first = Api(urls[0], username).login()
        self.doors = [first] + [Api(url, username) for url in urls[1:]]
        for door in self.doors[1:]:
            door.token, door.refresh_token = first.token, first.refresh_token
        self.username = username
        self.rng = rng
        self.statuses: list[int] = []

    def _door(self) -> Api:
        return self.rng.choice(self.doors)

    def _record(self, answer: httpx.Response) -> httpx.Response:
        self.statuses.append(answer.status_code)
        return answer

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self._record(self._door().get(path, **kw))

    def put(self, path: str, **kw: Any) -> httpx.Response:
        return self._record(self._door().put(path, **kw))

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self._record(self._door().post(path, **kw))

    def close(self) -> None:
        for door in self.doors:
            door.client.close()


def test_sessions_idempotency_and_lock_out_hold_across_processes(two_doors: list[str]) -> None:
    a, b = (Api(url, "thanhvien1") for url in two_doors)
    a.login()
    b.token = a.token
    assert b.get("/api/v1/me").status_code == 200  # a token made by one process, used by another

    renewed = b.client.post("/api/v1/auth/refresh", json={"refresh_token": a.refresh_token})
    assert renewed.status_code == 200
    bearer = {"Authorization": f"Bearer {renewed.json()['access_token']}"}
    assert a.client.get("/api/v1/me", headers=bearer).status_code == 200  # the session moved on
    reused = a.client.post("/api/v1/auth/refresh", json={"refresh_token": a.refresh_token})
    assert reused.status_code == 401 and reused.json()["code"] == "token_revoked"

    a.login()
    b.token = a.token
    item_id = str(uuid.uuid4())
    headers = {"If-None-Match": "*", "Idempotency-Key": f"tao-{item_id}"}
    body = {"site": "so", **content()}
    first = a.put(f"/api/v1/items/{item_id}", json=body, headers=headers)
    again = b.put(f"/api/v1/items/{item_id}", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers["Idempotent-Replayed"] == "true" and again.json() == first.json()

    doors = [httpx.Client(base_url=url) for url in two_doors]
    for attempt in range(5):
        wrong = doors[attempt % 2].post(
            "/api/v1/auth/token", json={"username": "thanhvien2", "password": "sai-mat-khau"}
        )
        assert wrong.status_code == 401
    for door in doors:
        locked = door.post(
            "/api/v1/auth/token", json={"username": "thanhvien2", "password": PASSWORD}
        )
        assert locked.status_code == 429, locked.text
        door.close()


def test_many_clients_writing_and_syncing_through_three_processes(postgres_url: str) -> None:
    for two_doors in _two_doors(postgres_url):
        _stress(two_doors, postgres_url)


def _stress(two_doors: list[str], database_url: str) -> None:
    rng = random.Random(1123)
    clients = {
        name: TwoDoorApi(two_doors, name, random.Random(rng.random())) for name in MEMBERS + EDITORS
    }
    replicas = {name: Replica(api, random.Random(rng.random())) for name, api in clients.items()}  # type: ignore[arg-type]
    written: dict[str, int] = {}  # item id → newest version a write was acknowledged at
    comments_made: list[str] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    deadline = time.monotonic() + RUN_FOR

    def acknowledge(item: dict[str, Any]) -> None:
        with lock:
            written[item["id"]] = max(written.get(item["id"], 0), item["version"])

    submitted_ids: set[str] = set()

    def submitted(replica: Replica) -> list[str]:
        """Submitted items this client has synced. (Comments go on those only: a comment on a
        draft is its author's alone, and by design stays so after the draft is submitted.)"""
        with lock:
            return [i for i in submitted_ids if i in replica.items]

    def member(name: str) -> None:
        api, replica, mine = clients[name], replicas[name], random.Random(name)
        drafts: dict[str, dict[str, Any]] = {}
        while time.monotonic() < deadline:
            roll = mine.random()
            if roll < 0.25 or not drafts:
                item_id = str(uuid.uuid4())
                headers = {"If-None-Match": "*", "Idempotency-Key": f"tao-{item_id}"}
                body = {"site": "so", **content(title=f"Tin {name} {mine.random():.6f}")}
                answer = api.put(f"/api/v1/items/{item_id}", json=body, headers=headers)
                assert answer.status_code == 201, answer.text
                if mine.random() < 0.3:  # a retry after a lost answer, maybe to the other door
                    retry = api.put(f"/api/v1/items/{item_id}", json=body, headers=headers)
                    assert retry.status_code == 201 and retry.json() == answer.json()
                drafts[item_id] = answer.json()
                acknowledge(answer.json())
            elif roll < 0.45:
                item = drafts[mine.choice(sorted(drafts))]
                answer = api.put(
                    f"/api/v1/items/{item['id']}",
                    json={"summary": f"Sapo {mine.random():.6f}"},
                    headers={"If-Match": f'"{item["version"]}"'},
                )
                assert answer.status_code == 200, answer.text
                drafts[item["id"]] = answer.json()
                acknowledge(answer.json())
            elif roll < 0.65:
                item = drafts.pop(mine.choice(sorted(drafts)))
                answer = api.post(
                    f"/api/v1/items/{item['id']}/actions",
                    json={"action": "submit", "expected_version": item["version"]},
                    headers={"Idempotency-Key": str(uuid.uuid4())},
                )
                assert answer.status_code == 200, answer.text
                acknowledge(answer.json())
                with lock:
                    submitted_ids.add(item["id"])
            elif roll < 0.75:
                _comment(api, mine, submitted(replica))
            else:
                replica.page()

    def editor(name: str) -> None:
        api, replica, mine = clients[name], replicas[name], random.Random(name)
        while time.monotonic() < deadline:
            roll = mine.random()
            visible = submitted(replica)
            if roll < 0.35 and visible:
                item_id = mine.choice(sorted(visible))
                answer = api.put(
                    f"/api/v1/items/{item_id}",
                    json={"summary": f"Biên tập {mine.random():.6f}"},
                    headers={"If-Match": f'"{replica.items[item_id]}"'},
                )
                # 412: the replica is behind, or another editor was first; 403: not submitted
                assert answer.status_code in (200, 403, 412), answer.text
                if answer.status_code == 200:
                    acknowledge(answer.json())
            elif roll < 0.45:
                _comment(api, mine, visible)
            else:
                replica.page()

    def _comment(api: TwoDoorApi, mine: random.Random, visible: list[str]) -> None:
        if not visible:
            return
        item_id = mine.choice(sorted(visible))
        comment_id = str(uuid.uuid4())
        answer = api.post(
            f"/api/v1/items/{item_id}/comments",
            json={"id": comment_id, "body": "Đã xem."},
            headers={"Idempotency-Key": comment_id},
        )
        assert answer.status_code == 201, answer.text
        if answer.status_code == 201:
            with lock:
                comments_made.append(comment_id)

    def guarded(work: Any, name: str) -> None:
        try:
            work(name)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(member, n)) for n in MEMBERS] + [
        threading.Thread(target=guarded, args=(editor, n)) for n in EDITORS
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors[:3]

    engine = db.make_engine(database_url)
    try:
        with db.reading(engine) as conn:
            items = {
                row.id: Item.from_dict(orjson.loads(row.data))
                for row in conn.execute(select(db.items.c.id, db.items.c.data))
            }
            versions = {
                (row.item_id, row.version)
                for row in conn.execute(
                    select(db.item_versions.c.item_id, db.item_versions.c.version)
                )
            }
            all_comments = {row.id for row in conn.execute(select(db.comments.c.id))}
            users = {name: board.load_user(conn, name) for name in clients}
            assert conn.execute(select(func.count()).select_from(db.items)).scalar_one() == len(
                written
            )
    finally:
        engine.dispose()

    assert len(written) > 20 and len(comments_made) > 5, (len(written), len(comments_made))
    # nothing written is missing: every acknowledged version is stored, in full history
    for item_id, version in written.items():
        assert items[item_id].version >= version
        assert all((item_id, v) in versions for v in range(1, items[item_id].version + 1))
    assert set(comments_made) == all_comments
    for name, replica in replicas.items():
        replica.catch_up()
        expected = {i.id: i.version for i in items.values() if can_see(i, users[name])}
        assert replica.items == expected, name  # every change, at its final version
        assert len(replica.seen_versions) == len(set(replica.seen_versions)), name  # once
        assert sorted(replica.comments) == sorted(all_comments), name  # each comment once
        assert all(status < 500 for status in clients[name].statuses), name
        clients[name].close()


def test_two_processes_seeding_the_demo_at_once_seed_it_once(
    postgres: ThrowawayPostgres,
) -> None:
    url = postgres.new_database()
    engines = [db.make_engine(url) for _ in range(2)]
    barrier = threading.Barrier(2)
    results: list[bool] = []
    errors: list[BaseException] = []

    def seed(engine: Any) -> None:
        try:
            barrier.wait()
            results.append(seed_demo(engine))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=seed, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    assert sorted(results) == [False, True]
    from portal.demo import content as demo_content
    from portal.demo import questions as demo_questions

    with db.reading(engines[0]) as conn:
        assert conn.execute(select(func.count()).select_from(db.sites)).scalar_one() == 1
        count = conn.execute(select(func.count()).select_from(db.items)).scalar_one()
    assert count == len(demo_content.ITEMS) + len(demo_questions.ANSWERS)  # the Q&A answers too
    for engine in engines:
        engine.dispose()
    postgres.drop_database(url)
