"""Two and three editors change the same item offline (hypothesis, bounded).

After everyone syncs (and resolves what the merge could not join, keeping their own side),
every client and the portal agree, and every line anyone wrote is in the result or in a
conflict record that a user can see.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.helpers.portal import Desk, server_item

EDITORS = ["phoban", "truongban", "thanhvien2"]  # thanhvien2 edits news by grant
BASE = ["mở đầu", "thân một", "thân hai", "kết"]

# One edit: (kind, line index); kinds replace a line, insert after it, or change the title.
edit = st.tuples(st.sampled_from(["replace", "insert", "title"]), st.integers(0, len(BASE) - 1))
plan = st.tuples(
    st.integers(2, 3),  # how many editors
    st.lists(st.lists(edit, min_size=1, max_size=3), min_size=3, max_size=3),
    st.permutations(range(3)),  # who syncs first
)


def apply(
    lines: list[str], title: str, edits: list[tuple[str, int]], who: str
) -> tuple[list[str], str, list[str]]:
    written: list[str] = []
    lines = list(lines)
    for n, (kind, index) in enumerate(edits):
        text = f"{who} viết {n}"
        index = min(index, len(lines) - 1)
        if kind == "replace":
            lines[index] = text
        elif kind == "insert":
            lines.insert(index + 1, text)
        else:
            title = text
        written.append(text)
    kept = [t for t in written if t in lines or t == title]  # own text overwritten is not "lost"
    return lines, title, kept


@pytest.mark.slow
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no long shrinking against a portal
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan)
def test_editors_converge_and_nothing_is_lost(portal: Any, case: Any) -> None:
    asyncio.run(run_case(portal, case))


async def run_case(portal: Any, case: Any) -> None:
    count, edits, order = case
    folder = Path(tempfile.mkdtemp(prefix="multi-"))
    author = await Desk(folder / "author.sqlite3", portal.url, "thanhvien1").login()
    item_id = author.new_draft(title="Tiêu đề", body="".join(f"{line}\n" for line in BASE))
    author.store.queue_action(item_id, "submit")
    assert (await author.sync()).pushed == 2
    await author.close()

    desks = [await Desk(folder / f"{u}.sqlite3", portal.url, u).login() for u in EDITORS[:count]]
    for d in desks:
        await d.sync()
    written: list[str] = []
    for d, plan_edits in zip(desks, edits, strict=False):  # everyone edits offline
        lines, title, texts = apply(BASE, "Tiêu đề", plan_edits, d.username)
        d.store.save_working(item_id, title=title, body="".join(f"{x}\n" for x in lines))
        written += texts

    order = [i for i in order if i < count]
    for _round in range(3):
        for i in order:
            report = await desks[i].sync()
            assert report.online and not report.error and report.failed == 0, report
            for conflict in desks[i].store.conflicts():
                desks[i].store.resolve_conflict(conflict.id, "mine")
    for i in order:
        await desks[i].sync()

    remote = await server_item(portal.url, item_id)
    seen = remote["title"] + "\n" + remote["body"]
    for d in desks:
        local = d.store.item(item_id)
        assert local.sync_status == "synced", (d.username, d.store.outbox())
        assert (local.current.title, local.current.body) == (remote["title"], remote["body"])
        for conflict in d.store.conflicts(include_resolved=True):
            for side in (conflict.mine, conflict.theirs):
                seen += "\n" + side["title"] + "\n" + side["body"]
    for text in written:
        assert text in seen, (text, remote)
    for d in desks:
        await d.close()
