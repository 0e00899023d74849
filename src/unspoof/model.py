"""The one data model every part of unspoof speaks: :class:`Finding` and :class:`Report`.

Detectors return findings; the pipeline applies the accepted ones and wraps everything in a
report; every front end (CLI, batch, service, Spark) serialises that same report.

>>> f = Finding("lookalike", 1, 2, "ս", "u", 0.99, "Armenian letter inside a Latin word",
...             {"codepoint": "U+057D", "script": "Armenian"})
>>> f.to_dict()["replacement"]
'u'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

SCHEMA = "unspoof.report/1"

# Finding kinds. Front ends group them into the score counters below.
LOOKALIKE = "lookalike"
INVISIBLE = "invisible"
BIDI = "bidi"
TAG_PAYLOAD = "tag_payload"
VARIATION_SELECTOR = "variation_selector"
COMBINING_EXCESS = "combining_excess"
CONTROL = "control"
SPAM_TEMPLATE = "spam_template"
SPAM_ANCHOR = "spam_anchor"
LINK_GAP = "link_gap"
GLUED_SENTENCE = "glued_sentence"

HIDDEN_KINDS = frozenset({INVISIBLE, BIDI, TAG_PAYLOAD, VARIATION_SELECTOR, COMBINING_EXCESS, CONTROL})
SPAM_KINDS = frozenset({SPAM_TEMPLATE, SPAM_ANCHOR})

CLEAN, SUSPICIOUS, TAMPERED = "clean", "suspicious", "tampered"
VERDICTS = (CLEAN, SUSPICIOUS, TAMPERED)


@dataclass(slots=True)
class Finding:
    """One thing found in the input: a span, what ``clean`` puts there, and why.

    ``start``/``end`` are code-point offsets into the input (half-open). ``replacement`` is
    ``None`` for a report-only finding: something worth telling, deliberately left alone.
    Treat findings as values: derive new ones with ``dataclasses.replace``. (Not frozen: a frozen
    dataclass costs five times as much to create, and obfuscated pages yield one per letter.)
    """

    kind: str
    start: int
    end: int
    text: str
    replacement: str | None
    confidence: float
    reason: str
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_edit(self) -> bool:
        return self.replacement is not None and self.replacement != self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "replacement": self.replacement,
            "confidence": round(float(self.confidence), 4),
            "reason": self.reason,
            "detail": dict(self.detail),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Finding":
        return cls(
            kind=data["kind"],
            start=int(data["start"]),
            end=int(data["end"]),
            text=data["text"],
            replacement=data.get("replacement"),
            confidence=float(data.get("confidence", 1.0)),
            reason=data.get("reason", ""),
            detail=dict(data.get("detail") or {}),
        )


@dataclass(slots=True)
class Report:
    """The result of :func:`unspoof.scan`: the cleaned text, every finding, and a verdict."""

    text: str
    cleaned: str
    findings: list[Finding]
    verdict: str
    scores: dict[str, Any]
    keywords: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.cleaned != self.text

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "schema": SCHEMA,
            "verdict": self.verdict,
            "scores": dict(self.scores),
            "keywords": list(self.keywords),
            "findings": [f.to_dict() for f in self.findings],
        }
        if include_text:
            out["text"] = self.text
            out["cleaned"] = self.cleaned
        return out

    def to_json(self, *, include_text: bool = False, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(include_text=include_text), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], text: str = "", cleaned: str | None = None) -> "Report":
        return cls(
            text=data.get("text", text),
            cleaned=data.get("cleaned", cleaned if cleaned is not None else text),
            findings=[Finding.from_dict(f) for f in data.get("findings", [])],
            verdict=data["verdict"],
            scores=dict(data.get("scores", {})),
            keywords=list(data.get("keywords", [])),
        )


def score(text: str, findings: Iterable[Finding]) -> dict[str, Any]:
    """Counters and ratios a report carries; ``lookalike_ratio`` is restored letters per letter."""
    findings = list(findings)
    lookalikes = sum(1 for f in findings if f.kind == LOOKALIKE and f.is_edit)
    # counting letters costs a pass over the text: only paid when there is a ratio to give
    letters = sum(map(str.isalpha, text)) if lookalikes else 0
    return {
        "lookalikes": lookalikes,
        "lookalikes_unresolved": sum(1 for f in findings if f.kind == LOOKALIKE and f.replacement is None),
        "hidden": sum(1 for f in findings if f.kind in HIDDEN_KINDS),
        "spam_spans": sum(1 for f in findings if f.kind in SPAM_KINDS),
        "artifacts": sum(1 for f in findings if f.kind in (LINK_GAP, GLUED_SENTENCE)),
        "lookalike_ratio": round(lookalikes / letters, 4) if letters else 0.0,
    }


def _weak_hidden(f: Finding, text: str | None) -> bool:
    """A stray invisible character outside a word (a trailing zero-width space, a direction mark
    that reorders nothing) is a weak signal; inside a word it splits the word for filters."""
    if f.kind not in (INVISIBLE, BIDI, VARIATION_SELECTOR) or text is None:
        return False
    if f.detail.get("decoded") or f.end - f.start > 1:
        return False  # a hidden payload, or a run of hidden characters, is never stray
    if f.kind == BIDI and f.detail.get("logical") != f.detail.get("displayed"):
        return False
    before = text[f.start - 1] if f.start > 0 else ""
    after = text[f.end] if f.end < len(text) else ""
    return not (before.isalnum() and after.isalnum())


def verdict(findings: Iterable[Finding], text: str | None = None) -> str:
    """``tampered`` when an edit undoes tampering, ``suspicious`` for report-only or weak signals.

    Scrape artifacts (dropped link text, glued sentences) alone are not tampering. Given the
    ``text``, hidden characters between words rather than inside them count as weak.

    >>> verdict([Finding("invisible", 3, 4, "\u200b", "", 0.9, "")], "end\u200b")
    'suspicious'
    >>> verdict([Finding("invisible", 3, 4, "\u200b", "", 0.9, "")], "Rus\u200bsia")
    'tampered'
    """
    weak = False
    for f in findings:
        if f.kind in (LINK_GAP, GLUED_SENTENCE):
            continue
        if (f.is_edit and not _weak_hidden(f, text)) or f.kind in SPAM_KINDS or f.kind == TAG_PAYLOAD:
            return TAMPERED
        weak = True
    return SUSPICIOUS if weak else CLEAN


def edit_order(f: Finding) -> tuple[int, bool, int]:
    """Order in which edits apply: by start; at one start, insertions (zero-width spans) first,
    then the longest span."""
    return (f.start, f.end != f.start, -f.end)


def apply_edits(text: str, findings: Iterable[Finding]) -> str:
    """Apply the findings that carry a replacement; overlapping edits keep the earlier-starting one.

    >>> apply_edits("Rսssia", [Finding("lookalike", 1, 2, "ս", "u", 1.0, "")])
    'Russia'
    >>> apply_edits("ab.Ѕd", [Finding("lookalike", 3, 4, "Ѕ", "S", 1.0, ""), Finding("glued_sentence", 3, 3, "", " ", 1.0, "")])
    'ab. Sd'
    """
    edits = sorted((f for f in findings if f.replacement is not None), key=edit_order)
    parts: list[str] = []
    pos = 0
    for f in edits:
        if f.start < pos:
            continue  # overlaps an edit already applied
        parts.append(text[pos:f.start])
        parts.append(f.replacement)  # type: ignore[arg-type]
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)
