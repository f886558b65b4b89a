"""Without --demo: the welcome screen connects to a portal, the session goes to the keychain
(never to disk), and the next start opens that profile without asking again."""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path
from typing import Any

from desktop.app import DeskApp, start_profile
from desktop.desk.warm import pause_gc, resume_gc
from desktop.security.credentials import CredentialStore
from tests.security.helpers import MemoryKeyring, files_containing
from tests.ui.helpers import DEMO_PASSWORD


def test_connect_then_resume_from_the_keychain(
    qapp: Any, run: Any, tmp_path: Path, settings: Any, translations: Any, demo_portal: Any
) -> None:
    keyring = MemoryKeyring()
    credentials = CredentialStore(backend=keyring)
    desk = DeskApp(qapp, tmp_path / "data", settings, translations)
    try:
        pause_gc()  # as run_gui starts: the collector waits until someone is asked something
        starting = asyncio.ensure_future(start_profile(desk, None, credentials=credentials))
        run(_until(lambda: desk.welcome_dialog is not None and desk.welcome_dialog.isVisible()))
        assert gc.isenabled()
        dialog = desk.welcome_dialog
        dialog.address.setText(demo_portal.url)
        dialog.account.setText("phoban")
        dialog.password.setText("wrong password")
        dialog.connect_button.click()
        run(_until(lambda: bool(dialog.error.text()) and dialog.isVisible()))
        assert "mật khẩu" in dialog.error.text() or "đăng nhập" in dialog.error.text()
        dialog.password.setText(DEMO_PASSWORD)
        dialog.connect_button.click()
        run(starting)
        assert desk.window is not None
        assert desk.window.items.session.user.username == "phoban"
        sessions = [name for _service, name in keyring.entries if not name.endswith("/store-key")]
        assert len(sessions) == 1  # the session; the store key has its own entry
        run(desk.sign_out())
        assert not files_containing(tmp_path, DEMO_PASSWORD)  # settings, stores, profiles

        again = DeskApp(qapp, tmp_path / "data", settings, translations)
        pause_gc()
        run(start_profile(again, None, credentials=CredentialStore(backend=keyring)))
        assert again.welcome_dialog is None  # resumed without asking
        assert gc.isenabled()  # on again once the window was painted
        assert again.window.items.session.user.username == "phoban"
        run(again.window.sync.sync_now())
        assert again.sync.state.online is True
        run(again.close())
    finally:
        resume_gc()
        run(desk.close())


async def _until(condition: Any) -> None:
    """Yield to the loop until the condition holds (the dialog runs on the same loop)."""
    while not condition():
        await asyncio.sleep(0.01)
