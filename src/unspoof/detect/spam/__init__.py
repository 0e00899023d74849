"""Injected spam and scrape artifacts: one stage-2 detector over the restored text.

* :mod:`.template` — spun call-to-action sentences; each names the promoted keyword ``X``;
* :mod:`.loose_template` — the calls to action the grammar lacks: call-to-action words around a
  phrase the page repeats;
* :mod:`.anchor` — occurrences of ``X`` dropped into the prose, and the word each replaced;
* :mod:`.discover` — keywords promoted without a template: a repeated phrase that breaks
  the sentences it sits in;
* :mod:`.artifacts` — dropped-link gaps and glued sentences (report-only / spacing fix).

Findings: ``spam_template`` (replacement ``""`` removes the sentence and its separator) and
``spam_anchor`` (replacement ``""`` or the word the keyword replaced), both with
``detail["keyword"]``; ``link_gap`` (report-only) and ``glued_sentence`` (a zero-width span
whose replacement ``" "`` inserts the missing space).

>>> t = ("Putin may declare martial Turkish Law Firm to keep men home. If you liked this article "
...      "and you would like more info about Turkish Law Firm, please visit our web site.")
>>> [(f.kind, f.replacement) for f in detect(t)]
[('spam_anchor', 'law'), ('spam_template', '')]
"""

from __future__ import annotations

from ...model import GLUED_SENTENCE, LINK_GAP, SPAM_ANCHOR, SPAM_TEMPLATE, Finding
from ...options import Options
from .anchor import find_anchors
from .artifacts import glued_sentences, link_gaps
from .discover import discover_keywords, has_repeated_lower_phrase, has_repeated_title_phrase
from .loose_template import find_loose_templates
from .template import find_templates, has_trigger, remove_span, trigger_sentences


def might_have_spam(text: str) -> bool:
    """The fast path: no site word (no call to action) and no phrase seen three times (no
    anchor without one) means no spam finding, without loading any statistics.

    >>> might_have_spam("Plain prose about the weather in Leeds and nothing more.")
    False
    """
    return has_trigger(text) or has_repeated_title_phrase(text) or has_repeated_lower_phrase(text)


def find_spam(text: str) -> list[Finding]:
    """Template sentences and keyword anchors, with the repairs that remove them."""
    findings: list[Finding] = []
    if not might_have_spam(text):
        return findings
    sentences = trigger_sentences(text) if has_trigger(text) else []
    templates = find_templates(text, sentences)
    templates += find_loose_templates(text, templates, sentences)
    skip: list[tuple[int, int]] = []
    keywords: list[str] = []
    for t in templates:
        s, e = remove_span(text, t)
        skip.append((t.start, t.end))
        findings.append(
            Finding(
                SPAM_TEMPLATE, s, e, text[s:e], "", 0.97,
                f"spun call-to-action sentence promoting {t.keyword!r}",
                {"keyword": t.keyword, "family": t.family},
            )
        )
        if t.keyword.lower() not in {k.lower() for k in keywords}:
            keywords.append(t.keyword)
    for kw, _evidence in discover_keywords(text, skip, known=keywords):
        keywords.append(kw)
    # longest keyword first, so "Best Online Casino" wins over a shorter keyword inside it
    for kw in sorted(keywords, key=len, reverse=True):
        for a in find_anchors(text, kw, skip):
            if any(s < a.end and a.start < e for s, e in skip):
                continue
            skip.append((a.start, a.end))
            detail = {"keyword": kw}
            if a.restored:
                detail["restored"] = a.restored
            findings.append(Finding(SPAM_ANCHOR, a.start, a.end, text[a.start : a.end], a.replacement,
                                    a.confidence, a.reason, detail))
    return findings


def find_artifacts(text: str) -> list[Finding]:
    """Dropped-link gaps (report-only) and glued sentences (a space to insert)."""
    out = [
        Finding(LINK_GAP, s, e, text[s:e], None, 0.6, "link text dropped here by a scraper", {"context": ctx})
        for s, e, ctx in link_gaps(text)
    ]
    out.extend(
        Finding(GLUED_SENTENCE, g.start, g.end, "", g.replacement, 0.9,
                "sentence end glued to the next sentence", {"context": g.context})
        for g in glued_sentences(text)
    )
    return out


def detect(text: str, options: Options | None = None) -> list[Finding]:
    """All spam and artifact findings in ``text`` (offsets into ``text``); never edits."""
    findings = find_spam(text) + find_artifacts(text)
    findings.sort(key=lambda f: (f.start, f.end, f.kind))
    return findings
