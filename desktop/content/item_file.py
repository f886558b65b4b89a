"""One file → an item's content: the reader behind ``items new``, ``items import`` and the
app's drag and drop (issue 20), so that a file gives the same draft whichever way it comes in.

``.md`` (Markdown with a YAML front matter; old TCVN3/VNI text converted, and said so) and
``.docx`` (python-docx: title, body, pictures). Anything else is not an item file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.models.errors import ErrorKind, KnownError

#: The files an import takes; others in the folder are skipped.
ITEM_SUFFIXES = (".md", ".docx")


class UnreadableFile(KnownError):
    code = "unreadable_file"
    kind = ErrorKind.INVALID

    def __init__(self, path: Path | str, vi: str, en: str) -> None:
        super().__init__(f"{path}: {en}")
        self.vi, self.en = vi, en


@dataclass
class ItemFile:
    """What a file gives: content fields (JSON form), pictures to attach, notes for the person
    (each a (vi, en) pair, e.g. "converted from TCVN3")."""

    content: dict[str, Any]
    pictures: list[tuple[str, bytes]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)


def is_item_file(path: Path) -> bool:
    return path.suffix.lower() in ITEM_SUFFIXES


def read_item_file(path: Path | str) -> ItemFile:
    """The content of a .md or .docx file; raises a ``KnownError`` saying what is wrong."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from desktop.content.docx_import import docx_content

        read = docx_content(path)  # DocxError (a KnownError) when it is no Word document
        return ItemFile(read.content, list(read.pictures))
    return read_markdown(path)


def read_markdown(path: Path | str) -> ItemFile:
    from desktop.content.frontmatter import parse
    from desktop.models.checks import source_url_problem
    from desktop.models.legacy import convert_file

    path = Path(path)
    try:
        conversion = convert_file(path.read_bytes())
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFile(
            path, f"không đọc được ({error}).", f"cannot read ({error})."
        ) from error
    text = conversion.text.replace("\r\n", "\n").replace("\r", "\n")
    notes = [(conversion.summary("vi"), conversion.summary("en"))] if conversion.changed else []
    try:
        content = parse(text)
    except KnownError as error:
        raise UnreadableFile(path, error.message("vi"), error.message("en")) from error
    source = content.get("source")
    url = source.get("url", "") if isinstance(source, dict) else ""
    problem = source_url_problem(url) if isinstance(url, str) else None
    if problem is not None:  # the portal would refuse every write of it
        vi, en = problem.message("vi"), problem.message("en")
        raise UnreadableFile(path, f"source: {vi}", f"source: {en}")
    return ItemFile(content, notes=notes)
