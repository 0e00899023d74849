"""Marks scrapers leave: link text dropped from a sentence, and sentences glued together.

A scraper that keeps a page's text but drops its links leaves holes ("on their way to .",
"cities like , , Odessa", "hundreds of the from"), and one that joins block elements without a
space glues sentences ("the fighting.Some units"). Both are reported; only the glue has a repair
(a zero-width insertion of a space), which ``--fix-spacing`` applies.

>>> [(g.start, g.end, g.replacement) for g in glued_sentences("It ended.Then a U.S. ship, e.g. Acme.com, came.")]
[(9, 9, ' ')]
>>> [t for _, _, t in link_gaps("They are on their way to . The route like , , Odessa.")]
['to .', 'like , ,']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .template import ascii_lower

#: abbreviations after which a capital does not start a new sentence
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jr sr prof gen col lt sgt capt cpt rev hon vs etc no nos inc ltd co corp mt ft "
    "ave jan feb mar apr jun jul aug sep sept oct nov dec fig figs vol eq al approx dept est govt "
    "op ch sec pp cf ca".split()
)
#: words after which a dropped link leaves the sentence visibly incomplete
_NEEDS_OBJECT = (
    "the a an his her their its our my your to in of from by with at on for like into onto "
    "towards toward as than and or via between among including"
).split()
# top-level domains that are not also English words starting a sentence ("In", "Me", "Us")
_TLDS = frozenset("com org net edu gov mil io uk de ru biz tv eu jp cn".split())
_DETERMINERS = "the a an his her their its our my your".split()
_PREP_OR_CONJ = "of to in from by with at on for into and or than as".split()

_GLUE = re.compile(r"([.!?]+)(?=[‘’'\"“]?[A-Z][a-z])")
# The gap patterns run on a lowercased copy (same length), so they can be case-sensitive, which
# the regex engine scans much faster than alternations under IGNORECASE.
_NEEDS_OBJECT_SET = frozenset(_NEEDS_OBJECT)
_SPACE_PUNCT = re.compile(r"[ \t]+[.,;:](?!\d)")
_EMPTY_ITEM = re.compile(r",[ \t]+,")
_DET_THEN_FUNCTION = re.compile(
    r"\b(?:" + "|".join(_DETERMINERS) + r")[ \t]+(?:" + "|".join(_PREP_OR_CONJ) + r")\b"
)
# a place name dropped before a time expression: "a strait in yesterday morning"
_PLACE_BEFORE_TIME = re.compile(r"\b(?:in|at|near|off|to)[ \t]+(?:yesterday|today|tomorrow|tonight)\b(?!['’]s)")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")


@dataclass(frozen=True, slots=True)
class Glue:
    start: int
    end: int
    replacement: str
    context: str


def glued_sentences(text: str) -> list[Glue]:
    """Sentence ends with no space before the next capitalised word ("fighting.Some")."""
    out: list[Glue] = []
    for m in _GLUE.finditer(text):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            continue  # the end of a sentence follows a word or number
        end_punct = m.end()
        # the token around the glue, up to whitespace on both sides
        a = m.start()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        b = end_punct
        while b < len(text) and not text[b].isspace():
            b += 1
        token = text[a:b]
        before = text[a : m.start()]
        if any(s in token for s in ("/", "@", "://", "www.", "\\", "_")):
            continue  # URL, e-mail address, path
        if "." in before or "." in text[end_punct:b].rstrip(".,;:!?)”’\"'"):
            continue  # abbreviation with inner dots (U.S.A), domain, version, file name
        word = re.search(r"[^\W_]+$", before)
        if word is None:
            continue
        w = word.group(0)
        if m.group(1) == "." and (w.lower() in _ABBREVIATIONS or (len(w) == 1 and w.isupper())):
            continue  # "Mr.Smith", "J.Smith"
        if m.group(1) == "." and w.isupper() and len(w) <= 4 and not w.isdigit():
            continue  # "ASP.Net"-like identifiers and acronyms
        nxt = text[end_punct:b]
        if "(" in nxt or "=" in nxt:
            continue  # code: obj.Method(
        head = re.match(r"[‘’'\"“]?([^\W\d_]+)", nxt)
        if head and head.group(1).lower() in _TLDS:
            continue  # a domain written with capitals: Example.Com
        out.append(Glue(end_punct, end_punct, " ", text[max(0, a) : b]))
    return out


def link_gaps(text: str) -> list[tuple[int, int, str]]:
    """Holes left by dropped link text: (start, end, the words around the hole)."""
    low = ascii_lower(text)
    spans: list[tuple[int, int]] = []
    for m in _SPACE_PUNCT.finditer(low):
        if low[m.end() - 1] == "." and low[m.end() : m.end() + 2] == "..":
            continue  # an ellipsis
        w = _LAST_WORD.search(low, max(0, m.start() - 20), m.start())
        if w and w.group(1) in _NEEDS_OBJECT_SET:
            spans.append((w.start(), m.end()))
    rxs = [_EMPTY_ITEM, _DET_THEN_FUNCTION]
    if any(w in low for w in ("yesterday", "today", "tomorrow", "tonight")):
        rxs.append(_PLACE_BEFORE_TIME)
    for rx in rxs:
        spans.extend((m.start(), m.end()) for m in rx.finditer(low))
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e, text[s:e]) for s, e in merged]
