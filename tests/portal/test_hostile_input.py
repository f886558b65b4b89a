"""Issue 15: input that used to reach the storage and fail there (a 500 in plain text, without
the security headers) is refused first, as a problem document; what does fail unexpectedly is
still a problem document; slugs cannot collide; ids are names, not path segments; a repeated
``Idempotency-Key`` must repeat its preconditions; a comment posted again shows what is there."""

from __future__ import annotations

import base64
import logging
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from portal.board import service
from portal.server import PortalServer
from tests.portal.conftest import Api

SECURITY_HEADERS = ("x-content-type-options", "x-frame-options", "content-security-policy")


def assert_problem(answer: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """A problem document with the security headers, the only shape an error may take."""
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json"), answer.text
    for header in SECURITY_HEADERS:
        assert header in answer.headers, header
    problem = answer.json()
    assert problem["status"] == status
    if code is not None:
        assert problem["code"] == code, problem
    return problem


def nested(depth: int, leaf: bytes = b"1") -> bytes:
    """A JSON object nested ``depth`` levels: {"a": {"a": … 1 …}}."""
    return b'{"a": ' * depth + leaf + b"}" * depth


@pytest.fixture
def draft(api: dict[str, Api]) -> dict[str, Any]:
    return api["thanhvien1"].create(title="Tin gốc")


def _put_raw(api: Api, item: dict[str, Any], body: bytes) -> httpx.Response:
    headers = {"If-Match": f'"{item["version"]}"', "Content-Type": "application/json"}
    return api.put(f"/api/v1/items/{item['id']}", content=body, headers=headers)


def _unchanged(api: Api, item: dict[str, Any]) -> None:
    now = api.get(f"/api/v1/items/{item['id']}").json()
    assert (now["version"], now["metadata"]) == (item["version"], item["metadata"])


BIG_NUMBERS = {
    "2^64 in metadata": b'{"metadata": {"so_luong": 18446744073709551616}}',
    "2^63 in metadata": b'{"metadata": {"so_luong": 9223372036854775808}}',
    "-2^63-1 in a list": b'{"metadata": {"ds": [1, -9223372036854775809]}}',
    "10^30 deep inside": b'{"metadata": {"a": {"b": [{"c": 1000000000000000000000000000000}]}}}',
}


@pytest.mark.parametrize("case", list(BIG_NUMBERS))
def test_an_integer_beyond_64_bits_is_refused_not_a_500(
    api: dict[str, Api], draft: dict[str, Any], case: str
) -> None:
    member = api["thanhvien1"]
    problem = assert_problem(_put_raw(member, draft, BIG_NUMBERS[case]), 422, "invalid")
    assert problem["errors"][0]["code"] == "number_out_of_range"
    assert problem["errors"][0]["vi"] and problem["errors"][0]["en"]
    _unchanged(member, draft)


def test_big_integers_anywhere_in_json_are_refused(
    api: dict[str, Api], draft: dict[str, Any]
) -> None:
    member = api["thanhvien1"]
    big = b"100000000000000000000"
    answers = [
        member.post(
            f"/api/v1/items/{draft['id']}/actions",
            content=b'{"action": "submit", "expected_version": ' + big + b"}",
            headers={"Content-Type": "application/json"},
        ),
        member.put(
            f"/api/v1/items/{uuid.uuid4()}",
            content=b'{"site": "so", "metadata": {"n": ' + big + b"}}",
            headers={"If-None-Match": "*", "Content-Type": "application/json"},
        ),
        member.post(
            f"/api/v1/items/{draft['id']}/comments",
            content=b'{"body": "x", "id": ' + big + b"}",
            headers={"Content-Type": "application/json"},
        ),
        api["truongban"].post(
            "/api/v1/sites/so/grants",
            content=b'{"grantee": "thanhvien2", "step": "edit", "decision_ref": "1", '
            + b'"categories": ['
            + big
            + b"]}",
            headers={"Content-Type": "application/json"},
        ),
    ]
    for answer in answers:
        assert_problem(answer, 422, "invalid")
    _unchanged(member, draft)


@pytest.mark.parametrize("depth", [9, 254, 255, 500, 990, 1020])
def test_deeply_nested_metadata_is_refused(
    api: dict[str, Api], draft: dict[str, Any], depth: int
) -> None:
    member = api["thanhvien1"]
    body = b'{"metadata": ' + nested(depth) + b"}"
    problem = assert_problem(_put_raw(member, draft, body), 422, "invalid")
    assert problem["errors"][0]["field"].startswith("metadata")
    _unchanged(member, draft)


def test_metadata_within_the_limits_is_kept(api: dict[str, Api], draft: dict[str, Any]) -> None:
    member = api["thanhvien1"]
    metadata = {"so_luong": 2**63 - 1, "am": -(2**63), "sau": {"a": {"b": {"c": {"d": [1]}}}}}
    answer = member.put(
        f"/api/v1/items/{draft['id']}",
        json={"metadata": metadata},
        headers={"If-Match": f'"{draft["version"]}"'},
    )
    assert answer.status_code == 200, answer.text
    assert member.get(f"/api/v1/items/{draft['id']}").json()["metadata"] == metadata


def test_a_cursor_holding_a_huge_number_is_refused(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    for text in ("c1:100000000000000000000", "c1:2147483648", "c1:١٢", "c1:1_0"):
        cursor = base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")
        assert_problem(member.get("/api/v1/changes", params={"since": cursor}), 422, "invalid")
    largest = base64.urlsafe_b64encode(b"c1:2147483647").decode().rstrip("=")
    page = member.get("/api/v1/changes", params={"since": largest})
    assert page.status_code == 200 and page.json()["changes"] == []


def test_the_audit_logs_since_takes_only_ids_and_dates(api: dict[str, Api]) -> None:
    head = api["truongban"]
    for since in (
        "²",
        "١٢",
        "99999999999999999999999",
        "2147483648",
        "0001-01-01T00:00+01:00",
    ):
        answer = head.get("/api/v1/sites/so/audit", params={"since": since})
        assert_problem(answer, 422, "invalid")
    assert head.get("/api/v1/sites/so/audit", params={"since": "2147483647"}).json()["events"] == []
    assert head.get("/api/v1/sites/so/audit", params={"since": "2026-01-01"}).status_code == 200


def _publish(api: dict[str, Api], item_id: str, title: str) -> httpx.Response:
    member = api["thanhvien1"]
    item = member.act(member.create(item_id, title=title), "submit").json()
    item = api["phoban"].act(item, "forward").json()
    return api["truongban"].act(item, "approve")


def test_two_items_with_alike_titles_and_ids_both_publish(api: dict[str, Api]) -> None:
    """Their slugs used to be the folded title and the id's first 8 characters: the second
    approval failed on UNIQUE items.slug at every try, and the item stayed in ``edited``."""
    first = _publish(api, "aaaaaaaa-1111-4111-8111-111111111111", "Tin vui")
    second = _publish(api, "aaaaaaaa-2222-4222-8222-222222222222", "Tín vụi")
    third = _publish(api, "aaaaaaaa", "Tin  VUI!")
    fourth = _publish(api, "aaaaaaaa-x", "Tin vui")
    answers = [first, second, third, fourth]
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]
    slugs = [a.json()["slug"] for a in answers]
    assert len(set(slugs)) == 4, slugs
    public = api["thanhvien1"].client
    for answer in answers:
        page = public.get(f"/items/{answer.json()['slug']}")
        assert page.status_code == 200 and answer.json()["id"] not in ("",)


@pytest.mark.parametrize("raw", [".", "..", "%2E", "%2e%2E", "a.b", "-a", "a~b", "x" * 65])
def test_an_item_id_is_a_name_not_a_path_segment(api: dict[str, Api], raw: str) -> None:
    member = api["thanhvien1"]
    request = member.client.build_request(
        "PUT",
        "/api/v1/items/PLACEHOLDER",
        json={"site": "so", "title": "x"},
        headers={**member.headers(), "If-None-Match": "*"},
    )
    # the raw path as the attacker sent it (httpx would resolve "." and ".." itself)
    request.url = request.url.copy_with(raw_path=f"/api/v1/items/{raw}".encode())
    answer = member.client.send(request)
    assert answer.status_code in (404, 405, 422), answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert member.changes() == []


def test_a_uuid_and_a_plain_name_are_ids(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    for item_id in (str(uuid.uuid4()), str(uuid.uuid4()).upper(), "abc-1", "A_b-9", "x"):
        assert member.create(item_id)["id"] == item_id


def test_the_same_key_with_another_precondition_is_another_request(
    api: dict[str, Api], draft: dict[str, Any]
) -> None:
    member = api["thanhvien1"]
    path = f"/api/v1/items/{draft['id']}"
    body = {"summary": "Sapo mới"}
    first = member.put(path, json=body, headers={"If-Match": '"1"', "Idempotency-Key": "k-1"})
    assert first.status_code == 200
    replay = member.put(path, json=body, headers={"If-Match": '"1"', "Idempotency-Key": "k-1"})
    assert replay.status_code == 200 and replay.headers["idempotent-replayed"] == "true"
    other = member.put(path, json=body, headers={"If-Match": '"2"', "Idempotency-Key": "k-1"})
    assert_problem(other, 422, "idempotency_key_reused")
    bare = member.put(path, json=body, headers={"Idempotency-Key": "k-1"})
    assert_problem(bare, 422, "idempotency_key_reused")

    new_id = str(uuid.uuid4())
    create = {"site": "so", "title": "Tin mới"}
    made = member.put(
        f"/api/v1/items/{new_id}",
        json=create,
        headers={"If-None-Match": "*", "Idempotency-Key": "k-2"},
    )
    assert made.status_code == 201
    as_update = member.put(
        f"/api/v1/items/{new_id}",
        json=create,
        headers={"If-Match": '"1"', "Idempotency-Key": "k-2"},
    )
    assert_problem(as_update, 422, "idempotency_key_reused")
    assert member.get(f"/api/v1/items/{new_id}").json()["version"] == 1


@pytest.fixture
def clock(server: PortalServer) -> Iterator[list[datetime]]:
    moment = [datetime.now(UTC)]
    server.app.state.clock = lambda: moment[0]
    yield moment
    server.app.state.clock = lambda: datetime.now(UTC)


def test_a_comment_posted_again_after_its_key_expired_gets_the_comment_as_current(
    server: PortalServer, api: dict[str, Api], clock: list[datetime]
) -> None:
    member, deputy = api["thanhvien1"], api["phoban"]
    item = member.act(member.create(), "submit").json()
    comment_id = str(uuid.uuid4())
    body = {"id": comment_id, "body": "Đề nghị bổ sung số liệu."}
    first = deputy.post(
        f"/api/v1/items/{item['id']}/comments", json=body, headers={"Idempotency-Key": comment_id}
    )
    assert first.status_code == 201
    clock[0] += timedelta(hours=25)  # the idempotency record is gone after 24 hours
    deputy.login()
    again = deputy.post(
        f"/api/v1/items/{item['id']}/comments", json=body, headers={"Idempotency-Key": comment_id}
    )
    problem = assert_problem(again, 409, "already_exists")
    assert problem["current"] == first.json()
    assert again.headers.get("idempotent-replayed") is None
    # someone who may not see the comment's item learns nothing about it
    member.login()
    secret = member.create()  # a draft: its author's alone
    hidden = {"id": str(uuid.uuid4()), "body": "Ghi chú riêng."}
    assert member.post(f"/api/v1/items/{secret['id']}/comments", json=hidden).status_code == 201
    stranger = api["thanhvien2"].login()
    elsewhere = stranger.post(f"/api/v1/items/{stranger.create()['id']}/comments", json=hidden)
    problem = assert_problem(elsewhere, 409, "already_exists")
    assert "current" not in problem


def test_an_unexpected_error_is_a_logged_problem_with_the_headers(
    api: dict[str, Api],
    draft: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A fault no input can cause now (the storage failing), injected into the service."""

    def broken(*_args: Any, **_kw: Any) -> Any:
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(service, "visible_item", broken)
    member = api["thanhvien1"]
    with caplog.at_level(logging.ERROR, logger="portal.errors"):
        answer = member.get(f"/api/v1/items/{draft['id']}")
        put = member.put(
            f"/api/v1/items/{draft['id']}",
            json={"title": "x"},
            headers={"If-Match": '"1"', "Idempotency-Key": "sau-loi"},
        )
    problem = assert_problem(answer, 500, "internal_error")
    assert "disk" not in answer.text  # nothing of the inside is shown
    assert problem["errors"][0]["vi"] and problem["errors"][0]["en"]
    assert answer.headers["cache-control"] == "no-store"
    assert_problem(put, 500, "internal_error")
    logged = [r for r in caplog.records if r.name == "portal.errors"]
    assert len(logged) == 2 and "the disk is on fire" in str(logged[0].exc_info[1])
    monkeypatch.undo()
    # the failed write was not kept as the key's answer: the retry runs
    retry = member.put(
        f"/api/v1/items/{draft['id']}",
        json={"title": "x"},
        headers={"If-Match": '"1"', "Idempotency-Key": "sau-loi"},
    )
    assert retry.status_code == 200, retry.text
