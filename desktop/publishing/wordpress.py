"""WordPress over its REST API (``/wp/v2``) with an application password, through httpx.

Routes are sent as ``?rest_route=/wp/v2/...``, which every WordPress answers, with or without
pretty permalinks. Posts and media carry a marker slug, so a retry after a lost answer finds
what the first attempt created instead of creating it again.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import httpx

from desktop.models import LANGUAGES, Item
from desktop.publishing.connector import (
    MediaFile,
    PublishedRef,
    PublishError,
    Rendered,
    TargetAuthError,
    TargetConfig,
    TargetUnreachable,
)
from desktop.publishing.rendering import rewrite_media
from desktop.sync.api import check_url, tls_verify

log = logging.getLogger(__name__)

#: Every status a post of ours can have on WordPress but ``trash`` (a trashed post is gone).
_FIND_STATUSES = "publish,draft,pending,private,future"
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}


class WordPressConnector:
    """One WordPress site, one account (its application password)."""

    kind = "wordpress"

    def __init__(
        self,
        target: TargetConfig,
        username: str,
        app_password: str,
        *,
        timeout: float = 30.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.target = target
        self.base_url = check_url(target.url)
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            auth=httpx.BasicAuth(username, app_password),
            timeout=timeout,
            transport=transport,
            verify=tls_verify(),
            headers={"Accept": "application/json"},
        )
        self._terms: dict[tuple[str, str], int] = {}

    async def aclose(self) -> None:
        await self._http.aclose()

    # -- transport ----------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        route: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200, 201),
    ) -> Any:
        query = {"rest_route": route, **(params or {})}
        try:
            answer = await self._http.request(
                method, "/", params=query, json=json, content=content, headers=headers
            )
        except httpx.TransportError as error:
            raise TargetUnreachable(type(error).__name__) from error
        if answer.status_code in ok:
            try:
                return answer.json()
            except ValueError as error:
                raise TargetUnreachable("the answer is not JSON") from error
        code, message = _problem(answer)
        if answer.status_code in (401, 403):
            raise TargetAuthError(f"{answer.status_code} {code}: {message}", self.target.id)
        if answer.status_code >= 500 or answer.status_code == 429:
            raise TargetUnreachable(f"HTTP {answer.status_code} {code}")
        raise PublishError(f"{answer.status_code} {code}: {message}")

    # -- the interface ------------------------------------------------------------------------

    async def check(self) -> None:
        """The account must be known and able to publish posts."""
        me = await self._call("GET", "/wp/v2/users/me", params={"context": "edit"})
        capabilities = me.get("capabilities") or {}
        if not (capabilities.get("publish_posts") and capabilities.get("upload_files")):
            raise TargetAuthError(
                "the account may not publish posts and upload files", self.target.id
            )

    async def find(self, marker: str) -> PublishedRef | None:
        found = await self._call(
            "GET",
            "/wp/v2/posts",
            params={"slug": marker, "status": _FIND_STATUSES, "context": "edit"},
        )
        if not found:
            return None
        post = found[0]
        return PublishedRef(str(post["id"]), post.get("link") or "", _status(post))

    async def publish(
        self, item: Item, rendered: Rendered, media: Sequence[MediaFile]
    ) -> PublishedRef:
        body = {**await self._post_body(rendered, media), **schedule_fields(item)}
        post = await self._call("POST", "/wp/v2/posts", json={**body, "slug": rendered.marker})
        return PublishedRef(str(post["id"]), post.get("link") or "", _status(post))

    async def update(
        self, ref: PublishedRef, item: Item, rendered: Rendered, media: Sequence[MediaFile]
    ) -> PublishedRef:
        body = {**await self._post_body(rendered, media), **schedule_fields(item)}
        post = await self._call("POST", f"/wp/v2/posts/{ref.remote_id}", json=body)
        return PublishedRef(str(post["id"]), post.get("link") or "", _status(post))

    async def unpublish(self, ref: PublishedRef, reason: str) -> PublishedRef:
        """Draft (default) or trash; the reason is kept on our portal, never sent."""
        if self.target.takedown == "trash":
            await self._call("DELETE", f"/wp/v2/posts/{ref.remote_id}", ok=(200, 410))
            return PublishedRef(ref.remote_id, ref.url, "trash")
        post = await self._call("POST", f"/wp/v2/posts/{ref.remote_id}", json={"status": "draft"})
        return PublishedRef(str(post["id"]), ref.url, _status(post))

    # -- parts --------------------------------------------------------------------------------

    async def _post_body(self, rendered: Rendered, media: Sequence[MediaFile]) -> dict[str, Any]:
        uploaded = {m.sha256: await self._media(m) for m in media}
        urls = {sha: url for sha, (_id, url) in uploaded.items()}
        featured = next((uploaded[m.sha256][0] for m in media if m.is_image), 0)
        category = await self._category(rendered)
        tag = await self._language_tag(rendered.language)
        return {
            "title": rendered.title,
            "content": rewrite_media(rendered.html, urls),
            "excerpt": rendered.excerpt,
            "status": "publish",
            "categories": [category],
            "tags": [tag],
            "featured_media": featured,
        }

    async def _media(self, media: MediaFile) -> tuple[int, str]:
        """Upload once: a file already there under its marker slug is reused."""
        slug = f"bbt-{media.sha256[:32]}"
        found = await self._call("GET", "/wp/v2/media", params={"slug": slug, "context": "edit"})
        if found:
            return int(found[0]["id"]), str(found[0]["source_url"])
        extension = _EXTENSIONS.get(media.content_type, "bin")
        name = media.filename or f"{media.sha256[:16]}.{extension}"
        safe = name.encode("ascii", "replace").decode().replace('"', "")
        made = await self._call(
            "POST",
            "/wp/v2/media",
            params={"slug": slug, "title": name},
            content=media.data,
            headers={
                "Content-Type": media.content_type,
                "Content-Disposition": f'attachment; filename="{safe}"',
            },
        )
        return int(made["id"]), str(made["source_url"])

    async def _category(self, rendered: Rendered) -> int:
        name = self.target.category_map.get(rendered.category) or rendered.category_name
        key = ("categories", name)
        if key in self._terms:
            return self._terms[key]
        found = await self._call(
            "GET", "/wp/v2/categories", params={"search": name, "per_page": 100}
        )
        wanted = name.casefold()
        for term in found:
            if html.unescape(term["name"]).casefold() == wanted or term["slug"] == wanted:
                self._terms[key] = int(term["id"])
                return self._terms[key]
        if not self.target.create_categories:
            raise PublishError(
                f"the category “{name}” does not exist on WordPress and creating it is not allowed"
            )
        made = await self._call("POST", "/wp/v2/categories", json={"name": name})
        self._terms[key] = int(made["id"])
        return self._terms[key]

    async def _language_tag(self, language: str) -> int:
        slug = f"lang-{language}"
        key = ("tags", slug)
        if key in self._terms:
            return self._terms[key]
        found = await self._call("GET", "/wp/v2/tags", params={"slug": slug})
        if found:
            self._terms[key] = int(found[0]["id"])
        else:
            name = LANGUAGES.get(language, (language, language))[0]
            made = await self._call("POST", "/wp/v2/tags", json={"name": name, "slug": slug})
            self._terms[key] = int(made["id"])
        return self._terms[key]


def schedule_fields(item: Item, now: datetime | None = None) -> dict[str, Any]:
    """An item scheduled for later (``publish_at``, issue 20) goes to WordPress as a *future*
    post dated then: WordPress itself makes it public at that second, not before. (Expiry is the
    portal's: its automatic take-down reaches WordPress like any other, ``Publications``.)"""
    if item.publish_at is None:
        # dated at the approval: a post once sent for later comes out now if the time is cleared
        approved = item.steps.get("approve")
        if approved is None:
            return {}
        return {
            "date_gmt": approved.at.astimezone(UTC).replace(tzinfo=None).isoformat("T", "seconds")
        }
    moment = item.publish_at.astimezone(UTC)
    later = moment > (now or datetime.now(UTC))
    return {
        "status": "future" if later else "publish",
        "date_gmt": _gmt(moment),
    }


def _gmt(moment: datetime) -> str:
    """WordPress's ``date_gmt``: UTC without an offset, to the second."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def _status(post: dict[str, Any]) -> str:
    return "published" if post.get("status") == "publish" else str(post.get("status") or "")


def _problem(answer: httpx.Response) -> tuple[str, str]:
    try:
        data = answer.json()
    except ValueError:
        return "", answer.reason_phrase
    if not isinstance(data, dict):
        return "", answer.reason_phrase
    return str(data.get("code") or ""), html.unescape(str(data.get("message") or ""))
