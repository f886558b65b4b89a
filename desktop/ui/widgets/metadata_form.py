"""The section's structured fields as a form (BD-11), built from ``fields.FIELDS``.

The declaration in desktop/models is the one source: this widget only turns each FieldSpec into
an input, reads the values back in their JSON form (ISO dates, numbers, choice values, a file's
sha256) and shows ``validate_metadata``'s problems next to the fields they name.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models import CategoryKind, Problem
from desktop.models.fields import (
    FieldSpec,
    fields_for,
    format_vn_date,
    normalise_metadata,
    parse_vn_date,
)
from desktop.models.render import MEDIA_PREFIX

_LINK = re.compile(r"!?\[([^\]]*)\]\(" + re.escape(MEDIA_PREFIX) + r"([0-9a-fA-F]{64})\)")


def attachment_names(body: str, attachments: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """(sha256, name) of an item's attachments; names come from the links in the body."""
    named = {sha.lower(): name for name, sha in _LINK.findall(body)}
    return [(sha, named.get(sha.lower()) or sha[:12] + "…") for sha in attachments]


class MetadataForm(QWidget):
    """One input per declared field of the section kind; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, host: QFormLayout | None = None) -> None:
        """``host``: a form to add the rows to (after its own), so that its labels and these
        line up in one column; without it the rows are this widget's own."""
        super().__init__(parent)
        self.kind: CategoryKind = CategoryKind.FREE
        self.language = "vi"
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._specs: tuple[FieldSpec, ...] = ()
        self._extra: dict[str, Any] = {}  # undeclared keys: kept as they were
        self._loading = False
        self._read_only = False
        self._rows: list[QWidget] = []
        self._hosted = host is not None
        if host is not None:
            self.form = host
            self.hide()  # an empty carrier of the signals; the rows live in the host
            return
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)

    # building
    def set_kind(
        self,
        kind: CategoryKind | str,
        metadata: dict[str, Any] | None = None,
        attachments: list[tuple[str, str]] | None = None,
        language: str = "vi",
    ) -> None:
        """Rebuild the form for a section kind and fill it (values of other kinds are kept)."""
        self._loading = True
        try:
            self.kind = CategoryKind(kind)
            self.language = language
            for row in self._rows:
                self.form.removeRow(row)  # deletes the row's label and input too
            self._rows = []
            self.inputs, self.errors, self.labels = {}, {}, {}
            self._specs = fields_for(self.kind)
            for spec in self._specs:
                widget = self._input(spec, attachments or [])
                label = QLabel(self)
                label.setWordWrap(True)  # a long name wraps in a narrow column
                label.setBuddy(widget)
                error = QLabel(self)
                error.setObjectName("problems")
                error.setWordWrap(True)
                error.hide()
                box = QWidget(self)
                box_layout = QVBoxLayout(box)
                box_layout.setContentsMargins(0, 0, 0, 0)
                box_layout.setSpacing(1)
                box_layout.addWidget(widget)
                box_layout.addWidget(error)
                self.form.addRow(label, box)
                self._rows.append(box)
                self.inputs[spec.key] = widget
                self.errors[spec.key] = error
                self.labels[spec.key] = label
            self.retranslate(language)
            self.load(metadata or {})
        finally:
            self._loading = False
        if not self._hosted:
            self.setVisible(bool(self._specs))

    def _input(self, spec: FieldSpec, attachments: list[tuple[str, str]]) -> QWidget:
        widget: QWidget
        if spec.type == "longtext":
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 14)
            text.textChanged.connect(self._changed)
            widget = text
        elif spec.type in ("choice", "file"):
            combo = QComboBox(self)
            # as wide as the column allows, not as the longest choice (the list shows it all)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.addItem("", "")
            if spec.type == "choice":
                for value, _vi, _en in spec.choices:
                    combo.addItem(value, value)
            else:
                for sha, name in attachments:
                    combo.addItem(name, sha)
            combo.currentIndexChanged.connect(self._changed)
            widget = combo
        else:
            line = QLineEdit(self)
            line.textChanged.connect(self._changed)
            widget = line
        widget.setObjectName(f"metadata.{spec.key}")
        return widget

    def retranslate(self, language: str) -> None:
        """Labels and choices in the user's language (the declaration carries both)."""
        self.language = language
        for spec in self._specs:
            mark = " *" if spec.required else ""
            self.labels[spec.key].setText(spec.label(language) + mark)
            widget = self.inputs[spec.key]
            widget.setAccessibleName(spec.label(language))
            if spec.type == "choice" and isinstance(widget, QComboBox):
                for index in range(1, widget.count()):
                    widget.setItemText(index, spec.choice_label(widget.itemData(index), language))
            elif isinstance(widget, QLineEdit):
                widget.setPlaceholderText(_placeholder(spec, language))

    # values
    def load(self, metadata: dict[str, Any]) -> None:
        was = self._loading
        self._loading = True
        try:
            declared = {spec.key for spec in self._specs}
            self._extra = {k: v for k, v in metadata.items() if k not in declared}
            for spec in self._specs:
                _set_value(spec, self.inputs[spec.key], metadata.get(spec.key))
        finally:
            self._loading = was

    def values(self) -> dict[str, Any]:
        """The metadata in its JSON form; empty fields are left out."""
        found: dict[str, Any] = dict(self._extra)
        for spec in self._specs:
            value = _get_value(spec, self.inputs[spec.key])
            if value not in ("", None):
                found[spec.key] = value
            else:
                found.pop(spec.key, None)
        return normalise_metadata(self.kind, found)

    def set_attachments(self, attachments: list[tuple[str, str]]) -> None:
        """The item's files, offered by every file field (the chosen one stays chosen)."""
        was = self._loading
        self._loading = True
        try:
            for spec in self._specs:
                combo = self.inputs[spec.key]
                if spec.type != "file" or not isinstance(combo, QComboBox):
                    continue
                chosen = combo.currentData() or ""
                combo.clear()
                combo.addItem("", "")
                for sha, name in attachments:
                    combo.addItem(name, sha)
                _set_value(spec, combo, chosen)
        finally:
            self._loading = was

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(read_only)
                widget.style().unpolish(widget)  # the stylesheet's read-only look
                widget.style().polish(widget)
            else:
                widget.setEnabled(not read_only)

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem under the field it names (``metadata.<key>``), in the user's language."""
        by_key: dict[str, list[str]] = {}
        for problem in problems:
            if problem.field.startswith("metadata."):
                by_key.setdefault(problem.field.split(".", 1)[1], []).append(
                    problem.message(self.language)
                )
        for key, label in self.errors.items():
            messages = by_key.get(key, [])
            label.setText(" ".join(messages))
            label.setVisible(bool(messages))

    def error_text(self, key: str) -> str:
        label = self.errors.get(key)
        return label.text() if label is not None and not label.isHidden() else ""

    def _changed(self) -> None:
        if not self._loading:
            self.changed.emit()


