"""Scheduled publishing and expiry (issue 20): public pages, feed and search honour
``publish_at`` and ``expire_at`` to the second; the scheduler takes an expired item down once,
with its reason, also when two processes (engines) run it at once and after a restart."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from portal import db
from portal.board.schedule import EXPIRY_REASON, SYSTEM_ACTOR, Scheduler, take_down_expired
from portal.server import PortalServer
from tests.operations.conftest import Clock
from tests.portal.conftest import Api

VN = timezone(timedelta(hours=7))
#: Approved today, out tomorrow at 7:00, down at the end of the month (the issue's "done when").
PUBLISH = datetime(2026, 12, 8, 7, 0, 0, tzinfo=VN)
EXPIRE = datetime(2026, 12, 31, 23, 59, 59, tzinfo=VN)
SECOND = timedelta(seconds=1)


def approved(api: dict[str, Api], **fields: object) -> dict[str, object]:
    item = api["thanhvien1"].create(**fields)
    steps = (("thanhvien1", "submit"), ("phoban", "forward"), ("truongban", "approve"))
    for person, action in steps:
        answer = api[person].act(item, action)
        assert answer.status_code == 200, answer.text
        item = answer.json()
    return item


def on_public_pages(url: str, item: dict[str, object]) -> dict[str, bool]:
    with httpx.Client(base_url=url) as web:
        page = web.get(f"/items/{item['slug']}")
        return {
            "home": str(item["title"]) in web.get("/").text,
            "page": page.status_code == 200,
            "feed": str(item["id"]) in web.get("/feed.atom").text,
            "search": str(item["title"]) in web.get("/search", params={"q": "Lễ hội"}).text,
        }


def test_scheduled_item_absent_until_its_second_and_gone_at_expiry(
    server: PortalServer, api: dict[str, Api], clock: Clock
) -> None:
    clock.now = PUBLISH - timedelta(hours=20)  # the head approves the evening before
    item = approved(
        api,
        title="Lễ hội hoa xuân 2027 khai mạc",
        publish_at=PUBLISH.isoformat(),
        expire_at=EXPIRE.isoformat(),
    )
    assert item["state"] == "published" and item["publish_at"] == "2026-12-08T07:00:00+07:00"
    assert item["slug"]

    for moment, expected in (
        (PUBLISH - SECOND, False),
        (PUBLISH, True),
        (EXPIRE - SECOND, True),
        (EXPIRE, False),  # before any scheduler ran: the pages honour expire_at themselves
    ):
        clock.now = moment
        assert on_public_pages(server.url, item) == dict.fromkeys(
            ("home", "page", "feed", "search"), expected
        ), moment
    with httpx.Client(base_url=server.url) as web:
        assert web.get(f"/items/{item['slug']}").status_code == 410  # gone, not "not yet"

    clock.now = EXPIRE - SECOND
    for person in ("truongban", "thanhvien1"):
        api[person].login()  # a new access token at the moved clock
    scheduler = server.app.state.scheduler
    scheduler.run_once()  # nothing due yet
    assert api["truongban"].get(f"/api/v1/items/{item['id']}").json()["state"] == "published"

    clock.now = EXPIRE
    scheduler.run_once()
    down = api["truongban"].get(f"/api/v1/items/{item['id']}").json()
    assert down["state"] == "taken_down"
    assert down["steps"]["take_down"]["by"] == SYSTEM_ACTOR
    versions = api["truongban"].get(f"/api/v1/items/{item['id']}/versions").json()["versions"]
    assert [(v["action"], v["actor"], v["comment"]) for v in versions[-1:]] == [
        ("take_down", SYSTEM_ACTOR, EXPIRY_REASON)
    ]
    comments = api["truongban"].get(f"/api/v1/items/{item['id']}/comments").json()["comments"]
    assert comments[-1]["body"] == "hết thời hạn đăng"
    # the members' clients learn of it at their next sync, like any change
    assert any(
        c["kind"] == "item" and c["item"]["id"] == item["id"] and c["item"]["state"] == "taken_down"
        for c in api["thanhvien1"].changes()
    )

    scheduler.run_once()  # again: nothing more
    again = api["truongban"].get(f"/api/v1/items/{item['id']}/versions").json()["versions"]
    assert len(again) == len(versions)


def test_expiry_exactly_once_across_processes_and_after_a_restart(
    server: PortalServer, database_url: str, api: dict[str, Api], clock: Clock
) -> None:
    clock.now = datetime(2026, 12, 7, 9, 0, tzinfo=VN)
    items = [
        approved(api, title=f"Thông báo số {n}", expire_at="2026-12-07T17:00:00+07:00")
        for n in range(3)
    ]
    # The portal was down at 17:00; three processes start at 17:05, each with its own engine.
    later = datetime(2026, 12, 7, 17, 5, tzinfo=VN)
    engines = [db.make_engine(database_url) for _ in range(3)]
    done: list[list[str]] = []
    start = threading.Barrier(len(engines))

    def process(engine: db.Engine) -> None:
        start.wait()
        done.append(take_down_expired(engine, later))

    threads = [threading.Thread(target=process, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()

    taken = sorted(i for d in done for i in d)
    assert taken == sorted(str(i["id"]) for i in items)  # each by exactly one process
    for item in items:
        versions = api["truongban"].get(f"/api/v1/items/{item['id']}/versions").json()["versions"]
        assert [v["action"] for v in versions].count("take_down") == 1


def test_scheduler_thread_runs_the_jobs_and_survives_a_failing_one(
    server: PortalServer, clock: Clock
) -> None:
    ran = threading.Event()

    def failing(engine: db.Engine, now: datetime) -> None:
        raise RuntimeError("boom")

    def job(engine: db.Engine, now: datetime) -> None:
        assert now == clock.now
        ran.set()

    scheduler = Scheduler(server.app.state.engine, clock, [failing, job], interval=3600)
    scheduler.start()
    try:
        assert ran.wait(10)
    finally:
        scheduler.stop()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"publish_at": "2026-12-08T07:00:00"}, "offset_required"),
        ({"publish_at": "ngày mai"}, "invalid"),
        (
            {"publish_at": "2026-12-08T07:00:00+07:00", "expire_at": "2026-12-08T06:59:59+07:00"},
            "expires_before_publish",
        ),
    ],
)
def test_bad_times_are_refused_with_a_reason(
    api: dict[str, Api], fields: dict[str, str], code: str
) -> None:
    answer = api["thanhvien1"].put(
        "/api/v1/items/lich-sai",
        json={"site": "so", "title": "Tin", **fields},
        headers={"If-None-Match": "*"},
    )
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["code"] == code


def test_the_server_process_runs_the_scheduler_while_it_serves(tmp_path: object) -> None:
    """``portal-server serve`` (uvicorn, lifespan on): the scheduler starts and stops with it."""
    from fastapi.testclient import TestClient

    from portal.app import create_app

    app = create_app(f"sqlite:///{tmp_path}/portal.sqlite3")
    scheduler = app.state.scheduler
    assert scheduler._thread is None
    with TestClient(app) as web:
        assert web.get("/").status_code == 200
        assert scheduler._thread is not None and scheduler._thread.is_alive()
    assert scheduler._thread is None
    app.state.engine.dispose()


def test_a_periodic_job_runs_once_per_period() -> None:
    from portal.board.schedule import Every

    seen: list[datetime] = []
    job = Every(lambda engine, now: seen.append(now), timedelta(hours=1))
    start = datetime(2026, 12, 7, 9, 0, tzinfo=VN)
    for minutes in (0, 15, 59, 60, 61, 125):
        job(None, start + timedelta(minutes=minutes))  # type: ignore[arg-type]
    assert [(s - start).seconds // 60 for s in seen] == [0, 60, 125]


def test_an_expiry_before_the_stored_publish_time_is_refused_on_update(
    api: dict[str, Api],
) -> None:
    item = api["thanhvien1"].create(publish_at="2026-12-08T07:00:00+07:00")
    answer = api["thanhvien1"].put(
        f"/api/v1/items/{item['id']}",
        json={"expire_at": "2026-12-08T06:00:00+07:00"},
        headers={"If-Match": f'"{item["version"]}"'},
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["errors"][0]["code"] == "expires_before_publish"
