"""One seeded pass over a text that applies every attack a :class:`Recipe` asks for.

Doing all attacks in a single left-to-right pass keeps the ground truth exact: each edit is
recorded with its offsets in both the tampered and the original text as it is made.

>>> t = tamper("The sea is calm", Recipe(lookalike=1.0, families=("cyrillic",)), seed=1)
>>> t.text == t.original
False
>>> t.restore()
'The sea is calm'
>>> tamper("The sea is calm", Recipe(lookalike=1.0, families=("cyrillic",)), seed=1).text == t.text
True
"""

from __future__ import annotations

import random
import re
import unicodedata
from typing import NamedTuple

from ..model import BIDI, INVISIBLE, LOOKALIKE, SPAM_ANCHOR, SPAM_TEMPLATE, TAG_PAYLOAD
from . import payloads
from .families import FAMILIES, family, reverse_map
from .truth import Edit, Tampered


class Recipe(NamedTuple):
    """What to do, as rates (probabilities per letter, word or sentence). All off by default.

    >>> Recipe(lookalike=0.1).families
    ('cyrillic', 'greek', 'armenian')
    """

    #: per ASCII letter of a Latin word: swap in a look-alike from one of ``families``
    lookalike: float = 0.0
    #: families to draw look-alikes from (see :data:`unspoof.attack.FAMILIES`)
    families: tuple[str, ...] = ("cyrillic", "greek", "armenian")
    #: per Latin word: write the whole word in one family, if every letter has a look-alike there
    words: float = 0.0
    #: per letter of a Cyrillic or Greek word: swap in the Latin look-alike (a e o p c x y K M T H B)
    reverse: float = 0.0
    #: per word: hide an invisible character inside it
    invisible: float = 0.0
    #: per Latin word: store it reversed inside a right-to-left override (Trojan Source)
    bidi: float = 0.0
    #: per word: append a hidden tag-character payload after it
    tags: float = 0.0
    #: per word: insert the spam keyword anchor after it
    anchors: float = 0.0
    #: per sentence end: insert a spam template sentence
    templates: float = 0.0
    #: the spam keyword
    keyword: str = payloads.DEFAULT_KEYWORD


_WORD = re.compile(r"[^\W\d_]+")
# a sentence end: the space after it, or the end of its line (a paragraph's last sentence)
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:[ \t]+|(?=\n))")


def _script(ch: str) -> str:
    # the first word of the character name is its script for the letters that matter here
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0].lower()


def _word_script(word: str) -> str:
    scripts = {_script(ch) for ch in word}
    return scripts.pop() if len(scripts) == 1 else "mixed"


class _Writer:
    """Accumulates the tampered text and records each edit with offsets on both sides."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.edits: list[Edit] = []
        self.t = 0  # length of the tampered text so far
        self.o = 0  # length of the original consumed so far

    def keep(self, s: str) -> None:
        self.parts.append(s)
        self.t += len(s)
        self.o += len(s)

    def edit(self, new: str, old: str, kind: str, attack: str, fam: str = "") -> None:
        self.edits.append(Edit(kind, self.t, self.t + len(new), new, old, self.o, self.o + len(old), attack, fam))
        self.parts.append(new)
        self.t += len(new)
        self.o += len(old)


def _choose_word_family(word: str, fams: tuple[str, ...], rng: random.Random) -> str | None:
    able = [f for f in fams if all(family(f).get(ch) for ch in word)]
    return rng.choice(able) if able else None


def _write_word(w: _Writer, word: str, recipe: Recipe, rng: random.Random) -> None:
    script = _word_script(word)
    # each random draw happens whatever the outcome, so one rate does not shift another's choices
    r_bidi, r_words, r_inv, r_tags, r_anchor = (rng.random() for _ in range(5))
    if script == "latin" and r_bidi < recipe.bidi and len(word) > 1:
        w.edit(payloads.bidi_wrap(word, rng.choice(("override", "isolate"))), word, BIDI, "bidi")
    else:
        hide_at = rng.randrange(1, len(word)) if r_inv < recipe.invisible and len(word) > 1 else -1
        whole = script == "latin" and r_words < recipe.words
        word_fam = _choose_word_family(word, recipe.families, rng) if whole else None
        reversible = reverse_map(script) if script in ("cyrillic", "greek") and recipe.reverse else {}
        for i, ch in enumerate(word):
            if i == hide_at:
                w.edit(rng.choice(payloads.INVISIBLES), "", INVISIBLE, "invisible")
            if word_fam:
                w.edit(rng.choice(family(word_fam)[ch]), ch, LOOKALIKE, "word", word_fam)
            elif script == "latin" and ch.isascii() and recipe.lookalike and rng.random() < recipe.lookalike:
                able = [f for f in recipe.families if family(f).get(ch)]
                if able:
                    fam = rng.choice(able)
                    w.edit(rng.choice(family(fam)[ch]), ch, LOOKALIKE, "char", fam)
                else:
                    w.keep(ch)
            elif ch in reversible and rng.random() < recipe.reverse:
                w.edit(reversible[ch], ch, LOOKALIKE, "reverse", "latin")
            else:
                w.keep(ch)
    if r_tags < recipe.tags:
        w.edit(payloads.encode_tags(rng.choice(payloads.TAG_MESSAGES)), "", TAG_PAYLOAD, "tags")
    if r_anchor < recipe.anchors:
        w.edit(" " + recipe.keyword, "", SPAM_ANCHOR, "anchor")


def tamper(text: str, recipe: Recipe | None = None, *, seed: int = 0, **rates: object) -> Tampered:
    """Tamper with ``text`` as ``recipe`` (or keyword rates) says; the same seed gives the same result.

    >>> t = tamper("Hello world. Bye now.", templates=1.0, seed=3)
    >>> t.count("spam_template"), t.restore()
    (1, 'Hello world. Bye now.')
    """
    recipe = (recipe or Recipe())._replace(**rates) if rates else (recipe or Recipe())
    for fam in recipe.families:
        family(fam)  # fail early on a misspelt family
    rng = random.Random(seed)
    w = _Writer()
    pos = 0
    for m in _WORD.finditer(text):
        _write_gap(w, text[pos:m.start()], recipe, rng)
        _write_word(w, m.group(), recipe, rng)
        pos = m.end()
    _write_gap(w, text[pos:], recipe, rng)
    return Tampered("".join(w.parts), text, tuple(w.edits), seed)


def _write_gap(w: _Writer, gap: str, recipe: Recipe, rng: random.Random) -> None:
    if not recipe.templates:
        w.keep(gap)
        return
    pos = 0
    for m in _SENTENCE_END.finditer(gap):
        w.keep(gap[pos:m.end()])
        pos = m.end()
        if rng.random() < recipe.templates:
            sentence = rng.choice(payloads.TEMPLATES).format(kw=recipe.keyword)
            # mid-paragraph it goes before the next sentence; at a line end, after the last one
            w.edit(sentence + " " if m.group() else " " + sentence, "", SPAM_TEMPLATE, "template")
    w.keep(gap[pos:])


__all__ = ["FAMILIES", "Recipe", "tamper"]
