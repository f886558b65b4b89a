"""Text from old Vietnamese documents: TCVN3 (ABC) and VNI → Unicode NFC (BD-10, issue 7).

Word files from before Unicode used 8-bit fonts: ``.VnTime``/``.VnTimeH`` (TCVN3, ABC) and
``VNI-Times`` (VNI). Pasted or read as Windows-1252 they look like ``QuyÕt ®Þnh sè`` or
``Quyeát ñònh soá``. We map such text back to its bytes through cp1252, decode each way,
and keep whichever reading makes the most words real Vietnamese syllables, line by line, so a
Unicode paragraph next to a pasted one stays as it is. The tables below are our own, written
from the public facts (TCVN 5712:1993 as in glibc's ``TCVN5712-1`` charmap, bytes 0xA1-0xFF
only, and the VNI-Windows layout); see docs/legacy-text.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Encoding = Literal["unicode", "tcvn3", "vni"]
LEGACY: tuple[Encoding, ...] = ("tcvn3", "vni")
FONTS: dict[str, str] = {"tcvn3": ".VnTime", "tcvn3h": ".VnTimeH", "vni": "VNI-Times"}

# -- Windows-1252 as a byte map -------------------------------------------------------------------


def _cp1252_chars() -> str:
    """Byte → character; the five bytes cp1252 leaves undefined read as the C1 control of that
    value, which is what Windows' clipboard and Python's latin-1 give for them."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


_CP1252 = _cp1252_chars()
_BYTE_OF: dict[str, int] = {c: b for b, c in enumerate(_CP1252)}
for _b in range(0x80, 0xA0):  # the same bytes read as latin-1 instead of cp1252
    _BYTE_OF.setdefault(chr(_b), _b)

# -- TCVN3 (ABC): one byte per letter -------------------------------------------------------------

_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
TONE_MARKS = frozenset((_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT))

# Bytes 0xA1-0xFF. The ABC fonts have lowercase letters with tones, the seven bare uppercase
# letters and five combining tones (0xB0-0xB4); the few uppercase letters with tones in the
# gaps come from TCVN 5712 VN1. Uppercase with tones was written with .VnTimeH fonts instead,
# which draw the lowercase byte values as capitals.
_TCVN3_HIGH = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ"  # A1-AF
    f"{_GRAVE}{_HOOK}{_TILDE}{_ACUTE}{_DOT}àảãáạẲằẳẵắẴ"  # B0-BF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0-CF
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0-DF
    "Ổỏõóọồổỗốộờởỡớợù"  # E0-EF
    "Ỗủũúụừửữứựỳỷỹýỵ" + "Ố"  # F0-FF
)
assert len(_TCVN3_HIGH) == 0xFF - 0xA1 + 1
_TCVN3_DECODE: dict[int, str] = {0xA1 + i: c for i, c in enumerate(_TCVN3_HIGH)}
_TCVN3_ENCODE: dict[str, int] = {
    c: b for b, c in _TCVN3_DECODE.items() if not unicodedata.combining(c)
}

# -- VNI: a base letter followed by a mark byte ---------------------------------------------------

# Lowercase mark byte → (vowel shape, tone); the uppercase mark is the byte 0x20 lower.
_VNI_MARKS: dict[int, tuple[str, str]] = {
    0xE2: (_CIRCUMFLEX, ""),
    0xE1: (_CIRCUMFLEX, _ACUTE),
    0xE0: (_CIRCUMFLEX, _GRAVE),
    0xE5: (_CIRCUMFLEX, _HOOK),
    0xE3: (_CIRCUMFLEX, _TILDE),
    0xE4: (_CIRCUMFLEX, _DOT),
    0xEA: (_BREVE, ""),
    0xE9: (_BREVE, _ACUTE),
    0xE8: (_BREVE, _GRAVE),
    0xFA: (_BREVE, _HOOK),
    0xFC: (_BREVE, _TILDE),
    0xEB: (_BREVE, _DOT),
    0xF9: ("", _ACUTE),
    0xF8: ("", _GRAVE),
    0xFB: ("", _HOOK),
    0xF5: ("", _TILDE),
    0xEF: ("", _DOT),
}
_VNI_MARKS.update({b - 0x20: shape_tone for b, shape_tone in list(_VNI_MARKS.items())})
_VNI_MARK_BYTE: dict[tuple[str, str], int] = {v: b for b, v in _VNI_MARKS.items() if b >= 0xE0}

