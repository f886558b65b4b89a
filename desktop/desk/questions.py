"""The board's side of the citizens (issue 18), as a part of the desk (``desk.citizens``):
the inbox of questions and the consultation comments. Both live on the portal (strangers write
them there), so these calls are online only; the answer itself is an ordinary item of the Q&A
section, written offline like any other and taken through the three steps.

The questions' due dates are the portal's (15 working days on the site's calendar); the desk
adds how each stands today on the same calendar (``late``, ``due_soon``) from the notices it
has synced.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.desk.errors import NotFound, OnlineOnly
from desktop.models import CategoryKind, Item
from desktop.models.citizens import CLOSED_STATES
from desktop.models.errors import ErrorKind, KnownError

if TYPE_CHECKING:
    from desktop.desk.desk import Desk


class NoQuestionsSection(KnownError):
    code = "no_questions_section"
    kind = ErrorKind.INVALID
    vi = "Trang này chưa có chuyên mục Hỏi đáp: quản trị cần tạo chuyên mục loại “questions”."
    en = "This site has no Q&A section: an administrator must add a category of kind “questions”."


class QuestionsOnlineOnly(OnlineOnly):
    vi = "Không kết nối được cổng thông tin: câu hỏi và góp ý của người dân chỉ xem khi có mạng."
    en = "The portal cannot be reached: citizens' questions and comments are online only."


#: The fields of ``questions list --json``, in this order (a contract: docs/cli.md).
LIST_FIELDS = ("id", "title", "state", "due_date", "received_at", "assigned_to")


class Citizens:
    """One desk's questions inbox and consultation comments."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    async def _call(self, method: str, path: str, ok: tuple[int, ...] = (200,), **kw: Any) -> Any:
        from desktop.sync.errors import Offline

        if self.desk.client is None:
            raise QuestionsOnlineOnly()
        try:
            return await self.desk.client.call(method, path, ok=ok, **kw)
        except Offline as error:
            raise QuestionsOnlineOnly() from error

    # -- questions -----------------------------------------------------------------------------

    def _today(self) -> date:
        return datetime.now(self.desk.zone).date()

    def _standing(self, question: dict[str, Any], today: date | None = None) -> dict[str, Any]:
        """The question with ``deadline`` (late, due_soon, ok; None once closed)."""
        from desktop.desk.deadlines import calendar_from

        today = today or self._today()
        if question.get("state") in CLOSED_STATES:
            status = "late" if question.get("late") else None
        else:
            calendar = calendar_from(self.desk.store.calendar_notices(question["site"]))
            status = calendar.deadline_status(date.fromisoformat(question["due_date"]), today)
        return {**question, "deadline": status}

    async def questions(self) -> list[dict[str, Any]]:
        """The site's questions, oldest first, each with how its deadline stands today."""
        found = await self._call("GET", f"sites/{self.desk.site}/questions")
        today = self._today()
        return [self._standing(q, today) for q in (found or {}).get("questions", [])]

    async def find(self, prefix: str) -> str:
        """A question's id from its id, a prefix of it, or its tracking code."""
        wanted = prefix.strip()
        matches = [
            q["id"]
            for q in await self.questions()
            if q["id"].startswith(wanted) or q["tracking_code"] == wanted.upper()
        ]
        if len(matches) != 1:
            raise NotFound(
                prefix,
                f"Không tìm thấy câu hỏi “{prefix}” (hoặc có nhiều câu hỏi trùng tiền tố).",
                f"No question “{prefix}” (or the prefix matches several).",
            )
        return matches[0]

    async def question(self, question_id: str) -> dict[str, Any]:
        found = await self._call("GET", f"sites/{self.desk.site}/questions/{question_id}")
        return self._standing(dict(found))

    async def _act(self, question_id: str, body: dict[str, Any]) -> dict[str, Any]:
        done = await self._call(
            "POST", f"sites/{self.desk.site}/questions/{question_id}/actions", json_body=body
        )
        return self._standing(dict(done))

    async def assign(self, question_id: str, assignee: str) -> dict[str, Any]:
        return await self._act(question_id, {"action": "assign", "assignee": assignee})

    async def redirect(self, question_id: str, agency: str, comment: str) -> dict[str, Any]:
        body = {"action": "redirect", "agency": agency, "comment": comment}
        return await self._act(question_id, body)

    async def decline(self, question_id: str, comment: str) -> dict[str, Any]:
        return await self._act(question_id, {"action": "decline", "comment": comment})

    def questions_section(self) -> str:
        """The site's Q&A section (the first category of kind ``questions``)."""
        for category in self.desk.categories():
            if category.kind is CategoryKind.QUESTIONS:
                return category.id
        raise NoQuestionsSection()

    async def answer(self, question_id: str, **content: Any) -> Item:
        """Write the answer as a new item of the Q&A section, linked to the question on the
        portal; it then goes through the three steps like any item (published, it answers)."""
        question = await self.question(question_id)
        category = self.questions_section()
        content.pop("category", None)
        content.setdefault("title", f"Trả lời: {question['title']}")
        item = await self.desk.create(category, site=question["site"], **content)
        await self._act(question_id, {"action": "answer", "item_id": item.id})
        return item

    async def report_counts(self, figures: Any) -> Any:
        """Add the period's question counts to report figures (the annex's row 8) when the
        portal answers; the report stays without them otherwise. Returns the counts."""
        from desktop.reports.questions import count_questions

        try:
            found = await self.questions()
        except KnownError:
            return None
        figures.questions = count_questions(found, figures.period, self._today())
        return figures.questions

    # -- consultation comments -----------------------------------------------------------------

    async def comments(self, item_id: str) -> dict[str, Any]:
        """A consultation's comments as the board sees them (names and e-mails)."""
        found = await self._call("GET", f"items/{item_id}/public-comments")
        return dict(found or {})

    async def export_comments(self, item_id: str, form: str, path: Path) -> Path:
        """The draft and its comments for the drafting agency (.docx or .pdf): names kept,
        contact details dropped."""
        from desktop.content.consultation_export import write_docx, write_pdf

        item = self.desk.item(item_id)
        if item is None:
            raise NotFound(item_id, f"Không có tin {item_id} trên máy này.", f"No item {item_id}.")
        found = await self.comments(item_id)
        rows = [
            {"name": c["name"], "body": c["body"], "created_at": c["created_at"]}
            for c in found.get("comments", [])
        ]
        category = self.desk.category_name(item.category)
        if form == "pdf":
            return write_pdf(item, rows, path, category, found.get("comment_deadline", ""))
        return write_docx(item, rows, path, category, found.get("comment_deadline", ""))
