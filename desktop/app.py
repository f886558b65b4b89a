"""The composition root: builds the objects and wires them together (design.md).

``run_gui(args)`` is what ``portal-desk`` runs without a headless command. With ``--demo`` it
starts the reference portal on loopback with its demo content (a persistent SQLite file in the
user data folder; ``--demo-reset`` starts over), signs in, and offers a switcher between the
demo accounts so one person can take an item through all three steps alone. Without it, it
opens the last profile (its session from the OS keychain), or the welcome screen.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import gc
import logging
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

APP_ID = "ban-bien-tap"
DEMO_PASSWORD = "bien-tap-demo-2026"
#: The demo board (portal/demo/content.py): (username, role shown in the switcher).
DEMO_ACCOUNTS: tuple[tuple[str, str], ...] = (
    ("thanhvien1", "member"),
    ("thanhvien2", "member"),
    ("phoban", "deputy"),
    ("truongban", "head"),
)


def data_dir(args: Any) -> Path:
    from desktop.desk.profiles import data_dir as profiles_data_dir

    return profiles_data_dir(getattr(args, "data_dir", None))


class DeskApp:
    """The running application: the long-lived parts (the demo portal, settings, languages)
    and the window of the signed-in person, over their ``desktop.desk.Desk``."""

    def __init__(self, app: Any, root: Path, settings: Any, translations: Any) -> None:
        self.app = app
        self.root = root
        self.settings = settings
        self.translations = translations
        self.window: Any = None
        self.portal: Any = None
        self.portal_url = ""
        #: The signed-in person's desk (``desktop.desk.Desk``); None before signing in.
        self.desk: Any = None
        self.items: Any = None
        self.sync: Any = None
        self.accounts: list[tuple[str, str]] = []
        #: The keychain access (None in the demo).
        self.credentials: Any = None
        self.lock: Any = None
        self.password_flow: Any = None
        self.on_window: Callable[[Any], None] | None = None
        self.welcome_dialog: Any = None
        self._geometry: Any = None
        #: Set when the person closes the main window: the application then ends.
        self.finished = asyncio.Event()
        self._window_modules: asyncio.Future[None] | None = None
        #: The start-up window (desktop/ui/splash.py) until the main window or a dialog shows.
        self.splash: Any = None

    def starting(self, step: str) -> None:
        """Tell the start-up window what is happening now (no-op once it is gone)."""
        if self.splash is not None:
            self.splash.say(step)

    def started(self) -> None:
        """The main window or a dialog is up: the start-up window goes."""
        if self.splash is not None:
            self.splash.close()
            self.splash = None

    # what the window's helpers (the lock, the password flow) read of the session
    @property
    def store(self) -> Any:
        return self.desk.store if self.desk is not None else None

    @property
    def client(self) -> Any:
        return self.desk.client if self.desk is not None else None

    @property
    def engine(self) -> Any:
        return self.desk.engine if self.desk is not None else None

    @property
    def keys(self) -> Any:
        return self.desk.keys if self.desk is not None else None

    @property
    def language(self) -> str:
        return getattr(self.translations, "language", "") or "vi"

    # the demo
    def start_demo(self, reset: bool = False) -> str:
        """Start the demo portal (created and filled the first time); returns its address.
        Blocking for a few seconds: ``start_demo()`` below runs it on a worker thread."""
        from desktop.security.private import private_file
        from portal.server import PortalServer

        folder = self.root / "demo"
        if reset and folder.exists():
            shutil.rmtree(folder)
        database = private_file(folder / "portal.sqlite3")  # the data folder is the person's
        self.portal = PortalServer(f"sqlite:///{database}", demo=True, background=True).start()
        self.portal_url = self.portal.url
        from portal.demo.content import USERS

        names = {user["username"]: user["full_name"] for user in USERS}
        self.accounts = [  # people are known by their names, not their accounts
            (name, f"{names.get(name, name)} — {self._role_label(role)}")
            for name, role in DEMO_ACCOUNTS
        ]
        return self.portal_url

    @staticmethod
    def _role_label(role: str) -> str:
        from desktop.ui import labels

        return labels.role_name(role)

    def demo_store_path(self, username: str) -> Path:
        return self.root / "demo" / f"desk-{username}.sqlite3"

    def switch_account(self, username: str) -> asyncio.Future[Any] | None:
        """Demo only: sign in as another demo account (its own store), in the same window."""
        from desktop.ui.services import run_op

        if not self.portal_url:
            return None
        control = self.window.accounts if self.window is not None else None
        return run_op(
            control,
            lambda: self.sign_in(
                self.portal_url, username, DEMO_PASSWORD, self.demo_store_path(username)
            ),
            failure=lambda text: self.window.show_message(text) if self.window else None,
        )

    # signing in
    async def sign_in(
        self,
        url: str,
        username: str,
        password: str,
        store_path: Path,
        on_refresh_token: Callable[[str], None] | None = None,
        profile_id: str = "",
    ) -> Any:
        """Log in (the password is not kept), sync once, and show the account's window; the
        current window stays as it is when the login fails."""
        from desktop.desk.signin import sign_in

        self.starting("sign_in")
        desk = await sign_in(
            url,
            username,
            password,
            store_path,
            profile_id=profile_id,
            credentials=self.credentials if profile_id else None,
            on_refresh_token=on_refresh_token,
            language=self.language,
        )
        await self.sign_out()
        return await self.open_session(desk)

    async def resume(self, profile: Any) -> Any:
        """Open a saved profile with the session from the keychain; works offline too."""
        from desktop.desk.signin import resume

        desk = await resume(profile, self.credentials, language=self.language)
        if desk is None:
            return None
        # A store that has its directory opens at once, offline or not; the window's first
        # sync then brings the portal's news (and the directory) without holding it back.
        first_sync = desk.store.get_meta("directory_at") is None
        return await self.open_session(desk, first_sync=first_sync)

    def load_window_modules_soon(self) -> asyncio.Future[None]:
        """Import the main window's modules on a worker thread, once: started when the welcome
        dialog shows (the person types meanwhile), so that neither the sign-in sync nor the
        window's construction spends ~0.25 s importing on the UI thread."""
        if self._window_modules is None:
            loop = asyncio.get_running_loop()
            from desktop.ui.window_start import load_window_modules

            self._window_modules = loop.run_in_executor(None, load_window_modules)
        return self._window_modules

    async def open_session(self, desk: Any, first_sync: bool = True) -> Any:
        """Sync first (a new sign-in: the directory and the items), show the window, and fill
        its queues with rows read on the reader thread; it keeps syncing from there."""
        from desktop.desk.warm import resume_gc
        from desktop.ui.window_start import preload_window_icons

        self.desk = desk
        desk.scheduler.set_interval(self._interval())
        preload_window_icons()
        if first_sync:
            resume_gc()  # a sync makes garbage: the collector runs from here
            self.starting("sync")
            warm = self.load_window_modules_soon()  # most often done while they typed
            try:
                await desk.sync(directory=True)
            except Exception as exc:  # offline at start is normal: the window still opens
                log.info("first sync failed: %s", exc)
            try:
                await warm
            except Exception:  # the UI thread imports them itself
                log.warning("loading the window's modules failed", exc_info=True)
        else:
            desk.directory_next = True
        desk.queue.begin_loading()  # the window shows at once; its rows are read after
        self.starting("window")
        window = self.show_window(show=False)
        await asyncio.sleep(0)  # a loop turn between building the window and painting it
        window.show()
        self.started()
        await qt_turn()  # and its first paint before the reader takes the GIL to read rows
        resume_gc()  # paused by run_gui until the first window is painted
        if self.window is window:
            self._after_first_paint(window)
        await desk.first_read()
        await qt_turn()  # the rows taken in (and remembered) apart from the redraw
        if self.desk is desk and self.window is window:
            desk.start()  # after the first read: the sync's own refresh follows it
            window.warm_up()  # the item page's modules, on a worker, once the rows are in
        return window

    def _interval(self) -> int:
        from desktop.ui import settings as options

        return int(self.settings.get(options.SYNC_INTERVAL))

    def show_window(self, show: bool = True) -> Any:
        from desktop.ui.services import ItemService, SyncService
        from desktop.ui.shell import MainWindow

        self.items = ItemService(self.desk)
        self.sync = SyncService(self.desk, self.items)
        window = MainWindow(self.items, self.sync, self.settings, self.switch_language)
        window.closedByUser.connect(self.finished.set)
        if self.accounts:
            window.set_accounts(self.accounts, self.desk.session.user.username)
            window.accountSwitchRequested.connect(self.switch_account)
        if self._geometry is not None:
            window.setGeometry(self._geometry)
        from desktop.ui.password_flow import install_password_flow

        self.password_flow = install_password_flow(self, window)  # issue 5: AG-10.3
        self.window = window
        if show:
            window.show()
            self._after_first_paint(window)
        if self.on_window is not None:
            self.on_window(window)
        return window

    def _after_first_paint(self, window: Any) -> None:
        """What the first screen does not show: the tray icon, and the idle lock, whose filter
        sees every event of the application (each one a call into Python: the window's show and
        first paint would pay for it), start once the window is up; the lock counts ten minutes
        from there."""
        window.after_first_paint()
        if self.keys is not None and self.lock is None:
            from desktop.ui.lock import install_lock

            self.lock = install_lock(self, window)

    async def sign_out(self, revoke: bool = False) -> None:
        """Close the account's window, then its desk (the window must not read a store that is
        closing). ``revoke``: end the session on the portal and in the keychain too."""
        if self.lock is not None:
            self.lock.stop()
            self.lock = None
        if self.window is not None:
            self._geometry = self.window.geometry()
            self.window.replaced = True
            self.window.close()
            self.window.deleteLater()
            self.window = None
        for adapter in (self.items, self.sync):
            if adapter is not None:
                adapter.detach()
        self.items = self.sync = None
        desk, self.desk = self.desk, None
        if desk is not None:
            if revoke:
                await desk.sign_out(self.credentials)
            else:
                await desk.close()

    async def switch_profile(self, profile_id: str) -> None:
        """Close this profile's window (locally; its session stays in the keychain) and open
        another saved one, which becomes the last. If that one is not opened (the welcome
        dialog was closed), the previous one comes back, or the application ends."""
        from desktop.desk.profiles import Profiles

        profiles = Profiles(self.root)
        if profiles.get(profile_id) is None:
            raise KeyError(profile_id)
        previous = self.desk.profile_id if self.desk is not None else ""
        await self.sign_out()
        profiles.set_last(profile_id)
        await start_profile(self, profile_id, self.credentials)
        if self.window is None and previous:
            profiles.set_last(previous)
            await start_profile(self, previous, self.credentials)
        if self.window is None:
            self.finished.set()

    async def add_profile(self) -> None:
        """Issue 4: the welcome dialog, to connect another portal or account."""
        from desktop.desk.profiles import Profiles

        await welcome(self, Profiles(self.root), self.credentials)

    def switch_language(self, language: str) -> None:
        self.translations.switch(language)
        if self.desk is not None:
            self.desk.language = language

    async def close(self) -> None:
        await self.sign_out()
        if self.portal is not None:
            self.portal.stop()
            self.portal = None