# Letters VNI writes in one byte: đ, ơ and ư (which still take a tone byte after them),
# i with each tone, and ỵ.
_VNI_SINGLE: dict[int, str] = {
    0xF1: "đ",
    0xF4: "ơ",
    0xF6: "ư",
    0xED: "í",
    0xEC: "ì",
    0xE6: "ỉ",
    0xF3: "ĩ",
    0xF2: "ị",
    0xEE: "ỵ",
}
_VNI_SINGLE.update({b - 0x20: c.upper() for b, c in list(_VNI_SINGLE.items())})
_VNI_SINGLE_BYTE: dict[str, int] = {c: b for b, c in _VNI_SINGLE.items()}
_VNI_BASES = frozenset("aeouyAEOUY") | {"ơ", "ư", "Ơ", "Ư"}


def _vni_compatible(base: str, shape: str) -> bool:
    low = base.lower()
    if shape == _CIRCUMFLEX:
        return low in "aeo"
    if shape == _BREVE:
        return low == "a"
    return True


# -- Byte-level decoders over cp1252-read text ----------------------------------------------------


def _as_bytes(text: str) -> list[int | None]:
    """Each character's legacy byte, or None for characters no 8-bit font could have produced."""
    return [_BYTE_OF.get(c) for c in text]


def decode_tcvn3(text: str) -> str:
    """Read cp1252-seen text as TCVN3 bytes; characters that are not such bytes pass through."""
    out = []
    for ch, b in zip(text, _as_bytes(text), strict=True):
        out.append(_TCVN3_DECODE.get(b, ch) if b is not None else ch)
    return unicodedata.normalize("NFC", "".join(out))


