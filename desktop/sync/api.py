"""The portal API client: one long-lived httpx.AsyncClient, typed errors, token refresh.

Every answer is validated before anyone may write it to the store (``BadResponse`` otherwise).
The access token lives in this object only; a rotated refresh token is handed to
``on_refresh_token`` (the credential store), never logged.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import os
import random
import ssl
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import orjson

from desktop.models import Item, ModelError
from desktop.security.transport import check_portal_url, ssl_context
from desktop.sync.errors import (
    AlreadyExists,
    AuthError,
    BadResponse,
    Forbidden,
    Invalid,
    MovedOn,
    NotFound,
    Offline,
    PasswordChangeRequired,
    Refused,
    ServerTrouble,
    Stale,
    Throttled,
)

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

#: Answers larger than this are refused (a page of 500 items of 2 MiB is not a thing).
MAX_ANSWER = 16 * 1024 * 1024
#: Answers at least this large (a page of items) are parsed and checked on a worker thread:
#: ~15 ms of parsing per 100-item page would otherwise stall the event loop (issue 8).
PARSE_OFF_LOOP = 64 * 1024


def check_url(base_url: str) -> str:
    """The portal's base URL: https, or plain http to this computer only (design.md)."""
    return check_portal_url(base_url)


def extra_ca_bundle() -> Path | None:
    """An organisation's own CA bundle (PEM) beside the OS trust store: PORTAL_DESK_CA_BUNDLE."""
    value = os.environ.get("PORTAL_DESK_CA_BUNDLE", "").strip()
    return Path(value) if value else None


def tls_verify() -> ssl.SSLContext:
    """Certificates checked against the operating system's trust store (truststore)."""
    return ssl_context(extra_ca_bundle())


def _transport_error() -> type[Exception]:
    import httpx

    return httpx.TransportError


