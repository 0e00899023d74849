"""Context decides: which reading of a word holding look-alikes is the intended one.

Evidence, strongest first:

1. A word that mixes scripts and can be read in only one script (``Rսssian``) is that word.
2. Where both readings exist (``Mоskva`` vs ``Москва``), the one that is a word in a language
   of its script wins; then the script most of the word's letters are in; then the line's.
3. A word written wholly in look-alikes (``соре``) is only restored when it is an island in Latin
   text: its neighbours are Latin words and its Latin reading is a common word. The same rule,
   mirrored, restores Latin-lettered words amid Cyrillic or Greek (``caxap`` in Russian).
4. Latin letters that are look-alikes yet in modern use (``ɗ`` in Hausa, ``ł`` in Polish) are only
   restored when the word is not a word as written and is one when restored.

A word left alone on purpose because it is ambiguous gets a report-only finding.

>>> from unspoof.detect.lookalike import detect
>>> from unspoof.options import Options
>>> [f.replacement for f in detect("Ƭhеrе", Options())]
['T', 'e', 'e']
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from .detect.lookalike import LATIN, WORD_RE, Token, analyse_line, analyse_word
from .model import LOOKALIKE, Finding
from .tables import lookalike, script
from .words import zipf

# Zipf frequency above which a reading counts as a real, common word (3 = once per million words)
COMMON = 3.0
KNOWN = 1.5
_VERY_COMMON = 6.0
_QUOTES = "«»\"“”„‘’‚'‹›(["
_NEIGHBOURS = 2
_WINDOW = 120  # characters either side in which a word's neighbours are looked for
_CJK = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"})


@dataclass(frozen=True, slots=True)
class Document:
    """What the whole text says about its own letters."""

    text: str
    #: the script most genuine letters are in (see ``dominant_script``)
    major: str
    #: look-alike Latin letters in modern use that this text uses as letters of its own
    #: orthography (Hausa ɗ, Polish ł): some word holding them is a word as written, or is no
    #: word when restored
    native: frozenset[str]
    #: Latin letters inside this text's own-script words are its typing convention, not an
    #: attack: most such words spell no known word when restored (Belarusian typed with a Latin i)
    mixing_is_convention: bool = False
    #: the text holds look-alikes that no orthography uses (ⅼ, ᴡ, Cherokee in Latin words) or
    #: words mixing scripts: evidence of tampering that letters in modern use (ø, ɗ) lack alone
    tampered_elsewhere: bool = False

    @classmethod
    def build(cls, text: str, tokens: list[Token], major: str) -> "Document":
        # Orthography, not tampering: a good share of the words holding such letters are words
        # as written, or no words once restored (Hausa, Maltese, Polish text). Tampered English
        # has a few such words (names), among many that restore to common words.
        seen: set[str] = set()
        failing = 0
        total = 0
        for tok in tokens:
            info = tok.info
            if tok.kind != LATIN or not info.latin_changes or info.restricted:
                continue
            chars = {info.text[i] for i in info.latin_changes}
            total += 1
            seen |= chars
            if zipf(info.text, LATIN) > 0.0 or _best_latin(tok)[1] < KNOWN:
                failing += 1
        native: set[str] = set()
        if failing and failing * 4 >= total:
            native = seen | {c.lower() for c in seen} | {c.upper() for c in seen}
        convention = False
        if major != LATIN:
            readings = [tok.info.reverse[major] for tok in tokens if major in tok.info.reverse and tok.info.has_latin]
            unknown = sum(1 for r in readings if zipf(r, major) < KNOWN)
            convention = unknown >= 3 and unknown * 2 >= len(readings)
        elsewhere = any(
            tok.info.restricted or (tok.info.has_latin and tok.info.foreign and tok.info.latin is not None)
            for tok in tokens
        )
        return cls(text, major, frozenset(native), convention, elsewhere)


def _name(ch: str) -> str:
    return unicodedata.name(ch, f"U+{ord(ch):04X}")


def _best_latin(tok: Token) -> tuple[str, float]:
    """The Latin reading that is the most frequent word (l/I shapes may read either way)."""
    info = tok.info
    best = info.latin or ""
    best_z = zipf(best, LATIN) if best else 0.0
    for alt in info.latin_alternatives:
        z = zipf(alt, LATIN)
        if z > best_z:
            best, best_z = alt, z
    return best, best_z


@lru_cache(maxsize=50_000)
def _word_edits(word: str, reading: str, target: str) -> tuple[tuple[int, str, str, dict], ...]:
    """(position, character, replacement, detail) for each letter a reading changes; cached
    per word because the same tampered words recur through a page and across pages."""
    out = []
    for i, (a, b) in enumerate(zip(word, reading)):
        if a == b:
            continue
        la = lookalike(a)
        detail = {
            "codepoint": f"U+{ord(a):04X}",
            "name": _name(a),
            "script": script(a) if a >= "\x80" else LATIN,
            "intended": b,
            "intended_name": _name(b),
            "target_script": target,
            "word": word,
            "restored_word": reading,
        }
        if la is not None:
            detail["source"] = la.source
        out.append((i, a, b, MappingProxyType(detail)))
    return tuple(out)


def _edits(tok: Token, reading: str, target: str, confidence: float, reason: str) -> list[Finding]:
    base = tok.start
    return [
        Finding(LOOKALIKE, base + i, base + i + 1, a, b, confidence, reason, detail)
        for i, a, b, detail in _word_edits(tok.info.text, reading, target)
    ]


def _report_only(tok: Token, reason: str, readings: dict[str, str]) -> Finding:
    word = tok.info.text
    return Finding(
        LOOKALIKE, tok.start, tok.end, word, None, 0.5, reason,
        {"word": word, "readings": readings, "scripts": sorted({script(c) for c in word if c.isalpha()})},
    )


def _script_phrase(scripts: tuple[str, ...]) -> str:
    return "/".join(scripts)


def _context_kind(tok: Token, major: str = LATIN) -> str:
    """A neighbour's script class; a foreign word that reads as a common Latin word counts as Latin
    when it is itself a candidate, so runs of swapped words (``ѕеа ⅼions``) support each other."""
    kind = tok.kind
    if major != LATIN:
        return kind  # in Cyrillic text, Cyrillic words are Cyrillic whatever they could spell
    if kind and kind not in (LATIN, "mixed") and tok.info.latin is not None and _best_latin(tok)[1] >= COMMON:
        return "latin-reading"
    return kind


class Line:
    """One line's context, computed only when a decision needs it (most words need none)."""

    __slots__ = ("text", "base", "_tokens", "_major", "_cjk")

    def __init__(self, text: str, base: int) -> None:
        self.text = text
        self.base = base
        self._tokens: list[Token] | None = None
        self._major: str | None = None
        self._cjk = False

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = analyse_line(self.text, self.base)
            # words that could be Latin words in disguise (mixed, or reading as a common Latin
            # word) count for Latin: a line written wholly in look-alikes is still a Latin line
            majors = Counter(
                LATIN if k in ("mixed", "latin-reading") else k for t in self._tokens if (k := _context_kind(t))
            )
            self._major = majors.most_common(1)[0][0] if majors else LATIN
            self._cjk = any(k in _CJK for k in majors)
        return self._tokens

    @property
    def major(self) -> str:
        self.tokens
        return self._major  # type: ignore[return-value]

    @property
    def cjk(self) -> bool:
        self.tokens
        return self._cjk

    def neighbour_kinds(self, tok: Token, major: str = LATIN) -> tuple[list[str], list[str]]:
        """Script classes of up to two words on each side, read from a window around the word
        (lines can be whole paragraphs: tokenising all of one for two neighbours is waste)."""
        lo = tok.start - self.base
        hi = tok.end - self.base
        left = self.text[max(0, lo - _WINDOW) : lo]
        right = self.text[hi : hi + _WINDOW]
        before = [k for w in WORD_RE.findall(left)[-_NEIGHBOURS:] if (k := _context_kind(Token(0, 0, analyse_word(w)), major))]
        after = [k for w in WORD_RE.findall(right)[:_NEIGHBOURS] if (k := _context_kind(Token(0, 0, analyse_word(w)), major))]
        return before, after


