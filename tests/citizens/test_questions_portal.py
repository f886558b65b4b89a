"""Citizens' questions over real HTTP (issue 18): a stranger asks, the board answers through the
three steps with three accounts, the public pages show it without contact details; the
anonymous write's defences."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta

import httpx

from portal.server import PortalServer
from tests.citizens.conftest import SITE, question
from tests.portal.conftest import Api

QUESTIONS = f"/api/v1/sites/{SITE}/questions"


def ask(citizen: httpx.Client, **overrides: object) -> dict[str, object]:
    answer = citizen.post(QUESTIONS, json=question(**overrides))
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_a_citizen_asks_and_gets_a_published_answer(
    citizen: httpx.Client, api: dict[str, Api], clock: list[datetime]
) -> None:
    created = ask(citizen)
    assert set(created) == {"id", "tracking_code", "due_date"}
    # received Monday 7/12/2026: 15 working days → Monday 28/12/2026
    assert created["due_date"] == "2026-12-28"
    code = created["tracking_code"]
    tracked = citizen.get(f"/api/v1/public/questions/{code}").json()
    assert tracked == {"state": "received", "due_date": "2026-12-28"}

    # the board sees it, contact details included
    listed = api["thanhvien1"].get(QUESTIONS).json()["questions"]
    assert [q["tracking_code"] for q in listed] == [code]
    assert listed[0]["email"] == "dan.nguyen@example.vn"
    assert listed[0]["late"] is False
    # a stranger does not
    assert citizen.get(QUESTIONS).status_code == 401

    # thanhvien1 writes the answer as an item of the Q&A section and links it
    item = api["thanhvien1"].create(
        category="hoi-dap",
        title="Trả lời: thủ tục cấp lại giấy phép lái xe bị mất",
        summary="Thủ tục cấp lại giấy phép lái xe thực hiện tại Sở Xây dựng.",
        body="Ông (bà) nộp hồ sơ tại **Trung tâm phục vụ hành chính công** tỉnh.",
    )
    linked = api["thanhvien1"].post(
        f"{QUESTIONS}/{created['id']}/actions", json={"action": "answer", "item_id": item["id"]}
    )
    assert linked.status_code == 200, linked.text
    assert linked.json()["state"] == "assigned"
    # not answered before step 3
    assert citizen.get(f"/api/v1/public/questions/{code}").json()["state"] == "assigned"

    clock[0] += timedelta(minutes=5)
    submitted = api["thanhvien1"].act(item, "submit").json()
    forwarded = api["phoban"].act(submitted, "forward").json()
    approved = api["truongban"].act(forwarded, "approve")
    assert approved.status_code == 200, approved.text
    assert approved.json()["state"] == "published"

    tracked = citizen.get(f"/api/v1/public/questions/{code}").json()
    assert tracked["state"] == "answered"
    slug = approved.json()["slug"]
    assert tracked["url"] == f"/sites/{SITE}/items/{slug}"
    board_view = api["truongban"].get(f"{QUESTIONS}/{created['id']}").json()
    assert board_view["state"] == "answered" and board_view["late"] is False

    # the public pages: the question and its answer, never the contact details
    page = citizen.get(tracked["url"])
    assert page.status_code == 200
    assert "Tôi bị mất giấy phép lái xe hạng B2." in page.text
    qa = citizen.get(f"/sites/{SITE}/hoi-dap")
    assert "Thủ tục cấp lại giấy phép lái xe bị mất" in qa.text
    track_page = citizen.get(f"/sites/{SITE}/hoi-dap/tra-cuu", params={"ma": code})
    assert "Đã trả lời" in track_page.text and tracked["url"] in track_page.text
    for text in (page.text, qa.text, track_page.text):
        assert "dan.nguyen@example.vn" not in text
        assert "0912 345 678" not in text
        assert "Nguyễn Văn Dân" not in text


def test_redirect_and_decline_are_what_the_asker_reads(
    citizen: httpx.Client, api: dict[str, Api]
) -> None:
    first = ask(citizen)
    second = ask(citizen, title="Giá đất năm 2027", body="Bảng giá đất năm 2027 khi nào có?")
    redirected = api["phoban"].post(
        f"{QUESTIONS}/{first['id']}/actions",
        json={
            "action": "redirect",
            "agency": "Sở Xây dựng",
            "comment": "Câu hỏi thuộc thẩm quyền của Sở Xây dựng.",
        },
    )
    assert redirected.status_code == 200, redirected.text
    assert citizen.get(f"/api/v1/public/questions/{first['tracking_code']}").json() == {
        "state": "redirected",
        "due_date": first["due_date"],
        "redirected_to": "Sở Xây dựng",
        "comment": "Câu hỏi thuộc thẩm quyền của Sở Xây dựng.",
    }
    declined = api["truongban"].post(
        f"{QUESTIONS}/{second['id']}/actions",
        json={"action": "decline", "comment": "Nội dung đã được công bố tại mục Giá đất."},
    )
    assert declined.json()["state"] == "declined"
    # closed questions take no more actions
    again = api["truongban"].post(
        f"{QUESTIONS}/{second['id']}/actions", json={"action": "assign", "assignee": "thanhvien2"}
    )
    assert again.status_code == 422 and again.json()["code"] == "question_closed"
    # a redirect without an agency is refused with the field named
    third = ask(citizen, title="Câu hỏi thứ ba", body="Nội dung thứ ba.")
    bad = api["phoban"].post(
        f"{QUESTIONS}/{third['id']}/actions", json={"action": "redirect", "comment": "x"}
    )
    assert bad.status_code == 422


def test_assignment_to_a_board_member_and_late_marking(
    citizen: httpx.Client, api: dict[str, Api], clock: list[datetime]
) -> None:
    created = ask(citizen)
    assigned = (
        api["phoban"]
        .post(
            f"{QUESTIONS}/{created['id']}/actions",
            json={"action": "assign", "assignee": "thanhvien2"},
        )
        .json()
    )
    assert assigned["assigned_to"] == "thanhvien2" and assigned["state"] == "assigned"
    outsider = api["phoban"].post(
        f"{QUESTIONS}/{created['id']}/actions", json={"action": "assign", "assignee": "quantri"}
    )
    assert outsider.status_code == 422 and outsider.json()["code"] == "not_on_board"
    clock[0] += timedelta(days=21)  # Monday 28/12 is the due date: still on time
    api["phoban"].login()  # the access token expired meanwhile
    assert api["phoban"].get(f"{QUESTIONS}/{created['id']}").json()["late"] is False
    clock[0] += timedelta(days=1)
    api["phoban"].login()
    assert api["phoban"].get(f"{QUESTIONS}/{created['id']}").json()["late"] is True


def test_flooding_from_one_address_gets_429(citizen: httpx.Client) -> None:
    for n in range(5):
        ask(citizen, title=f"Câu hỏi số {n}", body=f"Nội dung câu hỏi số {n}.")
    refused = citizen.post(QUESTIONS, json=question(title="Thêm một", body="Thêm nữa."))
    assert refused.status_code == 429
    assert refused.json()["code"] == "rate_limited"
    assert int(refused.headers["Retry-After"]) > 0


def test_an_hour_later_the_address_may_ask_again(
    citizen: httpx.Client, clock: list[datetime]
) -> None:
    for n in range(5):
        ask(citizen, title=f"Câu hỏi số {n}", body=f"Nội dung câu hỏi số {n}.")
    clock[0] += timedelta(hours=1, seconds=1)
    ask(citizen, title="Một giờ sau", body="Hỏi lại sau một giờ.")


def test_duplicates_honeypot_and_fill_time(
    citizen: httpx.Client, server: PortalServer, clock: list[datetime]
) -> None:
    ask(citizen)
    duplicate = citizen.post(QUESTIONS, json=question(body=question()["body"].upper()))
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "duplicate"
    robot = citizen.post(QUESTIONS, json=question(title="Khác", website="http://spam.example"))
    assert robot.status_code == 400 and robot.json()["code"] == "spam_suspected"

    # the public form: its token says when it was shown
    form = citizen.get("/hoi-dap" if False else f"/sites/{SITE}/hoi-dap").text
    match = re.search(r'name="form_token" value="([^"]+)"', form)
    assert match
    token = match.group(1)
    fields = question(title="Điền nhanh quá", body="Gửi ngay.") | {"form_token": token}
    fast = citizen.post(f"/sites/{SITE}/hoi-dap", data=fields)
    assert fast.status_code == 400 and "gửi tự động" in fast.text
    assert "Điền nhanh quá" in fast.text  # what was typed comes back
    clock[0] += timedelta(seconds=20)
    sent = citizen.post(f"/sites/{SITE}/hoi-dap", data=fields)
    assert sent.status_code == 201, sent.text
    code = re.search(r'class="tracking-code">(\w+)<', sent.text)
    assert code and citizen.get(f"/api/v1/public/questions/{code.group(1)}").status_code == 200
    forged = citizen.post(
        QUESTIONS, json=question(title="Giả", body="Giả mạo.", form_token=token[:-2] + "00")
    )
    assert forged.status_code == 400
    # a form post without its token is a robot's
    bare = citizen.post(f"/sites/{SITE}/hoi-dap", data=question(title="Không mã", body="x"))
    assert bare.status_code == 400
    # a form with a hundred fields, or not even urlencoded: refused with the form shown again
    many = "&".join(f"f{n}=x" for n in range(100))
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    crowded = citizen.post(f"/sites/{SITE}/hoi-dap", content=many, headers=headers)
    assert crowded.status_code == 422 and "Gửi câu hỏi" in crowded.text
    garbage = citizen.post(f"/sites/{SITE}/hoi-dap", content=b"\xff\xfe", headers=headers)
    assert garbage.status_code == 422


def test_size_limits_and_bad_fields_are_named(citizen: httpx.Client) -> None:
    long = citizen.post(QUESTIONS, json=question(body="a" * 10_001))
    assert long.status_code == 422
    assert [e["field"] for e in long.json()["errors"]] == ["body"]
    bad = citizen.post(QUESTIONS, json=question(email="không-phải-thư", name=""))
    assert {e["field"] for e in bad.json()["errors"]} == {"email", "name"}
    assert all(e["vi"] and e["en"] for e in bad.json()["errors"])
    huge = citizen.post(QUESTIONS, json=question(body="a" * 3_000_000))
    assert huge.status_code in (413, 422)
    assert citizen.post(QUESTIONS, json={"title": "x"}).status_code == 422
    assert citizen.post("/api/v1/sites/khong-co/questions", json=question()).status_code == 404
    assert citizen.get("/api/v1/public/questions/KHONGCO").status_code == 404


HOSTILE = (
    '<script>alert("x")</script> **đậm** [link](javascript:alert(1)) <img src=x onerror=alert(1)>'
)


def test_hostile_text_in_every_field_is_inert(
    citizen: httpx.Client, api: dict[str, Api], clock: list[datetime]
) -> None:
    created = ask(
        citizen,
        name=HOSTILE[:120],
        title=HOSTILE,
        body=HOSTILE + "\n" + HOSTILE,
    )
    stored = api["truongban"].get(f"{QUESTIONS}/{created['id']}").json()
    assert stored["title"] == HOSTILE  # kept as typed: it is text
    redirected = api["truongban"].post(
        f"{QUESTIONS}/{created['id']}/actions",
        json={"action": "redirect", "agency": HOSTILE, "comment": HOSTILE},
    )
    assert redirected.status_code == 200
    page = citizen.get(f"/sites/{SITE}/hoi-dap/tra-cuu", params={"ma": created["tracking_code"]})
    assert "<script>" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;" in page.text
    assert "<strong>đậm</strong>" not in page.text
    # and in the answered list
    other = ask(citizen, title=HOSTILE + " 2", body=HOSTILE + " 2")
    item = api["thanhvien1"].create(category="hoi-dap", title="Trả lời", body="Trả lời.")
    api["thanhvien1"].post(
        f"{QUESTIONS}/{other['id']}/actions", json={"action": "answer", "item_id": item["id"]}
    )
    submitted = api["thanhvien1"].act(item, "submit").json()
    forwarded = api["phoban"].act(submitted, "forward").json()
    published = api["truongban"].act(forwarded, "approve").json()
    for path in (f"/sites/{SITE}/hoi-dap", f"/sites/{SITE}/items/{published['slug']}"):
        text = citizen.get(path).text
        assert "<script>" not in text and "<img" not in text
        assert "&lt;script&gt;" in text
        assert 'href="javascript' not in text


def test_an_answer_must_be_an_item_of_the_same_site(
    citizen: httpx.Client, api: dict[str, Api]
) -> None:
    created = ask(citizen)
    future = str(uuid.uuid4())  # not yet on the portal (written offline): accepted
    done = api["thanhvien1"].post(
        f"{QUESTIONS}/{created['id']}/actions", json={"action": "answer", "item_id": future}
    )
    assert done.status_code == 200 and done.json()["answer_item"] == future


def test_parallel_flooding_cannot_pass_the_limit_together(server: PortalServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def send(n: int) -> int:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            body = question(title=f"Song song {n}", body=f"Nội dung song song {n}.")
            return client.post(QUESTIONS, json=body).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(send, range(12)))
    assert statuses == [201] * 5 + [429] * 7
