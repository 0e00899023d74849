"""Runs the detectors, applies the accepted edits and builds the :class:`Report`.

Detectors only propose; each decision has one home (the detector's own resolver), and this
module only merges and applies. A detector is a callable ``(text, options) -> list[Finding]``
with offsets into ``text``; the registry below names them in the order they run.

>>> scan("Rսssian ᴡarships").cleaned
'Russian warships'
>>> clean("plain text stays byte-identical")
'plain text stays byte-identical'
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from .model import SPAM_KINDS, Finding, Report, apply_edits, score, verdict
from .options import Options

Detector = Callable[[str, Options], list[Finding]]

#: (module, function, option that enables it). Modules are imported on first use.
DETECTORS: tuple[tuple[str, str, str | None], ...] = (
    ("unspoof.detect.lookalike", "detect", None),
)

_loaded: dict[str, Detector] = {}


def _detector(module: str, func: str) -> Detector:
    key = f"{module}:{func}"
    fn = _loaded.get(key)
    if fn is None:
        fn = getattr(importlib.import_module(module), func)
        _loaded[key] = fn
    return fn


def _applies(f: Finding, options: Options) -> bool:
    """Which edits ``clean`` performs under these options (spam removal is opt-in)."""
    if f.replacement is None:
        return False
    if f.kind in SPAM_KINDS:
        return options.strip_spam
    return True


def _coerce_text(text: Any) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        return bytes(text).decode("utf-8", errors="surrogateescape")
    raise TypeError(f"unspoof expects text (str or UTF-8 bytes), not {type(text).__name__}")


def scan(text: str, options: Options | None = None, **kwargs: Any) -> Report:
    """Find tampering in ``text`` and return a :class:`Report` with the cleaned text.

    Keyword arguments are :class:`Options` fields, e.g. ``scan(text, strip_spam=True)``.
    """
    text = _coerce_text(text)
    if options is None:
        options = Options(**kwargs)
    elif kwargs:
        options = options._replace(**kwargs)
    findings: list[Finding] = []
    for module, func, flag in DETECTORS:
        if flag is not None and not getattr(options, flag):
            continue
        findings.extend(_detector(module, func)(text, options))
    findings.sort(key=lambda f: (f.start, f.end, f.kind))
    cleaned = apply_edits(text, [f for f in findings if _applies(f, options)])
    keywords: list[str] = []
    for f in findings:
        kw = f.detail.get("keyword") if f.kind in SPAM_KINDS else None
        if kw and kw not in keywords:
            keywords.append(kw)
    return Report(
        text=text,
        cleaned=cleaned,
        findings=findings,
        verdict=verdict(findings),
        scores=score(text, findings),
        keywords=keywords,
    )


def clean(text: str, *, strip_spam: bool = False, **kwargs: Any) -> str:
    """Return ``text`` with tampering undone; byte-identical when nothing was found."""
    return scan(text, strip_spam=strip_spam, **kwargs).cleaned
