"""Fixtures shared by every test package: a real portal on loopback with a real SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from portal.server import PortalServer


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """A fresh SQLite file for one test."""
    return f"sqlite:///{tmp_path / 'portal.sqlite3'}"


@pytest.fixture
def portal_server(database_url: str) -> Iterator[PortalServer]:
    """An empty portal (no sites, no accounts) on 127.0.0.1; ``.url``, ``.app.state.engine``."""
    with PortalServer(database_url) as server:
        yield server
