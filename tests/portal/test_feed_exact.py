"""The change feed stays exact under concurrent writers on PostgreSQL.

With numbers from a sequence, a reader could see change 105 committed while 104 was still in
flight and move its cursor past 104 forever. Here numbers are handed out in commit order (the
feed counter's row lock), which these tests check directly and then hammer: writer threads
change items as fast as they can while readers page ``/changes`` with small limits.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select, text

from desktop.models import Action
from portal import db
from portal.board import directory as board
from portal.board import service
from portal.board.problems import ProblemError
from portal.server import PortalServer
from tests.portal.conftest import PEOPLE, Api, content, seed_board

AUTHORS = ("thanhvien1", "thanhvien2")
#: editors change submitted items (two threads each: real conflicts); members comment
WRITERS = ("phoban", "phoban", "truongban", "truongban", "thanhvien1", "thanhvien2")
READERS = ("phoban", "truongban", "thanhvien1")


@pytest.fixture
def pg_server(postgres_url: str) -> Iterator[PortalServer]:
    with PortalServer(postgres_url) as running:
        seed_board(running.app.state.engine)
        yield running


def _wait_for(condition: Any, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def test_a_second_writer_waits_for_the_first_to_commit(pg_server: PortalServer) -> None:
    """Writer B asks for a number while A holds one: B gets it only after A's commit."""
    engine = pg_server.app.state.engine
    a_has_number = threading.Event()
    a_may_commit = threading.Event()
    numbers: dict[str, int] = {}
    a_committed_at: list[float] = []
    b_got_at: list[float] = []

    def writer_a() -> None:
        with db.writing(engine) as conn:
            numbers["a"] = db.next_seq(conn)
            a_has_number.set()
            a_may_commit.wait(20)
        a_committed_at.append(time.monotonic())

    def writer_b() -> None:
        a_has_number.wait(20)
        with db.writing(engine) as conn:
            numbers["b"] = db.next_seq(conn)
            b_got_at.append(time.monotonic())

    threads = [threading.Thread(target=writer_a), threading.Thread(target=writer_b)]
    for thread in threads:
        thread.start()
    a_has_number.wait(20)

    def b_is_waiting_on_a_lock() -> bool:
        with engine.connect() as conn:
            waiting = conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
            ).scalar_one()
        return bool(waiting)

    _wait_for(b_is_waiting_on_a_lock, "writer B to wait on the feed counter")
    assert "b" not in numbers
    a_may_commit.set()
    for thread in threads:
        thread.join(30)
    assert numbers["b"] == numbers["a"] + 1
    assert b_got_at[0] >= a_committed_at[0] - 0.05  # B's number came after A's commit


def test_a_rolled_back_number_is_given_again(database_url: str) -> None:
    """No holes: a writer that fails returns its number (on both databases)."""
    engine = db.make_engine(database_url)
    try:
        with db.writing(engine) as conn:
            first = db.next_seq(conn)
        with pytest.raises(RuntimeError), db.writing(engine) as conn:
            db.next_seq(conn)
            raise RuntimeError("the write fails")
        with db.writing(engine) as conn:
            assert db.next_seq(conn) == first + 1
    finally:
        engine.dispose()


class Replica:
    """What one syncing reader has: each item at the newest version seen, each comment once."""

    def __init__(self, api: Api, rng: random.Random) -> None:
        self.api = api
        self.rng = rng
        self.cursor: str | None = None
        self.items: dict[str, int] = {}
        self.seen_versions: list[tuple[str, int]] = []
        self.comments: list[str] = []
        self.pages = 0
        self.at_end = 0  # pages that reached the newest change: where a gap would show

    def page(self) -> bool:
        params: dict[str, Any] = {"limit": self.rng.randint(1, 7)}
        if self.cursor:
            params["since"] = self.cursor
        answer = self.api.get("/api/v1/changes", params=params)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        for change in body["changes"]:
            if change["kind"] == "item":
                item = change["item"]
                self.seen_versions.append((item["id"], item["version"]))
                before = self.items.get(item["id"], 0)
                assert item["version"] > before, (item["id"], before, item["version"])
                self.items[item["id"]] = item["version"]
            else:
                self.comments.append(change["comment"]["id"])
        self.cursor = body["cursor"]
        self.pages += 1
        self.at_end += not body["has_more"]
        return bool(body["has_more"])

    def catch_up(self) -> None:
        while self.page():
            pass


