"""Issue 20 in the app: the editor's publication period, the scheduled item's line, History's
"Restore this version", and files dropped on the window becoming drafts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import QDateTime, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.models import Item, State
from desktop.ui.widgets.schedule import ScheduleFields, schedule_text
from tests.ui.helpers import People, type_text

VN = timezone(timedelta(hours=7))


def test_schedule_fields_give_iso_moments_with_offset_and_keep_the_order(qtbot: object) -> None:
    fields = ScheduleFields()
    assert fields.values() == {"publish_at": None, "expire_at": None}
    fields.set_values(datetime(2026, 12, 8, 7, 0, 30, tzinfo=VN), None)
    assert fields.values()["publish_at"] == "2026-12-08T07:00:30+07:00"  # as loaded
    fields.publish_at.setDateTime(QDateTime(2026, 12, 9, 7, 0, 0))
    assert fields.values()["publish_at"] == "2026-12-09T07:00:00+07:00"
    fields.expire_check.setChecked(True)
    fields.expire_at.setDateTime(QDateTime(2026, 12, 1, 0, 0, 0))  # before: held after publish
    expire = datetime.fromisoformat(fields.values()["expire_at"])
    assert expire > datetime(2026, 12, 9, 7, 0, tzinfo=VN)


def test_scheduled_line_in_both_languages() -> None:
    item = Item(
        id="x",
        site="demo",
        state=State.PUBLISHED,
        publish_at=datetime(2026, 12, 8, 7, 0, tzinfo=VN),
        expire_at=datetime(2026, 12, 31, 23, 59, tzinfo=VN),
    )
    before = datetime(2026, 12, 7, 20, 0, tzinfo=VN)
    assert schedule_text(item, before) == (
        "Đã hẹn giờ đăng: 08/12/2026 07:00 · hết hạn đăng: 31/12/2026 23:59",
        "Scheduled: 08/12/2026 07:00 · until 31/12/2026 23:59",
    )
    assert schedule_text(item, datetime(2026, 12, 9, tzinfo=VN))[0] == (
        "hết hạn đăng: 31/12/2026 23:59"
    )
    assert schedule_text(item, datetime(2027, 1, 1, tzinfo=VN)) == ("", "")


def test_editor_saves_the_period_and_history_restores_a_version(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    page = member.window.item_page
    editor = page.editor
    editor.title.selectAll()
    type_text(editor.title, "Thông báo lịch tiếp công dân")
    editor.schedule.publish_check.setChecked(True)
    editor.schedule.publish_at.setDateTime(QDateTime(2026, 12, 8, 7, 0, 0))
    editor.flush()
    desk.run(member.desk.writer.drain())
    item = member.items.current(page.item_id)
    assert item.title == "Thông báo lịch tiếp công dân"
    assert item.publish_at == datetime(2026, 12, 8, 7, 0, tzinfo=VN)
    desk.sync(member)

    editor.title.selectAll()
    type_text(editor.title, "Tiêu đề sửa sai")
    editor.flush()
    desk.run(member.desk.writer.drain())
    desk.sync(member)
    desk.run(page.history_task)
    page.reload()
    history = page.history_tab
    assert not history.button.isEnabled()  # nothing chosen yet
    history.table.selectRow(0)  # version 1
    assert history.button.isEnabled()
    desk.run(history.restore_selected(confirm=False))
    desk.sync(member)
    item = member.items.current(page.item_id)
    assert item.title != "Tiêu đề sửa sai"
    assert item.version == member.items.local(page.item_id).server.version


def test_files_dropped_on_the_window_become_drafts(desk: People, tmp_path: Path) -> None:
    member = desk.sign_in("thanhvien1")
    folder = tmp_path / "tuan-truoc"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Tin thả vào\ncategory: tin-tuc\n---\nx\n", "utf-8")
    (folder / "b.md").write_text("---\ntitle: [sai\n---\n", "utf-8")
    (folder / "c.txt").write_text("khác", "utf-8")
    drop = member.window.file_drop
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / n)) for n in ("a.md", "b.md", "c.txt")])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    original = drop.tell
    told: list[str] = []
    drop.tell = lambda outcomes: told.append(drop.summary(outcomes))  # type: ignore[method-assign]
    try:
        # Qt delivers a drop only during a real drag; the filter is what the window runs then
        assert drop.eventFilter(member.window, event) and event.isAccepted()
        desk.run(drop.task)
    finally:
        drop.tell = original  # type: ignore[method-assign]
    assert [o.status for o in drop.outcomes] == ["imported", "failed", "skipped"]
    assert "a.md: bản nháp mới" in told[0] and "b.md: không nhập được" in told[0]
    titles = {r.title for r in member.items.rows()}
    assert "Tin thả vào" in titles


def test_a_blank_new_item_moved_to_a_section_starts_from_its_template(desk: People) -> None:
    member = desk.sign_in("thanhvien1")
    desk.run(member.window.new_item())
    editor = member.window.item_page.editor
    assert editor.title.text() == ""
    editor.category.setCurrentIndex(editor.category.findData("tin-tuc"))
    assert editor.title.text() == "Thông cáo báo chí: [sự kiện]"
    assert "## Thông tin liên hệ" in editor.content()["body"]
    editor.flush()
    desk.run(member.desk.writer.drain())
    saved = member.items.current(member.window.item_page.item_id)
    assert saved.title == "Thông cáo báo chí: [sự kiện]" and saved.category == "tin-tuc"
    editor.category.setCurrentIndex(editor.category.findData("lay-y-kien"))
    assert editor.title.text() == "Thông cáo báo chí: [sự kiện]"  # not blank: kept as written


def test_queues_say_scheduled_until_the_publish_time(qtbot: object) -> None:
    from desktop.ui.services import QueueRow
    from desktop.ui.widgets.queue import QueueModel

    def row(item_id: str, publish_at: datetime | None) -> QueueRow:
        return QueueRow(
            id=item_id,
            title=item_id,
            category="",
            author="",
            state="published",
            state_since=None,
            created_by="tv1",
            publish_at=publish_at,
        )

    now = datetime.now(VN)
    model = QueueModel()
    model.set_rows(
        [
            row("later", now + timedelta(days=1)),
            row("past", now - timedelta(days=1)),
            row("plain", None),
        ]
    )
    step = model.COLUMNS.index("step")
    assert [model.data(model.index(n, step)) for n in range(3)] == [
        "Đã hẹn giờ đăng",
        "Đã đăng",
        "Đã đăng",
    ]