def _quoted(text: str, tok: Token) -> bool:
    before = text[tok.start - 1] if tok.start > 0 else ""
    after = text[tok.end] if tok.end < len(text) else ""
    return bool(before) and before in _QUOTES and bool(after) and after in _QUOTES


@lru_cache(maxsize=50_000)
def _readings(word: str) -> tuple[tuple[str, str, float, int], ...]:
    """(script, reading, Zipf, letters in that script) for each reading of a mixed word, best
    first by word frequency then by how many of its letters already are in that script."""
    info = analyse_word(word)
    letters = [c for c in word if c.isalpha()]
    latin_letters = sum(1 for c in letters if c < "\x80" or script(c) == LATIN)
    out = []
    if info.latin is not None:
        tok = Token(0, len(word), info)
        reading, z = _best_latin(tok)
        out.append((LATIN, reading, z, latin_letters))
    for s, reading in info.reverse.items():
        out.append((s, reading, zipf(reading, s), len(letters) - latin_letters))
    out.sort(key=lambda r: (round(r[2]), r[3]), reverse=True)
    return tuple(out)


def _mixed(tok: Token, line: Line, doc: Document) -> list[Finding]:
    """A word with Latin and foreign letters (or two foreign scripts).

    In Latin text, a mixed word that reads as Latin is restored whatever it spells (names
    too). In text of another script, where such words are mostly typing slips, a reading is
    only taken when it is a known word.
    """
    info = tok.info
    options = _readings(info.text)
    if doc.major != LATIN:
        # Latin words with a stray letter of the text's own script are mostly keyboard-layout
        # slips: reported, not changed. Letters of the text's script inside its words that
        # spell a known word once restored are the reverse attack, and are restored.
        proven = tuple(o for o in options if o[0] != LATIN and o[2] > 0.0 and not doc.mixing_is_convention)
        best = max((o[2] for o in proven), default=0.0)
        if any(o[0] == LATIN and o[2] >= max(best, COMMON) for o in options):
            proven = ()  # reads as a Latin word at least as common: ambiguous, reported
        if not proven:
            if options:
                readings = {s: r for s, r, _, _ in options}
                return [_report_only(tok, f"mixes {_script_phrase((LATIN,) + info.foreign)} letters in {doc.major} text; left alone", readings)]
            return []
        options = proven
    if not options:
        if info.latin_changes:
            return [_report_only(tok, f"mixes {_script_phrase((LATIN,) + info.foreign)} letters and reads as no single script; left alone", {})]
        return []
    target, reading = options[0][0], options[0][1]
    if len(options) > 1 and (round(options[0][2]), options[0][3]) == (round(options[1][2]), options[1][3]):
        # a true tie: the script the rest of the line is written in decides
        for s, r, _, _ in options[:2]:
            if s == line.major:
                target, reading = s, r
    if target == LATIN:
        foreign = _script_phrase(info.foreign) if info.foreign else "look-alike"
        return _edits(tok, reading, LATIN, 0.97, f"{foreign} letter inside a Latin word")
    return _edits(tok, reading, target, 0.95, f"Latin letter inside a {target} word")


