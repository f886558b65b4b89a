"""The export's trail from the stored history (BD-14.1.c, issue 19): every action with who, on
whose behalf, when in the site's zone and the comment; a run of saves is one row; the
take-down's reason in the card."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.content.export import export_markdown
from desktop.desk.exports import context_for
from desktop.models import Item
from desktop.store import Store
from desktop.sync.merge import merge_content

ITEM = {
    "id": "a1",
    "site": "demo",
    "category": "tin-tuc",
    "title": "Tin gỡ bỏ",
    "body": "Nội dung.",
    "state": "taken_down",
    "version": 8,
    "created_by": "thanhvien1",
    "created_at": "2026-03-02T01:00:00+00:00",
    "updated_at": "2026-05-10T03:00:00+00:00",
    "state_since": "2026-05-10T03:00:00+00:00",
    "steps": {},
}
HISTORY = [
    ("create", "thanhvien1", "", "2026-03-02T01:00:00+00:00", ""),
    ("update", "thanhvien1", "", "2026-03-02T01:10:00+00:00", ""),
    ("update", "thanhvien1", "", "2026-03-02T01:20:00+00:00", ""),
    ("submit", "thanhvien1", "", "2026-03-02T02:00:00+00:00", ""),
    ("return", "phoban", "", "2026-03-02T03:00:00+00:00", "Thiếu nguồn"),
    ("submit", "thanhvien1", "", "2026-03-02T04:00:00+00:00", ""),
    ("forward", "thanhvien2", "phoban", "2026-03-02T05:00:00+00:00", ""),
    ("approve", "truongban", "", "2026-03-02T06:00:00+00:00", ""),
    ("take_down", "truongban", "", "2026-05-10T03:00:00+00:00", "Hết hiệu lực"),
]


def test_the_markdown_export_prints_the_whole_trail(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.sqlite3") as store:
        store.apply_changes([{"kind": "item", "item": ITEM}], "c1", merge_content)
        store.set_versions(
            "a1",
            [
                {"version": n, "action": a, "actor": who, "on_behalf_of": behalf or None,
                 "at": at, "comment": comment}
                for n, (a, who, behalf, at, comment) in enumerate(HISTORY, start=1)
            ],
        )  # fmt: skip
        item = Item.from_dict(ITEM)
        context = context_for(store, item, datetime(2026, 6, 1, tzinfo=UTC).date())
    text = export_markdown(item, context)
    assert "- **Lý do gỡ bỏ:** Hết hiệu lực" in text
    rows = [line for line in text.splitlines() if line.startswith("| ")][1:]
    trail = [line.split(" | ")[0].removeprefix("| ") for line in rows]
    assert trail == [
        "Tạo tin",
        "Sửa nội dung",  # two saves in a row by one person: one row
        "Gửi biên tập",
        "Trả lại",
        "Gửi biên tập",
        "Biên tập, chuyển duyệt",
        "Duyệt đăng",
        "Gỡ bỏ",
    ]
    assert "| Trả lại | phoban |  | 02/03/2026 10:00 (giờ Việt Nam) | Thiếu nguồn |" in text
    assert "| thanhvien2 | phoban | 02/03/2026 12:00 (giờ Việt Nam) |" in text
