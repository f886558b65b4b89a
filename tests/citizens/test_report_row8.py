"""The yearly report's row 8 (issue 18): questions received, answered on time, late,
redirected, declined, counted from the board's view of the questions."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop.reports import Period
from desktop.reports.questions import QuestionCounts, count_questions
from tests.citizens.test_cli_citizens import keyring_backend, person, portal  # noqa: F401


def q(received: str, due: str, state: str, answered: str | None = None) -> dict[str, Any]:
    return {
        "received_at": received,
        "due_date": due,
        "state": state,
        "answered_at": answered,
    }


def test_counts_by_the_period_and_the_due_date() -> None:
    questions = [
        q("2026-03-02T02:00:00+00:00", "2026-03-23", "answered", "2026-03-20T03:00:00+00:00"),
        q("2026-03-02T02:00:00+00:00", "2026-03-23", "answered", "2026-03-24T03:00:00+00:00"),
        # 23/3 at 23:30 in Hà Nội is still the due day
        q("2026-03-02T02:00:00+00:00", "2026-03-23", "answered", "2026-03-23T16:30:00+00:00"),
        q("2026-04-01T02:00:00+00:00", "2026-04-22", "redirected"),
        q("2026-05-04T02:00:00+00:00", "2026-05-25", "declined"),
        q("2026-11-02T02:00:00+00:00", "2026-11-23", "received"),  # open past its due date
        q("2026-12-28T02:00:00+00:00", "2027-01-19", "assigned"),  # open, not yet due
        q("2025-12-31T16:59:00+00:00", "2026-01-22", "received"),  # 23:59 on 31/12/2025 in VN
    ]
    counts = count_questions(questions, Period.for_year(2026), today=date(2026, 12, 31))
    assert counts == QuestionCounts(
        received=7, answered_on_time=2, late=2, redirected=1, declined=1, open=1
    )
    assert counts.lines()[0] == "Số câu hỏi tiếp nhận: 7."
    # earlier in the year, the open one was not late yet
    early = count_questions(questions, Period.for_year(2026), today=date(2026, 11, 10))
    assert (early.late, early.open) == (1, 2)


def test_the_report_command_writes_row_8(
    tmp_path: Path,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    portal: Any,  # noqa: F811
    keyring_backend: Any,  # noqa: F811
) -> None:
    with httpx.Client(base_url=portal.url) as citizen:
        sent = citizen.post(
            "/api/v1/sites/demo/questions",
            json={"name": "A", "email": "a@example.vn", "title": "Câu hỏi", "body": "Nội dung."},
        )
        assert sent.status_code == 201
    head = person(tmp_path, capsys, monkeypatch, portal, "truongban")
    out = tmp_path / "bao-cao.docx"
    code, _out, err = head("report", "--year", "2026", "--format", "docx", "--out", str(out))
    assert code == 0, err
    from docx import Document

    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Tiêu chí 8 – số liệu của Ban Biên tập" in text  # under the annex's table
    # this one at least (the portal's clock says 7/12/2026; the demo's depend on today)
    received = [line for line in text.splitlines() if line.startswith("Số câu hỏi tiếp nhận")]
    assert received and int(received[0].split(":")[1].strip(" .")) >= 1
    assert "Chuyển cơ quan có thẩm quyền:" in text and "Trả lời đúng hạn" in text
