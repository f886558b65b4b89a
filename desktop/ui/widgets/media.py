"""The preview: the item as the portal shows it (``preview_html``), in a browser that shows
images still only on this computer (``/media/<sha256>`` read from the local store). Dropping files
on the body: ``rich_edit.RichEdit``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.models.render import MEDIA_PREFIX, render_markdown

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
