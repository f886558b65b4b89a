"""Issue 4: several saved profiles (portal + account), switched and added from the Account menu
while the application runs, against a real demo portal and an in-memory keychain."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint

from desktop.app import DeskApp
from desktop.desk.profiles import Profile, Profiles
from desktop.security.credentials import CredentialStore
from desktop.store.base import forget_key
from desktop.ui.password_flow import PasswordFlow
from tests.helpers.keyrings import MemoryKeyring
from tests.ui.helpers import DEMO_PASSWORD


@pytest.fixture
def app_desk(
    qapp: Any, run: Any, tmp_path: Path, settings: Any, translations: Any
) -> Iterator[DeskApp]:
    desk = DeskApp(qapp, tmp_path / "data", settings, translations)
    desk.credentials = CredentialStore(backend=MemoryKeyring())
    yield desk
    if desk.welcome_dialog is not None:
        desk.welcome_dialog.reject()
    run(desk.close())
    for path in (tmp_path / "data").rglob("*.sqlite3"):
        forget_key(path)


def sign_in(run: Any, desk: DeskApp, url: str, username: str) -> Profile:
    """A new profile signed in as the welcome dialog does it: session in the keychain."""
    profile = Profiles(desk.root).create(url)

    def keep(token: str) -> None:
        desk.credentials.save(profile.id, username, token)

    run(desk.sign_in(url, username, DEMO_PASSWORD, profile.store_path, keep, profile.id))
    keep(desk.client.refresh_token)
    settle(run, desk)
    return profile


def settle(run: Any, desk: DeskApp) -> None:
    if desk.sync is not None:
        run(desk.sync.sync_now())  # after the sync the window starts, one more to its end


def flow_of(desk: DeskApp) -> PasswordFlow:
    flow = desk.password_flow
    assert isinstance(flow, PasswordFlow)
    return flow


def open_menu(desk: DeskApp) -> PasswordFlow:
    """Show the Account menu for real: its profiles are rebuilt as it is about to show."""
    flow = flow_of(desk)
    flow.menu.popup(QPoint(0, 0))
    flow.menu.hide()
    return flow


def user_of(desk: DeskApp) -> str:
    return str(desk.window.items.session.user.username)


def test_switch_between_two_profiles_from_the_account_menu(
    run: Any, app_desk: DeskApp, demo_portal: Any
) -> None:
    desk, profiles = app_desk, Profiles(app_desk.root)
    first = sign_in(run, desk, demo_portal.url, "thanhvien1")
    second = sign_in(run, desk, demo_portal.url, "phoban")
    assert user_of(desk) == "phoban"
    assert profiles.last() == second

    flow = open_menu(desk)
    assert flow.profiles_menu.title() == "Đổi hồ sơ"
    assert flow.add_profile_action.isVisible()
    listed = flow.profiles_menu.actions()
    assert [a.data() for a in listed] == [first.id]  # the other profile, not the current one
    assert listed[0].text() == demo_portal.url
    assert "thanhvien1" not in listed[0].text()  # never the account name

    listed[0].trigger()
    run(flow.task)
    settle(run, desk)
    assert desk.welcome_dialog is None  # resumed from the keychain, nothing asked
    assert user_of(desk) == "thanhvien1"
    assert profiles.last() == first
    assert desk.sync.state.online is True

    back = open_menu(desk)
    assert back is not flow  # a new window with its own menu
    listed = back.profiles_menu.actions()
    assert [a.data() for a in listed] == [second.id]
    listed[0].trigger()
    run(back.task)
    settle(run, desk)
    assert user_of(desk) == "phoban"
    assert profiles.last() == second


def test_add_an_account_from_the_account_menu(
    run: Any, app_desk: DeskApp, demo_portal: Any
) -> None:
    desk, profiles = app_desk, Profiles(app_desk.root)
    first = sign_in(run, desk, demo_portal.url, "thanhvien1")
    flow = open_menu(desk)
    assert not flow.profiles_menu.actions()
    assert not flow.profiles_action.isEnabled()  # no other profile yet

    flow.add_profile_action.trigger()
    run(_until(lambda: desk.welcome_dialog is not None and desk.welcome_dialog.isVisible()))
    assert user_of(desk) == "thanhvien1"  # the window stays while the dialog asks
    dialog = desk.welcome_dialog
    dialog.address.setText(demo_portal.url)
    dialog.account.setText("truongban")
    dialog.password.setText(DEMO_PASSWORD)
    dialog.connect_button.click()
    run(flow.task)
    settle(run, desk)
    assert user_of(desk) == "truongban"
    added = profiles.last()
    assert added is not None and added.id != first.id
    # Listed by its site and role, never by the account name (AG-10.3).
    assert "Trưởng ban" in added.label and "truongban" not in added.label
    assert [p.id for p in profiles.all()] == [first.id, added.id]
    assert [a.data() for a in open_menu(desk).profiles_menu.actions()] == [first.id]


async def _until(condition: Any) -> None:
    """Yield to the loop until the condition holds (the dialog runs on the same loop)."""
    while not condition():
        await asyncio.sleep(0.01)


def test_a_saved_profile_opens_before_it_syncs(
    run: Any, app_desk: DeskApp, demo_portal: Any
) -> None:
    """Offline first: a profile with its directory opens from the store at once (no network
    wait, even with the portal down) and fills its queues from the worker thread; the window's
    first sync then refreshes the directory, and tells of nothing that was already there."""
    desk = app_desk
    first = sign_in(run, desk, demo_portal.url, "phoban")
    waiting = {r.id for r in desk.window.items.rows(states=["submitted"])}
    assert waiting  # the demo has items in the deputy's queue
    before = desk.store.get_meta("directory_at")
    sign_in(run, desk, demo_portal.url, "thanhvien1")
    seen: list[Any] = []

    def on_window(window: Any) -> None:
        screen = window.screens[window.current_screen_name()]
        seen.append((desk.store.get_meta("directory_at"), desk.store.get_meta("last_sync")))
        seen.append((window.items.loading, window.items.rows(), screen.empty.text()))

    async def switch_and_sync() -> None:  # in one loop run: Qt must not step the sync outside
        await flow_of(desk).task
        if desk.sync is not None:
            await desk.sync.sync_now()

    desk.on_window = on_window
    open_menu(desk).profiles_menu.actions()[0].trigger()
    run(switch_and_sync())
    assert user_of(desk) == "phoban" and Profiles(desk.root).last() == first
    [(directory_at, last_sync), (loading, rows, empty)] = seen
    assert directory_at == before  # shown from the store: no sync ran before the window
    assert loading and rows == [] and empty == "Đang đọc danh sách tin…"
    window = desk.window
    assert not window.items.loading
    assert {r.id for r in window.items.rows(states=["submitted"])} == waiting
    current = window.screens[window.current_screen_name()]  # refreshed once the rows came
    assert current.view.count() == len(current.rows())
    assert current.empty.text() == "Hiện chưa có tin nào."
    window.show_screen("edit_queue")
    assert window.screens["edit_queue"].view.count() == len(waiting)
    assert desk.store.get_meta("directory_at") > before  # the window's sync took the directory
    assert desk.store.get_meta("last_sync") != last_sync
    assert window.last_notifications == []  # the queue was read before: nothing is new in it
