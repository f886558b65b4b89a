"""The editor saves only what the person changed: a change that reaches the open item meanwhile
(a sync's merge, the command line on the same store) is never overwritten with the text the
editor showed before it. Nothing lost, in either direction."""

from __future__ import annotations

from desktop.models import Origin
from tests.ui.helpers import People, type_text

BODY = "Mật lệnh hồ-sen-trắng-5823 chưa công bố"
ELSEWHERE = BODY + "\n\nĐoạn thứ hai, viết ở nơi khác."


def test_typing_and_a_change_from_elsewhere_both_stay(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    window = member.window
    item = desk.run(member.items.create_draft("tin-tuc", title="Tin nội bộ", body=BODY))
    window.open_item(item.id)
    page = window.item_page
    type_text(page.editor.author, "Thu Hà")  # typing: the save waits for a pause
    assert page.editor.pending()

    desk.run(member.desk.save(item.id, body=ELSEWHERE))  # arrives before the pause ends
    page.editor.flush()
    desk.run(member.desk.writer.drain())

    saved = member.desk.item(item.id)
    assert saved.body == ELSEWHERE  # not the body the editor showed when the typing began
    assert saved.author == "Thu Hà"
    assert saved.title == "Tin nội bộ" and saved.origin is Origin.ORIGINAL


def test_a_save_sends_what_was_typed_only(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    window = member.window
    item = desk.run(member.items.create_draft("tin-tuc", title="Tin", body=BODY))
    window.open_item(item.id)
    page = window.item_page
    sent: list[dict[str, object]] = []
    page.editor.save.connect(sent.append)
    page.editor.flush()  # nothing typed; only the section's unit, filled in for an empty one
    assert sent == [{"unit": "Văn phòng UBND tỉnh"}]
    page.editor.flush()  # nothing more
    page.editor.title.end(False)
    type_text(page.editor.title, " mới")
    page.editor.flush()
    assert sent == [{"unit": "Văn phòng UBND tỉnh"}, {"title": "Tin mới"}]
