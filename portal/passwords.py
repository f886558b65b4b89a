"""Password hashing (Argon2id) and the password policy, in one place.

The policy follows NIST SP 800-63B-4 (length, a blocklist, context words; no composition rules).
The security issue extends :func:`policy_problems` (history, maximum age as a site setting).
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop.models import Problem, fold

MIN_LENGTH = 15

_hasher = PasswordHasher()

#: Verified against when the user does not exist, so both answers take about the same time.
_DUMMY_HASH = _hasher.hash("not a real password: timing equaliser")

COMMON_PASSWORDS = frozenset(
    {
        "123456789012345",
        "1234567890123456",
        "password1234567",
        "passwordpassword",
        "qwertyuiopasdfgh",
        "matkhaumatkhau123",
        "matkhau123456789",
        "abc123456789012",
        "bien-tap-demo-2026",
        "iloveyou1234567",
        "aaaaaaaaaaaaaaa",
        "111111111111111",
        "admin1234567890",
        "administrator123",
        "khongcomatkhau123",
    }
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; with no hash, spends the same time and says False."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def generate_password() -> str:
    """A strong random password an administrator can read out (about 120 bits)."""
    return "-".join(secrets.token_urlsafe(6) for _ in range(4))


def policy_problems(
    password: str, username: str, current_hash: str | None = None, full_name: str = ""
) -> list[Problem]:
    """Why ``password`` may not be used (empty: it may)."""
    problems: list[Problem] = []
    if len(password) < MIN_LENGTH:
        problems.append(
            Problem(
                "too_short",
                "new_password",
                f"Mật khẩu phải có ít nhất {MIN_LENGTH} ký tự.",
                f"The password must be at least {MIN_LENGTH} characters long.",
            )
        )
    folded = fold(password).lower()
    context = [username, *full_name.split()]
    if any(len(word) >= 3 and fold(word).lower() in folded for word in context):
        problems.append(
            Problem(
                "contains_name",
                "new_password",
                "Mật khẩu không được chứa tên đăng nhập hoặc họ tên.",
                "The password must not contain the username or the person's name.",
            )
        )
    if folded in COMMON_PASSWORDS or len(set(password)) < 4:
        problems.append(
            Problem(
                "common",
                "new_password",
                "Mật khẩu này quá phổ biến, dễ đoán.",
                "This password is too common and easy to guess.",
            )
        )
    if current_hash and verify_password(current_hash, password):
        problems.append(
            Problem(
                "same_as_current",
                "new_password",
                "Mật khẩu mới phải khác mật khẩu hiện tại.",
                "The new password must differ from the current one.",
            )
        )
    return problems
