"""Fixtures shared by every test package: a real portal on loopback, on SQLite and PostgreSQL.

PostgreSQL is a throwaway cluster (``portal.db.testing_pg``) started once per test session. Where
its binaries are missing, the PostgreSQL cases skip locally but fail in CI (``CI=true``), so a
missing install step cannot hide behind skips.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

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
