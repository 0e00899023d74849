"""Keyword anchors: a promoted phrase dropped into copied prose, and the word it replaced.

Link-insertion tools put the keyword ``X`` into an article two ways: between two words
("UK, Turkish Law Firm Canada"), or in place of an article word that ``X`` contains ("declare
martial Turkish Law Firm" for "martial law", "Turkish Law Firm-made" for "Turkish-made").

Each occurrence weighs the two readings for every word ``w`` of ``X``: how strongly ``w``
belongs with its neighbours ("martial law", "law to") against how strongly they belong together
without it ("martial to"), how often the article would use ``w``, and how much likelier the
tool's pick of one of the few matching words is than of one of the many gaps
(:meth:`_Document.replaced_odds`). Holes settle it: a preposition without its object, a sentence
starting in lowercase, a hyphen compound English does not use ("after-made"), and, by the word
classes of a tagger lexicon (:func:`unspoof.tables.word_classes`), a noun phrase without its
noun before a verb ("the new X arrives") or a modal without its verb ("will also X additional").
Word statistics come from :mod:`.pairs`.

>>> t = "Putin may declare martial Turkish Law Firm to stop men leaving. UK, Turkish Law Firm Canada."
>>> [(t[a.start:a.end], a.replacement) for a in find_anchors(t, "Turkish Law Firm")][1]
('Turkish Law Firm ', '')
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ...tables import english_name, word_classes
from .pairs import WordPairs, english_zipf, word_pairs
from .spans import Spans

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: suffixes of nationality and language adjectives, which keep their capital ("Turkish-made")
_DEMONYM = re.compile(r"(?:ish|ese|ian|ean|an|i|ic|ch|sh)$")
#: words that cannot end a phrase: their object follows
_NEEDS_OBJECT = frozenset(
    "the a an of in on at by for with from to into onto near across through towards toward between "
    "among against via their our your my its whose every another several various other".split()
)
#: words that cannot begin that object ("about to", "give in to" are idioms: not listed)
_AUXILIARIES = frozenset("is are was were be been has have had will would said".split())
_NOT_AN_OBJECT = (
    frozenset("and or but of in on at by for with from into than if they he she we you it".split()) | _AUXILIARIES
)
#: modal verbs, lowercase ("May" is a month)
_MODALS = frozenset("can could shall should may might must".split())
#: the verbs a bare infinitive follows ("will also hire")
_MODAL_VERBS = _MODALS | {"will", "would"}
#: conjunctions that cannot end a sentence ("and," can go on: "and, as a result,")
_CONJUNCTIONS = frozenset("and or nor but".split())
#: the words that open a correlative pair, by its conjunction: "between A and" needs its B
_CORRELATIVES = {"and": frozenset({"between", "both"}), "or": frozenset({"either", "whether"}), "nor": frozenset({"neither"})}
#: articles and the determiners that open a noun phrase which must then have its noun
_ARTICLES = frozenset("a an the every each another".split())
_DETERMINERS = _ARTICLES | frozenset("their our your my its whose several various".split())
#: a possessive ending, which needs the noun it owns ("the festival's security")
_POSSESSIVE = re.compile(r"\w['’]s$")
#: words whose "'s" is "is" or "has" ("it's", "there's")
_PRONOUNS = frozenset("it he she that there here what who where when how let everyone everybody nobody".split())
#: words after which the first part of a hyphen compound cannot stand ("after-made")
_FUNCTION = frozenset(
    "the a an of in on at by for with from to into onto and or but as than that this these those "
    "his her its their our my your after before over under about against between through during".split()
)
#: second parts of hyphen compounds whose first part is usually a name ("Turkish-made")
_NAME_COMPOUND = frozenset(
    "made built based born owned led backed run funded controlled speaking style area bound native registered "
    "headquartered wide".split()
)
#: of those, the ones whose first part is a place ("Manchester-based"; "airport-owned" is no name)
_PLACE_COMPOUND = frozenset("based born area bound".split())
#: first parts that make a hyphen compound a modifier ("multi-storey", "cross-border")
_PREFIXES = frozenset("multi non anti pre post semi cross inter sub super over under".split())
#: determiners that never stand without their noun ("the", "whose"; "each" and "several" can)
_OPENERS = frozenset("the a an every their our your my its whose".split())
#: marks that end a phrase inside or at the end of a sentence
_PHRASE_ENDS = frozenset(",.;:!?)")
#: weight of English word frequencies against the article's own (a cache language model)
CACHE_WEIGHT = 0.8
#: log-odds evidence when the pair list holds both ``left w`` and ``w right`` (or the compound
#: ``w-part``): an unlisted pair counts as no association, so listed ones say more than that
ATTESTED = 1.0
#: log10 of how much rarer the next word is after "a"/"the" and a word than anywhere, below
#: which that word cannot head its phrase ("an independent to" -0.9; "a plan to" +0.9)
HEADLESS = -0.5
#: words at least this frequent (Zipf) have counts enough for the model's pair estimate
COMMON_ZIPF = 4.0
#: link tools work on whole pages: a snippet shorter than this is judged as part of one
PAGE_WORDS = 300
#: log odds that a link tool replaces a word rather than inserting: about one time in five
REPLACE_PRIOR = math.log10(1 / 4)
#: how far the log odds are to be trusted: on the case suite, an anchor deleted on odds of ``m``
#: (below 0) was rightly deleted about ``1 / (1 + 10 ** (m * MARGIN_TRUST))`` of the time
MARGIN_TRUST = 0.5
#: on the case suite, a word put back on the odds was the right one 87% of the time, whatever the
#: odds, and one a hole or a sentence start demands 90%; a deletion no word could undo, 95%
REPLACED_CONFIDENCE = 0.87
DEMANDED_CONFIDENCE = 0.9
SURE_DELETION_CONFIDENCE = 0.95
#: log10 association from which two names side by side are one name ("tel aviv" +5.7, "el paso"
#: +4.9), though the pair list lacks them; names listed one after another stay below ("dallas
#: houston" +1.9)
NAME_PAIR = 3.0
#: log10 of how much likelier a word is after "a" than anywhere, from which it is a count noun
#: that needs its determiner ("a taxi" +1.2; "a repair" +0.3, "a Bristol" -0.1)
COUNTABLE = 0.6
#: log10 association of a preposition and a bare count noun from which the pair is an idiom of
#: its own ("by taxi" +0.8, "at school" +1.0; "into taxi" -0.6)
BARE_IDIOM = 0.3


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
    # an opening quote or bracket after a sentence end or line start: '⏎"X has', 'said. "X has'
    before = text[max(0, j - 6) : j].rstrip(" \t\"“‘'([")
    return None, False, len(before) < j - max(0, j - 6) and (not before or before[-1] in ".!?\r\n")


#: a comma and the word after it, and a word and the comma after it (at the keyword's start)
_ITEM_AFTER = re.compile(r",[ \t]*([^\W\d_]+)")
_ITEM_BEFORE = re.compile(r"([^\W\d_]+),[ \t]*$")


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


def _cased(word: str, keyword_words: list[str], text: str, skip: Spans) -> str:
    """The restored word's case inside a sentence (a sentence start takes a capital anyway)."""
    # a lowercase keyword may have replaced a name: "across seo agency london" was "across London"
    lowercase = word.islower()
    if not lowercase and not all(w[:1].isupper() for w in keyword_words if w[:1].isalpha()):
        return word  # the keyword capitalises only this word: it is a name
    # The keyword's case may be its own. Ask the rest of the document.
    upper = lower = leading = 0
    name = word
    for m in re.finditer(r"(?<![\w-])" + re.escape(word) + r"(?![\w])", text, re.IGNORECASE):
        if m.start() in skip:
            continue
        if _sentence_start(text, m.start()):
            continue  # sentence start says nothing about the word's case
        if m.group(0)[:1].islower():
            lower += 1
            continue
        capital_before, capital_after = _capitals_around(text, m.start(), m.end())
        if not (capital_before or capital_after) or lowercase and not (capital_before and capital_after):
            # a capital of its own, not one of a longer name's ("Construction Company"); for a
            # lowercase keyword, a name's first or last word is a name too ("King's College
            # London"), its middle words common nouns ("Road Freight Association")
            upper += 1
            name = m.group(0)
        elif not capital_before:
            leading += 1  # a longer name's first word: a place or person ("Bristol City Council")
    if lowercase:
        if upper and not lower:
            return name
        # no use in the article: English's own habit ("across london" was "across London")
        return word[:1].upper() + word[1:] if not lower and english_name(word) else word
    if upper or lower:
        return word if upper >= lower else word.lower()
    if leading or english_name(word) or len(word) > 1 and word.isupper():
        return word  # names end in common nouns ("Forest Service"), and start with names; "UK" is an acronym
    if _DEMONYM.search(word.lower()) and len(word) > 4:
        return word
    return word.lower()


