"""The site's calendar notices on the portal (BD-13, AG-12): API, rights, CLI, migration."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from portal import db
from portal.cli import main as portal_main
from portal.db import schema
from tests.portal.conftest import SITE, Api


def test_everyone_reads_head_and_admin_change(api: dict[str, Api]) -> None:
    head, admin, deputy, member = (
        api["truongban"],
        api["quantri"],
        api["phoban"],
        api["thanhvien1"],
    )
    assert member.get(f"/api/v1/sites/{SITE}/calendar").json() == {"calendar": []}
    day_off = {"date": "2026-02-23", "kind": "day_off", "note": "Tỉnh cho nghỉ thêm sau Tết"}
    answer = head.post(f"/api/v1/sites/{SITE}/calendar", json=day_off)
    assert answer.status_code == 201, answer.text
    assert answer.json()["by"] == "truongban"
    saturday = {"date": "2026-08-22", "kind": "working_day", "note": "Làm bù cho 31/8"}
    assert admin.post(f"/api/v1/sites/{SITE}/calendar", json=saturday).status_code == 201
    for refused in (deputy, member):
        answer = refused.post(f"/api/v1/sites/{SITE}/calendar", json=day_off)
        assert answer.status_code == 403
        assert "Trưởng Ban" in answer.json()["errors"][0]["vi"]
    listed = member.get(f"/api/v1/sites/{SITE}/calendar").json()["calendar"]
    assert [(n["date"], n["kind"], n["note"]) for n in listed] == [
        ("2026-02-23", "day_off", "Tỉnh cho nghỉ thêm sau Tết"),
        ("2026-08-22", "working_day", "Làm bù cho 31/8"),
    ]
    # one notice per day: posting the same day again replaces it
    again = {"date": "2026-02-23", "kind": "working_day", "note": "Đổi lại"}
    assert head.post(f"/api/v1/sites/{SITE}/calendar", json=again).status_code == 201
    listed = member.get(f"/api/v1/sites/{SITE}/calendar").json()["calendar"]
    assert listed[0]["kind"] == "working_day" and len(listed) == 2
    assert (
        member.client.delete(
            f"/api/v1/sites/{SITE}/calendar/2026-02-23", headers=member.headers()
        ).status_code
        == 403
    )
    gone = head.client.delete(
        f"/api/v1/sites/{SITE}/calendar", params={"date": "2026-02-23"}, headers=head.headers()
    )
    assert gone.status_code == 204
    assert (
        head.client.delete(
            f"/api/v1/sites/{SITE}/calendar/2026-02-23", headers=head.headers()
        ).status_code
        == 404
    )
    assert [n["date"] for n in member.get(f"/api/v1/sites/{SITE}/calendar").json()["calendar"]] == [
        "2026-08-22"
    ]
    audit = head.get(f"/api/v1/sites/{SITE}/audit").json()
    events = audit["events"]
    assert [e["action"] for e in events if e["event"] == "calendar"].count("set") == 3


@pytest.mark.parametrize(
    "body, field",
    [
        ({"date": "23/02/2026", "kind": "day_off"}, "date"),
        ({"date": "2026-02-30", "kind": "day_off"}, "date"),
        ({"date": "2026-02-23", "kind": "holiday"}, "kind"),
    ],
)
def test_bad_notices_are_refused(api: dict[str, Api], body: dict[str, Any], field: str) -> None:
    answer = api["truongban"].post(f"/api/v1/sites/{SITE}/calendar", json=body)
    assert answer.status_code == 422, answer.text
    assert field in answer.text


def test_other_sites_learn_nothing(api: dict[str, Api]) -> None:
    assert api["truongban"].get("/api/v1/sites/khac/calendar").status_code == 404


def test_portal_server_calendar_commands(tmp_path: Path, capsys: Any) -> None:
    url = f"sqlite:///{tmp_path / 'p.db'}"
    assert portal_main(["site", "add", "so", "Sở Thử nghiệm", "--database", url]) == 0
    for argv in (
        ["--date", "2026-02-23", "--kind", "day_off", "--note", "Nghỉ thêm"],
        ["--date", "2026-08-22", "--kind", "working_day", "--note", "Làm bù"],
    ):
        assert portal_main(["calendar", "add", "--site", "so", *argv, "--database", url]) == 0
    capsys.readouterr()
    assert portal_main(["calendar", "list", "--site", "so", "--database", url]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2026-02-23\tday_off\tNghỉ thêm",
        "2026-08-22\tworking_day\tLàm bù",
    ]
    assert (
        portal_main(
            ["calendar", "remove", "--site", "so", "--date", "2026-02-23", "--database", url]
        )
        == 0
    )
    assert (
        portal_main(
            ["calendar", "remove", "--site", "so", "--date", "2026-02-23", "--database", url]
        )
        == 1
    )
    assert (
        portal_main(
            [
                "calendar",
                "add",
                "--site",
                "nowhere",
                "--date",
                "2026-02-23",
                "--kind",
                "day_off",
                "--database",
                url,
            ]
        )
        == 1
    )
    engine = db.make_engine(url)
    assert schema.current_revision(engine) == schema.head_revision()  # 0005 (calendar) or later
    engine.dispose()
