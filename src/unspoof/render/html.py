"""Render a :class:`Report` as HTML: the text with every finding marked, the cleaned text, a diff.

One renderer feeds both the web page of ``unspoof serve`` (which inserts :func:`render_view`)
and ``unspoof scan --html`` (which writes :func:`render_document`), so a person sees the same
view either way. Offsets are code points into ``report.text`` and are only ever used here, in
Python, so no browser-side offset conversion is involved. The view switches between the marked
original, the cleaned text and a side-by-side diff with CSS alone: the static file needs no
script.

>>> from unspoof.model import Finding, Report
>>> r = Report("Rսssia", "Russia", [Finding("lookalike", 1, 2, "ս", "u", 0.99, "Armenian letter",
...            {"codepoint": "U+057D", "script": "Armenian"})], "tampered", {"lookalikes": 1})
>>> 'class="f lookalike edit"' in render_view(r)
True
>>> render_document(r).startswith("<!doctype html>")
True
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from ..model import (
    GLUED_SENTENCE,
    HIDDEN_KINDS,
    LINK_GAP,
    LOOKALIKE,
    SPAM_KINDS,
    TAG_PAYLOAD,
    Finding,
    Report,
    apply_edits,
)
from ..options import Options
from ..pipeline import applies

_SURROGATE = re.compile("[\ud800-\udfff]")

#: what each kind is called in the view
KIND_LABEL = {
    LOOKALIKE: "look-alike",
    "invisible": "invisible character",
    "bidi": "bidi control",
    TAG_PAYLOAD: "hidden tag text",
    "variation_selector": "variation selector",
    "combining_excess": "stacked combining marks",
    "control": "control character",
    "spam_template": "spam template",
    "spam_anchor": "spam anchor",
    LINK_GAP: "dropped link text",
    GLUED_SENTENCE: "glued sentence",
}


def _esc(text: str) -> str:
    # Lone surrogates (undecodable input bytes) cannot be written as UTF-8: show U+FFFD instead.
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=False)


def _attr(text: str) -> str:
    return html.escape(_SURROGATE.sub("\ufffd", text), quote=True).replace("\n", "&#10;")


def _codepoints(text: str, limit: int = 4) -> str:
    cps = [f"U+{ord(ch):04X}" for ch in text[:limit]]
    return " ".join(cps) + (f" … ({len(text)} characters)" if len(text) > limit else "")


def _char_name(ch: str) -> str:
    return unicodedata.name(ch, "") if len(ch) == 1 else ""


def _shown(value: object, limit: int = 3) -> str:
    """A detail value as a short string; detectors give lists for runs of characters."""
    if isinstance(value, (list, tuple)):
        items = [str(v) for v in value]
        return " ".join(items[:limit]) + (f" … ({len(items)})" if len(items) > limit else "")
    return "" if value is None else str(value)


#: categories a reader does not see: format, control, private use, unassigned, combining
_UNSEEN = frozenset({"Cf", "Cc", "Co", "Cn", "Mn", "Me"})


def _visible(text: str) -> str:
    """The characters of a span a reader sees, e.g. the text between bidi controls."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in _UNSEEN)


def css() -> str:
    """The stylesheet of the view, shared by the web page and the static file."""
    return resources.files(__package__).joinpath("report.css").read_text(encoding="utf-8")


# --- which edits made ``report.cleaned`` -------------------------------------------------------


def applied_edits(report: Report, options: Options | None = None) -> list[Finding] | None:
    """The findings whose replacements turn ``report.text`` into ``report.cleaned``.

    The report does not record its options, so when they are not given every combination is
    tried (16 at most, each one linear); ``None`` when none reproduces the cleaned text.

    >>> r = Report("a\\u200bb", "ab", [Finding("invisible", 1, 2, "\\u200b", "", 1.0, "")], "tampered", {})
    >>> [f.kind for f in applied_edits(r)]
    ['invisible']
    """
    candidates: list[Options] = [options] if options is not None else []
    candidates += [Options(*flags) for flags in itertools.product((True, False), repeat=len(Options._fields))]
    for opts in candidates:
        edits = [f for f in report.findings if applies(f, opts)]
        if apply_edits(report.text, edits) == report.cleaned:
            return edits
    return None


