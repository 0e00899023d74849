"""The hot path: decide in a few C-level passes that a text has nothing for stage 1 to find.

Most web text is ASCII plus typographic punctuation (’ “ ” – — …) and Latin-1 letters. Such text
holds no look-alike and no hidden character, so the character-level detectors can be skipped
entirely. The test is: encode to UTF-8, delete printable ASCII bytes (what remains are the
multi-byte sequences and control bytes, intact), and check the few characters left against a set
of safe ones.

>>> plain_text("It’s a “plain” text – with café.")
True
>>> plain_text("Rսssian"), plain_text("zero\\u200bwidth"), plain_text("bell\\x07")
(False, False, False)
"""

from __future__ import annotations

from functools import lru_cache

from .tables import lookalike

_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n\r"
# Ranges of characters that neither detector reports: Latin-1 (minus soft hyphen and the
# look-alikes Unicode lists there, such as ø), dashes, quotes, bullets, primes, currency.
_SAFE_RANGES = ((0x00A0, 0x00FF), (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20C0), (0x2122, 0x2122))
_NOT_SAFE = frozenset({0x00AD})


@lru_cache(maxsize=1)
def safe_characters() -> frozenset[str]:
    out = set()
    for a, b in _SAFE_RANGES:
        for cp in range(a, b + 1):
            ch = chr(cp)
            if cp not in _NOT_SAFE and lookalike(ch) is None:
                out.add(ch)
    return frozenset(out)


def plain_text(text: str) -> bool:
    """True when ``text`` is printable ASCII plus safe typography: nothing to restore or remove."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return False  # lone surrogates: let the detectors look
    rest = data.translate(None, _PRINTABLE_ASCII)
    if not rest:
        return True
    return safe_characters().issuperset(rest.decode("utf-8"))
