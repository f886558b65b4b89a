"""Drop Word and Markdown files on the window: each becomes a draft (issue 20), read by the one
reader of ``portal-desk items new`` / ``items import``. A folder dropped counts as its files.
What happened to each file is said in one message; a file that failed keeps nothing half-made."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.desk.imports import Outcome
    from desktop.ui.services import ItemService


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    """The local files of a drop, folders opened one level."""
    from desktop.desk.imports import folder_files

    found: list[Path] = []
    for url in event.mimeData().urls():
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        found.extend(folder_files(path) if path.is_dir() else [path])
    return found


class FileDrop(QObject):
    """Installed on the main window: accepts drops of files and imports them as drafts."""

    def __init__(self, window: QWidget, items: ItemService) -> None:
        super().__init__(window)
        self.window = window
        self.items = items
        self.task: Any = None
        self.outcomes: list[Outcome] = []
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if not any(url.isLocalFile() for url in event.mimeData().urls()):
                return False
            event.acceptProposedAction()
            if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                self.import_paths(dropped_paths(event))
            return True
        return False

    def import_paths(self, paths: list[Path], tell: bool = True) -> Any:
        def done(outcomes: list[Outcome]) -> None:
            self.outcomes = outcomes
            if tell:
                self.tell(outcomes)

        self.task = self.items.import_files(paths, done=done)
        return self.task

    def summary(self, outcomes: list[Outcome]) -> str:
        language = self.items.desk.language
        lines = []
        for outcome in outcomes:
            if outcome.status == "imported":
                lines.append(self.tr("%1: new draft").replace("%1", outcome.path.name))
            elif outcome.status == "failed":
                lines.append(
                    self.tr("%1: not imported: %2")
                    .replace("%1", outcome.path.name)
                    .replace("%2", outcome.reason(language))
                )
            else:
                lines.append(
                    self.tr("%1: skipped (not .md or .docx)").replace("%1", outcome.path.name)
                )
        return "\n".join(lines)

    def tell(self, outcomes: list[Outcome]) -> None:
        from PySide6.QtWidgets import QMessageBox  # not with the first window

        failed = any(o.status == "failed" for o in outcomes)
        box = QMessageBox.warning if failed else QMessageBox.information
        box(self.window, self.tr("Files imported"), self.summary(outcomes))