# --- the marked original ---------------------------------------------------------------------


def _title(f: Finding) -> str:
    """The hover text of a finding: what it is, why, and what ``clean`` does with it."""
    lines = [f"{KIND_LABEL.get(f.kind, f.kind)}: {f.reason}" if f.reason else KIND_LABEL.get(f.kind, f.kind)]
    d = f.detail
    if f.kind == LOOKALIKE:
        cp = _shown(d.get("codepoint")) or _codepoints(f.text)
        name = _shown(d.get("name")) or _char_name(f.text)
        script = _shown(d.get("script"))
        lines.append(" ".join(x for x in (cp, name, f"({script})" if script else "") if x))
    elif f.text and f.kind in HIDDEN_KINDS:
        lines.append(_shown(d.get("codepoint"), 6) or _codepoints(f.text))
        if d.get("name"):
            lines.append(_shown(d.get("name"), 4))
    if f.kind in SPAM_KINDS and d.get("keyword"):
        lines.append(f"promotes: {d['keyword']}")
    if f.replacement is None:
        lines.append("reported only: clean leaves it as it is")
    elif f.replacement == "":
        lines.append("clean removes it")
    else:
        lines.append(f"clean writes: {f.replacement}")
    lines.append(f"confidence {float(f.confidence):.2f}")
    return "\n".join(lines)


def _state(f: Finding, applied: set[int]) -> str:
    if f.replacement is None:
        return "report-only"
    return "edit applied" if id(f) in applied else "edit"


def _badge_label(f: Finding) -> str:
    decoded = f.detail.get("decoded")
    if f.kind == TAG_PAYLOAD and decoded is None:
        # decode it here so the badge never hides what the payload says
        decoded = "".join(chr(ord(ch) - 0xE0000) for ch in f.text if 0xE0020 <= ord(ch) <= 0xE007E)
    if f.kind == "combining_excess":
        label = f"+{len(f.text)} combining"
    elif f.kind == TAG_PAYLOAD:
        label = "hidden tag text"
    else:
        label = _shown(f.detail.get("codepoint"), 2) or _codepoints(f.text, 2)
    out = f'<span class="badge-kind">{_esc(label)}</span>'
    if decoded:
        out += f' <q class="decoded">{_esc(str(decoded))}</q>'
    return out


def _inner(f: Finding, applied: set[int]) -> str:
    """Markup of one character-level finding (look-alike, hidden character, artifact)."""
    cls = f"f {f.kind} {_state(f, applied)}"
    title = _attr(_title(f))
    if f.kind == LOOKALIKE:
        return f'<mark class="{cls}" title="{title}">{_esc(f.text)}</mark>'
    if f.kind in HIDDEN_KINDS:
        # The hidden characters are not copied into the page: the badge stands for them. What a
        # reader does see of the span (a base letter, the text between bidi controls) follows it.
        seen = _visible(f.text)
        after = f'<span class="hidden-span">{_esc(seen)}</span>' if seen else ""
        return f'<span class="{cls} badge" title="{title}">{_badge_label(f)}</span>{after}'
    if f.kind in _ARTIFACTS:  # zero-length: a marker where something is missing
        return (
            f'<span class="{cls} artifact" title="{title}">{_esc(f.text)}'
            f'<span class="artifact-sign" aria-hidden="true">{_ARTIFACTS[f.kind]}</span></span>'
        )
    return f'<span class="{cls}" title="{title}">{_esc(f.text)}</span>'


