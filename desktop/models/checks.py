"""Required-field checks that block ``submit``, with messages in Vietnamese and English."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.item import LANGUAGES, Item, Origin
from desktop.models.render import safe_url


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
    source = source_url_problem(item.source.url)
    if source is not None:
        problems.append(source)
    return problems


def source_url_problem(url: str) -> Problem | None:
    """Why an item's source address cannot be kept (None: it can, or there is none).

    An ``http://`` or ``https://`` address with a host, read as :func:`safe_url` reads it. The
    portal checks it on every write of the source, and :func:`safe_url` again when rendering.
    """
    if not url:
        return None
    checked = safe_url(url)
    if checked is not None and checked.split(":", 1)[0].lower() in ("http", "https"):
        return None
    return Problem(
        "bad_source_url",
        "source",
        "Địa chỉ nguồn tin phải bắt đầu bằng http:// hoặc https://.",
        "The source address must start with http:// or https://.",
    )
