"""HTML from the clipboard (Word, LibreOffice, a browser) → the body's blocks, then Markdown.

What survives is what an item can hold: headings, paragraphs, bold and italic, lists (Word's
``mso-list`` paragraphs become real lists), quotes, tables, links (http, https, mailto, tel) and
pictures that come with the paste itself (``data:`` or a local file, handed back to be attached).
Everything else is dropped: fonts, colours, sizes, classes, scripts, styles, comments, remote
pictures. Runs in the old Vietnamese fonts are converted to Unicode (``legacy_runs``).

lxml's HTML parser reads the markup (it copes with Word's conditional comments and unclosed
tags); this module only walks the tree.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

import lxml.html
from lxml import etree

from desktop.content.blocks import Block, Cell, Image, Span, to_markdown
from desktop.content.legacy_runs import LegacyTally, decode_run, guess_block

LINK_SCHEMES = ("http", "https", "mailto", "tel")
_DROP = {
    "script",
    "style",
    "head",
    "title",
    "meta",
    "link",
    "xml",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "select",
    "textarea",
}
_BOLD = ("bold", "bolder", "600", "700", "800", "900")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 3, "h5": 3, "h6": 3}
_BLOCKS = {
    "p",
    "div",
    "li",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "center",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
    "address",
    *_HEADINGS,
}
_MSO_LIST = re.compile(r"mso-list\s*:\s*l(\d+)\s+level(\d+)", re.I)
_ORDERED_MARKER = re.compile(r"^\s*(\(?[0-9]+|[a-zA-Z]|[ivxlcIVXLC]+)[.)]\s*$")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]+")


@dataclass
class Picture:
    """A picture that came inside the paste (``data:`` URL or local file), to be attached."""

    name: str
    data: bytes
    placeholder: str  # the src written in the Markdown until the picture is attached


@dataclass
class Imported:
    markdown: str
    blocks: list[Block]
    legacy: LegacyTally = field(default_factory=LegacyTally)
    pictures: list[Picture] = field(default_factory=list)
    dropped_images: int = 0  # remote pictures left out


@dataclass(frozen=True)
class _Style:
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str = ""
    font: str = ""


def _css(element: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in (element.get("style") or "").split(";"):
        if ":" in part:
            key, value = part.split(":", 1)
            out[key.strip().lower()] = value.strip()
    return out


def _first_font(value: str) -> str:
    return value.split(",")[0].strip().strip("'\"") if value else ""


class _Reader:
    def __init__(self, allow_local_files: bool) -> None:
        self.blocks: list[Block] = []
        self.legacy = LegacyTally()
        self.pictures: list[Picture] = []
        self.dropped = 0
        self.allow_local_files = allow_local_files
        self._spans: list[tuple[Span, bool]] = []  # (span, its font decided the encoding)
        self._block = Block()
        self._quote = 0
        self._lists: list[list[int]] = []  # per open list: [ordered, next number]
        self._mso_number: dict[tuple[int, int], int] = {}

    # -- blocks ----------------------------------------------------------------------------
    def flush(self) -> None:
        spans = [span for span, _ in self._spans]
        if any(s.image is not None or (s.text.strip() and not s.br) for s in spans):
            self._guess_legacy()
            block = replace(self._block, spans=_trim([span for span, _ in self._spans]))
            block.quote = self._quote
            self.blocks.append(block)
        self._spans = []
        self._block = Block()

    def _guess_legacy(self) -> None:
        loose = [k for k, (span, decided) in enumerate(self._spans) if not decided and span.text]
        if not loose:
            return
        texts = [self._spans[k][0].text for k in loose]
        converted, encoding = guess_block(texts)
        if encoding is None:
            return
        for k, before, after in zip(loose, texts, converted, strict=True):
            self.legacy.add(before, after, encoding)
            span, _ = self._spans[k]
            self._spans[k] = (replace(span, text=after), True)

    def start(self, kind: str = "paragraph", **values: object) -> None:
        self.flush()
        self._block = Block(kind=kind)  # type: ignore[arg-type]
        for key, value in values.items():
            setattr(self._block, key, value)

    # -- walking -------------------------------------------------------------------------------
    def walk(self, element: etree._Element, outer: _Style) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        css = _css(element) if tag else {}
        hidden = css.get("display", "").lower() == "none" or (
            css.get("mso-list", "").lower().strip() == "ignore"  # Word's "·" or "1." marker
        )
        if not tag or tag in _DROP or (":" in tag and tag != "o:p") or hidden:
            self.text(element.tail, outer)
            return
        style = self._inline_style(element, tag, css, outer)
        if tag in _BLOCKS:
            self._block_element(element, tag, css, style)
        elif tag == "br":
            self._spans.append((Span(br=True), True))
        elif tag == "img":
            self._img(element, style)
        else:
            self.text(element.text, style)
            for child in element:
                self.walk(child, style)
        self.text(element.tail, outer)

    def _inline_style(
        self, element: etree._Element, tag: str, css: dict[str, str], style: _Style
    ) -> _Style:
        bold, italic, code, href, font = (
            style.bold,
            style.italic,
            style.code,
            style.href,
            style.font,
        )
        if tag in ("b", "strong") or css.get("font-weight", "") in _BOLD:
            bold = True
        if css.get("font-weight", "") in ("normal", "400", "lighter"):
            bold = False
        if tag in ("i", "em") or css.get("font-style", "").lower() in ("italic", "oblique"):
            italic = True
        if css.get("font-style", "").lower() == "normal":
            italic = False
        if tag in ("code", "kbd", "samp", "tt"):
            code = True
        if tag == "a":
            target = (element.get("href") or "").strip()
            href = target if urlparse(target).scheme.lower() in LINK_SCHEMES else ""
        face = element.get("face") if tag == "font" else None
        family = css.get("font-family") or face
        if family:
            font = _first_font(family)
        if tag in _HEADINGS:
            bold = False  # a heading is bold by its level, not by ** markers
        return _Style(bold, italic, code, href, font)

    def _block_element(
        self, element: etree._Element, tag: str, css: dict[str, str], style: _Style
    ) -> None:
        if tag in ("ul", "ol"):
            self.flush()
            start = element.get("start")
            number = int(start) if start and start.isdigit() else 1
            self._lists.append([tag == "ol", number])
            self._children(element, style)
            self._lists.pop()
            self.flush()
            return
        if tag == "li":
            ordered, number = self._lists[-1] if self._lists else (False, 1)
            if self._lists:
                self._lists[-1][1] += 1
            self.start(
                "item", level=max(len(self._lists), 1), ordered=bool(ordered), number=int(number)
            )
            self._children(element, style, inline_blocks=True)
            self.flush()
            return
        if tag == "blockquote":
            self.flush()
            self._quote += 1
            self._children(element, style)
            self.flush()
            self._quote -= 1
            return
        if tag == "table":
            self.flush()
            self._table(element, style)
            return
        if tag == "hr":
            self.flush()
            self.blocks.append(Block(kind="rule"))
            return
        if tag == "pre":
            self.flush()
            text = "".join(element.itertext()).strip("\n")
            if text.strip():
                self.blocks.append(Block(kind="code", text=text, quote=self._quote))
            return
        if tag in _HEADINGS:
            self.start("heading", level=_HEADINGS[tag])
        elif tag == "p" and self._word_list_item(element, css):
            pass
        elif tag == "p" and "msotitle" in (element.get("class") or "").lower():
            self.start("heading", level=1)
        elif self._block.kind == "item" and not self._spans:
            pass  # <li><p>…: the paragraph is the item's text
        else:
            self.start("paragraph")
        self._children(element, style)
        self.flush()

    def _children(
        self, element: etree._Element, style: _Style, inline_blocks: bool = False
    ) -> None:
        self.text(element.text, style)
        for child in element:
            tag = child.tag.lower() if isinstance(child.tag, str) else ""
            if inline_blocks and tag in ("p", "div") and self._block.kind == "item":
                if self._spans:
                    self._spans.append((Span(br=True), True))
                self.text(child.text, style)
                for grandchild in child:
                    self.walk(grandchild, self._inline_style(child, tag, _css(child), style))
                self.text(child.tail, style)
                continue
            self.walk(child, style)

    def _word_list_item(self, element: etree._Element, css: dict[str, str]) -> bool:
        """Word's list paragraphs: ``style="mso-list:l0 level2 lfo1"`` and a marker to drop."""
        match = _MSO_LIST.search(element.get("style") or "")
        if not match:
            return False
        list_id, level = int(match.group(1)), int(match.group(2))
        marker = ""
        for node in element.iter():
            if (
                "mso-list" in (node.get("style") or "").lower()
                and "ignore" in (node.get("style") or "").lower()
            ):
                marker = "".join(node.itertext())
                break
        ordered = bool(_ORDERED_MARKER.match(_SPACE.sub(" ", marker).strip()))
        for key in [k for k in self._mso_number if k[0] == list_id and k[1] > level]:
            del self._mso_number[key]
        number = self._mso_number.get((list_id, level), 0) + 1
        self._mso_number[(list_id, level)] = number
        self.start("item", level=level, ordered=ordered, number=number)
        return True

    def _table(self, element: etree._Element, style: _Style) -> None:
        rows: list[list[Cell]] = []
        for row in element.iter("tr"):
            if _nearest_table(row) is not element:
                continue
            cells: list[Cell] = []
            for cell in row:
                if not isinstance(cell.tag, str) or cell.tag.lower() not in ("td", "th"):
                    continue
                inner = _Reader(self.allow_local_files)
                inner._block = Block()
                first = True
                for part in _cell_parts(cell):
                    if not first:
                        inner._spans.append((Span(br=True), True))
                    first = False
                    if isinstance(part, str):
                        inner.text(part, style)
                    else:
                        inner.walk(part, style)
                inner._guess_legacy()
                self.legacy.words += inner.legacy.words
                if inner.legacy.encodings:
                    self.legacy.encodings = (self.legacy.encodings or set()) | set(
                        inner.legacy.encodings
                    )
                self.pictures += inner.pictures
                self.dropped += inner.dropped
                spans = [s for s, _ in inner._spans]
                for block in inner.blocks:  # block elements inside a cell: their text joined
                    spans += ([Span(br=True)] if spans else []) + block.spans
                if not rows:  # the header row is bold by being the header
                    spans = [replace(s, bold=False) for s in spans]
                cells.append(_trim(spans))
            if cells:
                rows.append(cells)
        if rows:
            self.blocks.append(Block(kind="table", rows=rows, quote=self._quote))

    def _img(self, element: etree._Element, style: _Style) -> None:
        src = (element.get("src") or "").strip()
        alt = _SPACE.sub(" ", element.get("alt") or "").strip()
        title = _SPACE.sub(" ", element.get("title") or "").strip()
        picture = self._picture(src, alt)
        if picture is None:
            if src.startswith("/media/"):
                image = Image(src, alt, title)
                self._spans.append((Span(image=image, href=style.href), True))
            else:
                self.dropped += 1
            return
        self.pictures.append(picture)
        self._spans.append((Span(image=Image(picture.placeholder, alt, title)), True))

    def _picture(self, src: str, alt: str) -> Picture | None:
        number = len(self.pictures) + 1
        if src.startswith("data:image/") and ";base64," in src:
            kind = src[len("data:image/") : src.index(";")].lower()
            try:
                data = base64.b64decode(src.split(",", 1)[1], validate=False)
            except ValueError:
                return None
            suffix = {"jpeg": "jpg", "svg+xml": "svg"}.get(kind, kind)
            name = f"{_slug(alt) or 'anh'}-{number}.{suffix}"
            return Picture(name, data, f"pasted:{number}")
        if src.startswith("file:") and self.allow_local_files:
            path = Path(unquote(urlparse(src).path))
            if len(path.parts) > 1 and path.parts[1].endswith(":"):  # file:///C:/… on Windows
                path = Path(*path.parts[1:])
            try:
                data = path.read_bytes()
            except OSError:
                return None
            return Picture(path.name, data, f"pasted:{number}")
        return None

    def text(self, text: str | None, style: _Style) -> None:
        if not text:
            return
        if not style.code:
            text = _SPACE.sub(" ", text)
        decoded, encoding = decode_run(text, style.font)
        if encoding is not None:
            self.legacy.add(text, decoded, encoding)
        span = Span(decoded, style.bold, style.italic, style.code, style.href)
        self._spans.append((span, encoding is not None or bool(style.font and not encoding)))


