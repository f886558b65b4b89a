"""An item's body as blocks of formatted text, and the one writer that turns them into Markdown.

Everything that brings formatted text into an item (the editor's document, a paste from Word or
LibreOffice, a .docx file) describes it with these few classes and lets :func:`to_markdown`
write it, so Markdown (the stored and synced format) comes out the same way whatever the source:
headings ``#``, emphasis ``**``/``*``, lists ``-`` and ``1.`` (nested by four spaces, as
python-markdown wants), quotes ``>``, pipe tables, images ``![alt](src "caption")``. Only what
the portal's renderer shows is kept; everything else (fonts, colours, sizes) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

BlockKind = Literal["paragraph", "heading", "item", "table", "code", "rule"]


@dataclass(frozen=True)
class Image:
    src: str
    alt: str = ""
    title: str = ""


@dataclass(frozen=True)
class Span:
    """A run of text with one formatting; ``image`` replaces the text; ``br`` is a line break."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""
    image: Image | None = None
    br: bool = False
    link_title: str = ""


Cell = list[Span]


@dataclass
class Block:
    kind: BlockKind = "paragraph"
    spans: list[Span] = field(default_factory=list)
    level: int = 1  # heading level (1-3), or list depth (1 = top)
    ordered: bool = False
    number: int = 1  # an ordered item's number
    quote: int = 0  # block quote depth
    rows: list[list[Cell]] = field(default_factory=list)  # a table; the first row is its header
    text: str = ""  # a code block's text


# -- inline text ---------------------------------------------------------------------------------