def decode_vni(text: str) -> str:
    """Read cp1252-seen text as VNI bytes; a mark byte with no base before it stays as it is."""
    codes = _as_bytes(text)
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        b = codes[i]
        if b is None:
            out.append(text[i])
            i += 1
            continue
        base = _VNI_SINGLE.get(b, _CP1252[b])
        nxt = codes[i + 1] if i + 1 < n else None
        if base in _VNI_BASES and nxt is not None and nxt in _VNI_MARKS:
            shape, tone = _VNI_MARKS[nxt]
            if _vni_compatible(base, shape) and not (shape and base.lower() in "ơư"):
                out.append(unicodedata.normalize("NFC", base + shape + tone))
                i += 2
                continue
        out.append(_VNI_SINGLE.get(b, text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def _uppercase_font(decoded: str, original: str) -> str:
    """Undo .VnTimeH: its text uses lowercase byte values drawn as capitals.

    Only words holding legacy characters count (``UBND`` says nothing). When all their ASCII
    letters are capitals, and there are two or more, the line is .VnTimeH; otherwise a single
    word is, when it has two or more ASCII letters and all are capitals (``QUYÕT``).
    """
    new_words, old_words = decoded.split(" "), original.split(" ")
    if len(new_words) != len(old_words):
        return decoded
    pairs = list(zip(new_words, old_words, strict=True))
    letters = [c for w, o in pairs if w != o for c in w if c.isascii() and c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return decoded.upper()
    words = []
    for w, o in pairs:
        word_letters = [c for c in w if c.isascii() and c.isalpha()]
        capitals = len(word_letters) >= 2 and all(c.isupper() for c in word_letters)
        words.append(w.upper() if w != o and capitals else w)
    return " ".join(words)


def decode(text: str, encoding: str) -> str:
    """Decode cp1252-seen legacy text; ``tcvn3`` also restores .VnTimeH capitals."""
    if encoding == "tcvn3":
        return _uppercase_font(decode_tcvn3(text), text)
    if encoding == "vni":
        return decode_vni(text)
    return text


# -- Encoders (for tests, samples, and files the other way) ---------------------------------------


def to_legacy(text: str, encoding: str, *, uppercase_font: bool = False) -> str:
    """Unicode → the legacy bytes as Windows-1252 shows them (what a pasted old file looks like).

    With ``uppercase_font`` (TCVN3 only), capitals with marks are written as .VnTimeH writes
    them: the lowercase byte values. Raises ValueError for a letter the encoding lacks.
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "tcvn3":
        return "".join(_tcvn3_char(c, uppercase_font) for c in text)
    if encoding == "vni":
        return "".join(_vni_char(c) for c in text)
    raise ValueError(f"unknown legacy encoding: {encoding}")


def _tcvn3_char(c: str, uppercase_font: bool) -> str:
    if uppercase_font and not c.isascii() and c.lower() in _TCVN3_ENCODE:
        return _CP1252[_TCVN3_ENCODE[c.lower()]]
    if c in _TCVN3_ENCODE:
        return _CP1252[_TCVN3_ENCODE[c]]
    b = _BYTE_OF.get(c)
    if b is not None and b < 0xA1:
        return c
    raise ValueError(f"TCVN3 has no {c!r}")


def _vni_char(c: str) -> str:
    if c in _VNI_SINGLE_BYTE:
        return _CP1252[_VNI_SINGLE_BYTE[c]]
    decomposed = unicodedata.normalize("NFD", c)
    base, marks = decomposed[0], decomposed[1:]
    if marks and base in "aeiouyAEIOUY":
        tone = "".join(m for m in marks if m in TONE_MARKS)
        shape = "".join(m for m in marks if m not in TONE_MARKS)
        if shape == _HORN and base in "ouOU":
            horned = unicodedata.normalize("NFC", base + _HORN)
            lead = _CP1252[_VNI_SINGLE_BYTE[horned]]
            return lead + (_vni_mark(("", tone), base) if tone else "")
        if base not in "iI" and (shape, tone) in _VNI_MARK_BYTE:
            return base + _vni_mark((shape, tone), base)
    b = _BYTE_OF.get(c)
    if b is not None and b < 0xC0:  # VNI puts its letters and marks at 0xC0-0xFF
        return c
    raise ValueError(f"VNI has no {c!r}")


def _vni_mark(shape_tone: tuple[str, str], base: str) -> str:
    b = _VNI_MARK_BYTE[shape_tone]
    return _CP1252[b - 0x20 if base.isupper() else b]


# -- Is this a Vietnamese syllable? ---------------------------------------------------------------

_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
# Rhymes without tone, medial glide included (``oa``, ``uy``); after ``qu`` the rhyme is what
# follows the ``u`` (``quyết`` = qu + yêt).
_RHYMES = frozenset(
    """
    a ai ao au ay am an ang anh ap at ac ach ăm ăn ăng ăp ăt ăc
    âu ây âm ân âng âp ât âc e eo em en eng ep et ec ê êu êm ên ênh êp êt êch
    i ia iu im in inh ip it ich iêu iêm iên iêng iêp iêt iêc yêu yêm yên yêt
    o oi om on ong op ot oc oong ooc ô ôi ôm ôn ông ôp ôt ôc ơ ơi ơm ơn ơp ơt
    u ua ui um un ung up ut uc uôi uôm uôn uông uôt uôc
    ư ưa ưi ưu ưm ưn ưng ưt ưc ươi ươu ươm ươn ương ươp ươt ươc y
    oa oai oay oam oan oang oanh oap oat oac oach oă oăm oăn oăng oăt oăc
    oe oeo oem oen oet uê uêu uên uênh uêt uêch
    uy uya uyu uyn uynh uyp uyt uych uyên uyêt uân uât uâng uây uơ uơn uơt
    """.split()
)
_STOPS = ("ch", "p", "t", "c")
_FRONT = "ieêy"


def _onset_fits(onset: str, rhyme: str) -> bool:
    """Spelling rules: k/gh/ngh before front vowels, c/g/ng elsewhere; qu takes no second glide."""
    first = rhyme[:1]
    if onset == "k":
        return first in _FRONT
    if onset == "c":
        return first not in _FRONT
    if onset in ("gh", "ngh"):
        return first in "ieê"
    if onset == "ng":
        return first not in "ieê"
    if onset == "g":
        return first not in "eê"
    if onset == "qu":
        return first not in "ou"
    return True


@lru_cache(maxsize=8192)
def is_syllable(word: str) -> bool:
    """Whether ``word`` is one well-formed Vietnamese syllable: onset + rhyme + at most one tone,
    and a rhyme closed by p/t/c/ch only with the sắc or nặng tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in decomposed if c in TONE_MARKS]
    if len(tones) > 1 or not 0 < len(word) <= 7:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    tone = tones[0] if tones else ""
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset) :]
        if rhyme not in _RHYMES and not (onset == "gi" and rhyme == ""):
            continue
        if rhyme.endswith(_STOPS) and tone not in (_ACUTE, _DOT):
            continue
        if _onset_fits(onset, rhyme):
            return True
    return False


