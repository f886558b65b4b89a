"""Each screen renders in Vietnamese and English with no untranslated string and no cut-off
button; every screen is grabbed (docs/screenshots/ when WRITE_SCREENSHOTS=1)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from desktop.models import State
from desktop.ui.i18n import TS_DIR
from desktop.ui.welcome import WelcomeDialog
from tests.ui.helpers import People
from tests.ui.test_translations import catalogue

ROOT = Path(__file__).resolve().parents[2]


def shots_dir(tmp_path: Path) -> Path:
    if os.environ.get("WRITE_SCREENSHOTS") == "1":
        target = Path(os.environ.get("SHOTS", ROOT / "docs" / "screenshots"))
        target.mkdir(parents=True, exist_ok=True)
        return target
    return tmp_path


def shown_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hear from a window: labels, buttons, tabs, headers,
    placeholders, list and combo entries, tool tips, accessible names, actions."""
    texts: list[str] = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        texts += [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
        for getter in ("text", "placeholderText", "title", "suffix"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    result = value()
                except TypeError:
                    continue
                if isinstance(result, str):
                    texts.append(result)
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, QTableView | QTableWidget) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount())
            ]
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
    return [t for t in texts if t]


def untranslated(root: QWidget, language: str) -> set[str]:
    """Texts shown in the other language: an English source in Vietnamese, or the reverse."""
    vi = catalogue(TS_DIR / "ban_bien_tap_vi.ts")
    pairs = {(source, text) for (_, source), text in vi.items() if source != text}
    wrong = {source for source, _ in pairs} if language == "vi" else {text for _, text in pairs}
    right = {text for _, text in pairs} if language == "vi" else {source for source, _ in pairs}
    wrong -= right
    found = set()
    for text in shown_texts(root):
        bare = text.split("  (")[0].replace("&", "")
        stripped = {w.replace("&", "") for w in wrong}
        if bare in stripped:
            found.add(text)
    return found


def cut_off(root: QWidget) -> list[str]:
    """Buttons and one-line labels narrower than their text."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 1:
            continue
        if isinstance(widget, QPushButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 1:
                problems.append(
                    f"button {widget.text()!r}: {widget.width()} < {widget.sizeHint().width()}"
                )
        elif (
            isinstance(widget, QLabel)
            and widget.text()
            and not widget.wordWrap()
            and not widget.pixmap()
        ):
            needed = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", ""))
            if needed > widget.width() + 2 and "<" not in widget.text():
                problems.append(f"label {widget.text()!r}: {widget.width()} < {needed}")
    return problems


SAMPLE = {
    "vi": (
        "Hội nghị tổng kết chuyển đổi số năm 2026",
        "Sáng 17/11, UBND tỉnh tổ chức hội nghị đánh giá kết quả chuyển đổi số.",
        "# Kết quả nổi bật\n\nNăm 2026, tỉnh hoàn thành **27/30 chỉ tiêu**, trong đó có *nhiều* "
        "chỉ tiêu vượt kế hoạch. Hội nghị đã thảo luậnn các giải pháp cho năm tới.\n\n"
        "- Văn bản điện tử được ký số;\n- Dịch vụ công trực tuyến toàn trình.\n\n"
        "| Chỉ tiêu | Kế hoạch | Thực hiện |\n|---|---|---|\n"
        "| Hồ sơ trực tuyến | 60% | 68,4% |\n| Thanh toán trực tuyến | 50% | 57,2% |\n\n"
        '![Hội trường](/media/{sha} "Toàn cảnh hội nghị")\n',
    ),
    "en": (
        "Digital transformation review 2026",
        "On 17 November the provincial committee reviewed the year's digital transformation.",
        "# Main results\n\nIn 2026 the province met **27 of its 30 targets**, *several* of them "
        "ahead of plan.\n\n- Documents signed electronically;\n- Public services fully online.\n\n"
        "| Target | Plan | Achieved |\n|---|---|---|\n| Online applications | 60% | 68.4% |\n"
        "| Online payments | 50% | 57.2% |\n\n"
        '![Conference hall](/media/{sha} "The conference hall")\n',
    ),
}


def edit_and_forward(desk: People) -> str:
    """The deputy changes a submitted demo item a little (a word, a sentence, a list item) and
    forwards it: what the head's changes tab then shows."""
    from PySide6.QtGui import QTextCursor

    from desktop.models import Action

    deputy = desk.sign_in("phoban")
    submitted = deputy.items.rows(states=[State.SUBMITTED.value])
    assert submitted, "the demo has items waiting for step 2"
    item_id = submitted[0].id
    deputy.window.open_item(item_id)
    page = deputy.window.item_page
    body = page.editor.body
    document = body.document()
    block = document.firstBlock()
    while block.isValid() and len(block.text().split()) < 12:
        block = block.next()
    words = block.text().split()
    found = document.find(" ".join(words[3:5]), block.position())
    found.insertText("đã được cập nhật")
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText(" Ban Biên tập đề nghị các đơn vị phối hợp thực hiện.")
    page.editor.flush()
    desk.run(deputy.desk.writer.drain())
    assert page.do(Action.FORWARD)
    desk.run(page.task)
    desk.sync(deputy)
    return item_id