def _nearest_table(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != "table":
        parent = parent.getparent()
    return parent


def _cell_parts(cell: etree._Element) -> list[etree._Element | str]:
    """A cell's paragraphs (each its own line) or its inline content as one part."""
    children = [c for c in cell if isinstance(c.tag, str)]
    if (
        children
        and all(c.tag.lower() in ("p", "div") for c in children)
        and not (cell.text or "").strip()
    ):
        return list(children)
    return [cell]


def _trim(spans: list[Span]) -> list[Span]:
    while spans and (spans[0].br or (spans[0].image is None and not spans[0].text.strip())):
        spans = spans[1:]
    while spans and (spans[-1].br or (spans[-1].image is None and not spans[-1].text.strip())):
        spans = spans[:-1]
    if spans and spans[0].image is None and not spans[0].br:
        spans[0] = replace(spans[0], text=spans[0].text.lstrip())
    if spans and spans[-1].image is None and not spans[-1].br:
        spans[-1] = replace(spans[-1], text=spans[-1].text.rstrip())
    out: list[Span] = []
    for span in spans:  # no blank at the start of a line
        if out and out[-1].br and span.image is None and not span.br:
            span = replace(span, text=span.text.lstrip())
        out.append(span)
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-")[:40]


_CONDITIONAL = re.compile(r"<!\[(?:if[^\]]*|endif)\]>", re.I)


def html_to_blocks(html: str, allow_local_files: bool = True) -> Imported:
    """Read clipboard or file HTML; see the module's docstring for what is kept."""
    if html.startswith("Version:"):  # a raw CF_HTML clipboard: its header before the markup
        html = html[html.find("<") :] if "<" in html else ""
    html = _CONDITIONAL.sub("", html)
    if not html.strip():
        return Imported("", [])
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return Imported("", [])
    for comment in root.xpath("//comment()"):
        if comment.getparent() is not None:
            comment.drop_tree()  # its tail (the text after it) stays
    body = root.find("body")
    reader = _Reader(allow_local_files)
    start = body if body is not None else root
    reader._children(start, _Style())
    reader.flush()
    blocks = [b for b in reader.blocks if b.kind != "paragraph" or b.spans]
    return Imported(to_markdown(blocks), blocks, reader.legacy, reader.pictures, reader.dropped)


def html_to_markdown(html: str) -> str:
    return html_to_blocks(html).markdown
