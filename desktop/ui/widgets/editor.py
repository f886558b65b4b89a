"""The item editor: fields, Markdown body with a formatting toolbar, and a live preview that
uses the portal's own renderer and sanitizer (desktop.render), so what you see is what appears.

It saves as the user types: every change restarts a 300 ms timer, and ``save`` fires when it runs
out (or at once on ``flush``), so a crash loses at most the last fraction of a second.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.models import LANGUAGES, Category, Item, Origin, Source, submit_problems
from desktop.render import render_markdown
from desktop.ui import labels
from desktop.ui.qtcompat import emit
from desktop.ui.widgets.markdown_toolbar import MarkdownToolbar, insert_block
from desktop.ui.widgets.media import MarkdownEdit, PreviewBrowser, markdown_for

SAVE_DELAY_MS = 300

PREVIEW_CSS = """
body { font-family: 'Noto Serif', 'DejaVu Serif', serif; line-height: 1.45; }
h1 { font-size: 150%; } h2 { font-size: 130%; } h3 { font-size: 115%; }
blockquote { color: #444; margin-left: 12px; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 3px 6px; }
.summary { font-weight: bold; }
"""


def preview_html(title: str, summary: str, body: str, language: str) -> str:
    """The item as the portal shows it: title, summary, and the sanitized body."""
    import html as _html

    return (
        f"<html><head><style>{PREVIEW_CSS}</style></head><body>"
        f"<h1>{_html.escape(title)}</h1>"
        + (f'<p class="summary">{_html.escape(summary)}</p>' if summary else "")
        + render_markdown(body)
        + "</body></html>"
    )


class ItemEditor(QWidget):
    """Edits one item's content; emits ``save`` with the content fields after a pause."""

    save = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: Item | None = None
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

        self.body = MarkdownEdit(self)
        self.body.setTabChangesFocus(True)
        self.toolbar = MarkdownToolbar(self.body, self)
        self.preview = PreviewBrowser(self)
        self.preview.setOpenExternalLinks(False)
        body_box = QWidget(self)
        body_layout = QVBoxLayout(body_box)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.toolbar)
        body_layout.addWidget(self.body)
        self.preview_box = QGroupBox(self)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.setContentsMargins(4, 4, 4, 4)
        preview_layout.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(body_box)
        splitter.addWidget(self.preview_box)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([500, 500])

        self.problems = QLabel(self)
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("saveStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.problems, 1)
        self.status.hide()  # the item page shows the save state above the tabs
        layout.addLayout(bottom)

        for line in (self.title, self.source_name, self.source_url, self.author):
            line.textChanged.connect(self._changed)
        for text in (self.summary, self.body):
            text.textChanged.connect(self._changed)
        for combo in (self.category, self.origin, self.language):
            combo.currentIndexChanged.connect(self._changed)
        self.origin.currentIndexChanged.connect(self._origin_changed)
        self.retranslate()

    # loading and reading
    def set_categories(self, categories: list[Category]) -> None:
        self._loading = True
        current = self.category.currentData()
        self.category.clear()
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
            self.body.setPlainText(item.body)
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
        finally:
            self._loading = False
        self._origin_changed()
        self._update_preview()
        self._update_problems()

    def content(self) -> dict[str, Any]:
        """The content fields in their JSON form (as Item.content() gives them)."""
        return {
            "title": self.title.text(),
            "summary": self.summary.toPlainText(),
            "body": self.body.toPlainText(),
            "category": self.category.currentData() or "",
            "origin": self.origin.currentData() or Origin.ORIGINAL.value,
            "source": {"name": self.source_name.text(), "url": self.source_url.text()},
            "author": self.author.text(),
            "language": self.language.currentData() or "vi",
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
        )

    def insert_attachment(self, name: str, sha256: str) -> None:
        insert_block(self.body, markdown_for(name, sha256))

    def set_read_only(self, read_only: bool) -> None:
        for line in (self.title, self.source_name, self.source_url, self.author):
            line.setReadOnly(read_only)
        for text in (self.summary, self.body):
            text.setReadOnly(read_only)
        for combo in (self.category, self.origin, self.language):
            combo.setEnabled(not read_only)
        self.toolbar.setEnabled(not read_only)

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    # saving
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
        emit(self.save, self.content())

    def _origin_changed(self) -> None:
        repost = self.origin.currentData() == Origin.REPOST.value
        self.source_name.setEnabled(repost or bool(self.source_name.text()))
        self.source_url.setEnabled(repost or bool(self.source_url.text()))

    def _update_preview(self) -> None:
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(
            preview_html(
                self.title.text(), self.summary.toPlainText(), self.body.toPlainText(), "vi"
            )
        )
        self.preview.verticalScrollBar().setValue(scroll)

    def problem_messages(self) -> list[str]:
        item = self.edited_item()
        if item is None:
            return []
        return [p.message(self._language) for p in submit_problems(item)]

    def _update_problems(self) -> None:
        messages = self.problem_messages()
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
        self.source_name.setPlaceholderText(self.tr("Source name (required for a repost)"))
        self.source_url.setPlaceholderText(self.tr("Source address: https://…"))
        self.author.setPlaceholderText(self.tr("Author"))
        self.preview_box.setTitle(self.tr("Preview: as the portal will show it"))
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
