"""One adapter per tool compared in ``benchmarks/compare.py``: how each is asked to restore text.

Each adapter maps text -> text the way the tool's own documentation suggests for undoing
look-alikes and hidden characters. A tool that is not installed is reported with the reason and
skipped. Exact versions and the function called are printed with every run.

>>> tools = load_tools(["nfkc"])
>>> tools[0].run("ＦＵＬＬ")
'FULL'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata

_TOKEN = re.compile(r"\S+")


@dataclass
class Tool:
    name: str
    #: the distribution whose version is printed ("" for the standard library)
    dist: str
    #: the call, as printed in the report
    call: str
    #: what to keep in mind when reading this tool's numbers
    note: str
    run: Callable[[str], str] = field(repr=False, default=lambda s: s)
    version: str = ""
    #: input sets this tool runs on ("" = all)
    only: tuple[str, ...] = ()


def _version(dist: str) -> str:
    if not dist:
        import sys

        return f"Python {sys.version.split()[0]}, Unicode {unicodedata.unidata_version}"
    return metadata.version(dist)


# -- adapters: each returns (callable, dist, call, note) and imports its tool lazily ------------


def _unspoof():
    import unspoof

    return unspoof.clean, "unspoof", "unspoof.clean(text)", "restores look-alikes, removes hidden characters; keeps case"


def _unspoof_spam():
    import unspoof

    return (lambda s: unspoof.clean(s, strip_spam=True)), "unspoof", "unspoof.clean(text, strip_spam=True)", \
        "also removes injected spam"


def _nfkc():
    return (lambda s: unicodedata.normalize("NFKC", s)), "", "unicodedata.normalize('NFKC', text)", \
        "baseline: compatibility folding only (fullwidth, math, Roman numerals)"


def _icu():
    import icu

    checker = icu.SpoofChecker()
    return (lambda s: checker.getSkeleton(0, s)), "PyICU", "icu.SpoofChecker().getSkeleton(0, text)", \
        f"UTS #39 skeleton (ICU {icu.ICU_VERSION}): for comparing strings, not for display; maps m->rn, l->I, Cyrillic words too"


def _confusable_homoglyphs():
    from confusable_homoglyphs import confusables as ch

    def run(s: str) -> str:
        found = ch.is_confusable(s, greedy=True, preferred_aliases=["latin"]) or []
        table: dict[str, str] = {}
        for item in found:
            for h in item["homoglyphs"]:
                if len(h["c"]) == 1 and h["c"].isascii():
                    table[item["character"]] = h["c"]
                    break
        return s.translate(str.maketrans(table)) if table else s

    return run, "confusable_homoglyphs", \
        "confusables.is_confusable(text, greedy=True, preferred_aliases=['latin']); each hit -> its first ASCII homoglyph", \
        "detector only: the replacement step is the adapter's; rewrites non-Latin words too"


def _confusables():
    import confusables

    def word(m: re.Match) -> str:
        return (confusables.normalize(m.group(), prioritize_alpha=True) or [m.group()])[0]

    def run(s: str) -> str:
        # normalize() enumerates alternatives, which explodes on long inputs: call it per token
        return _TOKEN.sub(word, s)

    return run, "confusables", "confusables.normalize(token, prioritize_alpha=True)[0] per whitespace-separated token", \
        "lower-cases everything (scores low on exactness by design)"


def _homoglyphs():
    import homoglyphs as hg

    engine = hg.Homoglyphs(languages={"en"}, strategy=hg.STRATEGY_LOAD, ascii_strategy=hg.STRATEGY_REMOVE)
    cache: dict[str, str] = {}

    def one(ch: str) -> str:
        if ch.isascii():
            return ch
        if ch not in cache:
            # to_ascii() over a whole text enumerates every combination; per character is tractable
            options = engine.to_ascii(ch)
            letters = [o for o in options if o.isalpha()]
            cache[ch] = (letters or options or [ch])[0]
        return cache[ch]

    return (lambda s: "".join(one(ch) for ch in s)), "homoglyphs", \
        "Homoglyphs(languages={'en'}, strategy=STRATEGY_LOAD).to_ascii(ch)[0] per non-ASCII character", \
        "ASCII-only output: rewrites every non-ASCII letter it knows"


def _unidecode():
    from unidecode import unidecode

    return unidecode, "Unidecode", "unidecode(text)", "transliterates everything to ASCII (phonetic: Cyrillic р -> r, ѕ -> dz)"


def _anyascii():
    from anyascii import anyascii

    return anyascii, "anyascii", "anyascii(text)", "transliterates everything to ASCII"


def _decancer():
    import decancer_py

    return (lambda s: str(decancer_py.parse(s))), "decancer-py", "str(decancer_py.parse(text))", \
        "lower-cases and maps to ASCII (built for user names)"


def _ftfy():
    import ftfy

    return ftfy.fix_text, "ftfy", "ftfy.fix_text(text)", "fixes mojibake, not look-alikes: a reference for 'do no harm'"


def _silverspeak():
    from silverspeak.homoglyphs.fast_normalize import fast_normalize
    from silverspeak.homoglyphs.hkb.kb import load_default_kb

    kb = load_default_kb()
    return (lambda s: fast_normalize(s, kb=kb, min_score=0.0, score_margin=0.0).text), "silverspeak", \
        "fast_normalize(text, kb=load_default_kb(), min_score=0.0, score_margin=0.0) (the CLI's normalize)", \
        "NFKC, then maps characters outside the text's dominant script"


def _prompt_canon():
    import prompt_canon

    return (lambda s: prompt_canon.canonicalize(s).text), "prompt-canon", "prompt_canon.canonicalize(text).text", \
        "skeleton-style confusable map (keeps case by default)"


def _secnorm():
    import secnorm

    return (lambda s: secnorm.normalize(s).normalized_text), "secnorm", \
        "secnorm.normalize(text).normalized_text (preset security_balanced)", "also normalises whitespace"


def _disarm():
    import disarm

    return disarm.strip_obfuscation, "disarm", "disarm.strip_obfuscation(text)", \
        "NFKC + TR39 fold towards Latin: rewrites Cyrillic and Greek words too"


def _glyphguard():
    import glyphguard

    return (lambda s: glyphguard.sanitize(s).text), "glyphguard", "glyphguard.sanitize(text).text (profile llm-input)", \
        "folds look-alikes it flags, removes smuggling characters"


ADAPTERS: dict[str, Callable[[], tuple]] = {
    "unspoof": _unspoof,
    "unspoof --strip-spam": _unspoof_spam,
    "nfkc": _nfkc,
    "pyicu-skeleton": _icu,
    "confusable_homoglyphs": _confusable_homoglyphs,
    "confusables": _confusables,
    "homoglyphs": _homoglyphs,
    "unidecode": _unidecode,
    "anyascii": _anyascii,
    "decancer-py": _decancer,
    "ftfy": _ftfy,
    "silverspeak": _silverspeak,
    "prompt-canon": _prompt_canon,
    "secnorm": _secnorm,
    "disarm": _disarm,
    "glyphguard": _glyphguard,
}

#: peers tried that are not on the package index at all (so never installable)
NOT_PUBLISHED = {"navi-sanitize": "not published on PyPI (pip index versions finds no distribution)"}

#: sets the spam-stripping variant of unspoof is run on
SPAM_SETS = ("attack: spam",)


def load_tools(names: list[str] | None = None) -> list[Tool]:
    """Import the tools that are installed; the rest are returned by :func:`missing_tools`."""
    tools: list[Tool] = []
    _missing.clear()
    for name, make in ADAPTERS.items():
        if names and name not in names:
            continue
        try:
            run, dist, call, note = make()
            version = _version(dist)
        except Exception as exc:  # any failure to import or set up: skip the tool, say why
            _missing[name] = f"{type(exc).__name__}: {exc}".splitlines()[0][:160]
            continue
        only = SPAM_SETS if name == "unspoof --strip-spam" else ()
        tools.append(Tool(name, dist, call, note, run, version, only))
    return tools


_missing: dict[str, str] = {}


def missing_tools() -> dict[str, str]:
    out = dict(_missing)
    out.update(NOT_PUBLISHED)
    return out
