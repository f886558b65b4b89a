"""The queues: My items (step 1), Edit queue (step 2), Approval queue (step 3), Published,
Taken down. One class does the work; each screen only says which items and which right."""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models import Action, Item, State, Step
from desktop.ui import labels
from desktop.ui.screens import Context, Screen, register
from desktop.ui.services import QueueRow
from desktop.ui.widgets.queue import QueueView


def confirm(parent: QWidget | None, title: str, question: str) -> bool:
    """``dialogs.confirm``, its module (QMessageBox, the comment dialog) imported when first
    asked rather than with the first window (replaceable in tests as ``screen.ask``)."""
    from desktop.ui import dialogs

    return dialogs.confirm(parent, title, question)


class QueueScreen(Screen):
    STATES: tuple[State, ...] = ()
    MINE = False
    STEP: Step | None = None
    MULTI = False

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.main_layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.tools = header
        layout.addLayout(header)
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.view = QueueView(self, multi_select=self.MULTI)
        self.view.opened.connect(context.open_item)
        layout.addWidget(self.view)
        self.empty = QLabel(self)
        self.empty.setObjectName("empty")
        layout.addWidget(self.empty)
        self.view.model.since_title = self.since_title
        self._rows: list[QueueRow] = []
        self._shown_key: tuple[Any, ...] | None = None

    def rows(self) -> list[QueueRow]:
        return self.select(self.context)

    @classmethod
    def select(cls, context: Context) -> list[QueueRow]:
        """This queue's rows: its states (mine only, for My items), and the items of the
        step it serves that this person may act on."""
        rows = context.items.rows(states=[s.value for s in cls.STATES], mine=cls.MINE)
        if cls.STEP is not None:
            session, step = context.session, cls.STEP
            may: dict[str, bool] = {}  # the authority depends on the site and category only

            def allowed(row: QueueRow) -> bool:
                found = may.get(row.category)
                if found is None:
                    found = may[row.category] = session.may_act_on_step(
                        _probe(row, session.site), step
                    )
                return found

            rows = [r for r in rows if allowed(r)]
        return rows

    def view_key(self) -> tuple[Any, ...]:
        """What the shown rows depend on; refresh() does nothing while it stays the same."""
        return (self.context.items.rows_key(),)

    def refresh(self) -> None:
        key = self.view_key()
        if key == self._shown_key:
            return  # nothing changed since last shown: no query, no model reset
        self._rows = self.rows()
        self.view.model.category_names = {c.id: c.name for c in self.context.items.categories()}
        self.view.model.member_names = self.context.items.member_names()
        self.view.model.zone = self.context.items.desk.zone
        self.view.set_rows(self._rows)
        self.empty.setText(self._empty_text())
        self.empty.setVisible(not self._rows)
        self._shown_key = key

    def _empty_text(self) -> str:
        if self.context.items.loading:  # the window is up before its rows (a large store)
            return self.tr("Reading the list of items…")
        return self.tr("Nothing here right now.")

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        return len(cls.select(context))

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.hint.setText(self.hint_text())
        self.empty.setText(self._empty_text())
        self.view.retranslate()

    def hint_text(self) -> str:
        return ""

    def since_title(self) -> str:
        """What the time column means here (items wait in queues; published ones do not)."""
        return self.tr("Waiting since")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _probe(row: QueueRow, site: str) -> Item:
    return Item(
        id=row.id,
        site=site,
        category=row.category,
        state=State(row.state),
        created_by=row.created_by,
    )


@register
class MyItemsScreen(QueueScreen):
    NAME = "my_items"
    ORDER = 10
    ICON = "mine"
    STATES = (State.DRAFT, State.SUBMITTED, State.EDITED, State.PUBLISHED, State.REJECTED)
    MINE = True

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.show_box = QComboBox(self)
        self.show_box.currentIndexChanged.connect(lambda _: self.refresh())
        self.tools.addWidget(self.show_box)
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("primary")
        self.new_button.clicked.connect(context.new_item)
        self.tools.addWidget(self.new_button)
        self.view.can_delete = self.can_delete
        self.view.deleteRequested.connect(self.delete_draft)
        self.ask = confirm
        self.task: asyncio.Future[Any] | None = None
        self.retranslate()

    def can_delete(self, item_id: str) -> bool:
        """A draft of one's own never submitted (the workflow's own rule)."""
        item = self.context.items.current(item_id)
        return item is not None and Action.DELETE in self.context.session.actions_for(item)

    def delete_draft(self, item_id: str) -> None:
        item = self.context.items.current(item_id)
        if item is None or not self.can_delete(item_id):
            return
        title = item.title or self.tr("(untitled)")
        question = self.tr(
            "Delete the draft “%1”? It has never been submitted; it is deleted for good."
        ).replace("%1", title)
        if not self.ask(self, labels.action_name(Action.DELETE), question):
            return
        self.task = self.context.items.delete(item_id)

    @classmethod
    def available(cls, context: Context) -> bool:
        return context.session.can_write()

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("MyItemsScreen", "My items")

    def hint_text(self) -> str:
        return self.tr(
            "Step 1: write an item, then submit it for editing. Items returned to you come back here as drafts."  # noqa: E501 - one translatable string
        )

    def view_key(self) -> tuple[Any, ...]:
        wanted = self.show_box.currentData() if hasattr(self, "show_box") else None
        return (*super().view_key(), wanted)

    def rows(self) -> list[QueueRow]:
        rows = super().rows()
        wanted = self.show_box.currentData() if hasattr(self, "show_box") else None
        if wanted:
            rows = [r for r in rows if r.state == wanted]
        return rows

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        return len(context.items.rows(states=[State.DRAFT.value], mine=True))

    @classmethod
    def nav_count_text(cls, count: int) -> str:
        return QCoreApplication.translate("MyItemsScreen", "%n draft(s)", "", count)

    def retranslate(self) -> None:
        current = self.show_box.currentIndex()
        self.show_box.blockSignals(True)
        self.show_box.clear()
        self.show_box.addItem(self.tr("All my items"), "")
        for state in (State.DRAFT, State.SUBMITTED, State.EDITED, State.PUBLISHED, State.REJECTED):
            self.show_box.addItem(labels.state_name(state), state.value)
        self.show_box.setCurrentIndex(max(current, 0))
        self.show_box.blockSignals(False)
        self.show_box.setAccessibleName(self.tr("Show"))
        self.new_button.setText(self.tr("New item (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New item"))
        super().retranslate()