def write_sample(editor: Any, language: str) -> None:
    """A draft with a heading, emphasis, a list, a table, a picture and a misspelt word."""
    import hashlib
    import tempfile

    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    picture = QImage(520, 240, QImage.Format.Format_RGB32)
    painter = QPainter(picture)
    gradient = QLinearGradient(0, 0, 520, 240)
    gradient.setColorAt(0, QColor("#1f4e79"))
    gradient.setColorAt(1, QColor("#7fb3d5"))
    painter.fillRect(picture.rect(), gradient)
    painter.end()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hoi-truong.png"
        assert picture.save(str(path))
        data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    editor.body.place_picture(sha, data)
    title, summary, body = SAMPLE[language]
    editor.title.setText(title)
    editor.summary.setPlainText(summary)
    editor.language.setCurrentIndex(editor.language.findData(language))
    editor.body.set_markdown(body.replace("{sha}", sha))
    editor.body.moveCursor(editor.body.textCursor().MoveOperation.Start)
    editor.flush()


def grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    assert widget.grab().save(str(path)), path


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_screen_in_both_languages(
    desk: People, translations: Any, tmp_path: Path, language: str
) -> None:
    shots = shots_dir(tmp_path)
    translations.switch(language)
    head = desk.sign_in("truongban")
    member = desk.sign_in("thanhvien1")
    problems: list[str] = []
    for who, person in (("head", head), ("member", member)):
        window = person.window
        window.resize(1280, 800)
        for name in window.visible_screen_names():
            window.show_screen(name)
            loading = getattr(window.screens[name], "last_task", None)  # fetched from the portal
            if loading is not None:
                desk.run(loading)
            grab(window, shots / f"{language}-{who}-{name}.png")
            problems += [f"{who}/{name}: {p}" for p in cut_off(window)]
            problems += [
                f"{who}/{name}: untranslated {t!r}" for t in untranslated(window, language)
            ]
    # the head's review of an item the deputy edited and forwarded just now (issue 16)
    edited = edit_and_forward(desk)
    desk.sync(head)
    waiting = head.items.rows(states=[State.EDITED.value])
    assert edited in [row.id for row in waiting], "the deputy's item waits for approval"
    head.window.show_screen("approval_queue")
    head.window.open_item(edited)
    page = head.window.item_page
    desk.run(page.history_task)
    for index, tab in enumerate(("content", "changes", "comments", "history")):
        page.tabs.setCurrentIndex(index)
        grab(head.window, shots / f"{language}-head-item-{tab}.png")
        problems += [f"item/{tab}: {p}" for p in cut_off(head.window)]
        problems += [f"item/{tab}: untranslated {t!r}" for t in untranslated(head.window, language)]
    assert page.changes.toPlainText().strip()
    # the member's editor on a new draft, written as a member would (issue 16)
    desk.run(member.window.new_item())
    write_sample(member.window.item_page.editor, language)
    desk.run(member.desk.writer.drain())
    desk.qtbot.waitUntil(member.window.item_page.editor.tools.highlighter.idle, timeout=10_000)
    grab(member.window, shots / f"{language}-member-new-item.png")
    problems += [f"editor: {p}" for p in cut_off(member.window)]
    problems += [f"editor: untranslated {t!r}" for t in untranslated(member.window, language)]
    welcome = WelcomeDialog()
    welcome.show()
    grab(welcome, shots / f"{language}-welcome.png")
    problems += [f"welcome: {p}" for p in cut_off(welcome)]
    problems += [f"welcome: untranslated {t!r}" for t in untranslated(welcome, language)]
    welcome.close()
    assert not problems, problems


def test_language_switches_without_restart(desk: People, translations: Any) -> None:
    head = desk.sign_in("truongban")
    window = head.window
    assert window.page("approval_queue").title() == "Chờ duyệt"
    settings_screen = window.page("settings")
    settings_screen.language.setCurrentIndex(settings_screen.language.findData("en"))
    window.context.switch_language("en") if translations.language != "en" else None
    translations.switch("en")
    QApplication.processEvents()
    assert window.page("approval_queue").heading.text() == "Approval queue"
    assert window.sync_button.text() == "Sync now (F5)"
    translations.switch("vi")
    QApplication.processEvents()
    assert window.sync_button.text() == "Đồng bộ ngay (F5)"
