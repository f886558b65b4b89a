"""Error mapping, token refresh and retries of the API client (httpx.MockTransport)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from desktop.sync import (
    AuthError,
    BadResponse,
    Forbidden,
    Invalid,
    MovedOn,
    NotFound,
    PortalClient,
    ServerTrouble,
    Stale,
)

ITEM = {"id": "i1", "site": "demo", "state": "draft", "version": 3, "title": "T"}


def client(handler: Callable[[httpx.Request], httpx.Response], **kw: Any) -> PortalClient:
    delays: list[float] = []

    async def sleep(delay: float) -> None:
        delays.append(delay)

    c = PortalClient(
        "http://127.0.0.1:9",
        refresh_token="r0",
        transport=httpx.MockTransport(handler),
        rng=random.Random(1),
        sleep=sleep,
        **kw,
    )
    c.access_token = "a0"
    c.delays = delays  # type: ignore[attr-defined]
    return c


def problem(status: int, code: str, **extra: Any) -> httpx.Response:
    return httpx.Response(status, json={"status": status, "code": code, "detail": code, **extra})


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (problem(403, "forbidden", errors=[{"vi": "Không được", "en": "No"}]), Forbidden),
        (problem(404, "not_found"), NotFound),
        (problem(412, "stale_version", current=ITEM), Stale),
        (problem(409, "moved_on", current=ITEM), MovedOn),
        (problem(422, "incomplete"), Invalid),
        (problem(413, "too_large"), Invalid),
    ],
)
async def test_error_answers_map_to_the_tree(answer: httpx.Response, error: type) -> None:
    c = client(lambda _r: answer)
    with pytest.raises(error) as raised:
        await c.item("i1")
    if isinstance(raised.value, Stale | MovedOn):
        assert raised.value.current["version"] == 3
    if isinstance(raised.value, Forbidden):
        assert raised.value.reason("vi") == "Không được"
    await c.aclose()


async def test_a_409_without_a_valid_current_is_a_bad_response() -> None:
    c = client(lambda _r: problem(409, "moved_on", current={"id": 1}))
    with pytest.raises(BadResponse):
        await c.item("i1")
    await c.aclose()


async def test_token_refreshed_once_on_401_then_auth_error() -> None:
    seen: list[str] = []
    saved: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.path} {request.headers.get('authorization')}")
        if request.url.path.endswith("auth/refresh"):
            body = json.loads(request.content)
            return httpx.Response(
                200,
                json={
                    "access_token": "a1",
                    "refresh_token": body["refresh_token"] + "+",
                    "user": {"username": "u", "sites": {}},
                },
            )
        if request.headers.get("authorization") == "Bearer a1":
            return httpx.Response(200, json=ITEM)
        return problem(401, "unauthenticated")

    c = client(handler, on_refresh_token=saved.append)
    assert (await c.item("i1"))["id"] == "i1"
    assert saved == ["r0+"] and len(seen) == 3
    c.access_token = "expired"
    c.refresh_token = "spent"

    def refuse(request: httpx.Request) -> httpx.Response:
        return problem(401, "token_revoked")

    c._http._transport = httpx.MockTransport(refuse)  # the family was revoked
    with pytest.raises(AuthError):
        await c.item("i1")
    await c.aclose()


async def test_5xx_and_network_errors_retry_with_backoff_then_offline() -> None:
    calls = {"n": 0}

    def flaky(_request: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        if calls["n"] == 1:
            raise httpx.ConnectError("refused")
        if calls["n"] < 4:
            return problem(503, "unavailable")
        return httpx.Response(200, json=ITEM)

    c = client(flaky, retries=3, backoff=0.1)
    assert (await c.item("i1"))["version"] == 3
    delays = c.delays  # type: ignore[attr-defined]
    assert len(delays) == 3 and delays[0] < delays[1] < delays[2]
    assert all(0.05 <= d <= 0.15 * 2**i for i, d in enumerate(delays))
    calls["n"] = -100  # reached every time, answering errors: not offline
    with pytest.raises(ServerTrouble):
        await c.item("i1")
    await c.aclose()


@pytest.mark.parametrize(
    "body",
    [
        b"<html>",
        b'{"id": "i1"}',
        b'{"id": "i1", "site": "demo", "state": "gone", "version": 1}',
        b'{"id": "i1", "site": "demo", "state": "draft", "version": true}',
        b"\xff\xfe",
    ],
)
async def test_bad_items_are_refused(body: bytes) -> None:
    c = client(lambda _r: httpx.Response(200, content=body))
    with pytest.raises(BadResponse):
        await c.item("i1")
    await c.aclose()


async def test_oversize_answer_is_refused() -> None:
    c = client(lambda _r: httpx.Response(200, json={**ITEM, "body": "x" * 5000}), max_answer=1000)
    with pytest.raises(BadResponse):
        await c.item("i1")
    await c.aclose()


def test_plain_http_only_on_loopback() -> None:
    with pytest.raises(ValueError):
        PortalClient("http://portal.example.gov.vn")
