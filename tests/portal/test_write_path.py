"""Issue 21, the portal's writes: one transaction and one thread hop per item write, the feed
number taken last, and ``/changes``' visibility decided in SQL exactly as ``can_see`` decides it.

Counted on a real portal over HTTP (SQLite and PostgreSQL): transactions by SQLAlchemy's
``begin`` events on the app's engine, statements by ``before_cursor_execute``, thread hops by
counting the calls of ``anyio.to_thread.run_sync`` (what Starlette's thread pool and the write
frame both go through) while one request runs.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, insert, select

from desktop.models import Item, Role, State, StepRecord, User, can_see
from portal import db
from portal.board import changes, service
from portal.board.problems import ProblemError
from portal.server import PortalServer
from tests.portal.conftest import Api


class Recorder:
    """What the app's engine does while one request runs."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.transactions = 0
        self.statements: list[str] = []
        self.threads: set[int] = set()
        self.hops = 0

    def __enter__(self) -> Recorder:
        event.listen(self.engine, "begin", self._begin)
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "commit", self._commit)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "begin", self._begin)
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "commit", self._commit)

    def _begin(self, _conn: Any) -> None:
        self.transactions += 1

    def _statement(self, _conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        self.threads.add(threading.get_ident())
        self.statements.append(" ".join(statement.split()).upper())

    def _commit(self, _conn: Any) -> None:
        self.statements.append("COMMIT")


@pytest.fixture
def recorded(
    server: PortalServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[Callable[[], httpx.Response]], tuple[httpx.Response, Recorder]]]:
    real = anyio.to_thread.run_sync
    recorders: list[Recorder] = []

    async def counted(func: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        for recorder in recorders:
            recorder.hops += 1
        return await real(func, *args, **kw)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)

    def record(call: Callable[[], httpx.Response]) -> tuple[httpx.Response, Recorder]:
        with Recorder(server.app.state.engine) as recorder:
            recorders.append(recorder)
            try:
                answer = call()
            finally:
                recorders.remove(recorder)
        return answer, recorder

    yield record


def _only_numbers_after_the_counter(statements: list[str]) -> None:
    """The feed counter's UPDATE comes after every other write, followed only by the rows'
    numbers and the COMMIT."""
    taken = [i for i, s in enumerate(statements) if s.startswith("UPDATE FEED_COUNTER")]
    assert len(taken) == 1, statements
    rest = statements[taken[0] + 1 :]
    assert rest[-1] == "COMMIT", statements
    numbering = rest[:-1]
    assert numbering, statements
    assert all(
        s.startswith(("UPDATE ITEMS SET CHANGE_SEQ", "UPDATE COMMENTS SET CHANGE_SEQ"))
        for s in numbering
    ), statements


def test_one_put_is_one_transaction_and_one_thread_hop(api: dict[str, Api], recorded: Any) -> None:
    member = api["thanhvien1"]
    item = member.create()
    headers = {"If-Match": f'"{item["version"]}"', "Idempotency-Key": str(uuid.uuid4())}
    path = f"/api/v1/items/{item['id']}"
    answer, seen = recorded(lambda: member.put(path, json={"title": "Một"}, headers=headers))
    assert answer.status_code == 200, answer.text
    assert (seen.transactions, seen.hops, len(seen.threads)) == (1, 1, 1)
    _only_numbers_after_the_counter(seen.statements)
    writes = [s.split()[2] for s in seen.statements if s.startswith("INSERT INTO")]
    assert sorted(writes) == ["AUDIT", "IDEMPOTENCY", "ITEM_VERSIONS"]
    replay, again = recorded(lambda: member.put(path, json={"title": "Một"}, headers=headers))
    assert replay.headers["idempotent-replayed"] == "true" and replay.json() == answer.json()
    assert (again.transactions, again.hops) == (1, 1)
    assert not any(s.startswith("UPDATE FEED_COUNTER") for s in again.statements)


