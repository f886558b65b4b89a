"""Issue 6 in the app, against the demo portal on loopback: the section's form (BD-11, BD-12),
grants given and revoked from the app (BD-18.4, BD-22), take-down with its reason and the
archive (AG-25), translations (AG-9.3), export from the item page (BD-14.1.c) and the reminder
a day before a due date (BD-13)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.models import Action, State, Step
from tests.ui.helpers import People, Person, type_text


def open_new(desk: People, person: Person) -> Any:
    desk.run(person.window.new_item())
    page = person.window.item_page
    assert person.window.stack.currentWidget() is page
    return page


def choose(combo: Any, data: str) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def saved(desk: People, page: Any) -> None:
    """What was typed is saved, and the writer thread has written it."""
    desk.qtbot.waitUntil(lambda: not page.editor.pending(), timeout=3000)
    desk.run(page.items.desk.writer.drain())


# --- 1. the section's form -------------------------------------------------------------------


def test_metadata_form_follows_the_section(desk: People, tmp_path: Path) -> None:
    member = desk.sign_in("thanhvien1")
    page = open_new(desk, member)
    editor = page.editor
    item_id = page.item_id
    # a new draft in the first section (Giới thiệu) takes its responsible unit (BD-12)
    assert editor.unit.text() == "Sở Nội vụ"
    assert not editor.metadata_form.inputs  # "Giới thiệu" declares no fields
    type_text(editor.title, "Quyết định ban hành quy chế")
    type_text(editor.body, "Toàn văn quyết định.")
    saved(desk, page)

    choose(editor.category, "van-ban-phap-luat")  # a legal document (BD-11.6)
    form = editor.metadata_form
    desk.qtbot.waitUntil(lambda: form.labels["number"].isVisibleTo(editor))  # beside the text
    assert set(form.inputs) >= {"document_type", "number", "issuer", "issue_date", "file"}
    assert form.labels["number"].text() == "Số ký hiệu *"
    assert editor.unit.text() == "Văn phòng UBND tỉnh"  # followed the section
    saved(desk, page)
    submit = page.action_buttons[Action.SUBMIT]
    assert not submit.isEnabled()  # required fields missing
    assert form.error_text("number") == "Chưa nhập số ký hiệu."

    choose(form.inputs["document_type"], "quyet_dinh")
    type_text(form.inputs["number"], "15/2026/QĐ-UBND")
    type_text(form.inputs["issuer"], "Ủy ban nhân dân tỉnh")
    type_text(form.inputs["abstract"], "Ban hành quy chế phối hợp.")
    type_text(form.inputs["issue_date"], "31/02/2026")
    saved(desk, page)
    assert "dd/mm/yyyy" in form.error_text("issue_date")
    form.inputs["issue_date"].clear()
    type_text(form.inputs["issue_date"], "5/3/2026")
    # the deadline counts from the issue date: the editor suggests it
    assert "05/03/2026" in editor.trigger.placeholderText()
    document = tmp_path / "quyet-dinh-15.pdf"
    document.write_bytes(b"%PDF-1.4 demo")
    page.attach_files([document])
    desk.run(page.task)
    saved(desk, page)
    assert form.inputs["file"].findText("quyet-dinh-15.pdf") > 0  # the item's attachments
    assert not page.action_buttons[Action.SUBMIT].isEnabled()  # the file is still missing
    choose(form.inputs["file"], member.items.current(item_id).attachments[0])
    saved(desk, page)

    item = member.items.current(item_id)
    assert item.metadata["issue_date"] == "2026-03-05"  # stored in its JSON form
    assert item.metadata["document_type"] == "quyet_dinh"
    assert item.metadata["number"] == "15/2026/QĐ-UBND"
    assert item.unit == "Văn phòng UBND tỉnh"
    assert form.error_text("number") == ""
    assert page.action_buttons[Action.SUBMIT].isEnabled()
    assert page.do(Action.SUBMIT)
    desk.run(page.task)
    desk.sync(member)
    server = member.items.local(item_id).server
    assert server is not None and server.state is State.SUBMITTED  # the portal agreed
    assert server.metadata["file"] == item.metadata["file"]


# --- 2. grants -------------------------------------------------------------------------------


def submitted_item(desk: People, author: Person, category: str) -> str:
    """A fresh item in ``category``, submitted by ``author`` and synced."""
    draft = desk.run(
        author.items.create_draft(
            category=category, title="Hướng dẫn ký số văn bản", body="Các bước ký số."
        )
    )
    desk.run(author.items.act(draft.id, Action.SUBMIT))
    desk.sync(author)
    assert author.items.local(draft.id).server.state is State.SUBMITTED
    return draft.id


def test_head_grants_edit_and_the_member_forwards_on_behalf(desk: People) -> None:
    author = desk.sign_in("thanhvien1")
    item_id = submitted_item(desk, author, "chuyen-doi-so")
    head = desk.sign_in("truongban")
    head.window.show_screen("grants")
    screen = head.window.page("grants")
    assert "grants" in head.window.visible_screen_names()
    assert [screen.step.itemData(i) for i in range(screen.step.count())] == ["edit", "approve"]
    before = screen.table.rowCount()
    choose(screen.grantee, "thanhvien2")
    choose(screen.step, "edit")
    screen.all_categories.setChecked(False)
    for i in range(screen.categories.count()):
        entry = screen.categories.item(i)
        if entry.data(0x0100) == "chuyen-doi-so":
            entry.setCheckState(Qt.CheckState.Checked)
    type_text(screen.valid_from, "01/01/2026")
    type_text(screen.decision, "Quyết định số 20/QĐ-BBT")
    desk.run(screen.give())
    assert screen.status.text() == "Đã giao quyền."
    assert screen.table.rowCount() == before + 1
    shown = [screen.table.item(r, 4).text() for r in range(screen.table.rowCount())]
    assert "Quyết định số 20/QĐ-BBT" in shown

    member = desk.sign_in("thanhvien2")
    assert "edit_queue" in member.window.visible_screen_names()
    edit_queue = member.window.page("edit_queue")
    edit_queue.refresh()
    assert item_id in [row.id for row in edit_queue._rows]
    desk.offline(member)  # the cached grant decides offline too
    member.window.open_item(item_id)
    page = member.window.item_page
    assert Action.FORWARD in page.action_buttons
    assert page.do(Action.FORWARD)
    desk.run(page.task)
    desk.online(member)
    desk.sync(member)
    server = member.items.local(item_id).server
    assert server.state is State.EDITED
    assert server.steps["edit"].on_behalf_of == "truongban"
    desk.run(member.items.request_history(item_id))
    page.reload()
    who = [page.history.item(r, 2).text() for r in range(page.history.rowCount())]
    assert any("thay mặt Phạm Văn Thành" in text for text in who), who

    # the head revokes it: the member's queue follows after the directory refresh
    head.window.show_screen("grants")
    screen.refresh()
    row = next(
        r
        for r in range(screen.table.rowCount())
        if screen.table.item(r, 4).text() == "Quyết định số 20/QĐ-BBT"
    )
    screen.table.selectRow(row)
    screen.confirm = lambda *_: True
    desk.run(screen.revoke_selected())
    assert screen.status.text() == "Đã thu hồi quyền."
    assert (
        screen.table.item(
            next(
                r
                for r in range(screen.table.rowCount())
                if screen.table.item(r, 4).text() == "Quyết định số 20/QĐ-BBT"
            ),
            6,
        )
        .text()
        .startswith("Đã thu hồi")
    )
    desk.run(member.engine.refresh_directory())
    desk.sync(member)
    ours = [g for g in member.items.session.grants if g.decision_ref == "Quyết định số 20/QĐ-BBT"]
    assert ours and all(g.revoked_at is not None for g in ours)
    probe = member.items.current(item_id)
    assert not member.items.session.may_act_on_step(probe, Step.EDIT)


def test_deputy_grants_editing_only_and_offline_says_so(desk: People) -> None:
    deputy = desk.sign_in("phoban")
    screen = deputy.window.page("grants")
    assert [screen.step.itemData(i) for i in range(screen.step.count())] == ["edit"]
    desk.offline(deputy)
    before = screen.table.rowCount()
    choose(screen.grantee, "thanhvien1")
    type_text(screen.decision, "Quyết định số 21/QĐ-BBT")
    desk.run(screen.give())
    assert "Không kết nối được cổng thông tin" in screen.status.text()
    assert screen.table.rowCount() == before
    member = desk.sign_in("thanhvien1")
    assert "grants" not in member.window.visible_screen_names()


# --- 3 and 4. take-down, archive, export, translations ---------------------------------------


def test_take_down_export_and_translate(desk: People, demo_portal: Any, tmp_path: Path) -> None:
    import httpx

    head = desk.sign_in("truongban")
    rows = head.items.rows(states=["published"])
    news = next(
        r
        for r in rows
        if head.items.current(r.id).category == "tin-tuc"
        and head.items.current(r.id).translation_of is None
    )
    item = head.items.current(news.id)
    head.window.open_item(news.id)
    page = head.window.item_page
    bar = page.content_rules
    assert bar.translate_button.text() == "Tạo bản dịch"
    draft = desk.run(bar.create_translation("fr"))
    assert draft is not None and page.item_id == draft.id  # the new draft is open
    assert head.items.current(draft.id).translation_of == news.id
    assert head.items.current(draft.id).language == "fr"
    assert f'href="{news.id}"' in bar.translations_label.text()  # back to the original
    page.open(news.id)
    assert f'href="{draft.id}"' in bar.translations_label.text()

    for fmt in ("md", "html", "pdf"):
        out = bar.export_to(fmt, tmp_path / f"tin.{fmt}")
        assert out.stat().st_size > 0
    markdown = (tmp_path / "tin.md").read_text(encoding="utf-8")
    assert item.title in markdown and "Quá trình duyệt" in markdown
    assert "Duyệt đăng" in (tmp_path / "tin.html").read_text(encoding="utf-8")
    from pypdf import PdfReader

    pdf_text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "tin.pdf").pages)
    assert "Quá trình duyệt" in " ".join(pdf_text.split())  # words come tab-separated

    assert httpx.get(f"{demo_portal.url}/items/{item.slug}").status_code == 200
    page.ask_comment = lambda *_: ""  # the reason is required: no reason, no take-down
    assert not page.do(Action.TAKE_DOWN)
    page.ask_comment = lambda *_: "Văn bản đã hết hiệu lực"
    assert page.do(Action.TAKE_DOWN)
    desk.run(page.task)
    desk.sync(head)
    assert head.items.local(news.id).server.state is State.TAKEN_DOWN
    assert httpx.get(f"{demo_portal.url}/items/{item.slug}").status_code in (404, 410)
    archive = head.window.page("taken_down")
    archive.refresh()
    assert news.id in [row.id for row in archive._rows]
    desk.run(head.items.request_history(news.id))
    page.reload()
    comments = [page.history.item(r, 4).text() for r in range(page.history.rowCount())]
    assert "Văn bản đã hết hiệu lực" in comments
    out = bar.export_to("md", tmp_path / "go-bo.md")
    assert "Gỡ bỏ" in out.read_text(encoding="utf-8")  # the trail prints the take-down
