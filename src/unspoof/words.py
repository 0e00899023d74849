"""Is this a word? Frequencies from wordfreq, per script, loaded lazily per language.

wordfreq ships its lists inside the package (nothing is downloaded at run time) and covers about
40 languages. A script's languages are tried in order; the large lists are used where the
language is common in web text, the small ones elsewhere to bound memory.

>>> zipf("russian", "Latin") > 3
True
>>> zipf("rսssian", "Latin")
0.0
"""

from __future__ import annotations

import math
from functools import lru_cache

import regex

LANGUAGES: dict[str, tuple[str, ...]] = {
    "Latin": (
        "en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "sk", "sl",
        "hu", "ro", "tr", "ca", "lt", "lv", "id", "ms", "vi", "fil", "is", "sh",
    ),
    "Cyrillic": ("ru", "uk", "bg", "mk"),
    "Greek": ("el",),
}
_LARGE = frozenset({"en", "ru", "el"})


@lru_cache(maxsize=None)
def _freqs(lang: str) -> dict[str, float]:
    import wordfreq  # imported on first need: plain ASCII text never pays for it

    return wordfreq.get_frequency_dict(lang, wordlist="best" if lang in _LARGE else "small")


_INVISIBLE = regex.compile(r"[\p{Cf}\p{Cc}]")


def _key(word: str) -> str:
    # a word is looked up as it reads: hidden characters inside it do not count
    return _INVISIBLE.sub("", word).casefold().replace("’", "'")


@lru_cache(maxsize=200_000)
def zipf(word: str, script: str) -> float:
    """Highest Zipf frequency of ``word`` among the languages written in ``script`` (0 if unknown)."""
    key = _key(word)
    best = 0.0
    for lang in LANGUAGES.get(script, ()):
        f = _freqs(lang).get(key)
        if f:
            best = max(best, math.log10(f) + 9)
            if best >= 3.0:
                break
    return best


def preload() -> None:
    """Load every word list now (a second or two), e.g. before forking worker processes so that
    they share one copy instead of each loading its own on first need."""
    for langs in LANGUAGES.values():
        for lang in langs:
            _freqs(lang)


def languages_for(script: str) -> tuple[str, ...]:
    return LANGUAGES.get(script, ())
