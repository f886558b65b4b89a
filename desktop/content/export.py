"""Print and save one item (BD-14.1.c): HTML and Markdown with its fact box and approval trail.

No Qt here: the CLI and the tests use it headless; ``desktop.content.pdf`` turns the same HTML
into a PDF (and the app's print dialog prints it). The approval trail is the whole history when
the store holds it (a sync brings it for every item with a return, a rejection, a withdrawal or
a take-down): every action, who did it, on whose behalf, when (in the site's time zone, never
the machine's) and its comment; otherwise the item's step records (BD-18.4, BD-22).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import datetime, timezone

from desktop.models import Category, Item
from desktop.models.clock import VIETNAM, labelled
from desktop.models.fields import fact_box
from desktop.models.item import LANGUAGES
from desktop.models.render import render_markdown, safe_url

FORMATS = ("pdf", "html", "md")

#: The trail's steps in the order they happen, with their names in both languages.
TRAIL_STEPS: tuple[tuple[str, str, str], ...] = (
    ("submit", "Gửi biên tập", "Submitted"),
    ("edit", "Biên tập", "Edited"),
    ("approve", "Duyệt đăng", "Approved"),
    ("reject", "Từ chối", "Rejected"),
    ("return", "Trả lại", "Returned"),
    ("withdraw", "Rút lại", "Withdrawn"),
    ("take_down", "Gỡ bỏ", "Taken down"),
    ("forward", "Biên tập, chuyển duyệt", "Edited and forwarded"),
    ("update", "Sửa nội dung", "Content changed"),
    ("create", "Tạo tin", "Created"),
)

STATE_NAMES: dict[str, tuple[str, str]] = {
    "draft": ("Bản nháp", "Draft"),
    "submitted": ("Chờ biên tập", "Waiting for editing"),
    "edited": ("Chờ duyệt", "Waiting for approval"),
    "published": ("Đã đăng", "Published"),
    "rejected": ("Bị từ chối", "Rejected"),
    "taken_down": ("Đã gỡ bỏ", "Taken down"),
}

_WORDS: dict[str, tuple[str, str]] = {
    "category": ("Chuyên mục", "Section"),
    "unit": ("Đơn vị cung cấp", "Providing unit"),
    "language": ("Ngôn ngữ", "Language"),
    "state": ("Trạng thái", "State"),
    "author": ("Tác giả", "Author"),
    "source": ("Nguồn", "Source"),
    "due": ("Hạn đăng", "Due"),
    "facts": ("Thông tin chuyên mục", "Section details"),
    "trail": ("Quá trình duyệt", "Approval trail"),
    "step": ("Bước", "Step"),
    "by": ("Người thực hiện", "By"),
    "at": ("Thời gian", "When"),
    "behalf": ("Thay mặt", "On behalf of"),
    "comment": ("Ý kiến", "Comment"),
    "created": ("Tạo tin", "Created"),
    "attachments": ("Tệp đính kèm", "Attachments"),
    "reason": ("Lý do gỡ bỏ", "Reason for taking down"),
    "translations": ("Bản dịch", "Translations"),
}


@dataclass(frozen=True, slots=True)
class TrailRow:
    step: str
    by: str
    at: datetime | None
    on_behalf_of: str | None = None
    comment: str = ""


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What the item alone does not say: its section, names of people, its due date."""

    category: Category | None = None
    people: dict[str, str] = field(default_factory=dict)  # username → full name
    due_date: str = ""  # dd/mm/yyyy, empty without a deadline
    reason: str = ""  # the take-down reason, when taken down
    translations: tuple[tuple[str, str], ...] = ()  # (language, title)
    #: The whole trail from the item's history (empty: the step records are printed).
    history: tuple[TrailRow, ...] = ()
    zone: timezone = VIETNAM  # the site's time zone: every time printed is in it


def _w(key: str, language: str) -> str:
    vi, en = _WORDS[key]
    return vi if language == "vi" else en


def when(value: datetime | None, zone: timezone = VIETNAM, language: str = "vi") -> str:
    """A moment in the site's zone, labelled: ``24/02/2026 14:05 (giờ Việt Nam)``."""
    return labelled(value, zone, language)


def approval_trail(item: Item, context: ExportContext | None = None) -> list[TrailRow]:
    """The whole history when the context has it; else created, then each recorded step in
    workflow order, with the one it was done for."""
    if context is not None and context.history:
        return list(context.history)
    rows = [TrailRow("created", item.created_by, item.created_at)]
    names = [key for key, _, _ in TRAIL_STEPS]
    recorded = sorted(
        item.steps.items(),
        key=lambda kv: (kv[1].at, names.index(kv[0]) if kv[0] in names else len(names)),
    )
    for key, record in recorded:
        rows.append(TrailRow(key, record.by, record.at, record.on_behalf_of))
    return rows


def step_name(step: str, language: str = "vi") -> str:
    if step == "created":
        return _w("created", language)
    for key, vi, en in TRAIL_STEPS:
        if key == step:
            return vi if language == "vi" else en
    return step


def _person(username: str | None, context: ExportContext) -> str:
    if not username:
        return ""
    name = context.people.get(username)
    return f"{name} ({username})" if name and name != username else username


