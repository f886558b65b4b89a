"""A Word document (.docx) → an item: its title, its body in Markdown, its pictures.

python-docx reads the document (paragraphs and tables in order, runs with their fonts, styles,
numbering and inline pictures); this module maps what it finds onto ``desktop.content.blocks``:

- the title comes from the paragraph in the *Title* style, else from the first heading;
- *Heading 1-3* (and deeper, as 3) become headings, an outline level counts as a heading too;
- paragraphs with numbering (their own or their style's) become list items, bulleted or
  numbered as the numbering's format says, nested by its level;
- bold and italic runs (their own or their character style's), links, line breaks;
- tables, the first row as the header; merged cells once;
- inline pictures become ``Picture``s for the caller to attach; the Markdown refers to them by a
  placeholder until their sha256 is known (``Imported.with_sources``);
- runs in the old .VnTime (TCVN3) or VNI fonts become Unicode (``legacy_runs``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.content.blocks import Block, Cell, Image, Span, to_markdown
from desktop.content.legacy_runs import LegacyTally, decode_run, guess_block
from desktop.models.errors import ErrorKind, KnownError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "v": "urn:schemas-microsoft-com:vml",
}
LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_HEADING = re.compile(r"^heading\s*(\d)$", re.I)


class DocxError(KnownError):
    code = "bad_docx"
    kind = ErrorKind.INVALID

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.vi = f"Không đọc được tệp Word “{name}” (chỉ nhận tệp .docx)."
        self.en = f"Cannot read the Word file “{name}” (only .docx files are read)."


@dataclass
class Picture:
    name: str
    data: bytes
    placeholder: str
    alt: str = ""


@dataclass
class DocxDocument:
    title: str
    blocks: list[Block]
    pictures: list[Picture] = field(default_factory=list)
    legacy: LegacyTally = field(default_factory=LegacyTally)

    @property
    def markdown(self) -> str:
        return to_markdown(self.blocks)

    @property
    def tables(self) -> int:
        return sum(1 for b in self.blocks if b.kind == "table")

    def with_sources(self, sources: dict[str, str]) -> str:
        """The Markdown with each picture's placeholder replaced by its address."""
        text = self.markdown
        for placeholder, src in sources.items():
            text = text.replace(f"]({placeholder}", f"]({src}")
        return text

    def summary(self, language: str, name: str) -> str:
        pictures, tables = len(self.pictures), self.tables
        legacy = self.legacy.summary(language)
        if language == "vi":
            text = f"Đã mở tệp Word “{name}”: {pictures} ảnh, {tables} bảng."
        else:
            text = f"Opened the Word file “{name}”: {pictures} pictures, {tables} tables."
        return f"{text} {legacy}".strip()


