"""The portal board of tests/portal (its fixtures, both databases) and a clock the test moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from portal.server import PortalServer
from tests.portal.conftest import _cheap_argon2, api, server  # noqa: F401 - fixtures


class Clock:
    """The portal's "now": a test sets it to the second it wants to look at."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(server: PortalServer) -> Iterator[Clock]:  # noqa: F811
    real = server.app.state.clock
    moved = Clock(real())
    server.app.state.clock = moved
    yield moved
    server.app.state.clock = real
