"""The annex's row 8 (BD-27; BD-14.2, AG-12.1.d): citizens' questions in the report's period.

Counted from the board's view of the questions (``GET /api/v1/sites/{site}/questions``, as
``desk.citizens.questions()`` returns them), for questions *received* in the period (Vietnam
time):

- **answered on time**: the answer was published on or before the due date (15 working days);
- **late**: answered after the due date, or still open after it (as of the period's end);
- **redirected**, **declined**: closed so; **open**: neither answered nor closed yet.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from desktop.reports.period import VIETNAM, Period


@dataclass(frozen=True, slots=True)
class QuestionCounts:
    received: int = 0
    answered_on_time: int = 0
    late: int = 0
    redirected: int = 0
    declined: int = 0
    open: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)

    def lines(self, language: str = "vi") -> list[str]:
        """The report's sentences under the annex's row 8 (Vietnamese, as the annex is; English
        for a person who chose it)."""
        if language != "vi":
            return [
                f"Questions received: {self.received}.",
                f"Answered on time (15 working days): {self.answered_on_time}.",
                f"Late (answered after the due date, or unanswered past it): {self.late}.",
                f"Redirected to the competent agency: {self.redirected}.",
                f"Declined: {self.declined}.",
                f"Being handled, not yet due: {self.open}.",
            ]
        return [
            f"Số câu hỏi tiếp nhận: {self.received}.",
            f"Trả lời đúng hạn (15 ngày làm việc): {self.answered_on_time}.",
            f"Trễ hạn (trả lời sau hạn hoặc chưa trả lời khi đã quá hạn): {self.late}.",
            f"Chuyển cơ quan có thẩm quyền: {self.redirected}.",
            f"Không tiếp nhận: {self.declined}.",
            f"Đang xử lý, chưa đến hạn: {self.open}.",
        ]


def _day(value: str | None) -> date | None:
    if not value:
        return None
    return datetime.fromisoformat(value).astimezone(VIETNAM).date()


def count_questions(
    questions: list[dict[str, Any]], period: Period, today: date | None = None
) -> QuestionCounts:
    """The counts of the questions received in ``period``; open ones are late once their due
    date is behind the period's end (or ``today``, if earlier)."""
    as_of = min(period.end, today) if today is not None else period.end
    counts = dict.fromkeys(("received", "answered_on_time", "late", "redirected", "declined"), 0)
    counts["open"] = 0
    for q in questions:
        if not period.contains(_day(q.get("received_at"))):
            continue
        counts["received"] += 1
        due = date.fromisoformat(q["due_date"])
        answered = _day(q.get("answered_at"))
        state = q.get("state")
        if state == "redirected":
            counts["redirected"] += 1
        elif state == "declined":
            counts["declined"] += 1
        elif state == "answered" and answered is not None:
            counts["answered_on_time" if answered <= due else "late"] += 1
        elif as_of > due:
            counts["late"] += 1
        else:
            counts["open"] += 1
    return QuestionCounts(**counts)
