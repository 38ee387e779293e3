"""``sanitize`` against its plain definition: every step applied to every text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from corpus_search.safety import _CONTROLS, _ESCAPES, sanitize


def plain_sanitize(text: str) -> str:
    """The definition, with no step skipped."""
    text = _ESCAPES.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return unicodedata.normalize("NFC", _CONTROLS.sub("", text))


# Text mostly made of what a page holds, with the characters each skipped step is about:
# escapes, carriage returns, line and paragraph separators, C0/C1 controls, bidi
# overrides, zero-width characters, and letters and combining marks that NFC composes.
_SPECIAL = "\x1b\x9b\r\n\t\x00\x07\x0b\x1f\x7f\x85\x9f\u200b\u200f\u2028\u2029\u202e\u2066\ufeff"
_PIECES = st.one_of(
    st.text(),
    st.text(alphabet="abcE[]0;m\\ " + _SPECIAL + "e\u0301A\u030a\u00e9\u1e9b\u0323"),
    st.sampled_from(["\x1b[31m", "\x1b]8;;http://x\x07", "\x1b]0;t\x1b\\", "\x9b2J", "\r\n"]),
)


@given(st.lists(_PIECES, max_size=8).map("".join))
def test_sanitize_is_its_plain_definition(text: str) -> None:
    assert sanitize(text) == plain_sanitize(text)


def test_the_plain_definition_changes_what_it_should() -> None:
    """(So the property above compares two functions that both change text.)"""
    assert plain_sanitize("a\r\nb\u2028c\x00d\u202ee\u0301\x1b[1mf") == "a\nb\ncd\u00e9f"
