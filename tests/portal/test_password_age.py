"""Password age (AG-10.3): past the maximum age, or after an administrator's reset, nothing but
the change works; the change brings everything back. Time moves through ``app.state.clock``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from portal import db
from portal.board import directory as board
from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, SITE, Api, content
from tests.portal.security_world import GOOD_PASSPHRASE, database_url_of, run_cli

NEW_PASSWORD = "sông hồng chảy qua phố cổ mỗi sáng"


@pytest.fixture
def clock(server: PortalServer) -> Iterator[list[datetime]]:
    """``clock[0]`` is the portal's "now"; a test moves it by assigning."""
    moment = [datetime.now(UTC)]
    server.app.state.clock = lambda: moment[0]
    yield moment
    server.app.state.clock = lambda: datetime.now(UTC)


def _item_calls(api: Api) -> list[int]:
    """Statuses of a read, a write and a directory call."""
    return [
        api.get("/api/v1/changes").status_code,
        api.put(
            f"/api/v1/items/{uuid.uuid4()}",
            json={"site": SITE, **content()},
            headers={"If-None-Match": "*"},
        ).status_code,
        api.get(f"/api/v1/sites/{SITE}/categories").status_code,
    ]


def test_an_expired_password_allows_only_the_change(
    server: PortalServer, clock: list[datetime]
) -> None:
    fresh = Api(server.url, "thanhvien1").login()
    me = fresh.get("/api/v1/me").json()
    assert me["password_expired"] is False and me["must_change_password"] is False
    changed = datetime.fromisoformat(me["password_changed_at"])
    expires = datetime.fromisoformat(me["password_expires_at"])
    assert expires - changed == timedelta(days=90) and me["password_max_age_days"] == 90

    clock[0] = expires + timedelta(minutes=1)
    late = Api(server.url, "thanhvien1").login()  # logging in still works: to change it
    refused = late.get("/api/v1/changes")
    assert refused.status_code == 403 and refused.json()["code"] == "password_change_required"
    assert refused.json()["errors"][0]["vi"]
    assert set(_item_calls(late)) == {403}
    me = late.get("/api/v1/me")
    assert me.status_code == 200 and me.json()["password_expired"] is True

    changed_now = late.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert changed_now.status_code == 204
    assert _item_calls(late) == [200, 201, 200]
    assert late.get("/api/v1/me").json()["password_expired"] is False


def test_a_site_sets_a_shorter_maximum_age(server: PortalServer, clock: list[datetime]) -> None:
    with db.writing(server.app.state.engine) as conn:
        board.set_site_settings(conn, SITE, password_max_age_days=30)
    clock[0] = datetime.now(UTC) + timedelta(days=31)
    late = Api(server.url, "phoban").login()
    assert late.get("/api/v1/me").json()["password_max_age_days"] == 30
    assert late.get("/api/v1/changes").status_code == 403
    clock[0] = datetime.now(UTC) + timedelta(days=29)
    assert Api(server.url, "phoban").login().get("/api/v1/changes").status_code == 200


def test_an_admin_reset_forces_a_change_at_next_login(server: PortalServer) -> None:
    before = Api(server.url, "thanhvien2").login()
    reset = run_cli(
        database_url_of(server),
        "user",
        "reset-password",
        "thanhvien2",
        "--password-stdin",
        stdin=GOOD_PASSPHRASE + "\n",
    )
    assert reset.code == 0, reset.err
    assert before.get("/api/v1/me").status_code == 401  # the reset ended every session
    after = Api(server.url, "thanhvien2").login(GOOD_PASSPHRASE)
    assert after.get("/api/v1/me").json()["must_change_password"] is True
    refused = after.get("/api/v1/changes")
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["code"] == "password_reset"
    done = after.post(
        "/api/v1/auth/password",
        json={"current_password": GOOD_PASSPHRASE, "new_password": NEW_PASSWORD},
    )
    assert done.status_code == 204
    assert after.get("/api/v1/me").json()["must_change_password"] is False
    assert after.get("/api/v1/changes").status_code == 200


def test_a_refused_write_is_not_replayed_after_the_change(
    server: PortalServer, clock: list[datetime]
) -> None:
    """The desktop's outbox retries with the same Idempotency-Key once the password is new."""
    clock[0] = datetime.now(UTC) + timedelta(days=91)
    late = Api(server.url, "thanhvien1").login()
    item_id = str(uuid.uuid4())

    def create() -> int:
        return late.put(
            f"/api/v1/items/{item_id}",
            json={"site": SITE, **content()},
            headers={"If-None-Match": "*", "Idempotency-Key": "outbox-1"},
        ).status_code

    assert create() == 403
    late.post(
        "/api/v1/auth/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
    )
    assert create() == 201
