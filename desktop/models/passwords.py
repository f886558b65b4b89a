"""The password policy (AG-10.3), pure: the portal enforces it, the app checks with it while the
person types, so both give the same reasons in the same words.

It follows NIST SP 800-63B-4 where it fits the regulation: at least 15 characters (a site may ask
for more, never less), no composition rules, refused when common or easy to guess (a bundled list
with Vietnamese passwords, and the zxcvbn estimator), or when it holds the account name, the
person's name, the site's id or name, or the province. What needs the portal's database (the
account's last passwords, hashing) stays in ``portal.board.passwords``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from zxcvbn import zxcvbn

from desktop.models.checks import Problem
from desktop.models.common_passwords import COMMON_PASSWORDS, GUESSABLE_WORDS
from desktop.models.text import fold

MIN_LENGTH = 15
#: zxcvbn's score (0–4) a password needs: 4, at least 10^10 guesses
#: (3 still let "anhyeuem2026anhyeuem" through).
MIN_SCORE = 4
FIELD = "new_password"

_zxcvbn_lock = threading.Lock()  # zxcvbn keeps the user's words in a module-level dictionary


@dataclass(frozen=True, slots=True)
class PasswordContext:
    """What a new password is checked against, besides itself."""

    username: str
    full_name: str = ""
    sites: tuple[tuple[str, str], ...] = ()  # (id, name) of the sites the account works on
    province: str = ""
    min_length: int = MIN_LENGTH


def _compact(text: str) -> str:
    """Folded, lower case, letters and digits only: ``Nguyễn Văn-An`` → ``nguyenvanan``."""
    return re.sub(r"[\W_]+", "", fold(text).lower())


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\W_]+", fold(text).lower()) if w]


def context_terms(context: PasswordContext) -> list[tuple[str, str]]:
    """(kind, term) pairs a password must not contain, each compact (see :func:`_compact`).

    The account name (and its letters without trailing digits), the person's name whole and
    each part of four letters or more, each site's id and name (whole and each pair of
    neighbouring words: a single word like "thông" is too common to ban) and the province.
    """
    terms: list[tuple[str, str]] = []
    user = _compact(context.username)
    if len(user) >= 3:
        terms.append(("username", user))
    stem = user.rstrip("0123456789")
    if len(stem) >= 4 and stem != user:
        terms.append(("username", stem))
    name_words = _words(context.full_name)
    if len("".join(name_words)) >= 4:
        terms.append(("name", "".join(name_words)))
    terms += [("name", w) for w in name_words if len(w) >= 4]
    for site_id, site_name in context.sites:
        if len(_compact(site_id)) >= 3:
            terms.append(("site", _compact(site_id)))
        terms += [("site", t) for t in _phrase_terms(site_name)]
    terms += [("province", t) for t in _phrase_terms(context.province)]
    return terms


def _phrase_terms(phrase: str) -> list[str]:
    words = _words(phrase)
    found = ["".join(words)] if len("".join(words)) >= 4 else []
    found += [a + b for a, b in pairwise(words) if len(a + b) >= 5]
    return found


def problem(code: str, vi: str, en: str) -> Problem:
    return Problem(code, FIELD, vi, en)


def is_common(password: str, extra_words: Iterable[str] = ()) -> bool:
    """Common or easy to guess: on the list (also with digits or separators around it), made
    of fewer than four distinct characters, or scored weak by zxcvbn."""
    spaced = fold(password).lower().strip()
    compact = _compact(password)
    bare = compact.strip("0123456789")
    if {spaced, compact, bare} & COMMON_PASSWORDS or len(set(password)) < 4:
        return True
    for unit in range(1, len(compact) // 2 + 1):  # a repeated unit: "abcabcabcabcabc"
        if len(compact) % unit == 0 and compact[:unit] * (len(compact) // unit) == compact:
            return True
    with _zxcvbn_lock:
        estimate = zxcvbn(spaced[:72], user_inputs=[*GUESSABLE_WORDS, *extra_words])
    return int(estimate["score"]) < MIN_SCORE


def policy_problems(password: str, context: PasswordContext) -> list[Problem]:
    """Why ``password`` may not be used (empty: it may). Pure: no database."""
    problems: list[Problem] = []
    if len(password) < context.min_length:
        problems.append(
            problem(
                "too_short",
                f"Mật khẩu phải có ít nhất {context.min_length} ký tự.",
                f"The password must be at least {context.min_length} characters long.",
            )
        )
    compact = _compact(password)
    terms = context_terms(context)
    hits = {kind for kind, term in terms if term in compact}
    if hits & {"username", "name"}:
        problems.append(
            problem(
                "contains_name",
                "Mật khẩu không được chứa tên đăng nhập hoặc họ tên.",
                "The password must not contain the username or the person's name.",
            )
        )
    if hits & {"site", "province"}:
        problems.append(
            problem(
                "contains_site",
                "Mật khẩu không được chứa tên hoặc mã của trang, hay tên tỉnh.",
                "The password must not contain the site's name or id, or the province.",
            )
        )
    if is_common(password, [term for _kind, term in terms]):
        problems.append(
            problem(
                "common",
                "Mật khẩu này quá phổ biến hoặc dễ đoán; hãy dùng một câu dài, riêng của bạn.",
                "This password is too common or easy to guess; use a long phrase of your own.",
            )
        )
    return problems
