"""Runs of text in the old Vietnamese fonts, as Word and LibreOffice hand them over.

A Word document or a clipboard from an old file names the font of each run. A run in a TCVN3
(ABC) font (``.VnTime``, ``.VnArial``…; the ``…H`` fonts draw capitals) or a VNI font
(``VNI-Times``…) holds legacy bytes: the font says which table to read them with, so no guess is
needed (``desktop.models.legacy`` does the reading). Text whose font says nothing is left to the
guessing ``convert_text`` of the whole block.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.legacy import convert_text, decode, decode_tcvn3, decode_vni


def font_encoding(font: str | None) -> str | None:
    """ "tcvn3", "tcvn3h" (capitals font) or "vni" for a legacy font name, else None."""
    if not font:
        return None
    name = font.strip().strip("'\"").lower()
    if name.startswith(".vn"):
        return "tcvn3h" if name.endswith("h") else "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def decode_run(text: str, font: str | None) -> tuple[str, str | None]:
    """The run's text in Unicode, and the encoding used (None: nothing to do)."""
    encoding = font_encoding(font)
    if encoding is None:
        return text, None
    if encoding == "tcvn3h":
        decoded = decode_tcvn3(text).upper()
    elif encoding == "tcvn3":
        decoded = decode_tcvn3(text)
    else:
        decoded = decode_vni(text)
    return decoded, (encoding if decoded != text else None)


@dataclass
class LegacyTally:
    """How many words came from which old encoding (for the message after a paste or import)."""

    words: int = 0
    encodings: set[str] | None = None

    def add(self, before: str, after: str, encoding: str) -> None:
        if before == after:
            return
        self.words += len(after.split())
        self.encodings = (self.encodings or set()) | {
            "TCVN3" if encoding.startswith("tcvn3") else "VNI"
        }

    def summary(self, language: str = "vi") -> str:
        if not self.words:
            return ""
        names = ", ".join(sorted(self.encodings or ()))
        if language == "vi":
            return f"Đã chuyển {self.words} từ từ phông {names} sang Unicode."
        return f"Converted {self.words} words from {names} to Unicode."


def guess_block(texts: list[str]) -> tuple[list[str], str | None]:
    """Texts of one block that named no font, converted together when they read as legacy."""
    joined = "".join(texts)
    if not joined.strip():
        return texts, None
    conversion = convert_text(joined)
    if not conversion.changed or conversion.is_unsure:
        return texts, None
    encoding = conversion.changed[0].encoding
    return [decode(text, encoding) for text in texts], encoding
