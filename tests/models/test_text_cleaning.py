"""What ``nfc`` and ``clean_text`` drop (control characters, lone surrogates, non-characters),
checked against the one-pattern definition they replaced for speed (issue 21)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.models.text import clean_text, nfc

_PLANES = "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(17))
ONE_PATTERN = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef" + _PLANES + "]"
)
#: What is dropped, what is kept, and Vietnamese text around them.
EDGES = [
    "\x00", "\x08", "\t", "\n", "\r", "\x0b", "\x1f", "\x7f", "\ud800", "\udfff", "\ufdcf",
    "\ufdd0", "\ufdef", "\ufdf0", "\ufffd", "\ufffe", "\uffff", "\U00010000", "\U0001fffd",
    "\U0001fffe", "\U0001ffff", "\U0010fffe", "\U0010ffff", "\U0001f600", "Đ", "ế", "e\u0301",
]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(EDGES), st.text(max_size=5)), max_size=30).map("".join)


@settings(max_examples=400, derandomize=True, deadline=None)
@given(texts)
def test_clean_text_drops_exactly_what_the_one_pattern_did(text: str) -> None:
    assert clean_text(text) == ONE_PATTERN.sub("", text)


def test_each_kind_dropped_and_vietnamese_kept() -> None:
    assert clean_text("Đà\x00 Nẵng\ufffe\U0010ffff\U0001fffe😀") == "Đà Nẵng😀"
    assert nfc("Tie\u0302\u0301ng\uffff Vie\u0323\u0302t") == "Tiếng Việt"