def test_an_action_with_a_comment_and_a_comment_are_one_transaction_each(
    api: dict[str, Api], recorded: Any
) -> None:
    member = api["thanhvien1"]
    item = member.create()
    key = {"Idempotency-Key": str(uuid.uuid4())}
    answer, seen = recorded(
        lambda: member.post(
            f"/api/v1/items/{item['id']}/actions",
            json={"action": "submit", "comment": "Xin duyệt", "expected_version": 1},
            headers=key,
        )
    )
    assert answer.status_code == 200, answer.text
    assert (seen.transactions, seen.hops, len(seen.threads)) == (1, 1, 1)
    _only_numbers_after_the_counter(seen.statements)
    numbered = [s for s in seen.statements if "SET CHANGE_SEQ" in s]
    assert [s.split()[1] for s in numbered] == ["ITEMS", "COMMENTS"]  # item before its comment
    comment, seen = recorded(
        lambda: member.post(f"/api/v1/items/{item['id']}/comments", json={"body": "Thêm ý"})
    )
    assert comment.status_code == 201, comment.text
    assert (seen.transactions, seen.hops) == (1, 1)
    _only_numbers_after_the_counter(seen.statements)


def test_a_refusal_takes_no_number_and_is_audited_and_kept(
    api: dict[str, Api], recorded: Any, server: PortalServer
) -> None:
    member, other = api["thanhvien1"], api["thanhvien2"]
    item = member.create()
    assert member.act(item, "submit").status_code == 200
    key = {"Idempotency-Key": str(uuid.uuid4())}
    path = f"/api/v1/items/{item['id']}/actions"
    body = {"action": "approve", "expected_version": 2}
    refused, seen = recorded(lambda: other.post(path, json=body, headers=key))
    assert refused.status_code == 403, refused.text
    assert seen.transactions == 1
    assert not any(s.startswith("UPDATE FEED_COUNTER") for s in seen.statements)
    with db.reading(server.app.state.engine) as conn:
        outcomes = conn.execute(
            select(db.audit.c.outcome).where(
                db.audit.c.item_id == item["id"], db.audit.c.actor == "thanhvien2"
            )
        ).all()
    assert [row.outcome for row in outcomes] == ["refused"]
    again = other.post(path, json=body, headers=key)
    assert again.status_code == 403 and again.headers["idempotent-replayed"] == "true"


def test_a_pull_is_one_read_transaction_and_one_thread_hop(
    api: dict[str, Api], recorded: Any
) -> None:
    member = api["thanhvien1"]
    item = member.create()
    for params in ({}, {"limit": 1}, {"limit": "500"}):
        page, seen = recorded(lambda p=params: member.get("/api/v1/changes", params=p))
        assert page.status_code == 200, page.text
        assert [c["item"]["id"] for c in page.json()["changes"]] == [item["id"]]
        assert (seen.transactions, seen.hops, len(seen.threads)) == (1, 1, 1), params
    # a query FastAPI must judge: its answer, the page read after it
    for params, status in (({"limit": "0"}, 422), ({"limit": " 7"}, 200), ({"limit": "x"}, 422)):
        answer = member.get("/api/v1/changes", params=params)
        assert answer.status_code == status, (params, answer.text)
    again = member.get("/api/v1/changes", params=[("limit", "5"), ("limit", "1")])
    assert again.status_code == 200 and len(again.json()["changes"]) == 1


