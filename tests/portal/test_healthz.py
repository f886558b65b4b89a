"""``GET /healthz`` for the province's 24/7 monitoring (BD-24, AG-21), over real HTTP: 200 with
the database reachable, 503 once it is not (a SQLite file that cannot be opened any more, a
PostgreSQL database that is gone), and back to 200 when it returns."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx

from portal.api.health import portal_version
from portal.db.testing_pg import ThrowawayPostgres
from portal.server import PortalServer


def health(server: PortalServer) -> httpx.Response:
    return httpx.get(f"{server.url}/healthz", timeout=30)


def assert_healthy(answer: httpx.Response) -> None:
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.headers["cache-control"] == "no-store"
    assert answer.json() == {"status": "ok", "database": True, "version": portal_version()}


def assert_unavailable(answer: httpx.Response) -> None:
    assert answer.status_code == 503
    body: dict[str, Any] = answer.json()
    assert body == {"status": "unavailable", "database": False, "version": portal_version()}


def test_healthy_then_unreachable_sqlite_then_back(tmp_path: Path) -> None:
    path = tmp_path / "portal.sqlite3"
    with PortalServer(f"sqlite:///{path}") as server:
        assert_healthy(health(server))
        assert portal_version() not in ("", "unknown")  # the installed package's version
        # The file goes away and its name is taken by a folder: no connection can open it.
        server.app.state.engine.dispose()
        moved = tmp_path / "moved"
        moved.mkdir()
        for file in tmp_path.glob("portal.sqlite3*"):
            shutil.move(file, moved / file.name)
        path.mkdir()
        assert_unavailable(health(server))
        # The public pages fail as they must, but the health answer itself never does.
        assert_unavailable(health(server))
        path.rmdir()
        for file in moved.iterdir():
            shutil.move(file, tmp_path / file.name)
        assert_healthy(health(server))


def test_unreachable_postgresql_is_503(postgres: ThrowawayPostgres) -> None:
    url = postgres.new_database()
    with PortalServer(url) as server:
        assert_healthy(health(server))
        postgres.drop_database(url)  # WITH (FORCE): its connections are cut, it is gone
        assert_unavailable(health(server))


def test_needs_no_login_and_sets_no_cookie(tmp_path: Path) -> None:
    with PortalServer(f"sqlite:///{tmp_path / 'p.sqlite3'}") as server:
        answer = health(server)
        assert_healthy(answer)
        assert "set-cookie" not in answer.headers
        assert answer.headers["x-content-type-options"] == "nosniff"