def build_app(argv: list[str] | None = None) -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setOrganizationName("BanBienTap")
    app.setApplicationDisplayName("Bàn biên tập")
    app.setQuitOnLastWindowClosed(False)  # switching accounts replaces the window
    return app


M_ARENA_MAX = -8  # glibc's <malloc.h>


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """At most ``arenas`` glibc malloc arenas. The app's threads (the store's writer and
    reader, the parser, httpx) each get an arena of their own by default, and memory freed
    after the first sync stays spread over them: at 10,000 items this keeps peak RSS about
    40 MB lower (bench/README.md). Call it before threads start; True when glibc took it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_ARENA_MAX, arenas))


def run_selftest(args: Any) -> int:
    """``--selftest``: the installers' check (desktop/ui/selftest.py)."""
    from desktop.ui.selftest import run

    return run(args)


def run_gui(args: Any) -> int:
    """Start the desktop application; returns the process exit code."""
    from desktop.desk.warm import import_before_qt, pause_gc, resume_gc

    pause_gc()  # until the first window is painted or a dialog waits (desktop/desk/warm.py)
    limit_malloc_arenas()
    import_before_qt()  # the Qt-free modules first: cheaper before PySide6's import hook
    from desktop.ui import settings as options
    from desktop.ui import theme
    from desktop.ui.i18n import Translations
    from desktop.ui.qtcompat import event_loop
    from desktop.ui.services import error_sentence
    from desktop.ui.settings import Settings

    app = build_app()
    settings = Settings()
    language = getattr(args, "lang", None) or settings.get(options.LANGUAGE)
    translations = Translations(app)
    translations.switch(language)
    theme.apply(app, settings.get(options.FONT_SIZE))
    from desktop.ui.splash import Splash

    splash = Splash()
    splash.show_centred()  # within the first second; the rest of start-up takes several
    loop = event_loop(app)
    asyncio.set_event_loop(loop)
    desk = DeskApp(app, data_dir(args), settings, translations)
    desk.splash = splash

    def setting_changed(key: str) -> None:
        if key == options.FONT_SIZE.key:
            theme.apply(app, settings.get(options.FONT_SIZE))
        elif key == options.SYNC_INTERVAL.key and desk.desk is not None:
            desk.desk.scheduler.set_interval(settings.get(options.SYNC_INTERVAL))

    settings.changed.connect(setting_changed)

    async def main() -> int:
        try:
            if getattr(args, "demo", False):
                await start_demo(desk, reset=bool(getattr(args, "demo_reset", False)))
            else:
                await start_profile(desk, getattr(args, "profile", None))
        except Exception as exc:
            from PySide6.QtWidgets import QMessageBox

            resume_gc()
            log.exception("start failed")
            desk.started()
            QMessageBox.critical(None, "Bàn biên tập", error_sentence(exc))
            await desk.close()
            return 1
        desk.started()
        resume_gc()  # if no window came (no profile, the welcome dialog closed)
        if desk.window is None:
            await desk.close()
            return 0
        await desk.finished.wait()
        await desk.close()
        return 0

    # Everything imported and built so far lives as long as the app: keep it out of the
    # garbage collector's full passes, which otherwise stall the loop during a large sync.
    gc.freeze()
    with loop:
        return int(loop.run_until_complete(main()))


