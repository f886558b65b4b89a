"""Issue 4, "the UI must never freeze": the queues' rows are read whole on the loop's thread
only once; the person's own changes re-read their item's row, and what a sync brought is read on
the desk's reader thread while the screens keep their rows (a real store file, a real portal).

Which rows are read where is recorded by wrapping the stores' ``list_items`` (the one read that
lists items), on the UI's store and on the worker's reader store alike.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from desktop.desk import Desk
from desktop.models import Action
from desktop.store import Store
from tests.desk.conftest import Desks, local_desk


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
async def service(tmp_path: Path) -> AsyncIterator[tuple[Desk, Reads]]:
    desk = local_desk(tmp_path / "store.sqlite3")
    reads = Reads()
    reads.wrap(desk.store)
    yield desk, reads
    await desk.close()


async def reader_store(desk: Desk) -> Store:
    return await desk.reader.read(lambda store: store)


async def test_a_save_rereads_only_its_row(service: tuple[Desk, Reads]) -> None:
    desk, reads = service
    first = await desk.create(title="Tin thứ nhất")
    second = await desk.create(title="Tin thứ hai")
    rows = desk.rows()
    assert {r.title for r in rows} == {"Tin thứ nhất", "Tin thứ hai"}
    reads.calls.clear()
    key = desk.rows_key()

    await desk.save(first.id, title="Tin thứ nhất, đã sửa")
    assert reads.calls == [("MainThread", [first.id])]
    assert desk.rows_key() != key  # the screens redraw
    titles = {r.id: r.title for r in desk.rows()}
    assert titles == {first.id: "Tin thứ nhất, đã sửa", second.id: "Tin thứ hai"}

    third = await desk.create(title="Tin thứ ba")
    assert third.id in {r.id for r in desk.rows()}  # where the store lists it:
    assert reads.whole() == []  # a new draft re-reads its own row only
    assert [r.id for r in desk.rows()] == [r.id for r in desk.store.list_items(site="demo")]


async def test_a_change_from_another_connection_is_read_again(
    service: tuple[Desk, Reads], tmp_path: Path
) -> None:
    desk, reads = service
    draft = await desk.create(title="Trước")
    desk.rows()
    with Store.open(tmp_path / "store.sqlite3") as other:  # as the CLI would
        other.save_working(draft.id, title="Sau")
    reads.calls.clear()
    assert [r.title for r in desk.rows()] == ["Sau"]
    assert reads.whole() == ["MainThread"]  # no sync runs: read at once, whole


async def test_during_a_sync_the_rows_wait_and_are_then_read_off_the_loop_thread(
    service: tuple[Desk, Reads], tmp_path: Path
) -> None:
    desk, reads = service
    draft = await desk.create(title="Trước")
    desk.rows()
    reads.wrap(await reader_store(desk))

    desk.queue.hold()  # a sync starts
    with Store.open(tmp_path / "store.sqlite3") as writer:  # the sync's writes
        writer.save_working(draft.id, title="Từ cổng thông tin")
    reads.calls.clear()
    assert [r.title for r in desk.rows()] == ["Trước"]  # kept: no read on the loop's thread
    assert reads.calls == []

    await desk.queue.refresh()  # the sync ends
    assert [r.title for r in desk.rows()] == ["Từ cổng thông tin"]
    assert reads.whole() == ["store-reader_0"]


async def test_typing_while_the_reader_reads_is_kept(service: tuple[Desk, Reads]) -> None:
    """A save that lands after the reader read its snapshot, before the rows are taken in."""
    desk, reads = service
    draft = await desk.create(title="Bản đầu")
    desk.rows()
    read_done, release = threading.Event(), threading.Event()

    def hold() -> None:
        read_done.set()
        release.wait(30)

    reads.wrap(await reader_store(desk))
    reads.after_read = hold
    desk.queue.hold()
    refresh = asyncio.ensure_future(desk.queue.refresh())
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, read_done.wait, 30)  # the reader holds its old snapshot
    await desk.save(draft.id, title="Gõ thêm trong lúc đọc")
    release.set()
    await refresh
    assert [r.title for r in desk.rows()] == ["Gõ thêm trong lúc đọc"]
    assert desk.rows_key() == desk.rows_key()
    reads.calls.clear()
    desk.rows()
    assert reads.calls == []  # and nothing more to read


async def test_a_sync_that_brings_news_reads_them_on_the_reader(desks: Desks) -> None:
    member = await desks.sign_in("thanhvien1")
    deputy = await desks.sign_in("phoban")
    item = await member.create("tin-tuc", title="Tin gửi biên tập", body="Nội dung đầy đủ.")
    await member.act(item.id, Action.SUBMIT)
    await member.sync()
    await deputy.sync()
    member.rows()
    assert {r.id: r.title for r in member.rows()}[item.id] == "Tin gửi biên tập"

    reads = Reads()
    reads.wrap(member.store)
    reads.wrap(await reader_store(member))
    await deputy.save(item.id, title="Tin gửi biên tập, phó ban đã sửa")
    await deputy.sync()
    await member.sync()  # the member's desk learns of the deputy's edit
    assert {r.id: r.title for r in member.rows()}[item.id] == ("Tin gửi biên tập, phó ban đã sửa")
    assert reads.whole() == ["store-reader_0"]
    assert all(ids for thread, ids in reads.calls if thread == "MainThread")
