"""Password hashing (Argon2id), the password policy and the password's age, in one place.

The policy follows NIST SP 800-63B-4 where it fits the regulation: at least 15 characters (a
site may ask for more, never less: going lower needs a second factor, which the portal does not
offer yet), no composition rules, refused when common or easy to guess (a bundled list with
Vietnamese passwords, and the zxcvbn estimator), when it holds the account name, the person's
name, the site's id or name, or the province, and when it is one of the account's last five.
AG-10.3 asks for passwords "changed regularly": the maximum age is a site setting
(``password_max_age_days``, default 90), and an administrator's reset forces a change.

:func:`check_new_password` is the one gate every path that sets a password goes through (the
API's change, the command line's ``user add`` and ``user reset-password``); its pure part, the
policy itself, is the domain's (``desktop.models.passwords.policy_problems``), which the app
uses to pre-check while the person types.
"""

from __future__ import annotations

import asyncio
import functools
import os
import secrets
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import orjson
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from desktop.models import Problem
from desktop.models.passwords import MIN_LENGTH, PasswordContext, policy_problems, problem
from portal import db

HISTORY_DEPTH = 5
DEFAULT_MAX_AGE_DAYS = 90
MAX_AGE_LIMIT_DAYS = 3650

_hasher = PasswordHasher()

#: Verified against when the user does not exist, so both answers take about the same time.
_DUMMY_HASH = _hasher.hash("not a real password: timing equaliser")


#: How many password hashes (Argon2id: ~64 MiB and most of a core each) may run at once in
#: this process. A storm of logins then queues for these few threads and leaves the rest of the
#: machine (and every write) alone. ``PORTAL_HASH_WORKERS``, default 2.
HASH_WORKERS = max(1, int(os.environ.get("PORTAL_HASH_WORKERS", "2")))
_pool = ThreadPoolExecutor(max_workers=HASH_WORKERS, thread_name_prefix="portal-hash")

T = TypeVar("T")


async def in_hash_pool(work: Callable[..., T], *args: Any) -> T:
    """Run CPU-heavy password work (hash, verify, the policy) on the small hashing pool.

    The caller awaits without holding a thread: requests waiting for a turn cost nothing but
    memory. Never call this with a database transaction open (see portal.api.auth).
    """
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_pool, functools.partial(work, *args))


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


# --- the policy against the database ---------------------------------------------------------


def _settings(raw: str | None) -> dict[str, Any]:
    try:
        value = orjson.loads(raw or "{}")
    except orjson.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _user_sites(conn: Connection, username: str) -> list[Any]:
    """The sites an account works on; every site for an account on none yet."""
    on = select(db.memberships.c.site).where(db.memberships.c.username == username)
    rows = conn.execute(select(db.sites).where(db.sites.c.id.in_(on))).all()
    return list(rows or conn.execute(select(db.sites)).all())


def password_context(
    conn: Connection, username: str, *, full_name: str | None = None
) -> PasswordContext:
    if full_name is None:
        full_name = (
            conn.execute(
                select(db.users.c.full_name).where(db.users.c.username == username)
            ).scalar()
            or ""
        )
    sites = _user_sites(conn, username)
    min_length = max(
        [MIN_LENGTH]
        + [_int(_settings(s.settings).get("min_password_length"), MIN_LENGTH) for s in sites]
    )
    province = (
        conn.execute(
            select(db.portal_settings.c.value).where(db.portal_settings.c.key == "province")
        ).scalar()
        or ""
    )
    return PasswordContext(
        username=username,
        full_name=full_name,
        sites=tuple((s.id, s.name) for s in sites),
        province=province,
        min_length=min_length,
    )


def recent_hashes(conn: Connection, username: str) -> list[str]:
    """The account's last passwords' hashes, newest first (the current one included)."""
    rows = conn.execute(
        select(db.password_history.c.password_hash)
        .where(db.password_history.c.username == username)
        .order_by(db.password_history.c.id.desc())
        .limit(HISTORY_DEPTH)
    ).scalars()
    return list(rows)


def check_new_password(
    conn: Connection, username: str, password: str, *, full_name: str | None = None
) -> list[Problem]:
    """The one gate for every new password: the domain's policy against this account's
    context, and none of its last :data:`HISTORY_DEPTH` passwords again."""
    context = password_context(conn, username, full_name=full_name)
    return new_password_problems(password, context, recent_hashes(conn, username))


