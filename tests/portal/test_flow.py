"""The three-step process through the API by three people, then the item on the public site."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree as ET

from tests.portal.conftest import Api


def test_three_step_flow_reaches_the_public_site(api: dict[str, Api]) -> None:
    member, deputy, head = api["thanhvien1"], api["phoban"], api["truongban"]
    item = member.create(title="Lễ khai giảng năm học mới", metadata={"Số hiệu": "12/KH-UBND"})
    assert (item["state"], item["version"], item["created_by"]) == ("draft", 1, "thanhvien1")

    submitted = member.act(item, "submit")
    assert submitted.status_code == 200, submitted.text
    item = submitted.json()

    edited = deputy.put(
        f"/api/v1/items/{item['id']}",
        json={"summary": "Sapo đã biên tập."},
        headers={"If-Match": f'"{item["version"]}"'},
    )
    assert edited.status_code == 200, edited.text
    assert edited.headers["ETag"] == f'"{item["version"] + 1}"'
    item = edited.json()
    forwarded = deputy.act(item, "forward")
    assert forwarded.status_code == 200, forwarded.text
    item = forwarded.json()
    approved = head.act(item, "approve")
    assert approved.status_code == 200, approved.text
    item = approved.json()

    assert item["state"] == "published"
    assert item["slug"].startswith("le-khai-giang-nam-hoc-moi-")
    assert {k: v["by"] for k, v in item["steps"].items()} == {
        "submit": "thanhvien1",
        "edit": "phoban",
        "approve": "truongban",
    }
    history = member.get(f"/api/v1/items/{item['id']}/versions").json()["versions"]
    assert [(v["version"], v["action"], v["actor"]) for v in history] == [
        (1, "create", "thanhvien1"),
        (2, "submit", "thanhvien1"),
        (3, "update", "phoban"),
        (4, "forward", "phoban"),
        (5, "approve", "truongban"),
    ]
    old = member.get(f"/api/v1/items/{item['id']}/versions/1").json()
    assert old["item"]["summary"] != "Sapo đã biên tập." and old["item"]["state"] == "draft"

    home = member.client.get("/")
    assert home.status_code == 200 and '<html lang="vi">' in home.text
    assert "Lễ khai giảng năm học mới" in home.text and "Tin tức" in home.text
    page = member.client.get(f"/items/{item['slug']}")
    assert page.status_code == 200
    assert "Sapo đã biên tập." in page.text and "Nguyễn Văn An" in page.text
    assert "12/KH-UBND" in page.text and "<strong>hội nghị</strong>" in page.text
    approved_at = datetime.fromisoformat(item["steps"]["approve"]["at"])
    assert approved_at.astimezone(timezone(timedelta(hours=7))).strftime("%d/%m/%Y") in page.text

    feed = member.client.get("/feed.atom")
    assert feed.status_code == 200 and feed.headers["content-type"].startswith(
        "application/atom+xml"
    )
    root = ET.fromstring(feed.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in root.findall("a:entry", ns)]
    assert titles == ["Lễ khai giảng năm học mới"]


def test_return_with_comment_comes_back_to_the_members_draft(api: dict[str, Api]) -> None:
    member, deputy = api["thanhvien1"], api["phoban"]
    item = member.act(member.create(), "submit").json()
    returned = deputy.act(item, "return", "Bổ sung số liệu cụ thể.")
    assert returned.status_code == 200, returned.text
    assert returned.json()["state"] == "draft"

    mine = member.get(f"/api/v1/items/{item['id']}").json()
    assert mine["state"] == "draft" and mine["steps"]["return"]["by"] == "phoban"
    comments = member.get(f"/api/v1/items/{item['id']}/comments").json()["comments"]
    assert [(c["author"], c["body"]) for c in comments] == [("phoban", "Bổ sung số liệu cụ thể.")]
    versions = member.get(f"/api/v1/items/{item['id']}/versions").json()["versions"]
    assert (
        versions[-1]["action"] == "return" and versions[-1]["comment"] == "Bổ sung số liệu cụ thể."
    )
    # and the member can change it and submit again
    fixed = member.put(
        f"/api/v1/items/{item['id']}",
        json={"body": "Đã bổ sung số liệu."},
        headers={"If-Match": f'"{mine["version"]}"'},
    )
    assert fixed.status_code == 200, fixed.text
    assert member.act(fixed.json(), "submit").json()["state"] == "submitted"
