"""The report's figures against a hand-built store, and its .docx and CSV read back."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from desktop.reports import Period, compute, write_csv, write_docx
from desktop.reports.docx_export import HEADINGS, SELF_ASSESSMENT
from desktop.store import Store
from desktop.sync.merge import merge_content

CATEGORIES = [
    {
        "id": "tin-tuc",
        "name": "Tin tức, sự kiện",
        "kind": "news",
        "unit": "Văn phòng UBND tỉnh",
        "deadline": None,
        "position": 2,
    },
    {
        "id": "van-ban",
        "name": "Văn bản quy phạm pháp luật",
        "kind": "legal",
        "unit": "Sở Tư pháp",
        "deadline": {"days": 2, "from": "issue_date"},
        "position": 6,
    },
]


def item(item_id: str, category: str, state: str, created: str, **extra: Any) -> dict[str, Any]:
    steps = {
        key: {"by": "truongban", "at": at, "version": n, "on_behalf_of": None}
        for n, (key, at) in enumerate(extra.pop("steps", {}).items(), start=2)
    }
    return {
        "id": item_id,
        "site": "demo",
        "category": category,
        "title": f"Tin {item_id}",
        "body": "",
        "state": state,
        "version": len(steps) + 1,
        "created_by": "thanhvien1",
        "created_at": created,
        "updated_at": created,
        "state_since": created,
        "steps": steps,
        **extra,
    }


def versions(*events: tuple[str, str, str | None]) -> list[dict[str, Any]]:
    return [
        {"version": n, "action": action, "actor": "x", "on_behalf_of": None, "at": at, "comment": c}
        for n, (action, at, c) in enumerate(events, start=1)
    ]


@pytest.fixture
def store(tmp_path: Path) -> Any:
    """Seven items whose figures are worked out by hand in the comments."""
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.set_directory("demo", "categories", CATEGORIES)
        items = [
            # A: news, steps only; 2 h, 2 h, 4 h through steps 1–3.
            item(
                "A",
                "tin-tuc",
                "published",
                "2026-03-02T01:00:00+00:00",
                steps={
                    "submit": "2026-03-02T03:00:00+00:00",
                    "edit": "2026-03-02T05:00:00+00:00",
                    "approve": "2026-03-02T09:00:00+00:00",
                },
            ),
            # B: legal, issued Fri 13/2/2026, due Tue 24/2 (Tết between); published 24/2: on
            # time. History: returned once. Step 1: 1 h + 2 h; step 2: 2 h + 240 h; step 3: 20 h.
            item(
                "B",
                "van-ban",
                "published",
                "2026-02-13T01:00:00+00:00",
                trigger_date="2026-02-13",
                steps={"approve": "2026-02-24T02:00:00+00:00"},
            ),
            # C: legal, issued Wed 1/4, due Fri 3/4, published Mon 6/4: late; its own unit;
            # taken down 10/5. Steps: 24 h, 24 h, 75 h.
            item(
                "C",
                "van-ban",
                "taken_down",
                "2026-04-01T00:00:00+00:00",
                trigger_date="2026-04-01",
                unit="Sở Tài chính",
            ),
            # D: rejected at step 2 after 4 h; 24 h in step 1.
            item(
                "D",
                "tin-tuc",
                "rejected",
                "2026-05-31T01:00:00+00:00",
                steps={
                    "submit": "2026-06-01T01:00:00+00:00",
                    "reject": "2026-06-01T05:00:00+00:00",
                },
            ),
            # E: approved 31/12/2025 18:00 UTC = 1/1/2026 01:00 in Vietnam: counts in 2026, and
            # only its step 3 pass (4 h) ended in 2026.
            item(
                "E",
                "tin-tuc",
                "published",
                "2025-12-31T10:00:00+00:00",
                steps={
                    "submit": "2025-12-31T12:00:00+00:00",
                    "edit": "2025-12-31T14:00:00+00:00",
                    "approve": "2025-12-31T18:00:00+00:00",
                },
            ),
            item("F", "tin-tuc", "draft", "2026-07-01T00:00:00+00:00"),  # never submitted
            item(  # G: published in 2027
                "G",
                "van-ban",
                "published",
                "2027-01-04T00:00:00+00:00",
                trigger_date="2027-01-04",
                steps={
                    "submit": "2027-01-04T01:00:00+00:00",
                    "edit": "2027-01-04T02:00:00+00:00",
                    "approve": "2027-01-05T00:00:00+00:00",
                },
            ),
        ]
        store.apply_changes([{"kind": "item", "item": i} for i in items], "c1", merge_content)
        store.set_versions(
            "B",
            versions(
                ("create", "2026-02-13T01:00:00+00:00", None),
                ("submit", "2026-02-13T02:00:00+00:00", None),
                ("return", "2026-02-13T04:00:00+00:00", "Bổ sung trích yếu"),
                ("update", "2026-02-13T05:00:00+00:00", None),
                ("submit", "2026-02-13T06:00:00+00:00", None),
                ("forward", "2026-02-23T06:00:00+00:00", None),
                ("approve", "2026-02-24T02:00:00+00:00", None),
            ),
        )
        store.set_versions(
            "C",
            versions(
                ("create", "2026-04-01T00:00:00+00:00", None),
                ("submit", "2026-04-02T00:00:00+00:00", None),
                ("forward", "2026-04-03T00:00:00+00:00", None),
                ("approve", "2026-04-06T03:00:00+00:00", None),
                ("take_down", "2026-05-10T03:00:00+00:00", "Văn bản đã hết hiệu lực"),
            ),
        )
        yield store


def by_key(groups: list[Any]) -> dict[str, Any]:
    return {g.key: g for g in groups}


def test_yearly_figures(store: Store) -> None:
    figures = compute(store, Period.for_year(2026))
    t = figures.total
    assert (t.published, t.with_deadline, t.on_time, t.late) == (4, 2, 1, 1)
    assert t.on_time_share == 0.5
    assert (t.returned, t.rejected, t.taken_down) == (1, 1, 1)
    cats = by_key(figures.by_category)
    assert [g.key for g in figures.by_category] == ["tin-tuc", "van-ban"]  # by position
    assert (cats["tin-tuc"].published, cats["tin-tuc"].rejected) == (2, 1)
    assert cats["tin-tuc"].on_time_share is None  # no deadline in news
    assert (cats["van-ban"].published, cats["van-ban"].on_time, cats["van-ban"].late) == (2, 1, 1)
    assert cats["van-ban"].label == "Văn bản quy phạm pháp luật"
    units = by_key(figures.by_unit)
    assert {k: g.published for k, g in units.items()} == {
        "Văn phòng UBND tỉnh": 2,
        "Sở Tư pháp": 1,
        "Sở Tài chính": 1,
    }
    assert units["Sở Tài chính"].taken_down == 1 and units["Sở Tư pháp"].returned == 1
    # Each unit's timeliness (BD-12): the two legal documents, one late and one on time.
    assert {k: (g.with_deadline, g.on_time) for k, g in units.items()} == {
        "Văn phòng UBND tỉnh": (0, 0),
        "Sở Tài chính": (1, 0),
        "Sở Tư pháp": (1, 1),
    }
    steps = {s.number: s for s in figures.steps}
    assert (steps[1].passes, steps[1].total_hours) == (5, 53)
    assert (steps[2].passes, steps[2].total_hours) == (5, 272)
    assert (steps[3].passes, steps[3].total_hours) == (4, 103)
    assert steps[3].average_hours == pytest.approx(25.75)
    (down,) = figures.take_downs
    assert (down.item_id, down.day, down.reason) == ("C", "2026-05-10", "Văn bản đã hết hiệu lực")
    assert figures.items_in_store == 7 and figures.history_items == 2


def test_quarters_and_ranges(store: Store) -> None:
    q1 = compute(store, Period.for_quarter(2026, 1))
    assert q1.total.published == 3 and q1.total.taken_down == 0 and q1.total.returned == 1
    q2 = compute(store, Period.for_quarter(2026, 2))
    assert (q2.total.published, q2.total.taken_down, q2.total.rejected) == (1, 1, 1)
    assert q2.total.late == 1
    march = compute(store, Period.between("2026-03-01", "2026-03-31"))
    assert march.total.published == 1 and march.by_category[0].key == "tin-tuc"
    assert compute(store, Period.for_year(2027)).total.published == 1
    assert Period.for_quarter(2026, 4).end == date(2026, 12, 31)
    with pytest.raises(ValueError):
        Period.for_quarter(2026, 5)
    with pytest.raises(ValueError):
        Period.between("2026-05-01", "2026-04-01")


def test_says_when_the_store_is_not_up_to_date(store: Store) -> None:
    figures = compute(store, Period.for_year(2026))
    assert not figures.up_to_date and "chưa đồng bộ" in figures.freshness("vi")
    store.record_sync(True, None, True)
    figures = compute(store, Period.for_year(2026))
    assert figures.up_to_date and "đồng bộ lần cuối" in figures.freshness("vi")
    store.create_draft("demo", "tin-tuc", "thanhvien1", title="Viết sau khi đồng bộ")
    figures = compute(store, Period.for_year(2026))
    assert not figures.up_to_date
    assert "older than the last known change" in figures.freshness("en")


def test_docx_follows_the_annex_and_holds_the_figures(store: Store, tmp_path: Path) -> None:
    figures = compute(store, Period.for_year(2026))
    path = write_docx(
        figures, tmp_path / "bao-cao.docx", agency="Sở Thông tin", portal_url="https://x.vn"
    )
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    for key in ("infrastructure", "information", "self_assessment", "figures", "by_category"):
        assert HEADINGS[key] in headings
    assert headings.index(HEADINGS["infrastructure"]) < headings.index(HEADINGS["services"])
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "BÁO CÁO" in text and "Năm 2026 (01/01/2026 – 31/12/2026)" in text
    assert "https://x.vn" in text and "tỷ lệ đúng hạn: 50,0%" in text
    assert "Số lượt trả lại: 1. Số tin, bài bị từ chối: 1." in text
    assert "chưa đồng bộ" in text  # the freshness warning is printed
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]
    assessment = next(t for t in tables if t[0][:2] == ["TT", "Tiêu chí"])
    assert len(assessment) == 2 + len(SELF_ASSESSMENT) + 1 == 11
    assert all(row[2:] == ["☐", "☐", "☐"] for row in assessment[2:10])
    by_category = next(t for t in tables if t[0][0] == "Chuyên mục")
    assert by_category[1][:5] == ["Tin tức, sự kiện", "2", "0", "0", "—"]
    assert by_category[2][:5] == ["Văn bản quy phạm pháp luật", "2", "2", "1", "50,0%"]
    assert by_category[-1][:2] == ["Tổng cộng", "4"]
    by_unit = next(t for t in tables if t[0][0] == "Đơn vị cung cấp thông tin")
    assert by_unit[1][:2] == ["Văn phòng UBND tỉnh", "2"]
    steps = next(t for t in tables if t[0][0] == "Bước")
    assert steps[3] == ["3. Duyệt tin", "4", "25,8"]
    downs = next(t for t in tables if t[0][0] == "Ngày")
    assert downs[1] == [
        "10/05/2026",
        "Tin C",
        "Văn bản quy phạm pháp luật",
        "Văn bản đã hết hiệu lực",
    ]
    levels = next(t for t in tables if t[0][0] == "Mức độ 1")
    assert levels[1] == ["", "", "", ""]  # online services: left for the user


def test_csv_holds_the_raw_figures(store: Store, tmp_path: Path) -> None:
    path = write_csv(compute(store, Period.for_quarter(2026, 1)), tmp_path / "so-lieu.csv")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    value = {(r["group"], r["key"], r["metric"]): r["value"] for r in rows}
    assert value[("period", "quarter", "start")] == "2026-01-01"
    assert value[("total", "*", "published")] == "3"
    assert value[("category", "van-ban", "on_time_share")] == "1.0"
    assert value[("category", "tin-tuc", "on_time_share")] == ""
    assert value[("unit", "Sở Tư pháp", "returned")] == "1"
    assert value[("step", "3", "passes")] == "3"
    assert float(value[("step", "2", "average_hours")]) == pytest.approx((2 + 2 + 240) / 3)
    assert value[("store", "", "up_to_date")] == "0"


def test_deadlines_follow_the_sites_calendar(store: Store) -> None:
    """Two days off noticed by the site (2–3/4) move C's due day to Monday 6/4: on time."""
    from desktop.models.workdays import WorkCalendar

    calendar = WorkCalendar(extra_days_off=[date(2026, 4, 2), date(2026, 4, 3)])
    figures = compute(store, Period.for_year(2026), site="demo", calendar=calendar)
    assert (figures.total.with_deadline, figures.total.on_time) == (2, 2)
