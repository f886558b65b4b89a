"""What an item's public page shows of the citizens' side (issue 18): the comment form of an
open consultation, and the question an answer item answers (its title and text, never who
asked or how to reach them)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from desktop.models import Item
from portal.board import consultation, defences
from portal.board import questions as board_questions
from portal.board.problems import ProblemError


def citizens_parts(
    conn: Connection,
    item: Item,
    base: str,
    now: datetime | None,
    form: dict[str, Any] | None = None,
) -> dict[str, Any]:
    now = now or datetime.now(UTC)
    parts: dict[str, Any] = {
        "question": board_questions.question_of_item(conn, item.id),
        "comment_form": None,
    }
    try:
        _item, deadline = consultation.consultation_item(conn, item.id)
    except ProblemError:
        return parts
    if consultation.is_open(deadline, now):
        form = form or {}
        parts["comment_form"] = {
            "action": f"{base}/items/{item.slug}/gop-y",
            "token": defences.form_token(conn.engine, now),
            "errors": form.get("errors", []),
            "typed": form.get("values", {}),
        }
    return parts
