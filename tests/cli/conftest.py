from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.portal import running_portal


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    """A fresh demo portal (its own SQLite database) on loopback."""
    with running_portal(tmp_path) as server:
        yield server