def new_password_problems(
    password: str, context: PasswordContext, recent: list[str]
) -> list[Problem]:
    """The domain's policy, and none of the last :data:`HISTORY_DEPTH` passwords again (each
    verified with Argon2: CPU-heavy, run it on the hashing pool, no transaction open)."""
    problems = policy_problems(password, context)
    if any(verify_password(h, password) for h in recent[:HISTORY_DEPTH]):
        problems.append(
            problem(
                "reused",
                f"Không được dùng lại một trong {HISTORY_DEPTH} mật khẩu gần nhất.",
                f"The password must not be one of the last {HISTORY_DEPTH} passwords.",
            )
        )
    return problems


def remember_password(conn: Connection, username: str, password_hash: str, at: datetime) -> None:
    """Keep the new hash in the account's history, and only the last :data:`HISTORY_DEPTH`."""
    conn.execute(
        insert(db.password_history).values(
            username=username, password_hash=password_hash, changed_at=at
        )
    )
    keep = (
        select(db.password_history.c.id)
        .where(db.password_history.c.username == username)
        .order_by(db.password_history.c.id.desc())
        .limit(HISTORY_DEPTH)
    )
    kept = list(conn.execute(keep).scalars())
    conn.execute(
        delete(db.password_history).where(
            db.password_history.c.username == username, db.password_history.c.id.not_in(kept)
        )
    )


# --- site settings and the password's age ----------------------------------------------------


class SettingRefused(ValueError):
    """A site setting the policy does not allow, said in both languages."""

    def __init__(self, key: str, vi: str, en: str) -> None:
        super().__init__(en)
        self.key, self.vi, self.en = key, vi, en


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def check_site_settings(settings: Mapping[str, Any]) -> None:
    """Refuse password settings the policy does not allow (raises :class:`SettingRefused`)."""
    if "min_password_length" in settings:
        value = settings["min_password_length"]
        if not isinstance(value, int) or isinstance(value, bool) or value > 1000:
            raise SettingRefused(
                "min_password_length",
                "Độ dài tối thiểu phải là một số nguyên.",
                "The minimum length must be a whole number.",
            )
        if value < MIN_LENGTH:
            raise SettingRefused(
                "min_password_length",
                f"Không thể giảm độ dài tối thiểu dưới {MIN_LENGTH} ký tự: chỉ được phép khi "
                "có xác thực hai yếu tố, mà cổng chưa hỗ trợ (NIST SP 800-63B-4).",
                f"The minimum length cannot go below {MIN_LENGTH} characters: that is allowed "
                "only with a second factor, which the portal does not offer yet "
                "(NIST SP 800-63B-4).",
            )
    if "password_max_age_days" in settings:
        value = settings["password_max_age_days"]
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or not 1 <= value <= MAX_AGE_LIMIT_DAYS
        ):
            raise SettingRefused(
                "password_max_age_days",
                f"Thời hạn mật khẩu phải từ 1 đến {MAX_AGE_LIMIT_DAYS} ngày (AG-10.3: "
                "mật khẩu phải được thay đổi thường xuyên).",
                f"The password's maximum age must be 1 to {MAX_AGE_LIMIT_DAYS} days (AG-10.3: "
                "passwords are changed regularly).",
            )


def max_age_days(conn: Connection, username: str) -> int:
    """The strictest maximum age among the account's sites (default 90 days)."""
    ages = [
        _int(_settings(s.settings).get("password_max_age_days"), DEFAULT_MAX_AGE_DAYS)
        for s in _user_sites(conn, username)
    ]
    return min(ages, default=DEFAULT_MAX_AGE_DAYS)


@dataclass(frozen=True, slots=True)
class PasswordAge:
    changed_at: datetime | None
    expires_at: datetime | None
    expired: bool
    must_change: bool

    @property
    def change_required(self) -> bool:
        """Nothing but the change (and ``/me``, refresh, logout) until the password is new."""
        return self.expired or self.must_change

    def to_dict(self) -> dict[str, Any]:
        return {
            "password_changed_at": self.changed_at.isoformat() if self.changed_at else None,
            "password_expires_at": self.expires_at.isoformat() if self.expires_at else None,
            "password_expired": self.expired,
            "must_change_password": self.must_change,
        }


def password_age(conn: Connection, username: str, now: datetime) -> PasswordAge:
    row = conn.execute(
        select(db.users.c.password_changed_at, db.users.c.must_change_password).where(
            db.users.c.username == username
        )
    ).first()
    if row is None:
        return PasswordAge(None, None, False, False)
    changed = row.password_changed_at
    if changed is not None and changed.tzinfo is None:  # SQLite gives back naive UTC
        changed = changed.replace(tzinfo=UTC)
    expires = changed + timedelta(days=max_age_days(conn, username)) if changed else None
    return PasswordAge(
        changed, expires, expires is not None and expires <= now, bool(row.must_change_password)
    )
