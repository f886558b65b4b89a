"""The password's life in the client: change it, be warned before it expires, and be led
through the change when the portal requires it (AG-10.3).

* The change (from the Settings screen or the account menu): the dialog pre-checks with the
  portal's policy, the portal decides, and on success the store key is wrapped with the new
  password (``StoreKeys.rewrap``), so the idle lock and an offline start take the new one. The
  session goes on: the portal revokes the account's *other* sessions only.
* The warning: from 14 days before ``password_expires_at``, a line in the status bar, and a
  banner once a day.
* The forced change: when ``/me`` says ``password_expired`` or ``must_change_password`` (at
  sign-in), or a sync met 403 ``password_change_required``, the window's content is disabled,
  the sync timer stops (the outbox keeps its operations) and a dialog that only the change or
  signing out closes is shown. After the change the queued operations go through.

The only module here that calls the portal's password endpoint; it works through the Desk
(the composition root) for the client, the store key and signing out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QLabel, QMenu, QToolBar, QToolButton, QWidget

from desktop.ui.ops import run_op
from desktop.ui.settings import Setting

if TYPE_CHECKING:
    from desktop.ui.password_dialog import ChangePasswordDialog

log = logging.getLogger(__name__)

# The client warns this many days before the password expires.
WARN_DAYS = 14
# The day (ISO date) the expiry banner was last shown: once a day. Not a secret.
PASSWORD_WARNED_ON = Setting("security/password_warned_on", str, "")


def _when(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class PasswordStatus:
    """The password's age as ``/me`` tells it."""

    expires_at: datetime | None = None
    expired: bool = False
    must_change: bool = False

    @classmethod
    def from_me(cls, me: Any) -> PasswordStatus:
        data = me if isinstance(me, dict) else {}
        return cls(
            expires_at=_when(data.get("password_expires_at")),
            expired=bool(data.get("password_expired")),
            must_change=bool(data.get("must_change_password")),
        )

    def change_required(self, now: datetime) -> bool:
        return (
            self.must_change
            or self.expired
            or (self.expires_at is not None and self.expires_at <= now)
        )

    def days_left(self, now: datetime) -> int | None:
        if self.expires_at is None:
            return None
        return max(0, (self.expires_at - now + timedelta(hours=23, minutes=59)).days)

    def warn(self, now: datetime) -> bool:
        """Within :data:`WARN_DAYS` of the expiry, and not yet required."""
        return (
            not self.change_required(now)
            and self.expires_at is not None
            and self.expires_at - now <= timedelta(days=WARN_DAYS)
        )


