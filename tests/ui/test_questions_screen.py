"""The questions screen (issue 18) over the demo portal: the inbox with due dates and the late
question marked, redirect and decline with what the asker reads, and "Write the answer" opens a
new draft of the Q&A section linked to the question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.helpers import People
from tests.ui.test_screens import cut_off, grab, shots_dir, untranslated


def rows(screen: Any) -> dict[str, list[str]]:
    table = screen.table
    return {
        table.item(r, 1).text(): [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    }


def select(screen: Any, title: str) -> None:
    for row in range(screen.table.rowCount()):
        if screen.table.item(row, 1).text() == title:
            screen.table.selectRow(row)
            return
    raise AssertionError(title)


def test_the_inbox_redirects_declines_and_starts_an_answer(
    desk: People, run: Any, tmp_path: Path
) -> None:
    deputy = desk.sign_in("phoban")
    window = deputy.window
    assert "questions" in window.visible_screen_names()
    window.show_screen("questions")
    screen: Any = window.page("questions")
    run(screen.last_task)
    found = rows(screen)
    late = found["Chậm chi trả tiền bồi thường giải phóng mặt bằng"]
    assert "quá hạn" in late[3] and late[4] == "Đang xử lý"
    assert found["Lịch tiêm chủng mở rộng tại trạm y tế xã"][4] == "Đã chuyển"
    grab(window, shots_dir(tmp_path) / "vi-deputy-questions.png")
    assert not cut_off(window)
    assert not untranslated(window, "vi")

    select(screen, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu")
    assert "dinhcongluc@example.vn" in screen.asker.text()
    assert screen.redirect_button.isEnabled()
    assert screen.redirect_selected() is None  # no agency yet: said, nothing sent
    assert "cơ quan có thẩm quyền" in screen.status.text()
    screen.agency.setText("Sở Nông nghiệp và Môi trường")
    screen.comment.setPlainText("Câu hỏi thuộc thẩm quyền của Sở Nông nghiệp và Môi trường.")
    run(screen.redirect_selected())
    run(screen.last_task)  # the reload after it
    assert rows(screen)["Cấp giấy chứng nhận quyền sử dụng đất lần đầu"][4] == "Đã chuyển"
    questions = run(deputy.desk.citizens.questions())
    [redirected] = [q for q in questions if q["title"].startswith("Cấp giấy chứng nhận")]
    assert redirected["redirected_to"] == "Sở Nông nghiệp và Môi trường"

    # assign the one just received to a member
    select(screen, "Hỗ trợ học phí cho học sinh trung học phổ thông")
    index = screen.assignee.findData("thanhvien1")
    assert index >= 0
    screen.assignee.setCurrentIndex(index)
    run(screen.assign_selected())
    run(screen.last_task)
    assert rows(screen)["Hỗ trợ học phí cho học sinh trung học phổ thông"][5] == "Nguyễn Thị Thu Hà"

    # the late one: write the answer → a new Q&A draft, linked, opened in the editor
    select(screen, "Chậm chi trả tiền bồi thường giải phóng mặt bằng")
    assert screen.answer_button.isEnabled()
    item = run(screen.answer_selected())
    assert item is not None and item.category == "hoi-dap"
    assert item.title == "Trả lời: Chậm chi trả tiền bồi thường giải phóng mặt bằng"
    [linked] = [q for q in run(deputy.desk.citizens.questions()) if q["answer_item"] == item.id]
    assert linked["state"] == "assigned"


def test_the_reports_screen_adds_row_8_from_the_portal(desk: People, tmp_path: Path) -> None:
    head = desk.sign_in("truongban")
    window = head.window
    screen: Any = window.page("reports")
    window.show_screen("reports")
    if screen.task is not None:
        desk.run(screen.task)
    counts = desk.run(screen.questions_task)
    assert counts is not None  # the demo's questions of the period (their number depends on today)
    assert screen.figures.questions is counts
    target = tmp_path / "bao-cao.docx"
    screen.ask_path = lambda *_: str(target)
    path = screen.export("docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert (
        "Tiêu chí 8 – số liệu của Ban Biên tập" in text
        and f"Số câu hỏi tiếp nhận: {counts.received}." in text
    )