_CAPITAL_BEFORE = re.compile(r"[A-Z][\w'’]*[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


def _capitals_around(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether a capitalised word stands right before, and right after, the word at ``start:end``."""
    return bool(_CAPITAL_BEFORE.search(text, max(0, start - 30), start)), bool(_CAPITAL_AFTER.match(text, end))


def _verb_agrees(w: str, right: str | None) -> bool:
    """Whether ``w`` can be the subject of a singular verb that follows: "the ferry is", never
    "the tickets is"."""
    return right is None or right.lower() not in ("is", "was", "has", "does") or not _plural(w)


def _doubled(w: str, site: _Site) -> bool:
    """Whether ``w`` would stand twice in a row ("in Miami Miami-Dade"), or as two items of a
    list ("in Dallas Houston, Houston"): prose almost never repeats a word so, and a keyword put
    beside the same word it holds was inserted."""
    return any(x is not None and x.lower() == w.lower() for x in (site.left, site.right, *site.items))


def _names_side_by_side(doc: _Document, w: str, site: _Site) -> bool:
    """Whether ``w``, a name, would stand right beside another name English writes only with a
    capital, as a pair neither English nor the article uses: "Sheffield and X Blackpool" was no
    "Manchester Blackpool" ("New York" and "Tel Aviv" are pairs; "United" is a common word too)."""
    if not (w[:1].isupper() and (english_name(w) or w.lower() in doc.names)):
        return False
    return any(
        x is not None and x[:1].isupper() and english_name(x)
        and not doc.attested(*pair, listed_only=True) and doc.wp.association(*pair) < NAME_PAIR
        for x, pair in ((site.left, (site.left or "", w)), (site.right, (w, site.right or "")))
    )


def _article_agrees(left: str | None, w: str) -> bool:
    """Whether ``w`` can follow ``left`` as far as "a"/"an" go: "a bike", never "a Electric".
    Spelling stands in for sound, so the usual exceptions ("an hour", "a user") pass."""
    if left is None or left.lower() not in ("a", "an"):
        return True
    low = w.lower()
    vowel = low[:1] in "aeiou"
    if left.lower() == "an":
        return vowel or low.startswith("h")  # "an hour"
    return not vowel or low.startswith(("u", "eu", "one"))  # "a user", "a European", "a one-off"


def _predicate(word: str, nxt: str | None) -> bool:
    """Whether ``word`` reads as a finite verb here ("arrives", "worked", "was"): the tagger
    lexicon gives it a finite verb first and never an adjective; a word that is a noun too
    ("needs", "rents") only with a complement after it ("feel welcoming"), and a past form
    that is a participle too not before a noun ("the used cars")."""
    classes = word_classes(word)
    if classes[0] != "V" or "J" in classes:
        return False
    following = word_classes(nxt)[0] if nxt else ""
    if "N" in classes:
        return following in ("J", "G", "P", "R")
    return not ("P" in classes and following == "N")


def _headless(site: _Site, after: str) -> bool:
    """Whether the words before the keyword open a noun phrase that lost its noun: a determiner
    that never stands alone, an adjective-only word or a compound modifier, then a verb ("the
    new X arrives", "a firm whose X worked", "on short-term X was") or, after a compound
    modifier, a phrase end ("its terminal and multi-storey X.")."""
    left, right = site.left, site.right
    if left is None or site.left_hyphen:
        return False
    opener = left.lower() in _OPENERS or left.islower() and word_classes(left) == "J" or site.modifier
    if right is None:
        return site.modifier and after in _PHRASE_ENDS
    return opener and right.islower() and _predicate(right, site.right2)


def _participle_hole(site: _Site) -> bool:
    """Whether a preposition lost its object before a participle: "carried out by X certified
    by the board" (a participle that is never a noun or a base verb, with a preposition after)."""
    left, right = site.left, site.right
    if left is None or right is None or left.lower() not in _NEEDS_OBJECT or left.lower() in _DETERMINERS:
        return False
    classes = word_classes(right)
    if not right.islower() or "P" not in classes or "N" in classes or "B" in classes or right.lower() == "been":
        return False
    return site.right2 is not None and word_classes(site.right2)[0] == "I"


def _verb_hole(site: _Site) -> bool:
    """Whether a modal lost its verb: "will also X additional marshals" (a modal, perhaps an
    adverb, then an adjective or determiner that is never a verb or adverb; the lexicon misses
    nouns used as verbs, "would ballot members", so a noun after the modal says nothing)."""
    left, right = site.left, site.right
    if left is None or right is None or site.left_hyphen or not right.islower():
        return False
    adverb = set(word_classes(left)) <= {"R", "O"} and (site.left2 or "").lower() in _MODAL_VERBS
    return (left.lower() in _MODAL_VERBS or adverb) and word_classes(right)[0] in "JD" and not set(word_classes(right)) & set("VBPGR")


def _grammar_hole(doc: _Document, site: _Site, after: str) -> bool:
    """Whether removing the keyword leaves a preposition or determiner without its object:
    "in X and Ankara" -> "in and Ankara", "the capital of X." -> "the capital of.", "cutting
    other X." -> "cutting other.", "every X they" -> "every they", "the X feels" -> "the feels"
    (a pair the list would hold if English wrote it), "a modest X than" -> "a modest than"."""
    left, right = site.left, site.right
    if left is None:
        return False
    low = left.lower()
    if site.correlative and (right is None or right.lower() in _NOT_AN_OBJECT or right in _MODALS):
        return True  # "flights between Wellington and X could" lost the second part
    if right is None:
        if after in ".;:!?)" and low in _CONJUNCTIONS:
            return True  # "in both English and X." lost the second conjunct
        return after in ".,;:!?)" and (low in _NEEDS_OBJECT or site.article is not None)
    if _POSSESSIVE.search(low) and low[:-2] not in _PRONOUNS:
        return right.lower() in _NOT_AN_OBJECT  # "the festival's X was": a possessive owns a noun
    if low in _NEEDS_OBJECT:
        if low == "to" and right.lower() in _AUXILIARIES:
            return False  # "thought to have": an infinitive, not a preposition
        if right.lower() in _NOT_AN_OBJECT:
            return True
        if low != "to" and low not in _DETERMINERS and not site.right_compound and _bare_verb(right, site.right2):
            return True  # "the departure from X say they were": a preposition before a verb
        return low in _DETERMINERS and right.islower() and (doc.wp.avoided(left, right) or low in ("the", "a", "an") and _unheaded(doc.wp, right, low))
    if (site.left2 or "").lower() in _NEEDS_OBJECT and word_classes(left) == "J" and _preposition(right) and not site.right_compound:
        return True  # "collections of Scottish X outside": an adjective-only word lost its noun
    # "a modest X than": an article, one word that does not head a noun phrase with the next
    if not ((site.left2 or "").lower() in _ARTICLES and left.islower()):
        return False
    nxt = right.lower()
    model = doc.wp.model
    if nxt != "than" and model is not None and model.known(site.left2, left, nxt):
        # "an independent X to": after "an independent", "to" is far rarer than anywhere, while
        # "a plan to", "a briefing in" are usual; the words two back tell the adjective
        return (nxt in _NOT_AN_OBJECT or nxt == "to") and model.logcond(left, nxt, site.left2) - model.logp(nxt) < HEADLESS
    # the model holds "(more) modest than": before "than" only the list's frequent pairs count
    return nxt in _NOT_AN_OBJECT and not doc.attested(left, right, listed_only=True)


#: subject pronouns: a verb before one opens a clause ("say they were")
_SUBJECTS = frozenset("i we you they he she".split())


def _bare_verb(word: str, nxt: str | None) -> bool:
    """Whether ``word`` reads as a verb and nothing else here: a verb first in the tagger
    lexicon, and never a noun, or one with a subject pronoun after it ("say they were")."""
    classes = word_classes(word)
    if not word.islower() or classes[0] not in "VB" or "J" in classes:
        return False
    return "N" not in classes or (nxt or "").lower() in _SUBJECTS


#: prepositions that complete an adjective ("full of", "close to", "keen on", "free from")
_ADJECTIVE_COMPLEMENTS = frozenset("of to than as for about with in on at from by".split())


def _preposition(word: str) -> bool:
    """Whether ``word`` is a preposition that opens a phrase of its own after a noun ("outside",
    "near"), and none that may complete an adjective before it."""
    return word.islower() and word_classes(word)[0] == "I" and word not in _CONJUNCTIONS | _ADJECTIVE_COMPLEMENTS


def _unheaded(wp: WordPairs, word: str, article: str) -> bool:
    """Whether ``word`` cannot follow the article: a common word the model puts far below its
    usual rate there ("said the stood out", "see a come through"), which the list does not hold.
    Only articles are judged: after other determiners the model backs off too often to tell."""
    if wp.model is None or english_zipf(word) < COMMON_ZIPF or wp.listed(article, word):
        return False
    value = wp.model.association(article, word)
    return value is not None and value < HEADLESS


class _Document:
    """The article's own word counts, without the keyword's occurrences: a word the article uses
    ("contractor" in an article about a building contractor) is likelier to have stood where the
    keyword now is than its frequency in English says."""

    def __init__(self, wp: WordPairs, text: str, taken: Spans, kw_words: list[str]) -> None:
        self.wp = wp
        words = [m for m in _WORD.finditer(text) if m.start() not in taken]
        self.counts: Counter[str] = Counter(m.group(0).lower() for m in words)
        #: words the article writes only with a capital inside sentences: names ("Pittsburgh")
        lower = {m.group(0) for m in words if m.group(0).islower()}
        #: words the article writes in lowercase: common words, whatever their ending ("clinic")
        self.lower = lower
        capital = [m.group(0)[:1].isupper() and not _sentence_start(text, m.start()) for m in words]
        self.names = {m.group(0).lower() for m, cap in zip(words, capital) if cap and m.group(0).lower() not in lower}
        #: adjacent pairs the article itself writes ("Lakeside Zoo" elsewhere in the article)
        self.pairs: Counter[tuple[str, str]] = Counter()
        #: how the article spells each word of such a pair, by the pair ("Zoo" after "Lakeside")
        self.spelling: dict[tuple[str, str, int], str] = {}
        for a, b in zip(words, words[1:]):
            if b.start() - a.end() == 1 and text[a.end()] == " ":
                key = (a.group(0).lower(), b.group(0).lower())
                self.pairs[key] += 1
                self.spelling.setdefault((*key, 0), a.group(0))
                self.spelling.setdefault((*key, 1), b.group(0))
        #: the words written right before and after each capitalised word ("" for none), for
        #: names the article always writes whole ("Leeds City Council")
        self.before_name: dict[str, Counter[str]] = {}
        self.after_name: dict[str, Counter[str]] = {}
        #: uses inside a longer name ("National Park Service"): they say nothing of the common noun
        self.in_names: Counter[str] = Counter()
        #: uses right after another capitalised word: a name's head ("Forest Service") is a common
        #: noun, while a name's first word is a name of its own ("Bristol City Council")
        self.after_capital: Counter[str] = Counter()
        for i, m in enumerate(words):
            if not capital[i]:
                continue
            low, in_name = m.group(0).lower(), False
            for j, side in ((i - 1, self.before_name), (i + 1, self.after_name)):
                o = words[j] if 0 <= j < len(words) else None
                gap = "" if o is None else text[o.end() : m.start()] if j < i else text[m.end() : o.start()]
                if any(ch.isalnum() for ch in gap):
                    continue  # the keyword stood between them
                side.setdefault(low, Counter())[o.group(0).lower() if gap == " " else ""] += 1
                in_name = in_name or (gap == " " and capital[j])
                self.after_capital[low] += j < i and gap == " " and capital[j]
            self.in_names[low] += in_name
        self.n = max(sum(self.counts.values()), 1)
        #: occurrences of the keyword's words the tool could have replaced (this one included)
        self.matching = sum(self.count(w) for w in dict.fromkeys(kw_words)) + 1

    def count(self, w: str, counts: Counter[str] | None = None) -> int:
        """Uses of ``w`` in the article, its plural included ("bikes" speaks for "bike")."""
        low, counts = w.lower(), self.counts if counts is None else counts
        return counts[low] + counts[low + "s"] + counts[low + "es"]

    def common_count(self, w: str) -> int:
        """Uses of ``w`` outside longer names: "a tree that" is not backed by "Forest Service"."""
        return self.count(w) - self.count(w, self.in_names)

    def used(self, w: str) -> bool:
        return self.count(w) > 0

    def spelled(self, w: str, left: str | None, right: str | None) -> str | None:
        """``w`` as the article writes it next to the same capitalised neighbour, if it does:
        "Lakeside X" restores "Zoo" as in "Lakeside Zoo"; "the" says nothing of "the Airport"."""
        if left and left[:1].isupper() and (left.lower(), w.lower(), 1) in self.spelling:
            return self.spelling[(left.lower(), w.lower(), 1)]
        if right and right[:1].isupper():
            return self.spelling.get((w.lower(), right.lower(), 0))
        return None

    def bonded(self, name: str, w: str, before: bool) -> bool:
        """Whether the article writes the capitalised ``name`` only with ``w`` right before it
        (``before``) or right after it: "by X City Council" with "Leeds City Council" elsewhere."""
        if not name[:1].isupper():
            return False
        uses = (self.before_name if before else self.after_name).get(name.lower())
        return bool(uses) and set(uses) == {w.lower()}

    def attested(self, a: str, b: str, listed_only: bool = False) -> bool:
        """Whether ``a b`` is a pair English uses: in the pair list (or the model, unless
        ``listed_only``), or elsewhere in the article."""
        seen = self.wp.listed(a, b) if listed_only else self.wp.seen(a, b)
        return seen or (a.lower(), b.lower()) in self.pairs

    def association(self, a: str, b: str) -> float:
        """The pair's association in English, or in the article when the article writes it
        elsewhere ("Lakeside Zoo" three times in 480 words: a hundred times chance)."""
        value = self.wp.association(a, b)
        together = self.pairs[(a.lower(), b.lower())]
        if together:
            apart = self.counts[a.lower()] * self.counts[b.lower()]
            value = max(value, math.log10(together * self.n / max(apart, 1)))
        return value

    def replaced_odds(self, w: str, site: _Site, ends: bool = False) -> float:
        """Log odds that the keyword replaced ``w`` here rather than being inserted between
        ``left`` and ``right``.

        A replacement needs ``left w right`` to have been the article's text, an insertion
        ``left right``; their ratio is the words' associations (``martial law`` and ``law to``
        against ``martial to``) times how often the article would use ``w`` at all. The tool
        picks one of the article's few words matching the keyword, or one of its many gaps,
        which turns that frequency into the share of ``w`` among the matching words. A name the
        article always writes whole with ``w`` ("Leeds City Council") binds ``w`` to it, and where
        a phrase ends after the anchor, the words' habits at a phrase end count ("The main X,").
        """
        wp = self.wp
        left, right = site.left, site.right
        odds = 0.0
        # a name the article always writes whole is bound to w, and reads as no pair without it
        left_bound = left is not None and self.bonded(left, w, before=False)
        right_bound = right is not None and self.bonded(right, w, before=True)
        whole = math.log10(self.n / max(self.count(w), 1)) if left_bound or right_bound else 0.0
        # "city X's office" weighs "city attorney's office" against "city's office"
        owned = site.right2 if site.possessive else None
        if left:
            odds += whole if left_bound else self.association(left, f"{w}'s" if owned else w)
        if right:
            odds += whole if right_bound else self.association(w, right)
        if left and owned:
            odds += wp.association(f"{w}'s", owned) - wp.association(f"{left}'s", owned)
        if left and right:
            apart = self.association(left, right)
            odds -= min(0.0, apart) if left_bound or right_bound else apart
            if not (left_bound or right_bound):
                odds += self._wider(w, site)
        elif ends:  # a phrase ends after the anchor: "The main X," lacks its noun, "the X," need not
            odds += wp.ending(w) - (wp.ending(left) if left else 0.0) + self._wider_left(w, site)
        in_name = any(x and x[:1].isupper() for x in (left, right))
        # a name's uses in longer names speak for it ("Bristol City Council"); a common noun's do not
        name = w.lower() in self.names and not self.after_capital[w.lower()]
        uses = self.count(w) if in_name or name else self.common_count(w)
        frequency = CACHE_WEIGHT * wp.p1(w) + (1.0 - CACHE_WEIGHT) * uses / self.n
        gaps = max(self.n, PAGE_WORDS)
        return odds + math.log10(frequency * gaps / self.matching) + REPLACE_PRIOR

    def _wider(self, w: str, site: _Site) -> float:
        """What the word on either side beyond the neighbours adds to the pair evidence, from
        the trigram model: "killed X large" reads "killed large" better than "killed me large",
        though "killed me" and "me large" are both pairs English uses. 0 where the model
        lacks a word."""
        model = self.wp.model
        left, right, left2, right2 = site.left, site.right, site.left2, site.right2
        if model is None or not left or not right or not model.known(w, left, right):
            return 0.0
        gain = 0.0
        if left2 and model.known(left2):
            # P(w | left2 left) and P(right | left2 left) against the same after "left" alone
            gain += model.logcond(left, w, left2) - model.logcond(left, w)
            gain -= model.logcond(left, right, left2) - model.logcond(left, right)
        gain += model.logcond(w, right, left) - model.logcond(w, right)
        if right2 and model.known(right2):
            gain += model.logcond(right, right2, w) - model.logcond(right, right2, left)
        return gain

    def _wider_left(self, w: str, site: _Site) -> float:
        """Where a phrase ends after the anchor, what the word before ``left`` adds: "physics and
        X." reads "physics and chemistry" far likelier than "and" alone says. 0 where the model
        lacks a word."""
        model, left, left2 = self.wp.model, site.left, site.left2
        if model is None or not left or not left2 or not model.known(w, left, left2):
            return 0.0
        return model.logcond(left, w, left2) - model.logcond(left, w)


def _compound_score(doc: _Document, w: str, part: str | None, right_hyphen: bool, kw_words: list[str]) -> float:
    """Log-likelihood of the compound ``w-part`` (or ``part-w``) the keyword replaced a half of."""
    wp = doc.wp
    pair = (w, part) if right_hyphen else (part, w)
    if part and wp.listed(*pair):
        # "best-known", "London-based": a compound the pair list holds, by its frequency or
        # by how much likelier the second part is after the first than anywhere
        return max(wp.logcond(*pair), -2.0 + wp.association(*pair)) + ATTESTED
    # no pair evidence for the compound: names make compounds like "Turkish-made", "Pittsburgh-area"
    bonus = 1.5 if _name_compound(doc, w, part) else 0.0
    cache = 1.0 if doc.used(w) else 0.0
    # a compound's first part is singular ("debt-burdened", "tree-lined"), not "loans-burdened"
    plural = 1.5 if right_hyphen and _plural(w) else 0.0
    # before an -ing form the first part is its object or an adverb ("milk-testing",
    # "fast-growing"); a word that is only ever an adjective is neither ("raw-testing")
    adjective = right_hyphen and part is not None and "G" in word_classes(part) and not set(word_classes(w)) & {"N", "R"}
    unfit = plural + (1.5 if adjective else 0.0)
    # the two words written apart ("wine growing", "water saving": pairs the model holds) speak for it
    apart = max(0.0, wp.association(*pair)) if part else 0.0
    return -2.0 + bonus + cache - unfit + apart - kw_words.index(w) * 0.01


def _name_compound(doc: _Document, w: str, part: str | None) -> bool:
    """Whether ``w-part`` reads as a name's compound: a capitalised ``w`` the article writes only
    with its capital (or a nationality), or one English writes only so (whatever the keyword's
    case: "tree surgeon bristol-based"), before "-made", "-based", "-born" …"""
    low = w.lower()
    demonym = bool(_DEMONYM.search(low)) and len(w) > 4 and low not in doc.lower
    # a name the article writes only inside longer names ("Marine Accident Investigation Branch") is
    # a word of those, not a place of its own
    own = low in doc.names and doc.common_count(w) > 0
    acronym = len(w) > 1 and w.isupper()  # "UK-wide", "EU-funded"
    name_like = w[:1].isupper() and (own or demonym or acronym) or english_name(w) and low not in doc.lower
    return name_like and (part or "").lower() in _NAME_COMPOUND


def _place(doc: _Document, w: str, site: _Site) -> bool:
    """Whether ``w`` restored before "-based", "-born" … keeps the capital the keyword gives it:
    the article never writes it in lowercase ("London-based"; "health-based" is no place)."""
    if not (site.right_hyphen and (site.right or "").lower() in _PLACE_COMPOUND and w[:1].isupper()):
        return False
    return w.lower() not in doc.lower


def _within_name(doc: _Document, site: _Site, w: str) -> bool:
    """Whether ``w`` restored here is a word of a longer name, and takes its capital: between two
    capitalised words ("Jefferson High X Board"), or after one when the article writes ``w`` with
    a capital inside names ("the National Weather X has", with "Forest Service" elsewhere)."""
    if not site.name_left or site.right_hyphen:
        return False
    right = site.right or ""
    return right[:1].isupper() or doc.in_names[w.lower()] > 0


def _plural(w: str) -> bool:
    """Whether ``w`` reads as the plural of an English word ("loans", "tickets"; not "bus")."""
    low = w.lower()
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) and english_zipf(low[:-1]) >= 3.0


def _adjective_head(left: str, w: str, right: str) -> bool:
    """Whether ``w``, mostly an adjective, would head the phrase a determiner opens: "a cheap
    that" pairs on both sides ("a cheap", "cheap that"), but lacks its noun, unlike "a ferry that".
    Before a noun it is a modifier ("a cheap ferry")."""
    return left.lower() in _DETERMINERS and word_classes(w)[0] == "J" and word_classes(right)[0] != "N"


def _bare_count_noun(doc: _Document, w: str, preposition: str, right: str | None) -> bool:
    """Whether ``w`` would head a phrase after ``preposition`` as a singular count noun without
    its determiner ("into taxi at"), which English does only in idioms ("by taxi", "at school").
    Before a noun it is a modifier ("into taxi ranks"), and names and plurals stand bare, as do
    words mostly used otherwise, whose "a" belongs to their other use ("a damp cloth": "reports of
    damp and mould")."""
    wp = doc.wp
    if right is not None and word_classes(right)[0] == "N" or _plural(w) or w.lower() in doc.names:
        return False
    if word_classes(w)[0] != "N":
        return False
    return wp.association("a", w) >= COUNTABLE and wp.association(preposition, w) < BARE_IDIOM


def _joins(wp: WordPairs, left: str | None, right: str | None, right_hyphen: bool) -> bool:
    """Whether deleting the keyword before a hyphen leaves a compound English uses: "one X-fifth"
    reads "one-fifth"; "after-made" or "simple-saving" is none, so the keyword replaced a word."""
    if not right_hyphen or left is None or left.lower() in _FUNCTION:
        return False
    return wp.listed(left, right or "") or not wp.available  # without the pair list, keep the text's own


@lru_cache(maxsize=256)  # asked for by the templates, their loose reading and the anchors alike
def keyword_regex(keyword: str) -> re.Pattern[str]:
    """The keyword as link tools insert it: exactly as promoted, but for the case of its first
    letter (a sentence start); "a Turkish law firm" written by the author is not the anchor."""
    words = [re.escape(w) for w in keyword.split()]
    first = keyword[:1]
    if first.isalpha() and first.lower() != first.upper():
        words[0] = f"[{first.lower()}{first.upper()}]" + re.escape(keyword.split()[0][1:])
    return re.compile(r"(?<![\w-])" + r"[ \t\u00a0]+".join(words) + r"(?![\w])")


def _sentence_start(text: str, pos: int) -> bool:
    """Whether only spaces, quotes or brackets separate ``pos`` from a sentence end or line start."""
    before = text[max(0, pos - 6) : pos].rstrip(" \t\"“‘'([")
    return not before or before[-1] in ".!?\n\r:"


#: a determiner, at most one word, and a two-part hyphen compound, right before the keyword
_MODIFIER_BEFORE = re.compile(
    r"(?<![\w-])(the|a|an|its|their|his|her|our|my|your|this|every)[ \t]+(?:[a-z]+[ \t]+)?"
    r"([a-z]+)-([a-z]+)[ \t]+$"
)
#: a word, then a hyphen compound right before the keyword ("on short-term X")
_COMPOUND_BEFORE = re.compile(r"(?:^|(?<=[ \t(]))([a-z]+)[ \t]+([a-z]+(?:-[a-z]+)+)[ \t]+$")
#: second parts that make a hyphen compound a noun ("the go-ahead", "a build-up", "a one-off")
_NOUN_PARTICLES = frozenset("up in out off down on over back ahead away by about around through old".split())


def _modifier(first: str, second: str) -> bool:
    """Whether ``first-second`` reads as a compound modifier ("full-time", "long-term"): two
    everyday words, not a particle noun ("build-up") or a prefix ("co-founder")."""
    return len(first) > 2 and second not in _NOUN_PARTICLES and min(english_zipf(first), english_zipf(second)) >= COMMON_ZIPF


class _Site:
    """Where one occurrence sits: its neighbouring words and how it is attached to them."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.left, self.left_hyphen, self.sentence_start = _left_word(text, start)
        #: the word before ``left``, when only spaces separate them ("a modest X than")
        self.left2 = None
        #: the determiner before a hyphen compound modifier right before the keyword ("a" in
        #: "a single full-time X,"): a phrase it opened cannot end without its noun
        self.article: str | None = None
        if self.left and not self.left_hyphen:
            m = re.search(r"([^\W\d_]+)[ \t]+" + re.escape(self.left) + r"[ \t]*$", text[max(0, start - 80) : start])
            self.left2 = m.group(1) if m else None
            m = _MODIFIER_BEFORE.search(text, max(0, start - 80), start)
            if m and _modifier(m.group(2), m.group(3)):
                self.article = m.group(1).lower()
        #: ``left`` ends a compound modifier after a preposition, determiner or conjunction
        #: ("on short-term X", "into over-the-board X", "and multi-storey X"): its noun follows
        self.modifier = False
        if self.left and not self.left_hyphen:
            m = _COMPOUND_BEFORE.search(text, max(0, start - 80), start)
            if m and (m.group(1) in _NEEDS_OBJECT or m.group(1) in _CONJUNCTIONS):
                parts = m.group(2).split("-")
                self.modifier = len(parts) > 2 or parts[0] in _PREFIXES or _modifier(parts[0], parts[1])
        #: ``left`` closes a correlative opened a few words before ("between Wellington and X")
        self.correlative = False
        if self.left and not self.left_hyphen and self.left.lower() in _CORRELATIVES:
            clause = re.split(r"[.!?;:\r\n]", text[max(0, start - 80) : start])[-1]
            words = [w.lower() for w in re.findall(r"[^\W\d_]+", clause)][-7:-1]
            opened = [i for i, w in enumerate(words) if w in _CORRELATIVES[self.left.lower()]]
            self.correlative = bool(opened) and self.left.lower() not in words[opened[-1] :]
        #: ``left`` is capitalised inside its sentence: a name's word ("the National Weather X")
        self.name_left = False
        if self.left and not self.left_hyphen and self.left[:1].isupper():
            j = start
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            self.name_left = not _sentence_start(text, j - len(self.left))
        self.right, self.right_hyphen = _right_word(text, end)
        #: the word after ``right``, when only spaces separate them
        self.right2 = None
        #: ``right`` is the first part of a hyphen compound ("add" in "X add-ons")
        self.right_compound = False
        if self.right and not self.right_hyphen:
            beyond = text[end : end + 80].lstrip(" \t")[len(self.right) :]
            m = re.match(r"[ \t]+([^\W\d_]+)\b", beyond)
            self.right2 = m.group(1) if m else None
            self.right_compound = re.match(r"-\w", beyond) is not None
        self.hyphen = self.left_hyphen or self.right_hyphen
        #: the list items a comma separates from the keyword ("Houston" in "Dallas X, Houston,")
        before = _ITEM_BEFORE.search(text, max(0, start - 40), start) if self.left is None else None
        after = _ITEM_AFTER.match(text, end) if self.right is None else None
        self.items = tuple(m.group(1) for m in (before, after) if m)
        #: the word a compound repeats after a preposition ("boat" in "X-by-boat", "door" in
        #: "X-to-door"): it was the compound's first part too
        self.echo = None
        if self.right_hyphen:
            m = re.match(r"-(?:by|to|for|on|in|upon|after|against)-([^\W_]+)\b", text[end : end + 40], re.IGNORECASE)
            self.echo = m.group(1) if m else None
        # glued to what follows: deleting it rejoins the text ("Kyiv X’s" was "Kyiv’s"), unless
        # a word stood there whose possessive it took ("city X's office" was "city attorney's")
        self.attached = not self.hyphen and self.right is None and text[end : end + 1] not in (
            "", *" \t\r\n.,;:!?)]}\"”"
        )
        self.possessive = self.attached and re.match(r"['’]s\b", text[end : end + 3]) is not None
        if self.possessive:  # the word the possessive governs: "office" in "city X's office"
            m = re.match(r"['’]s[ \t]+([^\W\d_]+)\b", text[end : end + 80])
            self.right2 = m.group(1) if m else None

    def reading(self, word: str) -> str:
        """The words around the repair, as they read with ``word`` put back."""
        if self.right_hyphen:
            parts = (self.left, f"{word}-{self.right}")
        elif self.left_hyphen:
            parts = (f"{self.left}-{word}", self.right)
        else:
            parts = (self.left, word, self.right)
        return " ".join(x for x in parts if x)


def _choose(doc: _Document, site: _Site, kw_words: list[str], after: str) -> tuple[str | None, float, bool]:
    """The keyword word that may have stood here, the log odds that it did, and whether it was
    chosen only as the keyword's leading name."""
    wp = doc.wp
    left, right = site.left, site.right
    if site.hyphen:
        if _joins(wp, left, right, site.right_hyphen):
            return None, -math.inf, False
        part = right if site.right_hyphen else left
        echoed = [w for w in kw_words if site.echo and w.lower() == site.echo.lower()]
        if echoed:  # "X-by-boat" was "boat-by-boat", as "door-to-door", "face-to-face"
            return echoed[0], math.inf, False
        scores = {
            w: _compound_score(doc, w, part, site.right_hyphen, kw_words)
            for w in dict.fromkeys(kw_words)
            if not site.right_hyphen or _article_agrees(left, w)  # "an online-only", not "an chess-only"
        }
        return max(scores, key=scores.__getitem__, default=None), math.inf, False
    if not wp.available or (site.attached and not site.possessive):
        return None, -math.inf, False
    ends = right is None and after in _PHRASE_ENDS
    odds = {
        w: doc.replaced_odds(w, site, ends)
        for w in dict.fromkeys(kw_words)
        # a noun inside a prepositional phrase need not agree with the verb after it ("the cap on
        # short-term loans was")
        if _article_agrees(left, w) and (site.modifier or _verb_agrees(w, right)) and not _doubled(w, site)
        and not _names_side_by_side(doc, w, site)
    }
    if not odds:
        return None, -math.inf, False
    best = max(odds, key=odds.__getitem__)
    margin = odds[best]
    fits = [
        w for w in odds
        if left and right and doc.attested(left, w) and doc.attested(w, right) and not _adjective_head(left, w, right)
    ]
    if fits:  # "grass or water for": the pairs on both sides are attested
        fit = max(fits, key=odds.__getitem__)
        if odds[fit] + ATTESTED > margin:  # a word that reads better without the list stays ahead
            best, margin = fit, odds[fit] + ATTESTED
    # holes the word classes show, which also say what kind of word goes back
    verb = _verb_hole(site)
    noun = _headless(site, after) or _participle_hole(site)
    if verb or noun or _grammar_hole(doc, site, after):
        # "officials in X and Ankara": the preposition lost its object. Without the article's
        # word counts to tell, a name can be one on its own, which the keyword's other words
        # ("Real Estate") cannot: a place is no plural ("Luxury Villas Marbella"), and best one
        # English writes only with a capital ("Cheap Hotels Ankara"), else the first that could be
        # one. A word the lexicon knows as an adjective or verb is none ("reports of X and mould"
        # was no "of Damp")
        unused = not any(doc.used(w) for w in kw_words)
        preposition = left.lower() not in _DETERMINERS and left.lower() in _NEEDS_OBJECT
        names = [
            w for w in dict.fromkeys(kw_words)
            if w in odds and w[:1].isupper() and english_zipf(w) < 5.0 and (english_name(w) or word_classes(w) == "N")
        ]
        if preposition and unused and names:
            return max(names, key=lambda w: (not _plural(w), english_name(w))), math.inf, True

        # "an independent X to" lacks a common noun: not a name the article always capitalises,
        # and after "a"/"an" not a plural ("see a X come" was no "a holidays")
        article = (site.left2 or "").lower() if left.islower() and left.lower() not in _NEEDS_OBJECT else ""
        article = site.article or article or (left.lower() if left.lower() in ("a", "an") else "")

        def fit(w: str) -> tuple[int, float]:  # "every book they": a determiner chooses its noun
            if verb and "B" not in word_classes(w) or noun and word_classes(w)[0] != "N":
                return -1, odds[w]  # "will also hire additional", "the new broadband arrives"
            if article in _ARTICLES and (w.lower() in doc.names or article in ("a", "an") and _plural(w)):
                return 0, odds[w]
            if left.lower() in _ARTICLES and english_name(w):
                return 0, odds[w]  # "the X took" lacks a common noun, not "the Leeds"
            if preposition and _bare_count_noun(doc, w, left, right):
                return 0, odds[w]  # "get into X at all" lacks a name or a determiner's phrase, not "into taxi"
            # before a phrase end, a word that seldom ends one would leave it headless ("a full-time mobile,")
            ends = right is not None or wp.ending(w) >= HEADLESS
            chosen = left and left.lower() in _DETERMINERS and doc.attested(left, w)
            return 1 + ends, odds[w] + (ATTESTED if chosen else 0.0)

        return max(odds, key=fit), math.inf, False
    if site.sentence_start and right and right[:1].islower():
        return best, math.inf, False  # a sentence does not start in lowercase: the keyword replaced its word
    return best, margin, False


def find_anchors(
    text: str,
    keyword: str,
    skip: Iterable[tuple[int, int]] = (),
    pairs: WordPairs | None = None,
) -> list[AnchorRepair]:
    """Every occurrence of ``keyword`` outside ``skip`` spans, with its repair."""
    skip = list(skip)
    skipped = Spans(skip)
    rx = keyword_regex(keyword)
    occurrences = [m for m in rx.finditer(text) if m.start() not in skipped]
    if not occurrences:
        return []
    wp = pairs or word_pairs()
    kw_words = [w for w in re.split(r"\s+", keyword) if _WORD.fullmatch(w)]
    taken = Spans(skip + [(m.start(), m.end()) for m in occurrences])
    doc = _Document(wp, text, taken, kw_words)
    cased: dict[str, str] = {}
    out: list[AnchorRepair] = []
    for m in occurrences:
        s, e = m.start(), m.end()
        site = _Site(text, s, e)
        best_word, margin, name_hole = _choose(doc, site, kw_words, text[e : e + 1])
        if best_word is None or margin <= 0:
            ds, de = _delete_span(text, s, e)
            sure = 1.0 / (1.0 + 10 ** (margin * MARGIN_TRUST)) if math.isfinite(margin) else SURE_DELETION_CONFIDENCE
            out.append(AnchorRepair(ds, de, "", keyword, None, round(min(sure, 0.99), 4),
                                    "keyword inserted between words of the sentence"))
            continue
        if name_hole:
            word = best_word
        elif site.sentence_start:
            word = best_word[:1].upper() + best_word[1:]
        elif _place(doc, best_word, site):
            word = best_word  # "Manchester-based", though the article writes it only in longer names
        elif spelled := doc.spelled(best_word, site.left, site.right):
            word = spelled  # "Lakeside Zoo", as the article writes it elsewhere
        elif _within_name(doc, site, best_word):
            word = best_word[:1].upper() + best_word[1:]  # "the National Weather Service has"
        else:  # one reading of the document per word, however many anchors restore it
            if best_word not in cased:
                cased[best_word] = _cased(best_word, kw_words, text, taken)
            word = cased[best_word]
        conf = REPLACED_CONFIDENCE if math.isfinite(margin) else DEMANDED_CONFIDENCE
        out.append(
            AnchorRepair(s, e, word, keyword, word, conf,
                         f"keyword replaced the word {word!r} of its own: restores '{site.reading(word)}'")
        )
    return out
