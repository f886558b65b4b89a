"""Templates per section (issue 20): the demo ships three; the administrator sets one on the
portal; a blank new item in a section starts from it, in the app's desk (after a sync)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from portal.demo.templates import TEMPLATES
from tests.desk.conftest import Desks, desks, portal  # noqa: F401 - fixtures
from tests.helpers.portal import PASSWORD


@contextmanager
def login(url: str, username: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=url + "/api/v1", timeout=30) as client:
        answer = client.post("/auth/token", json={"username": username, "password": PASSWORD})
        assert answer.status_code == 200, answer.text
        client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        yield client


async def test_a_new_item_starts_from_its_sections_template(
    desks: Desks,  # noqa: F811
) -> None:
    member = await desks.sign_in("thanhvien1")
    release = await member.create("tin-tuc")
    assert release.title == "Thông cáo báo chí: [sự kiện]"
    assert "## Thông tin liên hệ" in release.body
    notice = await member.create("van-ban-phap-luat")
    assert notice.title.startswith("Quyết định số [số]")
    consultation = await member.create("lay-y-kien")
    assert "Thời hạn nhận ý kiến" in consultation.body
    written = await member.create("tin-tuc", title="Tin tự viết", body="Nội dung.")
    assert written.summary == ""  # content given: no template
    plain = await member.create("chuyen-doi-so")
    assert (plain.title, plain.body) == ("", "")  # a section without a template

    with login(desks.url, "thanhvien1") as web:
        listed = web.get("/sites/demo/templates").json()["templates"]
        assert set(listed) == set(TEMPLATES)
        refused = web.put("/sites/demo/templates/chuyen-doi-so", json={"title": "x"})
        assert refused.status_code == 403
        assert refused.json()["errors"][0]["code"] == "admin_only"


async def test_the_administrator_sets_a_template_and_clients_get_it_at_the_next_sync(
    desks: Desks,  # noqa: F811
    portal: Any,  # noqa: F811
) -> None:
    member = await desks.sign_in("thanhvien1")
    with login(desks.url, "quantri") as admin:
        answer = admin.put(
            "/sites/demo/templates/chuyen-doi-so",
            json={"title": "Chuyển đổi số: [chủ đề]", "body": "## Kết quả\n\n[…]\n"},
        )
        assert answer.status_code == 200, answer.text
        bad = admin.put("/sites/demo/templates/khong-co", json={"title": "x"})
        assert bad.status_code == 422
        unknown = admin.put("/sites/demo/templates/tin-tuc", json={"state": "published"})
        assert unknown.status_code == 422
    await member.sync()
    item = await member.create("chuyen-doi-so")
    assert item.title == "Chuyển đổi số: [chủ đề]" and item.body == "## Kết quả\n\n[…]\n"

    with login(desks.url, "quantri") as admin:
        assert admin.delete("/sites/demo/templates/chuyen-doi-so").status_code == 204
        assert admin.delete("/sites/demo/templates/chuyen-doi-so").status_code == 404
    await member.sync()
    assert (await member.create("chuyen-doi-so")).title == ""
