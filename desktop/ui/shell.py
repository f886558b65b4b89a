"""The main window: a thin shell. Navigation comes from the registered screens the signed-in
person has the right to see; the status bar says online/offline, what waits, the last sync."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop.desk.watch import NoticeWatch
from desktop.models import clock
from desktop.ui import geometry, icons, labels
from desktop.ui import settings as options
from desktop.ui.screens import Context, Entry, Screen, load_screens
from desktop.ui.screens.built import Screens
from desktop.ui.services import ItemService, SyncService
from desktop.ui.settings import Settings
from desktop.ui.widgets.head_notices import under_head_notices

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSystemTrayIcon

    from desktop.ui.item_page import ItemPage

NAME_ROLE = Qt.ItemDataRole.UserRole + 10


class MainWindow(QMainWindow):
    """Holds the screens; knows nothing of the store or the network beyond the services."""

    accountSwitchRequested = Signal(str)
    closedByUser = Signal()  # not when the app replaces it (account switch)

    def __init__(
        self,
        items: ItemService,
        sync: SyncService | None,
        settings: Settings,
        switch_language: callable = lambda _: None,  # type: ignore[valid-type]
    ) -> None:
        super().__init__()
        self.items = items
        self.sync = sync
        self.settings = settings
        self.context = Context(
            items=items,
            sync=sync,
            settings=settings,
            open_item=self.open_item,
            new_item=self.new_item,
            switch_language=switch_language,
        )
        self.setWindowIcon(icons.icon("app"))
        self.screens = Screens(self)  # built the first time each is shown or asked for
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(icons.NAVIGATION_SIZE, icons.NAVIGATION_SIZE))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)  # the tooltip has it all
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.stack = QStackedWidget(self)
        self._item_page: ItemPage | None = None  # built on first use: see item_page
        self._warming = False  # the item page's modules are imported (warm_up)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.nav)
        self.head_notices, holder = under_head_notices(
            self.items.desk, self.stack, self, read=not items.loading
        )
        splitter.addWidget(holder)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 1000])
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        from desktop.ui.widgets.file_drop import FileDrop  # issue 20: files dropped → drafts

        self.file_drop = FileDrop(self, items)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(self.toolbar)
        self.new_action = self.toolbar.addAction(icons.icon("new"), "", self.new_item)
        self.sync_action = self.toolbar.addAction(icons.icon("sync"), "", self.sync_now)
        spacer = QWidget(self)
        spacer.setSizePolicy(
            spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy()
        )
        self.toolbar.addWidget(spacer)
        self.account_label = QLabel(self)
        self.toolbar.addWidget(self.account_label)
        self.accounts = QComboBox(self)
        self.accounts.setMinimumContentsLength(18)
        self.accounts_action = self.toolbar.addWidget(self.accounts)
        self.accounts_action.setVisible(False)
        self.accounts.activated.connect(self._account_chosen)

        status = self.statusBar()
        self.online_label = QLabel(self)
        self.pending_label = QLabel(self)
        self.last_sync_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.setVisible(False)
        self.sync_button = QPushButton(self)
        self.sync_button.clicked.connect(self.sync_now)
        self.message_label = QLabel(self)
        status.addWidget(self.message_label, 1)
        for widget in (
            self.progress,
            self.online_label,
            self.pending_label,
            self.last_sync_label,
            self.sync_button,
        ):
            status.addPermanentWidget(widget)

        self.shortcuts = {
            "new": QShortcut(QKeySequence.StandardKey.New, self, self.new_item),
            "save": QShortcut(QKeySequence.StandardKey.Save, self, self.save_now),
            "sync": QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.sync_now),
            "main": QShortcut(QKeySequence("Ctrl+Return"), self, self.main_action),
            "main2": QShortcut(QKeySequence("Ctrl+Enter"), self, self.main_action),
            "filter": QShortcut(QKeySequence.StandardKey.Find, self, self.focus_filter),
            "about": QShortcut(QKeySequence(Qt.Key.Key_F1), self, self.show_about),
        }
        from desktop.ui.widgets.search_box import install_search_box

        self.search_box = install_search_box(self)  # Ctrl+K, Ctrl+Shift+F
        self.tray: QSystemTrayIcon | None = None  # after the first paint: after_first_paint
        self.watch = NoticeWatch()  # what changed for me since I last looked
        self.last_notifications: list[str] = []
        self.notification_log: list[str] = []  # this session's, newest last
        self.closed = False
        #: The last background write started here (a new draft), for whoever waits on it.
        self.task: asyncio.Future[Any] | None = None
        self.replaced = False

        items.itemsChanged.connect(self.refresh)
        items.failed.connect(self.show_message)
        items.directoryChanged.connect(self.build_navigation)  # a new grant: its screens
        items.directoryChanged.connect(self.head_notices.refresh)  # a new setting, a new role
        items.rowsLoaded.connect(self._land)  # where the work is; what later syncs notify against
        self._navigated = False  # the person chose a screen (the landing is theirs from then)
        if sync is not None:
            sync.statusChanged.connect(self.show_sync_state)
            sync.syncFinished.connect(self._after_sync)
        self.build_navigation()
        self.retranslate()
        geometry.restore(self, self.settings)
        self._remember_states()

    # navigation
    def build_navigation(self) -> None:
        """(Re)build the list from the registered screens this person has the right to see.

        A screen that comes or goes (conflicts, the publish queue) never takes the person away
        from the item they are working on, nor from the screen they look at."""
        current = self.current_screen_name()
        editing = self._editing()
        self.nav.blockSignals(True)
        self.nav.clear()
        for cls in load_screens():
            if not cls.available(self.context):
                continue
            entry = QListWidgetItem(icons.icon(cls.ICON), "", self.nav)
            entry.setData(NAME_ROLE, cls.NAME)
        self.nav.blockSignals(False)
        self._label_navigation()
        target = current if current in self.visible_screen_names() else self._first_screen()
        if editing is not None:
            self._select_quietly(target)
        else:
            self.show_screen(target)

    def _select_quietly(self, name: str) -> None:
        self.nav.blockSignals(True)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(NAME_ROLE) == name:
                self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)

    def _first_screen(self) -> str:
        """Where this person's work is: the first of their queues with items waiting (approval,
        then editing, then their own drafts), else the queue of their highest step."""
        from desktop.models import Step

        session = self.items.session
        shown = self.visible_screen_names()
        queues = [
            name
            for name, step in (("approval_queue", Step.APPROVE), ("edit_queue", Step.EDIT))
            if session.has_step(step) and name in shown
        ]
        if "my_items" in shown:
            queues.append("my_items")
        classes = {cls.NAME: cls for cls in load_screens()}
        for name in queues:
            if classes[name].nav_count(self.context):
                return name
        return queues[0] if queues else shown[0]

    def _land(self) -> None:
        """The rows are in: open where the work is, unless the person already chose."""
        self._remember_states()
        self.head_notices.refresh()
        if not self._navigated and self._editing() is None:
            self.show_screen(self._first_screen())

    def _label_navigation(self) -> None:
        classes = {cls.NAME: cls for cls in load_screens()}
        for row in range(self.nav.count()):
            entry = self.nav.item(row)
            cls = classes[entry.data(NAME_ROLE)]
            count = cls.nav_count(self.context)
            title = cls.nav_title()
            said = f"{title} ({cls.nav_count_text(count)})" if count else title
            entry.setText(said)
            entry.setToolTip(said)
        # wide enough for the longest label with its count ("Chờ biên tập (12 đang chờ)")
        frame = 2 * self.nav.frameWidth() + 24  # the stylesheet's padding around items
        self.nav.setMinimumWidth(min(self.nav.sizeHintForColumn(0) + frame, 340))

    def visible_screen_names(self) -> list[str]:
        return [self.nav.item(row).data(NAME_ROLE) for row in range(self.nav.count())]

    def current_screen_name(self) -> str:
        entry = self.nav.currentItem()
        return entry.data(NAME_ROLE) if entry is not None else ""

    def show_screen(self, name: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(NAME_ROLE) == name:
                self.nav.setCurrentRow(row)
                self._nav_changed(self.nav.item(row))
                return

    def _nav_changed(self, entry: QListWidgetItem | None, _previous: object = None) -> None:
        if entry is None:
            return
        if self.isVisible() and self.items.loading is False:
            self._navigated = True
        editing = self._editing()
        if editing is not None:
            editing.close_item()
        screen = self.screens[entry.data(NAME_ROLE)]
        screen.refresh()
        self.stack.setCurrentWidget(screen)

    def page(self, name: str) -> Screen:
        return self.screens[name]

    def _screen_class(self, name: object) -> type[Entry] | None:
        """The registered screen called ``name``, when this person has the right to it."""
        for cls in load_screens():
            if name == cls.NAME and cls.available(self.context):
                return cls
        return None

    def _build_screen(self, name: str) -> Screen:
        cls = self._screen_class(name)
        if cls is None:
            raise KeyError(name)
        screen = cls.widget_class()(self.context, self)  # its module imported now, once
        self.stack.addWidget(screen)
        resolved = getattr(screen, "resolved", None)  # the conflicts screen: back to the item
        if resolved is not None:
            resolved.connect(self._conflict_resolved)
        return screen

    @property
    def item_page(self) -> ItemPage:
        """The item's page (editor, changes, comments, history): ~0.1 s of widgets the first
        time, so it is built when an item first opens (its modules are imported after the
        first paint)."""
        if self._item_page is None:
            from desktop.ui.item_page import ItemPage  # the editor's modules: after the first paint

            page = ItemPage(self.items, self)
            page.back.connect(self.back_to_list)
            page.message.connect(self.show_message)
            page.resolveConflict.connect(self.resolve_conflict_of)
            self.stack.addWidget(page)
            self._item_page = page
        return self._item_page

    def _editing(self) -> ItemPage | None:
        """The item's page when it is the one shown."""
        page = self._item_page
        return page if page is not None and self.stack.currentWidget() is page else None

    def after_first_paint(self) -> None:
        """What the window does not show (the app calls it once the window is painted): the
        tray icon, whose registration with the desktop's tray need not hold the first paint."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.tray is None and not self.closed and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icons.icon("app"), self)
            self.tray.show()

    def warm_up(self) -> None:
        """Once the rows are in (the app calls it), the item page's modules are imported on a
        worker thread: not during the first paint nor the rows' first read, whose GIL it would
        share. The page itself (~0.1-0.2 s of widgets the first time) is built when an item
        first opens, not while the person starts reading the queue (issue 21)."""
        if self._item_page is None and not self._warming:
            self._warming = True
            with contextlib.suppress(RuntimeError):  # no event loop (a bare widget test)
                asyncio.get_event_loop().run_in_executor(None, _import_item_page)

    # items
    def open_item(self, item_id: str, fresh: bool = False) -> None:
        """Open an item on the item page; ``fresh``: a new draft, dropped again if it is left
        untouched (Ctrl+N then Esc leaves nothing behind)."""
        self.item_page.open(item_id, fresh=fresh)
        self.stack.setCurrentWidget(self.item_page)
        self.item_page.editor.title.setFocus()

    def new_item(self) -> asyncio.Future[Any] | None:
        """A new draft (saved at once), opened in the editor when it is made."""
        if not self.items.session.can_write():
            return None
        self._select_quietly("my_items")  # where the draft will be listed, and "back" goes
        self.task = self.items.create_draft(done=lambda item: self.open_item(item.id, fresh=True))
        return self.task

    def resolve_conflict_of(self, item_id: str) -> None:
        """From the item's notice: its conflict on the conflicts screen, and back after."""
        if "conflicts" not in self.visible_screen_names():
            return
        from desktop.ui.screens.conflicts import ConflictsScreen

        screen = self.screens["conflicts"]
        assert isinstance(screen, ConflictsScreen)
        screen.select_item(item_id)
        self.show_screen("conflicts")

    def _conflict_resolved(self, item_id: str) -> None:
        self.open_item(item_id)
        self.show_message(
            self.tr("Conflict resolved; your choice is sent to the portal with the next sync.")
        )

    def back_to_list(self) -> None:
        name = self.current_screen_name() or self._first_screen()
        if name:
            self.screens[name].refresh()
            self.stack.setCurrentWidget(self.screens[name])

    def save_now(self) -> None:
        editing = self._editing()
        if editing is not None:
            editing.save_now()
            self.show_message(labels.sync_status_name(self.items.sync_status(editing.item_id)))

    def main_action(self) -> None:
        editing = self._editing()
        if editing is not None:
            editing.do_main_action()

    def focus_filter(self) -> None:
        screen = self.stack.currentWidget()
        view = getattr(screen, "view", None)
        if view is not None:
            view.filter.setFocus()
            view.filter.selectAll()
        else:  # no queue on screen: Ctrl+F searches all items
            self.search_box.focus()

    def refresh(self) -> None:
        shown = set(self.visible_screen_names())
        if any(cls.available(self.context) != (cls.NAME in shown) for cls in load_screens()):
            self.build_navigation()  # a screen came or went (conflicts, the publish queue)
        else:
            self._label_navigation()
        widget = self.stack.currentWidget()
        if isinstance(widget, Screen):
            widget.refresh()
        self.show_sync_state()

    # sync and status
    def sync_now(self) -> None:
        if self.sync is not None:
            if self._item_page is not None and self._item_page.editor.pending():
                self._item_page.editor.flush()
            self.sync.sync_now()

    def show_sync_state(self) -> None:
        state = self.sync.state if self.sync is not None else None
        pending = self.items.pending_count()
        self.pending_label.setText(
            self.tr("%n operation(s) waiting", "", pending)
            if pending
            else self.tr("Nothing waiting")
        )
        if state is None:
            self.online_label.setText(self.tr("Offline"))
            self.last_sync_label.setText("")
            return
        self.progress.setVisible(state.running)
        if state.online is None:
            self.online_label.setText(self.tr("Connecting…"))
        else:
            self.online_label.setText(self.tr("Online") if state.online else self.tr("Offline"))
        self._set_online_look(bool(state.online))
        if state.last_sync is not None:
            when = clock.shown_time(state.last_sync, self.items.desk.zone)
            self.last_sync_label.setText(self.tr("Last sync %1").replace("%1", when))
        else:
            self.last_sync_label.setText(self.tr("Not synced yet"))
        if state.last_error and not state.running:
            self.show_message(state.last_error)

    def _set_online_look(self, online: bool) -> None:
        """The stylesheet's "online" colour, polished again only when the look changes: not at
        start-up (not yet online), where calling ``style()`` from Python made PySide6 build
        QStyle's enums (~10 ms of CPU before the first paint)."""
        label = self.online_label
        changed = (label.property("online") is True) != online
        label.setProperty("online", online)
        if changed:
            style = label.style()
            style.unpolish(label)
            style.polish(label)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)

    def _after_sync(self, reached: bool) -> None:
        if reached:
            self.notify_changes()
        self.head_notices.refresh()
        self.refresh()

    def _remember_states(self) -> None:
        self.watch.remember(self.items.rows())

    def notify_changes(self) -> list[str]:
        """Tray messages for items that entered my queue, or mine returned or published, and a
        day before a deadline for what waits for me (desktop/desk/watch.py)."""
        from desktop.desk.watch import NoticeKind

        words = {
            NoticeKind.QUEUED: self.tr("New in your queue: %1"),
            NoticeKind.PUBLISHED: self.tr("Published: %1"),
            NoticeKind.RETURNED: self.tr("Returned to you: %1"),
            NoticeKind.DUE: self.tr("Due %1: %2"),
        }
        messages = []
        for notice in self.watch.changes(self.items.rows(), self.items.session):
            title = notice.title or self.tr("(untitled)")
            if notice.kind is NoticeKind.DUE:
                due = date.fromisoformat(notice.due).strftime("%d/%m/%Y") if notice.due else ""
                messages.append(words[notice.kind].replace("%1", due).replace("%2", title))
            else:
                messages.append(words[notice.kind].replace("%1", title))
        self.last_notifications = messages
        self.notification_log.extend(messages)
        if messages and self.tray is not None and self.settings.get(options.NOTIFICATIONS):
            self.tray.showMessage(self.tr("Editorial desk"), "\n".join(messages[:5]))
        return messages

    # accounts (demo)
    def set_accounts(self, accounts: list[tuple[str, str]], current: str) -> None:
        """Offer an account switcher: (username, label) pairs; choosing one asks the app."""
        self.accounts.blockSignals(True)
        self.accounts.clear()
        for username, label in accounts:
            self.accounts.addItem(label, username)
        self.accounts.setCurrentIndex(max(self.accounts.findData(current), 0))
        self.accounts.blockSignals(False)
        self.accounts_action.setVisible(bool(accounts))
        self.retranslate()

    def _account_chosen(self, index: int) -> None:
        username = self.accounts.itemData(index)
        if username and username != self.items.session.user.username:
            self.accountSwitchRequested.emit(username)

    def about_text(self) -> str:
        from desktop.ui.about import about_text

        return about_text(self.items.desk.portal_url)

    def show_about(self) -> None:
        """The About box (F1): desktop/ui/about.py, imported when first asked for."""
        from desktop.ui.about import show_about

        show_about(self)

    def retranslate(self) -> None:
        session = self.items.session
        # Qt adds the application's name ("Bàn biên tập") after the window's own title.
        self.setWindowTitle(session.site_name or session.site)
        self.new_action.setText(self.tr("New item"))
        self.new_action.setToolTip(self.tr("New item (Ctrl+N)"))
        self.new_action.setVisible(session.can_write())
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setToolTip(self.tr("Sync now (F5)"))
        self.sync_button.setText(self.tr("Sync now (F5)"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.nav.setAccessibleName(self.tr("Screens"))
        self.accounts.setAccessibleName(self.tr("Switch demo account"))
        self.accounts.setToolTip(self.tr("Switch demo account"))
        roles = ", ".join(labels.role_name(r.value) for r in sorted(session.roles))
        self.account_label.setText(
            (self.tr("Demo account:") + " ")
            if self.accounts_action.isVisible()
            else f"{session.user.full_name or session.user.username} · {roles}"
        )
        self.progress.setAccessibleName(self.tr("Syncing"))
        self._label_navigation()
        self.show_sync_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and not self.closed:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: object) -> None:
        geometry.save(self, self.settings)
        if self._item_page is not None:
            self._item_page.close_item()
        if not self.closed and not self.replaced:
            self.closedByUser.emit()
        self.closed = True
        with contextlib.suppress(RuntimeError, TypeError):
            self.items.itemsChanged.disconnect(self.refresh)
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)  # type: ignore[arg-type]


def _import_item_page() -> None:
    """What building the item page imports (its editor's widgets, markdown, the holiday tables),
    on a worker thread after the rows' first read: plain imports, no Qt object made."""
    import desktop.ui.item_page  # noqa: F401
    from desktop.desk.warm import import_deferred

    import_deferred()
