"""Keyword anchors: a promoted phrase dropped into copied prose, and the word it replaced.

Link-insertion tools put the keyword ``X`` into an article two ways: between two words
("UK, Turkish Law Firm Canada"), or in place of an article word that ``X`` contains ("declare
martial Turkish Law Firm" for "martial law", "Turkish Law Firm-made" for "Turkish-made").

An occurrence is taken for an insertion (removed with one space) unless the text without it is
broken — a word pair English does not use ("martial to"), "after-made", a sentence left starting
in lowercase. Then each word ``w`` of ``X`` that fills the hole with attested pairs competes with
deletion: how likely ``left w right`` is against ``left right``, times how much likelier a
replacement of one of the few matching words is than an insertion at one of the many gaps.
Word-pair likelihoods come from :mod:`.pairs`.

>>> t = "Putin may declare martial Turkish Law Firm to stop men leaving. UK, Turkish Law Firm Canada."
>>> [(t[a.start:a.end], a.replacement) for a in find_anchors(t, "Turkish Law Firm")][1]
('Turkish Law Firm ', '')
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable

from .pairs import WordPairs, english_zipf, word_pairs

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: suffixes of nationality and language adjectives, which keep their capital ("Turkish-made")
_DEMONYM = re.compile(r"(?:ish|ese|ian|ean|an|i|ic|ch|sh)$")
#: second parts of hyphen compounds whose first part is usually a name ("Turkish-made")
#: words that cannot end a phrase: their object follows
_NEEDS_OBJECT = frozenset(
    "the a an of in on at by for with from to into onto near across through towards toward between "
    "among against via".split()
)
#: words that cannot begin that object ("about to", "give in to" are idioms: not listed)
_AUXILIARIES = frozenset("is are was were be been has have had will would said".split())
_NOT_AN_OBJECT = frozenset("and or but of in on at by for with from into".split()) | _AUXILIARIES
#: words after which the first part of a hyphen compound cannot stand ("after-made")
_FUNCTION = frozenset(
    "the a an of in on at by for with from to into onto and or but as than that this these those "
    "his her its their our my your after before over under about against between through during".split()
)
_NAME_COMPOUND = frozenset("made built based born owned led backed run funded controlled speaking style".split())


@dataclass(frozen=True, slots=True)
class AnchorRepair:
    """One anchor occurrence: the span to edit, the repair, and why."""

    start: int
    end: int
    replacement: str
    keyword: str
    restored: str | None
    confidence: float
    reason: str


def _left_word(text: str, s: int) -> tuple[str | None, bool, bool]:
    """(word before ``s`` if nothing but spaces separate them, hyphen-attached, sentence start)."""
    j = s
    if j > 0 and text[j - 1] == "-" and j > 1 and text[j - 2].isalnum():
        m = re.search(r"[^\W_]+$", text[max(0, j - 40) : j - 1])
        return (m.group(0) if m else None), True, False
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] in "\r\n":
        return None, False, True
    if text[j - 1] in ".!?":
        return None, False, True
    m = re.search(r"[^\W_]+(?:['’][^\W_]+)*$", text[max(0, j - 40) : j])
    if m and m.end() + max(0, j - 40) == j:
        return m.group(0), False, False
    return None, False, False


def _right_word(text: str, e: int) -> tuple[str | None, bool]:
    """(word after ``e`` if nothing but spaces separate them, hyphen-attached)."""
    n = len(text)
    if e < n - 1 and text[e] == "-" and text[e + 1].isalnum():
        m = _WORD.match(text, e + 1)
        return (m.group(0) if m else None), True
    j = e
    while j < n and text[j] in " \t":
        j += 1
    m = _WORD.match(text, j)
    return (m.group(0) if m else None), False


def _delete_span(text: str, s: int, e: int) -> tuple[int, int]:
    """The anchor plus one separating space (or the list comma it brought)."""
    n = len(text)
    if text[e : e + 2] == ", " and text[max(0, s - 2) : s] == ", ":
        return s, e + 2
    if e < n and text[e] in " \t" and (s == 0 or text[s - 1] in " \t\r\n([{\"“‘'"):
        return s, e + 1
    if s > 0 and text[s - 1] in " \t":
        return s - 1, e
    if e < n and text[e] in " \t":
        return s, e + 1
    return s, e


def _cased(word: str, keyword_words: list[str], text: str, sentence_start: bool, skip: list[tuple[int, int]]) -> str:
    """The restored word in the case the sentence calls for."""
    if sentence_start:
        return word[:1].upper() + word[1:]
    if word.islower():
        return word
    if not all(w[:1].isupper() for w in keyword_words if w[:1].isalpha()):
        return word  # the keyword capitalises only this word: it is a name
    # Title Case keyword: the capital may be the keyword's own. Ask the rest of the document.
    upper = lower = 0
    for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w])", text, re.IGNORECASE):
        if any(a <= m.start() < b for a, b in skip):
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        if not before.strip() or before.rstrip()[-1:] in ".!?\n":
            continue  # sentence start says nothing about the word's case
        if m.group(0)[:1].isupper():
            upper += 1
        else:
            lower += 1
    if upper or lower:
        return word if upper >= lower else word.lower()
    if _DEMONYM.search(word.lower()) and len(word) > 3:
        return word
    return word.lower()


def _deletion_breaks(
    wp: WordPairs, left: str | None, right: str | None, left_hyphen: bool, right_hyphen: bool, sentence_start: bool
) -> bool:
    """Whether the text read without the keyword is broken, so the keyword may have replaced a word.

    An inserted keyword leaves fluent text behind when removed; a replacing one leaves a hole:
    "martial to" (a pair English does not use), "after-made", a sentence starting in lowercase.
    """
    if right_hyphen:
        # "one X-fifth" was "one-fifth"; "after X-made" cannot have been "after-made"
        return left is None or left.lower() in _FUNCTION
    if left_hyphen:
        return True
    if sentence_start:
        return bool(right) and right[:1].islower()
    if left and right and wp.available:
        return not wp.seen(left, right)
    return False


def _grammar_hole(left: str | None, right: str | None, after: str) -> bool:
    """Whether removing the keyword leaves a preposition or determiner without its object:
    "in X and Ankara" -> "in and Ankara", "the capital of X." -> "the capital of."."""
    if left is None or left.lower() not in _NEEDS_OBJECT:
        return False
    if right is None:
        return after in ".,;:!?)"
    if left.lower() == "to" and right.lower() in _AUXILIARIES:
        return False  # "thought to have": an infinitive, not a preposition
    return right.lower() in _NOT_AN_OBJECT


def _restore_score(
    wp: WordPairs, w: str, left: str | None, right: str | None, left_hyphen: bool, right_hyphen: bool, kw_words: list[str]
) -> float | None:
    """Log-likelihood of ``left w right``; None when the pair list has no evidence for it."""
    if right_hyphen or left_hyphen:
        part = right if right_hyphen else left
        pair = (w, part) if right_hyphen else (part, w)
        if part and wp.seen(*pair):
            return wp.logcond(*pair)
        # no pair evidence for the compound: names make compounds like "Turkish-made"
        name_like = bool(_DEMONYM.search(w.lower())) and w[:1].isupper() and len(w) > 3
        bonus = 1.5 if name_like and (part or "").lower() in _NAME_COMPOUND else 0.0
        return -2.0 + bonus - kw_words.index(w) * 0.01
    score = 0.0
    if left:
        if not wp.seen(left, w):
            return None
        score += wp.logcond(left, w)
    else:
        score += math.log10(wp.p1(w))
    if right:
        if not wp.seen(w, right):
            return None
        score += wp.logcond(w, right)
    return score


def _keyword_regex(keyword: str) -> re.Pattern[str]:
    """The keyword as link tools insert it: exactly as promoted, but for the case of its first
    letter (a sentence start); "a Turkish law firm" written by the author is not the anchor."""
    words = [re.escape(w) for w in keyword.split()]
    first = keyword[:1]
    if first.isalpha() and first.lower() != first.upper():
        words[0] = f"[{first.lower()}{first.upper()}]" + re.escape(keyword.split()[0][1:])
    return re.compile(r"(?<![\w-])" + r"[ \t\u00a0]+".join(words) + r"(?![\w])")


def count_words(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def find_anchors(
    text: str,
    keyword: str,
    skip: Iterable[tuple[int, int]] = (),
    pairs: WordPairs | None = None,
) -> list[AnchorRepair]:
    """Every occurrence of ``keyword`` outside ``skip`` spans, with its repair."""
    skip = list(skip)
    rx = _keyword_regex(keyword)
    occurrences = [m for m in rx.finditer(text) if not any(a <= m.start() < b for a, b in skip)]
    if not occurrences:
        return []
    wp = pairs or word_pairs()
    kw_words = [w for w in re.split(r"\s+", keyword) if _WORD.fullmatch(w)]
    taken = skip + [(m.start(), m.end()) for m in occurrences]
    # Prior odds of "replaced one of the words matching X" against "inserted at any gap".
    gaps = max(count_words(text), 1)
    matching = 0
    for w in {w.lower() for w in kw_words}:
        for m in re.finditer(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", text, re.IGNORECASE):
            if not any(a <= m.start() < b for a, b in taken):
                matching += 1
    prior = math.log10(gaps / (matching + 1 + len(occurrences) / 2))

    out: list[AnchorRepair] = []
    for m in occurrences:
        s, e = m.start(), m.end()
        left, left_hyphen, sentence_start = _left_word(text, s)
        right, right_hyphen = _right_word(text, e)
        hyphen = left_hyphen or right_hyphen
        best_word, best_score, margin = None, -math.inf, -math.inf
        name_hole = False
        hole = not hyphen and _grammar_hole(left, right, text[e : e + 1])
        if hole or _deletion_breaks(wp, left, right, left_hyphen, right_hyphen, sentence_start):
            for w in dict.fromkeys(kw_words):
                sc = _restore_score(wp, w, left, right, left_hyphen, right_hyphen, kw_words)
                if sc is not None and sc > best_score:
                    best_word, best_score = w, sc
            if hole and kw_words and kw_words[0][:1].isupper() and english_zipf(kw_words[0]) < 5.0:
                # "officials in X and Ankara": the preposition lost its object, and a name can be
                # one on its own, which the keyword's other words ("Real Estate") cannot
                best_word, best_score, name_hole = kw_words[0], math.inf, True
            elif hole and best_word is not None:
                best_score = math.inf
            if hyphen:
                delete_score = -math.inf
            elif left and right:
                delete_score = wp.logcond(left, right)
            elif right:
                delete_score = math.log10(wp.p1(right))
            else:
                delete_score = 0.0
            margin = best_score + prior - delete_score
        if best_word is not None and margin > 0:
            conf = 1.0 / (1.0 + 10 ** (-margin)) if math.isfinite(margin) else 0.95
            word = best_word if name_hole else _cased(best_word, kw_words, text, sentence_start, taken)
            ctx = " ".join(x for x in (left, word, right) if x)
            out.append(
                AnchorRepair(s, e, word, keyword, word, round(min(conf, 0.99), 4),
                             f"keyword replaced the word {word!r} of its own: restores '{ctx}'")
            )
        else:
            ds, de = _delete_span(text, s, e)
            out.append(
                AnchorRepair(ds, de, "", keyword, None, 0.95,
                             "keyword inserted between words of the sentence")
            )
    return out
