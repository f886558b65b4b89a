"""Comments on a published draft out for consultation (issue 18), over real HTTP."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from tests.citizens.conftest import SITE
from tests.portal.conftest import Api

CONSULTATION = {
    "drafting_unit": "Sở Khoa học và Công nghệ",
    "comment_deadline": "2026-12-18",
    "receiving_unit": "Phòng Chuyển đổi số",
    "address": "Số 25 đường Trần Hưng Đạo",
    "email": "gopy@so.gov.vn",
}


def published_draft(api: dict[str, Api]) -> dict[str, Any]:
    item = api["thanhvien1"].create(
        category="lay-y-kien",
        title="Lấy ý kiến dự thảo Nghị quyết về chuyển đổi số",
        summary="Đề nghị góp ý dự thảo.",
        body="Dự thảo Nghị quyết gồm **3 chương**.",
        metadata=CONSULTATION,
    )
    submitted = api["thanhvien1"].act(item, "submit").json()
    forwarded = api["phoban"].act(submitted, "forward").json()
    published = api["truongban"].act(forwarded, "approve")
    assert published.status_code == 200, published.text
    return dict(published.json())


def comment(**overrides: Any) -> dict[str, Any]:
    return {
        "name": "Hợp tác xã Bình An",
        "email": "htx.binhan@example.vn",
        "body": "Đề nghị bổ sung hỗ trợ chi phí thuê phần mềm kế toán.",
    } | overrides


def test_comments_until_the_deadline_then_closed(
    citizen: httpx.Client, api: dict[str, Api], clock: list[datetime]
) -> None:
    item = published_draft(api)
    path = f"/api/v1/items/{item['id']}/public-comments"
    sent = citizen.post(path, json=comment())
    assert sent.status_code == 201, sent.text
    assert set(sent.json()) == {"id", "created_at"}

    # the public page shows the deadline and the form
    page = citizen.get(f"/sites/{SITE}/items/{item['slug']}").text
    assert "Hạn góp ý: 18/12/2026" in page and 'action="/sites/so/items/' in page

    # the board lists them, with the e-mail; a stranger may not
    listed = api["phoban"].get(path).json()
    assert listed["comment_deadline"] == "2026-12-18"
    assert [(c["name"], c["email"]) for c in listed["comments"]] == [
        ("Hợp tác xã Bình An", "htx.binhan@example.vn")
    ]
    assert citizen.get(path).status_code == 401
    # the comments are never on the public page
    assert "htx.binhan@example.vn" not in page

    # the last day (Vietnam's time) still takes comments; the next does not
    clock[0] = datetime(2026, 12, 18, 16, 59, tzinfo=UTC)  # 23:59 in Hà Nội
    assert citizen.post(path, json=comment(body="Góp ý ngày cuối.")).status_code == 201
    clock[0] += timedelta(minutes=2)  # 00:01 on 19/12 in Hà Nội
    closed = citizen.post(path, json=comment(body="Góp ý muộn."))
    assert closed.status_code == 409
    assert closed.json()["code"] == "consultation_closed"
    assert "Đã hết hạn góp ý" in closed.json()["errors"][0]["vi"]
    page = citizen.get(f"/sites/{SITE}/items/{item['slug']}").text
    assert "Đã hết hạn góp ý (18/12/2026)" in page and "gop-y" not in page


def test_only_published_consultations_take_comments(
    citizen: httpx.Client, api: dict[str, Api]
) -> None:
    draft = api["thanhvien1"].create(category="lay-y-kien", metadata=CONSULTATION)
    news = api["thanhvien1"].create()
    for item in (draft, news):
        answer = citizen.post(f"/api/v1/items/{item['id']}/public-comments", json=comment())
        assert answer.status_code == 404


def test_the_public_form_keeps_what_was_typed_and_is_inert(
    citizen: httpx.Client, api: dict[str, Api], clock: list[datetime]
) -> None:
    item = published_draft(api)
    url = f"/sites/{SITE}/items/{item['slug']}"
    token = re.search(r'name="form_token" value="([^"]+)"', citizen.get(url).text)
    assert token
    hostile = '<script>alert(1)</script> *nghiêng* <a href="javascript:x">a</a>'
    fields = comment(body=hostile, form_token=token.group(1))
    too_soon = citizen.post(f"{url}/gop-y", data=fields)
    assert too_soon.status_code == 400
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in too_soon.text  # kept, as text
    assert "<script>alert(1)" not in too_soon.text
    clock[0] += timedelta(seconds=30)
    sent = citizen.post(f"{url}/gop-y", data=fields)
    assert sent.status_code == 201, sent.text
    stored = api["truongban"].get(f"/api/v1/items/{item['id']}/public-comments").json()
    assert stored["comments"][0]["body"] == hostile
    # the same comment twice is a duplicate
    again = citizen.post(f"/api/v1/items/{item['id']}/public-comments", json=comment(body=hostile))
    assert again.status_code == 409 and again.json()["code"] == "duplicate"


def test_flooding_comments_gets_429(citizen: httpx.Client, api: dict[str, Api]) -> None:
    item = published_draft(api)
    path = f"/api/v1/items/{item['id']}/public-comments"
    for n in range(10):
        assert citizen.post(path, json=comment(body=f"Góp ý số {n}.")).status_code == 201
    assert citizen.post(path, json=comment(body="Góp ý số 11.")).status_code == 429
