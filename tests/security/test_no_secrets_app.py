"""Through the desktop app: sign-in, sync, a draft, the idle lock and sign-out leave no secret
and no draft text in clear in any file (AG-10.2, AG-10.3).

The DeskApp of the composition root talks to a real portal on loopback with an in-memory keychain.
Scanned: everything under HOME (the data folder with the encrypted store, its WAL and -shm and
the key header; the QSettings file; the XDG folders), TMPDIR, and a log file that recorded
everything at DEBUG. The portal's own database sits outside HOME (it is the server's).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings

from desktop.security.credentials import CredentialStore
from desktop.store.base import forget_key
from tests.helpers.portal import running_portal
from tests.security.helpers import MemoryKeyring, files_containing

pytestmark = pytest.mark.gui

PASSWORD = "bien-tap-demo-2026"
ACCOUNT = "thanhvien1"
PHRASE = "Mật lệnh hồ-sen-trắng-5823 chưa công bố"


@pytest.fixture
def portal(tmp_path: Path) -> Iterator[Any]:
    (tmp_path / "portal").mkdir()
    with running_portal(tmp_path / "portal") as server:
        yield server


def test_app_session_leaves_no_secret_in_clear(
    qapp: Any, loop: asyncio.AbstractEventLoop, isolated_home: Path, portal: Any
) -> None:
    from desktop.app import DeskApp
    from desktop.desk.profiles import Profiles
    from desktop.ui.i18n import Translations
    from desktop.ui.settings import Settings

    asyncio.set_event_loop(loop)  # the session's qasync loop, current in this thread

    def run(awaitable: Awaitable[Any]) -> Any:
        return loop.run_until_complete(asyncio.wait_for(asyncio.ensure_future(awaitable), 60))

    log_file = isolated_home / "desk.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root_logger = logging.getLogger()
    level = root_logger.level
    root_logger.addHandler(handler)
    root_logger.setLevel(logging.DEBUG)
    settings_file = isolated_home / "xdg_config_home" / "BanBienTap" / "ban-bien-tap.ini"
    settings = Settings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    translations = Translations(qapp, isolated_home / "qm")
    translations.switch("vi")
    keyring = MemoryKeyring()
    data = isolated_home / "data"
    desk = DeskApp(qapp, data, settings, translations)
    desk.credentials = CredentialStore(backend=keyring)
    try:
        profiles = Profiles(data)
        profile = profiles.create(portal.url)
        profiles.set_last(profile.id)

        def keep(token: str) -> None:
            desk.credentials.save(profile.id, ACCOUNT, token)

        window = run(
            desk.sign_in(portal.url, ACCOUNT, PASSWORD, profile.store_path, keep, profile.id)
        )
        keep(desk.client.refresh_token)
        token = desk.client.refresh_token
        assert token and any(token in entry for entry in keyring.entries.values())

        run(desk.sync.sync_now())  # the window's first sync ends before the draft
        item = run(window.items.create_draft(title="Tin nội bộ", body=PHRASE))
        window.open_item(item.id)
        window.item_page.editor.flush()  # the unit the section prefilled, saved before the sync
        run(window.items.save(item.id, body=PHRASE + "\n\nĐoạn thứ hai."))
        run(desk.sync.sync_now())
        waiting = window.items.store.db.execute(
            "SELECT seq, op, attempts, next_attempt_at, last_error FROM outbox"
        ).fetchall()
        assert waiting == [] and desk.sync.state.online, (waiting, desk.sync.state)
        token = desk.client.refresh_token  # rotated by now, maybe

        window.screens["settings"].idle_lock.setValue(5)  # the settings file is written
        desk.lock.lock()
        assert desk.lock.is_locked
        assert not desk.lock.try_unlock("một mật khẩu sai hoàn toàn")
        assert desk.lock.try_unlock(PASSWORD)

        found = files_containing(isolated_home, PASSWORD, token, ACCOUNT, PHRASE)
        assert found == [], found  # while signed in too: the WAL and -shm are there
        assert any(p.name.endswith("-wal") for p in data.rglob("*"))

        flow = desk.password_flow
        run(flow.request_sign_out())
        assert desk.window is None
    finally:
        run(desk.close())
        root_logger.removeHandler(handler)
        root_logger.setLevel(level)
        handler.close()
        for path in data.rglob("*.sqlite3"):
            forget_key(path)
    assert keyring.entries == {}  # the session and the store key's keychain copy are gone
    assert settings_file.exists() and log_file.stat().st_size > 0
    assert any(p.name.endswith(".key.json") for p in data.rglob("*"))
    found = files_containing(isolated_home, PASSWORD, token, ACCOUNT, PHRASE)
    assert found == [], found
    for path in isolated_home.rglob("*"):
        assert ACCOUNT not in path.name
