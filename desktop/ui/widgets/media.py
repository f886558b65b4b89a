"""Drag and drop of images and attachments into the body, and a preview that shows images
that are still only on this computer (``/media/<sha256>`` read from the local store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QUrl, Signal
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

from desktop.models.render import MEDIA_PREFIX

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}


def dropped_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def markdown_for(name: str, sha256: str) -> str:
    """An image is shown in the text; any other file becomes a link to download."""
    if Path(name).suffix.lower() in IMAGE_SUFFIXES:
        return f"![{Path(name).stem}]({MEDIA_PREFIX}{sha256})"
    return f"[{name}]({MEDIA_PREFIX}{sha256})"


class MarkdownEdit(QPlainTextEdit):
    """The body's text box; files dropped on it are announced, not pasted as paths."""

    filesDropped = Signal(list)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(dropped_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        files = [f for f in dropped_files(source) if f.is_file()]
        if files:
            self.filesDropped.emit(files)
            return
        super().insertFromMimeData(source)


class PreviewBrowser(QTextBrowser):
    """QTextBrowser that finds ``/media/<sha>`` images in the local store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blob_loader: Callable[[str], bytes | None] | None = None

    def loadResource(self, kind: int, url: QUrl | str) -> Any:
        path = url.path() if isinstance(url, QUrl) else str(url)
        if (
            kind == QTextDocument.ResourceType.ImageResource.value
            and path.startswith(MEDIA_PREFIX)
            and self.blob_loader is not None
        ):
            data = self.blob_loader(path[len(MEDIA_PREFIX) :])
            if data:
                image = QImage()
                if image.loadFromData(data):
                    return image
        return super().loadResource(kind, url)
