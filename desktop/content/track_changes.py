"""What the previous step changed, shown as Word's track changes: the item rendered as the portal
shows it, with inserted words marked green and deleted words struck through in red, word by
word, headings, lists and tables in place, and a count ("3 đoạn sửa, 12 từ thêm, 4 từ bỏ").

Both versions are rendered by the portal's renderer (``desktop.models.render``) and read into
"leaves": the paragraphs, headings, list items and table cells that hold text. The leaves are
aligned (difflib over their text, then the most alike paired inside a changed stretch); a paired
leaf is compared word by word, formatting included; a leaf only in the new version is all
inserted, one only in the old version is put back where it was, all struck through.

Also here: the version numbers people see count handovers (submit, forward, approve…), not the
saves in between (``handover_numbers``).
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from desktop.models.render import render_markdown

INSERTED = "background-color:#c8f0cf;color:#0b3d14;text-decoration:none;"
DELETED = "background-color:#f8cdd0;color:#5c0a10;text-decoration:line-through;"
_LEAVES = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "th", "td", "pre", "figcaption"}
_INLINE = {"strong": "strong", "b": "strong", "em": "em", "i": "em", "code": "code", "a": "a",
           "sub": "sub", "sup": "sup", "s": "s", "u": "u"}  # fmt: skip
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
#: The workflow's handovers (a step's version); every other version is a save in between.
HANDOVERS = frozenset(
    {"submit", "forward", "approve", "return", "reject", "withdraw", "take_down", "publish"}
)


@dataclass(frozen=True)
class _Token:
    text: str  # a word, a run of blanks, or an image's markup
    wrap: tuple[tuple[str, str], ...] = ()  # (tag, href) from outside in
    image: bool = False

    @property
    def is_word(self) -> bool:
        """A word or a picture (what the counts count); not a blank, not punctuation."""
        return self.image or any(c.isalnum() for c in self.text)

    @property
    def is_blank(self) -> bool:
        return not self.image and self.text.isspace()

    def html(self) -> str:
        if self.image:
            return self.text
        out = html.escape(self.text)
        for tag, href in reversed(self.wrap):
            attrs = f' href="{html.escape(href)}"' if tag == "a" and href else ""
            out = f"<{tag}{attrs}>{out}</{tag}>"
        return out


@dataclass
class _Leaf:
    element: Any
    tokens: list[_Token]

    @property
    def text(self) -> str:
        return "".join(t.text for t in self.tokens if not t.image).strip()

    @property
    def key(self) -> tuple[_Token, ...]:
        return tuple(self.tokens)


@dataclass
class TrackedChanges:
    html: str
    paragraphs: int = 0  # leaves changed, added or removed
    added: int = 0  # words
    removed: int = 0

    def add(self, other: TrackedChanges) -> None:
        self.paragraphs += other.paragraphs
        self.added += other.added
        self.removed += other.removed

    @property
    def changed(self) -> bool:
        return bool(self.paragraphs)

    def summary(self, language: str = "vi") -> str:
        if language == "vi":
            if not self.changed:
                return "Không có thay đổi."
            return f"{self.paragraphs} đoạn sửa, {self.added} từ thêm, {self.removed} từ bỏ"
        if not self.changed:
            return "No changes."
        return (
            f"{self.paragraphs} paragraph{'s' * (self.paragraphs != 1)} changed, "
            f"{self.added} word{'s' * (self.added != 1)} added, "
            f"{self.removed} word{'s' * (self.removed != 1)} removed"
        )


# -- reading the rendered HTML into leaves -------------------------------------------------------


def _tree(markdown: str) -> Any:
    return lxml.html.fragment_fromstring(
        render_markdown(markdown) or "<p></p>", create_parent="div"
    )


def _leaves(root: Any) -> list[_Leaf]:
    found: list[_Leaf] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _LEAVES:
            continue
        if element.tag == "li" and any(
            isinstance(c.tag, str) and c.tag in ("p", "pre") for c in element
        ):
            continue  # a loose list item: its paragraphs are the leaves
        found.append(_Leaf(element, list(_inline_tokens(element, ()))))
    return found


def _inline_tokens(element: Any, wrap: tuple[tuple[str, str], ...]) -> Iterable[_Token]:
    yield from _text_tokens(element.text, wrap)
    for child in element:
        if not isinstance(child.tag, str):
            yield from _text_tokens(child.tail, wrap)
            continue
        if child.tag in ("ul", "ol", "table") or child.tag in _LEAVES:
            yield from _text_tokens(child.tail, wrap)
            continue  # a nested list or block: its own leaves
        if child.tag == "img":
            yield _Token(etree.tostring(child, encoding="unicode", with_tail=False), image=True)
        elif child.tag == "br":
            yield _Token("\n")
        else:
            tag = _INLINE.get(child.tag)
            inner = (*wrap, (tag, child.get("href", ""))) if tag else wrap
            yield from _inline_tokens(child, inner)
        yield from _text_tokens(child.tail, wrap)


def _text_tokens(text: str | None, wrap: tuple[tuple[str, str], ...]) -> Iterable[_Token]:
    for part in _TOKEN.findall(text or ""):
        yield _Token(" " if part.isspace() else part, wrap)


# -- comparing -----------------------------------------------------------------------------------


def _words(tokens: Iterable[_Token]) -> int:
    return sum(1 for t in tokens if t.is_word)


def _html(tokens: list[_Token]) -> str:
    """Tokens as HTML, neighbours with the same formatting in one element."""
    out: list[str] = []
    run: list[_Token] = []
    for token in [*tokens, None]:
        if run and (token is None or token.image or run[-1].image or token.wrap != run[0].wrap):
            if run[0].image:
                out.append(run[0].text)
            else:
                out.append(_Token("".join(t.text for t in run), run[0].wrap).html())
            run = []
        if token is not None:
            run.append(token)
    return "".join(out)


def _mark(tokens: list[_Token], style: str) -> str:
    """A run of tokens marked; blanks at its edges left outside the mark."""
    while tokens and tokens[0].is_blank:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_blank:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return f'<span style="{style}">{_html(tokens)}</span>'


def diff_tokens(old: list[_Token], new: list[_Token]) -> tuple[str, int, int]:
    """One leaf's words compared: (HTML, words added, words removed)."""
    parts: list[str] = []
    added = removed = 0
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in _merged(matcher.get_opcodes(), old):
        if op == "equal":
            parts.append(_html(new[j1:j2]))
            continue
        gone, came = old[i1:i2], new[j1:j2]
        removed += _words(gone)
        added += _words(came)
        marked = [m for m in (_mark(gone, DELETED), _mark(came, INSERTED)) if m]
        lead = " " if (gone or came)[0].is_blank else ""
        trail = " " if (came or gone)[-1].is_blank else ""
        parts.append(lead + " ".join(marked) + trail)
    return "".join(parts).replace("\n", "<br>"), added, removed