# -- Scoring a reading ----------------------------------------------------------------------------

_LETTER_RUN = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyăâêôơư")


def _is_acronym(run: str) -> bool:
    """``UBND``, ``QĐ``, ``HĐND``: plain capitals, or capitals with no vowel, are abbreviations,
    neither Vietnamese nor not."""
    if len(run) < 2 or not run.isupper():
        return False
    bare = unicodedata.normalize("NFD", run.lower())
    return run.isascii() or not any(c in _VOWELS for c in bare)


def _word_status(word: str) -> bool | None:
    """Whether a word that some reading changed is Vietnamese in this reading: all its letter
    runs are syllables (``c¸c`` read as is gives ``c``, ``c``: not). None: only abbreviations."""
    judged = [r for r in _LETTER_RUN.findall(word) if not _is_acronym(r)]
    if not judged:
        return None
    return all(is_syllable(r) for r in judged)


@dataclass(frozen=True, slots=True)
class _Reading:
    encoding: str
    text: str
    valid: int
    judged: int

    @property
    def share(self) -> float:
        return self.valid / self.judged if self.judged else 0.0


@dataclass(frozen=True, slots=True)
class _LineAnalysis:
    readings: dict[str, _Reading]  # "unicode" (as is), "tcvn3", "vni"
    context: float | None  # share of untouched plain-ASCII words that are syllables
    context_words: int = 0

    def line_share(self, reading: _Reading) -> float:
        """The share of syllables over the whole line: changed words plus plain-ASCII ones."""
        ctx_valid = (self.context or 0.0) * self.context_words
        total = reading.judged + self.context_words
        return (reading.valid + ctx_valid) / total if total else 0.0


def _plain_unicode(line: str) -> bool:
    """No character an 8-bit font could give above ASCII, or a letter no such font has."""
    has_high = False
    for c in line:
        b = _BYTE_OF.get(c)
        if b is None:
            if unicodedata.category(c)[0] in "LM":
                return True
        elif b >= 0x80:
            has_high = True
    return not has_high


def _analyse(line: str) -> _LineAnalysis:
    texts = {"unicode": line, "tcvn3": decode(line, "tcvn3"), "vni": decode(line, "vni")}
    split = {enc: t.split() for enc, t in texts.items()}
    aligned = all(len(w) == len(split["unicode"]) for w in split.values())
    readings: dict[str, _Reading] = {}
    context_words: list[bool] = []
    for enc, words in split.items():
        valid = judged = 0
        for k, word in enumerate(words):
            if aligned and all(split[e][k] == split["unicode"][k] for e in split):
                if enc == "unicode":
                    context_words.extend(_context(word))
                continue
            status = _word_status(word)
            if status is not None:
                judged += 1
                valid += status
        readings[enc] = _Reading(enc, texts[enc], valid, judged)
    context = sum(context_words) / len(context_words) if context_words else None
    return _LineAnalysis(readings, context, len(context_words))


def _context(word: str) -> list[bool]:
    runs = [
        r for r in _LETTER_RUN.findall(word) if r.isascii() and not (len(r) > 1 and r.isupper())
    ]
    return [is_syllable(r) for r in runs]


# -- Deciding ------------------------------------------------------------------------------------

