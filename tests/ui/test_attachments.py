"""Images dropped on the body: kept in the store, shown in the preview, uploaded on sync."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QColor, QImage, QTextDocument

from tests.ui.helpers import People, type_text


def test_drop_image_into_the_body(desk: People, tmp_path: Path) -> None:
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    page = member.window.item_page
    editor = page.editor
    type_text(editor.title, "Ảnh hội nghị")
    type_text(editor.body, "Toàn cảnh hội nghị:")
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("#1f4e79"))
    path = tmp_path / "hoi-nghi.png"
    assert picture.save(str(path))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert editor.body.canInsertFromMimeData(mime)
    editor.body.insertFromMimeData(mime)
    desk.run(page.task)  # kept in the store and queued, then placed in the text
    desk.run(member.desk.writer.drain())

    assert f"![hoi-nghi](/media/{digest})" in editor.content()["body"]
    assert "![" not in editor.body.toPlainText()  # the person sees the picture, not a marker
    shown_in_body = editor.body.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(f"/media/{digest}")
    )
    assert isinstance(shown_in_body, QImage) and shown_in_body.width() == 40
    item = member.items.current(page.item_id)
    assert digest in item.attachments
    assert f"/media/{digest}" in item.body
    shown = editor.preview.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl(f"/media/{digest}")
    )
    assert isinstance(shown, QImage) and shown.width() == 40

    desk.sync(member)
    assert member.items.pending_count() == 0
    server = member.items.local(page.item_id).server
    assert digest in server.attachments
    assert f"/media/{digest}" in server.body
    # The store leaves working.dirty = 1 when an update op is dropped as empty (create, blob,
    # update), so sync_status says "pending" with an empty outbox: reported to the lead.