def test_a_pull_checks_the_caller_before_the_query(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    bad = {"Authorization": "Bearer not-a-token"}
    for params in ({}, {"limit": "0"}, {"since": "x" * 300}, {"since": "not-a-cursor"}):
        answer = member.client.get("/api/v1/changes", params=params, headers=bad)
        assert answer.status_code == 401, (params, answer.text)
    invalid = member.get("/api/v1/changes", params={"since": "not-a-cursor"})
    assert invalid.status_code == 422 and invalid.json()["code"] == "invalid"


def test_a_put_that_refuses_after_writing_keeps_none_of_its_writes(
    api: dict[str, Api], server: PortalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PUT runs without a SAVEPOINT (it refuses before it writes); were it ever to refuse
    after writing, it runs again in one: the refusal is the answer, none of the writes stay."""
    member = api["thanhvien1"]
    item = member.create()
    engine = server.app.state.engine

    def counter() -> int:
        with db.reading(engine) as conn:
            return int(conn.execute(select(db.feed_counter.c.seq)).scalar_one())

    before = counter()
    runs: list[int] = []

    def refusing(*_args: Any, **_kw: Any) -> None:
        runs.append(1)
        raise ProblemError(422, "invalid", "Refused after the item's row was written.")

    monkeypatch.setattr(service, "_store_version", refusing)
    key = {"If-Match": f'"{item["version"]}"', "Idempotency-Key": str(uuid.uuid4())}
    path = f"/api/v1/items/{item['id']}"
    refused = member.put(path, json={"title": "Không lưu"}, headers=key)
    assert refused.status_code == 422, refused.text
    assert len(runs) == 2  # without a SAVEPOINT, then again in one
    assert member.get(path).json() == item  # the item's row as it was
    assert counter() == before  # no feed number taken
    with db.reading(engine) as conn:
        versions = conn.execute(
            select(db.item_versions.c.version).where(db.item_versions.c.item_id == item["id"])
        ).all()
    assert [row.version for row in versions] == [1]
    monkeypatch.undo()
    again = member.put(path, json={"title": "Không lưu"}, headers=key)
    assert again.status_code == 422 and again.headers["idempotent-replayed"] == "true"


# --- /changes: visibility in SQL ----------------------------------------------------------------

SITES = ("so", "khac")
PEOPLE = ("thanhvien1", "thanhvien2")
AT = datetime(2026, 12, 7, tzinfo=UTC)

items_strategy = st.lists(
    st.tuples(
        st.sampled_from(SITES),
        st.sampled_from(list(State)),
        st.sampled_from(PEOPLE),
        st.booleans(),  # ever submitted
    ),
    min_size=1,
    max_size=8,
)
users_strategy = st.tuples(
    st.sampled_from(PEOPLE),
    st.dictionaries(
        st.sampled_from(SITES),
        st.frozensets(st.sampled_from(list(Role)), min_size=1, max_size=2),
        max_size=2,
    ),
)


@pytest.fixture
def board_engine(database_url: str) -> Iterator[Any]:
    engine = db.make_engine(database_url)
    with db.writing(engine) as conn:
        for site in SITES:
            conn.execute(insert(db.sites).values(id=site, name=site, settings="{}"))
    yield engine
    engine.dispose()


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(rows=items_strategy, who=users_strategy)
def test_the_feed_s_visibility_in_sql_is_can_see(
    board_engine: Any,
    rows: list[tuple[str, State, str, bool]],
    who: tuple[str, dict[str, frozenset[Role]]],
) -> None:
    user = User(username=who[0], roles=who[1])
    made = []
    for number, (site, state, author, submitted) in enumerate(rows, start=1):
        steps = {"submit": StepRecord(author, AT, 2)} if submitted else {}
        made.append(
            Item(
                id=f"tin-{number}",
                site=site,
                title=f"Tin {number}",
                state=state,
                version=3,
                created_by=author,
                steps=steps,
                created_at=AT,
                updated_at=AT,
                state_since=AT,
                slug=f"tin-{number}" if state is State.PUBLISHED else "",
            )
        )
    with db.writing(board_engine) as conn:
        conn.execute(delete(db.items))
        for number, item in enumerate(made, start=1):
            conn.execute(
                insert(db.items).values(id=item.id, change_seq=number, **service._row(item))
            )
    with db.reading(board_engine) as conn:
        in_sql = set(conn.execute(select(db.items.c.id).where(changes.visible(user))).scalars())
        page = changes.changes_since(conn, user, 0, 3)["changes"]
    assert in_sql == {item.id for item in made if can_see(item, user)}
    assert [c["item"]["id"] for c in page] == [i.id for i in made if can_see(i, user)][:3]
