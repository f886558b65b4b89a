"""The item's public address on each outside site it was published to (issue 11)."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.services import ItemService


class PublicLinks(QLabel):
    """ "Public on: <target> <link> · …", hidden while the item is on no outside site."""

    def __init__(self, items: ItemService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = items
        self.setObjectName("publicLinks")
        self.setWordWrap(True)
        self.setOpenExternalLinks(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.urls: dict[str, str] = {}
        self.item_id = ""
        self.hide()

    def show_for(self, item_id: str) -> None:
        self.item_id = item_id
        jobs: list[Any] = self.items.desk.publishing.of_item(item_id) if item_id else []
        self.urls = {job.target: job.url for job in jobs}
        if not self.urls:
            self.hide()
            return
        links = " · ".join(
            f'{html.escape(target)}: <a href="{html.escape(url, quote=True)}">'
            f"{html.escape(url)}</a>"
            for target, url in sorted(self.urls.items())
        )
        self.setText(self.tr("Public on:") + " " + links)
        self.setAccessibleName(self.tr("Public addresses"))
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.urls:
            self.show_for(self.item_id)
        super().changeEvent(event)
