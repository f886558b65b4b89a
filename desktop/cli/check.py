"""``portal-desk check FILE [--json]``: what would stop this text (spelling, and what would
refuse its submit) before it is an item. Reads a Markdown file with front matter or a .docx.

Spelling: Vietnamese words the dictionary does not know (desktop/content/spelling.py), each
with its line and column (1-based, in characters) in the Markdown file; for a .docx, in the
Markdown file ``items new`` would make of it (front matter with the title, then the body).
Problems: the shared pre-check of a submit (``submit_problems`` and ``section_problems``) with
the categories of the profile's directory when there is a profile; without one, only the
item's own rules. Exit 0 when there is nothing to report, 1 when something is found.
"""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.base import ERROR, OK, Cli, CliError

if TYPE_CHECKING:
    from desktop.content.spelling import Speller
    from desktop.desk import Desk
    from desktop.models import Category

MESSAGES: dict[str, tuple[str, str]] = {
    "clean": ("Không thấy lỗi chính tả hay thiếu sót nào.", "No spelling mistakes or problems."),
    "spelling": (
        "{file}:{line}:{column}: chính tả “{word}”{hint}",
        "{file}:{line}:{column}: spelling “{word}”{hint}",
    ),
    "hint": (" (gợi ý: {words})", " (suggestions: {words})"),
    "problem": ("{file}: {message}", "{file}: {message}"),
    "no_directory": (
        "Không mở được danh mục của hồ sơ: chỉ kiểm tra các quy tắc của chính tin.",
        "The profile's directory could not be opened: only the item's own rules are checked.",
    ),
    "no_dictionary": ("Không có từ điển tiếng Việt.", "No Vietnamese dictionary."),
}
#: Front matter keys whose values are prose (the others are ids, dates, addresses).
PROSE_KEYS = ("title", "summary", "author", "unit")
_KEY = re.compile(r"^([A-Za-z_]+):\s?")


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="spelling and submit problems of a .md or .docx")
    check.add_argument("file")
    check.add_argument("--category", help="the category, for a file that does not name one")
    check.add_argument("--json", action="store_true")
    check.set_defaults(run=run)


def spelling_of(text: str, speller: Speller) -> list[dict[str, Any]]:
    """Misspelt words of a Markdown file with front matter, by line and column."""
    from desktop.content.spelling import words

    found: list[dict[str, Any]] = []
    lines = text.split("\n")
    in_header = bool(lines) and lines[0].strip() == "---"
    for number, line in enumerate(lines, start=1):
        start = 0
        if in_header:
            if number > 1 and line.strip() == "---":
                in_header = False
                continue
            key = _KEY.match(line)
            if key is None or key.group(1) not in PROSE_KEYS:
                continue
            start = key.end()
        for begin, _end, word in words(line[start:]):
            if not speller.check(word):
                found.append(
                    {
                        "word": word,
                        "line": number,
                        "column": start + begin + 1,
                        "suggestions": speller.suggest(word),
                    }
                )
    return found


def read_content(cli: Cli, path: str) -> tuple[dict[str, Any], str]:
    """The content fields and the Markdown text they read as (a .docx made into one)."""
    if Path(path).suffix.lower() == ".docx":
        from desktop.content.docx_import import docx_content
        from desktop.content.frontmatter import render

        content = docx_content(Path(path)).content
        return content, render(content)
    content = cli.read_file(path)
    from desktop.models.legacy import convert_file

    text = convert_file(Path(path).read_bytes()).text.replace("\r\n", "\n").replace("\r", "\n")
    return content, text


def problems_of(
    content: dict[str, Any], categories: dict[str, Category] | None, site: str, language: str
) -> list[dict[str, str]]:
    from desktop.models import Item, submit_problems
    from desktop.models.precheck import section_problems

    item = Item.from_dict({"id": "check", "site": site or "check", **content})
    found = submit_problems(item, set(categories) if categories is not None else None)
    if categories is not None:
        found += section_problems(item, categories, datetime.now(UTC))
    return [{"code": p.code, "field": p.field, "message": p.message(language)} for p in found]


def run(cli: Cli) -> int:
    from desktop.content.spelling import shared_speller
    from desktop.desk.profiles import data_dir
    from desktop.models.errors import KnownError

    path = cli.args.file
    content, text = read_content(cli, path)
    if cli.args.category:
        content["category"] = cli.args.category
    speller = shared_speller(data_dir(cli.args.data_dir))
    if not speller.available:
        raise CliError(cli.say("no_dictionary", MESSAGES), ERROR)
    spelling = spelling_of(text, speller)

    categories: dict[str, Category] | None = None
    site = ""
    if cli.profiles().last() is not None or cli.args.profile:

        async def directory(desk: Desk) -> tuple[dict[str, Category] | None, str]:
            return desk.category_map(), desk.site

        try:
            categories, site = cli.with_desk(directory)
        except KnownError:
            cli.warn(cli.say("no_directory", MESSAGES))
    problems = problems_of(content, categories, site, cli.lang)

    if cli.args.json:
        cli.emit_json({"spelling": spelling, "problems": problems})
    else:
        for entry in spelling:
            hint = (
                cli.say("hint", MESSAGES, words=", ".join(entry["suggestions"]))
                if entry["suggestions"]
                else ""
            )
            cli.out(
                cli.say(
                    "spelling",
                    MESSAGES,
                    file=path,
                    hint=hint,
                    **{k: entry[k] for k in ("line", "column", "word")},
                )
            )
        for problem in problems:
            cli.out(cli.say("problem", MESSAGES, file=path, message=problem["message"]))
        if not spelling and not problems:
            cli.out(cli.say("clean", MESSAGES))
    return ERROR if spelling or problems else OK