class PortalClient:
    """Talks to one portal for one session."""

    def __init__(
        self,
        base_url: str,
        *,
        refresh_token: str | None = None,
        on_refresh_token: Callable[[str], None] | None = None,
        timeout: float = 15.0,
        retries: int = 3,
        backoff: float = 0.25,
        rng: random.Random | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        transport: httpx.AsyncBaseTransport | None = None,
        max_answer: int = MAX_ANSWER,
    ) -> None:
        self.base_url = check_url(base_url)
        self.refresh_token = refresh_token
        self.access_token: str | None = None
        self.on_refresh_token = on_refresh_token
        self.retries = retries
        self.backoff = backoff
        self.rng = rng or random.Random()
        self.sleep = sleep
        self.max_answer = max_answer
        self._refresh_lock = asyncio.Lock()
        self._timeout = timeout
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    @property
    def _http(self) -> httpx.AsyncClient:
        """The HTTP client, made at the first request: httpx and the trust store are loaded
        then, after the window's first paint, not before it (issue 21)."""
        if self._client is None:
            import httpx

            self._client = httpx.AsyncClient(
                base_url=self.base_url + "/api/v1/",
                timeout=self._timeout,
                transport=self._transport,
                verify=tls_verify(),
                headers={"Accept": "application/json"},
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def __aenter__(self) -> PortalClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- transport ----------------------------------------------------------------------------

    def backoff_delay(self, attempt: int) -> float:
        """Exponential backoff with jitter: about backoff·2^attempt, ±50 %."""
        return min(30.0, self.backoff * (2**attempt)) * (0.5 + self.rng.random())

    async def _once(
        self, method: str, path: str, headers: dict[str, str], body: bytes | None
    ) -> tuple[int, httpx.Headers, bytes]:
        request_headers = dict(headers)
        if self.access_token:
            request_headers["Authorization"] = f"Bearer {self.access_token}"
        async with self._http.stream(method, path, headers=request_headers, content=body) as r:
            declared = r.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.max_answer:
                raise BadResponse(f"answer of {declared} bytes is too large")
            chunks, size = [], 0
            async for chunk in r.aiter_bytes():
                size += len(chunk)
                if size > self.max_answer:
                    raise BadResponse("answer too large")
                chunks.append(chunk)
            return r.status_code, r.headers, b"".join(chunks)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        key: str | None = None,
        auth: bool = True,
        retry: bool = True,
    ) -> tuple[int, httpx.Headers, bytes]:
        """Send with retries (network errors, timeouts, 5xx) and one token refresh on 401."""
        sent = dict(headers or {})
        if key:
            sent["Idempotency-Key"] = key
        body = content
        if json_body is not None:
            # Sorted keys: a retry must send the same bytes, or the key counts as reused.
            body = json.dumps(json_body, ensure_ascii=False, sort_keys=True).encode("utf-8")
            sent["Content-Type"] = "application/json"
        if auth and not self.access_token:
            await self.refresh()
        refreshed = False
        attempt = 0
        while True:
            try:
                status, answer_headers, data = await self._once(method, path, sent, body)
            except _transport_error() as error:
                reason = type(error).__name__
                if not retry or attempt >= self.retries:
                    raise Offline(reason) from error
            else:
                in_progress = status == 409 and b"in_progress" in data
                if status >= 500 or in_progress:
                    reason = f"HTTP {status}"
                    if not retry or attempt >= self.retries:
                        raise ServerTrouble(reason, in_progress=in_progress)
                elif status == 401 and auth and not refreshed:
                    refreshed = True
                    await self.refresh(force=True)
                    continue
                else:
                    return status, answer_headers, data
            delay = self.backoff_delay(attempt)
            log.info("sync action=retry reason=%s attempt=%d delay=%.2fs", reason, attempt, delay)
            attempt += 1
            await self.sleep(delay)

    async def call(self, method: str, path: str, ok: tuple[int, ...] = (200,), **kw: Any) -> Any:
        """Send, map error answers to the error tree, and return the parsed JSON body."""
        status, _headers, data = await self.request(method, path, **kw)
        if status in ok:
            return parse_json(data) if data else None
        raise error_for(status, data)

    async def fetch(self, method: str, path: str, ok: tuple[int, ...] = (200,), **kw: Any) -> bytes:
        """Like ``call``, but the answer's raw bytes: the caller parses them where it suits."""
        status, _headers, data = await self.request(method, path, **kw)
        if status in ok:
            return data
        raise error_for(status, data)

    # -- sessions -----------------------------------------------------------------------------

    async def login(
        self, username: str, password: str, refresh_token: str | None = None
    ) -> dict[str, Any]:
        """Log in; returns the user (``me``). The password is not kept.

        ``refresh_token``: this device's own session of the account, when it holds one (the
        keychain's); it proves the device signed in before, so wrong passwords tried from
        elsewhere never make it wait (docs/api.md, "Throttling").
        """
        body = {"username": username, "password": password}
        if refresh_token:
            body["refresh_token"] = refresh_token
        status, _h, data = await self.request(
            "POST", "auth/token", json_body=body, auth=False, retry=False
        )
        return self._take_tokens(status, data)

    async def refresh(self, force: bool = False) -> None:
        """Trade the refresh token for a new pair (rotation); AuthError when it is refused."""
        token_before = self.access_token
        async with self._refresh_lock:
            if self.access_token != token_before and not force:
                return
            if not self.refresh_token:
                raise AuthError("no refresh token")
            # Never retried: a lost answer would make the retry reuse a spent token.
            status, _h, data = await self.request(
                "POST",
                "auth/refresh",
                json_body={"refresh_token": self.refresh_token},
                auth=False,
                retry=False,
            )
            self._take_tokens(status, data)

    def _take_tokens(self, status: int, data: bytes) -> dict[str, Any]:
        if status == 429:
            raise throttled(data)
        if status in (400, 401, 403):
            error = error_for(status, data)
            raise AuthError(getattr(error, "code", "") or str(status))
        if status != 200:
            raise error_for(status, data)
        answer = expect_dict(parse_json(data))
        access, refresh = answer.get("access_token"), answer.get("refresh_token")
        if not isinstance(access, str) or not isinstance(refresh, str) or not access:
            raise BadResponse("token answer without tokens")
        self.access_token = access
        self.refresh_token = refresh
        if self.on_refresh_token is not None:
            self.on_refresh_token(refresh)
        return validate_me(answer.get("user"))

    async def change_password(self, current: str, new: str) -> None:
        """Change one's own password (204). Never retried: a lost answer is not replayed.

        ``Forbidden`` (code ``bad_credentials``) for a wrong current password, ``Invalid`` with
        the policy's reasons (vi/en) for 422 ``weak_password``, ``Refused`` for a lock-out.
        The other sessions of the account are revoked by the portal; this one goes on.
        """
        await self.call(
            "POST",
            "auth/password",
            ok=(204,),
            json_body={"current_password": current, "new_password": new},
            retry=False,
        )

    async def logout(self) -> None:
        if self.refresh_token:
            await self.request(
                "POST",
                "auth/logout",
                json_body={"refresh_token": self.refresh_token},
                auth=False,
                retry=False,
            )
        self.access_token = self.refresh_token = None

    # -- directory ----------------------------------------------------------------------------

    async def me(self) -> dict[str, Any]:
        return validate_me(await self.call("GET", "me"))

    async def directory(self, site: str, kind: str) -> list[dict[str, Any]]:
        answer = expect_dict(await self.call("GET", f"sites/{site}/{kind}"))
        entries = answer.get(kind)
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise BadResponse(f"{kind}: expected a list of objects")
        for entry in entries:
            need = {"categories": "id", "members": "username", "grants": "grantee"}[kind]
            if not isinstance(entry.get(need), str):
                raise BadResponse(f"{kind}: an entry without {need}")
        return entries

    async def calendar(self, site: str) -> list[dict[str, Any]]:
        """The site's calendar notices (issue 6); empty from a portal that has none."""
        try:
            answer = expect_dict(await self.call("GET", f"sites/{site}/calendar"))
        except NotFound:
            return []
        entries = answer.get("calendar")
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise BadResponse("calendar: expected a list of objects")
        return entries

    # -- changes and items --------------------------------------------------------------------

    async def changes(
        self, since: str | None, limit: int = 100, *, shape: Callable[[Item], Any] | None = None
    ) -> dict[str, Any]:
        """One page of /changes, checked; a large page is parsed off the event loop.

        ``shape``, when given, turns each checked item into what the caller keeps, in the same
        worker job (the engine keeps compact store rows: see ``SyncEngine.pull``).
        """
        query = f"changes?limit={limit}" + (f"&since={since}" if since else "")
        data = await self.fetch("GET", query)
        job = functools.partial(parse_changes, data, shape)
        if len(data) < PARSE_OFF_LOOP:
            return job()
        return await asyncio.get_running_loop().run_in_executor(None, job)

    async def item(self, item_id: str) -> dict[str, Any]:
        return validate_item(await self.call("GET", f"items/{item_id}"))

    async def put_item(
        self, item_id: str, body: dict[str, Any], key: str, if_match: int | None
    ) -> dict[str, Any]:
        """Create (``if_match`` None: ``If-None-Match: *``) or update at version ``if_match``."""
        headers = {"If-None-Match": "*"} if if_match is None else {"If-Match": f'"{if_match}"'}
        answer = await self.call(
            "PUT", f"items/{item_id}", ok=(200, 201), json_body=body, headers=headers, key=key
        )
        return validate_item(answer)

    async def act(self, item_id: str, body: dict[str, Any], key: str) -> dict[str, Any]:
        answer = await self.call("POST", f"items/{item_id}/actions", json_body=body, key=key)
        return validate_item(answer)

    async def add_comment(self, item_id: str, body: dict[str, Any], key: str) -> dict[str, Any]:
        answer = await self.call(
            "POST", f"items/{item_id}/comments", ok=(200, 201), json_body=body, key=key
        )
        return validate_comment(answer)

    async def comments(self, item_id: str) -> list[dict[str, Any]]:
        answer = expect_dict(await self.call("GET", f"items/{item_id}/comments"))
        found = answer.get("comments")
        if not isinstance(found, list):
            raise BadResponse("comments: expected a list")
        return [validate_comment(c) for c in found]

    async def versions(self, item_id: str) -> list[dict[str, Any]]:
        answer = expect_dict(await self.call("GET", f"items/{item_id}/versions"))
        found = answer.get("versions")
        if not isinstance(found, list) or not all(
            isinstance(v, dict) and isinstance(v.get("version"), int) for v in found
        ):
            raise BadResponse("versions: expected a list of versions")
        return found

    async def put_blob(
        self, sha256: str, data: bytes, content_type: str, key: str, name: str = ""
    ) -> None:
        """Upload a file; ``name`` is the name it had on the person's disk (the public page
        shows it), sent as the ``name`` query parameter."""
        query = f"?{urlencode({'name': name})}" if name else ""
        await self.call(
            "PUT",
            f"blobs/{sha256}{query}",
            ok=(200, 201),
            content=data,
            headers={"Content-Type": content_type},
            key=key,
        )


