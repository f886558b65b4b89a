"""A real portal on loopback with a Q&A section and a consultation section; its clock is the
test's (``clock[0]``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from desktop.models import Category, CategoryKind
from portal import db
from portal.board import directory as board
from portal.server import PortalServer
from tests.portal.conftest import PEOPLE, SITE, Api, _cheap_argon2, seed_board  # noqa: F401

#: Monday 7/12/2026, 09:00 in Hà Nội (02:00 UTC).
MONDAY = datetime(2026, 12, 7, 2, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> list[datetime]:
    return [MONDAY]


@pytest.fixture
def server(database_url: str, clock: list[datetime]) -> Iterator[PortalServer]:
    """Once on SQLite and once on PostgreSQL (``database_url``, tests/conftest.py)."""
    with PortalServer(database_url) as running:
        running.app.state.clock = lambda: clock[0]
        seed_board(running.app.state.engine)
        with db.writing(running.app.state.engine) as conn:
            for position, (cid, name, kind) in enumerate(
                (
                    ("hoi-dap", "Hỏi đáp", CategoryKind.QUESTIONS),
                    ("lay-y-kien", "Lấy ý kiến", CategoryKind.CONSULTATION),
                ),
                start=5,
            ):
                category = Category(cid, SITE, name, kind, "Văn phòng", None, position)
                board.add_category(conn, category)
        yield running


@pytest.fixture
def api(server: PortalServer) -> Iterator[dict[str, Api]]:
    sessions = {name: Api(server.url, name).login() for name in PEOPLE}
    yield sessions
    for session in sessions.values():
        session.client.close()


@pytest.fixture
def citizen(server: PortalServer) -> Iterator[httpx.Client]:
    """A stranger: no account, no token."""
    with httpx.Client(base_url=server.url, timeout=30) as client:
        yield client


def question(**overrides: Any) -> dict[str, Any]:
    base = {
        "name": "Nguyễn Văn Dân",
        "email": "dan.nguyen@example.vn",
        "phone": "0912 345 678",
        "title": "Thủ tục cấp lại giấy phép lái xe bị mất",
        "body": "Tôi bị mất giấy phép lái xe hạng B2.\nXin hỏi thủ tục cấp lại ở đâu?",
    }
    return {**base, **overrides}
