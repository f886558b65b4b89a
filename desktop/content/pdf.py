"""PDF and printing of one item: the export's HTML laid out by Qt's QTextDocument.

Works headless (``QT_QPA_PLATFORM=offscreen``); the CLI starts a QGuiApplication for it only.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def ensure_gui_application() -> Any:
    """A Qt application for the text layout (offscreen when there is no display).

    A QApplication, not a bare QGuiApplication: a later widget window in the same process
    (the app, pytest-qt) needs one, and Qt allows a single application object.
    """
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if app is not None else QApplication([])


def document(html: str) -> Any:
    from PySide6.QtGui import QFont, QTextDocument

    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 10))
    doc.setHtml(html)
    return doc


def write_pdf(html: str, path: str | Path, title: str = "") -> Path:
    """Write ``html`` as an A4 PDF at ``path`` (text stays text: it can be searched and copied)."""
    ensure_gui_application()
    from PySide6.QtGui import QPageSize, QPdfWriter

    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Bàn biên tập")
    doc = document(html)
    doc.print_(writer)
    del writer  # the file is finished when the writer goes
    return path


def print_html(html: str, parent: Any = None) -> bool:
    """Show the print dialog and print; False when the user cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    document(html).print_(printer)
    return True
