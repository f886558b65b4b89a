"""Vietnamese spelling: a real Hunspell dictionary read by spylls (a pure-Python Hunspell).

The dictionary is LibreOffice's Vietnamese one (``vi_VN.dic``/``.aff``, GPL-2), shipped with the
app in ``desktop/resources/dictionaries`` (see its README); a system copy
(``/usr/share/hunspell``, Debian's ``hunspell-vi``) is used when the shipped one is missing.

It writes the tone mark the old way on ``oa``, ``oe``, ``uy`` (``hoà``, ``khoẻ``, ``thuỷ``);
most documents today write ``hòa``, ``khỏe``, ``thủy``. Both are accepted, and suggestions come
in the new placement. Words that are not prose are never flagged: acronyms (``UBND``), words with
digits, web and e-mail addresses. Words a person adds go to their own list (one word a line,
``spelling-words.txt`` in the user's data folder).

Lookups are cached (a Vietnamese text uses a few thousand distinct syllables), so checking a
word seen before costs a dictionary access; suggestions are computed on demand within a time
budget.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SYSTEM_DICTIONARIES = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
USER_WORDS = "spelling-words.txt"
_WORD = re.compile(r"[^\W\d_]+")
_NOT_PROSE = re.compile(
    r"\]\([^)]*\)|(?:https?://|www\.)[^\s)]+|\S+@\S+\.\S+|`[^`]*`", re.IGNORECASE
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_CLUSTERS = ("oa", "oe", "uy")


def dictionary_path() -> Path | None:
    """The .dic/.aff pair's path without its suffix: the shipped copy, else the system's."""
    here = Path(__file__).resolve().parents[1] / "resources" / "dictionaries"
    source = Path(__file__).resolve().parents[2] / "resources" / "dictionaries"
    for folder in (here, source, *SYSTEM_DICTIONARIES):
        if (folder / "vi_VN.dic").is_file() and (folder / "vi_VN.aff").is_file():
            return folder / "vi_VN"
    return None


def _move_tone(word: str, to_last: bool) -> str:
    """Move the tone mark within a final oa/oe/uy (``hòa`` ↔ ``hoà``); other words unchanged."""
    decomposed = unicodedata.normalize("NFD", word)
    letters: list[list[str]] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and letters:
            letters[-1].append(ch)
        else:
            letters.append([ch])
    if len(letters) < 2:
        return word
    base = "".join(group[0] for group in letters[-2:]).lower()
    if base not in _CLUSTERS or (base == "uy" and len(letters) > 2 and letters[-3][0] in "qQ"):
        return word
    first, last = letters[-2], letters[-1]
    source, target = (first, last) if to_last else (last, first)
    tones = [mark for mark in source[1:] if mark in _TONES]
    if not tones or any(mark in _TONES for mark in target[1:]):
        return word
    source[:] = [mark for mark in source if mark not in _TONES]
    target.extend(tones)
    return unicodedata.normalize("NFC", "".join("".join(group) for group in letters))


def old_style(word: str) -> str:
    return _move_tone(word, to_last=True)


def new_style(word: str) -> str:
    return _move_tone(word, to_last=False)


@dataclass(frozen=True)
class Misspelling:
    start: int
    end: int
    word: str


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """The words to check in ``text``: (start, end, word); addresses, code and acronyms left out."""
    masked = _NOT_PROSE.sub(lambda m: " " * len(m.group(0)), text)
    for match in _WORD.finditer(masked):
        word = match.group(0)
        if len(word) < 2 or (word.isupper() and len(word) <= 8):
            continue
        yield match.start(), match.end(), word


class Speller:
    """One dictionary plus the person's own words; safe to share between threads."""

    def __init__(self, dictionary: Path | None = None, user_words: Path | None = None) -> None:
        self._path = dictionary or dictionary_path()
        self.user_words_path = user_words
        self._user: set[str] = set()
        self._cache: dict[str, bool] = {}
        self._lock = threading.Lock()
        self._dictionary: Any = None
        self._loaded = threading.Event()
        if user_words is not None and user_words.is_file():
            text = user_words.read_text(encoding="utf-8")
            self._user = {unicodedata.normalize("NFC", w.strip()) for w in text.splitlines()}
            self._user.discard("")

    @property
    def available(self) -> bool:
        return self._path is not None

    @property
    def ready(self) -> bool:
        return self._loaded.is_set()

    def load(self) -> None:
        """Read the dictionary (about 0.3 s); ``load_in_background`` does it on a thread."""
        if self._loaded.is_set():
            return
        with self._lock:
            if self._dictionary is None and self._path is not None:
                from spylls.hunspell import Dictionary

                self._dictionary = Dictionary.from_files(str(self._path))
        self._loaded.set()

    def load_in_background(self) -> None:
        if not self._loaded.is_set() and self._path is not None:
            threading.Thread(target=self.load, name="spelling-dictionary", daemon=True).start()

    def known(self, word: str) -> bool | None:
        """The cached answer for ``word``, or None when it has not been looked up yet."""
        if word in self._user or word.lower() in self._user:
            return True
        return self._cache.get(word)

    def check(self, word: str) -> bool:
        """True when ``word`` is spelt right (or cannot be checked: no dictionary)."""
        found = self.known(word)
        if found is not None:
            return found
        self.load()
        if self._dictionary is None:
            return True
        word_nfc = unicodedata.normalize("NFC", word)
        with self._lock:
            ok = bool(self._dictionary.lookup(word_nfc))
            if not ok:
                older = old_style(word_nfc)
                ok = older != word_nfc and bool(self._dictionary.lookup(older))
        self._cache[word] = ok
        return ok

    def suggest(self, word: str, limit: int = 5, budget: float = 0.6) -> list[str]:
        """Up to ``limit`` corrections, best first, found within ``budget`` seconds."""
        self.load()
        if self._dictionary is None:
            return []
        found: list[str] = []
        deadline = time.monotonic() + budget
        with self._lock:
            for candidate in self._dictionary.suggest(unicodedata.normalize("NFC", word)):
                if " " in candidate or ("-" in candidate and "-" not in word):
                    continue
                modern = new_style(candidate)
                if modern not in found and modern != word:
                    found.append(modern)
                if len(found) >= limit or time.monotonic() > deadline:
                    break
        return found

    def add(self, word: str) -> None:
        """Accept ``word`` from now on, for this person (kept in their word list)."""
        word = unicodedata.normalize("NFC", word.strip())
        if not word or word in self._user:
            return
        self._user.add(word)
        self._cache.pop(word, None)
        if self.user_words_path is not None:
            self.user_words_path.parent.mkdir(parents=True, exist_ok=True)
            with self.user_words_path.open("a", encoding="utf-8") as handle:
                handle.write(word + "\n")

    def misspelled(self, text: str) -> list[Misspelling]:
        return [Misspelling(s, e, w) for s, e, w in words(text) if not self.check(w)]


_shared: dict[Path | None, Speller] = {}


def shared_speller(folder: str | Path) -> Speller:
    """One speller per user word list in this process (the dictionary is read once); the
    person's own words are kept in ``folder`` (their data folder)."""
    path = Path(folder) / USER_WORDS
    if path not in _shared:
        _shared[path] = Speller(user_words=path)
    return _shared[path]
