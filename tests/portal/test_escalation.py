"""Insiders outside their role: every action tried by people who may not do it, through the API.

Each attempt must be refused (403; 404 where the item is not even visible to the person) and
change nothing: the item's version, the change feed's counter and the item's history stay as
they were. Each 403 leaves a ``refused`` entry in the audit log (404s do not: the person was
never shown the item).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.models import Role, Step
from portal import db
from portal.board import directory as board
from portal.board import service
from portal.server import PortalServer
from tests.portal.conftest import SITE, Api, add_grant, content, seed_board
from tests.portal.security_world import add_person, audit_rows, feed_seq

OTHER_SITE = "huyen"


def _board(engine: Any) -> None:
    now = datetime.now(UTC)
    add_person(engine, "het_han", "Het Han", SITE, Role.MEMBER)  # grants that have ended
    add_person(engine, "khac_muc", "Khac Muc", SITE, Role.MEMBER)  # grants for van-ban only
    for step in Step:
        add_grant(
            engine,
            "het_han",
            step,
            valid_from=now - timedelta(days=60),
            valid_until=now - timedelta(days=1),
        )
        add_grant(engine, "khac_muc", step, categories=["van-ban"])
    seed_board(engine, OTHER_SITE)  # the same people are on it: its head is someone else
    add_person(engine, "ngoai", "Nguoi Ngoai", OTHER_SITE, Role.HEAD)


def _item(engine: Any, path: list[tuple[str, str]]) -> dict[str, Any]:
    """A news item by thanhvien1 taken along ``path`` ((action, actor) pairs) by the service."""
    now = datetime.now(UTC)
    with db.writing(engine) as conn:
        author = board.load_user(conn, "thanhvien1")
        item = service.create_item(conn, author, str(uuid.uuid4()), SITE, content(), now)
        for action, actor in path:
            who = board.load_user(conn, actor)
            item = service.do_action(conn, who, item.id, action, now, comment="Lý do.")
    return item.to_dict()


SUBMITTED = [("submit", "thanhvien1")]
EDITED = [*SUBMITTED, ("forward", "phoban")]
EDITED_BY_HEAD = [*SUBMITTED, ("forward", "truongban")]
PUBLISHED = [*EDITED, ("approve", "truongban")]

#: (the item's path, action, person, expected status)
ATTEMPTS: list[tuple[list[tuple[str, str]], str, str, int]] = [
    # a draft is its author's alone: nobody else even sees it
    *[([], "submit", who, 404) for who in ("thanhvien2", "phoban", "truongban", "quantri")],
    ([], "submit", "ngoai", 404),
    # only the author withdraws
    *[(SUBMITTED, "withdraw", who, 403) for who in ("thanhvien2", "phoban", "truongban")],
    (SUBMITTED, "withdraw", "quantri", 403),
    # step 2: deputy, head or an edit grantee of the category
    *[
        (SUBMITTED, action, who, 403)
        for action in ("forward", "return", "reject")
        for who in ("thanhvien1", "thanhvien2", "quantri", "het_han", "khac_muc")
    ],
    (SUBMITTED, "forward", "ngoai", 404),  # a head, but of another site
    # step 3: the head or an approve grantee; not the author, not the deputy, not the admin
    *[
        (EDITED, action, who, 403)
        for action in ("approve", "reject", "return")
        for who in ("thanhvien1", "thanhvien2", "phoban", "quantri", "het_han", "khac_muc")
    ],
    (EDITED, "approve", "ngoai", 404),
    (EDITED_BY_HEAD, "approve", "truongban", 403),  # four eyes: not the step-2 editor
    # take-down: the head or an approve grantee
    *[
        (PUBLISHED, "take_down", who, 403)
        for who in ("thanhvien1", "thanhvien2", "phoban", "quantri", "het_han", "khac_muc")
    ],
    (PUBLISHED, "take_down", "ngoai", 403),  # published: visible to all, still not theirs
    # actions that do not apply to the state, even for the head
    (PUBLISHED, "approve", "truongban", 403),
    (SUBMITTED, "approve", "truongban", 403),
]


def _versions(engine: Any, item_id: str) -> int:
    with db.reading(engine) as conn:
        return len(service.list_versions(conn, board.load_user(conn, "thanhvien1"), item_id))


def test_every_action_refused_to_those_who_may_not(server: PortalServer) -> None:
    engine = server.app.state.engine
    _board(engine)
    people = {
        name: Api(server.url, name).login()
        for name in {who for _path, _action, who, _status in ATTEMPTS}
    }
    cases = [
        (path, action, who, status, _item(engine, path)) for path, action, who, status in ATTEMPTS
    ]
    seq = feed_seq(engine)
    refused_before = len(audit_rows(engine, outcome="refused"))
    for path, action, who, status, item in cases:
        answer = people[who].act(item, action, "Lý do thử.")
        assert answer.status_code == status, (path, action, who, answer.text)
        if status == 403:
            assert answer.json()["code"] == "forbidden"
            assert answer.json()["errors"][0]["vi"]
    for _path, _action, _who, _status, item in cases:
        with db.reading(engine) as conn:
            now_item = service.load_item(conn, item["id"])
        assert now_item is not None and now_item.version == item["version"]
        assert now_item.state.value == item["state"]
        assert _versions(engine, item["id"]) == item["version"]
    assert feed_seq(engine) == seq, "a refused action moved the change feed"
    refused = audit_rows(engine, outcome="refused")[refused_before:]
    assert len(refused) == sum(1 for case in cases if case[3] == 403)
    assert {(r["actor"], r["item_id"], r["action"]) for r in refused} == {
        (who, item["id"], action) for _p, action, who, status, item in cases if status == 403
    }


def test_writes_outside_ones_role_are_refused(server: PortalServer) -> None:
    engine = server.app.state.engine
    _board(engine)
    admin, member, other_head = (
        Api(server.url, name).login() for name in ("quantri", "thanhvien2", "ngoai")
    )
    submitted = _item(engine, SUBMITTED)
    published = _item(engine, PUBLISHED)
    seq = feed_seq(engine)
    for api, site in ((admin, SITE), (other_head, SITE)):  # create on a board one is not on
        made = api.put(
            f"/api/v1/items/{uuid.uuid4()}",
            json={"site": site, **content()},
            headers={"If-None-Match": "*"},
        )
        assert made.status_code == 403, made.text
    for api, item in ((member, submitted), (admin, submitted), (member, published)):
        edit = api.put(
            f"/api/v1/items/{item['id']}",
            json={"title": "Sửa trộm"},
            headers={"If-Match": f'"{item["version"]}"'},
        )
        assert edit.status_code == 403, edit.text
    comment = admin.post(f"/api/v1/items/{submitted['id']}/comments", json={"body": "Ý kiến."})
    assert comment.status_code == 403
    assert feed_seq(engine) == seq
    with db.reading(engine) as conn:
        assert service.load_item(conn, submitted["id"]).title == content()["title"]  # type: ignore[union-attr]


def test_grants_only_from_those_who_may_give_them(server: PortalServer) -> None:
    engine = server.app.state.engine
    _board(engine)
    head_grant = add_grant(engine, "thanhvien2", Step.APPROVE)
    apis = {
        name: Api(server.url, name).login()
        for name in ("thanhvien1", "phoban", "quantri", "ngoai", "truongban")
    }

    def give(who: str, step: str, site: str = SITE) -> int:
        return (
            apis[who]
            .post(
                f"/api/v1/sites/{site}/grants",
                json={"grantee": "thanhvien2", "step": step, "decision_ref": "9/QĐ"},
            )
            .status_code
        )

    with db.reading(engine) as conn:
        before = len(board.list_grants(conn, site=SITE))
    assert give("thanhvien1", "edit") == 403  # a member gives nothing
    assert give("thanhvien1", "approve") == 403
    assert give("phoban", "approve") == 403  # a deputy gives editing only
    assert give("quantri", "edit") == 403  # the administrator is no editor
    assert give("ngoai", "edit") == 404  # another site's head: this site does not exist for them
    revoke = apis["phoban"].post(f"/api/v1/sites/{SITE}/grants/{head_grant}/revoke")
    assert revoke.status_code == 403  # a deputy cannot take back the head's approve grant
    with db.reading(engine) as conn:
        grants = board.list_grants(conn, site=SITE)
    assert len(grants) == before and all(g.revoked_at is None for g in grants)
    refused = audit_rows(engine, outcome="refused")
    assert {(r["event"], r["actor"]) for r in refused} == {
        ("grant", "thanhvien1"),
        ("grant", "phoban"),
        ("grant", "quantri"),
        ("grant_revoke", "phoban"),
    }
    # the rightful ones do work
    assert give("phoban", "edit") == 201 and give("truongban", "approve") == 201
