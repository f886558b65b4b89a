"""The access token lives in memory, expires on a monotonic clock, and is forgotten on clear()."""

from __future__ import annotations

import pytest

from desktop.security.session import Session

TOKEN = "at_kd93jf0s8d7f6g5h4j3k"


class Clock:
    """A hand-driven monotonic clock."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_token_until_expiry() -> None:
    clock = Clock()
    session = Session(clock=clock)
    assert session.access_token is None and not session.valid and session.needs_renewal()

    session.set(TOKEN, expires_in=900)
    assert session.access_token == TOKEN
    assert session.authorization() == {"Authorization": f"Bearer {TOKEN}"}
    assert session.expires_in() == 900 and not session.needs_renewal()

    clock.now += 880
    assert session.valid and session.needs_renewal()  # inside the 30 s margin
    clock.now += 20
    assert session.access_token is None and session.authorization() == {}
    assert session.expires_in() == 0


def test_clear_forgets_the_token() -> None:
    session = Session(clock=Clock())
    session.set(TOKEN, 900)
    session.clear()
    assert session.access_token is None and session.expires_in() == 0


def test_token_is_not_in_repr() -> None:
    session = Session(clock=Clock())
    session.set(TOKEN, 900)
    assert TOKEN not in repr(session) and TOKEN not in str(session)
    assert repr(session) == "Session(active)"


def test_empty_token_is_refused() -> None:
    with pytest.raises(ValueError):
        Session().set("", 900)
