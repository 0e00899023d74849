"""An English trigram language model, for how likely a word is after the one or two before it.

The model is CMU Sphinx's general US English model (72,547 lowercase words, 2.05 million word
pairs, 1.67 million triples, with back-off), which the ``pocketsphinx`` package ships and
reads in C; a look-up costs about half a microsecond. Its pairs are eight times as many as the
bigram list of :mod:`.pairs`, so collocations that list lacks ("mortgage repayments", "training
partner") are known. The model has no digits, punctuation or hyphenated words: a word it lacks
makes every look-up with it ``None``, and callers fall back on the pair list. A plural it lacks
is read as its singular (the British "maths" as "math").

>>> lm = ngram_model()
>>> lm is None or lm.logcond("martial", "law") > lm.logcond("martial", "to")
True
"""

from __future__ import annotations

import math
import os
import threading
from functools import lru_cache

#: the model's log-probabilities are in units of log base 1.0001
_UNIT = math.log10(1.0001)
#: probabilities below this (log10) mark a word the model does not know
_UNKNOWN = -50.0


class NgramModel:
    """Log10 probabilities from a back-off n-gram model (lowercase words)."""

    def __init__(self, model: object) -> None:
        self._model = model
        # one look-up at a time: the C model is not documented as safe to share across threads
        self._lock = threading.Lock()
        self._start = self._raw("<s>")

    def _raw(self, *words: str) -> float:
        # pocketsphinx takes the word first, then its history, nearest first
        with self._lock:
            return self._model.prob(list(words)) * _UNIT  # type: ignore[attr-defined]

    @lru_cache(maxsize=1 << 16)
    def form(self, word: str) -> str | None:
        """The model's spelling of ``word``: lowercase, or a plural the model lacks by its
        singular ("maths" as "math"); ``None`` when the model knows neither."""
        low = word.lower()
        if self._raw(low) >= _UNKNOWN:
            return low
        if len(low) > 3 and low.endswith("s") and self._raw(low[:-1]) >= _UNKNOWN:
            return low[:-1]
        return None

    @lru_cache(maxsize=1 << 16)
    def logp(self, word: str) -> float | None:
        """log10 probability of ``word`` on its own; ``None`` for a word the model lacks."""
        form = self.form(word)
        return None if form is None else self._raw(form)

    @lru_cache(maxsize=1 << 16)
    def _backoff(self, a: str) -> float:
        # "<s>" never follows a word, so its probability after ``a`` is all back-off weight
        return self._raw("<s>", a) - self._start

    def known(self, *words: str) -> bool:
        return all(self.logp(w) is not None for w in words)

    @lru_cache(maxsize=1 << 18)
    def logcond(self, a: str, b: str, before: str | None = None) -> float | None:
        """log10 P(``b`` | ``before`` ``a``), or P(``b`` | ``a``) without ``before``; ``None``
        when the model lacks a word."""
        words = [self.form(w) for w in ((b, a) if before is None else (b, a, before))]
        return None if None in words else self._raw(*words)  # type: ignore[arg-type]

    def seen(self, a: str, b: str) -> bool:
        """Whether the model holds the pair ``a b`` itself, not only by backing off."""
        cond = self.logcond(a, b)
        if cond is None:
            return False
        backed_off = self._backoff(self.form(a) or a.lower()) + (self.logp(b) or 0.0)
        return abs(cond - backed_off) > 1e-6

    def association(self, a: str, b: str) -> float | None:
        """log10 of how much likelier ``b`` is right after ``a`` than anywhere; ``None`` when
        the model lacks a word."""
        cond = self.logcond(a, b)
        return None if cond is None else cond - (self.logp(b) or 0.0)


@lru_cache(maxsize=1)
def ngram_model() -> NgramModel | None:
    """The shared model, loaded at first use; ``None`` when pocketsphinx is not installed."""
    try:
        import pocketsphinx
    except ImportError:
        return None
    path = os.path.join(pocketsphinx.get_model_path(), "en-us", "en-us.lm.bin")
    if not os.path.exists(path):
        return None
    config = pocketsphinx.Config()
    config["logfn"] = os.devnull  # the loader reports to stderr otherwise
    return NgramModel(pocketsphinx.NGramModel(config, pocketsphinx.LogMath(), path))
