"""``questions list|show|assign|answer|redirect|decline``: the board's inbox of citizens'
questions (issue 18; docs/cli.md, docs/citizens.md). Online: the questions live on the portal."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, TypeVar

from desktop.cli.base import OK, Cli

if TYPE_CHECKING:
    from desktop.desk import Desk

T = TypeVar("T")

MESSAGES: dict[str, tuple[str, str]] = {
    "none": ("Không có câu hỏi nào.", "No questions."),
    "late": ("QUÁ HẠN", "LATE"),
    "due_soon": ("sắp đến hạn", "due soon"),
    "done": ("Đã ghi: câu hỏi {id} {state}.", "Done: question {id} is {state}."),
    "report_without": (
        "Báo cáo không có số liệu hỏi đáp (tiêu chí 8): {reason}",
        "The report has no question figures (annex row 8): {reason}",
    ),
    "answered": (
        "Đã tạo câu trả lời {id} (bản nháp, chuyên mục Hỏi đáp): gửi biên tập bằng"
        " `portal-desk items act {id} submit`.",
        "Answer {id} created (a draft of the Q&A section): send it on with"
        " `portal-desk items act {id} submit`.",
    ),
}


def online(cli: Cli, work: Callable[[Desk], Awaitable[T]]) -> T:
    """``work`` on the desk with its portal session; closed after."""

    async def run() -> T:
        desk = await cli.online_desk()
        try:
            return await work(desk)
        finally:
            await desk.close()

    return asyncio.run(run())


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("questions", help="citizens' questions (online)")
    sub = group.add_subparsers(dest="questions_command", metavar="SUBCOMMAND", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=questions_list)
    show = sub.add_parser("show")
    show.add_argument("id", help="the question's id, a prefix of it, or its tracking code")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=questions_show)
    assign = sub.add_parser("assign")
    assign.add_argument("id")
    assign.add_argument("--to", required=True, metavar="USERNAME")
    assign.set_defaults(run=questions_assign)
    answer = sub.add_parser("answer")
    answer.add_argument("id")
    answer.add_argument("--file", required=True, help="the answer: Markdown with front matter")
    answer.add_argument("--quiet", "-q", action="store_true", help="print only the answer's id")
    answer.set_defaults(run=questions_answer)
    redirect = sub.add_parser("redirect")
    redirect.add_argument("id")
    redirect.add_argument("--to", required=True, metavar="AGENCY")
    redirect.add_argument("--comment", required=True, help="what the asker reads")
    redirect.set_defaults(run=questions_redirect)
    decline = sub.add_parser("decline")
    decline.add_argument("id")
    decline.add_argument("--comment", required=True, help="the reason the asker reads")
    decline.set_defaults(run=questions_decline)


def listed(question: dict[str, Any]) -> dict[str, Any]:
    """One row of ``questions list --json`` (docs/cli.md): exactly these keys."""
    from desktop.desk.questions import LIST_FIELDS

    return {key: question.get(key) for key in LIST_FIELDS}


def questions_list(cli: Cli) -> int:
    found = online(cli, lambda desk: desk.citizens.questions())
    if cli.args.json:
        cli.emit_json([listed(q) for q in found])
        return OK
    if not found:
        cli.out(cli.say("none", MESSAGES))
    for q in found:
        mark = cli.say(q["deadline"], MESSAGES) if q.get("deadline") in ("late", "due_soon") else ""
        cli.out(
            f"{q['id'][:8]}  {q['tracking_code']}  {q['state']:<10} {q['due_date']} "
            f"{(q.get('assigned_to') or '-'):<12} {q['title']}  {mark}".rstrip()
        )
    return OK


def questions_show(cli: Cli) -> int:
    async def read(desk: Desk) -> dict[str, Any]:
        return await desk.citizens.question(await desk.citizens.find(cli.args.id))

    q = online(cli, read)
    if cli.args.json:
        cli.emit_json(q)
        return OK
    for key in (
        "id",
        "tracking_code",
        "state",
        "received_at",
        "due_date",
        "deadline",
        "name",
        "email",
        "phone",
        "assigned_to",
        "redirected_to",
        "comment",
        "answer_item",
    ):
        if q.get(key):
            cli.out(f"{key}: {q[key]}")
    cli.out("")
    cli.out(f"# {q['title']}")
    cli.out(q["body"])
    return OK


def _act(cli: Cli, call: Callable[[Desk, str], Awaitable[dict[str, Any]]]) -> int:
    async def act(desk: Desk) -> dict[str, Any]:
        return await call(desk, await desk.citizens.find(cli.args.id))

    done = online(cli, act)
    cli.out(cli.say("done", MESSAGES, id=done["tracking_code"], state=done["state"]))
    return OK


def questions_assign(cli: Cli) -> int:
    return _act(cli, lambda desk, qid: desk.citizens.assign(qid, cli.args.to))


def questions_redirect(cli: Cli) -> int:
    return _act(cli, lambda desk, qid: desk.citizens.redirect(qid, cli.args.to, cli.args.comment))


def questions_decline(cli: Cli) -> int:
    return _act(cli, lambda desk, qid: desk.citizens.decline(qid, cli.args.comment))


def questions_answer(cli: Cli) -> int:
    content = cli.read_file(cli.args.file)

    async def answer(desk: Desk) -> str:
        question_id = await desk.citizens.find(cli.args.id)
        item = await desk.citizens.answer(question_id, **content)
        return item.id

    item_id = online(cli, answer)
    cli.out(item_id if cli.args.quiet else cli.say("answered", MESSAGES, id=item_id))
    return OK


def questions_for_report(cli: Cli, period: Any) -> Any:
    """The period's question counts (annex row 8), or None with a warning when the portal
    cannot say (offline, no session): the rest of the report is made offline anyway."""
    from datetime import date

    from desktop.models.errors import KnownError
    from desktop.reports.questions import count_questions

    try:
        found = online(cli, lambda desk: desk.citizens.questions())
    except KnownError as error:
        cli.warn(cli.say("report_without", MESSAGES, reason=error.message(cli.lang)))
        return None
    return count_questions(found, period, date.today())
