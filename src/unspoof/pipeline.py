"""Runs the detectors, applies the accepted edits and builds the :class:`Report`.

Detectors only propose; each decision has one home (the detector's own resolver), and this
module only merges and applies. A detector is a callable ``(text, options) -> list[Finding]``
with offsets into ``text``; the registry below names them in the order they run.

Two stages: character-level detectors (look-alikes, hidden characters) see the input; text-level
detectors (spam, scrape artifacts) see the input with stage-1 edits applied, so they read real
words, and their offsets are mapped back onto the input. Detectors always report; the options
only decide which edits ``clean`` applies.

>>> scan("Rսssian ᴡarships").cleaned
'Russian warships'
>>> clean("plain text stays byte-identical")
'plain text stays byte-identical'
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from dataclasses import replace

from .model import (
    GLUED_SENTENCE,
    HIDDEN_KINDS,
    LOOKALIKE,
    SPAM_KINDS,
    Finding,
    Report,
    apply_edits,
    edit_order,
    score,
    verdict,
)
from .fastpath import plain_text
from .options import Options

Detector = Callable[[str, Options], list[Finding]]

#: stage 1: (module, function), run on the input. Modules are imported on first use.
CHAR_DETECTORS: tuple[tuple[str, str], ...] = (
    ("unspoof.detect.lookalike", "detect"),
    ("unspoof.detect.hidden", "detect"),
)
#: stage 2: (module, function), run on the input with stage-1 edits applied.
TEXT_DETECTORS: tuple[tuple[str, str], ...] = (
    ("unspoof.detect.spam", "detect"),
)

#: stage-1 edits that text-level detectors see applied
_STAGE1_EDITS = HIDDEN_KINDS | {LOOKALIKE}

_loaded: dict[str, Detector] = {}


def _detector(module: str, func: str) -> Detector:
    key = f"{module}:{func}"
    fn = _loaded.get(key)
    if fn is None:
        fn = getattr(importlib.import_module(module), func)
        _loaded[key] = fn
    return fn


def applies(f: Finding, options: Options) -> bool:
    """Which edits ``clean`` performs under these options (spam removal is opt-in)."""
    if f.replacement is None:
        return False
    if f.kind == LOOKALIKE:
        return options.restore_lookalikes
    if f.kind in HIDDEN_KINDS:
        return options.remove_hidden
    if f.kind in SPAM_KINDS:
        return options.strip_spam
    if f.kind == GLUED_SENTENCE:
        return options.fix_spacing
    return True


def _offset_map(text: str, edits: list[Finding]) -> list[int]:
    """For each position of the edited text (and its end), the input position it came from.

    Inside a replacement whose length differs, positions map to the start of the edited span.
    """
    out: list[int] = []
    pos = 0
    for f in sorted(edits, key=edit_order):
        if f.start < pos:
            continue
        out.extend(range(pos, f.start))
        rep = f.replacement or ""
        if len(rep) == f.end - f.start:
            out.extend(range(f.start, f.end))
        else:
            out.extend([f.start] * len(rep))
        pos = f.end
    out.extend(range(pos, len(text) + 1))
    return out


def _remap(f: Finding, text: str, omap: list[int]) -> Finding:
    start = omap[f.start]
    end = omap[f.end] if f.end > f.start else start
    if f.end > f.start and end < start:
        end = start
    return replace(f, start=start, end=end, text=text[start:end])


def _coerce_text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        return bytes(text).decode("utf-8", errors="surrogateescape")
    raise TypeError(f"unspoof expects text (str or UTF-8 bytes), not {type(text).__name__}")


def scan(text: str, options: Options | None = None, *, report_all: bool = True, **kwargs: Any) -> Report:
    """Find tampering in ``text`` and return a :class:`Report` with the cleaned text.

    Keyword arguments are :class:`Options` fields, e.g. ``scan(text, strip_spam=True)``. With
    ``report_all=False`` detectors whose edits these options would not apply are skipped (what
    ``clean`` does): the cleaned text is the same, the report may hold fewer findings.
    """
    return _run(text, options, kwargs, report_all=report_all)


def _run(text: Any, options: Options | None, kwargs: dict[str, Any], *, report_all: bool) -> Report:
    """``report_all=False`` skips detectors whose edits these options would not apply."""
    text = _coerce_text(text)
    if options is None:
        options = Options(**kwargs)
    elif kwargs:
        options = options._replace(**kwargs)
    findings: list[Finding] = []
    if not plain_text(text):
        for module, func in CHAR_DETECTORS:
            findings.extend(_detector(module, func)(text, options))
    if TEXT_DETECTORS and (report_all or options.strip_spam or options.fix_spacing):
        stage1 = [f for f in findings if f.replacement is not None and f.kind in _STAGE1_EDITS]
        view = apply_edits(text, stage1) if stage1 else text
        omap = _offset_map(text, stage1) if stage1 else None
        for module, func in TEXT_DETECTORS:
            for f in _detector(module, func)(view, options):
                findings.append(_remap(f, text, omap) if omap is not None else f)
    findings.sort(key=lambda f: (f.start, f.end, f.kind))
    cleaned = apply_edits(text, [f for f in findings if applies(f, options)])
    keywords: list[str] = []
    for f in findings:
        kw = f.detail.get("keyword") if f.kind in SPAM_KINDS else None
        if kw and kw not in keywords:
            keywords.append(kw)
    return Report(
        text=text,
        cleaned=cleaned,
        findings=findings,
        verdict=verdict(findings, text),
        scores=score(text, findings),
        keywords=keywords,
    )


def clean(text: str, *, strip_spam: bool = False, **kwargs: Any) -> str:
    """Return ``text`` with tampering undone; byte-identical when nothing was found."""
    kwargs["strip_spam"] = strip_spam
    return _run(text, None, kwargs, report_all=False).cleaned
