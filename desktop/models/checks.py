"""Required-field checks that block ``submit``, with messages in Vietnamese and English."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from desktop.models.item import LANGUAGES, Item, Origin


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an item, said in both of the interface's languages."""

    code: str
    field: str
    vi: str
    en: str

    def message(self, language: str = "vi") -> str:
        return self.vi if language == "vi" else self.en

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "field": self.field, "vi": self.vi, "en": self.en}


def _missing(field: str, vi_name: str, en_name: str) -> Problem:
    return Problem(
        code="required",
        field=field,
        vi=f"Chưa nhập {vi_name}.",
        en=f"The {en_name} is missing.",
    )


def submit_problems(item: Item, categories: set[str] | None = None) -> list[Problem]:
    """What must be fixed before the item can go to step 2 (empty: ready to submit)."""
    problems: list[Problem] = []
    if not item.title.strip():
        problems.append(_missing("title", "tiêu đề", "title"))
    if not item.body.strip():
        problems.append(_missing("body", "nội dung", "body"))
    if not item.category:
        problems.append(_missing("category", "chuyên mục", "category"))
    elif categories is not None and item.category not in categories:
        problems.append(
            Problem(
                "unknown_category",
                "category",
                f"Chuyên mục “{item.category}” không tồn tại.",
                f"The category “{item.category}” does not exist.",
            )
        )
    if item.language not in LANGUAGES:
        problems.append(
            Problem("bad_language", "language", "Ngôn ngữ không hợp lệ.", "Unknown language.")
        )
    if item.origin is Origin.REPOST:
        if not item.source.name.strip():
            problems.append(
                Problem(
                    "repost_source",
                    "source",
                    "Tin đăng lại phải ghi rõ nguồn tin (BD-9.3).",
                    "A reposted item must name its source (BD-9.3).",
                )
            )
        if not item.author.strip():
            problems.append(
                Problem(
                    "repost_author",
                    "author",
                    "Tin đăng lại phải ghi rõ tác giả (BD-9.3).",
                    "A reposted item must name its author (BD-9.3).",
                )
            )
    if item.source.url and urlparse(item.source.url).scheme not in {"http", "https"}:
        problems.append(
            Problem(
                "bad_source_url",
                "source",
                "Địa chỉ nguồn tin phải bắt đầu bằng http:// hoặc https://.",
                "The source address must start with http:// or https://.",
            )
        )
    return problems