@register
class EditQueueScreen(QueueScreen):
    NAME = "edit_queue"
    ORDER = 20
    ICON = "edit"
    STATES = (State.SUBMITTED,)
    STEP = Step.EDIT

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.retranslate()

    @classmethod
    def available(cls, context: Context) -> bool:
        return context.session.has_step(Step.EDIT)

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("EditQueueScreen", "Edit queue")

    def hint_text(self) -> str:
        return self.tr(
            "Step 2: open an item, edit it, then forward it for approval or return it to its author with a comment."  # noqa: E501 - one translatable string
        )


@register
class ApprovalQueueScreen(QueueScreen):
    NAME = "approval_queue"
    ORDER = 30
    ICON = "approve"
    STATES = (State.EDITED,)
    STEP = Step.APPROVE
    MULTI = True

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.approve_button = QPushButton(self)
        self.approve_button.setObjectName("primary")
        self.approve_button.clicked.connect(self.approve_selected)
        self.approve_button.setEnabled(False)
        self.view.selectionChanged.connect(self._selection)
        self.tools.addWidget(self.approve_button)
        self.ask = confirm
        self.tasks: list[asyncio.Future[Any]] = []  # the last approvals, written in order
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.main_layout.addWidget(self.message)
        self.retranslate()

    @classmethod
    def available(cls, context: Context) -> bool:
        return context.session.has_step(Step.APPROVE)

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("ApprovalQueueScreen", "Approval queue")

    def hint_text(self) -> str:
        return self.tr(
            "Step 3: read and compare, then approve to publish. Select several items (Ctrl or Shift + click) to approve them together."  # noqa: E501 - one translatable string
        )

    def _selection(self) -> None:
        count = len(self.view.selected_ids())
        self.approve_button.setEnabled(count > 0)
        self.approve_button.setText(self.tr("Approve selected (%n)", "", count))

    def approve_selected(self) -> None:
        ids = self.view.selected_ids()
        if not ids:
            return
        question = self.tr(
            "Approve and publish %n item(s)? They will appear on the portal:", "", len(ids)
        )
        titles = [
            "• " + (item.title if (item := self.context.items.current(i)) else i) for i in ids[:10]
        ]
        if len(ids) > 10:
            titles.append(self.tr("… and %n more", "", len(ids) - 10))
        if not self.ask(self, self.tr("Approve items"), "\n".join([question, *titles])):
            return
        done, skipped = self.approve(ids)
        text = self.tr("%n item(s) approved.", "", done)
        if skipped:
            text += " " + self.tr(
                "%n item(s) skipped: you cannot approve them (for example, you edited them yourself).",  # noqa: E501 - one translatable string
                "",
                skipped,
            )
        self.message.setText(text)

    def approve(self, ids: list[str]) -> tuple[int, int]:
        """Approve each item this user may approve now; returns (approved, skipped). The
        approvals are written in the background (``tasks``, in order)."""
        items = self.context.items
        done = skipped = 0
        self.tasks = []
        for item_id in ids:
            item = items.current(item_id)
            if item is None or Action.APPROVE not in self.context.session.actions_for(item):
                skipped += 1
                continue
            task = items.act(item_id, Action.APPROVE)
            if task is not None:
                self.tasks.append(task)
            done += 1
        return done, skipped

    def retranslate(self) -> None:
        self._selection()
        self.approve_button.setAccessibleName(self.tr("Approve the selected items"))
        super().retranslate()


@register
class PublishedScreen(QueueScreen):
    NAME = "published"
    ORDER = 40
    ICON = "published"
    STATES = (State.PUBLISHED,)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.retranslate()

    @classmethod
    def available(cls, context: Context) -> bool:
        return context.session.can_write() or context.session.has_step(Step.APPROVE)

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("PublishedScreen", "Published")

    def since_title(self) -> str:
        return self.tr("Published on")

    def hint_text(self) -> str:
        return self.tr("Items on the portal now. The head can take an item down, giving a reason.")

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        return None


@register
class TakenDownScreen(QueueScreen):
    NAME = "taken_down"
    ORDER = 50
    ICON = "taken_down"
    STATES = (State.TAKEN_DOWN, State.REJECTED)

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.retranslate()

    @classmethod
    def available(cls, context: Context) -> bool:
        return context.session.can_write() or context.session.has_step(Step.APPROVE)

    @classmethod
    def nav_title(cls) -> str:
        return QCoreApplication.translate("TakenDownScreen", "Taken down or rejected")

    def since_title(self) -> str:
        return self.tr("Stopped on")

    def hint_text(self) -> str:
        return self.tr("Items taken down or rejected. They and their history are kept.")

    @classmethod
    def nav_count(cls, context: Context) -> int | None:
        return None