_ESCAPE_ANYWHERE = re.compile(r"([\\`*_\[\]])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_LINE_START = re.compile(r"^(\s*)([#>+]|[-*](?=\s|$)|=+\s*$|\d+(?=[.)](\s|$)))")


def escape(text: str, table: bool = False) -> str:
    """Text that python-markdown shows exactly as it is (markers, tags and entities escaped)."""
    text = _ESCAPE_ANYWHERE.sub(r"\\\1", text)
    text = _ENTITY.sub("&amp;", text)
    text = _TAG.sub("&lt;", text)
    if table:
        text = text.replace("|", "\\|")
    return text


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{lead}{marker}\\{line[len(lead) + len(marker) :]}"
    return f"{lead}\\{line[len(lead) :]}"


def normalise_spans(spans: list[Span]) -> list[Span]:
    """Adjacent runs with the same formatting joined; empty runs dropped; blanks unformatted."""
    out: list[Span] = []
    for span in spans:
        if span.image is None and not span.br:
            if not span.text:
                continue
            if not span.text.strip() and not span.code:
                span = Span(span.text, href=span.href)
        if out and _same_format(out[-1], span):
            out[-1] = replace(out[-1], text=out[-1].text + span.text)
        else:
            out.append(span)
    return out


def _same_format(a: Span, b: Span) -> bool:
    return (
        a.image is None
        and b.image is None
        and not a.br
        and not b.br
        and (a.bold, a.italic, a.code, a.href, a.link_title)
        == (b.bold, b.italic, b.code, b.href, b.link_title)
    )


def _image(image: Image) -> str:
    alt = image.alt.replace("[", "\\[").replace("]", "\\]")
    title = f' "{image.title.replace(chr(34), chr(39))}"' if image.title else ""
    return f"![{alt}]({_url(image.src)}{title})"


def _url(url: str) -> str:
    url = url.strip()
    if not url or any(c in url for c in " ()<>"):
        return "<" + url.replace(">", "%3E") + ">" if url else ""
    return url


def _code(text: str) -> str:
    ticks = "``" if "`" in text else "`"
    pad = " " if ticks == "``" or text.startswith(" ") or text.endswith(" ") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _wrap(inner: str, marker: str) -> str:
    """``marker`` around ``inner``, its outer blanks kept outside (``** x**`` is not bold)."""
    stripped = inner.strip(" ")
    if not stripped:
        return inner
    lead = inner[: len(inner) - len(inner.lstrip(" "))]
    trail = inner[len(inner.rstrip(" ")) :]
    return f"{lead}{marker}{stripped}{marker}{trail}"


def inline(spans: list[Span], table: bool = False, br: str = "  \n") -> str:
    """One block's text as Markdown: bold outside italic outside links, as python-markdown reads."""
    return _inline(tuple(spans), table, br)


@lru_cache(maxsize=8192)
def _inline(spans: tuple[Span, ...], table: bool, br: str) -> str:
    """(Remembered: the editor writes the whole body at each save, mostly unchanged.)"""
    return _group(normalise_spans(list(spans)), 0, table, br)


_LEVELS = ("bold", "italic", "href")


def _group(spans: list[Span], depth: int, table: bool, br: str) -> str:
    if depth == len(_LEVELS):
        return "".join(_leaf(s, table, br) for s in spans)
    key = _LEVELS[depth]
    out: list[str] = []
    run: list[Span] = []

    def close() -> None:
        if not run:
            return
        value = getattr(run[0], key)
        inner = _group(run, depth + 1, table, br)
        if not value:
            out.append(inner)
        elif key == "bold":
            out.append(_wrap(inner, "**"))
        elif key == "italic":
            out.append(_wrap(inner, "*"))
        else:
            title = run[0].link_title.replace('"', "'")
            out.append(f"[{inner}]({_url(value)}{f' {chr(34)}{title}{chr(34)}' if title else ''})")
        run.clear()

    for span in spans:
        value = getattr(span, key) if not span.br else None
        if span.br or span.image is not None:
            if key == "href" and span.image is not None and span.href:
                value = span.href
            elif span.br:
                value = getattr(run[0], key) if run else None
        if run and value is not None and value != getattr(run[0], key):
            close()
        if value is None and not run:
            out.append(_leaf(span, table, br))
            continue
        run.append(span)
    close()
    return "".join(out)


def _leaf(span: Span, table: bool, br: str) -> str:
    if span.br:
        return br
    if span.image is not None:
        return _image(span.image)
    if span.code:
        return _code(span.text)
    return escape(span.text, table)


# -- blocks --------------------------------------------------------------------------------------


def _quote(text: str, depth: int) -> str:
    if not depth:
        return text
    prefix = "> " * depth
    return "\n".join((prefix + line).rstrip() for line in text.split("\n"))


def _block(block: Block) -> str:
    if block.kind == "rule":
        return "---"
    if block.kind == "code":
        return "\n".join("    " + line for line in block.text.split("\n"))
    if block.kind == "table":
        return _table(block.rows)
    if block.kind == "heading":
        text = inline(block.spans, br=" ").strip()
        return f"{'#' * max(1, min(block.level, 6))} {escape_heading(text)}" if text else ""
    if block.kind == "item":
        indent = "    " * (max(block.level, 1) - 1)
        marker = f"{block.number}. " if block.ordered else "- "
        text = inline(block.spans, br="  \n" + indent + "    ").strip(" ")
        lines = text.split("\n")
        lines[0] = _escape_line_start(lines[0]) if lines[0] else ""
        return indent + marker + "\n".join(lines)
    text = inline(block.spans).strip(" ")
    return "\n".join(_escape_line_start(line.lstrip(" ")) for line in text.split("\n"))


def escape_heading(text: str) -> str:
    return text.rstrip("#").rstrip() or text


def _table(rows: list[list[Cell]]) -> str:
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = []
    for number, row in enumerate(rows):
        cells = [inline(cell, table=True, br="<br>").strip() for cell in row]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if number == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def to_markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown: a blank line between blocks, list items of one list together."""
    out: list[str] = []
    previous: Block | None = None
    kinds: dict[int, bool] = {}  # the open list's levels: ordered or not
    for block in blocks:
        text = _block(block)
        if not text.strip() and block.kind != "rule":
            continue
        text = _quote(text, block.quote)
        same_list = (
            previous is not None
            and block.kind == "item"
            and previous.kind == "item"
            and block.quote == previous.quote
            and kinds.get(block.level, block.ordered) == block.ordered
        )
        if not same_list:
            kinds = {}
        if block.kind == "item":
            kinds = {k: v for k, v in kinds.items() if k <= block.level}
            kinds[block.level] = block.ordered
        if previous is not None:
            gap = ("> " * min(block.quote, previous.quote)).rstrip()
            out.append("\n" if same_list else f"\n{gap}\n")
        out.append(text)
        previous = block
    return "".join(out) + ("\n" if out else "")


def plain_text(blocks: list[Block]) -> str:
    """The words alone (spelling, counts): one line per block, cells by tabs."""
    lines: list[str] = []
    for block in blocks:
        if block.kind == "table":
            for row in block.rows:
                lines.append("\t".join(_text(cell) for cell in row))
        elif block.kind == "code":
            lines.append(block.text)
        else:
            lines.append(_text(block.spans))
    return "\n".join(lines)


def _text(spans: list[Span]) -> str:
    return "".join("\n" if s.br else (s.image.alt if s.image else s.text) for s in spans)
