"""Misspelt words underlined as you type, never blocking the typing.

``SpellHighlighter`` underlines only what the speller already knows to be wrong. A word it has
not seen yet is queued; a zero-delay timer looks the queue up a few milliseconds at a time
(``SLICE_MS``) between keystrokes and paints the blocks that were waiting. Typing therefore
costs a regex over the current paragraph and a few dictionary reads of cached answers.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.content.spelling import Speller, words

# How long one slice of dictionary look-ups may take on the UI thread.
SLICE_MS = 4


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, speller: Speller) -> None:
        super().__init__(document)
        self.speller = speller
        self.enabled = True
        # True while this highlighter repaints (not an edit: the editor does not save then).
        self.repainting = False
        self.underline = QTextCharFormat()
        self.underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.underline.setUnderlineColor(QColor("#d01010"))
        self._pending: dict[str, None] = {}
        self._waiting: set[int] = set()
        self.signals = _Signals()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._work)
        speller.load_in_background()

    def set_enabled(self, on: bool) -> None:
        if on == self.enabled:
            return
        self.enabled = on
        self.repaint()

    def repaint(self) -> None:
        self.repainting = True
        try:
            self.rehighlight()
        finally:
            self.repainting = False

    def highlightBlock(self, text: str) -> None:
        if not self.enabled or not self.speller.available:
            return
        waiting = False
        for start, end, word in words(text):
            known = self.speller.known(word)
            if known is None:
                self._pending[word] = None
                waiting = True
            elif not known:
                self.setFormat(start, end - start, self.underline)
        if waiting:
            self._waiting.add(self.currentBlock().blockNumber())
            if not self.timer.isActive():
                self.timer.start()

    def idle(self) -> bool:
        """Nothing left to look up (tests and the benchmark wait on it)."""
        return not self._pending and not self._waiting and not self.timer.isActive()

    def _work(self) -> None:
        if not self.speller.ready:
            self.timer.start(20)
            return
        deadline = time.perf_counter() + SLICE_MS / 1000
        while self._pending and time.perf_counter() < deadline:
            word = next(iter(self._pending))
            del self._pending[word]
            self.speller.check(word)
        if self._pending:
            self.timer.start()
            return
        waiting, self._waiting = self._waiting, set()
        document = self.document()
        self.repainting = True
        try:
            for number in sorted(waiting):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        finally:
            self.repainting = False
        self.signals.checked.emit()

    def misspelt_at(self, text: str, position: int) -> tuple[int, int, str] | None:
        """The misspelt word of a block's ``text`` at ``position``, if there is one."""
        for start, end, word in words(text):
            if start <= position <= end and not self.speller.check(word):
                return start, end, word
        return None


class _Signals(QObject):
    checked = Signal()
