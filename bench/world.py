"""The shared setting of the sync and UI figures: a portal process on a SQLite file holding
``items`` submitted items, in a temp folder. The push figure edits ``ids[:edits]``, its
baseline ``ids[edits:2*edits]``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench import seeding
from bench.portal_process import PortalProcess
from bench.sizes import Sizes
from portal.db import make_engine


@dataclass
class World:
    folder: Path
    sizes: Sizes
    url: str = ""
    ids: list[str] = field(default_factory=list)  # every item: the editor sees them all
    _portal: PortalProcess | None = None

    def start(self) -> World:
        url = f"sqlite:///{self.folder / 'portal.sqlite3'}"
        engine = make_engine(url)
        try:
            seeding.seed_board(engine)
            self.ids = seeding.seed_items(engine, self.sizes.items)
        finally:
            engine.dispose()
        self._portal = PortalProcess(url, log=self.folder / "portal.log").start()
        self.url = self._portal.url
        return self

    def stop(self) -> None:
        if self._portal is not None:
            self._portal.stop()
            self._portal = None