def _lone_word(tok: Token, line: Line, doc: Document, z: float) -> bool:
    """A single look-alike letter that stands for ``a`` or ``I``: one of the most frequent words,
    set off by spaces between Latin words (so ``ⱥ-helix``, ``x ∈ ℝ`` and ``(ⱥ)`` stay)."""
    if z < _VERY_COMMON or doc.major != LATIN:
        return False
    text = line.text
    lo, hi = tok.start - line.base, tok.end - line.base
    if lo == 0 or not text[lo - 1].isspace() or hi >= len(text) or not (text[hi].isspace() or text[hi] in ",;:"):
        return False
    before, after = line.neighbour_kinds(tok)
    return bool(before and after) and before[-1] == LATIN and after[0] == LATIN


def _latin_lookalikes(tok: Token, doc: Document, line: Line) -> list[Finding]:
    """A Latin-script word holding look-alikes that are themselves Latin (ɑ, ᴡ, Ɍ, ⅼ, 𝐟, ｆ)."""
    info = tok.info
    if not info.restricted and (doc.native or not doc.tampered_elsewhere):
        # Letters in modern use (Faroese ø, Hausa ɗ, Maltese ħ, Azerbaijani ı) are restored only
        # in text tampered with in other ways too; a short paragraph of Faroese gives too little
        # context to tell its orthography from an attack. When the text writes an extended Latin
        # orthography, its letters with hooks and strokes are its own.
        return []
    reading, z = _best_latin(tok)
    letters = sum(1 for c in info.text if c.isalpha() or unicodedata.category(c) == "Nl")
    if info.restricted:
        changed_all = len(info.latin_changes) == letters
        if not changed_all:
            return _edits(tok, reading, LATIN, 0.95, "look-alike of a Latin letter (not in modern use) inside a Latin word")
        # a word made only of such letters: math (𝑥, ℝ) or styled text (𝐟𝐫𝐞𝐞, ｆｒｅｅ)
        styled = any(lookalike(c).source == "compatibility" for c in info.text if lookalike(c))  # type: ignore[union-attr]
        if letters == 1 and not styled and _lone_word(tok, line, doc, z):
            return _edits(tok, reading, LATIN, 0.85, "look-alike standing alone for a one-letter Latin word")
        fullwidth = any("\uff00" <= c <= "\uffef" for c in info.text)
        if fullwidth and line.cjk:
            return []  # fullwidth Latin is ordinary typography among CJK characters
        if letters >= 2 and z >= KNOWN and doc.major == LATIN:
            return _edits(tok, reading, LATIN, 0.9, "word written in styled look-alikes of Latin letters")
        return []
    # letters in modern use: only when the word is not a word as written and is one restored
    if z >= KNOWN and zipf(info.text, LATIN) == 0.0:
        return _edits(tok, reading, LATIN, 0.85, "Latin letter with a hook or stroke standing in for a plain letter")
    return []