# -- validation -------------------------------------------------------------------------------


def parse_json(data: bytes) -> Any:
    """Strict UTF-8 JSON (orjson: also refuses NaN, lone surrogates and 65-bit integers)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise BadResponse("the answer is not JSON") from error


def expect_dict(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadResponse("expected a JSON object")
    return value


def validate_item(value: Any) -> dict[str, Any]:
    """An item as the portal sends it, checked field by field by the domain model."""
    return check_item(value).to_dict()


def check_item(value: Any) -> Item:
    """``validate_item``'s check, answering the model ``Item``."""
    data = expect_dict(value)
    for name in ("id", "site", "state", "version"):
        if name not in data:
            raise BadResponse(f"item without {name}")
    try:
        item = Item.from_dict(data)
    except (ModelError, TypeError, ValueError, KeyError, AttributeError) as error:
        raise BadResponse(f"item: {error}") from error
    if item.version < 1:
        raise BadResponse("item: version must be ≥ 1")
    return item


def validate_comment(value: Any) -> dict[str, Any]:
    data = expect_dict(value)
    for name in ("id", "item_id", "body"):
        if not isinstance(data.get(name), str):
            raise BadResponse(f"comment: {name} must be text")
    return data


def validate_me(value: Any) -> dict[str, Any]:
    data = expect_dict(value)
    if not isinstance(data.get("username"), str) or not isinstance(data.get("sites"), dict):
        raise BadResponse("user: username and sites are required")
    for info in data["sites"].values():
        if not isinstance(info, dict) or not isinstance(info.get("roles", []), list):
            raise BadResponse("user: each site needs a list of roles")
    if not isinstance(data.get("grants", []), list):
        raise BadResponse("user: grants must be a list")
    return data


