"""The body's document in and out of Markdown (the stored and synced format).

In: python-markdown reads the Markdown (without the typographic quotes of the portal's pages,
which would change the text on every save), nh3 keeps the allowed tags, and QTextDocument takes
the HTML: headings, lists, quotes, tables and images become its own blocks, lists and tables.
Out: the document is walked block by block into ``desktop.content.blocks`` and written by the
one Markdown writer. Markdown → document → Markdown gives back the same text for what the
writer writes (tests/ui/test_richtext_roundtrip.py, over the demo corpus).

An image that is alone in its paragraph and has a title shows that title as a caption: a block
of its own under the picture (``CAPTION``), written back as the image's title.
"""

from __future__ import annotations

import nh3
from PySide6.QtGui import (
    QColor,
    QTextBlock,
    QTextBlockFormat,
    QTextBlockUserData,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextImageFormat,
    QTextListFormat,
    QTextTable,
)

from desktop.content.blocks import Block, Cell, Image, Span, to_markdown
from desktop.models.render import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

# A block that is the caption of the image above it (its text is the image's title).
CAPTION = QTextFormat.Property.UserProperty + 1
OBJECT = "\ufffc"
LINE_BREAK = "\u2028"
_ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
_EDITOR_TAGS = set(ALLOWED_TAGS) | {"h1", "h5", "h6"}


def editor_html(text: str) -> str:
    """Markdown → the HTML the editor's document is built from (not the portal's page: no
    heading shift, no smart quotes; every image source kept, Qt never fetches one)."""
    import markdown  # ~40 ms: deferred until the first text is rendered (issue 21)

    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=_EDITOR_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        strip_comments=True,
    )


# -- in ------------------------------------------------------------------------------------------


def load_markdown(document: QTextDocument, text: str) -> None:
    """Replace the document's content with the Markdown ``text``."""
    document.setHtml(editor_html(text))
    mark_quotes(document)
    add_captions(document)
    document.clearUndoRedoStacks()
    document.setModified(False)


# Qt indents a quotation by this much per level (and marks only its first block).
QUOTE_INDENT = 40.0


def mark_quotes(document: QTextDocument) -> None:
    """Every block inside a quotation carries its level (Qt's HTML import marks the first)."""
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        level = round(fmt.leftMargin() / QUOTE_INDENT)
        if level and not fmt.property(QTextFormat.Property.BlockQuoteLevel):
            fmt.setProperty(QTextFormat.Property.BlockQuoteLevel, level)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def add_captions(document: QTextDocument) -> None:
    """Each lone image with a title gets its caption block below it."""
    block = document.begin()
    while block.isValid():
        image = lone_image(block)
        following = block.next()
        if image is not None and image.property(QTextFormat.Property.ImageTitle):
            title = str(image.property(QTextFormat.Property.ImageTitle))
            set_caption(document, block, title)
            following = block.next().next()
        block = following


def lone_image(block: QTextBlock) -> QTextImageFormat | None:
    """The image that is a block's only content, if it is one."""
    if block.text() != OBJECT:
        return None
    fragment = block.begin().fragment()
    fmt = fragment.charFormat()
    return fmt.toImageFormat() if fmt.isImageFormat() else None


def caption_format() -> tuple[QTextBlockFormat, QTextCharFormat]:
    block = QTextBlockFormat()
    block.setProperty(CAPTION, True)
    block.setTopMargin(0)
    block.setBottomMargin(10)
    char = QTextCharFormat()
    char.setFontItalic(True)
    char.setForeground(QColor("#555555"))
    return block, char


