"""Issue 4, "the UI must never freeze": the queues' rows are read whole on the UI thread only
once; the user's own changes re-read their item's row, and what a sync brought is read on the
Lookups worker thread while the screens keep their rows (a real store file, a real portal).

Which rows are read where is recorded by wrapping the stores' ``list_items`` (the one read that
lists items), on the UI's store and on the worker's reader store alike.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.models import Action, User
from desktop.models.roles import Role
from desktop.store import Store
from desktop.ui.services import ItemService, lookups
from desktop.ui.session import Session
from tests.ui.helpers import Desk

SITE = "demo"


class Reads:
    """Each ``list_items`` call: (thread name, ids asked for or None for all)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[str] | None]] = []
        self.after_read: Any = None  # called on the reading thread after a whole read

    def wrap(self, store: Any) -> None:
        original = store.list_items

        def list_items(*args: Any, **kwargs: Any) -> Any:
            ids = kwargs.get("ids")
            found = original(*args, **kwargs)
            self.calls.append((threading.current_thread().name, None if ids is None else list(ids)))
            if ids is None and self.after_read is not None:
                self.after_read()
            return found

        store.list_items = list_items

    def whole(self) -> list[str]:
        """The threads that read every row."""
        return [thread for thread, ids in self.calls if ids is None]


@pytest.fixture
def service(tmp_path: Path) -> Iterator[tuple[ItemService, Reads]]:
    store = Store.open(tmp_path / "store.sqlite3")
    user = User(username="thanhvien1", full_name="Thành viên", roles=frozenset({Role.MEMBER}))
    items = ItemService(store, Session(user=user, site=SITE))
    reads = Reads()
    reads.wrap(store)
    yield items, reads
    found = getattr(items, "_lookups", None)
    if found is not None:
        found.close()
    store.close()


def test_a_save_rereads_only_its_row(service: tuple[ItemService, Reads]) -> None:
    items, reads = service
    first = items.create_draft(title="Tin thứ nhất")
    second = items.create_draft(title="Tin thứ hai")
    rows = items.rows()
    assert {r.title for r in rows} == {"Tin thứ nhất", "Tin thứ hai"}
    reads.calls.clear()
    key = items.rows_key()

    items.save(first.id, title="Tin thứ nhất, đã sửa")
    assert reads.calls == [("MainThread", [first.id])]
    assert items.rows_key() != key  # the screens redraw
    titles = {r.id: r.title for r in items.rows()}
    assert titles == {first.id: "Tin thứ nhất, đã sửa", second.id: "Tin thứ hai"}

    third = items.create_draft(title="Tin thứ ba")
    assert reads.whole() == []
    assert third.id in {r.id for r in items.rows()}  # where the store lists it:
    assert [r.id for r in items.rows()] == [r.id for r in items.store.list_items(site=SITE)]


def test_a_change_from_another_connection_is_read_again(
    service: tuple[ItemService, Reads], tmp_path: Path
) -> None:
    items, reads = service
    draft = items.create_draft(title="Trước")
    items.rows()
    with Store.open(tmp_path / "store.sqlite3") as other:  # as the CLI would
        other.save_working(draft.id, title="Sau")
    reads.calls.clear()
    assert [r.title for r in items.rows()] == ["Sau"]
    assert reads.whole() == ["MainThread"]  # no sync runs: read at once, whole


def test_during_a_sync_the_rows_wait_and_are_then_read_off_the_ui_thread(
    service: tuple[ItemService, Reads], run: Any, tmp_path: Path
) -> None:
    items, reads = service
    draft = items.create_draft(title="Trước")
    items.rows()
    reads.wrap(run(lookups(items).read(lambda store: store)))  # the worker's reader store

    items.defer_rows()  # a sync starts
    with Store.open(tmp_path / "store.sqlite3") as writer:  # the sync writer's connection
        writer.save_working(draft.id, title="Từ cổng thông tin")
    reads.calls.clear()
    assert [r.title for r in items.rows()] == ["Trước"]  # kept: no read on the UI thread
    assert reads.calls == []

    run(items.refresh_rows())  # the sync ends
    assert [r.title for r in items.rows()] == ["Từ cổng thông tin"]
    assert reads.whole() == ["store-reader_0"]


def test_typing_while_the_worker_reads_is_kept(
    service: tuple[ItemService, Reads], run: Any, loop: asyncio.AbstractEventLoop
) -> None:
    """A save that lands after the worker read its snapshot, before the rows are taken in."""
    items, reads = service
    draft = items.create_draft(title="Bản đầu")
    items.rows()
    read_done, release = threading.Event(), threading.Event()

    def hold() -> None:
        read_done.set()
        release.wait(30)

    reads.wrap(run(lookups(items).read(lambda store: store)))
    reads.after_read = hold
    items.defer_rows()
    refresh = asyncio.ensure_future(items.refresh_rows())
    run(loop.run_in_executor(None, read_done.wait, 30))  # the worker holds its old snapshot
    items.save(draft.id, title="Gõ thêm trong lúc đọc")
    release.set()
    run(refresh)
    assert [r.title for r in items.rows()] == ["Gõ thêm trong lúc đọc"]
    assert items.rows_key() == items.rows_key()
    reads.calls.clear()
    items.rows()
    assert reads.calls == []  # and nothing more to read


def test_a_sync_that_brings_news_reads_them_on_the_worker(run: Any, desk: Desk) -> None:
    member = desk.sign_in("thanhvien1")
    deputy = desk.sign_in("phoban")
    item = member.items.create_draft(title="Tin gửi biên tập", body="Nội dung đầy đủ.")
    member.items.act(item.id, Action.SUBMIT)
    desk.sync(member)
    desk.sync(deputy)
    assert {r.id: r.title for r in member.items.rows()}[item.id] == "Tin gửi biên tập"

    reads = Reads()
    reads.wrap(member.store)
    reads.wrap(run(lookups(member.items).read(lambda store: store)))
    deputy.items.save(item.id, title="Tin gửi biên tập, phó ban đã sửa")
    desk.sync(deputy)
    desk.sync(member)  # the member's desk learns of the deputy's edit
    assert {r.id: r.title for r in member.items.rows()}[item.id] == (
        "Tin gửi biên tập, phó ban đã sửa"
    )
    assert reads.whole() == ["store-reader_0"]
    assert all(ids for thread, ids in reads.calls if thread == "MainThread")
