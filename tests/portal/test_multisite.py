"""Several sites on one portal: each its own board, categories and public pages; one person on
several boards with a different role on each."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx

from desktop.models import Category, CategoryKind, Role
from portal import db
from portal.board import directory as board
from portal.cli import main
from portal.server import PortalServer
from tests.portal.conftest import PASSWORD, Api

OTHER = "phuong"


def _second_site(engine: Any) -> None:
    """Site B: truongban (head of "so") is a plain member here; its own head and category."""
    with db.writing(engine) as conn:
        board.add_site(conn, OTHER, "UBND Phường Thử nghiệm", {"four_eyes": True})
        board.add_category(
            conn, Category("thong-bao", OTHER, "Thông báo", CategoryKind.NEWS, "", None, 0)
        )
        board.add_user(conn, "chutich", "Chủ Tịch", PASSWORD, datetime.now(UTC))
        board.set_role(conn, "chutich", OTHER, Role.HEAD)
        board.set_role(conn, "phoban", OTHER, Role.DEPUTY)
        board.set_role(conn, "truongban", OTHER, Role.MEMBER)


def _publish(author: Api, deputy: Api, head: Api, site: str, category: str, title: str) -> Any:
    item = author.create(site=site, category=category, title=title)
    item = author.act(item, "submit").json()
    item = deputy.act(item, "forward").json()
    answer = head.act(item, "approve")
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_head_on_one_board_is_a_member_on_another(
    server: PortalServer, api: dict[str, Api]
) -> None:
    _second_site(server.app.state.engine)
    head_a = api["truongban"]
    me = head_a.get("/api/v1/me").json()
    assert me["sites"]["so"]["roles"] == ["head"] and me["sites"][OTHER]["roles"] == ["member"]
    chairman = Api(server.url, "chutich").login()
    deputy = api["phoban"]

    # on site B, the head of A writes like any member, and cannot approve
    item = head_a.create(site=OTHER, category="thong-bao", title="Thông báo của phường")
    item = head_a.act(item, "submit").json()
    item = deputy.act(item, "forward").json()
    refused = head_a.act(item, "approve")
    assert refused.status_code == 403, refused.text
    assert chairman.act(item, "approve").status_code == 200
    # and the head of B is nobody on A: no directory, no items, no writing
    assert chairman.get("/api/v1/sites/so/categories").status_code == 404
    assert "so" not in chairman.get("/api/v1/me").json()["sites"]
    draft_a = api["thanhvien1"].act(api["thanhvien1"].create(), "submit").json()
    assert chairman.get(f"/api/v1/items/{draft_a['id']}").status_code == 404
    no_write = chairman.put(
        "/api/v1/items/b-vao-a", json={"site": "so", "title": "x"}, headers={"If-None-Match": "*"}
    )
    assert no_write.status_code == 403
    assert all(c.get("item", {}).get("site") != "so" for c in chairman.changes())
    # categories are per site
    wrong = head_a.put(
        "/api/v1/items/sai-muc",
        json={"site": OTHER, "category": "tin-tuc", "title": "x"},
        headers={"If-None-Match": "*"},
    )
    assert wrong.status_code == 422 and wrong.json()["code"] == "unknown_category"
    members_b = {
        m["username"] for m in chairman.get(f"/api/v1/sites/{OTHER}/members").json()["members"]
    }
    assert members_b == {"chutich", "phoban", "truongban"}
    chairman.client.close()


def test_each_site_has_its_public_pages_and_slash_serves_the_default(
    server: PortalServer, api: dict[str, Api]
) -> None:
    _second_site(server.app.state.engine)
    chairman = Api(server.url, "chutich").login()
    a = _publish(api["thanhvien1"], api["phoban"], api["truongban"], "so", "tin-tuc", "Tin của Sở")
    b = _publish(api["truongban"], api["phoban"], chairman, OTHER, "thong-bao", "Tin của Phường")
    web = httpx.Client(base_url=server.url)

    # no default site: / lists every site, /items/{slug} serves any
    home = web.get("/").text
    assert "Tin của Sở" in home and "Tin của Phường" in home
    assert web.get(f"/items/{b['slug']}").status_code == 200

    site_a, site_b = web.get("/sites/so/"), web.get(f"/sites/{OTHER}/")
    assert "Tin của Sở" in site_a.text and "Tin của Phường" not in site_a.text
    assert "Tin của Phường" in site_b.text and "Tin của Sở" not in site_b.text
    assert f'href="/sites/{OTHER}/items/{b["slug"]}"' in site_b.text
    assert web.get(f"/sites/{OTHER}/items/{b['slug']}").status_code == 200
    assert web.get(f"/sites/so/items/{b['slug']}").status_code == 404  # not that site's
    assert web.get("/sites/khong-co/").status_code == 404
    feed_b = web.get(f"/sites/{OTHER}/feed.atom").text
    assert "Tin của Phường" in feed_b and "Tin của Sở" not in feed_b

    # the default site, set by the admin command
    url = server.app.state.engine.url.render_as_string(hide_password=False)
    assert main(["site", "default", "so", "--database", url]) == 0
    home = web.get("/").text
    assert "Tin của Sở" in home and "Tin của Phường" not in home
    assert web.get(f"/items/{a['slug']}").status_code == 200
    moved = web.get(f"/items/{b['slug']}")
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/sites/{OTHER}/items/{b['slug']}"
    feed = web.get("/feed.atom").text
    assert "Tin của Sở" in feed and "Tin của Phường" not in feed
    assert main(["site", "default", "--clear", "--database", url]) == 0
    assert "Tin của Phường" in web.get("/").text
    web.close()
    chairman.client.close()
