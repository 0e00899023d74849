"""Calls to action the grammar lacks: call-to-action words around a phrase the page repeats.

Spinners have more synonyms than any grammar lists ("Should you prize this short article …",
"… its worth a look"), so a sentence the families of :mod:`.template` do not match may still be
one. Two marks together tell it from prose: nearly every word of the sentence besides the
keyword is a word of the grammar's own slots or a function word, and the keyword is a phrase of
two or more words that the page uses at least twice more, where it breaks the sentences it sits
in (hyphen-attached, between two words that belong together, or in place of one of its own
words). A sentence made almost wholly of call-to-action words needs no such evidence.

>>> body = ("Fans queued for seats, best bitcoin casino and many left. The club sold best bitcoin "
...         "casino-branded shirts. Officials said the best bitcoin casino ground would reopen. ")
>>> t = body + "Please check out the web-site for more info about best bitcoin casino, its worth a look."
>>> [(m.family, m.keyword) for m in find_loose_templates(t)]
[('call_to_action_words', 'best bitcoin casino')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .anchor import find_anchors, keyword_regex
from .discover import breaks_sentence
from .template import (
    MAX_KEYWORD_WORDS,
    TemplateMatch,
    best_reading,
    call_to_action_words,
    clean_keyword,
    mask_name_dots,
    sentence_starts,
    site_word,
    slot_pattern,
    slot_phrases,
    trigger_sentences,
)

FAMILY = "call_to_action_words"
#: a call to action is one sentence of moderate length
MAX_SENTENCE_WORDS = 45
#: share of the sentence's other words that must be call-to-action or function words
MIN_SHARE = 0.7
#: at or above this share the keyword needs no other evidence than its repetition
SURE_SHARE = 0.9
#: the keyword's uses elsewhere on the page
MIN_OTHER_USES = 2

#: a word, read on text whose name dots are masked (:func:`.template.mask_name_dots`): "St.",
#: "No.1" and "24/7" are words of a keyword
_WORD = re.compile(r"[^\W_](?:[\w'’&\u2024]|(?<=\d)/(?=\d))*(?:-[\w'’&]+)*")
_PHRASE = re.compile(r"(?:[\w'’&\u2024-]|(?<=\d)/(?=\d))+(?: (?:[\w'’&\u2024-]|(?<=\d)/(?=\d))+)*")
#: a phrase after one of these is part of a noun phrase of the sentence ("a revised version on
#: our website"), not a promoted keyword
_DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())


@lru_cache(maxsize=1)
def _addressed() -> re.Pattern[str]:
    """What makes a sentence address its reader: the speaker's own site, "us", or a visit verb."""
    return re.compile(r"\b(?:our|my|us)\b|" + slot_pattern(slot_phrases("visit_verb", "contact")), re.IGNORECASE)


@lru_cache(maxsize=1)
def _introducers() -> frozenset[str]:
    """The one-word prepositions that introduce a keyword ("regarding X"), never its first word."""
    return frozenset(p.lower() for p in slot_phrases("about") if " " not in p)


def _share(words: list[str]) -> float:
    vocabulary = call_to_action_words()
    return sum(w.lower() in vocabulary for w in words) / max(1, len(words))


def _bounded(text: str, a: int, b: int, sentence_start: int) -> bool:
    """Whether ``a:b`` is a whole phrase: not cut from a run of capitalised words, and not
    inside a noun phrase of the sentence."""
    phrase = text[a:b]
    if phrase[-1:].isalnum() and re.match(r"[ \t]+[A-Z]", text[b : b + 2]) and phrase.split()[-1][:1].isupper():
        return False
    prev = re.search(r"([\w'’]+)[ \t]+$", text[max(sentence_start, a - 30) : a])
    if prev is None:
        return True
    if prev.group(1).lower() in _DETERMINERS:
        return False
    # a capitalised word before a capitalised phrase is the start of the name, unless it opens
    # the sentence ("Visit Sea View Cottages")
    opens = text[sentence_start : a - len(prev.group(0))].strip() == ""
    return not (prev.group(1)[:1].isupper() and phrase[:1].isupper() and not opens)


def _candidates(text: str, masked: str, start: int, end: int) -> dict[str, tuple[int, int, float]]:
    """Phrases of the sentence that could be its keyword: ``{phrase: (start, end, share)}``;
    ``masked`` is ``text`` with its name dots masked."""
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(masked, start, end)]
    out: dict[str, tuple[int, int, float]] = {}
    for i in range(len(tokens)):
        for j in range(i + 2, min(len(tokens), i + MAX_KEYWORD_WORDS) + 1):
            a, b = tokens[i][0], tokens[j - 1][1]
            phrase = text[a:b]
            if not _PHRASE.fullmatch(masked, a, b):
                break  # a phrase does not cross punctuation
            words = phrase.split()
            if all(w.lower() in call_to_action_words() for w in words) or words[0].lower() in _introducers():
                continue
            if clean_keyword(phrase) != phrase:
                continue
            if site_word().fullmatch(words[-1]) or site_word().match(text, b + 1) and text[b : b + 1] == " ":
                continue  # a site's owner or kind ("the Audit Office website"), not a keyword
            if not _bounded(text, a, b, start):
                continue
            rest = [text[s:e] for s, e in tokens[:i] + tokens[j:]]
            share = _share(rest)
            if share >= MIN_SHARE:
                out[phrase] = (a, b, share)
    return out


def _match(text: str, masked: str, start: int, end: int) -> TemplateMatch | None:
    sentence = text[start:end]
    if len(sentence.split()) > MAX_SENTENCE_WORDS or not _addressed().search(sentence):
        return None
    uses: dict[str, list[tuple[int, int]]] = {}
    candidates = _candidates(text, masked, start, end)
    for phrase in candidates:
        found = [(m.start(), m.end()) for m in keyword_regex(phrase).finditer(text) if not start <= m.start() < end]
        if len(found) >= MIN_OTHER_USES:
            uses[phrase] = found
    # the longest phrase of those used equally often ("Property Tax Attorney", not "Property Tax")
    whole = [p for p in uses if not any(p != q and p in q and len(uses[q]) == len(uses[p]) for q in uses)]
    for phrase in sorted(whole, key=lambda p: (-len(p.split()), -len(p))):
        a, b, share = candidates[phrase]
        if share < SURE_SHARE and not _evidence(text, phrase, uses[phrase], (start, end)):
            continue
        return TemplateMatch(start, end, FAMILY, phrase, a, b)
    return None


def _evidence(text: str, phrase: str, uses: list[tuple[int, int]], sentence: tuple[int, int]) -> bool:
    """Whether one use elsewhere breaks its sentence, or took the place of one of its own words."""
    if any(breaks_sentence(text, s, e) for s, e in uses):
        return True
    return any(a.replacement for a in find_anchors(text, phrase, [sentence]))


def find_loose_templates(
    text: str, found: Iterable[TemplateMatch] = (), sentences: list[tuple[int, int]] | None = None
) -> list[TemplateMatch]:
    """Call-to-action sentences of ``text`` outside the ``found`` ones (the grammar's);
    ``sentences``: the :func:`.template.trigger_sentences` of ``text``, when already found."""
    found = list(found)
    masked = mask_name_dots(text)
    out: list[TemplateMatch] = []
    for start, end in trigger_sentences(text) if sentences is None else sentences:
        if any(start < m.end and m.start < end for m in found):
            continue
        while end > start and text[end - 1] in " \t":
            end -= 1
        matches = [m for s in sentence_starts(text, start, end) if (m := _match(text, masked, s, end))]
        if matches:
            out.append(best_reading(matches))
    return out
