"""``portal-desk --selftest``: the check every installer build runs on the frozen app.

It starts the embedded demo portal on loopback, signs in as the first demo member, opens the
main window, takes one item one step (a new draft, submitted for editing and synced to the
portal), reads the item back from the portal, and exits 0. Everything it writes goes to a fresh
temporary folder (or ``--data-dir``): a person's demo data and settings are never touched, and
nothing is written next to the executable.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import tempfile
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TITLE = "Kiểm tra cài đặt: bản nháp thử"
#: keyring's entry point of the OS keychain on each platform (Secret Service on Linux).
KEYCHAINS = {"linux": "SecretService", "win32": "Windows", "darwin": "macOS"}


class SelftestFailed(Exception):
    """A step of the self-test did not give what it should."""


async def take_one_step(app: Any) -> str:
    """Submit a new draft and sync it; returns the item's id once the portal holds it as
    "submitted". The window's own sync schedule is stopped so that only this sync runs."""
    from desktop.models.workflow import Action

    desk = app.desk
    await desk.scheduler.stop()
    item = await desk.create(title=TITLE, body="Nội dung thử của bản cài đặt.")
    await desk.act(item.id, Action.SUBMIT)
    report = await desk.sync()
    if getattr(report, "error", ""):
        raise SelftestFailed(f"sync: {report.error}")
    state = (await desk.client.item(item.id)).get("state")
    if state != "submitted":
        raise SelftestFailed(f"the portal holds the item as {state!r}, not 'submitted'")
    if desk.pending_count():
        raise SelftestFailed(f"{desk.pending_count()} change(s) not sent")
    return str(item.id)


def keychain_backend() -> str:
    """The OS keychain's keyring backend must be in the bundle (found through entry points)."""
    from importlib.metadata import entry_points

    wanted = KEYCHAINS.get("linux" if sys.platform.startswith("linux") else sys.platform, "")
    found = {entry.name: entry for entry in entry_points(group="keyring.backends")}
    if wanted not in found:
        raise SelftestFailed(f"keyring backend {wanted!r} missing (found: {sorted(found)})")
    found[wanted].load()
    return wanted


def run(args: Any) -> int:
    """Run the self-test with Qt's platform of the moment (offscreen in CI); 0 when it passed."""
    from PySide6.QtCore import QSettings

    from desktop.app import DeskApp, build_app, start_demo
    from desktop.ui.i18n import Translations
    from desktop.ui.qtcompat import event_loop
    from desktop.ui.settings import Settings

    logging.basicConfig(level=logging.WARNING)
    with contextlib.ExitStack() as stack:
        chosen = getattr(args, "data_dir", None)
        root = Path(chosen) if chosen else Path(stack.enter_context(tempfile.TemporaryDirectory()))
        app = build_app()
        loop = event_loop(app)
        asyncio.set_event_loop(loop)
        settings = Settings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat))
        translations = Translations(app, root / "cache")
        translated = translations.switch(getattr(args, "lang", None) or "vi")
        desk = DeskApp(app, root, settings, translations)

        async def main() -> int:
            try:
                if not translated:
                    raise SelftestFailed("the interface's translation did not load")
                keychain = keychain_backend()
                window = await start_demo(desk, reset=True)
                if window is None or not window.isVisible():
                    raise SelftestFailed("the main window did not open")
                item_id = await take_one_step(desk)
                print(
                    f"selftest ok: language {translations.language}, keychain {keychain}, "
                    f"portal {desk.portal_url}, item {item_id} submitted"
                )
                return 0
            except Exception as exc:
                log.exception("selftest failed")
                print(f"selftest FAILED: {exc}", file=sys.stderr)
                return 1
            finally:
                await desk.close()

        with loop:
            return int(loop.run_until_complete(main()))
