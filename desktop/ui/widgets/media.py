"""The preview that shows images that are still only on this computer (``/media/<sha256>``
read from the local store). Dropping files on the body: ``rich_edit.RichEdit``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.models.render import MEDIA_PREFIX


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