Opcode = tuple[str, int, int, int, int]


def _merged(opcodes: list[Any], old: list[_Token]) -> list[Opcode]:
    """Changes separated by nothing but a blank read as one ("[-tập trung] [+khẩn trương]",
    not "[-tập] [+khẩn] [-trung] [+trương]")."""
    out: list[Opcode] = []
    for op in opcodes:
        tag, i1, i2, j1, j2 = op
        if (
            len(out) >= 2
            and tag != "equal"
            and out[-1][0] == "equal"
            and out[-2][0] != "equal"
            and all(t.is_blank for t in old[out[-1][1] : out[-1][2]])
        ):
            out.pop()
            first = out.pop()
            out.append(("replace", first[1], i2, first[3], j2))
            continue
        out.append((tag, i1, i2, j1, j2))
    return out


def _similar(a: _Leaf, b: _Leaf) -> float:
    return difflib.SequenceMatcher(None, a.text.split(), b.text.split(), autojunk=False).ratio()


def _align(old: list[_Leaf], new: list[_Leaf]) -> list[tuple[int | None, int | None]]:
    """Pairs (old index, new index); None on one side for a leaf only on the other."""
    pairs: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(
        None, [leaf.key for leaf in old], [leaf.key for leaf in new], autojunk=False
    )
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += [(i1 + k, j1 + k) for k in range(i2 - i1)]
            continue
        i = i1
        for j in range(j1, j2):
            best, best_score = None, 0.34
            for k in range(i, i2):
                cells = {old[k].element.tag, new[j].element.tag} <= {"td", "th"}
                score = 1.0 if cells and k - i1 == j - j1 else _similar(old[k], new[j])
                if score > best_score:
                    best, best_score = k, score
            if best is None:
                pairs.append((None, j))
                continue
            pairs += [(k, None) for k in range(i, best)]
            pairs.append((best, j))
            i = best + 1
        pairs += [(k, None) for k in range(i, i2)]
    return pairs


def _fill(element: Any, markup: str) -> None:
    for child in list(element):
        if not isinstance(child.tag, str) or child.tag not in ("ul", "ol", "table"):
            element.remove(child)
    nested = list(element)
    element.text = None
    fragment = lxml.html.fragment_fromstring(f"<span>{markup}</span>")
    element.text = fragment.text
    for position, child in enumerate(fragment):
        element.insert(position, child)
    for child in nested:
        element.remove(child)
        element.append(child)


