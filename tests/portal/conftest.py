"""A small editorial board on a real portal, and an HTTP client that logs in as its people."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher

from desktop.models import Category, CategoryKind, Role, Step
from portal import db
from portal.board import directory as board
from portal.board import passwords
from portal.server import PortalServer

PASSWORD = "mat-khau-thu-nghiem-2026"
SITE = "so"
#: username → role on the test site
PEOPLE = {
    "thanhvien1": Role.MEMBER,
    "thanhvien2": Role.MEMBER,
    "phoban": Role.DEPUTY,
    "truongban": Role.HEAD,
    "quantri": Role.ADMIN,
}


def content(**overrides: Any) -> dict[str, Any]:
    """Content fields of a complete item (ready to submit)."""
    base = {
        "category": "tin-tuc",
        "title": "Hội nghị tổng kết công tác năm",
        "summary": "Sáng nay, Sở tổ chức hội nghị tổng kết.",
        "body": "Nội dung **hội nghị**.",
        "author": "Nguyễn Văn An",
    }
    return {**base, **overrides}


@dataclass
class Api:
    """One person's HTTP session with the portal."""

    url: str
    username: str
    token: str = ""
    refresh_token: str = ""
    client: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.url, timeout=30)

    def login(self, password: str = PASSWORD) -> Api:
        answer = self.client.post(
            "/api/v1/auth/token", json={"username": self.username, "password": password}
        )
        assert answer.status_code == 200, answer.text
        self.token = answer.json()["access_token"]
        self.refresh_token = answer.json()["refresh_token"]
        return self

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", **(extra or {})}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, headers=self.headers(kw.pop("headers", None)), **kw)

    def put(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.put(path, headers=self.headers(kw.pop("headers", None)), **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.post(path, headers=self.headers(kw.pop("headers", None)), **kw)

    def create(self, item_id: str | None = None, site: str = SITE, **fields: Any) -> dict[str, Any]:
        item_id = item_id or str(uuid.uuid4())
        answer = self.put(
            f"/api/v1/items/{item_id}",
            json={"site": site, **content(**fields)},
            headers={"If-None-Match": "*"},
        )
        assert answer.status_code == 201, answer.text
        return answer.json()

    def act(self, item: dict[str, Any], action: str, comment: str = "") -> httpx.Response:
        return self.post(
            f"/api/v1/items/{item['id']}/actions",
            json={"action": action, "comment": comment, "expected_version": item["version"]},
        )

    def changes(self, limit: int = 500) -> list[dict[str, Any]]:
        """Every change visible now, paging until the end."""
        found: list[dict[str, Any]] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"limit": limit}
            if cursor:
                params["since"] = cursor
            page = self.get("/api/v1/changes", params=params)
            assert page.status_code == 200, page.text
            found.extend(page.json()["changes"])
            cursor = page.json()["cursor"]
            if not page.json()["has_more"]:
                return found


def seed_board(engine: Any, site: str = SITE, four_eyes: bool = True) -> None:
    """The test site, its people, two categories; the users are made once per database."""
    now = datetime.now(UTC)
    with db.writing(engine) as conn:
        board.add_site(conn, site, "Sở Thử nghiệm", {"four_eyes": four_eyes})
        for position, (cid, name) in enumerate((("tin-tuc", "Tin tức"), ("van-ban", "Văn bản"))):
            board.add_category(
                conn, Category(cid, site, name, CategoryKind.NEWS, "Văn phòng", None, position)
            )
        for username, role in PEOPLE.items():
            if board.user_row(conn, username) is None:
                board.add_user(conn, username, username.title(), PASSWORD, now)
            board.set_role(conn, username, site, role)


def add_grant(engine: Any, grantee: str, step: Step, site: str = SITE, **kw: Any) -> str:
    now = datetime.now(UTC)
    with db.writing(engine) as conn:
        return board.add_grant(
            conn,
            site=site,
            grantee=grantee,
            step=step,
            granted_by=kw.pop("granted_by", "truongban"),
            valid_from=kw.pop("valid_from", now - timedelta(days=30)),
            **kw,
        ).id


@pytest.fixture(autouse=True, scope="session")
def _cheap_argon2() -> Iterator[None]:
    """Argon2 with small parameters: the tests log in hundreds of times on two cores."""
    real = passwords._hasher
    passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    passwords._hasher = real


@pytest.fixture
def server(database_url: str) -> Iterator[PortalServer]:
    """A portal with the test board on a fresh database (SQLite, then PostgreSQL)."""
    with PortalServer(database_url) as running:
        seed_board(running.app.state.engine)
        yield running


@pytest.fixture
def api(server: PortalServer) -> Iterator[dict[str, Api]]:
    """A logged-in session for each person on the board."""
    sessions = {name: Api(server.url, name).login() for name in PEOPLE}
    yield sessions
    for session in sessions.values():
        session.client.close()