def _island(tok: Token, line: Line, doc: Document) -> list[Finding]:
    """A word written wholly in one foreign script's look-alikes, or plain Latin amid a foreign script."""
    info = tok.info
    text = doc.text
    before, after = line.neighbour_kinds(tok, doc.major)
    around = before + after
    if not around:
        return []
    kind = tok.kind
    if kind != LATIN and info.latin is not None:
        # foreign word that reads as Latin: are we in Latin text, document and line?
        if doc.major != LATIN or line.major != LATIN:
            return []
        latinish = (LATIN, "mixed", "latin-reading")
        if not all(k in latinish for k in around) or not any(k in (LATIN, "mixed") for k in around):
            return []
        reading, z = _best_latin(tok)
        letters = sum(1 for c in info.text if c.isalpha())
        if z < COMMON or (letters == 1 and not (info.identical or info.restricted)):
            return []  # a lone Greek α in English is as likely a variable as an attack
        own = zipf(info.text, kind)
        if own >= COMMON and (not before or not after or before[-1] not in latinish or after[0] not in latinish):
            return [_report_only(tok, f"{kind} word amid Latin text that also reads as Latin {reading!r}; left alone", {LATIN: reading})]
        if own >= KNOWN and _quoted(text, tok):
            return []
        return _edits(tok, reading, LATIN, 0.9, f"Latin word written in {kind} look-alikes amid Latin text")
    if kind == LATIN and not info.latin_changes:
        # Latin word amid one foreign script: the reverse attack on a whole word
        scripts = set(around)
        if len(scripts) != 1:
            return []
        target = scripts.pop()
        if target in (LATIN, "mixed"):
            return []
        reading = _reverse_whole(info.text, target)
        if reading is None or doc.major != target:
            return []
        z = zipf(reading, target)
        if z < COMMON:
            return []
        if len(reading) == 1:
            # с, в, а, у: among the most frequent words of Russian. A lone Latin letter between
            # two words of that script is one of them, unless it is a capital (a label: класс A)
            # or it is rare in the script (a variable).
            if not info.text.islower() or z < _VERY_COMMON or len(before) < 1 or len(after) < 1:
                return []
            if before[-1] != target or after[0] != target:
                return []
        elif zipf(info.text, LATIN) >= KNOWN:
            return [_report_only(tok, f"Latin word amid {target} text that also reads as {target} {reading!r}; left alone", {target: reading})]
        return _edits(tok, reading, target, 0.9, f"{target} word written in Latin look-alikes amid {target} text")
    return []


def _reverse_whole(word: str, target: str) -> str | None:
    from .tables import reverse

    out = []
    for ch in word:
        if not ch.isalpha():
            out.append(ch)
            continue
        options = reverse(target, ch)
        if not options:
            return None
        out.append(options[0])
    return "".join(out)


def resolve_line(doc: Document, text: str, base: int, suspects: list[Token] | None = None) -> list[Finding]:
    """Findings for the look-alikes of one line (``text`` at offset ``base`` of the document).

    ``suspects`` are the line's words that hold a non-ASCII character; in Latin text only they
    can hide a look-alike. In text of another script, plain Latin words are looked at too.
    """
    line = Line(text, base)
    latin_text = doc.major == LATIN
    tokens = suspects if (suspects is not None and latin_text) else line.tokens
    findings: list[Finding] = []
    for tok in tokens:
        info = tok.info
        kind = info.kind
        if info.protected or (kind == LATIN and latin_text and not info.latin_changes):
            continue  # a plain Latin word in Latin text: the common case
        if kind == "mixed" or (info.foreign and info.has_latin):
            findings.extend(_mixed(tok, line, doc))
        elif kind == LATIN and info.latin_changes:
            findings.extend(_latin_lookalikes(tok, doc, line))
        elif kind and (info.latin is not None or kind == LATIN):
            findings.extend(_island(tok, line, doc))
    return findings