STRONG_SHARE = 0.75  # a legacy reading must make at least this share of changed words Vietnamese
STRONG_MARGIN = 0.3  # ... and beat the text as it is by this much
STRONG_LINE_SHARE = 0.6  # ... and leave most of the line's words, ASCII ones too, Vietnamese
UNSURE_BELOW = 0.6  # confidence under which the UI should ask the user


@dataclass(frozen=True, slots=True)
class _Verdict:
    encoding: Encoding
    confidence: float
    unsure: bool
    suggested: Encoding | None


def _confidence(best: _Reading, others: list[_Reading]) -> float:
    margin = best.share - max((o.share for o in others), default=0.0)
    evidence = 1 - 0.5 ** (best.valid + 1)
    return round(max(0.0, min(1.0, 0.5 + margin / 2)) * evidence, 3)


def _best_legacy(a: _LineAnalysis) -> _Reading:
    return max((a.readings[e] for e in LEGACY), key=lambda r: (2 * r.valid - r.judged, r.share))


def _strong(best: _Reading, asis: _Reading) -> bool:
    return (
        best.valid >= 2 and best.share >= STRONG_SHARE and best.share - asis.share >= STRONG_MARGIN
    )


def _decide(a: _LineAnalysis, document: Encoding | None) -> _Verdict:
    asis = a.readings["unicode"]
    best = _best_legacy(a)
    other = next(a.readings[e] for e in LEGACY if e != best.encoding)
    enc: Encoding = "tcvn3" if best.encoding == "tcvn3" else "vni"
    if best.text == asis.text or best.valid == 0 or best.share <= asis.share:
        return _Verdict("unicode", 1.0, False, None)
    if _strong(best, asis) and a.line_share(best) >= STRONG_LINE_SHARE:
        conf = _confidence(best, [asis, other])
        return _Verdict(enc, conf, conf < UNSURE_BELOW, enc if conf < UNSURE_BELOW else None)
    # Weak evidence (one word, or a middling share): follow the rest of the document when it
    # was clearly in this encoding; otherwise leave the line and, if it looks Vietnamese, ask.
    if document == enc and best.share >= 0.5:
        return _Verdict(enc, _confidence(best, [asis, other]), False, None)
    plausibility = 1 - _confidence(best, [asis, other])
    if a.context is not None and a.context < 0.5:
        return _Verdict("unicode", round(max(plausibility, 1 - a.context / 2), 3), False, None)
    conf = round(plausibility, 3)
    return _Verdict("unicode", conf, conf < UNSURE_BELOW, enc if conf < UNSURE_BELOW else None)


def _document_encoding(analyses: list[_LineAnalysis]) -> Encoding | None:
    """The encoding the whole paste is clearly in, pooling the lines' evidence."""
    totals: dict[str, list[int]] = {e: [0, 0] for e in ("unicode", *LEGACY)}
    ctx_valid = ctx_words = 0.0
    for a in analyses:
        for e, r in a.readings.items():
            totals[e][0] += r.valid
            totals[e][1] += r.judged
        ctx_valid += (a.context or 0.0) * a.context_words
        ctx_words += a.context_words
    pooled = {e: _Reading(e, "", v, j) for e, (v, j) in totals.items()}
    best = max((pooled[e] for e in LEGACY), key=lambda r: (r.valid, r.share))
    line_share = (best.valid + ctx_valid) / (best.judged + ctx_words or 1)
    if _strong(best, pooled["unicode"]) and line_share >= STRONG_LINE_SHARE:
        return "tcvn3" if best.encoding == "tcvn3" else "vni"
    return None


