"""Character tables generated from Unicode 17 data by ``tools/gen_tables.py``, loaded on first use.

>>> script("ս"), script("a"), script("’")
('Armenian', 'Latin', 'Common')
>>> lookalike("е").targets
'e'
>>> lookalike("a") is None
True
"""

from __future__ import annotations

import json
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

NEUTRAL_SCRIPTS = frozenset({"Common", "Inherited", "Unknown"})


class Lookalike(NamedTuple):
    #: intended Latin letters, best first ("lI" for a shape that reads as l or I)
    targets: str
    #: where the knowledge comes from: intentional, confusables, compatibility, rule:…, reviewed
    source: str
    #: the character is in modern use (UTS #39 identifier status Allowed), e.g. Cyrillic е, Polish ł
    allowed: bool


class _Tables:
    def __init__(self) -> None:
        raw = json.loads(resources.files(__package__).joinpath("unicode.json").read_text(encoding="utf-8"))
        self.unicode_version: str = raw["unicode_version"]
        names = raw["scripts"]["names"]
        ranges = raw["scripts"]["ranges"]
        self.range_starts = [a for a, _, _ in ranges]
        self.range_ends = [b for _, b, _ in ranges]
        self.range_scripts = [names[i] for _, _, i in ranges]
        self.lookalike = {ch: Lookalike(t, s, bool(a)) for ch, (t, s, a) in raw["lookalike"].items()}
        self.reverse: dict[str, dict[str, tuple[str, ...]]] = {
            s: {letter: tuple(chars) for letter, chars in m.items()} for s, m in raw["reverse"].items()
        }
        self.extra_reasons: dict[str, str] = raw["extra_reasons"]


@lru_cache(maxsize=1)
def tables() -> _Tables:
    return _Tables()


@lru_cache(maxsize=65536)
def script(ch: str) -> str:
    """The Unicode Script property of one character (``Unknown`` when unassigned)."""
    t = tables()
    cp = ord(ch)
    i = bisect_right(t.range_starts, cp) - 1
    if i >= 0 and cp <= t.range_ends[i]:
        return t.range_scripts[i]
    return "Unknown"


def lookalike(ch: str) -> Lookalike | None:
    """What Latin letter(s) ``ch`` is drawn like, if it is a look-alike of one."""
    return tables().lookalike.get(ch)


def reverse(script_name: str, letter: str) -> tuple[str, ...]:
    """Letters of ``script_name`` that read as the ASCII ``letter`` (for Latin inside Cyrillic/Greek)."""
    return tables().reverse.get(script_name, {}).get(letter, ())


def _lines(name: str) -> list[str]:
    """The lines of a generated word table, without its header comments."""
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _english_names() -> frozenset[str]:
    return frozenset(_lines("names_en.txt"))


def english_name(word: str) -> bool:
    """Whether English writes ``word`` only with a capital: a name, place or nationality
    ("london", "Wales", "Hungarian"), not a word that is also common ("bath", "may"). From the
    en_US Hunspell dictionary, by ``tools/gen_names.py``.

    >>> english_name("london"), english_name("Freight"), english_name("may")
    (True, False, False)
    """
    return word.lower() in _english_names()


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, str]:
    return dict(line.split(" ", 1) for line in _lines("wordclass_en.txt"))


def word_classes(word: str) -> str:
    """The classes an English word can take, most usual first, one letter each: N noun, V
    finite verb, B base verb, P past participle, G -ing form, J adjective, R adverb, D
    determiner, I preposition or conjunction, O other. A word the tagger lexicon lists only as
    a noun, or not at all, reads ``"N"``. From en-lexicon, by ``tools/gen_wordclass.py``.

    >>> word_classes("arrives"), word_classes("new"), word_classes("Whose"), word_classes("zebra")
    ('V', 'J', 'D', 'N')
    """
    return _word_classes().get(word.lower(), "N")
