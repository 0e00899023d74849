"""Keywords promoted without a template: a repeated phrase that breaks its sentences.

A link-insertion tool repeats one phrase ("Turkish Law Firm") across an article, and because it
drops the phrase in without regard to grammar, most occurrences break the sentence around them:
hyphen-attached ("Turkish Law Firm-made"), directly before a determiner ("Siberia, Turkish Law
Firm the Pacific"), glued to another name ("UK, Turkish Law Firm Canada"), or where one of its
own words reads better ("martial Turkish Law Firm to" — "martial law to"). Legitimate repeated
names ("Volodymyr Zelensky", "Ministry of Defense", "Pentagon") sit in grammatical positions,
and are mostly made of rare words; single words are never candidates. A lowercase keyword
("cheap viagra") must break at least three of its uses, in three different places, and most of
them; only English text is judged, since the pair statistics are English.

>>> t = ("Soldiers from the UK, Turkish Law Firm Canada and Poland. It held Siberia, Turkish Law Firm "
...      "the Pacific. They bought Turkish Law Firm-made drones. Volodymyr Zelensky spoke; later "
...      "Volodymyr Zelensky left, and Volodymyr Zelensky returned.")
>>> [k for k, _ in discover_keywords(t)]
['Turkish Law Firm']
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable

from .pairs import WordPairs, english_zipf, word_pairs
from .spans import Spans

#: a phrase is promoted when it appears at least this often and breaks at least BREAKS of them
MIN_REPEATS = 3
BREAKS = 2
#: every word of a promoted phrase is a word of English, if a rare one ("installers" 2.6,
#: "locksmith" 2.8); a foreign name's are rarer still ("Zelensky" 1.8, "Volodymyr" 2.3)
MIN_ZIPF = 2.5
MAX_WORDS = 5
#: and the breaking occurrences are at least this share of all (names sit well most of the time)
BREAK_SHARE = 0.34
#: how an occurrence breaks its sentence: in a way no name could, or as a name after a verb could
WEAK, STRONG = 1, 2
#: a page whose templates already name its keyword: another phrase must break at least this many
#: of its uses and this share ("expand Meadow Lane to", "make Meadow Lane the largest" read on
#: without the name, but a stadium's name is no second campaign)
SECOND_BREAKS = 3
SECOND_SHARE = 0.75
#: share of a text's words the English lists must know before English pair statistics judge it
MIN_ENGLISH = 0.8
#: a lowercase phrase is ordinary prose unless three of its uses, and most, break the sentence
LOWER_BREAKS = 3
LOWER_BREAK_SHARE = 0.6
#: how much more the neighbours must belong together than to the phrase (log10)
ASSOCIATION_MARGIN = 0.5

_TITLE_RUN = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+(?:[ \t]+|(?=-[a-z])|(?![\w])))+")
_DETERMINERS = frozenset("the a an this these those its their his her our my your".split())
#: words that open a noun phrase and cannot directly follow a name ("this", "that" can: "the
#: Port Authority this week", "the Authority that runs it")
_STARTS_NOUN_PHRASE = (_DETERMINERS - {"this", "that", "these", "those"}) | frozenset(
    "other another one some any each every no".split()
)
_FUNCTION = frozenset("and or but of to in on at for with by from as if when while after before".split())


def _runs(text: str) -> list[tuple[int, int, list[str]]]:
    out = []
    for m in _TITLE_RUN.finditer(text):
        words = m.group(0).split()
        if len(words) >= 2:
            out.append((m.start(), m.start() + len(m.group(0).rstrip()), words))
    return out


def has_repeated_title_phrase(text: str) -> bool:
    """Cheap pre-check: some run of two or more capitalised words occurs at least three times."""
    counts: Counter[str] = Counter()
    for m in _TITLE_RUN.finditer(text):
        run = m.group(0)
        if " " in run.strip():
            counts[run.strip()] += 1
    if not counts:
        return False
    if max(counts.values()) >= MIN_REPEATS:
        return True
    # a phrase can sit inside longer runs ("UK, Turkish Law Firm Canada"): count word pairs
    pairs: Counter[str] = Counter()
    for run, c in counts.items():
        words = run.split()
        for i in range(len(words) - 1):
            pairs[words[i] + " " + words[i + 1]] += c
    return max(pairs.values()) >= MIN_REPEATS


def _breaks(text: str, start: int, end: int, words: list[str], run_end: int, run_start: int | None = None) -> int:
    """How this occurrence of the phrase breaks the sentence around it: :data:`STRONG` where no
    name could stand so, :data:`WEAK` where a name could after a verb ("make Meadow Lane the
    largest", "expand Meadow Lane to"), 0 where it does not."""
    after = text[end : end + 1]
    before = text[start - 1 : start] if start else ""
    run_start = start if run_start is None else run_start
    if (after == "-" and text[end + 1 : end + 2].islower()) or (before == "-" and start > 1 and text[start - 2].islower()):
        return STRONG
    if run_end > end and text[max(0, start - 2) : start] == ", ":
        return STRONG  # a list item glued to the next one: "UK, Turkish Law Firm Canada"
    if run_end > end and run_start < start:
        # a name split in two ("Pacific Turkish Law Firm Ocean"): the halves belong together
        a = text[run_start:start].split()[-1]
        b = text[end:run_end].split()[0]
        wp = word_pairs()
        joined = wp.listed(a, b) or f"{a} {b}" in text
        if a.lower() not in _DETERMINERS and joined and not wp.listed(a, words[0]) and not wp.listed(words[-1], b):
            return STRONG
    if run_end > end:
        return 0  # the start of a longer name ("Riverside Avenue Bridge")
    nxt = re.match(r"[ \t]+([^\W\d_]+)", text[end : end + 40])
    prev = re.search(r"([^\W\d_]+)[ \t]+$", text[max(0, start - 40) : start])
    if nxt and nxt.group(1).lower() in _STARTS_NOUN_PHRASE:
        # a name does not run into a new noun phrase ("Siberia, X the Pacific", "and X a rooftop
        # cafe"), unless a verb takes both ("make X the largest")
        after_verb = prev is not None and prev.group(1).islower() and prev.group(1).lower() not in _FUNCTION
        return WEAK if after_verb else STRONG
    wp = word_pairs()
    if wp.available and prev and nxt and prev.group(1).islower():
        left, right = prev.group(1), nxt.group(1)
        if wp.listed(left, right) and _reads_on(wp, left, right, words):
            return WEAK  # "tanks Turkish Law Firm and": the sentence reads on without it
        if left.lower() in _DETERMINERS or left.lower() in _FUNCTION:
            return 0  # "apply the Apache License to": any name fits after "the"
        for w in words:
            if wp.listed(left, w) and wp.listed(w, right) and not wp.listed(left, words[0]):
                return STRONG  # "martial Law to": one of its own words fits the gap
    return 0


def breaks_sentence(text: str, start: int, end: int) -> bool:
    """Whether the phrase at ``start:end`` breaks the sentence it sits in: hyphen-attached, or
    as :func:`_breaks` judges a capitalised phrase and :func:`_lower_breaks` a lowercase one."""
    words = text[start:end].split()
    if not words:
        return False
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalnum():
        return True
    if not words[0][:1].isupper():
        return _lower_breaks(text, start, end, words)
    run_start, run_end = start, end
    for m in _TITLE_RUN.finditer(text, max(0, start - 200), min(len(text), end + 200)):
        if m.start() <= start and end <= m.start() + len(m.group(0).rstrip()):
            run_start, run_end = m.start(), m.start() + len(m.group(0).rstrip())
    return _breaks(text, start, end, words, run_end, run_start) > 0


def discover_keywords(
    text: str, skip: Iterable[tuple[int, int]] = (), known: Iterable[str] = ()
) -> list[tuple[str, int]]:
    """Repeated phrases that break their sentences: ``[(phrase, occurrences that break)]``."""
    if text.count(" ") < 20:
        return []
    skip = Spans(skip)
    known_l = {k.lower() for k in known}
    # a phrase inside a named keyword ("Law Firm") is part of that campaign; any other is a
    # second one, which takes more evidence
    strict = bool(known_l)
    found = _title_phrases(text, skip, known_l, strict)
    known_l |= {k.lower() for k, _ in found}
    return found + _lowercase_phrases(text, skip, known_l)


#: a lowercase phrase: words joined by single spaces or tabs, none of them capitalised
_LOWER_RUN = re.compile(r"(?<![\w'’-])[a-z]+(?:[ \t]+[a-z]+)+(?![\w'’])")
def _english_enough(words: list[str]) -> bool:
    known = sum(1 for w in words if english_zipf(w) >= 1.0)
    return known >= MIN_ENGLISH * len(words)


def _lower_grams(text: str, skip: Spans) -> dict[tuple[str, ...], list[tuple[int, int]]]:
    """Spans of the lowercase word sequences (2 to MAX_WORDS words) that could be a keyword,
    seen at least MIN_REPEATS times: none starts or ends with a function word or determiner.
    Only sequences whose first pair repeats are extended, so long texts stay cheap."""
    stop = _FUNCTION | _DETERMINERS
    runs: list[tuple[int, str, list[str]]] = []
    pairs: Counter[tuple[str, str]] = Counter()
    for m in _LOWER_RUN.finditer(text):
        if m.start() in skip:
            continue
        words = m.group(0).split()
        runs.append((m.start(), m.group(0), words))
        pairs.update((a, b) for a, b in zip(words, words[1:]) if a not in stop)
    spans: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for start, run, words in runs:
        firsts = [i for i in range(len(words) - 1) if pairs[(words[i], words[i + 1])] >= MIN_REPEATS]
        if not firsts:
            continue
        offsets = [start + w.start() for w in re.finditer(r"[a-z]+", run)]
        for i in firsts:
            for n in range(2, min(MAX_WORDS, len(words) - i) + 1):
                if words[i + n - 1] not in stop:
                    last = i + n - 1
                    spans.setdefault(tuple(words[i : i + n]), []).append((offsets[i], offsets[last] + len(words[last])))
    return {g: occ for g, occ in spans.items() if len(occ) >= MIN_REPEATS}


def has_repeated_lower_phrase(text: str) -> bool:
    """Cheap pre-check: some lowercase pair of content words occurs at least three times."""
    stop = _FUNCTION | _DETERMINERS
    counts: Counter[tuple[str, str]] = Counter()
    for m in _LOWER_RUN.finditer(text):
        words = m.group(0).split()
        for pair in zip(words, words[1:]):
            if pair[0] not in stop and pair[1] not in stop:
                counts[pair] += 1
                if counts[pair] >= MIN_REPEATS:
                    return True
    return False


def _lowercase_phrases(text: str, skip: Spans, known_l: set[str]) -> list[tuple[str, int]]:
    """Lowercase keywords ("cheap viagra"): a repeated run of everyday or rare words whose every
    use reads better without it; only in English text, where the pair statistics apply."""
    if not _english_enough(re.findall(r"[^\W\d_]+", text[:5000])):
        return []
    grams = {g: occ for g, occ in _lower_grams(text, skip).items() if " ".join(g) not in known_l}
    # the longest phrase of a family that occurs equally often
    shorter = {part for g, occ in grams.items() for part in (g[1:], g[:-1]) if len(grams.get(part, ())) == len(occ)}
    out: list[tuple[str, int]] = []
    for gram in sorted(grams.keys() - shorter, key=lambda g: (-len(g), g)):
        phrase = " ".join(gram)
        if any(phrase in k for k, _ in out):
            continue
        occ = grams[gram]
        # a tool drops its keyword into many places; a phrase always in the same words is the
        # author's (or a repeated passage)
        contexts = {(text[max(0, s - 12) : s], text[e : e + 12]) for s, e in occ}
        if len(contexts) < LOWER_BREAKS:
            continue
        need = max(LOWER_BREAKS, math.ceil(LOWER_BREAK_SHARE * len(occ)))
        breaks = misses = 0
        for s, e in occ:
            if _lower_breaks(text, s, e, list(gram)):
                breaks += 1
            else:
                misses += 1
                if len(occ) - misses < need:
                    break  # too few uses left to break
        if breaks >= need:
            out.append((phrase, breaks))
    return out


def _lower_breaks(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether this use of a lowercase phrase breaks its sentence: it starts a sentence of prose
    in lowercase, or the words around it belong together while neither is tied to the phrase
    ("as cheap viagra well": "as well" is a pair, "as cheap" and "viagra well" are chance)."""
    before = text[max(0, start - 40) : start]
    if re.search(r"\w[.!?][\"”’)]?\s+$", before):
        return True  # a sentence of prose does not start in lowercase
    prev = re.search(r"([^\W\d_]+)[ \t]+$", before)
    nxt = re.match(r"[ \t]+([^\W\d_]+)", text[end : end + 40])
    wp = word_pairs()
    if not (prev and nxt and wp.available):
        return False
    return _reads_on(wp, prev.group(1), nxt.group(1), words)


def _reads_on(wp: WordPairs, left: str, right: str, words: list[str]) -> bool:
    """Whether ``left right`` belong together far more than either belongs to the phrase between
    them. Discovery reads the pair list alone: it names keywords from nothing, so it takes only
    frequent pairs as evidence."""
    tied = wp.association(left, words[0], listed_only=True) + wp.association(words[-1], right, listed_only=True)
    return wp.association(left, right, listed_only=True) > tied + ASSOCIATION_MARGIN


def _title_phrases(text: str, skip: Spans, known_l: set[str], strict: bool = False) -> list[tuple[str, int]]:
    runs = [r for r in _runs(text) if r[0] not in skip]
    if len(runs) < MIN_REPEATS:
        return []
    counts: Counter[str] = Counter()
    for _, _, words in runs:
        seen: set[str] = set()
        for n in range(2, min(MAX_WORDS, len(words)) + 1):
            for i in range(len(words) - n + 1):
                seen.add(" ".join(words[i : i + n]))
        counts.update(seen)
    candidates = [p for p, c in counts.items() if c >= MIN_REPEATS and p.lower() not in known_l]
    # keep the longest phrase of a family that occurs equally often
    candidates = [p for p in candidates if not any(p != q and p in q and counts[q] == counts[p] for q in candidates)]
    out: list[tuple[str, int]] = []
    for phrase in sorted(candidates, key=lambda p: -len(p)):
        words = phrase.split()
        if any(english_zipf(w) < MIN_ZIPF for w in words):
            continue
        if any(phrase in k for k, _ in out):
            continue
        if words[0].lower() in _DETERMINERS or words[0].lower() in _FUNCTION:
            continue
        breaks = total = 0
        strong = False  # at least one break no name could make
        for rs, re_, rwords in runs:
            run_text = text[rs:re_]
            for m in re.finditer(r"(?<![\w])" + re.escape(phrase) + r"(?![\w])", run_text):
                s, e = rs + m.start(), rs + m.end()
                how = _breaks(text, s, e, words, re_ if m.end() < len(run_text) else e, rs)
                breaks += how > 0
                strong = strong or how == STRONG
                total += 1
        least, share = (BREAKS, BREAK_SHARE)
        if strict and not any(phrase.lower() in k for k in known_l):
            least, share = (SECOND_BREAKS, SECOND_SHARE)
        if strong and breaks >= least and breaks >= share * total:
            out.append((phrase, breaks))
    return out