# -- The public result ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """One converted line: its span in the new text, what it was, and how sure we are."""

    line: int
    start: int
    end: int
    before: str
    after: str
    encoding: Encoding
    font: str
    words: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Conversion:
    """What ``convert_text`` found. ``original`` is kept for undo; ``suggested`` is the encoding
    to offer the user when ``is_unsure`` (the UI then calls ``convert_text(..., encoding=...)``)."""

    text: str
    original: str
    encoding: Encoding
    confidence: float
    is_unsure: bool
    changed: tuple[Change, ...]
    suggested: Encoding | None = None

    @property
    def words_changed(self) -> int:
        return sum(c.words for c in self.changed)

    def summary(self, language: str = "vi") -> str:
        """A sentence for the user about what was converted."""
        if not self.changed:
            return "Không có gì cần chuyển mã." if language == "vi" else "Nothing to convert."
        fonts = ", ".join(sorted({c.font for c in self.changed}))
        lines, words = len(self.changed), self.words_changed
        if language == "vi":
            return f"Đã chuyển {words} từ trên {lines} dòng từ phông {fonts} sang Unicode."
        return f"Converted {words} words on {lines} lines from {fonts} to Unicode."


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


def _lines(text: str) -> list[tuple[str, str]]:
    """(content, line ending) pairs that join back to ``text`` exactly."""
    parts = []
    for m in _LINE.finditer(text):
        chunk = m.group(0)
        if not chunk:
            continue
        body = chunk.rstrip("\r\n")
        parts.append((body, chunk[len(body) :]))
    return parts


def _words_changed(before: str, after: str) -> int:
    a, b = before.split(), after.split()
    if len(a) != len(b):
        return max(len(a), len(b))
    return sum(x != y for x, y in zip(a, b, strict=True))


def convert_text(text: str, encoding: Encoding | None = None) -> Conversion:
    """Find TCVN3/VNI lines in ``text`` and return the text in Unicode NFC.

    Plain Unicode (Vietnamese, English, French...) comes back unchanged. With ``encoding``
    given (the user answered the question), every line that could be in it is converted.
    """
    if encoding == "unicode":  # the user said the text is fine as it is
        return Conversion(unicodedata.normalize("NFC", text), text, "unicode", 1.0, False, ())
    parts = _lines(text)
    analysed: dict[int, _LineAnalysis] = {
        k: _analyse(body) for k, (body, _) in enumerate(parts) if not _plain_unicode(body)
    }
    document = encoding if encoding in LEGACY else _document_encoding(list(analysed.values()))
    out: list[str] = []
    changes: list[Change] = []
    confidences: list[float] = []
    suggestions: list[Encoding] = []
    unsure = False
    pos = 0
    for k, (body, ending) in enumerate(parts):
        new = unicodedata.normalize("NFC", body)
        if k in analysed:
            if encoding is not None and encoding != "unicode":
                verdict = _Verdict(encoding, 1.0, False, None)
            else:
                verdict = _decide(analysed[k], document)
            confidences.append(verdict.confidence)
            unsure = unsure or verdict.unsure
            if verdict.suggested:
                suggestions.append(verdict.suggested)
            if verdict.encoding != "unicode":
                new = unicodedata.normalize("NFC", decode(body, verdict.encoding))
                if new != body:
                    upper = verdict.encoding == "tcvn3" and new != decode_tcvn3(body)
                    font = FONTS["tcvn3h" if upper else verdict.encoding]
                    changes.append(
                        Change(
                            k,
                            pos,
                            pos + len(new),
                            body,
                            new,
                            verdict.encoding,
                            font,
                            _words_changed(body, new),
                            verdict.confidence,
                        )
                    )
        out.append(new + ending)
        pos += len(new) + len(ending)
    counts = Counter(c.encoding for c in changes for _ in range(max(c.words, 1)))
    overall: Encoding = counts.most_common(1)[0][0] if counts else "unicode"
    suggested = Counter(suggestions).most_common(1)[0][0] if suggestions else None
    return Conversion(
        text="".join(out),
        original=text,
        encoding=overall,
        confidence=min(confidences, default=1.0),
        is_unsure=unsure,
        changed=tuple(changes),
        suggested=suggested if unsure else None,
    )


def read_text_bytes(data: bytes) -> str:
    """File bytes → str: UTF-8 when valid (BOM dropped), else each byte as Windows-1252 reads it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return "".join(_CP1252[b] for b in data)


def convert_file(path_bytes: bytes, encoding: Encoding | None = None) -> Conversion:
    """Convert a whole file's content (for ``portal-desk convert FILE``)."""
    return convert_text(read_text_bytes(path_bytes), encoding)