def parse_changes(data: bytes, shape: Callable[[Item], Any] | None = None) -> dict[str, Any]:
    """A /changes answer parsed and checked: pure, so it may run on any thread."""
    return validate_changes(parse_json(data), shape)


def validate_changes(value: Any, shape: Callable[[Item], Any] | None = None) -> dict[str, Any]:
    """The page with each change checked; items as dicts, or as ``shape`` makes them."""
    data = expect_dict(value)
    changes, cursor, more = data.get("changes"), data.get("cursor"), data.get("has_more")
    if not isinstance(changes, list) or not isinstance(cursor, str) or not isinstance(more, bool):
        raise BadResponse("changes: expected changes, cursor and has_more")
    checked: list[dict[str, Any]] = []
    for change in changes:
        change = expect_dict(change)
        kind = change.get("kind")
        if kind == "item":
            item = check_item(change.get("item"))
            checked.append(
                {"kind": "item", "item": item.to_dict() if shape is None else shape(item)}
            )
        elif kind == "comment":
            checked.append({"kind": "comment", "comment": validate_comment(change.get("comment"))})
        else:
            raise BadResponse(f"changes: unknown kind {kind!r}")
    page: dict[str, Any] = {"changes": checked, "cursor": cursor, "has_more": more}
    directory = data.get("directory")
    if directory is not None:  # a portal from before issue 14 sends none
        if not isinstance(directory, dict) or not all(
            isinstance(k, str) and type(v) is int for k, v in directory.items()
        ):
            raise BadResponse("changes: directory must map sites to versions")
        page["directory"] = directory
    return page


def throttled(data: bytes) -> Throttled:
    """The 429 ``locked_out`` answer, with the portal's own sentences and wait."""
    try:
        problem = json.loads(data.decode("utf-8")) if data else {}
    except (UnicodeDecodeError, ValueError):
        problem = {}
    errors = problem.get("errors") if isinstance(problem, dict) else None
    found = [p for p in errors if isinstance(p, dict)] if isinstance(errors, list) else []
    wait = found[0].get("retry_after") if found else None
    return Throttled(wait if type(wait) is int else None, found)


def error_for(status: int, data: bytes) -> Exception:
    """Map an error answer (problem+json) to the error tree."""
    try:
        problem = json.loads(data.decode("utf-8")) if data else {}
    except (UnicodeDecodeError, ValueError):
        problem = {}
    if not isinstance(problem, dict):
        problem = {}
    code = str(problem.get("code") or "")
    detail = str(problem.get("detail") or problem.get("title") or "")
    raw_problems = problem.get("errors")
    problems = (
        [p for p in raw_problems if isinstance(p, dict)] if isinstance(raw_problems, list) else []
    )
    if status == 401:
        return AuthError(code or "unauthenticated")
    if status == 409 and code == "already_exists":
        return AlreadyExists(status, code, detail, problem.get("current"))
    if status in (409, 412):
        current = validate_item(problem.get("current"))
        kind = MovedOn if status == 409 else Stale
        return kind(status, code, detail, current)
    if status == 403 and code == "password_change_required":
        return PasswordChangeRequired(detail, problems)
    if status == 403:
        return Forbidden(status, code, detail, problems)
    if status == 404:
        return NotFound(status, code, detail, problems)
    if status in (400, 413, 422, 428):
        return Invalid(status, code, detail, problems)
    return Refused(status, code, detail, problems)
