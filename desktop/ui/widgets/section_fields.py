"""The editor's section part (issue 6, issue 20): the section's own fields (BD-11), the
providing unit taken from the section (BD-12), the date the deadline counts from, and a blank item
starting from its section's template. A part of ``ItemEditor``, which provides the widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.models import Category, CategoryKind, Item
from desktop.models.fields import fields_for, parse_vn_date
from desktop.ui.widgets.metadata_form import attachment_names

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

    from desktop.ui.widgets.metadata_form import MetadataForm
    from desktop.ui.widgets.rich_edit import RichEdit


class SectionFields:
    """``ItemEditor`` provides the attributes declared here."""

    item: Item | None
    title: QLineEdit
    summary: QPlainTextEdit
    body: RichEdit
    category: QComboBox
    unit: QLineEdit
    trigger: QLineEdit
    metadata_form: MetadataForm
    templates: dict[str, dict[str, Any]]
    _category_objects: dict[str, Category]
    _kind: CategoryKind
    _loading: bool
    _language: str
    _body_markdown: str | None

    def body_markdown(self) -> str:
        raise NotImplementedError

    def _changed(self) -> None:
        raise NotImplementedError

    def _show_trigger_suggestion(self) -> None:
        raise NotImplementedError

    # the section's fields (issue 6)
    def _build_metadata_form(self, metadata: dict[str, Any]) -> None:
        category = self._category_objects.get(self.category.currentData() or "")
        self._kind = category.kind if category is not None else CategoryKind.FREE
        item = self.item
        names = attachment_names(item.body, item.attachments) if item is not None else []
        self.metadata_form.set_kind(self._kind, metadata, names, self._language)
        self._show_trigger_suggestion()

    def refresh_attachments(self, item: Item) -> None:
        """Offer the item's current files to the file fields (after a drop or a sync)."""
        self.metadata_form.set_attachments(attachment_names(self.body_markdown(), item.attachments))

    def _category_changed(self) -> None:
        if self._loading or self.item is None:
            return
        old_keys = {spec.key for spec in fields_for(self._kind)}
        previous = self._category_objects.get(self.item.category)
        kept = self.metadata_form.values()
        self._loading = True
        try:
            self._build_metadata_form(kept)
            new_keys = {spec.key for spec in fields_for(self._kind)}
            self.metadata_form.load({k: v for k, v in kept.items() if k not in old_keys - new_keys})
            if previous is not None and self.unit.text() == previous.unit:
                self.unit.clear()
        finally:
            self._loading = False
        self._prefill_unit()
        self._start_from_template()
        self._changed()

    def _start_from_template(self) -> None:
        """A blank item moved to a section with a template starts from it (issue 20)."""
        template = self.templates.get(self.category.currentData() or "", {})
        blank = not (self.title.text() or self.summary.toPlainText() or self.body_markdown())
        if not template or not blank:
            return
        self.title.setText(template.get("title") or "")
        self.summary.setPlainText(template.get("summary") or "")
        if template.get("body"):
            self.body.set_markdown(template["body"])
            self._body_markdown = None

    def _prefill_unit(self) -> None:
        """An empty providing unit takes the section's responsible unit (BD-12)."""
        category = self._category_objects.get(self.category.currentData() or "")
        if (
            self.item is not None
            and category is not None
            and category.unit
            and not self.unit.text().strip()
            and not self.unit.isReadOnly()
            and self.item.state.value == "draft"
        ):
            self.unit.setText(category.unit)

    def _trigger_value(self) -> str | None:
        text = self.trigger.text().strip()
        if not text:
            return None
        try:
            return parse_vn_date(text).isoformat()
        except ValueError:
            return None