async def qt_turn() -> None:
    """Wait for one pass of Qt's event loop (posted events such as a first paint included)."""
    from PySide6.QtCore import QTimer

    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def turned() -> None:
        if not done.done():
            done.set_result(None)

    QTimer.singleShot(0, turned)
    await done


async def start_demo(desk: DeskApp, reset: bool = False) -> Any:
    """Start the demo portal off the UI thread (the start-up window keeps moving), print its
    public site's address on standard output, and sign in as the first demo account."""
    from desktop.desk.warm import resume_gc

    resume_gc()  # the demo portal starts in this process: its garbage is collected
    desk.starting("demo")
    url = await asyncio.to_thread(desk.start_demo, reset)
    announce(f"{url}/")  # the public site, for a browser and for scripts (issue 17)
    first = DEMO_ACCOUNTS[0][0]
    return await desk.sign_in(url, first, DEMO_PASSWORD, desk.demo_store_path(first))


def announce(address: str) -> None:
    """One line on standard output, at once; nothing when there is none (a GUI launcher)."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError):  # whoever read it has gone: the app goes on
        print(address, flush=True)


async def start_profile(desk: DeskApp, profile_id: str | None, credentials: Any = None) -> None:
    """The last profile with a session in the keychain; otherwise the welcome screen."""
    from desktop.desk.profiles import Profiles
    from desktop.security.credentials import CredentialStore

    profiles = Profiles(desk.root)
    credentials = credentials or CredentialStore()
    desk.credentials = credentials
    profile = profiles.get(profile_id) if profile_id else profiles.last()
    if profile is not None and await desk.resume(profile) is not None:
        return
    await welcome(desk, profiles, credentials, profile)


async def welcome(desk: DeskApp, profiles: Any, credentials: Any, profile: Any = None) -> None:
    """No usable session: ask for a portal and an account, or start the demo."""
    from desktop.desk.signin import sign_in_profile
    from desktop.desk.warm import resume_gc
    from desktop.sync.api import check_url
    from desktop.ui.services import error_sentence
    from desktop.ui.welcome import WelcomeDialog

    dialog = WelcomeDialog()
    desk.welcome_dialog = dialog
    desk.started()
    resume_gc()  # the person types from here: start-up is over
    desk.load_window_modules_soon()
    if profile is not None:
        dialog.address.setText(profile.url)
    answered = asyncio.Event()
    dialog.finished.connect(lambda _code: answered.set())
    while True:
        answered.clear()
        dialog.open()
        await answered.wait()
        if dialog.choice == "demo":
            await start_demo(desk)
            return
        if dialog.choice != "connect":
            return
        try:
            url = check_url(dialog.address.text().strip().rstrip("/"))
            signed = await sign_in_profile(
                profiles,
                credentials,
                url,
                dialog.account.text().strip(),
                dialog.password.text(),
                language=desk.language,
                label=profile_label,
            )
            await desk.sign_out()
            await desk.open_session(signed.desk)
            return
        except Exception as exc:
            dialog.choice = ""
            dialog.show_error(error_sentence(exc))


def profile_label(me: Any) -> str:
    """What the profile list shows: the sites and roles, never the account name (AG-10.3)."""
    from desktop.ui import labels

    parts = []
    for membership in me.sites.values():
        roles = ", ".join(labels.role_name(role) for role in sorted(membership.roles))
        parts.append(f"{membership.name} ({roles})" if roles else membership.name)
    return "; ".join(parts)
