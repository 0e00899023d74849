"""Word and word-pair statistics for English, to judge how a phrase sits in its sentence.

Single words come from ``wordfreq``. Word pairs come from the bigram list that ``symspellpy``
ships (243,342 lowercase English bigrams with counts, from Google Books n-grams) and, where
installed, from the trigram model of :mod:`.ngram`, which holds eight times as many pairs; all
are core dependencies. A pair's association is the model's wherever it knows both words, with
its own back-off for the pairs it lacks. Otherwise the list decides: it holds only pairs seen at
least ``floor`` times, and a pair it lacks is rarer than that, but may be far commoner than the
two words' independent estimate ("statistics agency" is a collocation), so it gets the
log-midpoint of the two bounds. Hyphen compounds and keyword discovery read the list alone
(:meth:`WordPairs.listed`). Without the list every pair takes the independent estimate, and
repairs that need pair evidence ("martial law") are not made.

>>> wp = word_pairs()
>>> wp.p1("the") > wp.p1("martial") > 0
True
>>> not wp.available or wp.cond("martial", "law") > wp.cond("martial", "to")
True
"""

from __future__ import annotations

import importlib.util
import math
from functools import lru_cache
from pathlib import Path

from wordfreq import get_frequency_dict

from .ngram import NgramModel, ngram_model

#: weight of the independent estimate for a pair the list does not hold (stupid back-off)
BACKOFF = 0.3
#: probability floor for words wordfreq does not know
UNKNOWN_WORD = 1e-9
#: words that go on where a phrase before them has ended ("the company, and"): the list's
#: pairs ``a x`` with ``x`` among them show how often a phrase ends after ``a``
_AFTER_A_PHRASE = frozenset(
    "and or but of in on at by for with from to into than that which who as is are was were has have had "
    "will would can could".split()
)


def _bigram_file() -> Path | None:
    # Locate the data without importing symspellpy (its import pulls optional extensions).
    spec = importlib.util.find_spec("symspellpy")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for path in sorted(Path(folder).glob("frequency_bigramdictionary_en*.txt")):
            return path
    return None


class WordPairs:
    """Probabilities of words and adjacent word pairs (lowercase), with back-off."""

    def __init__(self, counts: dict[str, int] | None = None, model: NgramModel | None = None) -> None:
        self._counts = counts or {}
        #: the trigram model, where installed: pairs the list is too small to hold
        self.model = model
        self._ends: tuple[dict[str, tuple[int, int]], float] | None = None
        self.available = bool(self._counts)
        if self.available:
            self.floor = min(self._counts.values())
            # Scale counts to probabilities through "the": its pairs cover almost all its uses.
            the_total = sum(c for k, c in self._counts.items() if k.startswith("the "))
            self.total = the_total / max(self.p1("the"), 1e-6)
        else:
            self.floor, self.total = 1, 1.0

    def p1(self, word: str) -> float:
        """Probability of one word in running English text."""
        return english_frequency(word) or UNKNOWN_WORD

    def p2(self, a: str, b: str) -> float:
        """Probability of the adjacent pair ``a b``."""
        independent = BACKOFF * self.p1(a) * self.p1(b)
        if not self.available:
            return independent
        c = self._counts.get(f"{a.lower()} {b.lower()}")
        if c is not None:
            return c / self.total
        # Unlisted: somewhere below the floor. Collocations ("statistics agency") sit far above
        # the independent estimate, so take the log-midpoint of the two bounds.
        cap = self.floor / self.total
        return cap if independent >= cap else math.sqrt(independent * cap)

    def avoided(self, a: str, b: str) -> bool:
        """Whether English avoids the pair: both words so common that the list would hold it at
        chance rate, and neither it nor the model holds it ("the feels", "every they")."""
        if not self.available or self.seen(a, b):
            return False
        return BACKOFF * self.p1(a) * self.p1(b) >= self.floor / self.total

    def ending(self, a: str) -> float:
        """How much likelier a phrase is to end right after ``a`` than after an average word
        (log10): "the main," lacks its noun, as "main" is almost never followed by "and" or "of",
        "the company," does not. Shrunk to 0 for words the list covers little.

        >>> wp = word_pairs()
        >>> not wp.available or wp.ending("main") < -1 < wp.ending("company")
        True
        """
        if not self.available:
            return 0.0
        ends, base = self._endings()
        total, ended = ends.get(a.lower(), (0, 0))
        coverage = min(1.0, total / self.total / self.p1(a))
        return coverage * math.log10(max(ended / max(total, 1), 1e-3) / base)

    def _endings(self) -> tuple[dict[str, tuple[int, int]], float]:
        if self._ends is None:
            ends: dict[str, list[int]] = {}
            for pair, c in self._counts.items():
                a, _, b = pair.partition(" ")
                counts = ends.setdefault(a, [0, 0])
                counts[0] += c
                if b in _AFTER_A_PHRASE:
                    counts[1] += c
            total = sum(c[0] for c in ends.values())
            ended = sum(c[1] for c in ends.values())
            self._ends = ({a: (c[0], c[1]) for a, c in ends.items()}, ended / max(total, 1))
        return self._ends

    def seen(self, a: str, b: str) -> bool:
        """Whether English uses the pair ``a b``: the pair list or the model holds it."""
        return self.listed(a, b) or (self.model is not None and self.model.seen(a, b))

    def listed(self, a: str, b: str) -> bool:
        """Whether the pair list holds ``a b``. Hyphen compounds are judged by the list alone:
        the model's pairs are of separate words ("simple saving" is no "simple-saving")."""
        return f"{a.lower()} {b.lower()}" in self._counts

    def cond(self, a: str, b: str) -> float:
        """Probability that ``b`` follows ``a``."""
        return min(1.0, self.p2(a, b) / self.p1(a))

    def logcond(self, a: str, b: str) -> float:
        return math.log10(self.cond(a, b))

    def association(self, a: str, b: str, listed_only: bool = False) -> float:
        """How much likelier ``b`` is right after ``a`` than anywhere (log10, pointwise mutual
        information): the model's, where it knows both words and ``listed_only`` is not set.
        Otherwise a pair the list lacks counts as unrelated (0), or as avoided (below 0) when
        both words are so common that the list would hold the pair if English used it.

        >>> wp = word_pairs()
        >>> not wp.available or wp.association("martial", "law") > 1 > wp.association("martial", "to")
        True
        """
        if self.model is not None and not listed_only:
            value = self.model.association(a, b)
            if value is not None:
                return value  # the model's own back-off for the pairs it lacks
        value = self.logcond(a, b) - math.log10(self.p1(b))
        return value if self.listed(a, b) else min(0.0, value)


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    return get_frequency_dict("en")


def english_frequency(word: str) -> float:
    """wordfreq's frequency of ``word`` in English (0.0 when unknown), by direct lookup.

    >>> english_frequency("Law") == english_frequency("law") > english_frequency("martial") > 0
    True
    """
    return _english().get(word.lower().replace("’", "'"), 0.0)


def english_zipf(word: str) -> float:
    """The same on the Zipf scale (log10 of frequency per billion words); 0.0 when unknown."""
    f = english_frequency(word)
    return math.log10(f) + 9.0 if f > 0 else 0.0


def _load(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            a, _, rest = line.rstrip("\n").partition(" ")
            b, _, count = rest.partition(" ")
            if count.isdigit():
                counts[f"{a} {b}"] = int(count)
    return counts


@lru_cache(maxsize=1)
def word_pairs() -> WordPairs:
    """The shared statistics, loaded at first use (the pair list takes a moment)."""
    path = _bigram_file()
    return WordPairs(_load(path) if path else None, ngram_model())
