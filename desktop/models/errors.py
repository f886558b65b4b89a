"""The one family of errors a person can meet, each with a stable code and a sentence in their
language (the way httpx writes its exception tree out, and qutebrowser keeps known errors apart
from bugs).

KnownError                 not a bug: tell the user plainly, in their language
├── kind REFUSED           the request is not allowed or not possible as it stands (exit 1)
├── kind INVALID           the input cannot be used: a file, a value, an address (exit 1)
├── kind OFFLINE           the portal cannot be reached; nothing is lost (exit 3)
├── kind SIGNED_OUT        no valid session or no key to the store: sign in again (exit 4)
├── kind CONFLICT          both sides changed the same text; the user decides (exit 5)
└── kind BROKEN            something answered what cannot be trusted; nothing was changed

Each face turns the kind into what it shows: the command line into its exit code
(``desktop.cli.base.EXIT_CODES``), the screens into a message box or the status bar. The
subclasses live where their cause lives (``desktop.sync.errors`` for the portal,
``desktop.security.store_key`` for the store's key, ...); the pre-check's refusal is
:class:`ActionRefused` below.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.models.checks import Problem


class ErrorKind(StrEnum):
    REFUSED = "refused"
    INVALID = "invalid"
    OFFLINE = "offline"
    SIGNED_OUT = "signed_out"
    CONFLICT = "conflict"
    BROKEN = "broken"


class KnownError(Exception):
    """A failure that is not a bug. ``code`` is stable (scripts and tests match on it);
    ``message(language)`` is the sentence shown to a person."""

    code: str = "error"
    kind: ErrorKind = ErrorKind.REFUSED
    vi: str = "Không thực hiện được."
    en: str = "This could not be done."

    def message(self, language: str = "vi") -> str:
        return self.vi if language == "vi" else self.en

    def __str__(self) -> str:
        text = super().__str__()
        return text or self.message("en")


class Invalid(KnownError):
    """Input that cannot be used, with its sentence given by the caller."""

    code = "invalid"
    kind = ErrorKind.INVALID

    def __init__(self, vi: str, en: str, code: str = "invalid") -> None:
        super().__init__(en)
        self.vi, self.en, self.code = vi, en, code


class ActionRefused(KnownError):
    """The shared pre-check said no: the problems (workflow, rights, the section's fields, the
    comment rule) in both languages, the same everywhere the action is offered."""

    code = "refused"
    kind = ErrorKind.REFUSED

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.message("en"))
        if self.problems:
            self.code = self.problems[0].code

    def message(self, language: str = "vi") -> str:
        reasons = " ".join(p.message(language) for p in self.problems)
        if language == "vi":
            return f"Không thực hiện được: {reasons}" if reasons else self.vi
        return f"Not allowed: {reasons}" if reasons else self.en


def message_of(error: BaseException, language: str = "vi") -> str:
    """The sentence for any exception: a known error's own, else a plain one that names the
    kind of bug (never a traceback)."""
    if isinstance(error, KnownError):
        return error.message(language)
    if isinstance(error, OSError) and error.strerror:
        name = f" ({error.filename})" if error.filename else ""
        return f"{error.strerror}{name}"
    kind = type(error).__name__
    if language == "vi":
        return f"Lỗi ngoài dự kiến ({kind}). Hãy thử lại; nếu còn lỗi, báo cho quản trị."
    return f"Unexpected error ({kind}). Try again; if it persists, tell your administrator."