def header_rows(item: Item, context: ExportContext, language: str = "vi") -> list[tuple[str, str]]:
    """Section, unit, language, state, author, source, due date: the item's card."""
    rows: list[tuple[str, str]] = []
    if context.category is not None:
        rows.append((_w("category", language), context.category.name))
    unit = item.unit or (context.category.unit if context.category else "")
    if unit:
        rows.append((_w("unit", language), unit))
    lang = LANGUAGES.get(item.language, (item.language, item.language))
    rows.append((_w("language", language), lang[0] if language == "vi" else lang[1]))
    state = STATE_NAMES.get(item.state.value, (item.state.value, item.state.value))
    rows.append((_w("state", language), state[0] if language == "vi" else state[1]))
    if item.author:
        rows.append((_w("author", language), item.author))
    source_url = safe_url(item.source.url) or ""  # only an address a reader may follow
    if item.source.name or source_url:
        rows.append(
            (_w("source", language), " — ".join(filter(None, [item.source.name, source_url])))
        )
    if context.due_date:
        rows.append((_w("due", language), context.due_date))
    if context.reason:
        rows.append((_w("reason", language), context.reason))
    return rows


def facts(item: Item, context: ExportContext, language: str = "vi") -> list[tuple[str, str]]:
    kind = context.category.kind if context.category else "free"
    return fact_box(kind, item.metadata, language)


def _table(rows: list[tuple[str, str]], caption: str = "") -> str:
    e = html.escape
    cells = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows)
    head = f"<caption>{e(caption)}</caption>" if caption else ""
    return f'<table class="facts" border="1" cellspacing="0" cellpadding="4">{head}{cells}</table>'


def export_html(item: Item, context: ExportContext | None = None, language: str = "vi") -> str:
    """A whole HTML document for the item: printable, self-contained (no scripts, no links out)."""
    context = context or ExportContext()
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{e(item.language)}"><head><meta charset="utf-8">',
        f"<title>{e(item.title)}</title>",
        "<style>body{font-family:'DejaVu Sans',sans-serif;} th{text-align:left;}"
        " table{border-collapse:collapse;margin:1em 0;}</style>",
        "</head><body>",
        f"<h1>{e(item.title)}</h1>",
        _table(header_rows(item, context, language)),
    ]
    if item.summary:
        parts.append(f'<p class="summary"><b>{e(item.summary)}</b></p>')
    parts.append(f'<div class="body">{render_markdown(item.body)}</div>')
    fact_rows = facts(item, context, language)
    if fact_rows:
        parts.append(f"<h2>{e(_w('facts', language))}</h2>")
        parts.append(_table(fact_rows))
    if item.attachments:
        parts.append(f"<h2>{e(_w('attachments', language))}</h2><ul>")
        parts.extend(f"<li><code>{e(sha)}</code></li>" for sha in item.attachments)
        parts.append("</ul>")
    if context.translations:
        parts.append(f"<h2>{e(_w('translations', language))}</h2><ul>")
        parts.extend(f"<li>[{e(lang)}] {e(title)}</li>" for lang, title in context.translations)
        parts.append("</ul>")
    parts.append(f"<h2>{e(_w('trail', language))}</h2>")
    head = "".join(f"<th>{e(_w(k, language))}</th>" for k in TRAIL_COLUMNS)
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{e(cell)}</td>" for cell in _trail_cells(r, context, language))
        + "</tr>"
        for r in approval_trail(item, context)
    )
    parts.append(
        f'<table class="trail" border="1" cellspacing="0" cellpadding="4"><tr>{head}</tr>'
        f"{rows}</table>"
    )
    parts.append("</body></html>")
    return "\n".join(parts)


TRAIL_COLUMNS = ("step", "by", "behalf", "at", "comment")


def _trail_cells(row: TrailRow, context: ExportContext, language: str) -> list[str]:
    return [
        step_name(row.step, language),
        _person(row.by, context),
        _person(row.on_behalf_of, context),
        when(row.at, context.zone, language),
        row.comment,
    ]


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def export_markdown(item: Item, context: ExportContext | None = None, language: str = "vi") -> str:
    """The item as Markdown: title, card, summary, body, fact box, trail (tables)."""
    context = context or ExportContext()
    out = [f"# {item.title}", ""]
    out.extend(f"- **{k}:** {v}" for k, v in header_rows(item, context, language))
    out.append("")
    if item.summary:
        out.extend([f"**{item.summary}**", ""])
    out.extend([item.body.rstrip(), ""])
    fact_rows = facts(item, context, language)
    if fact_rows:
        out.extend([f"## {_w('facts', language)}", "", "| | |", "|---|---|"])
        out.extend(f"| {_md_cell(k)} | {_md_cell(v)} |" for k, v in fact_rows)
        out.append("")
    if item.attachments:
        out.extend([f"## {_w('attachments', language)}", ""])
        out.extend(f"- `{sha}`" for sha in item.attachments)
        out.append("")
    if context.translations:
        out.extend([f"## {_w('translations', language)}", ""])
        out.extend(f"- [{lang}] {title}" for lang, title in context.translations)
        out.append("")
    out.extend([f"## {_w('trail', language)}", ""])
    out.append("| " + " | ".join(_w(k, language) for k in TRAIL_COLUMNS) + " |")
    out.append("|" + "---|" * len(TRAIL_COLUMNS))
    for r in approval_trail(item, context):
        cells = _trail_cells(r, context, language)
        out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(out) + "\n"
