"""Hidden characters: what renders as nothing, erases, reorders or smuggles text.

Finds, and proposes to remove, the characters a reader cannot see but a machine reads: zero-width
spaces and joiners, soft hyphens, word joiners, mid-text byte-order marks, invisible operators,
Hangul fillers, the other default-ignorable characters, C0/C1 controls (a backspace erases the
character before it on screen, so both go), Unicode tag characters (decoded: they smuggle
instructions to language models), variation-selector payloads (decoded when they carry text),
floods of combining marks (zalgo), and bidi controls (see :mod:`unspoof.detect.bidi`).

It keeps what legitimate text needs, by rule: ZWJ inside emoji sequences, ZWJ/ZWNJ after letters
of scripts that spell with them (Persian ``می‌خواهم``, Indic conjuncts), variation selectors that
form an emoji or ideographic variation sequence, RGI emoji tag sequences (🏴 England), a BOM at
the very start, and the Mongolian, Hangul, Duployan and musical format characters in their own
text. ``docs/hidden.md`` lists every rule.

>>> [(f.kind, f.start, f.replacement) for f in detect("Rus\\u200bsian", Options())]
[('invisible', 3, '')]
>>> detect("می\\u200cخواهم 👨\\u200d👩\\u200d👧", Options())
[]
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ..model import COMBINING_EXCESS, CONTROL, INVISIBLE, TAG_PAYLOAD, VARIATION_SELECTOR, Finding
from ..options import Options
from . import bidi

#: C0 controls other than tab, newline and carriage return; DEL; C1 controls
CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
CONTROLS_SET = frozenset(re.findall(f"[{CONTROLS}]", "".join(map(chr, range(0xA0)))))
#: more marks than this on one letter of an alphabet (Latin, Greek, Cyrillic …) is a flood
FEW_MARKS_LIMIT = 3
#: more marks than this on one character of any other script is a flood (Tibetan stacks and
#: Myanmar syllables reach four in real text)
MANY_MARKS_LIMIT = 6
# Terminal escape sequences are removed whole, not just their ESC: control sequences (colour,
# cursor movement: ESC [ … final byte) and operating-system commands (title, hyperlink: ESC ] …
# BEL or ESC \). A lone ESC before a letter is only the ESC: the letter may be text.
_ANSI_RE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\))")
_CONTROL_NAMES = {
    0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION", 0x0C: "FORM FEED",
    0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE",
}
_TAG_BASE = "\U0001f3f4"  # WAVING BLACK FLAG, the base of emoji tag sequences
_CANCEL_TAG = "\U000e007f"
# Hangul jamo: leading consonants (choseong) and vowels (jungseong), for the two fillers
_CHOSEONG = ((0x1100, 0x115F), (0xA960, 0xA97C))
_JUNGSEONG = ((0x1160, 0x11A7), (0xD7B0, 0xD7C6))

_REASONS = {
    "\u200b": "zero-width space: invisible to a reader, it splits the text for a machine",
    "\u200c": "zero-width non-joiner where the script does not use it: invisible, it splits the word",
    "\u200d": "zero-width joiner outside an emoji sequence or a joining script: invisible, it splits the word",
    "\u2060": "word joiner: invisible, it splits the text for a machine",
    "\u00ad": "soft hyphen: invisible unless a line breaks there, it splits the word for a machine",
    "\ufeff": "byte-order mark inside the text: invisible, it splits the text for a machine",
    "\u180e": "Mongolian vowel separator outside Mongolian text: invisible",
    "\u3164": "Hangul filler outside Korean jamo: renders as blank, used to fake empty text",
    "\uffa0": "halfwidth Hangul filler: renders as blank, used to fake empty text",
    "\u034f": "combining grapheme joiner that joins no marks: invisible",
}
_DEFAULT_REASON = "default-ignorable character: renders as nothing, so here it can only hide or split text"


class RangeSet:
    """Membership in sorted ``[first, last]`` code-point ranges, by binary search."""

    __slots__ = ("starts", "ends")

    def __init__(self, ranges: Iterable[Iterable[int]]) -> None:
        pairs = [tuple(r) for r in ranges]
        self.starts = [a for a, _ in pairs]
        self.ends = [b for _, b in pairs]

    def __contains__(self, ch: object) -> bool:
        if not isinstance(ch, str) or len(ch) != 1:
            return False
        cp = ord(ch)
        i = bisect_right(self.starts, cp) - 1
        return i >= 0 and cp <= self.ends[i]

    def char_class(self, plane: str = "all") -> str:
        """The ranges as the body of a regular-expression character class.

        ``plane`` is ``"bmp"`` or ``"astral"`` for the part below or above U+FFFF: a class of BMP
        characters compiles to a bitmap (one lookup per character), astral ranges to a range list.
        """
        out = []
        for a, b in zip(self.starts, self.ends):
            if plane == "bmp":
                if a > 0xFFFF:
                    continue
                b = min(b, 0xFFFF)
            elif plane == "astral":
                if b <= 0xFFFF:
                    continue
                a = max(a, 0x10000)
            out.append(f"\\U{a:08x}-\\U{b:08x}" if a != b else f"\\U{a:08x}")
        return "".join(out)


class HiddenTables:
    """The generated ``tables/hidden.json`` (see ``tools/gen_hidden_tables.py``) and regexes built from it."""

    def __init__(self) -> None:
        raw = json.loads(resources.files("unspoof.tables").joinpath("hidden.json").read_text(encoding="utf-8"))
        self.unicode_version: str = raw["unicode_version"]
        self.ignorable = RangeSet(raw["default_ignorable"])
        self.emoji = RangeSet(raw["emoji"])
        self.emoji_vs_bases = RangeSet(raw["emoji_vs_bases"])
        self.tag_sequences = frozenset(raw["emoji_tag_sequences"])
        self.joiner_letters = RangeSet(raw["joiner_letters"])
        self.nospace_letters = RangeSet(raw["nospace_letters"])
        self.han = RangeSet(raw["han"])
        self.mongolian = RangeSet(raw["mongolian"])
        self.marks = RangeSet(raw["marks"])
        self.inherited_marks = RangeSet(raw["inherited_marks"])
        self.few_marks = RangeSet(raw["few_marks"])
        self.mirror = {chr(a): chr(b) for a, b in raw["mirror"]}
        self.rtl = RangeSet(raw["rtl"])
        self.rtl_bmp = re.compile(f"[{self.rtl.char_class('bmp')}]")
        self.rtl_astral = re.compile(f"[{self.rtl.char_class('astral')}]")
        hidden_bmp = f"[{self.ignorable.char_class('bmp')}{CONTROLS}]"
        hidden_astral = f"[{self.ignorable.char_class('astral')}]"
        #: the first pass, one bitmap class: every hidden BMP character, every BMP mark, and
        #: anything astral (emoji, tags …); text it does not match has nothing hidden
        self.first_pass = re.compile(
            f"[{self.ignorable.char_class('bmp')}{CONTROLS}{self.marks.char_class('bmp')}\\U00010000-\\U0010ffff]"
        )
        self.hidden_bmp = re.compile(hidden_bmp)
        self.hidden_astral = re.compile(hidden_astral)
        self.astral = re.compile("[\U00010000-\U0010ffff]")
        # each pattern twice: the BMP-only form is several times faster on text without astral
        # characters, which is most text
        self.runs = (re.compile(f"{hidden_bmp}+"), re.compile(f"(?:{hidden_bmp}|{hidden_astral})+"))
        # a combining grapheme joiner inside a flood is part of it
        flood = "[{}\u034f]{{{},}}"
        self.mark_floods = (
            re.compile(flood.format(self.marks.char_class("bmp"), FEW_MARKS_LIMIT + 1)),
            re.compile(flood.format(self.marks.char_class(), FEW_MARKS_LIMIT + 1)),
        )

    def has_astral_mark(self, text: str) -> bool:
        """Whether ``text`` has a mark above U+FFFF (Brahmi, musical …); astral characters are few."""
        return any(m.group() in self.marks for m in self.astral.finditer(text))

    def has_rtl(self, text: str) -> bool:
        """Whether ``text`` has a right-to-left letter or Arabic digit (direction marks aside)."""
        if self.rtl_bmp.search(text):
            return True
        return self.astral.search(text) is not None and self.rtl_astral.search(text) is not None


@lru_cache(maxsize=1)
def hidden_tables() -> HiddenTables:
    return HiddenTables()


def has_hidden(text: str) -> bool:
    """The fast path: False when ``text`` holds no hidden character and no flood of marks.

    One compiled-regex search over a bitmap class; most text stops there. Text with marks
    (Arabic, Indic, decomposed accents) or astral characters (emoji) gets a closer look from the
    first such character on.

    >>> has_hidden("plain text, even with accents: café"), has_hidden("Rus\\u200bsian")
    (False, True)
    """
    t = hidden_tables()
    first = t.first_pass.search(text)
    if first is None:
        return False
    at = first.start()
    if t.hidden_bmp.search(text, at) or t.mark_floods[0].search(text, at):
        return True
    if t.astral.search(text, at) is None:
        return False
    return t.hidden_astral.search(text, at) is not None or (t.has_astral_mark(text) and t.mark_floods[1].search(text, at) is not None)


def detect(text: str, options: Options) -> list[Finding]:
    """Hidden-character findings for ``text``; offsets index ``text`` exactly."""
    if not has_hidden(text):
        return []
    erased: set[int] = set()
    findings: list[Finding] = []
    astral = hidden_tables().astral.search(text) is not None
    if "\x08" in text:
        findings.extend(_backspaces(text, erased))
    if "\x1b" in text:
        findings.extend(_escapes(text, erased))
    findings.extend(_invisibles(text, erased, astral))
    findings.extend(bidi.findings(text))
    findings.extend(_mark_floods(text, astral and hidden_tables().has_astral_mark(text)))
    findings.sort(key=lambda f: (f.start, f.end))
    return findings


# ---------------------------------------------------------------- detail helpers


def char_name(ch: str) -> str:
    cp = ord(ch)
    if cp in _CONTROL_NAMES:
        return _CONTROL_NAMES[cp]
    return unicodedata.name(ch, f"<control-{cp:04X}>" if unicodedata.category(ch) == "Cc" else f"<reserved-{cp:04X}>")


def _codepoints(chars: str) -> dict[str, Any]:
    """``codepoint``/``name`` for one character, lists for a run (distinct ones for a long run)."""
    if len(chars) == 1:
        return {"codepoint": f"U+{ord(chars):04X}", "name": char_name(chars)}
    shown = chars if len(chars) <= 64 else "".join(dict.fromkeys(chars))
    return {
        "codepoint": [f"U+{ord(c):04X}" for c in shown],
        "name": [char_name(c) for c in dict.fromkeys(chars)],
        "count": len(chars),
    }


# ---------------------------------------------------------------- controls that erase


def _backspaces(text: str, erased: set[int]) -> list[Finding]:
    """A backspace erases the character before it on screen: the reader never sees either.

    ``"Tha\\bis"`` displays as "This"; overstrike in manual pages (``"N\\bN"``) displays one N.
    """
    alive: list[int] = []
    gone: set[int] = set()
    for i, ch in enumerate(text):
        if ch == "\x08":
            gone.add(i)
            if alive:
                gone.add(alive.pop())
        elif ch in "\n\r":
            alive.clear()  # a terminal does not back up past the start of the line
        else:
            alive.append(i)
    erased |= gone
    out: list[Finding] = []
    for a, b in _spans(sorted(gone)):
        span = text[a:b]
        shown = span.replace("\x08", "")
        reason = (
            "backspace characters erase the text before them on screen: a reader sees it deleted, a machine still reads it"
            if shown
            else "backspace with nothing before it on its line: a control character with no place in text"
        )
        out.append(
            Finding(
                CONTROL, a, b, span, "", 0.95, reason,
                {"codepoint": "U+0008", "name": "BACKSPACE", "count": span.count("\x08"), "erased": shown},
            )
        )
    return out


def _escapes(text: str, erased: set[int]) -> list[Finding]:
    """Terminal escape sequences (colours, cursor moves) are display commands, not text."""
    out: list[Finding] = []
    for m in _ANSI_RE.finditer(text):
        if any(i in erased for i in range(m.start(), m.end())):
            continue
        erased.update(range(m.start(), m.end()))
        out.append(
            Finding(
                CONTROL, m.start(), m.end(), m.group(), "", 0.95,
                "terminal escape sequence: a display command, not text",
                {"codepoint": "U+001B", "name": "ESCAPE", "sequence": m.group()[1:]},
            )
        )
    return out


def _spans(positions: list[int]) -> Iterable[tuple[int, int]]:
    start = prev = None
    for p in positions:
        if start is None:
            start = prev = p
        elif p == prev + 1:  # type: ignore[operator]
            prev = p
        else:
            yield start, prev + 1  # type: ignore[operator]
            start = prev = p
    if start is not None:
        yield start, prev + 1  # type: ignore[operator]


# ---------------------------------------------------------------- invisible characters


def _is_tag(ch: str) -> bool:
    return "\U000e0000" <= ch <= "\U000e007f"


def _is_vs(ch: str) -> bool:
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _in(ch: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    cp = ord(ch) if ch else -1
    return any(a <= cp <= b for a, b in ranges)


class _Context:
    """Neighbours of a run of hidden characters: the visible characters either side of it, and
    the letter before it with its marks skipped. Computed once per run, so a long run costs no
    more than a short one."""

    __slots__ = ("text", "t", "before", "after", "_base", "_start")

    def __init__(self, text: str, tables: HiddenTables) -> None:
        self.text = text
        self.t = tables
        self.before = self.after = ""
        self._base: str | None = None
        self._start = 0

    def run(self, start: int, end: int) -> None:
        text = self.text
        self.before = text[start - 1] if start > 0 else ""
        self.after = text[end] if end < len(text) else ""
        self._base, self._start = None, start

    def prev_base(self) -> str:
        """The letter before the run, skipping its marks (a virama, harakat; at most 16)."""
        if self._base is None:
            text, marks = self.text, self.t.marks
            j = self._start - 1
            while j >= 0 and j > self._start - 17 and text[j] in marks:
                j -= 1
            self._base = text[j] if j >= 0 and text[j] not in marks else ""
        return self._base


def _keep(text: str, i: int, ctx: _Context) -> bool:
    """Whether the default-ignorable character at ``i`` is one that legitimate text needs."""
    t = ctx.t
    ch = text[i]
    if ch in "\u200c\u200d":
        before = text[i - 1] if i > 0 else ""
        if ch == "\u200d" and i + 1 < len(text):
            j = i - 1
            while j >= 0 and j > i - 4 and text[j] in "\ufe0e\ufe0f\u20e3":
                j -= 1
            if j >= 0 and text[j] in t.emoji and text[i + 1] in t.emoji:
                return True  # inside an emoji ZWJ sequence (family, profession, flag …)
        if before in "\u200c\u200d":
            return False  # a joiner is never doubled
        if ctx.prev_base() in t.joiner_letters:
            after = ctx.after
            # the next character continues the word in the same writing, or ends it
            return not after or after in t.joiner_letters or not after.isalpha()
        return False
    if ch == "\u200b":
        before, after = ctx.before, ctx.after
        if before == ">" and after == "<":
            return True  # fills an otherwise empty markup element, a common editor habit
        return ctx.prev_base() in t.nospace_letters and after in t.nospace_letters
    if ch == "\ufeff":
        return i == 0
    if ch == "\u180e":
        return ctx.before in t.mongolian and ctx.after in t.mongolian
    if "\u180b" <= ch <= "\u180f":
        return i > 0 and text[i - 1] in t.mongolian
    if ch == "\u115f":
        return i + 1 < len(text) and _in(text[i + 1], _JUNGSEONG)
    if ch == "\u1160":
        return i > 0 and _in(text[i - 1], _CHOSEONG)
    if ch == "\u034f":
        return i > 0 and not text[i - 1].isspace() and i + 1 < len(text) and text[i + 1] in t.marks
    if "\U0001bca0" <= ch <= "\U0001bca3":
        return i > 0 and "\U0001bc00" <= text[i - 1] <= "\U0001bc9f"
    if "\U0001d173" <= ch <= "\U0001d17a":
        j = i - 1  # beams, ties, slurs and phrases may follow each other after a note
        while j >= 0 and "\U0001d173" <= text[j] <= "\U0001d17a":
            j -= 1
        return j >= 0 and "\U0001d100" <= text[j] <= "\U0001d1ff"
    return False


def _vs_fits(base: str, vs: str, t: HiddenTables) -> bool:
    """A single variation selector that forms a sequence with its base."""
    if not base or base in t.ignorable:
        return False  # a selector after nothing visible selects nothing
    if vs in "\ufe0e\ufe0f":
        return base in t.emoji_vs_bases or base in t.emoji
    if base in t.han:
        return True  # ideographic variation sequences (VS17–VS256) and CJK compatibility variants
    if vs >= "\U000e0100":
        return False
    # standardized variants (VS1–VS14) exist for mathematical symbols, digits and letters of
    # several scripts; the list is not in our data, so one selector on such a base is kept
    return unicodedata.category(base) in ("Sm", "So", "Nd", "Lo")


def _vs_bytes(run: str) -> bytes:
    return bytes(ord(c) - 0xFE00 if c <= "\ufe0f" else ord(c) - 0xE0100 + 16 for c in run)


def _decode_vs(run: str) -> str | None:
    """Text hidden one byte per selector (VS1–VS16 are 0–15, VS17–VS256 are 16–255), if any."""
    try:
        decoded = _vs_bytes(run).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if decoded and all(c.isprintable() or c in "\n\t" for c in decoded):
        return decoded
    return None


def _decode_tags(run: str) -> str:
    return "".join(chr(ord(c) - 0xE0000) for c in run if "\U000e0020" <= c <= "\U000e007e")


def _tag_findings(text: str, a: int, b: int, t: HiddenTables) -> list[Finding]:
    """Tag characters ``text[a:b]``: an RGI emoji tag sequence is kept, anything else is a payload."""
    if a > 0 and text[a - 1] == _TAG_BASE:
        end = text.find(_CANCEL_TAG, a, b)
        if end >= 0 and _decode_tags(text[a:end]) in t.tag_sequences:
            a = end + 1  # a subdivision flag such as England; what follows it is still examined
    if a >= b:
        return []
    run = text[a:b]
    decoded = _decode_tags(run)
    detail = _codepoints(run)
    detail["decoded"] = decoded
    reason = (
        "invisible Unicode tag characters spell out hidden text, a way to smuggle instructions to language models"
        if decoded.strip()
        else "invisible Unicode tag characters outside an emoji flag sequence"
    )
    return [Finding(TAG_PAYLOAD, a, b, run, "", 0.99, reason, detail)]


def _vs_findings(text: str, a: int, b: int, t: HiddenTables) -> list[Finding]:
    """Variation selectors ``text[a:b]``: one that fits its base is kept; a run carries bytes."""
    base = text[a - 1] if a > 0 else ""
    run = text[a:b]
    if len(run) == 1 and _vs_fits(base, run, t):
        return []
    decoded = _decode_vs(run)
    if decoded is None and len(run) > 1 and _vs_fits(base, run[0], t):
        decoded = _decode_vs(run[1:])
        if decoded is not None:
            a, run = a + 1, run[1:]  # the first selector belongs to its emoji
    detail = _codepoints(run)
    if decoded is not None and len(run) > 1:
        detail["decoded"] = decoded
        reason = "a run of variation selectors hides text, one byte per selector"
    elif len(run) > 1:
        reason = "a run of variation selectors: no variation sequence has more than one, so they hide data"
    else:
        reason = "variation selector that forms no known variation sequence with the character before it"
    return [Finding(VARIATION_SELECTOR, a, b, run, "", 0.95 if len(run) > 1 else 0.85, reason, detail)]


#: default-ignorable characters that legitimate text needs in some context (see ``_keep``)
_CONTEXTUAL = frozenset(
    "\u200b\u200c\u200d\ufeff\u180b\u180c\u180d\u180e\u180f\u115f\u1160\u034f"
    "\U0001bca0\U0001bca1\U0001bca2\U0001bca3"
) | frozenset(map(chr, range(0x1D173, 0x1D17B)))


@lru_cache(maxsize=4096)
def _role(ch: str) -> str:
    """What a character of a hidden run is: bidi, tag, vs, context (kept by rule), invisible, control."""
    if ch in bidi.EXPLICIT or ch in bidi.MARKS:
        return "bidi"
    if _is_tag(ch):
        return "tag"
    if _is_vs(ch):
        return "vs"
    if ch in _CONTEXTUAL:
        return "context"
    return INVISIBLE if ch in hidden_tables().ignorable else CONTROL


def _invisibles(text: str, erased: set[int], astral: bool = True) -> list[Finding]:
    t = hidden_tables()
    ctx = _Context(text, t)
    out: list[Finding] = []
    for m in t.runs[astral].finditer(text):
        pending: list[int] = []  # positions of one group of removals of the same kind
        pending_kind = ""

        def flush() -> None:
            nonlocal pending, pending_kind
            if pending:
                out.extend(_group(text, pending, pending_kind))
            pending, pending_kind = [], ""

        i, end = m.start(), m.end()
        ctx.run(i, end)
        while i < end:
            ch = text[i]
            role = _role(ch)
            if role == "bidi" or (erased and i in erased):
                flush()  # a bidi character (see bidi.py), or erased by a backspace
                i += 1
                continue
            if role == "tag" or role == "vs":
                test = _is_tag if role == "tag" else _is_vs
                j = i
                while j < end and test(text[j]) and j not in erased:
                    j += 1
                flush()
                out.extend((_tag_findings if role == "tag" else _vs_findings)(text, i, j, t))
                i = j
                continue
            if role == "context":
                kind = INVISIBLE
                if _keep(text, i, ctx):
                    flush()
                    i += 1
                    continue
            else:
                kind = role
            if kind != pending_kind:
                flush()
                pending_kind = kind
            pending.append(i)
            i += 1
        flush()
    return out


def _group(text: str, positions: list[int], kind: str) -> list[Finding]:
    out = []
    for a, b in _spans(positions):
        run = text[a:b]
        if kind == CONTROL:
            reason = (
                f"control character {char_name(run[0])}: it has no place in text and can hide or garble it"
                if len(set(run)) == 1
                else "control characters: they have no place in text and can hide or garble it"
            )
            conf = 0.95
        else:
            distinct = list(dict.fromkeys(run))
            if len(distinct) == 1:
                reason = _REASONS.get(run[0], _DEFAULT_REASON)
            else:
                names = ", ".join(char_name(c).lower() for c in distinct[:4])
                reason = f"invisible characters ({names}): they show nothing but split the text for a machine"
            conf = 0.95
        out.append(Finding(kind, a, b, run, "", conf, reason, _codepoints(run)))
    return out


# ---------------------------------------------------------------- combining-mark floods


def mark_limit(base: str) -> int:
    """How many marks one character plausibly carries in its writing system."""
    t = hidden_tables()
    return FEW_MARKS_LIMIT if not base or base in t.few_marks or base.isspace() else MANY_MARKS_LIMIT


def _kept_marks(base: str, marks: str, limit: int) -> str:
    """The marks a flood is trimmed to: those the language plausibly uses on this base.

    For alphabets, the leading marks that compose with the letter into one precomposed letter
    (Vietnamese ệ, polytonic Greek ᾧ); elsewhere the script's own marks, up to the limit.
    """
    t = hidden_tables()
    if limit == FEW_MARKS_LIMIT:
        keep = 0
        for k in range(1, limit + 1):
            if base and len(unicodedata.normalize("NFC", base + marks[:k])) == 1:
                keep = k
        return marks[:keep]
    return "".join(c for c in marks if c not in t.inherited_marks and c != "\u034f")[:limit]


def _mark_floods(text: str, astral: bool = True) -> list[Finding]:
    t = hidden_tables()
    out: list[Finding] = []
    for m in t.mark_floods[astral].finditer(text):
        a, b = m.span()
        base = text[a - 1] if a > 0 else ""
        limit = mark_limit(base)
        if b - a <= limit:
            continue
        marks = m.group()
        kept = _kept_marks(base, marks, limit)
        detail = _codepoints(marks)
        detail.update({"base": base, "marks": b - a, "kept": len(kept)})
        out.append(
            Finding(
                COMBINING_EXCESS, a, b, marks, kept, 0.9,
                f"{b - a} combining marks stacked on one character (zalgo); its writing uses at most {limit}",
                detail,
            )
        )
    return out
