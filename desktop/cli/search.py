"""``search``, ``convert`` and ``report``: finding, old fonts, the yearly report (docs/cli.md)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli.base import OK, USAGE, Cli, CliError

if TYPE_CHECKING:
    from desktop.desk import Desk

MESSAGES: dict[str, tuple[str, str]] = {
    "no_hits": ("Không tìm thấy tin nào khớp “{query}”.", "No items match “{query}”."),
    "converted_in_place": (
        "Đã ghi lại {file} (bản cũ giữ ở {backup}).",
        "{file} rewritten (the old one is kept as {backup}).",
    ),
    "unchanged": ("Tệp {file} giữ nguyên.", "{file} left unchanged."),
    "unsure": (
        "Chưa chắc chắn về phông chữ cũ (có thể là {suggested}); hãy kiểm tra, hoặc chỉ rõ bằng "
        "--encoding.",
        "Not sure of the old font (perhaps {suggested}); check the result, or say it with "
        "--encoding.",
    ),
    "report_period": (
        "Chọn kỳ báo cáo: --year N [--quarter 1-4] hoặc --from YYYY-MM-DD --to YYYY-MM-DD.",
        "Choose the period: --year N [--quarter 1-4] or --from YYYY-MM-DD --to YYYY-MM-DD.",
    ),
    "report_done": (
        "Đã lập báo cáo {out}: {published} tin, bài đã đăng; tỷ lệ đúng hạn {share}.",
        "Report written to {out}: {published} items published; within the deadline {share}.",
    ),
}


def register(commands: argparse._SubParsersAction) -> None:
    search = commands.add_parser("search", help="search the local store (offline too)")
    search.add_argument("query", nargs="+", help="words, with or without accents")
    search.add_argument("--state", action="append", help="only items in this state (repeatable)")
    search.add_argument("--category", help="category id")
    search.add_argument("--author", help="author or writer's account")
    search.add_argument("--unit", help="responsible unit")
    search.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    search.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true")
    search.set_defaults(run=search_command)
    convert = commands.add_parser("convert", help="old TCVN3 / VNI text to Unicode")
    convert.add_argument("file")
    convert.add_argument("--in-place", action="store_true", help="rewrite FILE, keep FILE.bak")
    convert.add_argument("--encoding", choices=["tcvn3", "vni", "unicode"])
    convert.set_defaults(run=convert_command)
    report = commands.add_parser("report", help="the yearly / quarterly report (BD-27)")
    report.add_argument("--year", type=int)
    report.add_argument("--quarter", type=int, choices=[1, 2, 3, 4])
    report.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    report.add_argument("--format", choices=["docx", "csv"], default="docx")
    report.add_argument("--out", required=True, metavar="PATH")
    report.add_argument("--site", help="one site (default: every site in the store)")
    report.set_defaults(run=report_command)


def search_command(cli: Cli) -> int:
    args = cli.args
    query = " ".join(args.query)

    async def find(desk: Desk) -> list[Any]:
        return desk.store.search(
            query,
            states=args.state,
            category=args.category,
            author=args.author,
            unit=args.unit,
            date_from=args.date_from,
            date_to=args.date_to,
            limit=args.limit,
        )

    hits = cli.with_desk(find)
    if args.json:
        cli.emit_json([hit.to_dict() for hit in hits])
    elif not hits:
        cli.out(cli.say("no_hits", MESSAGES, query=query))
    else:
        for hit in hits:
            cli.out(f"{hit.id[:8]}  {hit.state:<10} {hit.category:<16} {hit.marked_title()}")
            if hit.snippet:
                cli.out(f"          {hit.marked()}")
    return OK


def convert_command(cli: Cli) -> int:
    from pathlib import Path

    from desktop.models.legacy import convert_file

    path = Path(cli.args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CliError(cli.say("file_error", file=path, error=error)) from error
    result = convert_file(data, cli.args.encoding)
    cli.warn(result.summary(cli.lang))
    if result.is_unsure:
        cli.warn(cli.say("unsure", MESSAGES, suggested=result.suggested or "tcvn3/vni"))
    if not cli.args.in_place:
        sys.stdout.write(result.text)
        sys.stdout.flush()
    elif not result.changed:
        cli.warn(cli.say("unchanged", MESSAGES, file=path))
    else:
        backup = path.with_name(path.name + ".bak")
        backup.write_bytes(data)
        path.write_bytes(result.text.encode("utf-8"))
        cli.warn(cli.say("converted_in_place", MESSAGES, file=path, backup=backup))
    return OK


def report_command(cli: Cli) -> int:
    from desktop.reports import Period, compute, write_csv, write_docx
    from desktop.reports.docx_export import percent

    args = cli.args
    try:
        if args.date_from and args.date_to:
            period = Period.between(args.date_from, args.date_to)
        elif args.year and args.quarter:
            period = Period.for_quarter(args.year, args.quarter)
        elif args.year and not (args.date_from or args.date_to):
            period = Period.for_year(args.year)
        else:
            raise ValueError("period")
    except ValueError as error:
        raise CliError(cli.say("report_period", MESSAGES), USAGE) from error
    profile = cli.profile()

    async def figures_of(desk: Desk) -> tuple[Any, dict[str, Any]]:
        return compute(desk.store, period, site=args.site, language=cli.lang), desk.me.to_dict()

    figures, me = cli.with_desk(figures_of)
    from desktop.cli.questions import questions_for_report

    figures.questions = questions_for_report(cli, period)  # issue 18: the annex's row 8
    if args.format == "csv":
        out = write_csv(figures, args.out)
    else:
        sites = me.get("sites") or {}
        names = [info.get("name", site) for site, info in sites.items()]
        agency = (sites.get(args.site) or {}).get("name", "") if args.site else ""
        out = write_docx(
            figures,
            args.out,
            agency=agency or (names[0] if len(names) == 1 else ""),
            portal_url=profile.url,
            reporter=me.get("full_name") or "",
        )
    if not figures.up_to_date:
        cli.warn(figures.freshness(cli.lang))
    share = percent(figures.total.on_time_share)
    cli.out(
        cli.say("report_done", MESSAGES, out=out, published=figures.total.published, share=share)
    )
    return OK
