"""Two writers, retries with Idempotency-Key, and paging through /changes."""

from __future__ import annotations

import threading
import uuid

import httpx

from tests.portal.conftest import Api


def _update(api: Api, item: dict, body: dict, key: str | None = None) -> httpx.Response:
    headers = {"If-Match": f'"{item["version"]}"'}
    if key:
        headers["Idempotency-Key"] = key
    return api.put(f"/api/v1/items/{item['id']}", json=body, headers=headers)


def test_two_writers_on_the_same_version_one_gets_412(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    other = Api(member.url, "thanhvien1").login()
    item = member.create()
    barrier = threading.Barrier(2)
    answers: list[httpx.Response] = []

    def write(session: Api, title: str) -> None:
        barrier.wait()
        answers.append(_update(session, item, {"title": title}))

    threads = [
        threading.Thread(target=write, args=(member, "Tiêu đề A")),
        threading.Thread(target=write, args=(other, "Tiêu đề B")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(a.status_code for a in answers) == [200, 412]
    winner = next(a for a in answers if a.status_code == 200).json()
    stale = next(a for a in answers if a.status_code == 412).json()
    assert stale["code"] == "stale_version"
    assert stale["current"] == winner and winner["version"] == 2


def test_an_idempotent_retry_has_one_effect(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    item = member.create()
    key = str(uuid.uuid4())
    first = _update(member, item, {"title": "Một lần thôi"}, key)
    again = _update(member, item, {"title": "Một lần thôi"}, key)
    assert first.status_code == again.status_code == 200
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert again.json() == first.json() and again.headers["ETag"] == first.headers["ETag"]
    versions = member.get(f"/api/v1/items/{item['id']}/versions").json()["versions"]
    assert [v["action"] for v in versions] == ["create", "update"]

    reused = _update(member, item, {"title": "Nội dung khác"}, key)
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"

    # keys are per caller: another person's same key is a new request
    action_key = str(uuid.uuid4())
    submit = member.post(
        f"/api/v1/items/{item['id']}/actions",
        json={"action": "submit", "expected_version": 2},
        headers={"Idempotency-Key": action_key},
    )
    replay = member.post(
        f"/api/v1/items/{item['id']}/actions",
        json={"action": "submit", "expected_version": 2},
        headers={"Idempotency-Key": action_key},
    )
    assert submit.status_code == replay.status_code == 200
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert member.get(f"/api/v1/items/{item['id']}").json()["version"] == 3
    deputy_try = api["phoban"].post(
        f"/api/v1/items/{item['id']}/actions",
        json={"action": "submit", "expected_version": 2},
        headers={"Idempotency-Key": action_key},
    )
    assert deputy_try.status_code == 409 and "Idempotent-Replayed" not in deputy_try.headers


def test_creating_twice_with_the_same_key_replays_the_201(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    item_id = str(uuid.uuid4())
    headers = {"If-None-Match": "*", "Idempotency-Key": "tao-" + item_id}
    body = {"site": "so", "title": "Tin mới", "category": "tin-tuc"}
    first = member.put(f"/api/v1/items/{item_id}", json=body, headers=headers)
    second = member.put(f"/api/v1/items/{item_id}", json=body, headers=headers)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.headers["Idempotent-Replayed"] == "true"
    without_key = member.put(f"/api/v1/items/{item_id}", json=body, headers={"If-None-Match": "*"})
    assert without_key.status_code == 412 and without_key.json()["code"] == "already_exists"
    assert without_key.json()["current"]["id"] == item_id


def test_changes_paging_returns_every_change_exactly_once(api: dict[str, Api]) -> None:
    member, deputy = api["thanhvien1"], api["phoban"]
    made = [member.create(title=f"Tin số {n}") for n in range(12)]
    for item in made[:8]:
        submitted = member.act(item, "submit").json()
        if item in made[:3]:
            deputy.post(f"/api/v1/items/{item['id']}/comments", json={"body": "Đã xem."})
            deputy.act(submitted, "return", "Sửa lại.")

    seen: list[tuple[str, str]] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3, **({"since": cursor} if cursor else {})}
        page = member.get("/api/v1/changes", params=params).json()
        assert len(page["changes"]) <= 3
        pages += 1
        for change in page["changes"]:
            obj = change[change["kind"]]
            seen.append((change["kind"], obj["id"]))
        cursor = page["cursor"]
        if not page["has_more"]:
            break
    items = [ident for kind, ident in seen if kind == "item"]
    assert sorted(items) == sorted(i["id"] for i in made)  # each item once
    assert len(set(seen)) == len(seen) == 12 + 3 * 2  # + a comment and a return reason each
    assert pages >= 6
    # nothing new: the last cursor gives an empty page
    tail = member.get("/api/v1/changes", params={"since": cursor}).json()
    assert tail["changes"] == [] and tail["has_more"] is False
    # each item comes at its latest state
    latest = {c["item"]["id"]: c["item"]["state"] for c in member.changes() if c["kind"] == "item"}
    assert sorted(latest.values()) == sorted(["draft"] * 4 + ["submitted"] * 5 + ["draft"] * 3)
