"""Pastes from Word, Word files, photos and spelling in the editor, with the real desk (issue 16):
pictures reach the store through ItemService.attach once, placed where they belong."""

from __future__ import annotations

import base64
import hashlib
import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from desktop.models import Item
from desktop.ui.widgets.editor import ItemEditor
from tests.ui.helpers import People, type_text

OFFICE = Path(__file__).resolve().parents[1] / "data" / "office"


def png(size: tuple[int, int], colour: tuple[int, int, int] = (31, 78, 121)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def paste_html(editor: ItemEditor, html: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("(plain)")
    editor.body.insertFromMimeData(mime)


def test_paste_from_word_keeps_the_structure(qtbot: Any) -> None:
    editor = ItemEditor()
    qtbot.addWidget(editor)
    editor.load(Item(id="i1", site="demo", title="Tin"))
    paste_html(editor, (OFFICE / "word-clipboard.html").read_text(encoding="utf-8"))
    body = editor.content()["body"]
    assert "# Kết quả nổi bật" in body
    assert "- Văn bản điện tử được ký số;\n    - kể cả văn bản của cấp xã;" in body
    assert "| Nội dung | Quy chế cũ | Quy chế mới |" in body
    assert "Quyết định số 12/QĐ-UBND ngày 30/10/2026" in body  # .VnTime became Unicode
    plain = editor.body.toPlainText()
    for marker in ("**", "| ---", "# ", "mso", "·"):
        assert marker not in plain
    assert "TCVN3" in editor.notice.text() and "VNI" in editor.notice.text()
    assert "2" in editor.notice.text()  # two pictures could not come


def test_pasted_picture_and_word_file_are_attached_once(desk: People, tmp_path: Path) -> None:
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    page = member.window.item_page
    editor = page.editor
    data = png((60, 40))
    picture = base64.b64encode(data).decode()
    paste_html(editor, f'<p>Ảnh <img alt="Hội trường" src="data:image/png;base64,{picture}"></p>')
    desk.run(page.task)
    desk.run(member.desk.writer.drain())
    sha = hashlib.sha256(data).hexdigest()
    item = member.items.current(page.item_id)
    assert sha in item.attachments
    assert editor.content()["body"].count(f"/media/{sha}") == 1
    assert member.items.blob(sha) == data

    document = Document()
    document.add_paragraph("Lễ ra quân bảo đảm an toàn giao thông", style="Title")
    document.add_paragraph("Sáng nay, ").add_run("hơn 600 cán bộ").bold = True
    document.add_picture(io.BytesIO(png((2400, 1200), (200, 40, 40))), width=Cm(8))
    document.save(str(tmp_path / "tin.docx"))
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    assert editor.tools.import_docx(tmp_path / "tin.docx")
    desk.run(page.task)
    desk.run(member.desk.writer.drain())
    item = member.items.current(page.item_id)
    assert item.title == "Lễ ra quân bảo đảm an toàn giao thông"  # the title was empty
    body = editor.content()["body"]
    assert "Sáng nay, **hơn 600 cán bộ**" in body
    placed = [s for s in item.attachments if s != sha]
    assert len(placed) == 1 and body.count(f"/media/{placed[0]}") == 1
    stored = Image.open(io.BytesIO(member.items.blob(placed[0])))
    assert stored.size == (1600, 800)  # made smaller before it was kept
    assert "1 ảnh" in editor.notice.text()


def test_a_dropped_photo_is_made_smaller_and_said_so(desk: People, tmp_path: Path) -> None:
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    page = member.window.item_page
    editor = page.editor
    type_text(editor.title, "Ảnh")
    path = tmp_path / "IMG_2041.png"
    path.write_bytes(png((3200, 2400)))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    editor.body.insertFromMimeData(mime)
    desk.run(page.task)
    desk.run(member.desk.writer.drain())
    assert "IMG_2041.png" in editor.notice.text()
    assert "3200×2400 → 1600×1200" in editor.notice.text()
    (sha,) = member.items.current(page.item_id).attachments
    assert Image.open(io.BytesIO(member.items.blob(sha))).size == (1600, 1200)
    assert f"![IMG_2041](/media/{sha})" in editor.content()["body"]


@pytest.fixture
def own_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PORTAL_DESK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data" / "spelling-words.txt"


def test_spelling_underlines_suggests_and_learns(qtbot: Any, own_words: Path) -> None:
    editor = ItemEditor()
    qtbot.addWidget(editor)
    editor.load(Item(id="i1", site="demo", title="Tin", body="Xin chàoo Zalo và các bạn.\n"))
    editor.show()
    highlighter = editor.tools.highlighter
    qtbot.waitUntil(highlighter.idle, timeout=10_000)
    block = editor.body.document().firstBlock()
    underlined = {
        block.text()[r.start : r.start + r.length]
        for r in block.layout().formats()
        if r.format.underlineStyle() == r.format.UnderlineStyle.SpellCheckUnderline
    }
    assert underlined == {"chàoo", "Zalo"}
    assert editor.content()["body"] == "Xin chàoo Zalo và các bạn.\n"  # nothing was saved

    cursor = QTextCursor(block)
    cursor.setPosition(6)  # inside "chàoo"
    menu = QMenu()
    editor.tools.extend_menu(menu, cursor)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "chào"
    next(a for a in menu.actions() if a.text() == "chào").trigger()
    assert editor.body.toPlainText() == "Xin chào Zalo và các bạn."

    cursor.setPosition(block.text().index("Zalo") + 1)
    menu = QMenu()
    editor.tools.extend_menu(menu, cursor)
    next(a for a in menu.actions() if "Zalo" in a.text()).trigger()
    assert own_words.read_text(encoding="utf-8") == "Zalo\n"
    qtbot.waitUntil(highlighter.idle, timeout=10_000)
    assert not [
        r
        for r in editor.body.document().firstBlock().layout().formats()
        if r.format.underlineStyle() == r.format.UnderlineStyle.SpellCheckUnderline
    ]
    editor.language.setCurrentIndex(editor.language.findData("en"))
    assert not highlighter.enabled  # an English item is not checked against Vietnamese


def test_a_pasted_screenshot_becomes_a_file(qtbot: Any) -> None:
    from PySide6.QtGui import QColor, QImage

    editor = ItemEditor()
    qtbot.addWidget(editor)
    editor.load(Item(id="i1", site="demo", title="Tin"))
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#1f4e79"))
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(editor.body.filesDropped, timeout=3000) as dropped:
        editor.body.insertFromMimeData(mime)
    (path,) = dropped.args[0]
    assert Image.open(path).size == (64, 48)
