"""The workflow table through the API: every state × action × person, four-eyes on and off.

Each case builds the item in its state through the service (the same code the API runs), asks
the API to do the action, and compares the answer with ``desktop.models.check_action``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from desktop.models import (
    TRANSITIONS,
    Action,
    Item,
    Role,
    Step,
    can_see,
    check_action,
)
from portal import db
from portal.board import directory as board
from portal.board import service
from portal.server import PortalServer
from tests.conftest import BACKENDS, url_for
from tests.portal.conftest import PASSWORD, Api, add_grant, content, seed_board

SITES = {"four-eyes": True, "two-eyes": False}
#: extra people (all members) and the grants that make them who they are
GRANTEES = ("sua_bai", "duyet_bai", "het_han", "khac_muc")
PEOPLE = ("thanhvien1", "thanhvien2", "phoban", "truongban", "quantri", *GRANTEES)
RIGHTS = {
    "not_in_state",
    "not_on_board",
    "not_author",
    "already_edited",
    "already_submitted",
    "no_right",
    "four_eyes",
}


def _setup(engine: Any) -> None:
    now = datetime.now(UTC)
    for site, four_eyes in SITES.items():
        seed_board(engine, site, four_eyes)
        with db.writing(engine) as conn:
            for name in GRANTEES:
                if board.user_row(conn, name) is None:
                    board.add_user(conn, name, name, PASSWORD, now)
                board.set_role(conn, name, site, Role.MEMBER)
        add_grant(engine, "sua_bai", Step.EDIT, site, categories=["tin-tuc"])
        add_grant(engine, "duyet_bai", Step.APPROVE, site, categories=["tin-tuc"])
        for step in Step:
            add_grant(
                engine,
                "het_han",
                step,
                site,
                valid_from=now - timedelta(days=60),
                valid_until=now - timedelta(days=1),
            )
            add_grant(engine, "khac_muc", step, site, categories=["van-ban"])


@pytest.fixture(scope="module", params=BACKENDS)
def table(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[PortalServer, dict[str, Api]]]:
    url = url_for(request.param, request, tmp_path_factory.mktemp("workflow"))
    with PortalServer(url) as server:
        _setup(server.app.state.engine)
        sessions = {name: Api(server.url, name).login() for name in PEOPLE}
        yield server, sessions
        for session in sessions.values():
            session.client.close()


def _do(engine: Any, item_id: str, actor: str, action: str) -> None:
    with db.writing(engine) as conn:
        user = board.load_user(conn, actor)
        service.do_action(conn, user, item_id, action, datetime.now(UTC), comment="Lý do.")


Builder = Callable[[Any, str], None]
STATES: dict[str, list[tuple[str, str]]] = {
    "draft": [],
    "returned_draft": [("thanhvien1", "submit"), ("phoban", "return")],
    "submitted": [("thanhvien1", "submit")],
    "submitted_then_edited": [("thanhvien1", "submit")],  # plus a content change: no withdraw
    "edited_by_deputy": [("thanhvien1", "submit"), ("phoban", "forward")],
    "edited_by_head": [("thanhvien1", "submit"), ("truongban", "forward")],
    "published": [("thanhvien1", "submit"), ("phoban", "forward"), ("truongban", "approve")],
    "rejected": [("thanhvien1", "submit"), ("phoban", "reject")],
    "taken_down": [
        ("thanhvien1", "submit"),
        ("phoban", "forward"),
        ("truongban", "approve"),
        ("truongban", "take_down"),
    ],
}


def _build(engine: Any, site: str, state: str) -> Item:
    item_id = str(uuid.uuid4())
    with db.writing(engine) as conn:
        author = board.load_user(conn, "thanhvien1")
        service.create_item(conn, author, item_id, site, content(), datetime.now(UTC))
    for actor, action in STATES[state]:
        _do(engine, item_id, actor, action)
    if state == "submitted_then_edited":
        with db.writing(engine) as conn:
            deputy = board.load_user(conn, "phoban")
            service.update_item(conn, deputy, item_id, 2, {"summary": "Đã sửa."}, datetime.now(UTC))
    with db.reading(engine) as conn:
        item = service.load_item(conn, item_id)
    assert item is not None
    return item


@pytest.mark.parametrize("person", PEOPLE)
@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize("site", list(SITES))
def test_api_answers_as_the_workflow_decides(
    table: tuple[PortalServer, dict[str, Api]], site: str, state: str, person: str
) -> None:
    server, sessions = table
    engine = server.app.state.engine
    for action in Action:
        item = _build(engine, site, state)
        with db.reading(engine) as conn:
            user = board.load_user(conn, person)
            grants = board.list_grants(conn, site=site)
            settings = board.site_settings(conn, site)
            categories = board.category_ids(conn, site)
        verdict = check_action(item, action, user, grants, datetime.now(UTC), settings, categories)
        answer = sessions[person].act(item.to_dict(), action.value, "Lý do.")
        case = f"{site} {state} {person} {action.value}: {answer.text[:300]}"
        if not can_see(item, user):
            assert answer.status_code == 404, case
        elif verdict.allowed:
            assert answer.status_code == 200, case
            after = answer.json()
            target = next(
                t.target for t in TRANSITIONS if t.action is action and t.source is item.state
            )
            assert after["state"] == target.value, case
            assert after["version"] == item.version + 1, case
            record = next(r for k, r in after["steps"].items() if r["version"] == after["version"])
            assert (record["by"], record["on_behalf_of"]) == (person, verdict.on_behalf_of), case
        else:
            codes = [p.code for p in verdict.problems]
            expected = 403 if set(codes) <= RIGHTS else 422
            assert answer.status_code == expected, case
            assert [e["code"] for e in answer.json()["errors"]] == codes, case
        if answer.status_code != 200:
            with db.reading(engine) as conn:
                unchanged = service.load_item(conn, item.id)
            assert unchanged is not None and unchanged.version == item.version, case


def test_the_table_covers_the_interesting_answers(
    table: tuple[PortalServer, dict[str, Api]],
) -> None:
    """Guard against a table that only ever says no: key cases by name."""
    server, sessions = table
    engine = server.app.state.engine
    expectations = [
        ("four-eyes", "edited_by_head", "truongban", "approve", 403),  # four-eyes
        ("two-eyes", "edited_by_head", "truongban", "approve", 200),
        ("four-eyes", "submitted", "sua_bai", "forward", 200),
        ("four-eyes", "submitted", "khac_muc", "forward", 403),
        ("four-eyes", "submitted", "het_han", "forward", 403),
        ("four-eyes", "edited_by_deputy", "duyet_bai", "approve", 200),
        ("four-eyes", "submitted", "thanhvien2", "forward", 403),
        ("four-eyes", "draft", "thanhvien2", "submit", 404),
        ("four-eyes", "submitted_then_edited", "thanhvien1", "withdraw", 403),
        ("four-eyes", "submitted", "quantri", "forward", 403),
    ]
    for site, state, person, action, status in expectations:
        item = _build(engine, site, state)
        answer = sessions[person].act(item.to_dict(), action, "Lý do.")
        assert answer.status_code == status, (site, state, person, action, answer.text)
    item = _build(engine, "four-eyes", "edited_by_deputy")
    approved = sessions["duyet_bai"].act(item.to_dict(), "approve").json()
    assert approved["steps"]["approve"]["on_behalf_of"] == "truongban"
