"""The About box (F1), apart from the main window's module: its message box is imported when
first asked for, not with the first window. Its words keep the window's context
("MainWindow") in the translations."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication


def about_text(portal_url: str) -> str:
    """The version (from one place, ``desktop.__version__``), the process, and the portal."""
    from desktop import __version__

    text = QCoreApplication.translate(
        "MainWindow",
        "<b>Editorial desk</b> %1<br>The three-step editorial process of the provincial "
        "regulations (BD-22): create, edit, approve.<br>Your drafts and settings stay in "
        "your user folder, outside the install folder.",
    ).replace("%1", __version__)
    if portal_url:
        link = html.escape(portal_url, quote=True)
        text += "<br><br>" + QCoreApplication.translate("MainWindow", "Portal: %1").replace(
            "%1", f'<a href="{link}/">{html.escape(portal_url)}/</a>'
        )
    return text


def show_about(window: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    title = QCoreApplication.translate("MainWindow", "About Editorial desk")
    QMessageBox.about(window, title, about_text(window.items.desk.portal_url))
