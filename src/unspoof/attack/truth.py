"""Ground truth of a generated attack: the tampered text, the original, and every edit made.

>>> t = Tampered("Rսssia", "Russia", (Edit("lookalike", 1, 2, "ս", "u", 1, 2, "char", "armenian"),))
>>> t.restore()
'Russia'
>>> t.findings()[0].replacement
'u'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Finding, apply_edits


@dataclass(frozen=True, slots=True)
class Edit:
    """One change the attack made.

    ``start``/``end`` index the tampered text (``text`` is that span); ``orig_start``/``orig_end``
    index the original (``original`` is that span, ``""`` for an insertion). ``kind`` is a
    :class:`unspoof.Finding` kind; ``attack`` names the step (``char``, ``word``, ``reverse``,
    ``invisible``, ``bidi``, ``tags``, ``anchor``, ``template``); ``family`` the look-alike family.
    """

    kind: str
    start: int
    end: int
    text: str
    original: str
    orig_start: int
    orig_end: int
    attack: str
    family: str = ""

    def to_finding(self) -> Finding:
        """The finding a perfect restorer would report for this edit."""
        return Finding(self.kind, self.start, self.end, self.text, self.original, 1.0,
                       f"generated {self.attack} attack", {"family": self.family} if self.family else {})

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "text": self.text,
                "original": self.original, "orig_start": self.orig_start, "orig_end": self.orig_end,
                "attack": self.attack, "family": self.family}


@dataclass(frozen=True, slots=True)
class Tampered:
    """The result of :func:`unspoof.attack.tamper`: ``text`` is what an attacker would publish."""

    text: str
    original: str
    edits: tuple[Edit, ...] = field(default_factory=tuple)
    seed: int | None = None

    def findings(self) -> list[Finding]:
        return [e.to_finding() for e in self.edits]

    def restore(self) -> str:
        """Apply the ground truth to the tampered text: gives back :attr:`original`."""
        return apply_edits(self.text, self.findings())

    def count(self, kind: str | None = None) -> int:
        return sum(1 for e in self.edits if kind is None or e.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "original": self.original, "seed": self.seed,
                "edits": [e.to_dict() for e in self.edits]}