def read_docx(source: str | Path | bytes) -> DocxDocument:
    """Read a .docx file (a path or its bytes); ``DocxError`` when it is not one."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    name = Path(source).name if not isinstance(source, bytes) else "tệp"
    try:
        document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise DocxError(name) from error
    except Exception as error:  # a zip that is not a Word document: lxml, zipfile errors
        raise DocxError(name) from error
    return _Reader(document).read()


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.pictures: list[Picture] = []
        self.legacy = LegacyTally()
        self.numbering = _Numbering(document)
        self.default_font = _default_font(document)
        self.title = ""
        self.counters: dict[tuple[str, int], int] = {}
        self.indent = 0

    def read(self) -> DocxDocument:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        blocks: list[Block] = []
        indents: dict[int, int] = {}
        first_heading: int | None = None
        for part in self.document.iter_inner_content():
            if isinstance(part, Table):
                blocks.append(self.table(part))
                continue
            if not isinstance(part, Paragraph):
                continue
            style = _style_name(part)
            if style == "title" and not self.title:
                self.title = _plain(self.spans(part, heading=True))
                continue
            block = self.paragraph(part, style)
            if block is None:
                continue
            if block.kind == "heading" and first_heading is None:
                first_heading = len(blocks)
            if block.kind == "item":
                indents[len(blocks)] = self.indent
            blocks.append(block)
        _nest(blocks, indents)
        if not self.title and first_heading is not None:
            self.title = _plain(blocks[first_heading].spans)
            if first_heading == 0:
                blocks.pop(0)
        return DocxDocument(self.title, blocks, self.pictures, self.legacy)

    def paragraph(self, paragraph: Any, style: str) -> Block | None:
        heading = _heading_level(paragraph, style)
        spans = self.spans(paragraph, heading=bool(heading))
        if not any(s.image is not None or (s.text.strip() and not s.br) for s in spans):
            return None
        if heading:
            return Block(kind="heading", spans=spans, level=min(heading, 3))
        listed = self.numbering.of(paragraph)
        if listed is not None:
            num_id, level, ordered = listed
            self.indent = self.numbering.indent(paragraph, num_id, level)
            for key in [k for k in self.counters if k[0] == num_id and k[1] > level]:
                del self.counters[key]
            number = self.counters.get((num_id, level), 0) + 1
            self.counters[(num_id, level)] = number
            return Block(kind="item", spans=spans, level=level + 1, ordered=ordered, number=number)
        if style in ("quote", "intense quote"):
            return Block(spans=spans, quote=1)
        return Block(spans=spans)

    def spans(self, paragraph: Any, heading: bool = False) -> list[Span]:
        from docx.text.hyperlink import Hyperlink

        out: list[tuple[Span, bool]] = []
        for part in paragraph.iter_inner_content():
            if isinstance(part, Hyperlink):
                url = part.url or ""
                href = url if url.startswith(LINK_SCHEMES) else ""
                for run in part.runs:
                    out += self.run(run, paragraph, heading, href)
            else:
                out += self.run(part, paragraph, heading, "")
        loose = [k for k, (span, decided) in enumerate(out) if not decided and span.text]
        if loose:
            texts = [out[k][0].text for k in loose]
            converted, encoding = guess_block(texts)
            if encoding is not None:
                for k, before, after in zip(loose, texts, converted, strict=True):
                    self.legacy.add(before, after, encoding)
                    span = out[k][0]
                    out[k] = (Span(after, span.bold, span.italic, span.code, span.href), True)
        return _trim([span for span, _ in out])

    def run(self, run: Any, paragraph: Any, heading: bool, href: str) -> list[tuple[Span, bool]]:
        out: list[tuple[Span, bool]] = []
        for picture in self.run_pictures(run):
            out.append((Span(image=Image(picture.placeholder, picture.alt), href=href), True))
        text = run.text
        if not text:
            return out
        bold = not heading and bool(_inherited(run, "bold"))
        italic = bool(_inherited(run, "italic"))
        font = _font(run, paragraph) or self.default_font
        decoded, encoding = decode_run(text.replace("\t", " "), font)
        if encoding is not None:
            self.legacy.add(text, decoded, encoding)
        decided = encoding is not None or bool(font)
        for number, line in enumerate(decoded.split("\n")):
            if number:
                out.append((Span(br=True), True))
            if line:
                out.append((Span(line, bold, italic, False, href), decided))
        return out

    def run_pictures(self, run: Any) -> Iterator[Picture]:
        element = run._r
        for blip in element.xpath(".//a:blip"):
            rid = blip.get(f"{{{NS['r']}}}embed")
            part = self.document.part.related_parts.get(rid) if rid else None
            if part is None or not hasattr(part, "blob"):
                continue
            alt = ""
            for doc_pr in element.xpath(".//wp:docPr"):
                alt = doc_pr.get("descr") or doc_pr.get("title") or ""
            number = len(self.pictures) + 1
            suffix = Path(str(getattr(part, "partname", "image.png"))).suffix or ".png"
            picture = Picture(f"anh-{number}{suffix}", part.blob, f"docx:{number}", alt.strip())
            self.pictures.append(picture)
            yield picture

    def table(self, table: Any) -> Block:
        rows: list[list[Cell]] = []
        for row in table.rows:
            cells: list[Cell] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                spans: Cell = []
                for paragraph in cell.paragraphs:
                    found = self.spans(paragraph)
                    if found:
                        spans += ([Span(br=True)] if spans else []) + found
                if not rows:  # the header row is bold by being the header
                    spans = [
                        Span(s.text, False, s.italic, s.code, s.href, s.image, s.br) for s in spans
                    ]
                cells.append(spans)
            rows.append(cells)
        return Block(kind="table", rows=rows)


class _Numbering:
    """Which paragraphs are list items: their level and whether they are numbered."""

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, int], str] = {}
        self.indents: dict[tuple[str, int], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for node in root.findall(f"{{{W}}}abstractNum"):
            levels: dict[int, tuple[str, int]] = {}
            for lvl in node.findall(f"{{{W}}}lvl"):
                fmt = lvl.find(f"{{{W}}}numFmt")
                number = int(lvl.get(f"{{{W}}}ilvl", "0"))
                levels[number] = (
                    fmt.get(f"{{{W}}}val", "decimal") if fmt is not None else "decimal",
                    _indent(lvl) or 720 * (number + 1),
                )
            abstract[node.get(f"{{{W}}}abstractNumId", "")] = levels
        for num in root.findall(f"{{{W}}}num"):
            ref = num.find(f"{{{W}}}abstractNumId")
            if ref is None:
                continue
            for level, (fmt, indent) in abstract.get(ref.get(f"{{{W}}}val", ""), {}).items():
                self.formats[(num.get(f"{{{W}}}numId", ""), level)] = fmt
                self.indents[(num.get(f"{{{W}}}numId", ""), level)] = indent

    def indent(self, paragraph: Any, num_id: str, level: int) -> int:
        """How far the item stands in (twips): its own indentation, else its numbering's."""
        return _indent(paragraph._p.find(f"{{{W}}}pPr")) or self.indents.get(
            (num_id, level), 720 * (level + 1)
        )

    def of(self, paragraph: Any) -> tuple[str, int, bool] | None:
        num_id, level = _num_pr(paragraph._p)
        style = paragraph.style
        while num_id is None and style is not None:
            num_id, style_level = _num_pr(style.element)
            level = level if level is not None else style_level
            style = style.base_style
        if num_id is None or num_id == "0":
            name = _style_name(paragraph)
            match = re.match(r"list (bullet|number)\s*(\d?)$", name)
            if not match:
                return None
            return (
                f"style:{match.group(1)}",
                int(match.group(2) or 1) - 1,
                match.group(1) == "number",
            )
        level = level or 0
        fmt = self.formats.get((num_id, level), "bullet")
        return num_id, level, fmt not in ("bullet", "none")


