"""Personal data kept to the minimum (Decree 13/2023/NĐ-CP; issue 18): the asker's e-mail and
phone, and a commenter's e-mail, are erased after the retention the administrator sets."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
from sqlalchemy import select

from portal import db
from portal.cli import main as portal_cli
from portal.server import PortalServer
from tests.citizens.conftest import SITE, question
from tests.portal.conftest import Api

QUESTIONS = f"/api/v1/sites/{SITE}/questions"


def test_contacts_are_erased_after_the_retention(
    citizen: httpx.Client,
    api: dict[str, Api],
    server: PortalServer,
    clock: list[datetime],
    capsys: object,
) -> None:
    url = server.app.state.engine.url.render_as_string(hide_password=False)
    assert (
        portal_cli(["citizens", "retention", "--site", SITE, "--days", "30", "--database", url])
        == 0
    )
    closed = citizen.post(QUESTIONS, json=question()).json()
    still_open = citizen.post(QUESTIONS, json=question(title="Khác", body="Còn mở.")).json()
    api["truongban"].post(
        f"{QUESTIONS}/{closed['id']}/actions", json={"action": "decline", "comment": "Trùng."}
    )
    clock[0] += timedelta(days=29)
    # every anonymous write erases what is past its retention (the clock is the portal's)
    citizen.post(QUESTIONS, json=question(title="Ngày 29", body="Một câu khác."))
    api["truongban"].login()
    assert api["truongban"].get(f"{QUESTIONS}/{closed['id']}").json()["email"]
    clock[0] += timedelta(days=1)
    citizen.post(QUESTIONS, json=question(title="Ngày 30", body="Một câu nữa."))
    api["truongban"].login()
    erased = api["truongban"].get(f"{QUESTIONS}/{closed['id']}").json()
    assert erased["email"] == "" and erased["phone"] == "" and erased["contact_erased"]
    assert erased["name"] and erased["body"]  # what the board needs of it stays
    kept = api["truongban"].get(f"{QUESTIONS}/{still_open['id']}").json()
    assert kept["email"] == "dan.nguyen@example.vn"  # not closed: still needed to answer
    # the audit keeps each anonymous write but forgets its address after the retention
    with db.reading(server.app.state.engine) as conn:
        asked = conn.execute(
            select(db.audit.c.at, db.audit.c.address).where(db.audit.c.actor == "(public)")
        ).all()
    assert len(asked) == 4
    assert sorted(bool(row.address) for row in asked) == [False, False, True, True]
    assert portal_cli(["citizens", "purge", "--database", url]) == 0  # at any time, by hand


def test_retention_refuses_nonsense(server: PortalServer) -> None:
    url = server.app.state.engine.url.render_as_string(hide_password=False)
    assert (
        portal_cli(["citizens", "retention", "--site", SITE, "--days", "-1", "--database", url])
        == 1
    )
