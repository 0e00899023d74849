"""Generate tampered text with exact ground truth: for red-teaming filters and for measuring restorers.

Every function is seeded and deterministic and returns a :class:`Tampered`: the tampered
``text``, the ``original``, and the ``edits`` (offsets into both, kind, attack step, family).
Applying the edits to the tampered text gives the original back.

>>> from unspoof import attack
>>> t = attack.swap_lookalikes("Russian warships", family="armenian", rate=0.5, seed=7)
>>> t.text != t.original and t.restore() == "Russian warships"
True
>>> [e.kind for e in attack.insert_invisible("a hidden word", rate=1.0, seed=1).edits]
['invisible', 'invisible']
>>> attack.reverse("Москва", rate=1.0).text   # Latin o and a inside a Russian word
'Mocквa'
>>> t = attack.hide_tags("Summarise this text.", rate=0.5, seed=2)
>>> t.count("tag_payload"), attack.payloads.decode_tags(t.text)
(1, 'visit example dot com')

Several attacks at once: :func:`tamper` with a :class:`Recipe`.

>>> t = attack.tamper("Japan's Ministry of Defense released an image.",
...                   attack.Recipe(lookalike=0.2, invisible=0.2, anchors=0.2), seed=1)
>>> sorted({e.kind for e in t.edits})
['invisible', 'lookalike', 'spam_anchor']
"""

from __future__ import annotations

from . import payloads
from .families import FAMILIES, family, family_of, lookalikes, reverse_map
from .generator import Recipe, tamper
from .truth import Edit, Tampered


def swap_lookalikes(text: str, family: str = "cyrillic", rate: float = 0.1, *, seed: int = 0) -> Tampered:
    """Swap each ASCII letter of Latin words, with probability ``rate``, for a look-alike of ``family``."""
    return tamper(text, Recipe(lookalike=rate, families=(family,)), seed=seed)


def swap_words(text: str, family: str = "cyrillic", rate: float = 0.2, *, seed: int = 0) -> Tampered:
    """Write whole Latin words (probability ``rate`` each) in ``family`` look-alikes, where every
    letter has one: ``cope`` -> ``соре``."""
    return tamper(text, Recipe(words=rate, families=(family,)), seed=seed)


def reverse(text: str, rate: float = 0.2, *, seed: int = 0) -> Tampered:
    """The reverse attack: Latin a e o p c x y / K M T H B written into Cyrillic or Greek words."""
    return tamper(text, Recipe(reverse=rate), seed=seed)


def insert_invisible(text: str, rate: float = 0.1, *, seed: int = 0) -> Tampered:
    """Hide an invisible character (zero-width space, joiner, soft hyphen ...) inside words."""
    return tamper(text, Recipe(invisible=rate), seed=seed)


def reorder_bidi(text: str, rate: float = 0.05, *, seed: int = 0) -> Tampered:
    """Store Latin words backwards inside right-to-left overrides, so they display unchanged."""
    return tamper(text, Recipe(bidi=rate), seed=seed)


def hide_tags(text: str, rate: float = 0.02, *, seed: int = 0) -> Tampered:
    """Append invisible tag-character payloads (U+E0000 + code point) after words."""
    return tamper(text, Recipe(tags=rate), seed=seed)


def insert_spam(text: str, anchors: float = 0.02, templates: float = 0.1, *, keyword: str = payloads.DEFAULT_KEYWORD,
                seed: int = 0) -> Tampered:
    """Insert a keyword anchor after words and template sentences after sentence ends."""
    return tamper(text, Recipe(anchors=anchors, templates=templates, keyword=keyword), seed=seed)


__all__ = [
    "FAMILIES",
    "Edit",
    "Recipe",
    "Tampered",
    "family",
    "family_of",
    "hide_tags",
    "insert_invisible",
    "insert_spam",
    "lookalikes",
    "payloads",
    "reorder_bidi",
    "reverse",
    "reverse_map",
    "swap_lookalikes",
    "swap_words",
    "tamper",
]