def _num_pr(element: Any) -> tuple[str | None, int | None]:
    found = element.find(f"{{{W}}}pPr/{{{W}}}numPr")
    if found is None:
        return None, None
    num = found.find(f"{{{W}}}numId")
    lvl = found.find(f"{{{W}}}ilvl")
    return (
        num.get(f"{{{W}}}val") if num is not None else None,
        int(lvl.get(f"{{{W}}}val", "0")) if lvl is not None else None,
    )


def _indent(element: Any) -> int:
    if element is None:
        return 0
    ind = element.find(f"{{{W}}}ind") if element.tag != f"{{{W}}}ind" else element
    if ind is None and element.find(f"{{{W}}}pPr") is not None:
        ind = element.find(f"{{{W}}}pPr/{{{W}}}ind")
    if ind is None:
        return 0
    value = ind.get(f"{{{W}}}left") or ind.get(f"{{{W}}}start") or "0"
    try:
        return int(value)
    except ValueError:
        return 0


def _nest(blocks: list[Block], indents: dict[int, int]) -> None:
    """List depth from how far items stand in, so a "List Bullet 2" under "List Bullet" (its
    own numbering at level 0) is nested as Word shows it."""
    stack: list[int] = []
    for position, block in enumerate(blocks):
        if block.kind != "item":
            stack = []
            continue
        indent = indents.get(position, 0)
        while stack and indent < stack[-1] - 60:
            stack.pop()
        if not stack or indent > stack[-1] + 60:
            stack.append(indent)
        block.level = max(len(stack), 1)


def _style_name(paragraph: Any) -> str:
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return ""
    return (style.name or "").strip().lower() if style is not None else ""


def _heading_level(paragraph: Any, style: str) -> int:
    match = _HEADING.match(style)
    if match:
        return max(int(match.group(1)), 1)
    outline = paragraph._p.find(f"{{{W}}}pPr/{{{W}}}outlineLvl")
    if outline is not None:
        value = int(outline.get(f"{{{W}}}val", "9"))
        return value + 1 if value < 6 else 0
    return 0


def _inherited(run: Any, name: str) -> bool | None:
    value = getattr(run, name)
    if value is not None:
        return bool(value)
    style = run.style
    while style is not None:
        found = getattr(style.font, name)
        if found is not None:
            return bool(found)
        style = style.base_style
    return None


def _font(run: Any, paragraph: Any) -> str:
    if run.font.name:
        return str(run.font.name)
    for start in (run.style, paragraph.style):
        style = start
        while style is not None:
            if style.font.name:
                return str(style.font.name)
            style = style.base_style
    return ""


def _default_font(document: Any) -> str:
    found = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    return str(found[0].get(f"{{{W}}}ascii") or "") if found else ""


def _plain(spans: list[Span]) -> str:
    return " ".join("".join(" " if s.br else s.text for s in spans).split())


def _trim(spans: list[Span]) -> list[Span]:
    from desktop.content.html_import import _trim as trim

    return trim(spans)


@dataclass
class DocxContent:
    """What ``items new --file F.docx`` stores: the content fields, and the pictures (made
    ready for upload) the body refers to as ``/media/<sha256>``."""

    content: dict[str, Any]
    pictures: list[tuple[str, bytes]]
    document: DocxDocument


def docx_content(source: str | Path | bytes) -> DocxContent:
    import hashlib

    from desktop.content.images import prepare_image
    from desktop.models.render import MEDIA_PREFIX

    document = read_docx(source)
    sources: dict[str, str] = {}
    pictures: list[tuple[str, bytes]] = []
    for picture in document.pictures:
        prepared = prepare_image(picture.name, picture.data)
        sources[picture.placeholder] = MEDIA_PREFIX + hashlib.sha256(prepared.data).hexdigest()
        pictures.append((prepared.name, prepared.data))
    content: dict[str, Any] = {"body": document.with_sources(sources)}
    if document.title:
        content["title"] = document.title
    return DocxContent(content, pictures, document)