def _atoms(text: str, inner: list[Finding]) -> list[tuple[int, int, Finding | None]]:
    """Split the text into plain runs and character-level findings; overlapping findings after
    the first are left out of the markup (they stay in the findings table)."""
    atoms: list[tuple[int, int, Finding | None]] = []
    pos = 0
    for f in sorted(inner, key=lambda f: (f.start, f.end, f.kind)):
        if f.start < pos or f.end > len(text):
            continue
        if f.start > pos:
            atoms.append((pos, f.start, None))
        atoms.append((f.start, f.end, f))
        pos = f.end
    if pos < len(text):
        atoms.append((pos, len(text), None))
    return atoms


def _split_plain(atoms: list[tuple[int, int, Finding | None]], cuts: set[int]) -> list[tuple[int, int, Finding | None]]:
    """Cut plain runs where a span starts or ends; character-level findings are never cut."""
    out: list[tuple[int, int, Finding | None]] = []
    for start, end, f in atoms:
        if f is not None:
            out.append((start, end, f))
            continue
        inside = sorted(c for c in cuts if start < c < end)
        for a, b in zip([start, *inside], [*inside, end]):
            out.append((a, b, None))
    return out


#: report-level spans drawn around text (and around the character marks inside them), with the
#: sign an artifact gets
_ARTIFACTS = {LINK_GAP: "⌁", GLUED_SENTENCE: "␣"}
_SPANS = SPAM_KINDS | set(_ARTIFACTS)


def _span_open(f: Finding, applied: set[int], first: bool) -> str:
    """Opening markup of a span; the label only where it really starts (not where it reopens)."""
    title = _attr(_title(f))
    if f.kind in SPAM_KINDS:
        kw = f.detail.get("keyword")
        label = KIND_LABEL.get(f.kind, f.kind) + (f" → {kw}" if kw else "")
        shown = f'<span class="spam-label">{_esc(label)}</span>' if first else ""
        return f'<span class="f spam {f.kind} {_state(f, applied)}" title="{title}">{shown}<del>'
    return f'<span class="f artifact {f.kind} {_state(f, applied)}" title="{title}">'


def _span_close(f: Finding, last: bool) -> str:
    if f.kind in SPAM_KINDS:
        return "</del></span>"
    sign = f'<span class="artifact-sign" aria-hidden="true">{_ARTIFACTS[f.kind]}</span>' if last else ""
    return f"{sign}</span>"


def marked_original(report: Report, applied: Iterable[Finding] = ()) -> str:
    """``report.text`` as HTML with every finding marked; spam spans and scrape-artifact spans
    enclose the character marks inside them, so no finding hides another.

    >>> marked_original(Report("a b", "a b", [Finding("spam_anchor", 0, 1, "a", "", 0.9, "",
    ...                 {"keyword": "K"})], "tampered", {}))
    '<span class="f spam spam_anchor edit" title="spam anchor&#10;promotes: K&#10;clean removes it&#10;confidence 0.90"><span class="spam-label">spam anchor → K</span><del>a</del></span> b'
    """
    text = report.text
    done = {id(f) for f in applied}
    # longer spans first where several start together, so they enclose the shorter ones
    spans = sorted(
        (f for f in report.findings if f.kind in _SPANS and f.end > f.start and f.end <= len(text)),
        key=lambda f: (f.start, -f.end),
    )
    inner = [f for f in report.findings if not (f.kind in _SPANS and f.end > f.start)]
    cuts = {p for f in spans for p in (f.start, f.end)}
    out: list[str] = []
    opened: list[Finding] = []
    active: list[Finding] = []
    following = 0
    for start, end, f in _split_plain(_atoms(text, inner), cuts):
        # a sweep: atoms come in text order, so spans join once and leave once
        while following < len(spans) and spans[following].start <= start:
            active.append(spans[following])
            following += 1
        active = [s for s in active if start < s.end]
        covering = list(active)
        if covering != opened:
            # close what no longer covers this atom, then open what newly does (spans nest in order)
            keep = 0
            while keep < min(len(opened), len(covering)) and opened[keep] is covering[keep]:
                keep += 1
            out.extend(_span_close(s, start >= s.end) for s in reversed(opened[keep:]))
            out.extend(_span_open(s, done, start == s.start) for s in covering[keep:])
            opened = covering
        out.append(_inner(f, done) if f is not None else _esc(text[start:end]))
    out.extend(_span_close(s, True) for s in reversed(opened))
    return "".join(out)


