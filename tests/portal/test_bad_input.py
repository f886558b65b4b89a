"""Bad input gets the right 4xx with a problem document, and changes nothing."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from portal.api.guard import ITEM_LIMIT
from tests.portal.conftest import Api


@pytest.fixture
def draft(api: dict[str, Api]) -> dict[str, Any]:
    return api["thanhvien1"].create(title="Tin gốc")


def _state(api: Api, item_id: str) -> tuple[int, str, int]:
    item = api.get(f"/api/v1/items/{item_id}").json()
    return item["version"], item["title"], len(api.changes())


def _put(api: Api, item: dict[str, Any], **kw: Any) -> httpx.Response:
    headers = {"If-Match": f'"{item["version"]}"', **kw.pop("headers", {})}
    return api.put(f"/api/v1/items/{item['id']}", headers=headers, **kw)


CASES: dict[str, tuple[Callable[[Api, dict[str, Any]], httpx.Response], int, str]] = {
    "malformed json": (
        lambda a, i: _put(
            a, i, content=b'{"title": "x"', headers={"Content-Type": "application/json"}
        ),
        400,
        "malformed_json",
    ),
    "invalid utf-8": (
        lambda a, i: _put(
            a, i, content=b'{"title": "\xc3\x28"}', headers={"Content-Type": "application/json"}
        ),
        400,
        "invalid_utf8",
    ),
    "wrong type": (lambda a, i: _put(a, i, json={"title": 42}), 422, "invalid"),
    "wrong nested type": (lambda a, i: _put(a, i, json={"attachments": "abc"}), 422, "invalid"),
    "bad value": (lambda a, i: _put(a, i, json={"language": "xx"}), 422, "invalid"),
    "bad date": (lambda a, i: _put(a, i, json={"trigger_date": "31/12/2026"}), 422, "invalid"),
    "unknown field": (
        lambda a, i: _put(a, i, json={"title": "y", "colour": "red"}),
        422,
        "invalid",
    ),
    "workflow field": (lambda a, i: _put(a, i, json={"state": "published"}), 422, "invalid"),
    "oversize body": (
        lambda a, i: _put(a, i, json={"body": "x" * (ITEM_LIMIT + 10)}),
        413,
        "too_large",
    ),
    "oversize chunked body": (
        lambda a, i: _put(
            a,
            i,
            content=iter([b'{"body": "', b"x" * ITEM_LIMIT, b'"}']),
            headers={"Content-Type": "application/json"},
        ),
        413,
        "too_large",
    ),
    "missing If-Match": (
        lambda a, i: a.put(f"/api/v1/items/{i['id']}", json={"title": "y"}),
        428,
        "precondition_required",
    ),
    "stale If-Match": (
        lambda a, i: _put(a, i, json={"title": "y"}, headers={"If-Match": '"7"'}),
        412,
        "stale_version",
    ),
    "unknown category": (
        lambda a, i: _put(a, i, json={"category": "khong-co"}),
        422,
        "unknown_category",
    ),
    "return without comment": (
        lambda a, i: a.post(f"/api/v1/items/{i['id']}/actions", json={"action": "return"}),
        422,
        "comment_required",
    ),
    "unknown action": (
        lambda a, i: a.post(f"/api/v1/items/{i['id']}/actions", json={"action": "publish"}),
        422,
        "invalid",
    ),
    "action moved on": (
        lambda a, i: a.post(
            f"/api/v1/items/{i['id']}/actions", json={"action": "submit", "expected_version": 9}
        ),
        409,
        "moved_on",
    ),
    "no token": (
        lambda a, i: a.client.put(f"/api/v1/items/{i['id']}", json={"title": "y"}),
        401,
        "unauthenticated",
    ),
    "bad cursor": (
        lambda a, i: a.get("/api/v1/changes", params={"since": "not-a-cursor"}),
        422,
        "invalid",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_refused_and_changes_nothing(
    api: dict[str, Api], draft: dict[str, Any], case: str
) -> None:
    member = api["thanhvien1"]
    if case == "return without comment":  # an item the deputy may return
        draft = member.act(draft, "submit").json()
        member = api["phoban"]
    before = _state(api["thanhvien1"], draft["id"])
    request, status, code = CASES[case]
    answer = request(member, draft)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert (problem["status"], problem["code"]) == (status, code)
    assert problem["title"] and problem["detail"]
    if status == 412 or status == 409:
        assert problem["current"]["version"] == draft["version"]
    if code in ("invalid", "unknown_category", "comment_required"):
        assert problem["errors"] and all("vi" in e and "en" in e for e in problem["errors"])
    assert _state(api["thanhvien1"], draft["id"]) == before


def test_submit_with_missing_fields_lists_them(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    item = member.create(title="", body="")
    refused = member.act(item, "submit")
    assert refused.status_code == 422 and refused.json()["code"] == "incomplete"
    assert {e["field"] for e in refused.json()["errors"]} == {"title", "body"}
    assert member.get(f"/api/v1/items/{item['id']}").json()["version"] == 1


def test_create_needs_a_known_site_and_category(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    other_site = member.put(
        "/api/v1/items/abc-1", json={"site": "khac", "title": "x"}, headers={"If-None-Match": "*"}
    )
    assert other_site.status_code == 403
    no_cat = member.put(
        "/api/v1/items/abc-2",
        json={"site": "so", "category": "khong-co"},
        headers={"If-None-Match": "*"},
    )
    assert no_cat.status_code == 422 and no_cat.json()["code"] == "unknown_category"
    assert member.get("/api/v1/items/abc-2").status_code == 404
    assert member.changes() == []


def test_blob_hash_and_size_are_checked(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    wrong = member.put("/api/v1/blobs/" + "0" * 64, content=b"abc")
    assert wrong.status_code == 422 and wrong.json()["code"] == "hash_mismatch"
    assert member.get("/api/v1/blobs/" + "0" * 64).status_code == 404
    # a declared length over 20 MiB is refused before any of the body is read
    host, port = member.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw:
        raw.sendall(
            f"PUT /api/v1/blobs/{'1' * 64} HTTP/1.1\r\nHost: {host}\r\n"
            f"Authorization: Bearer {member.token}\r\n"
            f"Content-Length: {21 * 1024 * 1024}\r\n\r\n".encode()
        )
        chunks = []
        while chunk := raw.recv(4096):  # the server answers and closes the connection
            chunks.append(chunk)
        reply = b"".join(chunks).decode()
    assert reply.startswith("HTTP/1.1 413") and "too_large" in reply


def test_unknown_routes_and_methods_are_problems_too(api: dict[str, Api]) -> None:
    member = api["thanhvien1"]
    missing = member.get("/api/v1/khong-co")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong_method = member.client.delete("/api/v1/me")
    assert wrong_method.status_code == 405
    assert wrong_method.headers["content-type"].startswith("application/problem+json")
