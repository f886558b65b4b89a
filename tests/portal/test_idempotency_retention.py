"""Issue 21: the day-old ``Idempotency-Key`` answers are deleted by the portal's scheduler, not by
every claim; the retention stays what docs/api.md promises (a replay for 24 hours, a request run
afresh after them), on SQLite and PostgreSQL, through a real portal over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from portal import db
from portal.api import idempotency
from portal.server import PortalServer
from tests.portal.conftest import Api


@pytest.fixture
def clock(server: PortalServer) -> Iterator[list[datetime]]:
    moment = [datetime.now(UTC)]
    server.app.state.clock = lambda: moment[0]
    yield moment
    server.app.state.clock = lambda: datetime.now(UTC)


def _keys(server: PortalServer) -> set[str]:
    with db.reading(server.app.state.engine) as conn:
        return set(conn.execute(select(db.idempotency.c.key)).scalars())


def _put(member: Api, item: dict[str, Any], key: str, title: str) -> Any:
    return member.put(
        f"/api/v1/items/{item['id']}",
        json={"title": title},
        headers={"If-Match": f'"{item["version"]}"', "Idempotency-Key": key},
    )


def test_the_scheduler_purges_day_old_keys_and_a_replay_within_them_still_works(
    server: PortalServer, api: dict[str, Api], clock: list[datetime]
) -> None:
    member = api["thanhvien1"]
    item = member.create()
    old_key, start = str(uuid.uuid4()), clock[0]
    first = _put(member, item, old_key, "Tiêu đề thứ nhất")
    assert first.status_code == 200, first.text

    clock[0] = start + timedelta(hours=23)
    server.app.state.scheduler.run_once()  # within the retention: kept
    assert old_key in _keys(server)
    member.login()  # the access token of the morning has expired
    replay = _put(member, item, old_key, "Tiêu đề thứ nhất")
    assert replay.headers.get("idempotent-replayed") == "true"
    assert replay.status_code == 200 and replay.json() == first.json()

    clock[0] = start + timedelta(hours=25)
    member.login()
    fresh_key = str(uuid.uuid4())
    second = _put(member, first.json(), fresh_key, "Tiêu đề thứ hai")
    assert second.status_code == 200, second.text
    assert {old_key, fresh_key} <= _keys(server)  # a claim deletes no other key
    server.app.state.scheduler.run_once()
    assert _keys(server) == {fresh_key}  # the day-old one is gone, the new one kept


def test_a_key_past_its_retention_is_never_replayed_even_before_the_purge(
    server: PortalServer, api: dict[str, Api], clock: list[datetime]
) -> None:
    member = api["thanhvien1"]
    item = member.create()
    key, start = str(uuid.uuid4()), clock[0]
    first = _put(member, item, key, "Tiêu đề thứ nhất")
    assert first.status_code == 200, first.text

    clock[0] = start + idempotency.KEEP_FOR + timedelta(seconds=1)  # the scheduler has not run
    member.login()
    again = _put(member, item, key, "Tiêu đề thứ nhất")  # run afresh: the item has moved on
    assert again.status_code == 412 and again.json()["code"] == "stale_version", again.text
    assert again.headers.get("idempotent-replayed") is None
    # the key now holds the new answer, replayed as such within its new retention
    clock[0] += timedelta(hours=1)
    member.login()
    replay = _put(member, item, key, "Tiêu đề thứ nhất")
    assert replay.headers.get("idempotent-replayed") == "true"
    assert replay.status_code == 412 and replay.json() == again.json()


def test_purge_counts_what_it_forgot(server: PortalServer, api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    item = member.create()
    assert _put(member, item, str(uuid.uuid4()), "Một").status_code == 200
    engine, now = server.app.state.engine, datetime.now(UTC)
    assert idempotency.purge(engine, now) == 0
    assert idempotency.purge(engine, now + idempotency.KEEP_FOR + timedelta(minutes=1)) == 1
    assert _keys(server) == set()
