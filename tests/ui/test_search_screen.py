"""The search screen and the toolbar's box: accents optional, words in bold, filters, Enter."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.models import State
from tests.ui.helpers import People
from tests.ui.test_screens import cut_off, grab, shots_dir, untranslated


def bare(text: str) -> str:
    """Without accents and with đ as d: what a hurried user types."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_search_without_accents_opens_the_item(desk: People, tmp_path: Path) -> None:
    head = desk.sign_in("truongban")
    window = head.window
    published = head.items.rows(states=[State.PUBLISHED.value])
    target = next(r for r in published if any(ord(c) > 127 for c in r.title))
    words = " ".join(bare(target.title).split()[:3])
    window.search_box.setText(words)
    future = window.search_box.go()
    assert future is not None
    desk.run(future)
    screen = window.page("search")
    assert window.stack.currentWidget() is screen
    ids = screen.results.ids()
    assert target.id in ids
    html = screen.results.model_.item(ids.index(target.id)).data(Qt.ItemDataRole.UserRole + 2)
    assert "<b>" in html  # the matching words are bold
    grab(window, shots_dir(tmp_path) / "vi-head-search.png")
    assert not cut_off(window)
    assert not untranslated(window, "vi")
    # Enter on a hit opens the item
    row = ids.index(target.id)
    screen.results.setFocus()
    screen.results.setCurrentIndex(screen.results.model_.index(row, 0))
    QTest.keyClick(screen.results, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.item_page
    assert window.item_page.item_id == target.id


def test_filters_and_odd_input(desk: People) -> None:
    head = desk.sign_in("truongban")
    screen: Any = head.window.page("search")
    head.window.show_screen("search")
    published = head.items.rows(states=[State.PUBLISHED.value])
    word = bare(published[0].title).split()[0]
    screen.query.setText(word)
    desk.run(screen.run_search())
    assert published[0].id in screen.results.ids()
    # a state filter that excludes it
    screen.state.setCurrentIndex(screen.state.findData(State.DRAFT.value))
    desk.run(screen.task)
    assert published[0].id not in screen.results.ids()
    screen.state.setCurrentIndex(0)
    desk.run(screen.task)
    assert published[0].id in screen.results.ids()
    for odd in ('"', "*", "NEAR(", "a" * 10_000, "   "):
        screen.query.setText(odd)
        future = screen.run_search()
        if future is not None:
            desk.run(future)
        assert screen.status.text()
    assert screen.results.ids() == []


def test_shortcuts_focus_the_box(desk: People) -> None:
    head = desk.sign_in("truongban")
    window = head.window
    window.show_screen("settings")
    window.activateWindow()
    window.focus_filter()  # Ctrl+F on a screen without a queue: the search box
    assert window.focusWidget() is window.search_box
    assert {"search Ctrl+K", "search Ctrl+Shift+F"} <= set(window.shortcuts)


def test_the_two_search_boxes_say_the_same(desk: People) -> None:
    """Issue 17: typing in the search screen's box left the toolbar's saying something else."""
    head = desk.sign_in("truongban")
    window = head.window
    window.search_box.setText("chuyen doi")
    desk.run(window.search_box.go())
    screen = window.page("search")
    assert screen.query.text() == "chuyen doi"
    screen.query.clear()
    QTest.keyClicks(screen.query, "ke hoach")
    assert window.search_box.text() == "ke hoach"
