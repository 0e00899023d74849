"""Property tests: removable invisible characters inserted anywhere come out again, exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unspoof
from unspoof.detect.hidden import detect
from unspoof.options import Options

ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
LATIN = ASCII + "éüßøñ"
GREEK = "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘ"
CYRILLIC = "абвгдежзийклмнопрстуфхцчшщъыьэюяБВГДЖЗИЛ"
ARMENIAN = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"
DIGITS = "0123456789"
# no < or > (a zero-width space inside an empty markup element is kept), no # or * (keycap bases)
PUNCTUATION = ".,;:!?'\"()[]-–—…/&%"
SPACES = "  \t\n"

# Characters the detector always removes from such text. Left out on purpose, because rules keep
# or reinterpret them in some contexts: RLM/ALM (strong right-to-left, they can move digits), the
# Hangul jamo fillers (kept inside jamo), ESC (starts an escape sequence that takes the letters after
# it), backspace (erases the letter before it), and overrides that right-to-left would reverse.
REMOVABLE = (
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u2061\u2062\u2063\u2064\u3164\uffa0\u180e\u180b\u17b4\u034f"
    "\u206a\u206f\u2065\ufff0\u200e\u202a\u202c\u202d\u2066\u2068\u2069"
    "\x00\x01\x07\x0b\x0c\x0e\x1c\x1f\x7f\x80\x85\x9b\x9f"
    "\ufe00\ufe0e\ufe0f\U000e0100\U000e01ef"
    "\U000e0001\U000e0020\U000e0041\U000e0061\U000e007e\U000e007f\U000e0080\U0001bca0\U0001d173"
)
VARIATION_SELECTORS = "\ufe00\ufe0e\ufe0f\U000e0100\U000e01ef"


def _text(alphabet: str):
    return st.text(alphabet=alphabet, max_size=40)


def _insert(t: str, pieces: list[str]) -> str:
    """Put ``pieces[i]`` before ``t[i]`` (and the last one at the end)."""
    out = []
    for i, piece in enumerate(pieces):
        if i == 0:
            piece = piece.lstrip("\ufeff")  # a byte-order mark at the very start is kept
        if i > 0 and t[i - 1] in DIGITS and piece[:1] in VARIATION_SELECTORS:
            piece = "\u200b" + piece  # a digit takes a variation selector (keycaps, slashed zero)
        out.append(piece)
        if i < len(t):
            out.append(t[i])
    return "".join(out)


@st.composite
def tampered(draw, alphabet: str):
    t = draw(_text(alphabet))
    pieces = draw(st.lists(st.text(alphabet=REMOVABLE, max_size=4), min_size=len(t) + 1, max_size=len(t) + 1))
    return t, _insert(t, pieces)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tampered(ASCII + DIGITS + PUNCTUATION + SPACES))
def test_clean_gives_english_text_back(case):
    t, dirty = case
    assert unspoof.clean(dirty) == t


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tampered(LATIN + GREEK + CYRILLIC + ARMENIAN + DIGITS + PUNCTUATION + SPACES))
def test_clean_gives_multiscript_text_back(case):
    # look-alike restoration is a separate concern: it may legitimately change mixed-script words
    t, dirty = case
    assert unspoof.clean(dirty, restore_lookalikes=False) == t


_INTERESTING = st.sampled_from(
    list(REMOVABLE)
    + list("\u202b\u202e\u2067\u200f\u061c\x08\x1b[m\u115f\u1160\u1100\u1161\u0301\u0302\u0323\u0f7a")
    + ["\U0001f3f4", "\U0001f468", "\U0001f3fd", "#", "1", "漢", "ש", "ف", "क", "\u094d", "<", ">", "a", " ", "\n"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_INTERESTING, st.characters()), max_size=60).map("".join))
def test_findings_index_the_input_and_never_overlap_wrongly(text):
    findings = detect(text, Options())
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
    cleaned = unspoof.clean(text, restore_lookalikes=False)
    assert isinstance(cleaned, str) and len(cleaned) <= len(text) + sum(
        len(f.replacement or "") for f in findings
    )
