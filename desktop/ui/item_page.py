"""One item: where it stands, its content (editable when this user may edit it now), what the
previous step changed, the comment thread, the history, and the actions allowed right now."""

from __future__ import annotations

import asyncio
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.desk.templates import section_templates
from desktop.models import Action, Item, State, clock, comment_required
from desktop.ui import dialogs, item_history, labels
from desktop.ui.services import ItemService
from desktop.ui.widgets.editor import ItemEditor
from desktop.ui.widgets.history_restore import HistoryRestore
from desktop.ui.widgets.public_links import PublicLinks
from desktop.ui.widgets.schedule import ScheduleBadge
from desktop.ui.widgets.step_indicator import StepIndicator
from desktop.ui.widgets.translations import ContentRulesBar

#: The action Ctrl+Enter does, in order of preference.
MAIN_ACTIONS = (Action.SUBMIT, Action.FORWARD, Action.APPROVE)


class ItemPage(QWidget):
    """Editor and review pane in one: the same page for the author, the deputy and the head."""

    back = Signal()
    message = Signal(str)
    resolveConflict = Signal(str)  # the item whose conflict the person wants to resolve

    def __init__(self, items: ItemService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.item_id = ""
        self.item: Item | None = None
        self.ask_comment = dialogs.ask_comment
        self.confirm = dialogs.confirm
        #: A draft made with "New item" and not touched yet: dropped when left (issue 17).
        self.fresh = False
        self._seen: tuple[Any, ...] = ()  # what the page showed: redrawn when a sync moves it

        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.leave)
        # Esc goes back to the list (an open popup, such as the speller's, takes it first)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.leave)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        self.sync_label = QLabel(self)
        self.sync_label.setObjectName("syncStatus")
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addWidget(self.heading, 1)
        top.addWidget(self.sync_label)
        self.steps = StepIndicator(self)
        self.failure_label = QLabel(self)
        self.failure_label.setObjectName("problems")
        self.failure_label.setWordWrap(True)
        self.failure_button = QPushButton(self)
        self.failure_button.clicked.connect(self.dismiss_failures)
        failure_row = QHBoxLayout()
        failure_row.addWidget(self.failure_label, 1)
        failure_row.addWidget(self.failure_button)
        # Why it came back, and a conflict with someone else's change: said, never silent.
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_button = QPushButton(self)
        self.notice_button.clicked.connect(self._resolve_conflict)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.notice_button)
        self.public_link = QLabel(self)  # "Xem trên cổng": the published item's public page
        self.public_link.setOpenExternalLinks(True)
        self.public_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        top.addWidget(self.public_link)
        self.schedule_badge = ScheduleBadge(self)  # issue 20: "Đã hẹn giờ đăng …"
        top.addWidget(self.schedule_badge)

        self.editor = ItemEditor(self)
        self.editor.save.connect(self._save)
        self.editor.body.filesDropped.connect(self.attach_files)
        self.editor.preview.blob_loader = items.blob
        self.changes = QTextBrowser(self)
        self.changes_note = QLabel(self)
        self.changes_note.setWordWrap(True)
        self.changes_summary = QLabel(self)  # issue 16: "3 đoạn sửa, 12 từ thêm, 4 từ bỏ"
        self.changes_summary.setObjectName("changesSummary")
        self.changes_summary.setStyleSheet("font-weight: bold;")
        changes_page = QWidget(self)
        changes_layout = QVBoxLayout(changes_page)
        changes_layout.addWidget(self.changes_note)
        changes_layout.addWidget(self.changes_summary)
        changes_layout.addWidget(self.changes, 1)
        self.comment_list = QListWidget(self)
        self.comment_list.setWordWrap(True)
        self.comment_box = QLineEdit(self)
        self.comment_button = QPushButton(self)
        self.comment_button.clicked.connect(self.add_comment)
        self.comment_box.returnPressed.connect(self.add_comment)
        thread_page = QWidget(self)
        thread_layout = QVBoxLayout(thread_page)
        thread_layout.addWidget(self.comment_list, 1)
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_box, 1)
        comment_row.addWidget(self.comment_button)
        thread_layout.addLayout(comment_row)
        self.history = QTableWidget(0, 5, self)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        #: The last write started here (an action, a file), for whoever waits on it.
        self.task: asyncio.Future[Any] | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.editor, "")
        self.tabs.addTab(changes_page, "")
        self.tabs.addTab(thread_page, "")
        self.history_tab = HistoryRestore(self.history, items, self)  # issue 20: restore
        self.tabs.addTab(self.history_tab, "")

        self.action_bar = QHBoxLayout()
        self.action_bar.addStretch(1)
        self.action_buttons: dict[Action, QPushButton] = {}

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.steps)
        self.public_links = PublicLinks(items, self)  # issue 11: its address on each target
        layout.addWidget(self.public_links)
        self.content_rules = ContentRulesBar(items, self)  # issue 6: translations, export
        self.content_rules.openItem.connect(self.open)
        self.content_rules.message.connect(lambda text: self.message.emit(text))
        layout.addWidget(self.content_rules)
        layout.addLayout(failure_row)
        layout.addLayout(notice_row)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(self.action_bar)
        items.itemChanged.connect(self._item_changed)
        items.itemsChanged.connect(self._items_changed)
        self.retranslate()

    # showing
    def open(self, item_id: str, fresh: bool = False) -> None:
        self.close_item()
        self.fresh = fresh
        self.item_id = item_id
        self.editor.set_categories(self.items.categories())
        self.editor.templates = section_templates(self.items.store, self.items.desk.site)
        self.reload(load_editor=True)
        self.tabs.setCurrentIndex(0)
        self.history_task = self.items.request_history(item_id)

    def reload(self, load_editor: bool = False) -> None:
        item = self.items.current(self.item_id)
        if item is None:
            return
        self.item = item
        if load_editor or (
            not self.editor.pending() and self.editor.content() != item_history.content_json(item)
        ):
            self.editor.load(item)
        self.editor.refresh_attachments(item)  # issue 6: file fields offer its files
        editable = self.items.session.may_edit(item)
        self.editor.set_read_only(not editable)
        self.editor.set_submitting(item.state is State.DRAFT)
        self.heading.setText(item.title or self.tr("(untitled)"))
        self.steps.set_state(item.state)
        self.public_links.show_for(self.item_id)
        self.schedule_badge.show_for(item, self.items.desk.language, self.items.desk.zone)
        self.content_rules.show_for(item)
        self._show_status()
        self._show_changes(item)
        self._show_thread()
        self._show_history()
        self._show_actions(item)

    def _item_changed(self, item_id: str) -> None:
        if item_id == self.item_id and self.item is not None:
            self._refresh()

    def _items_changed(self) -> None:
        """After a sync (many items at once): redraw when this item's state, version or sync
        status moved, so the header never keeps saying "waiting to sync"."""
        if not self.item_id or self.item is None or not self.isVisible():
            return
        if self._state_key() != self._seen:
            self._refresh()

    def _refresh(self) -> None:
        """Redraw; when the item moved on (a step, a new version), fetch its history again so
        the History and Discussion tabs show the step at once, not after a refresh."""
        before = self._seen
        self.reload()
        if before and before[:2] != self._seen[:2]:
            self.history_task = self.items.request_history(self.item_id)

    def _state_key(self) -> tuple[Any, ...]:
        item = self.items.current(self.item_id)
        status = self.items.sync_status(self.item_id)
        return (item.state, item.version, status) if item is not None else (None, None, status)

    def _show_status(self) -> None:
        self._seen = self._state_key()
        self._show_notice()
        url = self.items.desk.public_url(self.item) if self.item is not None else ""
        self.public_link.setVisible(bool(url))
        if url:
            self.public_link.setText(
                f'<a href="{html.escape(url, quote=True)}">'
                + html.escape(self.tr("View on the portal"))
                + "</a>"
            )
            self.public_link.setToolTip(url)
        failures = self.items.failures(self.item_id)
        self.failure_label.setVisible(bool(failures))
        self.failure_button.setVisible(bool(failures))
        if failures:
            reasons = " ".join(str(f.reason) for f in failures)
            self.failure_label.setText(
                self.tr("The portal refused a change: %1 Your text is kept.").replace("%1", reasons)
            )
        status = self.items.sync_status(self.item_id)
        self.sync_label.setText(labels.sync_status_name(status))
        self.editor.set_status(labels.sync_status_name(status))

    def _show_changes(self, item: Item) -> None:
        """Compare with what the previous step handed over: the submitted version."""
        handed = item.steps.get("submit")
        base = (
            item_history.version_content(self.items, self.item_id, handed.version)
            if handed
            else None
        )
        if item.state is State.DRAFT or handed is None:
            self.changes_note.setText(
                self.tr("Nothing to compare yet: the item has not been submitted.")
            )
            self.changes_summary.setText("")
            self.changes.setHtml("")
            return
        if base is None:
            self.changes_note.setText(
                self.tr(
                    "The submitted version is not on this computer yet; it arrives with the next sync."  # noqa: E501 - one translatable string
                )
            )
            self.changes_summary.setText("")
            self.changes.setHtml("")
            return
        handovers = item_history.handovers(self.items, self.item_id, self.item)
        self.changes_note.setText(
            self.tr(
                "Changes since the author handed it over (version %1): added words in green, removed words struck through in red."  # noqa: E501 - one translatable string
            ).replace("%1", handovers.label(handed.version) or "1")
        )
        summary, page = item_history.changes_html(base, item, self.items.desk.language)
        self.changes_summary.setText(summary)
        self.changes.setHtml(page)

    def _show_thread(self) -> None:
        self.comment_list.clear()
        names = self.items.member_names()
        for comment in self.items.comments(self.item_id):
            author = comment.author
            when = comment.created_at
            stamp = clock.shown(when, self.items.desk.zone)
            self.comment_list.addItem(f"{names.get(author, author)} · {stamp}\n{comment.body}")

    def _show_history(self) -> None:
        names = self.items.member_names()
        try:
            versions = self.items.versions(self.item_id)
        except Exception:
            versions = []
        self.history.setRowCount(len(versions))
        from desktop.content.track_changes import handover_numbers

        handovers = handover_numbers((v.version, v.action) for v in versions)
        for row, version in enumerate(versions):
            when = version.at
            actor, behalf, action = version.actor, version.on_behalf_of, version.action
            cells = (
                handovers.label(version.version),  # handovers, not saves (issue 16)
                clock.shown(when, self.items.desk.zone),
                self.tr("%1 (on behalf of %2)")
                .replace("%1", names.get(actor, actor))
                .replace("%2", names.get(behalf, behalf))
                if behalf
                else names.get(actor, actor),
                item_history.action_name(action),
                version.comment,
            )
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnsToContents()
        self.history_tab.show_for(self.item, [v.version for v in versions])

    def _show_actions(self, item: Item) -> None:
        for button in self.action_buttons.values():
            self.action_bar.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        allowed = self.items.session.actions_for(item)
        shown = list(allowed)
        blocked_submit = (
            item.state is State.DRAFT
            and item.created_by == self.items.session.user.username
            and (Action.SUBMIT not in allowed or bool(self.editor.metadata_problems()))
        )
        if blocked_submit and Action.SUBMIT in shown:
            shown.remove(Action.SUBMIT)  # issue 6: required section fields are missing
        if blocked_submit:
            shown.insert(0, Action.SUBMIT)
        for action in shown:
            button = QPushButton(labels.action_name(action), self)
            button.setObjectName(
                "primary"
                if action in MAIN_ACTIONS
                else "danger"
                if action in (Action.REJECT, Action.TAKE_DOWN, Action.DELETE)
                else ""
            )
            button.setAccessibleName(labels.action_name(action))
            button.clicked.connect(lambda _=False, a=action: self.do(a))
            if action is Action.SUBMIT and blocked_submit:
                button.setEnabled(False)
                button.setToolTip(" ".join(self.editor.problem_messages()))
            self.action_bar.addWidget(button)
            self.action_buttons[action] = button

    # acting
    def main_action(self) -> Action | None:
        for action in MAIN_ACTIONS:
            button = self.action_buttons.get(action)
            if button is not None and button.isEnabled():
                return action
        return None

    def do_main_action(self) -> None:
        action = self.main_action()
        if action is not None:
            self.do(action)

    def do(self, action: Action) -> bool:
        """Save what was typed, ask for the required comment, then queue the action."""
        if self.item is None:
            return False
        self.editor.flush() if self.editor.pending() else None
        item = self.items.current(self.item_id) or self.item
        title = item.title or self.tr("(untitled)")
        if action is Action.DELETE:
            return self.delete_draft()
        question = self.tr("Approve and publish “%1”? It will appear on the portal's public site.")
        if action is Action.APPROVE and not self.confirm(
            self, labels.action_name(action), question.replace("%1", title)
        ):
            return False
        comment: str | None = None
        if comment_required(item.state, action):
            comment = self.ask_comment(
                self,
                labels.action_name(action),
                self.tr("Write the reason. The author and the board will see it."),
                True,
            )
            if not comment:
                return False
        if action is Action.SUBMIT and self.editor.metadata_problems():
            self.message.emit(" ".join(self.editor.problem_messages()))
            return False
        if action not in self.items.session.actions_for(item):
            self.message.emit(self.tr("This action is not possible now."))
            return False
        done = self.tr("Done: %1. It will be sent to the portal with the next sync.").replace(
            "%1", labels.action_name(action)
        )
        item_id = self.item_id

        def acted(_item: Any) -> None:
            self.message.emit(done)
            if self.item_id == item_id:
                self.reload()

        self.task = self.items.act(self.item_id, action, comment, done=acted)
        return True

    def attach_files(self, paths: list[Path]) -> None:
        """Dropped files: kept in the store, queued for upload, placed in the text."""
        if self.item is None or not self.items.session.may_edit(self.item):
            return
        self.editor.flush()
        item_id = self.item_id
        for path in paths:

            def attached(result: tuple[str, str], name: str = path.name) -> None:
                if self.item_id == item_id:
                    self.editor.insert_attachment(name, result[0])
                    self.editor.flush()

            self.task = self.items.attach(item_id, path, done=attached)

    def dismiss_failures(self) -> None:
        self.task = self.items.dismiss_failures(self.item_id)

    def add_comment(self) -> None:
        body = self.comment_box.text().strip()
        if not body or not self.item_id:
            return
        self.task = self.items.comment(self.item_id, body)
        self.comment_box.clear()

    def save_now(self) -> None:
        self.editor.flush()

    def _save(self, content: dict[str, Any]) -> None:
        if not self.item_id or self.item is None or not self.items.session.may_edit(self.item):
            return
        self.items.save(self.item_id, **content)

    def delete_draft(self, ask: bool = True) -> bool:
        """Delete this draft of one's own that was never submitted (asked first)."""
        item = self.item
        if item is None or Action.DELETE not in self.items.session.actions_for(item):
            return False
        title = item.title or self.tr("(untitled)")
        question = self.tr(
            "Delete the draft “%1”? It has never been submitted; it is deleted for good."
        ).replace("%1", title)
        if ask and not self.confirm(self, labels.action_name(Action.DELETE), question):
            return False
        done = self.tr("Draft deleted: %1").replace("%1", title)
        item_id = self.item_id
        self.fresh = False
        self.task = self.items.delete(item_id, done=lambda _gone: self.message.emit(done))
        if self.item_id == item_id:
            self.item_id, self.item = "", None
            self.back.emit()
        return True

    def close_item(self) -> None:
        """Leaving the item (back, another item, another screen): what was typed is saved; a
        new draft left untouched is dropped (nothing to keep, nothing to sync)."""
        if self.editor.pending():
            self.editor.flush()
        if self.fresh and self.item is not None and self._untouched():
            item_id = self.item_id
            self.task = self.items.delete(item_id)
            self.item_id, self.item = "", None
        self.fresh = False

    def _untouched(self) -> bool:
        content = self.editor.content()
        written = any(str(content.get(k) or "").strip() for k in ("title", "summary", "body"))
        item = self.items.current(self.item_id)
        return not written and not (item is not None and item.attachments)

    def leave(self) -> None:
        self.close_item()
        self.back.emit()

    # notices: a return's reason, a conflict
    def _show_notice(self) -> None:
        item = self.item
        text, button = "", ""
        if item is not None and self.items.sync_status(self.item_id) == "conflict":
            text = self.tr(
                "Someone else changed the same text. Both versions are kept: choose what to keep."
            )
            button = self.tr("Resolve the conflict")
        elif item is not None and (returned := self._returned(item)):
            text = returned
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice_button.setText(button)
        self.notice_button.setVisible(bool(button))

    def _returned(self, item: Item) -> str:
        """Why the item came back to the author (its latest step is a return)."""
        record = item.steps.get("return")
        if record is None or item.state is State.PUBLISHED:
            return ""
        later = [r for k, r in item.steps.items() if k != "return" and r.version > record.version]
        if later:
            return ""
        names = self.items.member_names()
        reason = ""
        for comment in self.items.comments(self.item_id):
            if comment.author == record.by and (
                comment.created_at is None or comment.created_at >= record.at
            ):
                reason = comment.body
        who = names.get(record.by, record.by)
        when = clock.shown(record.at, self.items.desk.zone)
        text = self.tr("Returned by %1 on %2.").replace("%1", who).replace("%2", when)
        return f"{text} {reason}".strip()

    def _resolve_conflict(self) -> None:
        self.resolveConflict.emit(self.item_id)

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Back"))
        self.failure_button.setText(self.tr("Understood"))
        self.back_button.setAccessibleName(self.tr("Back to the list"))
        self.tabs.setTabText(0, self.tr("Content"))
        self.tabs.setTabText(1, self.tr("Changes"))
        self.history_tab.retranslate()
        self.tabs.setTabText(2, self.tr("Comments"))
        self.tabs.setTabText(3, self.tr("History"))
        self.comment_box.setPlaceholderText(self.tr("Write a comment for the board…"))
        self.comment_box.setAccessibleName(self.tr("New comment"))
        self.comment_button.setText(self.tr("Add comment"))
        self.comment_list.setAccessibleName(self.tr("Comments"))
        self.history.setAccessibleName(self.tr("History"))
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Version"),
                self.tr("When"),
                self.tr("Who"),
                self.tr("What"),
                self.tr("Comment"),
            ]
        )
        if self.item is not None:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
