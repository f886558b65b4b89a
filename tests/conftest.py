"""Fixtures shared by every test package: a real portal on loopback, on SQLite and PostgreSQL.

PostgreSQL is a throwaway cluster (``portal.db.testing_pg``) started once per test session. Where
its binaries are missing, the PostgreSQL cases skip locally but fail in CI (``CI=true``), so a
missing install step cannot hide behind skips.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from portal.db.testing_pg import PostgresUnavailable, ThrowawayPostgres
from portal.server import PortalServer

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres() -> Iterator[ThrowawayPostgres]:
    """One throwaway PostgreSQL cluster for the whole run."""
    try:
        cluster = ThrowawayPostgres()
    except PostgresUnavailable as error:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"PostgreSQL is needed in CI: {error}", pytrace=False)
        pytest.skip(f"PostgreSQL not installed here: {error}")
    with cluster:
        yield cluster


@pytest.fixture
def postgres_url(postgres: ThrowawayPostgres) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test (dropped afterwards)."""
    url = postgres.new_database()
    yield url
    postgres.drop_database(url)


def url_for(backend: str, request: pytest.FixtureRequest, folder: Path) -> str:
    """A fresh database of ``backend``: a SQLite file in ``folder`` or a new PostgreSQL one."""
    if backend == "sqlite":
        return f"sqlite:///{folder / 'portal.sqlite3'}"
    cluster: ThrowawayPostgres = request.getfixturevalue("postgres")
    url = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop_database(url))
    return url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database for one test, once on SQLite and once on PostgreSQL."""
    return url_for(request.param, request, tmp_path)


@pytest.fixture
def portal_server(database_url: str) -> Iterator[PortalServer]:
    """An empty portal (no sites, no accounts) on 127.0.0.1; ``.url``, ``.app.state.engine``."""
    with PortalServer(database_url) as server:
        yield server


@pytest.fixture(scope="session")
def loop(qapp: Any) -> Iterator[asyncio.AbstractEventLoop]:
    """qasync's loop on the test's QApplication: awaits run while Qt paints and delivers signals.

    Here for every Qt test (tests/ui, tests/security): closed at the session's end while the
    QApplication is still there, never left to the garbage collector at exit.

    One loop for the whole session: worker threads (the store's writer, httpx's resolver) may
    still post a callback after a test ends, and must find the loop alive.
    """
    from desktop.ui.qtcompat import event_loop as make_loop

    qapp.setQuitOnLastWindowClosed(False)  # as the app: switching accounts replaces the window
    event_loop = make_loop(qapp)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.close()
    asyncio.set_event_loop(None)
