"""The item editor: the fields, and the body written as in a word processor (``RichEdit``:
headings, emphasis, lists, quotes, tables and pictures, never a Markdown marker), with Vietnamese
spelling underlined as you type, pastes from Word cleaned, .docx files brought in whole, and an
optional preview that uses the portal's own renderer (desktop.models.render).

The body is stored and synced as Markdown: ``content()`` writes it from the document only when
the document changed (the text loaded is given back as it was).

It saves as the user types: every change restarts a 300 ms timer, and ``save`` fires when it runs
out (or at once on ``flush``), so a crash loses at most the last fraction of a second. Typing in
the body costs no Markdown writing, preview or check: those wait for the pause.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models import (
    LANGUAGES,
    Category,
    CategoryKind,
    Item,
    Origin,
    Problem,
    Source,
    submit_problems,
)
from desktop.models.fields import (
    format_vn_date,
    parse_vn_date,
    suggested_trigger_date,
    validate_metadata,
)
from desktop.ui import labels
from desktop.ui.widgets.body_tools import BodyTools
from desktop.ui.widgets.format_toolbar import FormatToolbar
from desktop.ui.widgets.media import PreviewBrowser, preview_html
from desktop.ui.widgets.metadata_form import MetadataForm
from desktop.ui.widgets.paste_conversion import PasteConversion
from desktop.ui.widgets.rich_edit import RichEdit
from desktop.ui.widgets.schedule import ScheduleFields
from desktop.ui.widgets.section_fields import SectionFields

SAVE_DELAY_MS = 300


class ItemEditor(SectionFields, QWidget):
    """Edits one item's content; emits ``save`` after a pause with the content fields the person
    changed since the item was loaded (or last saved): only those, so a change that reaches the
    same item meanwhile (a sync's merge, another window, the command line) is never overwritten
    with what the editor showed before it."""

    save = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Item | None = None
        self._saved: dict[str, Any] = {}  # the content as last loaded or saved
        self._loading = False
        self._language = "vi"
        self.timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.timer.timeout.connect(self.flush)

        self.title = QLineEdit(self)
        self.summary = QPlainTextEdit(self)
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.category = QComboBox(self)
        self.origin = QComboBox(self)
        self.source_name = QLineEdit(self)
        self.source_url = QLineEdit(self)
        self.author = QLineEdit(self)
        self.language = QComboBox(self)
        for code in LANGUAGES:
            self.language.addItem(code, code)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels = [QLabel(self) for _ in range(5)]
        self.form.addRow(self.form_labels[0], self.title)
        self.form.addRow(self.form_labels[1], self.summary)
        meta = QHBoxLayout()
        meta.addWidget(self.category, 2)
        meta.addWidget(self.language, 1)
        self.form.addRow(self.form_labels[2], meta)
        origin_row = QHBoxLayout()
        origin_row.addWidget(self.origin, 1)
        origin_row.addWidget(self.author, 2)
        self.form.addRow(self.form_labels[3], origin_row)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source_name, 1)
        source_row.addWidget(self.source_url, 1)
        self.form.addRow(self.form_labels[4], source_row)

        # issue 6: the section's fields (BD-11), the providing unit (BD-12), the trigger date
        self._category_objects: dict[str, Category] = {}
        self._kind = CategoryKind.FREE
        self.unit = QLineEdit(self)
        self.trigger = QLineEdit(self)
        self.fields_box = QGroupBox(self)
        fields_layout = QFormLayout(self.fields_box)
        fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # label above
        self.unit_label, self.trigger_label = QLabel(self), QLabel(self)
        self.unit_label.setBuddy(self.unit)
        self.trigger_label.setBuddy(self.trigger)
        fields_layout.addRow(self.unit_label, self.unit)
        fields_layout.addRow(self.trigger_label, self.trigger)
        # issue 20: when the item is public (publish at, take down at)
        self.schedule = ScheduleFields(self)
        #: Section id → its template (set by the item page from the store; issue 20).
        self.templates: dict[str, dict[str, Any]] = {}
        self.schedule_label = QLabel(self)
        fields_layout.addRow(self.schedule_label, self.schedule)
        # the section's own fields are rows of the same form: one column of labels
        self.metadata_form = MetadataForm(self, host=fields_layout)

        self.body = RichEdit(self)
        self.body.setObjectName("body")
        self.toolbar = FormatToolbar(self.body, self)
        self.preview = PreviewBrowser(self)
        self.preview.setOpenExternalLinks(False)
        #: The body's Markdown as last loaded or written (None: the document changed since).
        self._body_markdown: str | None = ""
        self._final_newline = False
        self.notice = QLabel(self)
        self.notice.setObjectName("editorNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.read_only_badge = QLabel(self)
        self.read_only_badge.setObjectName("readOnlyBadge")
        self.read_only_badge.hide()
        body_box = QWidget(self)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.read_only_badge)
        body_layout.addWidget(self.notice)
        body_layout.addWidget(self.body)
        self.preview_box = QGroupBox(self)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.setContentsMargins(4, 4, 4, 4)
        preview_layout.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(body_box)
        splitter.addWidget(self.preview_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([600, 400])
        self.preview_box.hide()  # the preview is a switch on the toolbar, off at first

        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")

        # The body beside the section's fields: the fields in a column of their own, labels
        # above inputs, scrolling as a whole when taller than the window, and the handle
        # between the two can be dragged (issue 17: no small box that cuts fields off).
        body_part = QWidget(self)
        body_part_layout = QVBoxLayout(body_part)
        body_part_layout.setContentsMargins(0, 0, 0, 0)
        # issue 7: TCVN3/VNI pastes become Unicode, with a bar that tells and can undo
        self.paste_bar = PasteConversion([self.title, self.summary], self)
        self.body.text_paste = lambda text: self.paste_bar.paste_into(self.body, text)
        body_part_layout.addWidget(self.paste_bar)
        # issue 16: spelling, pictures, Word files (the body's helpers)
        self.tools = BodyTools(self)
        body_part_layout.addWidget(splitter, 1)
        self.fields_scroll = QScrollArea(self)
        self.fields_scroll.setObjectName("sectionFields")
        self.fields_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.fields_scroll.setWidgetResizable(True)
        self.fields_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.fields_scroll.setWidget(self.fields_box)
        self.fields_scroll.setMinimumWidth(240)
        self.columns = QSplitter(Qt.Orientation.Horizontal, self)
        self.columns.setObjectName("editorColumns")
        self.columns.addWidget(body_part)
        self.columns.addWidget(self.fields_scroll)
        self.columns.setChildrenCollapsible(False)
        self.columns.setStretchFactor(0, 3)
        self.columns.setStretchFactor(1, 1)
        self.columns.setSizes([640, 360])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.toolbar)  # the whole width: every button in sight at 1280 px
        layout.addWidget(self.columns, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        self.status.hide()  # the item page shows the save state above the tabs
        layout.addLayout(bottom)

        for line in (self.title, self.source_name, self.source_url, self.author, self.unit):
            line.textChanged.connect(self._changed)
        self.trigger.textChanged.connect(self._changed)
        self.schedule.changed.connect(self._changed)
        self.metadata_form.changed.connect(self._changed)
        self.category.currentIndexChanged.connect(self._category_changed)
        self.summary.textChanged.connect(self._changed)
        self.body.document().contentsChange.connect(self._body_changed)
        self.toolbar.previewToggled.connect(self.show_preview)
        for combo in (self.category, self.origin, self.language):
            combo.currentIndexChanged.connect(self._changed)
        self.origin.currentIndexChanged.connect(self._origin_changed)
        self.retranslate()

    # loading and reading
    def set_categories(self, categories: list[Category]) -> None:
        self._loading = True
        current = self.category.currentData()
        self.category.clear()
        self._category_objects = {category.id: category for category in categories}
        for category in categories:
            self.category.addItem(category.name, category.id)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(index, 0))
        self._loading = False

    def load(self, item: Item) -> None:
        self._loading = True
        try:
            self.item = item
            self.title.setText(item.title)
            self.summary.setPlainText(item.summary)
            self.body.blob_loader = self.preview.blob_loader
            self.body.set_markdown(item.body)
            self._body_markdown = item.body
            self._final_newline = item.body.endswith("\n")  # kept as the text had it
            index = self.category.findData(item.category)
            if index < 0 and item.category:
                self.category.addItem(item.category, item.category)
                index = self.category.count() - 1
            self.category.setCurrentIndex(index)
            self.origin.setCurrentIndex(max(self.origin.findData(item.origin.value), 0))
            self.source_name.setText(item.source.name)
            self.source_url.setText(item.source.url)
            self.author.setText(item.author)
            self.language.setCurrentIndex(max(self.language.findData(item.language), 0))
            self.unit.setText(item.unit)
            self.trigger.setText(format_vn_date(item.trigger_date) if item.trigger_date else "")
            self.schedule.set_values(item.publish_at, item.expire_at)
            self._build_metadata_form(item.metadata)
            for line in (self.title, self.source_name, self.source_url, self.author, self.unit):
                line.setCursorPosition(0)  # a long value shows its beginning
        finally:
            self._loading = False
        self._saved = self.content()  # what the store has: a save sends only what differs
        self._prefill_unit()
        self._origin_changed()
        self._update_preview()
        self._update_problems()

    def content(self) -> dict[str, Any]:
        """The content fields in their JSON form (as Item.content() gives them)."""
        return {
            "title": self.title.text(),
            "summary": self.summary.toPlainText(),
            "body": self.body_markdown(),
            "category": self.category.currentData() or "",
            "origin": self.origin.currentData() or Origin.ORIGINAL.value,
            "source": {"name": self.source_name.text(), "url": self.source_url.text()},
            "author": self.author.text(),
            "language": self.language.currentData() or "vi",
            "metadata": self.metadata_form.values(),
            "unit": self.unit.text(),
            "trigger_date": self._trigger_value(),
            **self.schedule.values(),
        }

    def edited_item(self) -> Item | None:
        if self.item is None:
            return None
        data = self.content()
        return self.item.with_content(
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            category=data["category"],
            origin=Origin(data["origin"]),
            source=Source(**data["source"]),
            author=data["author"],
            language=data["language"],
            metadata=data["metadata"],
            unit=data["unit"],
            trigger_date=parse_vn_date(data["trigger_date"]) if data["trigger_date"] else None,
            publish_at=_moment(data["publish_at"]),
            expire_at=_moment(data["expire_at"]),
        )

    def body_markdown(self) -> str:
        """The body in Markdown, written from the document only when it changed."""
        if self._body_markdown is None:
            text = self.body.markdown().rstrip("\n")
            self._body_markdown = text + "\n" if text and self._final_newline else text
        return self._body_markdown

    def insert_attachment(self, name: str, sha256: str) -> None:
        """A file just attached: a picture shown in the text, any other file a link to it
        (nothing when the text already shows it: a pasted picture or a Word file's)."""
        self.tools.insert_attachment(name, sha256)

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.title, self.source_name, self.source_url, self.author, self.unit):
            line.setReadOnly(read_only)
        self.trigger.setReadOnly(read_only)
        self.schedule.set_read_only(read_only)
        self.metadata_form.set_read_only(read_only)
        for text in (self.summary, self.body):
            text.setReadOnly(read_only)
        for combo in (self.category, self.origin, self.language):
            combo.setEnabled(not read_only)
        self.toolbar.setEnabled(not read_only)
        self.toolbar.setVisible(not read_only)
        self.read_only_badge.setVisible(read_only)
        self.setProperty("readOnly", read_only)
        for widget in (self, self.body, self.summary):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

    def show_notice(self, text: str) -> None:
        """A sentence above the body (a picture made smaller, fonts converted), until the next."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_preview(self, shown: bool) -> None:
        self.preview_box.setVisible(shown)
        self.toolbar.actions_by_name["preview"].setChecked(shown)
        if shown:
            self._update_preview()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # saving
    def _body_changed(self, _position: int = 0, _removed: int = 0, _added: int = 0) -> None:
        if self._loading or self.tools.highlighter.repainting:
            return
        self._body_markdown = None
        self.timer.start()  # the preview and the checks wait for the pause (see flush)

    def _changed(self) -> None:
        if self._loading:
            return
        self._update_preview()
        self._update_problems()
        self.timer.start()

    def pending(self) -> bool:
        return self.timer.isActive()

    def flush(self) -> None:
        """Save now (Ctrl+S, or before an action) if anything waits."""
        if self.item is None:
            return
        self.timer.stop()
        self._update_preview()
        self._update_problems()
        content = self.content()
        changed = {k: v for k, v in content.items() if self._saved.get(k) != v}
        self._saved = content
        if changed:
            self.save.emit(changed)

    def _origin_changed(self) -> None:
        repost = self.origin.currentData() == Origin.REPOST.value
        self.source_name.setEnabled(repost or bool(self.source_name.text()))
        self.source_url.setEnabled(repost or bool(self.source_url.text()))

    def _update_preview(self) -> None:
        if not self.preview_box.isVisible():
            return
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(
            preview_html(self.title.text(), self.summary.toPlainText(), self.body_markdown(), "vi")
        )
        self.preview.verticalScrollBar().setValue(scroll)

    def metadata_problems(self) -> list[Problem]:
        """What the section's fields still lack (the portal refuses the submit without them)."""
        if self.item is None:
            return []
        from datetime import date

        return validate_metadata(self._kind, self.metadata_form.values(), date.today())

    def problem_messages(self) -> list[str]:
        item = self.edited_item()
        if item is None:
            return []
        problems = [*submit_problems(item), *self.metadata_problems()]
        return [p.message(self._language) for p in problems]

    def _show_trigger_suggestion(self) -> None:
        suggested = suggested_trigger_date(self._kind, self.metadata_form.values())
        if suggested is not None:
            self.trigger.setPlaceholderText(
                self.tr("Suggested: %1 (from the section's fields)").replace(
                    "%1", format_vn_date(suggested)
                )
            )
        else:
            self.trigger.setPlaceholderText("dd/mm/yyyy")

    def set_submitting(self, draft: bool) -> None:
        """Whether the item is a draft of step 1: only then does the editor say whether it is
        ready to submit (at steps 2 and 3, and once published, that is no question)."""
        self._draft = draft
        self._update_problems()

    def _update_problems(self) -> None:
        self.metadata_form.show_problems(self.metadata_problems())
        self._show_trigger_suggestion()
        messages = self.problem_messages()
        self.problems.setVisible(getattr(self, "_draft", True))
        if messages:
            self.problems.setText(self.tr("Cannot be submitted yet:") + " " + " ".join(messages))
        else:
            self.problems.setText(self.tr("Ready to submit."))
        self.problems.setProperty("ok", not messages)
        self.problems.style().unpolish(self.problems)
        self.problems.style().polish(self.problems)

    def retranslate(self) -> None:
        from desktop.ui.services import current_language

        self._language = current_language()
        texts = (
            (self.tr("&Title"), self.title),
            (self.tr("Su&mmary"), self.summary),
            (self.tr("&Category, language"), self.category),
            (self.tr("&Origin, author"), self.origin),
            (self.tr("So&urce"), self.source_name),
        )
        for label, (text, buddy) in zip(self.form_labels, texts, strict=True):
            label.setText(text)
            label.setBuddy(buddy)
        self.title.setPlaceholderText(self.tr("A short, clear headline"))
        self.summary.setPlaceholderText(self.tr("One or two sentences that sum up the item"))
        self.body.setPlaceholderText(
            self.tr(
                "Write the item here. Use the buttons above for bold, headings, lists, links, images and tables."  # noqa: E501 - one translatable string
            )
        )
        self.read_only_badge.setText(
            self.tr("Read only: this item cannot be changed by you at this step.")
        )
        self.source_name.setPlaceholderText(self.tr("Source name (required for a repost)"))
        self.source_url.setPlaceholderText(self.tr("Source address: https://…"))
        self.author.setPlaceholderText(self.tr("Author"))
        self.preview_box.setTitle(self.tr("Preview: as the portal will show it"))
        self.fields_box.setTitle(self.tr("Section details"))
        self.unit_label.setText(self.tr("Providing &unit"))
        self.trigger_label.setText(self.tr("Deadline counts &from"))
        self.schedule_label.setText(self.tr("On the public pages"))
        self.schedule.retranslate()
        self.unit.setAccessibleName(self.tr("Providing unit"))
        self.trigger.setAccessibleName(self.tr("Deadline counts from"))
        self.metadata_form.retranslate(self._language)
        accessible = (
            (self.title, self.tr("Title")),
            (self.summary, self.tr("Summary")),
            (self.body, self.tr("Body")),
            (self.category, self.tr("Category")),
            (self.origin, self.tr("Origin")),
            (self.source_name, self.tr("Source name")),
            (self.source_url, self.tr("Source address")),
            (self.author, self.tr("Author")),
            (self.language, self.tr("Language")),
            (self.preview, self.tr("Preview")),
        )
        for widget, name in accessible:
            widget.setAccessibleName(name)
        origin = self.origin.currentData()
        self.origin.blockSignals(True)
        self.origin.clear()
        for value in (Origin.ORIGINAL, Origin.REPOST):
            self.origin.addItem(labels.origin_name(value.value), value.value)
        self.origin.setCurrentIndex(max(self.origin.findData(origin), 0))
        self.origin.blockSignals(False)
        vi = self._language == "vi"
        for index in range(self.language.count()):
            code = self.language.itemData(index)
            self.language.setItemText(index, LANGUAGES[code][0 if vi else 1])
        self._update_problems()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None
