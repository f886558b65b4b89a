"""The review's track changes: word by word, in place, with a count (issue 16)."""

from __future__ import annotations

from desktop.content.track_changes import (
    DELETED,
    INSERTED,
    handover_numbers,
    text_changes,
    track_changes,
)

OLD = """# Kết quả

Theo báo cáo của Sở, năm 2026 tỉnh hoàn thành 27/30 chỉ tiêu, trong đó:

- 100% văn bản được gửi;
- Hệ thống được kết nối;

| A | B |
|---|---|
| 1 | 2 |
| x | y |

Đoạn bị xóa hoàn toàn ở đây.

Đoạn cuối giữ nguyên.
"""
NEW = """# Kết quả nổi bật

Theo báo cáo của Sở Khoa học, năm 2026 tỉnh đã hoàn thành 28/30 chỉ tiêu, trong đó:

- 100% văn bản được gửi và **ký số**;
- Hệ thống được kết nối;
- Mục mới thêm;

| A | B |
|---|---|
| 1 | 3 |

Đoạn cuối giữ nguyên.
"""


def marks(html: str) -> str:
    return (
        html.replace(f'<span style="{INSERTED}">', "[+")
        .replace(f'<span style="{DELETED}">', "[-")
        .replace("</span>", "]")
    )


def test_word_by_word_in_place_with_the_structure() -> None:
    changes = track_changes(OLD, NEW)
    html = marks(changes.html)
    assert "<h2>Kết quả [+nổi bật]</h2>" in html  # the heading stays a heading
    assert "Theo báo cáo của Sở [+Khoa học], năm 2026 tỉnh [+đã] hoàn thành [-27] [+28]/30" in html
    assert "<li>100% văn bản được gửi [+và <strong>ký số</strong>];</li>" in html
    assert "<li>[+Mục mới thêm;]</li>" in html  # a new item, in its list
    assert "<td>[-2] [+3]</td>" in html  # deleted and added words apart, with a space
    assert "<tr><td>[-x]</td><td>[-y]</td></tr>" in html  # the removed row, in the table
    assert "<p>[-Đoạn bị xóa hoàn toàn ở đây.]</p><p>Đoạn cuối giữ nguyên.</p>" in html
    assert (changes.paragraphs, changes.added, changes.removed) == (8, 13, 11)
    assert changes.summary("vi") == "8 đoạn sửa, 13 từ thêm, 11 từ bỏ"
    assert changes.summary("en") == "8 paragraphs changed, 13 words added, 11 words removed"


def test_nothing_changed() -> None:
    changes = track_changes(OLD, OLD)
    assert not changes.changed and "[" not in marks(changes.html)
    assert changes.summary("vi") == "Không có thay đổi."


def test_title_and_version_numbers() -> None:
    title = text_changes("Hội nghị tổng kết", "Hội nghị sơ kết năm")
    assert marks(title.html) == "Hội nghị [-tổng] [+sơ] kết [+năm]"
    numbers = handover_numbers(
        [(1, "create"), (2, "update"), (5, "submit"), (6, "update"), (9, "update"),
         (10, "forward"), (11, "approve")]
    )  # fmt: skip
    assert [numbers.label(v) for v in (1, 2, 5, 6, 9, 10, 11)] == ["", "", "1", "", "", "2", "3"]