class PasswordFlow(QObject):
    """One signed-in window's password flows; made by :func:`install_password_flow`."""

    changed = Signal()
    required = Signal()

    def __init__(
        self,
        desk: Any,
        window: Any,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(window)
        self.desk = desk
        self.window = window
        self.clock = clock
        self.dialog: ChangePasswordDialog | None = None
        self.forced = False
        # Called (a plain callable: the window and this object are gone by then) after signing out.
        self.on_signed_out: Callable[[], None] | None = None
        # The last change or sign-out under way (tests and the composition root await it).
        self.task: Any = None
        self.status = QLabel(window)
        self.status.setObjectName("passwordStatus")
        window.statusBar().addPermanentWidget(self.status)
        self.status.hide()
        self.banner = QToolBar(window)
        self.banner.setObjectName("passwordBanner")
        self.banner.setMovable(False)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner.addWidget(self.banner_text)
        self.banner_change = self.banner.addAction("", self.open_dialog)
        self.banner_close = self.banner.addAction("", self.banner.hide)
        window.addToolBarBreak()
        window.addToolBar(self.banner)
        self.banner.hide()
        self.account_button = QToolButton(window)
        self.account_button.setObjectName("accountMenu")
        self.account_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.account_button)
        self.change_action = self.menu.addAction("", self.open_dialog)
        self.sign_out_action = self.menu.addAction("", self.request_sign_out)
        self.menu.addSeparator()
        # Issue 4: the other saved profiles (portal + account), and adding one.
        self.profiles_menu = QMenu(self.menu)
        self.profiles_action = self.menu.addMenu(self.profiles_menu)
        self.add_profile_action = self.menu.addAction("", self.request_add_profile)
        self.profiles_separator = self.menu.addSeparator()
        self.menu.aboutToShow.connect(self.rebuild_profiles)
        self.about_action = self.menu.addAction("", window.show_about)
        self.account_button.setMenu(self.menu)
        window.toolbar.addWidget(self.account_button)
        screens: Any = getattr(window, "screens", None)
        if hasattr(screens, "when_built"):  # the settings screen's button, once it is built
            screens.when_built("settings", self._settings_built)
        elif screens:
            self._settings_built(screens.get("settings"))
        sync = getattr(desk, "sync", None)
        if sync is not None:
            sync.passwordChangeRequired.connect(self.on_sync_refused)
            # A bound method of this QObject (parented to the window): Qt drops the connection
            # when the window goes, as a lambda's would not be.
            sync.syncFinished.connect(self._after_sync)
        window.installEventFilter(self)
        self.retranslate()

    def _settings_built(self, screen: QWidget | None) -> None:
        signal = getattr(screen, "changePasswordRequested", None)
        if signal is not None:
            signal.connect(self.open_dialog)

    def _after_sync(self, _reached: bool) -> None:
        self.evaluate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # what the person sees
    def retranslate(self) -> None:
        self.account_button.setText(self.tr("Account"))
        self.account_button.setAccessibleName(self.tr("Account"))
        self.change_action.setText(self.tr("Change password…"))
        self.sign_out_action.setText(self.tr("Sign out"))
        self.about_action.setText(self.tr("About (F1)"))
        self.profiles_menu.setTitle(self.tr("Switch profile"))
        self.add_profile_action.setText(self.tr("Add portal or account…"))
        self.banner_change.setText(self.tr("Change password now"))
        self.banner_close.setText(self.tr("Later"))
        self.evaluate(show_banner=False)

    def me(self) -> dict[str, Any]:
        store = getattr(self.desk, "store", None)
        me = store.me() if store is not None else None
        return me if isinstance(me, dict) else {}

    def evaluate(self, me: dict[str, Any] | None = None, show_banner: bool = True) -> None:
        """Warn (status bar; banner once a day) or require the change, from ``/me``."""
        status = PasswordStatus.from_me(me if me is not None else self.me())
        now = self.clock()
        if status.change_required(now):
            self.status.hide()
            self.banner.hide()
            if show_banner:
                reset = self.tr("Your password was reset: change it before going on.")
                expired = self.tr("Your password has expired: change it before going on.")
                self.require(reset if status.must_change else expired)
            return
        if not status.warn(now):
            self.status.hide()
            self.banner.hide()
            return
        days = status.days_left(now) or 0
        text = self.tr("Your password expires in %n day(s): please change it.", "", days)
        self.status.setText(text)
        self.status.show()
        self.banner_text.setText(text)
        today = now.date().isoformat()
        settings = self.desk.settings
        if show_banner and settings.get(PASSWORD_WARNED_ON) != today:
            settings.set(PASSWORD_WARNED_ON, today)
            self.banner.show()

    def on_sync_refused(self) -> None:
        sync = getattr(self.desk, "sync", None)
        reason = sync.state.last_error if sync is not None else ""
        self.require(reason or self.tr("Your password has expired: change it before going on."))

    # the forced change
    def require(self, reason: str) -> None:
        """Nothing but the change until it is done: the content is off, the dialog stays."""
        if not self.forced:
            self.forced = True
            self._content_enabled(False)
            sync = getattr(self.desk, "sync", None)
            if sync is not None:
                sync.pause()
            self.required.emit()
        dialog = self.open_dialog(forced=True)
        dialog.set_reason(reason)

    def _content_enabled(self, enabled: bool) -> None:
        window = self.window
        for widget in (window.centralWidget(), window.toolbar, self.banner):
            if isinstance(widget, QWidget):
                widget.setEnabled(enabled)
        for shortcut in getattr(window, "shortcuts", {}).values():
            shortcut.setEnabled(enabled)

    # the change
    def open_dialog(self, forced: bool = False) -> ChangePasswordDialog:
        forced = forced or self.forced
        if self.dialog is not None:
            if forced and not self.dialog.forced:
                self.dialog.forced = True
                self.dialog.retranslate()
            self.dialog.show()
            self.dialog.raise_()
            return self.dialog
        from desktop.ui.password_dialog import Account, ChangePasswordDialog  # when first asked

        dialog = ChangePasswordDialog(Account.from_me(self.me()), self.window, forced=forced)
        dialog.submitted.connect(self.change)
        dialog.signOutRequested.connect(self.request_sign_out)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_closed(self, _code: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def change(self, current: str, new: str) -> Any:
        dialog = self.dialog

        async def work() -> None:
            await self.desk.desk.change_password(current, new)

        def done(_result: Any) -> None:
            if dialog is not None:
                dialog.succeeded()
            self._finish()

        def refused(text: str) -> None:
            if dialog is not None:
                dialog.failed(text)

        self.task = run_op(None, work, success=done, failure=refused)
        return self.task

    def _finish(self) -> None:
        was_forced, self.forced = self.forced, False
        self._content_enabled(True)
        self.banner.hide()
        self.status.hide()
        self.window.show_message(self.tr("Your password was changed."))
        sync = getattr(self.desk, "sync", None)
        if was_forced and sync is not None:
            sync.resume()  # syncs now: the operations kept in the outbox go through
        self.changed.emit()

    # other profiles (issue 4)
    def rebuild_profiles(self) -> None:
        """The other saved profiles, read afresh each time the menu opens.

        Shown by label and portal address only: the account name is not kept in plain text
        (AG-10.3), and the labels are site names (desktop/desk/profiles.py).
        """
        from desktop.desk.profiles import Profiles

        # The demo has its own account switcher and no keychain: no profiles there.
        usable = getattr(self.desk, "credentials", None) is not None
        for action in (self.profiles_action, self.add_profile_action, self.profiles_separator):
            action.setVisible(usable)
        self.profiles_menu.clear()
        if not usable:
            return
        keys = getattr(self.desk, "keys", None)
        current = getattr(keys, "profile_id", "") if keys is not None else ""
        others = [p for p in Profiles(self.desk.root).all() if p.id != current]
        seen: dict[str, int] = {}
        for profile in others:
            text = f"{profile.label} — {profile.url}" if profile.label else profile.url
            seen[text] = seen.get(text, 0) + 1
            if seen[text] > 1:  # two accounts of one portal, no label: keep them apart
                text = f"{text} ({seen[text]})"
            action = self.profiles_menu.addAction(text)
            action.setData(profile.id)
            action.triggered.connect(
                lambda _checked=False, pid=profile.id: self.request_switch_profile(pid)
            )
        self.profiles_action.setEnabled(bool(others))

    def request_switch_profile(self, profile_id: str) -> Any:
        """Close this window (locally: the session stays valid) and open the other profile."""
        desk = self.desk
        self.task = run_op(
            None, lambda: desk.switch_profile(profile_id), failure=self._desk_failure(desk)
        )
        return self.task

    def request_add_profile(self) -> Any:
        """The welcome dialog; the current window stays until the new account is signed in."""
        desk = self.desk
        self.task = run_op(None, desk.add_profile, failure=self._desk_failure(desk))
        return self.task

    @staticmethod
    def _desk_failure(desk: Any) -> Callable[[str], None]:
        # A plain function of the desk: this object may be gone with its window by then.
        def failure(text: str) -> None:
            if desk.window is not None:
                desk.window.show_message(text)
            else:
                log.warning("profile: %s", text)

        return failure

    # signing out
    def request_sign_out(self) -> Any:
        self.task = run_op(
            None, self.sign_out, failure=lambda text: log.warning("sign out: %s", text)
        )
        return self.task

    async def sign_out(self) -> None:
        """Revoke the session on the portal, empty the keychain, close the window."""
        desk, after = self.desk, self.on_signed_out
        if self.dialog is not None:
            self.dialog.release()
        self.dialog = None
        await desk.sign_out(revoke=True)  # the password is needed to open the store again
        if after is not None:
            after()


def install_password_flow(desk: Any, window: Any) -> PasswordFlow:
    """The composition root's hook: the account menu, the warning and the forced change."""
    flow = PasswordFlow(desk, window)
    flow.on_signed_out = desk.finished.set
    flow.evaluate()
    return flow