# --- cleaned text and diff -------------------------------------------------------------------


def _diff_columns(report: Report, edits: list[Finding]) -> tuple[str, str]:
    """Original and cleaned as HTML, each edit shown as a deletion on the left and an insertion
    on the right."""
    left: list[str] = []
    right: list[str] = []
    pos = 0
    for f in sorted(edits, key=lambda f: (f.start, -f.end)):
        if f.start < pos:
            continue  # apply_edits skips it too
        left.append(_esc(report.text[pos:f.start]))
        right.append(_esc(report.text[pos:f.start]))
        if f.end > f.start:
            shown = f.text if f.kind not in HIDDEN_KINDS else f"[{_codepoints(f.text, 3)}]"
            left.append(f'<del class="d {f.kind}" title="{_attr(KIND_LABEL.get(f.kind, f.kind))}">{_esc(shown)}</del>')
        if f.replacement:
            right.append(f'<ins class="d {f.kind}">{_esc(f.replacement)}</ins>')
        pos = f.end
    left.append(_esc(report.text[pos:]))
    right.append(_esc(report.text[pos:]))
    return "".join(left), "".join(right)


def _diff(report: Report, edits: list[Finding] | None) -> str:
    if edits is None:
        note = '<p class="note">The edits that produced the cleaned text could not be matched; both texts are shown whole.</p>'
        left, right = _esc(report.text), _esc(report.cleaned)
    else:
        note = ""
        left, right = _diff_columns(report, edits)
    # Line by line when no edit adds or removes a line break, so each row pairs the same line.
    if edits is not None and not any("\n" in f.text or "\n" in (f.replacement or "") for f in edits):
        rows = "".join(
            f'<div class="row"><div class="cell">{a}</div><div class="cell">{b}</div></div>'
            for a, b in zip(left.split("\n"), right.split("\n"))
        )
    else:
        rows = f'<div class="row"><div class="cell">{left}</div><div class="cell">{right}</div></div>'
    return (
        f'{note}<div class="diff"><div class="row head"><div class="cell">Original</div>'
        f'<div class="cell">Cleaned</div></div>{rows}</div>'
    )


# --- summary and findings table --------------------------------------------------------------


def _summary(report: Report, name: str | None, edits: list[Finding] | None) -> str:
    s = report.scores
    counts = [  # (number, singular, plural, shown when zero)
        (s.get("lookalikes", 0), "look-alike letter restored", "look-alike letters restored", True),
        (s.get("lookalikes_unresolved", 0), "look-alike reported only", "look-alikes reported only", False),
        (s.get("hidden", 0), "hidden-character finding", "hidden-character findings", False),
        (s.get("spam_spans", 0), "spam span", "spam spans", False),
        (s.get("artifacts", 0), "scrape artifact", "scrape artifacts", False),
    ]
    if edits is not None:
        counts.append((len(edits), "edit in the cleaned text", "edits in the cleaned text", True))
    items = "".join(
        f"<li><b>{int(n)}</b> {one if n == 1 else many}</li>" for n, one, many, always in counts if n or always
    )
    ratio = s.get("lookalike_ratio")
    if ratio:
        items += f'<li><b>{float(ratio):.1%}</b> of letters were look-alikes</li>'
    keywords = ""
    if report.keywords:
        keywords = '<p class="keywords">Promoted: ' + ", ".join(f"<q>{_esc(k)}</q>" for k in report.keywords) + "</p>"
    heading = f'<h2 class="name">{_esc(name)}</h2>' if name else ""
    return (
        f'<header class="summary">{heading}<span class="verdict verdict-{_attr(report.verdict)}">'
        f'{_esc(report.verdict)}</span><ul class="counts">{items}</ul>{keywords}</header>'
    )


