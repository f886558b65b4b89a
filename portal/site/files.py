"""Files' names: kept with each blob at upload, shown on the public page, sent with a download.

A name comes from the uploader's disk, so it is cleaned before it is kept: NFC, no folders,
no control characters, at most 255 characters. Blobs stored before names were kept (revision
0011) are shown as "Tệp đính kèm 1.pdf": the word, the position and the type's extension.
"""

from __future__ import annotations

import mimetypes
import unicodedata
from urllib.parse import quote

from desktop.models import fold

MAX_NAME = 255

#: Extensions of the types a board uploads, where ``mimetypes`` would pick an odd one.
_EXTENSIONS = {
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


def clean_file_name(name: str) -> str:
    """The name to keep: its last path part, NFC, without control characters, trimmed."""
    text = unicodedata.normalize("NFC", name or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    text = " ".join(text.split()).strip(" .")
    return text[:MAX_NAME]


def extension(content_type: str) -> str:
    base = content_type.split(";", 1)[0].strip().lower()
    return _EXTENSIONS.get(base) or mimetypes.guess_extension(base) or ""


def shown_name(name: str | None, content_type: str, position: int, language: str = "vi") -> str:
    """The link text of a file: its kept name, else the word, its position and its extension."""
    if name:
        return name
    word = "Tệp đính kèm" if language == "vi" else "Attachment"
    return f"{word} {position}{extension(content_type)}"


def content_disposition(kind: str, name: str | None) -> str:
    """``inline`` or ``attachment``, with the name for "Save as" (RFC 6266: ASCII and UTF-8)."""
    if not name:
        return kind
    ascii_name = unicodedata.normalize("NFKD", fold(name)).encode("ascii", "ignore").decode()
    ascii_name = "".join(c for c in ascii_name if c.isalnum() or c in " ._-()")
    ascii_name = " ".join(ascii_name.split()) or "file"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"
