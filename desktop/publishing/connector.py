"""The connector interface: what any outside CMS must do for the publish queue.

One module per CMS implements :class:`Connector` (``wordpress.py`` today; a Drupal JSON:API or a
Liferay headless connector would be one more module). The queue never speaks a CMS's dialect:
it hands over the item, its rendered form and its media, and keeps the :class:`PublishedRef`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.models import Item


@dataclass(frozen=True, slots=True)
class PublishedRef:
    """Where an item lives on a target: the remote id, its public link, and its status there."""

    remote_id: str
    url: str = ""
    status: str = "published"  # published | draft | trash


@dataclass(frozen=True, slots=True)
class MediaFile:
    """An image or attachment of the item, with its bytes (from the store or the portal)."""

    sha256: str
    content_type: str
    data: bytes = field(repr=False)
    filename: str = ""

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")


@dataclass(frozen=True, slots=True)
class Rendered:
    """The item as the outside site shows it; ``html`` still points at ``/media/<sha256>``."""

    title: str
    html: str
    excerpt: str
    category: str  # the local category id
    category_name: str  # its display name (used when the target has no mapping)
    language: str
    marker: str  # a unique slug: a retry finds the post a lost answer created


@dataclass(frozen=True, slots=True)
class TargetConfig:
    """A publishing target as the portal's administrator set it up."""

    id: str
    site: str
    kind: str
    url: str
    category_map: dict[str, str] = field(default_factory=dict)
    create_categories: bool = False
    takedown: str = "draft"
    created_at: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TargetConfig:
        return cls(
            id=str(data["id"]),
            site=str(data["site"]),
            kind=str(data["kind"]),
            url=str(data["url"]),
            category_map={str(k): str(v) for k, v in (data.get("category_map") or {}).items()},
            create_categories=bool(data.get("create_categories", False)),
            takedown=str(data.get("takedown") or "draft"),
            created_at=str(data.get("created_at") or ""),
        )


class PublishError(Exception):
    """A push to a target that did not work; ``kind`` decides how the queue treats it."""

    kind = "refused"
    vi = "Trang đích từ chối bài: {detail}"
    en = "The target refused the post: {detail}"

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or type(self).__name__)
        self.detail = detail

    def message(self, language: str = "vi") -> str:
        return (self.vi if language == "vi" else self.en).format(detail=self.detail)


class TargetUnreachable(PublishError):
    kind = "offline"
    vi = "Không kết nối được trang đích ({detail}); sẽ thử lại."
    en = "The target cannot be reached ({detail}); it will be retried."


class TargetAuthError(PublishError):
    kind = "auth"
    vi = (
        "Trang đích không chấp nhận tài khoản hoặc mật khẩu ứng dụng ({detail}). Đăng nhập lại: "
        "portal-desk targets login {target} --user TÊN --password-stdin"
    )
    en = (
        "The target refused the account or application password ({detail}). Log in again: "
        "portal-desk targets login {target} --user NAME --password-stdin"
    )

    def __init__(self, detail: str = "", target: str = "TARGET") -> None:
        super().__init__(detail)
        self.target = target

    def message(self, language: str = "vi") -> str:
        text = self.vi if language == "vi" else self.en
        return text.format(detail=self.detail, target=self.target)


class Connector(Protocol):
    """What the publish queue needs from one outside CMS."""

    async def check(self) -> None:
        """Raise :class:`TargetAuthError` unless the stored credentials work."""

    async def find(self, marker: str) -> PublishedRef | None:
        """The post a previous attempt made with this marker, if any."""

    async def publish(
        self, item: Item, rendered: Rendered, media: Sequence[MediaFile]
    ) -> PublishedRef:
        """Create the public post (media uploaded, their URLs put into the body)."""

    async def update(
        self, ref: PublishedRef, item: Item, rendered: Rendered, media: Sequence[MediaFile]
    ) -> PublishedRef:
        """Make the same post show the item's current version."""

    async def unpublish(self, ref: PublishedRef, reason: str) -> PublishedRef:
        """Take the post off the public site (draft or trash, by the target's setting)."""

    async def aclose(self) -> None: ...
