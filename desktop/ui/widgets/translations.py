"""The item page's content-rule bar (issue 6): the linked translations and "Tạo bản dịch"
(AG-9.3), the consultation's comment deadline (AG-25 closes it), and Print / Export as PDF,
HTML or Markdown with the fact box and the approval trail (BD-14.1.c)."""

from __future__ import annotations

import asyncio
import html
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.models import LANGUAGES, CategoryKind, Item
from desktop.models.fields import format_vn_date, parse_vn_date


def comment_deadline(item: Item, kind: CategoryKind | None) -> date | None:
    """A consultation's comment deadline, when it has a readable one."""
    if kind is not CategoryKind.CONSULTATION:
        return None
    try:
        return parse_vn_date(item.metadata.get("comment_deadline") or "")
    except ValueError:
        return None


def consultation_closed(item: Item, kind: CategoryKind | None, today: date | None = None) -> bool:
    """Comments close at the end of the deadline day."""
    deadline = comment_deadline(item, kind)
    return deadline is not None and (today or date.today()) > deadline


class ContentRulesBar(QWidget):
    """Translations, the consultation deadline and the print/export menu of one item."""

    openItem = Signal(str)
    message = Signal(str)

    def __init__(self, items: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.item: Item | None = None
        self.today: date | None = None  # tests fix the day
        self.ask_path = self._ask_path
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("hint")
        self.translations_label = QLabel(self)
        self.translations_label.linkActivated.connect(lambda target: self.openItem.emit(target))
        self.language = QComboBox(self)
        self.translate_button = QPushButton(self)
        self.translate_button.clicked.connect(lambda: self.create_translation())
        self.export_button = QToolButton(self)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_actions: dict[str, QAction] = {}
        for key in ("print", "pdf", "html", "md"):
            action = self.export_menu.addAction("")
            action.triggered.connect(lambda _=False, k=key: self._export_chosen(k))
            self.export_actions[key] = action
        self.export_button.setMenu(self.export_menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.deadline_label)
        layout.addWidget(self.translations_label, 1)
        layout.addStretch(0)  # the controls keep their size when there is nothing to list
        layout.addWidget(self.language)
        layout.addWidget(self.translate_button)
        layout.addWidget(self.export_button)
        self.retranslate()

    # showing
    def _kind(self, item: Item) -> CategoryKind | None:
        for category in self.items.categories():
            if category.id == item.category:
                return category.kind
        return None

    def family(self, item: Item) -> list[Item]:
        """The original and its translations, this item left out (both directions)."""
        from desktop.desk.exports import translations_of

        return [other for other in translations_of(self.items.store, item) if other.id != item.id]

    def show_for(self, item: Item) -> None:
        self.item = item
        deadline = comment_deadline(item, self._kind(item))
        if deadline is None:
            self.deadline_label.hide()
        else:
            self.deadline_label.show()
            if consultation_closed(item, self._kind(item), self.today):
                self.deadline_label.setText(
                    self.tr("Comments closed on %1").replace("%1", format_vn_date(deadline))
                )
            else:
                self.deadline_label.setText(
                    self.tr("Comments until %1").replace("%1", format_vn_date(deadline))
                )
        links = [
            f'<a href="{html.escape(other.id)}">[{html.escape(other.language)}] '
            f"{html.escape(other.title or other.id[:8])}</a>"
            + (f" ({html.escape(self.tr('original'))})" if other.translation_of is None else "")
            for other in self.family(item)
        ]
        self.translations_label.setText(
            (self.tr("Translations:") + " " + " · ".join(links)) if links else ""
        )
        self.translations_label.setVisible(bool(links))
        can_write = self.items.session.can_write()
        self.language.setVisible(can_write)
        self.translate_button.setVisible(can_write)

    # acting
    def create_translation(self, language: str | None = None) -> asyncio.Future[Any] | None:
        """A new draft in another language, linked to the original (AG-9.3); it opens."""
        item = self.item
        if item is None:
            return None
        language = language or str(self.language.currentData())
        if language == item.language:
            self.message.emit(self.tr("Choose a language other than the item's own."))
            return None
        return self.items.create_draft(
            category=item.category,
            title=item.title,
            summary=item.summary,
            body=item.body,
            language=language,
            translation_of=item.translation_of or item.id,
            metadata=dict(item.metadata),
            unit=item.unit,
            done=lambda draft: self.openItem.emit(draft.id),
        )

    def export_html(self) -> str:
        from desktop.content.export import export_html
        from desktop.desk.exports import context_for
        from desktop.ui.services import current_language

        assert self.item is not None
        context = context_for(self.items.store, self.item)
        return export_html(self.item, context, current_language())

    def export_to(self, fmt: str, path: Path) -> Path:
        """Write the item as pdf, html or md at ``path``."""
        from desktop.content.export import export_markdown
        from desktop.desk.exports import context_for
        from desktop.ui.services import current_language

        assert self.item is not None
        if fmt == "pdf":
            from desktop.content.pdf import write_pdf

            return write_pdf(self.export_html(), path, self.item.title)
        if fmt == "html":
            path.write_text(self.export_html(), encoding="utf-8")
            return path
        context = context_for(self.items.store, self.item)
        path.write_text(export_markdown(self.item, context, current_language()), encoding="utf-8")
        return path

    def _export_chosen(self, key: str) -> None:
        if self.item is None:
            return
        if key == "print":
            from desktop.content.pdf import print_html

            print_html(self.export_html(), self)
            return
        path = self.ask_path(key)
        if path is None:
            return
        try:
            self.export_to(key, path)
        except OSError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(self.tr("Saved: %1").replace("%1", str(path)))

    def _ask_path(self, fmt: str) -> Path | None:
        from desktop.models import slugify

        name = (slugify(self.item.title) if self.item else "") or "tin"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export"), f"{name}.{fmt}", f"*.{fmt}"
        )
        return Path(chosen) if chosen else None

    def retranslate(self) -> None:
        from desktop.ui.services import current_language

        vi = current_language() == "vi"
        chosen = self.language.currentData()
        self.language.clear()
        for code, (name_vi, name_en) in LANGUAGES.items():
            if code != "vi":
                self.language.addItem(name_vi if vi else name_en, code)
        self.language.setCurrentIndex(max(self.language.findData(chosen), 0))
        self.language.setAccessibleName(self.tr("Language of the translation"))
        self.translate_button.setText(self.tr("Create a translation"))
        self.export_button.setText(self.tr("Print, export"))
        self.export_actions["print"].setText(self.tr("Print…"))
        self.export_actions["pdf"].setText(self.tr("Save as PDF…"))
        self.export_actions["html"].setText(self.tr("Save as a web page (HTML)…"))
        self.export_actions["md"].setText(self.tr("Save as plain text (Markdown)…"))
        if self.item is not None:
            self.show_for(self.item)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
