"""What the body's editor does beyond typing: spelling (underlines, suggestions, the person's own
words), pictures (made smaller and stripped of their location before they are attached, with
the sizes said above the body), Word files brought in whole, and the context menu of tables and
pictures.

Files reach the store the way a dropped file always has: the body's ``filesDropped`` signal,
which the item page answers with ``ItemService.attach`` and then ``insert_attachment``. A
picture that is already placed in the text (from a paste or a Word file) is expected by its
sha256 (``RichEdit.awaiting``), so it is attached without being inserted twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor, QTextFormat, QTextImageFormat
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from desktop.content.images import is_picture, prepare_image, temporary_file
from desktop.content.spelling import shared_speller
from desktop.desk.profiles import data_dir
from desktop.models.render import MEDIA_PREFIX
from desktop.ui.widgets.spelling import SpellHighlighter

if TYPE_CHECKING:
    from desktop.ui.widgets.editor import ItemEditor


class BodyTools(QObject):
    def __init__(self, editor: ItemEditor) -> None:
        super().__init__(editor)
        self.editor = editor
        body = editor.body
        self.highlighter = SpellHighlighter(body.document(), shared_speller(data_dir()))
        # Ask for files (tests replace these).
        self.ask_pictures: Callable[[], list[Path]] = self._ask_pictures
        self.ask_word_file: Callable[[], Path | None] = self._ask_word_file
        body.prepare_files = self.prepare_files
        body.notice.connect(editor.show_notice)
        body.extend_menu = self.extend_menu
        editor.toolbar.spellingToggled.connect(self._spelling_switched)
        editor.toolbar.imageRequested.connect(self.choose_pictures)
        editor.toolbar.wordRequested.connect(self.open_word_file)
        editor.language.currentIndexChanged.connect(self._language_changed)

    # -- spelling ------------------------------------------------------------------------------
    def _spelling_switched(self, on: bool) -> None:
        self.highlighter.set_enabled(on and self._vietnamese())

    def _language_changed(self) -> None:
        self._spelling_switched(self.editor.toolbar.actions_by_name["spelling"].isChecked())

    def _vietnamese(self) -> bool:
        return (self.editor.language.currentData() or "vi") == "vi"

    def extend_menu(self, menu: QMenu, cursor: QTextCursor) -> None:
        """Suggestions and "add to dictionary" first; table and picture actions after."""
        body = self.editor.body
        ours: list[QAction] = []
        if self.highlighter.enabled and not body.isReadOnly():
            block = cursor.block()
            found = self.highlighter.misspelt_at(block.text(), cursor.positionInBlock())
            if found is not None:
                start, end, word = found
                at = block.position()
                suggestions = self.highlighter.speller.suggest(word)
                for suggestion in suggestions:
                    action = QAction(suggestion, menu)
                    action.triggered.connect(
                        lambda _=False, s=suggestion, a=at: self.replace_word(a + start, a + end, s)
                    )
                    ours.append(action)
                if not suggestions:
                    none = QAction(self.tr("(no suggestions)"), menu)
                    none.setEnabled(False)
                    ours.append(none)
                add = QAction(self.tr("Add “%1” to my dictionary").replace("%1", word), menu)
                add.triggered.connect(lambda _=False, w=word: self.add_word(w))
                ours.append(add)
                separator = QAction(menu)
                separator.setSeparator(True)
                ours.append(separator)
        existing = menu.actions()
        if existing:
            menu.insertActions(existing[0], ours)
        else:
            menu.addActions(ours)
        if body.isReadOnly():
            return
        if cursor.currentTable() is not None:
            table = menu.addMenu(self.tr("Table"))
            for name, action in self.editor.toolbar.table_actions.items():
                if name != "insert_table":
                    table.addAction(action)
        if body.image_at(cursor) is not None:
            alt = menu.addAction(self.tr("Picture description (for screen readers)…"))
            kept = QTextCursor(cursor)
            alt.triggered.connect(lambda _=False, c=kept: self.edit_alt(c))
            caption = menu.addAction(self.tr("Caption under the picture…"))
            caption.triggered.connect(lambda _=False, c=kept: self.edit_caption(c))

    def replace_word(self, start: int, end: int, word: str) -> None:
        cursor = QTextCursor(self.editor.body.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(word)

    def add_word(self, word: str) -> None:
        self.highlighter.speller.add(word)
        self.highlighter.repaint()

    def edit_alt(self, cursor: QTextCursor) -> None:
        found = self.editor.body.image_at(cursor)
        if found is None:
            return
        current = str(found[1].property(QTextFormat.Property.ImageAltText) or "")
        text, ok = QInputDialog.getText(
            self.editor,
            self.tr("Picture description"),
            self.tr("What the picture shows, for people who cannot see it:"),
            text=current,
        )
        if ok:
            self.editor.body.set_alt_text(cursor, text.strip())

    def edit_caption(self, cursor: QTextCursor) -> None:
        text, ok = QInputDialog.getText(
            self.editor, self.tr("Caption"), self.tr("Caption shown under the picture:")
        )
        if ok:
            self.editor.body.set_caption_at(cursor, text.strip())

    # -- pictures ------------------------------------------------------------------------------
    def prepare_files(self, paths: list[Path]) -> list[Path]:
        """Pictures upright, smaller and without location; the sizes said above the body."""
        out: list[Path] = []
        messages: list[str] = []
        language = self.editor._language
        for path in paths:
            if not is_picture(path.name):
                out.append(path)
                continue
            try:
                data = path.read_bytes()
            except OSError:
                out.append(path)
                continue
            prepared = prepare_image(path.name, data)
            messages.append(prepared.summary(language))
            out.append(temporary_file(prepared.name, prepared.data) if prepared.changed else path)
        if messages:
            self.editor.show_notice(" ".join(messages))
        return out

    def choose_pictures(self) -> None:
        paths = self.ask_pictures()
        if paths:
            self.editor.body.filesDropped.emit(self.prepare_files(paths))

    def _ask_pictures(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self.editor,
            self.tr("Insert a picture"),
            "",
            self.tr("Pictures (*.jpg *.jpeg *.png *.gif *.webp)"),
        )
        return [Path(name) for name in names]

    def insert_attachment(self, name: str, sha256: str) -> None:
        if sha256 in self.editor.body.awaiting:
            self.editor.body.awaiting.discard(sha256)
            return
        body = self.editor.body
        cursor = body.textCursor()
        cursor.beginEditBlock()
        if is_picture(name):
            if cursor.block().text().strip():
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
                cursor.insertBlock()
            image = QTextImageFormat()
            image.setName(f"{MEDIA_PREFIX}{sha256}")
            image.setProperty(QTextFormat.Property.ImageAltText, Path(name).stem)
            cursor.insertImage(image)
            cursor.insertBlock()
        else:
            link = QTextCharFormat()
            link.setAnchor(True)
            link.setAnchorHref(f"{MEDIA_PREFIX}{sha256}")
            link.setFontUnderline(True)
            cursor.insertText(name, link)
            cursor.insertText(" ", QTextCharFormat())
        cursor.endEditBlock()
        body.setTextCursor(cursor)

    # -- Word files ----------------------------------------------------------------------------
    def open_word_file(self) -> None:
        path = self.ask_word_file()
        if path is not None:
            self.import_docx(path)

    def _ask_word_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.editor, self.tr("Open Word file"), "", self.tr("Word documents (*.docx)")
        )
        return Path(name) if name else None

    def import_docx(self, path: Path) -> bool:
        """The file's title (into an empty title), its body at the cursor (or as the body when
        it is empty), its pictures placed and handed on to be attached."""
        from desktop.content.docx_import import DocxError, read_docx

        editor = self.editor
        language = editor._language
        try:
            document = read_docx(path)
        except DocxError as error:
            editor.show_notice(error.message(language))
            return False
        text = document.markdown
        files: list[Path] = []
        for picture in document.pictures:
            prepared = prepare_image(picture.name, picture.data)
            sha = hashlib.sha256(prepared.data).hexdigest()
            text = text.replace(f"]({picture.placeholder}", f"]({MEDIA_PREFIX}{sha}")
            editor.body.place_picture(sha, prepared.data)
            editor.body.awaiting.add(sha)
            files.append(temporary_file(prepared.name, prepared.data))
        if document.title and not editor.title.text().strip():
            editor.title.setText(document.title)
        if editor.body.document().isEmpty():
            editor.body.set_markdown(text)
            editor._body_changed()
        else:
            editor.body.insert_markdown(text)
        editor.show_notice(document.summary(language, path.name))
        if files:
            editor.body.filesDropped.emit(files)
        editor.flush()
        return True