def test_readers_paging_with_small_limits_miss_nothing_under_concurrent_writers(
    pg_server: PortalServer,
) -> None:
    engine = pg_server.app.state.engine
    now = datetime.now(UTC)
    with db.writing(engine) as conn:
        users = {name: board.load_user(conn, name) for name in PEOPLE}
    # Every item is submitted at once, so everyone on the board may see all of them.
    items: list[str] = []
    for name in AUTHORS:
        for _ in range(6):
            item_id = str(uuid.uuid4())
            with db.writing(engine) as conn:
                service.create_item(conn, users[name], item_id, "so", content(), now)
                service.do_action(conn, users[name], item_id, Action.SUBMIT.value, now)
            items.append(item_id)

    stop = threading.Event()
    errors: list[BaseException] = []
    counts = {"writes": 0, "conflicts": 0}
    comments_made: list[str] = []
    lock = threading.Lock()

    def writer(name: str, seed: int) -> None:
        mine = random.Random(seed)
        user = users[name]
        try:
            while not stop.is_set():
                item_id = mine.choice(items)
                try:
                    with db.writing(engine) as conn:
                        if name in AUTHORS:
                            made = service.add_comment(
                                conn, user, item_id, f"Ý kiến {mine.random()}", datetime.now(UTC)
                            )
                            with lock:
                                comments_made.append(made["id"])
                        else:
                            item = service.load_item(conn, item_id)
                            assert item is not None
                            service.update_item(
                                conn,
                                user,
                                item_id,
                                item.version,
                                {"summary": f"Sapo {mine.random()}"},
                                datetime.now(UTC),
                            )
                        # A slow end of transaction (a big body, a far database): the window
                        # in which a later number could commit first.
                        conn.execute(select(func.pg_sleep(mine.uniform(0, 0.01))))
                except ProblemError as problem:  # another editor changed it meanwhile
                    assert problem.code == "stale_version", problem.code
                    with lock:
                        counts["conflicts"] += 1
                    continue
                with lock:
                    counts["writes"] += 1
                stop.wait(mine.uniform(0, 0.05))  # pacing: readers keep up and reach the end
        except BaseException as error:  # reported below
            errors.append(error)

    replicas = [
        Replica(Api(pg_server.url, name).login(), random.Random(index))
        for index, name in enumerate(READERS)
    ]

    def reader(replica: Replica) -> None:
        try:
            while not stop.is_set():
                replica.page()
        except BaseException as error:
            errors.append(error)

    threads = [
        threading.Thread(target=writer, args=(name, index)) for index, name in enumerate(WRITERS)
    ] + [threading.Thread(target=reader, args=(replica,)) for replica in replicas]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 8
    _wait_for(
        lambda: counts["writes"] >= 400 or time.monotonic() > deadline or bool(errors), "writes"
    )
    stop.set()
    for thread in threads:
        thread.join(30)
    assert not errors, errors[:3]
    assert counts["writes"] >= 100  # the hammer really hammered

    with db.reading(engine) as conn:
        truth = {row.id: row.version for row in conn.execute(select(db.items))}
        all_comments = {row.id for row in conn.execute(select(db.comments.c.id))}
    assert set(comments_made) <= all_comments
    for replica in replicas:
        replica.catch_up()
        assert replica.items == truth  # every item at its final version: no gap
        assert len(replica.seen_versions) == len(set(replica.seen_versions))  # nothing twice
        assert sorted(replica.comments) == sorted(all_comments)  # each comment exactly once
        assert replica.pages > 20 and replica.at_end > 5, (replica.pages, replica.at_end)
        replica.api.client.close()
