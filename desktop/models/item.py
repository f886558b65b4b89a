"""An item (tin, bài) and its content, as the client and the portal both see it."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from desktop.models.text import nfc, nfc_deep


class State(StrEnum):
    DRAFT = "draft"  # bản nháp (bước 1)
    SUBMITTED = "submitted"  # chờ biên tập (bước 2)
    EDITED = "edited"  # chờ duyệt (bước 3)
    PUBLISHED = "published"  # đã đăng
    REJECTED = "rejected"  # bị từ chối
    TAKEN_DOWN = "taken_down"  # đã gỡ bỏ (AG-25)
    DELETED = "deleted"  # bản nháp đã xóa: chưa từng gửi biên tập, chỉ người viết thấy


class Origin(StrEnum):
    ORIGINAL = "original"  # tin tự viết
    REPOST = "repost"  # tin đăng lại: phải ghi nguồn và tác giả (BD-9.3)


#: Languages an item may be written in (AG-9.3).
LANGUAGES: dict[str, tuple[str, str]] = {
    "vi": ("Tiếng Việt", "Vietnamese"),
    "en": ("Tiếng Anh", "English"),
    "zh": ("Tiếng Trung", "Chinese"),
    "fr": ("Tiếng Pháp", "French"),
    "km": ("Tiếng Khmer", "Khmer"),
}


#: What an item's id may be: a UUID (what clients make) or letters, digits, ``-`` and ``_``,
#: starting and ending with a letter or digit, at most 64 characters. No dots: ``.`` and ``..``
#: are path segments, not names.
ITEM_ID_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$"
_ITEM_ID = re.compile(ITEM_ID_PATTERN)


def valid_item_id(item_id: str) -> bool:
    return _ITEM_ID.fullmatch(item_id) is not None


class ModelError(ValueError):
    """Input that does not describe a valid item (wrong type, bad value)."""

    def __init__(self, field_name: str, message: str, code: str = "invalid") -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message
        self.code = code


@dataclass(frozen=True, slots=True)
class Source:
    """Nguồn tin: where a reposted item comes from."""

    name: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


@dataclass(frozen=True, slots=True)
class StepRecord:
    """Who did a step of the workflow, when, at which version, and on whose behalf."""

    by: str
    at: datetime
    version: int
    on_behalf_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "at": _iso(self.at),
            "version": self.version,
            "on_behalf_of": self.on_behalf_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StepRecord:
        return cls(
            by=_str(data, "by"),
            at=_datetime(data.get("at"), "at") or _now(),
            version=_int(data.get("version", 0), "version"),
            on_behalf_of=data.get("on_behalf_of") or None,
        )


#: The fields a writer may change; everything else is kept by the workflow and the portal.
CONTENT_FIELDS: tuple[str, ...] = (
    "category",
    "title",
    "summary",
    "body",
    "language",
    "translation_of",
    "origin",
    "source",
    "author",
    "unit",
    "attachments",
    "metadata",
    "trigger_date",
    "publish_at",
    "expire_at",
)

#: Content fields holding prose that is merged line by line.
TEXT_FIELDS: tuple[str, ...] = ("title", "summary", "body")


@dataclass(frozen=True, slots=True)
class Item:
    """Tin, bài: one news item or document on a site, with its place in the workflow."""

    id: str
    site: str
    category: str = ""
    title: str = ""
    summary: str = ""  # sapo
    body: str = ""  # Markdown
    language: str = "vi"
    translation_of: str | None = None
    origin: Origin = Origin.ORIGINAL
    source: Source = field(default_factory=Source)
    author: str = ""
    unit: str = ""  # đơn vị cung cấp tin (BD-12)
    attachments: tuple[str, ...] = ()  # sha256 of blobs
    metadata: dict[str, Any] = field(default_factory=dict)
    trigger_date: date | None = None  # the date a deadline counts from
    publish_at: datetime | None = None  # hẹn giờ đăng: public from this moment (issue 20)
    expire_at: datetime | None = None  # hết thời hạn đăng: taken down at this moment
    state: State = State.DRAFT
    version: int = 0
    created_by: str = ""
    steps: dict[str, StepRecord] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    state_since: datetime | None = None
    slug: str = ""

    def __post_init__(self) -> None:
        for name in ("id", "site", "category", "title", "summary", "body", "author", "unit"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise ModelError(name, "must be text")
            object.__setattr__(self, name, nfc(value))
        object.__setattr__(self, "metadata", nfc_deep(self.metadata))
        object.__setattr__(self, "source", Source(nfc(self.source.name), nfc(self.source.url)))
        if self.publish_at and self.expire_at and self.expire_at <= self.publish_at:
            raise ModelError("expire_at", "must be after publish_at", "expires_before_publish")

    def scheduled(self, now: datetime) -> bool:
        """Approved but waiting for its ``publish_at`` (đã hẹn giờ đăng)."""
        return (
            self.state is State.PUBLISHED and self.publish_at is not None and now < self.publish_at
        )

    def public_at(self, now: datetime) -> bool:
        """On the public pages at ``now``: published, its publish time come, not yet expired."""
        return (
            self.state is State.PUBLISHED
            and (self.publish_at is None or self.publish_at <= now)
            and (self.expire_at is None or now < self.expire_at)
        )

    @staticmethod
    def new_id() -> str:
        return str(uuid.uuid4())

    def with_content(self, **changes: Any) -> Item:
        """A copy with content fields changed; workflow fields cannot be changed this way."""
        unknown = set(changes) - set(CONTENT_FIELDS)
        if unknown:
            raise ModelError(sorted(unknown)[0], "is not a content field")
        return replace(self, **changes)

    def content(self) -> dict[str, Any]:
        """The content fields in their JSON form (what a writer sends)."""
        full = self.to_dict()
        return {name: full[name] for name in CONTENT_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "site": self.site,
            "category": self.category,
            "title": self.title,
            "summary": self.summary,
            "body": self.body,
            "language": self.language,
            "translation_of": self.translation_of,
            "origin": self.origin.value,
            "source": self.source.to_dict(),
            "author": self.author,
            "unit": self.unit,
            "attachments": list(self.attachments),
            "metadata": self.metadata,
            "trigger_date": self.trigger_date.isoformat() if self.trigger_date else None,
            "publish_at": _iso(self.publish_at),
            "expire_at": _iso(self.expire_at),
            "state": self.state.value,
            "version": self.version,
            "created_by": self.created_by,
            "steps": {name: record.to_dict() for name, record in self.steps.items()},
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "state_since": _iso(self.state_since),
            "slug": self.slug,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        """Parse an item's JSON form; raises ModelError naming the first bad field."""
        if not isinstance(data, dict):
            raise ModelError("item", "must be an object")
        known = {f.name for f in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ModelError(sorted(unknown)[0], "is not a field of an item")
        steps_raw = data.get("steps") or {}
        if not isinstance(steps_raw, dict):
            raise ModelError("steps", "must be an object")
        return cls(
            id=_str(data, "id"),
            site=_str(data, "site"),
            category=_str(data, "category", ""),
            title=_str(data, "title", ""),
            summary=_str(data, "summary", ""),
            body=_str(data, "body", ""),
            language=_language(data.get("language", "vi")),
            translation_of=_optional_str(data, "translation_of"),
            origin=_enum(Origin, data.get("origin", "original"), "origin"),
            source=_source(data.get("source")),
            author=_str(data, "author", ""),
            unit=_str(data, "unit", ""),
            attachments=_attachments(data.get("attachments", [])),
            metadata=_metadata(data.get("metadata", {})),
            trigger_date=_date(data.get("trigger_date"), "trigger_date"),
            publish_at=_moment(data.get("publish_at"), "publish_at"),
            expire_at=_moment(data.get("expire_at"), "expire_at"),
            state=_enum(State, data.get("state", "draft"), "state"),
            version=_int(data.get("version", 0), "version"),
            created_by=_str(data, "created_by", ""),
            steps={str(k): StepRecord.from_dict(v) for k, v in steps_raw.items()},
            created_at=_datetime(data.get("created_at"), "created_at"),
            updated_at=_datetime(data.get("updated_at"), "updated_at"),
            state_since=_datetime(data.get("state_since"), "state_since"),
            slug=_str(data, "slug", ""),
        )


def parse_content(data: dict[str, Any]) -> dict[str, Any]:
    """Validate a writer's content fields (JSON form) and return them as model values.

    A writer's metadata must also stay within :func:`check_metadata`'s limits (stored items are
    read back without them, so that a limit can tighten without making old items unreadable).
    """
    if "metadata" in data:
        check_metadata(data["metadata"])
    probe = Item.from_dict({"id": "probe", "site": "probe", **data})
    return {name: getattr(probe, name) for name in CONTENT_FIELDS if name in data}


#: Limits on a writer's ``metadata``: the section's fields are a flat form with a few lists, so
#: these leave room for any real use while keeping what is stored small and storable.
METADATA_MAX_DEPTH = 8
METADATA_MAX_BYTES = 256 * 1024
METADATA_INT_RANGE = (-(2**63), 2**63 - 1)


def check_metadata(value: Any) -> None:
    """Raise ModelError unless ``value`` is an object within the limits on metadata.

    Nested at most :data:`METADATA_MAX_DEPTH` levels, numbers within the signed 64-bit range
    (and finite), keys text, at most :data:`METADATA_MAX_BYTES` as UTF-8 JSON.
    """
    if not isinstance(value, dict):
        raise ModelError("metadata", "must be an object")
    low, high = METADATA_INT_RANGE
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, bool) or node is None or isinstance(node, str):
            continue
        if isinstance(node, int | float):
            if not low <= node <= high:  # also False for NaN and the infinities
                raise ModelError(
                    "metadata",
                    "numbers must be within the signed 64-bit range",
                    "number_out_of_range",
                )
            continue
        if not isinstance(node, dict | list):
            raise ModelError("metadata", "must hold only JSON values")
        if depth > METADATA_MAX_DEPTH:
            raise ModelError(
                "metadata", f"must not nest more than {METADATA_MAX_DEPTH} levels", "too_deep"
            )
        if isinstance(node, dict):
            if not all(isinstance(key, str) for key in node):
                raise ModelError("metadata", "keys must be text")
            stack.extend((inner, depth + 1) for inner in node.values())
        else:
            stack.extend((inner, depth + 1) for inner in node)
    size = len(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    if size > METADATA_MAX_BYTES:
        raise ModelError(
            "metadata", f"must not be larger than {METADATA_MAX_BYTES} bytes", "too_large"
        )


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _str(data: dict[str, Any], name: str, default: str | None = None) -> str:
    value = data.get(name, default)
    if value is None and default is not None:
        return default
    if not isinstance(value, str):
        raise ModelError(name, "must be text")
    return value


def _optional_str(data: dict[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ModelError(name, "must be text")
    return value


def _int(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ModelError(name, "must be a whole number ≥ 0")
    return value


def _enum(kind: type[Any], value: Any, name: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise ModelError(name, f"must be one of: {choices}") from None


def _language(value: Any) -> str:
    if value not in LANGUAGES:
        raise ModelError("language", "must be one of: " + ", ".join(LANGUAGES))
    return str(value)


def _source(value: Any) -> Source:
    if value is None:
        return Source()
    if isinstance(value, str):
        return Source(name=value)
    if not isinstance(value, dict) or set(value) - {"name", "url"}:
        raise ModelError("source", "must be an object with name and url")
    name, url = value.get("name") or "", value.get("url") or ""
    if not isinstance(name, str) or not isinstance(url, str):
        raise ModelError("source", "name and url must be text")
    return Source(name=name, url=url)


def _attachments(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise ModelError("attachments", "must be a list of sha256 hashes")
    for digest in value:
        if not (isinstance(digest, str) and len(digest) == 64 and _is_hex(digest)):
            raise ModelError("attachments", "each must be a sha256 hash (64 hex digits)")
    return tuple(str(d).lower() for d in value)


def _metadata(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ModelError("metadata", "must be an object")
    return dict(value)


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True


def _date(value: Any, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ModelError(name, "must be a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ModelError(name, "must be a date (YYYY-MM-DD)") from None


def _moment(value: Any, name: str) -> datetime | None:
    """A moment the writer gives (ISO 8601 with its offset, e.g. ``2026-12-08T07:00:00+07:00``):
    without an offset it would mean a different second on every machine, so it is refused."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ModelError(
                name, "must be a date and time with offset (2026-12-08T07:00:00+07:00)"
            ) from None
    else:
        raise ModelError(name, "must be a date and time with offset (2026-12-08T07:00:00+07:00)")
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise ModelError(name, "needs a time zone offset, e.g. +07:00", "offset_required")
    return parsed


def _datetime(value: Any, name: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ModelError(name, "must be a date and time (ISO 8601)")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ModelError(name, "must be a date and time (ISO 8601)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
