"""Markdown with a YAML front matter: how items are written outside the app and imported.

```
---
title: Hội nghị tổng kết năm 2026
category: tin-tuc
source: {name: Báo Nhân Dân, url: https://nhandan.vn/...}
metadata: {so_hieu: 12/QĐ-UBND}
---
The body, in Markdown.
```
"""

from __future__ import annotations

from typing import Any

import yaml

from desktop.models import ModelError
from desktop.models.errors import ErrorKind, KnownError
from desktop.store.content import canonical_content, empty_content, to_json_value

#: The keys a front matter may carry (all optional); the body is the text after it.
KEYS: tuple[str, ...] = (
    "title",
    "summary",
    "category",
    "origin",
    "source",
    "author",
    "language",
    "trigger_date",
    "publish_at",
    "expire_at",
    "metadata",
    "unit",
)


class FrontMatterError(KnownError, ValueError):
    """A front matter that cannot be used; ``key`` names the culprit (or "front matter")."""

    code = "bad_front_matter"
    kind = ErrorKind.INVALID

    def __init__(self, key: str, vi: str, en: str) -> None:
        super().__init__(f"{key}: {en}")
        self.key = key
        self.vi = vi
        self.en = en

    def message(self, language: str = "vi") -> str:
        return f"{self.key}: {self.vi if language == 'vi' else self.en}"


def parse(text: str) -> dict[str, Any]:
    """The content fields (JSON form) a Markdown file gives; only keys present are returned."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    header: dict[str, Any] = {}
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end < 0:
            raise FrontMatterError(
                "front matter",
                "thiếu dòng “---” kết thúc phần đầu.",
                "the closing “---” line is missing.",
            )
        raw = text[4:end]
        rest = text[end + 4 :]
        body = rest[1:] if rest.startswith("\n") else rest
        try:
            loaded = yaml.safe_load(raw) if raw.strip() else {}
        except yaml.YAMLError as error:
            raise FrontMatterError(
                "front matter", f"YAML không đọc được ({error}).", f"unreadable YAML ({error})."
            ) from error
        if not isinstance(loaded, dict):
            raise FrontMatterError(
                "front matter", "phải là các cặp “khóa: giá trị”.", "must be “key: value” pairs."
            )
        header = {str(k): v for k, v in loaded.items()}
    content: dict[str, Any] = {}
    for key, value in header.items():
        if key not in KEYS:
            raise FrontMatterError(
                key,
                "khóa không được hỗ trợ; dùng: " + ", ".join(KEYS) + ".",
                "unknown key; use: " + ", ".join(KEYS) + ".",
            )
        if value is None:
            continue
        json_value = to_json_value(value)
        if key == "metadata" and not isinstance(json_value, dict):
            raise FrontMatterError(key, "phải là một bảng “khóa: giá trị”.", "must be a mapping.")
        if key in ("title", "summary", "category", "author", "unit") and not isinstance(
            json_value, str
        ):
            json_value = str(json_value)
        try:
            canonical_content(empty_content(), {key: json_value})
        except ModelError as error:
            raise FrontMatterError(key, error.message, error.message) from error
        content[key] = json_value
    content["body"] = body
    return canonical_subset(content)


def canonical_subset(content: dict[str, Any]) -> dict[str, Any]:
    """The given keys, normalised (NFC, JSON forms) by the model."""
    full = canonical_content(empty_content(), content)
    return {key: full[key] for key in content}


def render(content: dict[str, Any]) -> str:
    """An item's content as Markdown with front matter (``items edit`` round-trips it)."""
    header = {key: content.get(key) for key in KEYS if content.get(key) not in (None, "", {})}
    source = header.get("source")
    if isinstance(source, dict) and not any(source.values()):
        header.pop("source")
    text = yaml.safe_dump(header, allow_unicode=True, sort_keys=False) if header else ""
    return f"---\n{text}---\n{content.get('body') or ''}"
