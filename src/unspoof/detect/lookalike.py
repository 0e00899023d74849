"""Look-alike letters: propose, per word, the readings a tampered word could have.

This module tokenises text into words and, for each word that could hide a look-alike, works out
its possible readings: all-Latin (every look-alike replaced by the Latin letter it is drawn like)
and, for Cyrillic or Greek words holding Latin letters, the reverse. It decides nothing:
:mod:`unspoof.resolve` picks a reading from context and turns it into findings.

>>> [w.latin for w in analyse_line("Rսssian ᴡarships")]
['Russian', 'warships']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..model import Finding
from ..options import Options
from ..tables import NEUTRAL_SCRIPTS, lookalike, reverse, script, tables

# A word: letters, marks, letter-numbers and digits, with format characters (zero-width, soft
# hyphen, tags) allowed inside it so that "Rus\u200bsian" is one word; so are control characters, which
# cleaning removes (a word must read the same before and after).
WORD_RE = regex.compile(
    r"[\p{L}\p{M}\p{Nl}\p{Nd}]+(?:[\p{Cf}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+[\p{L}\p{M}\p{Nl}\p{Nd}]+)*"
)
_ASCII_LETTER_RE = re.compile(r"[A-Za-z]")
# IPA and phonetic blocks: a word with a letter from here that is not a look-alike is phonetics
_PHONETIC = ((0x0250, 0x02FF), (0x1D00, 0x1DBF))
LATIN = "Latin"
_ROMAN_RE = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@lru_cache(maxsize=1)
def _prefilter() -> tuple[frozenset[str], frozenset[str]]:
    """(any look-alike, any look-alike not in modern use): the cheap test that skips clean lines.

    Sets rather than regex classes: ``set.isdisjoint(line)`` runs in C whatever the set's size.
    """
    t = tables().lookalike
    return frozenset(t), frozenset(c for c, v in t.items() if not v.allowed)


def needs_analysis(line: str) -> bool:
    """The fast path: False when no word of ``line`` can hide a look-alike.

    A line needs a look only if it holds a look-alike not in modern use (ⅼ, ᴡ, Cherokee…), or
    both a Latin letter and a look-alike (a Cyrillic е among English words, or a Latin a among
    Russian ones). Pure ASCII, or Russian with no Latin letter, is skipped by two C-level scans.
    """
    if line.isascii():
        return False
    any_la, restricted = _prefilter()
    if not restricted.isdisjoint(line):
        return True
    return bool(_ASCII_LETTER_RE.search(line)) and not any_la.isdisjoint(line)


@dataclass(frozen=True, slots=True)
class WordInfo:
    """What a word is made of and how it could read; independent of context, so cached."""

    text: str
    #: scripts of its letters other than Latin (Common/Inherited ignored)
    foreign: tuple[str, ...]
    #: it has at least one plain Latin letter (ASCII or a genuine Latin letter such as é)
    has_latin: bool
    #: the word with every look-alike replaced by its Latin letter, or None when impossible
    latin: str | None
    #: alternative Latin readings (shapes that read as l or I)
    latin_alternatives: tuple[str, ...]
    #: positions (in the word) that the Latin reading changes
    latin_changes: tuple[int, ...]
    #: a look-alike not in modern use is present (ⅼ, ᴡ, Ƅ, fullwidth, Cherokee…)
    restricted: bool
    #: every changed character is identical to its Latin letter (intentional.txt grade)
    identical: bool
    #: {script: reading} with Latin letters replaced by that script's look-alikes
    reverse: dict[str, str]
    #: the word is phonetic notation or Roman numerals: never changed
    protected: bool
    #: script class for context: 'Latin', one foreign script, 'mixed', or '' (no letters)
    kind: str


def _latin_script(ch: str) -> bool:
    return ch < "\x80" or script(ch) == LATIN


@lru_cache(maxsize=100_000)
def analyse_word(word: str) -> WordInfo:
    foreign: list[str] = []
    has_latin = False
    restricted = False
    identical = True
    protected = False
    latin_chars: list[str] = []
    changes: list[int] = []
    latin_ok = True
    alternatives: list[int] = []
    all_numerals = True
    for i, ch in enumerate(word):
        if ch < "\x80":
            latin_chars.append(ch)
            if ch.isalpha():
                has_latin = True
                all_numerals = False
            continue
        la = lookalike(ch)
        s = script(ch)
        cp = ord(ch)
        if la is None:
            latin_chars.append(ch)
            if s == LATIN:
                has_latin = True
                all_numerals = False
                if any(a <= cp <= b for a, b in _PHONETIC):
                    protected = True
            elif s not in NEUTRAL_SCRIPTS:
                if ch.isalpha():
                    latin_ok = False
                    all_numerals = False
                    if s not in foreign:
                        foreign.append(s)
            continue
        latin_chars.append(la.targets[0])
        changes.append(i)
        if len(la.targets) > 1:
            alternatives.append(i)
        if not la.allowed:
            restricted = True
        if la.source != "intentional":
            identical = False
        if not (0x2160 <= cp <= 0x2188):
            all_numerals = False
        if s not in NEUTRAL_SCRIPTS and s != LATIN and s not in foreign:
            foreign.append(s)
    if changes and all_numerals:
        protected = True  # Ⅳ, ⅻ: Roman numerals used as numerals
    if not changes and _ROMAN_RE.fullmatch(word):
        protected = True  # XX, XIV: never read as Cyrillic ХХ
    latin = "".join(latin_chars) if latin_ok and changes else None
    alts: list[str] = []
    if latin is not None and alternatives:
        # every combination of the l/I shapes (wiII -> will), bounded for hostile input
        readings = [latin]
        for i in alternatives[:4]:
            la = lookalike(word[i])
            readings += [r[:i] + alt + r[i + 1 :] for r in readings for alt in la.targets[1:]]  # type: ignore[union-attr]
        alts = readings[1:]
    rev: dict[str, str] = {}
    if len(foreign) == 1 and (has_latin or changes):
        target = foreign[0]
        out: list[str] = []
        for ch in word:
            s = script(ch) if ch >= "\x80" else (LATIN if ch.isalpha() else "Common")
            if s == target or s in NEUTRAL_SCRIPTS:
                out.append(ch)
                continue
            letter = ch if ch < "\x80" else (lookalike(ch).targets[0] if lookalike(ch) else "")
            options = reverse(target, letter) if letter else ()
            if not options:
                out = []
                break
            out.append(options[0])
        reading = "".join(out)
        if out and reading != word:
            rev[target] = reading
    if foreign:
        kind = "mixed" if has_latin or len(foreign) > 1 else foreign[0]
    else:
        kind = LATIN if has_latin or changes else ""
    return WordInfo(
        kind=kind,
        text=word,
        foreign=tuple(foreign),
        has_latin=has_latin,
        latin=latin,
        latin_alternatives=tuple(alts),
        latin_changes=tuple(changes),
        restricted=restricted,
        identical=identical and bool(changes),
        reverse=rev,
        protected=protected,
    )


@dataclass(slots=True)
class Token:
    start: int
    end: int
    info: WordInfo

    @property
    def kind(self) -> str:
        return self.info.kind

    @property
    def latin(self) -> str | None:
        return self.info.latin


def analyse_line(line: str, base: int = 0) -> list[Token]:
    """Tokenise ``line`` into words with their readings; offsets shifted by ``base``."""
    return [Token(m.start() + base, m.end() + base, analyse_word(m.group())) for m in WORD_RE.finditer(line)]


# A run of characters between ASCII spaces and ASCII punctuation that holds a non-ASCII one: only
# such runs can hide a look-alike, and plain ASCII words never need a per-word look.
# The lookbehind starts matches only at run starts and the possessive ASCII prefix never backtracks,
# so plain ASCII words cost one pass.
_SEPARATORS = r" \t\n\r!-/:-@\[-`{-~"
_RUN_RE = re.compile(
    rf"(?<![^{_SEPARATORS}])[A-Za-z0-9\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*+[^\x00-\x7f][^{_SEPARATORS}]*"
)


def analyse_suspects(line: str, base: int = 0) -> list[Token]:
    """Like :func:`analyse_line`, but only for words that hold a non-ASCII character."""
    out: list[Token] = []
    for run in _RUN_RE.finditer(line):
        word = run.group()
        if word.isalpha():  # the common case: the run is one word
            out.append(Token(run.start() + base, run.end() + base, analyse_word(word)))
            continue
        off = run.start() + base
        for m in WORD_RE.finditer(word):
            out.append(Token(m.start() + off, m.end() + off, analyse_word(m.group())))
    return out


_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def dominant_script(text: str) -> str:
    """The script most of the document's genuine letters are in.

    Look-alikes do not count (an English page written wholly in Cyrillic look-alikes is still
    Latin text); Cyrillic б д ж и л ы я do. ASCII letters are counted on bytes, the rest on the
    non-ASCII remainder only.
    """
    data = text.encode("utf-8", "surrogatepass")
    latin = len(data.translate(None, _ASCII_NON_LETTERS)) - (len(data) - len(data.translate(None, _NON_ASCII_BYTES)))
    rest = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    foreign: dict[str, int] = {}
    for ch, n in Counter(rest).items():
        if not ch.isalpha() or lookalike(ch) is not None:
            continue
        s = script(ch)
        if s == LATIN:
            latin += n
        elif s not in NEUTRAL_SCRIPTS:
            foreign[s] = foreign.get(s, 0) + n
    if foreign:
        top, count = max(foreign.items(), key=lambda kv: kv[1])
        if count > latin:
            return top
    return LATIN


_ASCII_BYTES = bytes(range(128))
_NON_ASCII_BYTES = bytes(range(128, 256))


def _lines(text: str):
    """Lines ending at ``\n`` only: control characters that ``splitlines`` also breaks at
    (\x1c-\x1e) are removed by cleaning, and must not split a word."""
    start = 0
    while True:
        end = text.find("\n", start)
        if end < 0:
            if start < len(text):
                yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def detect(text: str, options: Options) -> list[Finding]:
    """Look-alike findings for ``text`` (see :mod:`unspoof.resolve` for the decisions)."""
    if text.isascii():
        return []
    lines: list[tuple[int, str, list[Token]]] = []
    pos = 0
    for line in _lines(text):
        if needs_analysis(line):
            suspects = analyse_suspects(line, pos)
            if suspects:
                lines.append((pos, line, suspects))
        pos += len(line)
    if not lines:
        return []
    from ..resolve import Document, resolve_line

    doc = Document.build(text, [t for _, _, tokens in lines for t in tokens], dominant_script(text))
    findings: list[Finding] = []
    for base, line, suspects in lines:
        findings.extend(resolve_line(doc, line, base, suspects))
    return findings