def _placeholder(spec: FieldSpec, language: str) -> str:
    vi = language == "vi"
    return {
        "date": "dd/mm/yyyy",
        "number": "1.250.000" if vi else "1,250,000",
        "email": "ten@donvi.gov.vn",
        "url": "https://…",
        "phone": "0212 3 123 456",
    }.get(spec.type, "")


def _set_value(spec: FieldSpec, widget: QWidget, value: Any) -> None:
    if isinstance(widget, QComboBox):
        index = widget.findData(value if isinstance(value, str) else "")
        if index < 0 and isinstance(value, str) and value:
            widget.addItem(value, value)  # a file not listed (yet) or an unknown choice
            index = widget.count() - 1
        widget.setCurrentIndex(max(index, 0))
        return
    if value is None:
        text = ""
    elif spec.type == "date":
        try:
            text = format_vn_date(value)
        except ValueError:
            text = str(value)
    else:
        text = str(value)
    if isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != text:
            widget.setPlainText(text)
    elif isinstance(widget, QLineEdit) and widget.text() != text:
        widget.setText(text)
        widget.setCursorPosition(0)  # a long value shows its beginning


def _get_value(spec: FieldSpec, widget: QWidget) -> Any:
    if isinstance(widget, QComboBox):
        return widget.currentData() or ""
    text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]
    text = text.strip()
    if spec.type == "date" and text:
        try:
            return parse_vn_date(text).isoformat()
        except ValueError:
            return text  # kept as typed, so that validation names it
    return text