def set_caption(document: QTextDocument, image_block: QTextBlock, text: str) -> None:
    """Put ``text`` as the caption under the image of ``image_block`` (made if missing)."""
    cursor = QTextCursor(image_block)
    cursor.beginEditBlock()
    fmt = cursor.charFormat() if False else lone_image(image_block)
    if fmt is not None:  # the title lives in the caption block from now on
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(
            QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor
        )
        image = QTextImageFormat(fmt)
        image.clearProperty(QTextFormat.Property.ImageTitle)
        cursor.setCharFormat(image)
    following = image_block.next()
    block_fmt, char_fmt = caption_format()
    if following.isValid() and following.blockFormat().boolProperty(CAPTION):
        cursor = QTextCursor(following)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text, char_fmt)
    else:
        cursor = QTextCursor(image_block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(block_fmt, char_fmt)
        cursor.insertText(text, char_fmt)
    cursor.endEditBlock()


def is_caption(block: QTextBlock) -> bool:
    return block.blockFormat().boolProperty(CAPTION)


# -- out -----------------------------------------------------------------------------------------


def document_blocks(document: QTextDocument) -> list[Block]:
    blocks: list[Block] = []
    _frame_blocks(document.rootFrame(), blocks)
    return blocks


def document_to_markdown(document: QTextDocument) -> str:
    return to_markdown(document_blocks(document))


def _frame_blocks(frame: QTextFrame, out: list[Block]) -> None:
    it = frame.begin()
    while not it.atEnd():
        child = it.currentFrame()
        if child is not None:
            if isinstance(child, QTextTable):
                out.append(_table(child))
            else:
                _frame_blocks(child, out)
        else:
            block = it.currentBlock()
            if block.isValid():
                _add_block(block, out)
        it += 1


def _add_block(block: QTextBlock, out: list[Block]) -> None:
    fmt = block.blockFormat()
    quote = int(fmt.property(QTextFormat.Property.BlockQuoteLevel) or 0)
    if fmt.boolProperty(CAPTION):
        caption = block.text().replace(LINE_BREAK, " ").strip()
        previous = out[-1] if out else None
        if previous is not None and _lone_image_block(previous):
            image = previous.spans[0].image
            assert image is not None
            previous.spans[0] = Span(
                image=Image(image.src, image.alt, caption), href=previous.spans[0].href
            )
            return
        out.append(Block(spans=[Span(caption, italic=True)] if caption else [], quote=quote))
        return
    if fmt.hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth):
        out.append(Block(kind="rule"))
        return
    if fmt.nonBreakableLines():
        text = block.text()
        previous = out[-1] if out else None
        if previous is not None and previous.kind == "code" and previous.quote == quote:
            previous.text += "\n" + text
        else:
            out.append(Block(kind="code", text=text, quote=quote))
        return
    heading = fmt.headingLevel()
    spans = block_spans(block, heading=bool(heading))
    text_list = block.textList()
    if text_list is not None:
        list_fmt = text_list.format()
        out.append(
            Block(
                kind="item",
                spans=spans,
                level=max(list_fmt.indent(), 1),
                ordered=list_fmt.style() in _ORDERED,
                number=list_fmt.start() + text_list.itemNumber(block)
                if list_fmt.style() in _ORDERED
                else 1,
                quote=quote,
            )
        )
        return
    if heading:
        out.append(Block(kind="heading", spans=spans, level=heading, quote=quote))
        return
    out.append(Block(spans=spans, quote=quote))


def _lone_image_block(block: Block) -> bool:
    return block.kind == "paragraph" and len(block.spans) == 1 and block.spans[0].image is not None


class _Spans(QTextBlockUserData):
    """A block's runs as last read, kept until the block changes (``cache_spans``)."""

    def __init__(self, key: tuple[bool, bool], spans: list[Span]) -> None:
        super().__init__()
        self.key: tuple[bool, bool] | None = key
        self.spans = spans


def cache_spans(document: QTextDocument) -> None:
    """Keep each block's runs between two writes of the Markdown; a change to a block (its
    text or its formatting) forgets them. Writing a 5,000-word body then reads only what
    changed since the last save."""
    document.setProperty("cachesSpans", True)

    def forget(position: int, _removed: int, added: int) -> None:
        block = document.findBlock(position)
        end = position + added
        while block.isValid() and block.position() <= end:
            data = block.userData()
            if isinstance(data, _Spans):
                data.key = None
            block = block.next()

    document.contentsChange.connect(forget)


def block_spans(block: QTextBlock, heading: bool = False, header: bool = False) -> list[Span]:
    """A block's text runs; a heading's or a table header's bold is theirs, not **marked**."""
    document = block.document()
    if not document.property("cachesSpans"):
        return _read_spans(block, heading, header)
    data = block.userData()
    if isinstance(data, _Spans) and data.key == (heading, header):
        return list(data.spans)
    spans = _read_spans(block, heading, header)
    if isinstance(data, _Spans):
        data.key, data.spans = (heading, header), spans
    else:
        block.setUserData(_Spans((heading, header), spans))
    return list(spans)


def _read_spans(block: QTextBlock, heading: bool, header: bool) -> list[Span]:
    spans: list[Span] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        href = fmt.anchorHref() if fmt.isAnchor() else ""
        link_title = str(fmt.toolTip() or "") if href else ""
        if fmt.isImageFormat():
            image = fmt.toImageFormat()
            alt = image.property(QTextFormat.Property.ImageAltText)
            title = image.property(QTextFormat.Property.ImageTitle)
            for _ in fragment.text():
                spans.append(
                    Span(image=Image(image.name(), str(alt or ""), str(title or "")), href=href)
                )
            continue
        bold = fmt.fontWeight() >= 600 and not heading and not header
        italic = fmt.fontItalic()
        families = fmt.fontFamilies() or []
        code = fmt.fontFixedPitch() or "monospace" in [str(f).lower() for f in families]
        parts = fragment.text().replace(OBJECT, "").split(LINE_BREAK)
        for number, part in enumerate(parts):
            if number:
                spans.append(Span(br=True))
            if part:
                spans.append(Span(part, bold, italic, code, href, link_title=link_title))
    return spans


def _table(table: QTextTable) -> Block:
    rows: list[list[Cell]] = []
    for r in range(table.rows()):
        row: list[Cell] = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            if cell.row() != r or cell.column() != c:
                row.append([])  # a merged cell's other places
                continue
            spans: Cell = []
            it = cell.begin()
            while not it.atEnd():
                block = it.currentBlock()
                if block.isValid():
                    if spans:
                        spans.append(Span(br=True))
                    spans += block_spans(block, header=r == 0)
                it += 1
            row.append(spans)
        rows.append(row)
    return Block(kind="table", rows=rows)
