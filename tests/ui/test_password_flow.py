"""The password flows through the GUI against a real portal on loopback (AG-10.3): the change
(pre-checked, re-wrapping the store key), the expiry warning, and the forced change that allows
nothing else, keeps the outbox and ends only by changing or signing out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import update

from desktop.app import DeskApp
from desktop.security.credentials import CredentialStore
from desktop.store.base import forget_key
from desktop.sync import PortalClient
from desktop.sync.errors import AuthError, Forbidden, Invalid
from desktop.ui import settings as options
from desktop.ui.password_dialog import Account, ChangePasswordDialog
from desktop.ui.password_flow import PASSWORD_WARNED_ON, PasswordFlow
from tests.security.helpers import MemoryKeyring

OLD = "bien-tap-demo-2026"
NEW = "sông Hương chảy chậm qua bốn mùa mưa"
RESET = "đặt-lại-bởi-quản-trị-9317-ngày-mưa"
USER = "thanhvien1"


def _portal_db(portal: Any) -> Any:
    return portal.app.state.engine


def admin_reset(portal: Any) -> None:
    """What ``portal-admin user reset-password`` does: a new password, changed at next login."""
    from portal.board import directory as board
    from portal.db import writing

    with writing(_portal_db(portal)) as conn:
        board.set_password(conn, USER, RESET, datetime.now(UTC), must_change=True)


def age_password(portal: Any, days: int) -> None:
    from portal import db
    from portal.db import writing

    with writing(_portal_db(portal)) as conn:
        conn.execute(
            update(db.users)
            .where(db.users.c.username == USER)
            .values(password_changed_at=datetime.now(UTC) - timedelta(days=days))
        )


@pytest.fixture
def app_desk(
    qapp: Any, run: Any, tmp_path: Path, settings: Any, translations: Any
) -> Iterator[DeskApp]:
    desk = DeskApp(qapp, tmp_path / "data", settings, translations)
    desk.credentials = CredentialStore(backend=MemoryKeyring())
    yield desk
    run(desk.close())  # closes and deletes the window
    for path in (tmp_path / "data").rglob("*.sqlite3"):
        forget_key(path)


def sign_in(run: Any, desk: DeskApp, url: str, password: str = OLD) -> Any:
    store_path = desk.root / "p1" / "store.sqlite3"

    def keep(token: str) -> None:
        desk.credentials.save("p1", USER, token)

    window = run(desk.sign_in(url, USER, password, store_path, keep, "p1"))
    run(desk.sync.sync_now())  # after the sync the window starts, one more to its end
    return window


def flow_of(desk: DeskApp) -> PasswordFlow:
    flow = desk.password_flow
    assert isinstance(flow, PasswordFlow)
    return flow


def fill(dialog: ChangePasswordDialog, current: str, new: str, repeat: str | None = None) -> None:
    dialog.current.setText(current)
    dialog.new.setText(new)
    dialog.repeat.setText(new if repeat is None else repeat)
    dialog.precheck()


def test_client_changes_password_with_typed_errors(run: Any, demo_portal: Any) -> None:
    async def scenario() -> None:
        async with PortalClient(demo_portal.url, retries=0) as client:
            await client.login(USER, OLD)
            with pytest.raises(Forbidden) as wrong:
                await client.change_password("not the password at all", NEW)
            assert wrong.value.code == "bad_credentials"
            with pytest.raises(Invalid) as weak:
                await client.change_password(OLD, "thanhvien1-matkhau")
            assert weak.value.code == "weak_password"
            codes = {p["code"] for p in weak.value.problems}
            assert {"contains_name"} <= codes
            assert all(p["vi"] and p["en"] for p in weak.value.problems)
            await client.change_password(OLD, NEW)
            assert (await client.me())["username"] == USER  # this session goes on
        async with PortalClient(demo_portal.url, retries=0) as other:
            with pytest.raises(AuthError):
                await other.login(USER, OLD)
            await other.login(USER, NEW)

    run(scenario())


def test_dialog_prechecks_with_the_portal_policy_in_the_users_language(
    qtbot: Any, translations: Any
) -> None:
    account = Account(USER, "Nguyễn Văn Thành", (("demo", "Cổng thông tin Demo"),))
    dialog = ChangePasswordDialog(account)
    qtbot.addWidget(dialog)
    fill(dialog, OLD, "ngắn quá")
    assert not dialog.ok.isEnabled()
    assert "ít nhất 15 ký tự" in dialog.problems.text()
    fill(dialog, OLD, "thanhvien1 và những ngày dài")
    assert "tên đăng nhập" in dialog.problems.text()
    fill(dialog, OLD, NEW, NEW + "x")
    assert "không giống nhau" in dialog.problems.text()
    assert not dialog.ok.isEnabled()
    fill(dialog, OLD, NEW)
    assert dialog.problems.text() == "" and dialog.ok.isEnabled()
    translations.switch("en")
    fill(dialog, OLD, "short one")
    assert "at least 15 characters" in dialog.problems.text()


def test_change_from_settings_rewraps_the_store_key(
    run: Any, app_desk: DeskApp, demo_portal: Any
) -> None:
    window = sign_in(run, app_desk, demo_portal.url)
    flow = flow_of(app_desk)
    screen = window.screens["settings"]
    screen.change_password.click()
    dialog = flow.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.forced
    fill(dialog, "a wrong current password", NEW)
    dialog.ok.click()
    run(flow.task)
    assert dialog.isVisible() and "không đúng" in dialog.error.text()
    fill(dialog, OLD, NEW)
    dialog.ok.click()
    run(flow.task)
    assert flow.dialog is None
    assert app_desk.keys.check_password(NEW) and not app_desk.keys.check_password(OLD)
    assert window.centralWidget().isEnabled()
    # the same dialog from the account menu; Cancel closes it and changes nothing
    flow.change_action.trigger()
    assert flow.dialog is not None
    flow.dialog.leave.click()
    assert flow.dialog is None


def test_forced_change_after_a_sync_keeps_the_outbox_and_allows_nothing_else(
    run: Any, app_desk: DeskApp, demo_portal: Any, qtbot: Any
) -> None:
    window = sign_in(run, app_desk, demo_portal.url)
    flow = flow_of(app_desk)
    item = run(window.items.create_draft(title="Tin chờ gửi", body="Nội dung tin chờ gửi."))
    assert window.items.pending_count() >= 1
    admin_reset(demo_portal)
    with qtbot.waitSignal(flow.required, timeout=5000):
        run(app_desk.sync.sync_now())
    dialog = flow.dialog
    assert dialog is not None and dialog.forced and dialog.isVisible()
    assert "đặt lại" in dialog.reason.text()
    assert not window.centralWidget().isEnabled() and not window.toolbar.isEnabled()
    assert not app_desk.desk.scheduler.started
    assert window.items.pending_count() >= 1  # kept, not failed
    assert not window.items.failures(item.id)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()
    dialog.close()
    assert dialog.isVisible() and flow.dialog is dialog
    fill(dialog, RESET, NEW)
    dialog.ok.click()

    async def change_then_the_sync_it_starts() -> None:
        # One run of the loop for both: the sync the change starts must not be stepped by Qt
        # while asyncio's loop is stopped between two run() calls (a qasync test artefact).
        await flow.task
        await app_desk.sync.sync_now()

    run(change_then_the_sync_it_starts())
    assert flow.dialog is None and window.centralWidget().isEnabled()
    assert app_desk.desk.scheduler.started
    assert window.items.pending_count() == 0  # the queued draft went through
    assert app_desk.store.me()["must_change_password"] is False

    async def on_portal() -> Any:
        async with PortalClient(demo_portal.url, retries=0) as client:
            await client.login(USER, NEW)
            return await client.item(item.id)

    assert run(on_portal())["title"] == "Tin chờ gửi"


def test_expiry_warning_once_a_day(
    run: Any, app_desk: DeskApp, demo_portal: Any, settings: Any
) -> None:
    age_password(demo_portal, 80)  # 90-day maximum: 10 days left
    window = sign_in(run, app_desk, demo_portal.url)
    flow = flow_of(app_desk)
    assert flow.status.isVisible() and "10" in flow.status.text()
    assert flow.banner.isVisible() and "10" in flow.banner_text.text()
    assert settings.get(PASSWORD_WARNED_ON) == datetime.now(UTC).date().isoformat()
    assert window.centralWidget().isEnabled() and flow.dialog is None
    flow.banner_close.trigger()
    flow.evaluate()
    assert not flow.banner.isVisible() and flow.status.isVisible()  # once a day
    flow.clock = lambda: datetime.now(UTC) + timedelta(days=1)
    flow.evaluate()
    assert flow.banner.isVisible() and "9" in flow.banner_text.text()


def test_expired_password_at_sign_in_leads_to_the_change_or_sign_out(
    run: Any, app_desk: DeskApp, demo_portal: Any
) -> None:
    age_password(demo_portal, 91)
    window = sign_in(run, app_desk, demo_portal.url)
    flow = flow_of(app_desk)
    dialog = flow.dialog
    assert dialog is not None and dialog.forced and "quá hạn" in dialog.reason.text()
    assert not window.centralWidget().isEnabled()
    keyring = app_desk.credentials._backends[0]
    assert any(name == "p1" for (_s, name) in keyring.entries)
    token = app_desk.client.refresh_token
    dialog.leave.click()  # "Đăng xuất"
    run(flow.task)
    assert app_desk.window is None and app_desk.finished.is_set()
    assert keyring.entries == {}  # the session and the store key's keychain copy are gone

    async def reuse() -> None:
        async with PortalClient(demo_portal.url, refresh_token=token, retries=0) as client:
            await client.refresh()

    with pytest.raises(AuthError):
        run(reuse())  # revoked on the portal


def test_idle_lock_minutes_in_the_settings_screen(
    run: Any, app_desk: DeskApp, demo_portal: Any, settings: Any
) -> None:
    window = sign_in(run, app_desk, demo_portal.url)
    screen = window.screens["settings"]
    assert screen.idle_lock.value() == 10
    screen.idle_lock.setValue(3)
    assert settings.get(options.IDLE_LOCK_MINUTES) == 3
    assert app_desk.lock.idle_seconds == 180
    assert options.IDLE_LOCK_MINUTES in options.ALL