def _findings_table(report: Report) -> str:
    if not report.findings:
        return '<p class="none">Nothing found: the text is returned unchanged.</p>'
    rows = []
    for f in report.findings:
        shown = f.text if f.kind not in HIDDEN_KINDS else _codepoints(f.text, 3)
        rep = "—" if f.replacement is None else (_codepoints(f.replacement, 3) if f.replacement and not f.replacement.isprintable() else f.replacement)
        extra = f.detail.get("decoded") or f.detail.get("keyword") or f.detail.get("script") or ""
        rows.append(
            f'<tr class="{_attr(f.kind)}"><td>{_esc(KIND_LABEL.get(f.kind, f.kind))}</td><td>{f.start}–{f.end}</td>'
            f"<td>{_esc(shown[:80])}</td><td>{_esc(rep if rep != '' else '(removed)')}</td>"
            f"<td>{_esc(str(extra))}</td><td>{_esc(f.reason)}</td></tr>"
        )
    return (
        f'<details class="findings"><summary>All {len(report.findings)} findings</summary><table>'
        "<thead><tr><th>kind</th><th>at</th><th>text</th><th>clean writes</th><th>detail</th><th>why</th></tr></thead>"
        f'<tbody>{"".join(rows)}</tbody></table></details>'
    )


_LEGEND = (  # outside the panes, so the panes hold only the text's own marks
    '<p class="legend"><mark class="f lookalike edit">a</mark> restored look-alike · '
    '<mark class="f lookalike report-only">a</mark> reported only · '
    '<span class="f invisible edit badge"><span class="badge-kind">U+200B</span></span> hidden character · '
    '<span class="f spam edit"><del>spam</del></span> injected spam · '
    '<span class="f artifact link_gap report-only">gap<span class="artifact-sign">⌁</span></span> scrape artifact · '
    'hover a mark for details</p>'
)


def render_view(report: Report, *, name: str | None = None, key: str = "r", options: Options | None = None) -> str:
    """The view of one report as an HTML fragment (needs :func:`css`); ``key`` makes ids unique
    when a page holds several views."""
    edits = applied_edits(report, options)
    k = re.sub(r"[^A-Za-z0-9_-]", "_", key)
    tabs = "".join(
        f'<input type="radio" class="tab tab-{v}" name="view-{k}" id="{k}-{v}"{" checked" if v == "original" else ""}>'
        f'<label for="{k}-{v}">{label}</label>'
        for v, label in (("original", "Original, marked"), ("cleaned", "Cleaned"), ("diff", "Side by side"))
    )
    return (
        f'<section class="unspoof-report" data-verdict="{_attr(report.verdict)}">'
        f"{_summary(report, name, edits)}"
        f'<div class="views">{tabs}'
        f'<div class="pane view-original"><div class="text">{marked_original(report, edits or ())}</div></div>'
        f'<div class="pane view-cleaned"><div class="text cleaned">{_esc(report.cleaned)}</div></div>'
        f'<div class="pane view-diff">{_diff(report, edits)}</div>'
        f"</div>{_LEGEND}{_findings_table(report)}</section>"
    )


def render_document(
    reports: Report | Sequence[tuple[str, Report]],
    *,
    options: Options | None = None,
    title: str = "unspoof report",
) -> str:
    """A self-contained HTML document (inline style, no script, no external resource)."""
    items = [(None, reports)] if isinstance(reports, Report) else list(reports)
    views = "".join(
        render_view(report, name=name, key=f"r{i}", options=options) for i, (name, report) in enumerate(items)
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{css()}</style></head>"
        f'<body class="unspoof-doc"><main><h1>{_esc(title)}</h1>{views}</main></body></html>\n'
    )


def write_html(path: str | Path, reports: Sequence[tuple[str, Report]], options: Options | None = None) -> None:
    """Write :func:`render_document` of ``reports`` to ``path`` (UTF-8)."""
    Path(path).write_text(render_document(reports, options=options), encoding="utf-8")
