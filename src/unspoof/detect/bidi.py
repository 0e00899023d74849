"""Bidi controls: show a line as stored and as displayed, and undo reorderings.

Explicit embeddings, overrides and isolates (U+202A–202E, U+2066–2069) change the order in which
a line is *displayed* without changing the order in which it is *stored*: "Trojan Source" code
that a compiler reads differently from a reviewer, or "Bad Characters" words that a model reads
as ``eTts`` while a person sees ``Test``. This module runs the Unicode Bidirectional Algorithm
(UAX #9) far enough to compare the two and proposes findings:

- in a left-to-right line (no right-to-left letters), controls that change nothing are removed;
  controls that reorder are replaced, with the characters they move, by the text as displayed,
  so the cleaned text reads the way a person saw it and nothing is hidden any more;
- in a line with right-to-left letters, controls are kept (they place numbers, Latin words and
  punctuation); an override that shows a word backwards is reported with both readings;
- the marks LRM, RLM and ALM are kept when the document has right-to-left letters, and removed
  as invisible noise otherwise.

>>> display("Te\\u202d\\u2066\\u202e\\u2066t\\u2069\\u2066s\\u2069\\u202c\\u2069\\u202c")
'Test'
>>> display("abc \\u202edef\\u202c ghi")
'abc fed ghi'

The implementation covers rules P2–P3, X1–X10, W1–W7, N0–N2, I1–I2, L1–L2 and mirrored glyphs,
and takes bidi classes from Python's :mod:`unicodedata`; brackets are the Ps/Pe characters with a
mirrored pair.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, Sequence

from ..model import BIDI, Finding

EXPLICIT = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
MARKS = frozenset("\u200e\u200f\u061c")
BIDI_CHARS_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# what ends a paragraph (bidi class B) or a line for our purposes
_LINE_RE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
_ISOLATE_INIT = frozenset({"LRI", "RLI", "FSI"})
_ISOLATES = _ISOLATE_INIT | {"PDI"}
_REMOVED = frozenset({"RLE", "LRE", "RLO", "LRO", "PDF", "BN"})
_NEUTRAL = frozenset({"B", "S", "WS", "ON"}) | _ISOLATES
_MAX_DEPTH = 125
#: a line longer than twice this is shown in a finding's detail as a window around the finding
_DETAIL_WINDOW = 160
#: no writing needs more bidi controls than this in one line; past it a line is not laid out
#: (the layout costs time per nesting level) and its controls are simply removed
MAX_CONTROLS = 1000


@lru_cache(maxsize=4096)
def bidi_class(ch: str) -> str:
    """The Bidi_Class of ``ch`` (unassigned characters count as L)."""
    return unicodedata.bidirectional(ch) or "L"


def _first_strong(types: Sequence[str], start: int, end: int, match: Sequence[int]) -> int | None:
    """P2: 0 for L, 1 for R/AL, None when no strong character; isolated text is skipped."""
    i = start
    while i < end:
        t = types[i]
        if t == "L":
            return 0
        if t in ("R", "AL"):
            return 1
        if t in _ISOLATE_INIT:
            i = match[i] if match[i] >= 0 else end
        i += 1
    return None


def _matching_pdis(types: Sequence[str]) -> list[int]:
    """BD9: for each isolate initiator, the index of its matching PDI (else -1)."""
    match = [-1] * len(types)
    open_: list[int] = []
    for i, t in enumerate(types):
        if t in _ISOLATE_INIT:
            open_.append(i)
        elif t == "PDI" and open_:
            match[open_.pop()] = i
    return match


def levels(line: str, para: int | None = None, forced: list[int] | None = None) -> tuple[list[int | None], int]:
    """Resolved embedding level of each character of one line (None for those X9 removes).

    ``forced``, when given, collects the letters an override turns against their own direction.

    >>> levels("ab\\u202ecd")[0]
    [0, 0, None, 1, 1]
    """
    types = [bidi_class(ch) for ch in line]
    n = len(types)
    match = _matching_pdis(types)
    if para is None:
        para = _first_strong(types, 0, n, match) or 0
    work = list(types)
    lev: list[int] = [para] * n
    removed = [False] * n

    # X1–X8: explicit levels and directions
    stack: list[tuple[int, str | None, bool]] = [(para, None, False)]
    over_iso = over_emb = valid_iso = 0
    for i, t in enumerate(types):
        level, override, _ = stack[-1]
        if t in ("RLE", "LRE", "RLO", "LRO"):
            new = (level + 1) | 1 if t[0] == "R" else (level + 2) & ~1
            if new <= _MAX_DEPTH and over_iso == 0 and over_emb == 0:
                stack.append((new, (t[0] if t[2] == "O" else None), False))
            elif over_iso == 0:
                over_emb += 1
            lev[i], removed[i] = level, True
        elif t in _ISOLATE_INIT:
            lev[i] = level
            if override:
                work[i] = override
            if t == "FSI":
                rtl = _first_strong(types, i + 1, match[i] if match[i] >= 0 else n, match) == 1
            else:
                rtl = t == "RLI"
            new = (level + 1) | 1 if rtl else (level + 2) & ~1
            if new <= _MAX_DEPTH and over_iso == 0 and over_emb == 0:
                valid_iso += 1
                stack.append((new, None, True))
            else:
                over_iso += 1
        elif t == "PDI":
            if over_iso > 0:
                over_iso -= 1
            elif valid_iso > 0:
                over_emb = 0
                while not stack[-1][2]:
                    stack.pop()
                stack.pop()
                valid_iso -= 1
            level, override, _ = stack[-1]
            lev[i] = level
            if override:
                work[i] = override
        elif t == "PDF":
            if over_iso == 0:
                if over_emb > 0:
                    over_emb -= 1
                elif not stack[-1][2] and len(stack) >= 2:
                    stack.pop()
            lev[i], removed[i] = level, True
        elif t == "BN":
            lev[i], removed[i] = level, True
        elif t == "B":
            lev[i] = para
        else:
            lev[i] = level
            if override:
                work[i] = override
                if forced is not None and t in ("L", "R", "AL") and (override == "R") != (t != "L"):
                    forced.append(i)

    # X10: level runs chained into isolating run sequences
    kept = [i for i in range(n) if not removed[i]]
    runs: list[list[int]] = []
    for i in kept:
        if runs and lev[runs[-1][-1]] == lev[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
    run_at = {r[0]: r for r in runs}
    emb = list(lev)  # explicit levels: sos/eos come from these, not from levels already resolved
    matched_pdis = {m for m in match if m >= 0}
    position = {i: k for k, i in enumerate(kept)}
    for run in runs:
        if run[0] in matched_pdis and types[run[0]] == "PDI":
            continue  # continues the sequence of its initiator
        seq = list(run)
        while types[seq[-1]] in _ISOLATE_INIT and match[seq[-1]] >= 0 and match[seq[-1]] in run_at:
            seq.extend(run_at[match[seq[-1]]])
        _resolve_sequence(line, seq, work, lev, emb, kept, position, para, types, match)

    # L1: separators and trailing whitespace go back to the paragraph level
    out: list[int | None] = [None if removed[i] else lev[i] for i in range(n)]
    trailing = True
    for i in range(n - 1, -1, -1):
        t = types[i]
        if t in ("S", "B"):
            out[i] = para
            trailing = True
        elif trailing and (t == "WS" or t in _ISOLATES or t in _REMOVED):
            if out[i] is not None:
                out[i] = para
        else:
            trailing = False
    return out, para


def _resolve_sequence(
    line: str, seq: list[int], work: list[str], lev: list[int], emb: list[int], kept: list[int],
    position: dict[int, int], para: int, types: Sequence[str], match: Sequence[int],
) -> None:
    """W1–W7, N0–N2, I1–I2 on one isolating run sequence (in place on ``lev``)."""
    level = emb[seq[0]]
    first, last = position[seq[0]], position[seq[-1]]
    before = emb[kept[first - 1]] if first > 0 else para
    if types[seq[-1]] in _ISOLATE_INIT and match[seq[-1]] < 0 or last + 1 >= len(kept):
        after = para
    else:
        after = emb[kept[last + 1]]
    sos = "R" if max(level, before) % 2 else "L"
    eos = "R" if max(level, after) % 2 else "L"
    ts = [work[i] for i in seq]
    m = len(ts)
    prev = sos
    for k in range(m):  # W1
        if ts[k] == "NSM":
            ts[k] = "ON" if prev in _ISOLATES else prev
        prev = ts[k]
    strong = sos
    for k in range(m):  # W2, W3
        t = ts[k]
        if t in ("L", "R", "AL"):
            strong = t
        elif t == "EN" and strong == "AL":
            ts[k] = "AN"
    ts = ["R" if t == "AL" else t for t in ts]
    for k in range(1, m - 1):  # W4
        if ts[k] == "ES" and ts[k - 1] == "EN" == ts[k + 1]:
            ts[k] = "EN"
        elif ts[k] == "CS" and ts[k - 1] == ts[k + 1] and ts[k - 1] in ("EN", "AN"):
            ts[k] = ts[k - 1]
    k = 0
    while k < m:  # W5
        if ts[k] == "ET":
            j = k
            while j < m and ts[j] == "ET":
                j += 1
            if (k > 0 and ts[k - 1] == "EN") or (j < m and ts[j] == "EN"):
                ts[k:j] = ["EN"] * (j - k)
            k = j
        else:
            k += 1
    ts = ["ON" if t in ("ES", "ET", "CS") else t for t in ts]  # W6
    strong = sos
    for k in range(m):  # W7
        if ts[k] in ("L", "R"):
            strong = ts[k]
        elif ts[k] == "EN" and strong == "L":
            ts[k] = "L"
    embedding = "R" if level % 2 else "L"
    _bracket_pairs(line, seq, ts, types, sos, embedding)
    k = 0
    while k < m:  # N1, N2
        if ts[k] in _NEUTRAL:
            j = k
            while j < m and ts[j] in _NEUTRAL:
                j += 1
            left = sos if k == 0 else ("R" if ts[k - 1] in ("R", "EN", "AN") else "L")
            right = eos if j == m else ("R" if ts[j] in ("R", "EN", "AN") else "L")
            ts[k:j] = [left if left == right else embedding] * (j - k)
            k = j
        else:
            k += 1
    for k, i in enumerate(seq):  # I1, I2
        t = ts[k]
        if level % 2 == 0:
            if t == "R":
                lev[i] = level + 1
            elif t in ("AN", "EN"):
                lev[i] = level + 2
        elif t in ("L", "EN", "AN"):
            lev[i] = level + 1


def _strong(t: str) -> str | None:
    """Direction of a resolved type for N0/N1: numbers count as right-to-left."""
    if t == "L":
        return "L"
    if t in ("R", "EN", "AN"):
        return "R"
    return None


def _bracket_pairs(line: str, seq: list[int], ts: list[str], types: Sequence[str], sos: str, e: str) -> None:
    """N0: a pair of brackets takes the direction of what it encloses (BD14–BD16).

    Brackets are the opening (Ps) and closing (Pe) punctuation with a mirrored pair, still of
    type ON here; at most 63 can be open at once.
    """
    mirror = _mirrors()
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for k, i in enumerate(seq):
        ch = line[i]
        if ts[k] != "ON" or ch not in mirror:
            continue
        cat = unicodedata.category(ch)
        if cat == "Ps":
            if len(stack) == 63:
                break
            stack.append((mirror[ch], k))
        elif cat == "Pe":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == ch:
                    pairs.append((stack[depth][1], k))
                    del stack[depth:]
                    break
    m = len(ts)
    for o, c in sorted(pairs):
        inside = {_strong(ts[k]) for k in range(o + 1, c)}
        if e in inside:
            new = e
        elif inside - {None}:
            before = sos
            for k in range(o - 1, -1, -1):
                d = _strong(ts[k])
                if d:
                    before = d
                    break
            new = before if before != e else e
        else:
            continue
        for b in (o, c):
            ts[b] = new
            k = b + 1
            while k < m and types[seq[k]] == "NSM":  # marks on a bracket follow it
                ts[k] = new
                k += 1


@lru_cache(maxsize=1)
def _mirrors() -> dict[str, str]:
    from .hidden import hidden_tables

    return hidden_tables().mirror


def _reorder(line: str, lev: list[int | None]) -> list[int]:
    """L2: indices of the displayed characters, left to right (X9-removed and invisible ones omitted)."""
    # isolate controls and marks take part in the reordering (they bound runs), then are dropped
    order = [i for i in range(len(line)) if lev[i] is not None]
    vals: list[int] = [lev[i] for i in order]  # type: ignore[misc]
    if not vals or max(vals) == 0:
        return [i for i in order if not _invisible(line[i])]
    high = max(vals)
    low_odd = min(vals) | 1
    for target in range(high, low_odd - 1, -1):
        k = 0
        n = len(order)
        while k < n:
            if vals[k] >= target:
                j = k
                while j < n and vals[j] >= target:
                    j += 1
                order[k:j] = order[k:j][::-1]
                vals[k:j] = vals[k:j][::-1]
                k = j
            else:
                k += 1
    return [i for i in order if not _invisible(line[i])]


def visual_order(line: str, para: int | None = None) -> list[int]:
    """Indices of the displayed characters of ``line``, left to right (invisible ones omitted)."""
    return _reorder(line, levels(line, para)[0])


def _shape(line: str, lev: list[int | None], order: list[int]) -> str:
    mirror = _mirrors()
    return "".join(mirror.get(line[i], line[i]) if lev[i] % 2 else line[i] for i in order)  # type: ignore[operator]


@lru_cache(maxsize=4096)
def _invisible(ch: str) -> bool:
    """Characters that take no place in the display: controls, marks, default-ignorables."""
    from .hidden import CONTROLS_SET, hidden_tables

    return ch in EXPLICIT or ch in MARKS or ch in CONTROLS_SET or ch in hidden_tables().ignorable


def display(line: str) -> str:
    """The line as a reader sees it, left to right, with mirrored glyphs at right-to-left levels."""
    lev, _ = levels(line)
    return _shape(line, lev, _reorder(line, lev))


def logical(line: str) -> str:
    """The line as stored, without the characters that take no place in the display."""
    return "".join(ch for ch in line if not _invisible(ch))


def has_rtl(text: str) -> bool:
    """True when ``text`` has a right-to-left letter or Arabic digit (the marks themselves aside).

    >>> has_rtl("abc \u200f"), has_rtl("abc שלום")
    (False, True)
    """
    from .hidden import hidden_tables

    return hidden_tables().has_rtl(text)


def _names(chars: Iterable[str]) -> list[str]:
    return [unicodedata.name(c, f"U+{ord(c):04X}") for c in chars]


def _cps(chars: Iterable[str]) -> list[str]:
    return [f"U+{ord(c):04X}" for c in chars]


def _detail(chars: str, line: str, start: int, end: int, whole: tuple[str, str] | None, reordered: bool) -> dict:
    """Code points and names of the controls, and the affected line as stored and as displayed.

    ``whole`` is (logical, displayed) of the line, used when the line is short; a long line is
    shown as a window around the finding.
    """
    controls = [c for c in chars if c in EXPLICIT or c in MARKS]
    out: dict = {
        "codepoint": _cps(controls) if len(controls) != 1 else _cps(controls)[0],
        "name": _names(controls) if len(controls) != 1 else _names(controls)[0],
    }
    if whole is not None:
        out["logical"], out["displayed"] = whole
    else:
        window = line[max(0, start - _DETAIL_WINDOW // 2) : end + _DETAIL_WINDOW // 2]
        out["logical"] = logical(window)
        out["displayed"] = display(window) if reordered else out["logical"]
    return out


def findings(text: str, *, keep_marks: bool | None = None) -> list[Finding]:
    """Bidi findings for ``text`` (see the module docstring for what is kept and why).

    >>> [f.replacement for f in findings("Te\\u202ets\\u202c!")]
    ['st']
    """
    if not BIDI_CHARS_RE.search(text):
        return []
    if keep_marks is None:
        keep_marks = has_rtl(text)
    out: list[Finding] = []
    for m in _LINE_RE.finditer(text):
        line = m.group()
        if BIDI_CHARS_RE.search(line):
            out.extend(_line_findings(line, m.start(), keep_marks))
    return out


def _line_findings(line: str, base: int, keep_marks: bool) -> list[Finding]:
    if has_rtl(line):
        return _rtl_line(line, base)
    removable = [i for i, ch in enumerate(line) if ch in EXPLICIT or (ch in MARKS and not keep_marks)]
    if not removable:
        return []
    edits: list[tuple[int, int, str]] = [(i, i + 1, "") for i in removable]
    flood = len(removable) > MAX_CONTROLS
    reordered = False
    whole: tuple[str, str] | None = None
    if not flood:
        lev, _ = levels(line)
        shown = _reorder(line, lev)
        stored = [i for i in range(len(line)) if not _invisible(line[i])]
        reordered = shown != stored
        if len(line) <= 2 * _DETAIL_WINDOW:
            stored_text = "".join(line[i] for i in stored)
            whole = (stored_text, _shape(line, lev, shown) if reordered else stored_text)
        if reordered:
            vis_pos = {i: k for k, i in enumerate(shown)}
            hi = -1
            start = 0
            for k, i in enumerate(stored):
                hi = max(hi, vis_pos[i])
                if hi == k:  # stored[start..k] is shown in the same places, possibly reordered
                    if not (k == start and vis_pos[i] == k):
                        edits.append((stored[start], stored[k] + 1, _shape(line, lev, shown[start : k + 1])))
                    start = k + 1
    # merge touching or overlapping edits into one finding each
    edits.sort(key=lambda e: (e[0], -e[1]))
    merged: list[list] = []
    for a, b, rep in edits:
        if merged and a <= merged[-1][1]:
            last = merged[-1]
            last[2] += rep
            last[1] = max(last[1], b)
        else:
            merged.append([a, b, rep])
    out: list[Finding] = []
    for a, b, rep in merged:
        span = line[a:b]
        detail = _detail(span, line, a, b, whole, bool(rep))
        if rep:
            reason = (
                f"bidi controls make this display as {rep!r} while it is stored as {logical(span)!r}; "
                "the cleaned text reads as displayed"
            )
            detail["restored"] = rep
            conf = 0.9
        elif flood:
            reason = "more bidi controls in one line than any writing needs; removed without laying the line out"
            del detail["displayed"]
            conf = 0.95
        elif any(c in EXPLICIT for c in span):
            reason = "bidi control characters that change nothing visible in left-to-right text"
            conf = 0.95
        else:
            reason = "direction mark in text without any right-to-left writing"
            conf = 0.9
        out.append(Finding(BIDI, base + a, base + b, span, rep, conf, reason, detail))
    return out


def _rtl_line(line: str, base: int) -> list[Finding]:
    """Right-to-left text uses controls legitimately (to place numbers, Latin letters and
    punctuation); they are reported only when an override shows a word backwards: two or more
    letters in a row forced against their own direction."""
    controls = [i for i, ch in enumerate(line) if ch in EXPLICIT]
    if not controls or len(controls) > MAX_CONTROLS:
        return []  # kept: right-to-left text is never laid out past the limit, nor changed
    forced: list[int] = []
    levels(line, forced=forced)
    letters = [i for i in range(len(line)) if not _invisible(line[i])]
    forced_set = set(forced)
    if not any(a in forced_set and b in forced_set for a, b in zip(letters, letters[1:])):
        return []
    without = "".join(ch for ch in line if ch not in EXPLICIT)
    a, b = controls[0], controls[-1] + 1
    short = len(line) <= 2 * _DETAIL_WINDOW
    detail = _detail(line[a:b], line, a, b, (logical(line), display(line)) if short else None, True)
    detail["displayed_without_controls"] = display(without if short else without[max(0, a - _DETAIL_WINDOW // 2) : a + _DETAIL_WINDOW])
    return [
        Finding(
            BIDI, base + a, base + b, line[a:b], None, 0.5,
            "a bidi override shows letters backwards in this right-to-left line; reported, not removed, "
            "since right-to-left writing uses these controls",
            detail,
        )
    ]
