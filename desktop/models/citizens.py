"""The citizens' side (issue 18): questions to the board and comments on draft documents.

Shared by the portal (which receives them) and the client (which lists and answers them):
the states a question goes through, the limits of what a stranger may send, and the check of
one submission, with its reasons in Vietnamese and English. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

from desktop.models.text import fold, nfc

QuestionState = Literal["received", "assigned", "answered", "redirected", "declined"]
QUESTION_STATES: tuple[str, ...] = get_args(QuestionState)
#: States in which the board has nothing more to do.
CLOSED_STATES = frozenset({"answered", "redirected", "declined"})

#: BD-14.2, AG-12.1.d: questions are answered within 15 working days of their receipt.
ANSWER_WORKING_DAYS = 15
#: How long the asker's e-mail and phone are kept once the question is closed, unless the
#: site's administrator sets otherwise (``contact_retention_days``; Decree 13/2023/NĐ-CP).
DEFAULT_RETENTION_DAYS = 365

#: The longest a stranger may write in each field (characters).
LIMITS: dict[str, int] = {
    "name": 120,
    "email": 254,
    "phone": 20,
    "title": 300,
    "body": 10_000,
    "agency": 300,
    "comment": 2_000,
}

_EMAIL = re.compile(r"[^@\s<>\"']{1,64}@[^@\s<>\"']+\.[^@\s<>\"']{2,}")
_PHONE = re.compile(r"\+?[0-9][0-9 .\-]{6,18}[0-9]")

_LABELS: dict[str, tuple[str, str]] = {
    "name": ("Họ và tên", "Name"),
    "email": ("Thư điện tử", "E-mail"),
    "phone": ("Điện thoại", "Phone"),
    "title": ("Tiêu đề", "Title"),
    "body": ("Nội dung", "Text"),
}


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """What is wrong with one field, in both languages."""

    field: str
    code: str
    vi: str
    en: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "code": self.code, "vi": self.vi, "en": self.en}


def label(field: str, language: str = "vi") -> str:
    vi, en = _LABELS.get(field, (field, field))
    return vi if language == "vi" else en


def clean_submission(
    values: dict[str, Any], required: tuple[str, ...], optional: tuple[str, ...] = ()
) -> tuple[dict[str, str], list[FieldProblem]]:
    """The fields NFC-normalised and trimmed, and every problem found (empty: acceptable).

    Text is kept as text: nothing here (or anywhere after) reads it as Markdown or HTML.
    """
    cleaned: dict[str, str] = {}
    problems: list[FieldProblem] = []
    for name in required + optional:
        raw = values.get(name)
        if raw is None:
            raw = ""
        if not isinstance(raw, str):
            problems.append(_problem(name, "not_text", "phải là văn bản", "must be text"))
            continue
        text = nfc(raw).strip()
        if name != "body":
            text = " ".join(text.split())
        cleaned[name] = text
        limit = LIMITS.get(name, 300)
        if not text and name in required:
            problems.append(_problem(name, "required", "chưa được điền", "is required"))
        elif len(text) > limit:
            problems.append(
                _problem(
                    name,
                    "too_long",
                    f"dài quá {limit} ký tự",
                    f"is longer than {limit} characters",
                )
            )
        elif text and name == "email" and not _EMAIL.fullmatch(text):
            problems.append(
                _problem(name, "invalid_email", "không phải địa chỉ thư", "is not an e-mail")
            )
        elif text and name == "phone" and not _PHONE.fullmatch(text):
            problems.append(
                _problem(name, "invalid_phone", "không phải số điện thoại", "is not a phone number")
            )
    return cleaned, problems


def _problem(field: str, code: str, vi: str, en: str) -> FieldProblem:
    vi_label, en_label = _LABELS.get(field, (field, field))
    return FieldProblem(field, code, f"{vi_label} {vi}.", f"{en_label} {en}.")


def fingerprint_text(*parts: str) -> str:
    """What two submissions must share to be the same one: the words, folded, in order."""
    return " ".join(fold(" ".join(parts)).lower().split())