def _deleted_element(leaf: _Leaf, anchor: Any | None) -> tuple[Any, Any | None]:
    """An element for a removed leaf, and where to put it (before ``anchor``'s block)."""
    tag = leaf.element.tag
    markup = _mark(leaf.tokens, DELETED)
    if tag in ("td", "th"):
        row = lxml.html.fragment_fromstring(f"<tr><td>{markup}</td></tr>")
        target = anchor.getparent() if anchor is not None and anchor.tag in ("td", "th") else None
        if target is not None:
            return row, target
        return lxml.html.fragment_fromstring(f"<p>{markup}</p>"), anchor
    if tag == "li" and anchor is not None and anchor.tag == "li":
        return lxml.html.fragment_fromstring(f"<li>{markup}</li>"), anchor
    if tag in ("h1", "h2", "h3", "h4") and (anchor is None or anchor.tag not in ("li", "td", "th")):
        return lxml.html.fragment_fromstring(f"<{tag}>{markup}</{tag}>"), anchor
    return lxml.html.fragment_fromstring(f"<p>{markup}</p>"), _block_of(anchor)


def _block_of(element: Any | None) -> Any | None:
    """The outermost block under the root that holds ``element`` (a list, a table, a quote)."""
    if element is None:
        return None
    while element.getparent() is not None and element.getparent().getparent() is not None:
        element = element.getparent()
    return element


def track_changes(old: str, new: str) -> TrackedChanges:
    """The new Markdown rendered with what changed since the old one marked (see the module)."""
    old_root, new_root = _tree(old), _tree(new)
    old_leaves, new_leaves = _leaves(old_root), _leaves(new_root)
    result = TrackedChanges("")
    pending: list[_Leaf] = []  # removed leaves waiting for the next new leaf to go before
    placements: list[tuple[_Leaf, Any | None]] = []
    last_cell: Any | None = None  # the last cell of the new version met so far
    removed_rows: dict[int, tuple[Any, list[_Leaf]]] = {}  # old row → (new row after, cells)
    for i, j in _align(old_leaves, new_leaves):
        if j is None:
            assert i is not None
            gone = old_leaves[i]
            result.paragraphs += 1
            result.removed += _words(gone.tokens)
            if gone.element.tag in ("td", "th") and last_cell is not None:
                row = gone.element.getparent()
                removed_rows.setdefault(id(row), (last_cell.getparent(), []))[1].append(gone)
            else:
                pending.append(gone)
            continue
        leaf = new_leaves[j]
        if leaf.element.tag in ("td", "th"):
            last_cell = leaf.element
        placements += [(gone, leaf.element) for gone in pending]
        pending = []
        if i is None:
            _fill(leaf.element, _mark(leaf.tokens, INSERTED))
            result.paragraphs += 1
            result.added += _words(leaf.tokens)
            continue
        if old_leaves[i].key == leaf.key:
            continue
        markup, added, removed = diff_tokens(old_leaves[i].tokens, leaf.tokens)
        _fill(leaf.element, markup)
        result.paragraphs += 1
        result.added += added
        result.removed += removed
    placements += [(gone, None) for gone in pending]
    for after, cells in reversed(list(removed_rows.values())):
        marked = "".join(f"<td>{_mark(cell.tokens, DELETED)}</td>" for cell in cells)
        after.addnext(lxml.html.fragment_fromstring(f"<tr>{marked}</tr>"))
    for gone, anchor in placements:
        element, before = _deleted_element(gone, anchor)
        if before is None or before.getparent() is None:
            new_root.append(element)
        else:
            before.addprevious(element)
    result.html = "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in new_root
    )
    return result


def text_changes(old: str, new: str) -> TrackedChanges:
    """A one-line field (title, summary) compared word by word."""
    old_tokens = list(_text_tokens(old, ()))
    new_tokens = list(_text_tokens(new, ()))
    if old_tokens == new_tokens:
        return TrackedChanges(html.escape(new))
    markup, added, removed = diff_tokens(old_tokens, new_tokens)
    return TrackedChanges(markup, 1, added, removed)


@dataclass
class Handovers:
    """Version numbers as people count them: 1 for the first handover (the submit), 2 for the
    next (the forward), and so on; the saves in between have none."""

    numbers: dict[int, int] = field(default_factory=dict)

    def label(self, version: int) -> str:
        number = self.numbers.get(version)
        return str(number) if number is not None else ""

    def of(self, version: int) -> int | None:
        return self.numbers.get(version)


def handover_numbers(steps: Iterable[tuple[int, str]]) -> Handovers:
    """``steps``: (server version, action) of the history, in any order."""
    numbers: dict[int, int] = {}
    for version, action in sorted(steps):
        if action in HANDOVERS and version not in numbers:
            numbers[version] = len(numbers) + 1
    return Handovers(numbers)
