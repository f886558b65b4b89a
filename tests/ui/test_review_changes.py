"""The head reads step 2's changes as tracked changes (issue 16): the item rendered, words
added and removed marked in place, a count, and version numbers that count handovers."""

from __future__ import annotations

import re

from PySide6.QtGui import QTextCursor

from desktop.models import Action
from tests.ui.helpers import People, type_text


def test_head_reads_the_deputys_changes(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    page = member.window.item_page
    editor = page.editor
    type_text(editor.title, "Lễ ra quân an toàn giao thông")
    editor.toolbar.apply("heading")
    type_text(
        editor.body, "Nội dung chính\nCác lực lượng tập trung:\n- kiểm tra nồng độ cồn\ntuần tra"
    )
    desk.qtbot.waitUntil(lambda: not editor.pending(), timeout=3000)
    desk.run(member.desk.writer.drain())
    item_id = page.item_id
    assert page.do(Action.SUBMIT)
    desk.run(page.task)
    desk.sync(member)

    deputy = desk.sign_in("phoban")
    deputy.window.open_item(item_id)
    dpage = deputy.window.item_page
    body = dpage.editor.body
    body.moveCursor(QTextCursor.MoveOperation.End)
    type_text(body, " cao tốc\nbảo đảm vận tải Tết")
    cursor = body.document().find("tập trung")
    body.setTextCursor(cursor)
    type_text(body, "khẩn trương")
    desk.qtbot.waitUntil(lambda: not dpage.editor.pending(), timeout=3000)
    desk.run(deputy.desk.writer.drain())
    assert dpage.do(Action.FORWARD)
    desk.run(dpage.task)
    desk.sync(deputy)

    head = desk.sign_in("truongban")
    head.window.open_item(item_id)
    hpage = head.window.item_page
    desk.run(hpage.history_task)
    text = hpage.changes.toPlainText()
    assert "#" not in text and "**" not in text  # rendered, not Markdown
    assert "Nội dung chính" in text and "kiểm tra nồng độ cồn" in text
    assert "tập trung" in text and "khẩn trương" in text  # both, apart
    html = hpage.changes.toHtml()
    assert "#c8f0cf" in html and "#f8cdd0" in html and "line-through" in html
    assert re.fullmatch(r"\d+ đoạn sửa, \d+ từ thêm, \d+ từ bỏ", hpage.changes_summary.text())
    assert hpage.changes_summary.text() == "3 đoạn sửa, 9 từ thêm, 2 từ bỏ"
    assert "(bản 1)" in hpage.changes_note.text()

    rows = [
        [hpage.history.item(r, c).text() for c in range(hpage.history.columnCount())]
        for r in range(hpage.history.rowCount())
    ]
    numbered = {row[0]: row[3] for row in rows if row[0]}
    assert numbered == {"1": "Gửi biên tập", "2": "Chuyển duyệt"}
    assert any(row[0] == "" for row in rows)  # the saves in between have no number
