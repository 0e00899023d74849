"""Spun call-to-action sentences: a grammar of interchangeable phrases, compiled to regexes.

Spam farms append a call to action to copied articles and run it through a spinner that swaps
every phrase for a synonym, so no two copies share a string. What survives spinning is the
shape: a few pivot words from closed sets (``questions``/``issues``/``inquiries`` …, ``use``/
``employ`` …, ``web site``/``internet site`` …) in a fixed order, with a handful of free words
between them. ``data/spam_grammar.json`` lists the families as sequences of such slots; this
module compiles each family to one regular expression with a named group for the promoted
keyword ``X`` and finds whole sentences that match.

>>> s = ("He left.\\nFor those who have just about any issues concerning wherever in addition to "
...      "tips on how to employ Turkish Law Firm, it is possible to e mail us in our internet site. "
...      "In short: more.")
>>> [(m.family, m.keyword, s[m.start:m.end]) for m in find_templates(s)][0][:2]
('contact_about_use', 'Turkish Law Firm')
>>> remove_span(s, find_templates(s)[0])
(9, 175)
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Callable

from .anchor import keyword_regex
from .pairs import english_zipf
from .spans import Spans

#: words a keyword does not start with: the phrase is then ordinary prose, not a promoted keyword
_NOT_KEYWORD_START = frozenset(
    "the a an this that these those my our your his her their its it he she they we you i "
    "me him them us what which who how where when why there here some any every "
    "for to in on at of with by from and or but about as if than then so".split()
)
#: words a keyword does not end with: the capture ran into the next clause ("work, then")
_NOT_KEYWORD_END = frozenset("the a an and or but if then so than to of".split())
#: words of the call to action itself, never inside a keyword
_CTA_WORDS = frozenset("please kindly implore visit you us our your".split())
#: a keyword is a noun phrase: a lowercase modal or form of "be" in it is the clause after it
#: ("X can be found at our site"; "Divorce Lawyer Houston May" is a name's capital)
_CLAUSE_VERBS = frozenset("can could may might will would should must is are be been".split())
#: words a call to action may run on for after its site ("… on our own site, which is updated often")
MAX_TAIL_WORDS = 5
#: a keyword has at most this many words; longer captures are prose that happened to match
MAX_KEYWORD_WORDS = 8
#: a lone lowercase word at least this common (Zipf scale) is prose ("work"), not a keyword
#: ("viagra" 3.2, "insurance" 4.9)
COMMON_WORD_ZIPF = 5.0

#: lookahead: the next word is not one a keyword (or a '*' word) starts with; a word joined to
#: the next by "&", "/" or a dot (masked or not) is none of them ("A&E Waiting Times", "No.1")
_NOT_STOP = (
    r"(?!(?:"
    + "|".join(sorted(_NOT_KEYWORD_START | {"can", "could", "make"}, key=len, reverse=True))
    + r")\b(?![&/.\u2024]\w))"
)
# A free word inside a gap: no sentence end, and not a line break.
_FREE_WORD = r"[^\s.!?]+"
_SEP = r"[\s,;:]+"


#: a slash between digits ("24/7 Emergency Plumber"), which no URL needs
_DIGIT_SLASH = re.compile(r"(?<=\d)/(?=\d)")

#: marks between a comment tail's site word and its keyword ("My blog :: x", "My page - x")
_TAIL_MARKS = frozenset(":;-–—.")


@dataclass(frozen=True, slots=True)
class TemplateMatch:
    """One call-to-action sentence: its span (without separator), family and keyword."""

    start: int
    end: int
    family: str
    keyword: str
    keyword_start: int
    keyword_end: int


def _phrase(p: str) -> str:
    words = [re.escape(w) for w in p.split()]
    body = r"\s+".join(words)
    head = r"\b" if p[:1].isalnum() else ""
    tail = r"\b" if p[-1:].isalnum() else ""
    return head + body + tail


def slot_pattern(phrases: list[str]) -> str:
    """A regex alternation of a slot's phrases ("*": any one word a keyword would not start)."""
    # longest first: the regex alternation takes the first alternative that matches
    alts = sorted(set(phrases) - {"*"}, key=lambda p: (-len(p), p))
    if "*" in phrases:  # any one word that is not a function word
        return "(?:" + "|".join([_phrase(p) for p in alts] + [_NOT_STOP + r"[^\W\d_]+\b"]) + ")"
    return "(?:" + "|".join(_phrase(p) for p in alts) + ")"


def _compile_family(parts: list[Any], slots: dict[str, dict]) -> re.Pattern[str]:
    out: list[str] = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        nxt = parts[i + 1] if not last else None
        if isinstance(part, dict) and "gap" in part:
            out.append(f"(?:{_FREE_WORD}{_SEP}){{0,{int(part['gap'])}}}?")
        elif part == "START":
            continue
        elif part == "END" and i and parts[i - 1] == "X":
            out.append(r"\s*(?:[.!]+|(?=[\r\n])|\Z)")
        elif part == "END" and i and isinstance(parts[i - 1], dict) and "gap" in parts[i - 1]:
            # the gap's words each took their separator: the sentence's last word is left
            out.append(r"[^\s.!?]*\s*(?:[.!]+|(?=[\r\n])|\Z)")
        elif part == "END":
            # a short tail ('… our web site today.', '… on our own site, which is updated often.')
            # and the sentence end
            out.append(r"(?:[\s,]+[^\s.!?]+){0,%d}?\s*(?:[.!]+|(?=[\r\n])|\Z)" % MAX_TAIL_WORDS)
        elif part == "EOL":
            out.append(r"\s*[.!]?[ \t]*(?=[\r\n]|\Z)")
        elif part == "SEP":
            out.append(r"[ \t]*[:;\-–—.]*[ \t]*")
        elif part == "X":
            # the keyword: lazy, so it ends at the next pivot; never across a sentence end
            out.append(_NOT_STOP + r"(?P<kw>[^\s.!?,;:()\"“”](?:[^.!?\n]{0,100}?[^\s.!?,;:()\"“”])?)")
            if nxt in ("EOL", "END"):
                continue
            out.append(r"(?:\s*[,;:–—]\s*|\s+)")
        elif isinstance(part, str) and part.startswith("@"):
            out.append(slot_pattern(slots[part[1:]]["any"]))
            if not last and nxt not in ("END", "X", "EOL", "SEP"):
                out.append(_SEP)
            elif nxt == "X":
                out.append(r"\s+")
        elif isinstance(part, dict) and "any" in part:
            out.append(slot_pattern(part["any"]))
            if not last and nxt not in ("END", "X", "EOL", "SEP"):
                out.append(_SEP)
        else:
            raise ValueError(f"unknown grammar part: {part!r}")
    return re.compile("".join(out), re.IGNORECASE)


@lru_cache(maxsize=1)
def _raw_grammar() -> dict[str, Any]:
    return json.loads(resources.files("unspoof").joinpath("data/spam_grammar.json").read_text("utf-8"))


def slot_phrases(*names: str) -> list[str]:
    """The phrases of the named slots of the grammar, or of all its slots."""
    slots = _raw_grammar()["slots"]
    return [p for name in names or slots for p in slots[name]["any"]]


@lru_cache(maxsize=1)
def call_to_action_words() -> frozenset[str]:
    """The words calls to action are made of: every word of every slot phrase, the function
    words a keyword never starts with, the request words, and those that make a site the
    speaker's own ("our own", "my personal", "our very own")."""
    words = {w.lower() for p in slot_phrases() for w in p.split()}
    return frozenset(words | _NOT_KEYWORD_START | _CTA_WORDS | {"own", "personal", "very"})


@lru_cache(maxsize=1)
def grammar() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled families, loaded once from ``data/spam_grammar.json``."""
    raw = _raw_grammar()
    slots = raw["slots"]
    return tuple((fam["name"], _compile_family(fam["parts"], slots)) for fam in raw["families"])


@lru_cache(maxsize=1)
def trigger() -> re.Pattern[str]:
    """Every family names a site word; matched case-sensitively on :func:`ascii_lower` text."""
    return re.compile(slot_pattern([p.lower() for p in _raw_grammar()["slots"]["site"]["any"]]))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` lowercased with every offset unchanged.

    ``str.lower`` is fast but may change the length ("İ" becomes two code points); only then fall
    back to lowering A-Z alone, which ``str.translate`` does slowly.
    """
    low = text.lower()
    if len(low) != len(text):
        low = text.replace("\u0130", "i").lower()  # the one letter whose lowercase is longer
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def has_trigger(text: str) -> bool:
    """Cheap pre-check for :func:`find_templates`: no site word, no call to action."""
    low = ascii_lower(text)
    if not any(w in low for w in ("site", "page", "web", "blog", "url", "profile")):
        return False
    return trigger().search(low) is not None


def clean_keyword(kw: str) -> str | None:
    kw = kw.strip(" \t'\"“”‘’«»*-–—")
    words = kw.split()
    if not words or len(words) > MAX_KEYWORD_WORDS or len(kw) > 100:
        return None
    if words[0].lower() in _NOT_KEYWORD_START or words[-1].lower() in _NOT_KEYWORD_END:
        return None
    if not any(ch.isalpha() for ch in kw):
        return None
    if any(s in _DIGIT_SLASH.sub("", kw) for s in ("/", "@", "<", ">", "www.", "http")):
        return None  # a URL, path or address; "24/7" is a keyword's word
    if _CTA_WORDS & {w.lower() for w in words[1:]}:
        return None  # the capture ran past the call to action's own words
    if _CLAUSE_VERBS & set(words[1:]):
        return None  # the capture ran into the clause that follows it
    if len(words) == 1 and kw.islower() and english_zipf(kw) >= COMMON_WORD_ZIPF:
        return None  # "looking for work, you should …": everyday advice, not a promoted product

    return kw


@lru_cache(maxsize=1)
def site_word() -> re.Pattern[str]:
    """A site word in any case (a capture that is nothing but one is no keyword)."""
    return re.compile(slot_pattern(_raw_grammar()["slots"]["site"]["any"]), re.IGNORECASE)


#: a sentence end; the dots of an ellipsis ("Also visit my blog ... X") are none
_SENTENCE_END = re.compile(r"[\n\r!?]|(?<!\.)\.(?!\.)")
#: titles whose dot starts a name rather than ending a sentence ("Dr. Patel", "St. Ives")
_TITLES = "mr mrs ms dr prof rev st mt ft hon capt sgt lt col gen".split()
#: a dot that may not end its sentence: inside a token ("U.S", "No.1", "example.com", and the
#: glue of "vote.For"), or after a title or a capital initial before the next word ("Dr. Patel",
#: "U.S. Visa")
_NAME_DOT = re.compile(
    # the dot first, so the search skips to dots; then what is around it
    r"\.(?:(?<=[^\W_]\.)(?=[^\W_])|(?:"
    # one look-behind per title length: Python's look-behind has a fixed width
    + "|".join(
        r"(?<=\b(?i:" + "|".join(t for t in _TITLES if len(t) == n) + r")\.)"
        for n in sorted({len(t) for t in _TITLES})
    )
    + r"|(?<=\b[A-Z]\.))(?=[ \t]+\w))"
)
#: what such a dot reads as while sentences are found: a character no pattern takes for a dot
_MASKED_DOT = "\u2024"  # one dot leader


@lru_cache(maxsize=4)
def mask_name_dots(text: str) -> str:
    """``text`` with every dot that may not end its sentence masked, offsets unchanged:
    a keyword may hold them ("Dr. Patel's Dental Clinic", "No.1 Roofing"). Cached: finding
    sentences, the grammar and the loose reading each ask for the same page."""
    if "." not in text:
        return text
    return _NAME_DOT.sub(_MASKED_DOT, text)


def trigger_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences that name a site: the only ones a family can match. A dot that
    may not end a sentence (:func:`mask_name_dots`) ends none here; :func:`sentence_starts`
    gives the places a sentence may start after one."""
    masked = mask_name_dots(text)
    spans: list[tuple[int, int]] = []
    for m in trigger().finditer(ascii_lower(text)):
        if spans and m.start() < spans[-1][1]:
            continue
        prev = [e.end() for e in _SENTENCE_END.finditer(masked, max(0, m.start() - 400), m.start())]
        i = prev[-1] if prev else max(masked.rfind(c, 0, m.start()) for c in ".!?\n\r") + 1
        while i < m.start() and not text[i].isalnum():
            i += 1  # leading spaces, quotes, bullets
        end = _SENTENCE_END.search(masked, m.end())
        j = _past(text, end.start() if end else len(text), ".!?", 1)
        spans.append((i, j))
    return spans


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    """Where the trigger sentence ``start:end`` may begin, earliest first: at ``start``, or after
    a dot before its site word that ends the sentence before it after all ("in the U.S. For more
    on X visit our site"; "the vote.For more")."""
    masked = mask_name_dots(text[start:end])
    site = trigger().search(ascii_lower(masked))
    starts = [start]
    for k in (i for i, c in enumerate(masked[: site.start() if site else 0]) if c == _MASKED_DOT):
        k += 1
        while k < len(masked) and masked[k] in " \t":
            k += 1
        if k < len(masked) and masked[k].isalnum():
            starts.append(start + k)
    return starts


#: a run of capitalised words inside a sentence ("Sea View Holiday Cottages")
_TITLE_RUN = re.compile(r"(?<=[^\W\d_] )[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*)+")
#: stands for the spaces inside such a run: the keyword spans it, a slot word cannot follow it
_JOINER = "\u2060"  # word joiner: no space to a pattern


def _whole_names(text: str, start: int, end: int, kw_end: int) -> str | None:
    """``text`` with the spaces inside the run of capitalised words in ``start:end`` that
    ``kw_end`` falls inside joined, so a slot word ("View", "Visit") inside a Title Case keyword
    cannot end the keyword early; ``None`` when the keyword ends no such run early."""
    for r in _TITLE_RUN.finditer(text, start, end):
        if r.start() < kw_end < r.end():
            return text[: r.start()] + text[r.start() : r.end()].replace(" ", _JOINER) + text[r.end() :]
    return None


def find_templates(text: str, sentences: list[tuple[int, int]] | None = None) -> list[TemplateMatch]:
    """Every call-to-action sentence in ``text``, first matching family per sentence. A
    keyword that would end inside a run of capitalised words is read whole: "more regarding
    Sea View Holiday Cottages stop by our page" names "Sea View Holiday Cottages", not "Sea".
    ``sentences``: the :func:`trigger_sentences` of ``text``, when already found."""
    found: list[TemplateMatch] = []
    if sentences is None:
        sentences = trigger_sentences(text) if has_trigger(text) else []
    masked = mask_name_dots(text) if sentences else text
    for s_start, s_end in sentences:
        matches = [m for start in sentence_starts(text, s_start, s_end) if (m := _match_families(text, masked, start, s_end))]
        if matches:
            found.append(best_reading(matches))
    if not found:
        return found
    spans = Spans((t.start, t.end) for t in found)

    @lru_cache(maxsize=None)  # one count per keyword, however many calls to action name it
    def uses(keyword: str) -> int:
        return _uses_outside(text, keyword, spans)

    return [_as_the_page_writes(text, t, uses) for t in found]


def _uses_outside(text: str, keyword: str, spans: Spans) -> int:
    """How often ``keyword`` stands outside the ``spans`` of calls to action, counting to two."""
    n = 0
    for m in keyword_regex(keyword).finditer(text):
        n += m.start() not in spans
        if n == 2:
            break
    return n


def _as_the_page_writes(text: str, t: TemplateMatch, uses: Callable[[str], int]) -> TemplateMatch:
    """``t`` with a keyword that ran on into the sentence cut back to the one the page promotes:
    "for more on X today" names X when the page writes X elsewhere and never "X today". Only a
    lowercase tail goes ("now", "in 2025"), and the shorter keyword must appear outside the
    calls to action (``uses``): twice, or once when it has a capital (prose seldom writes
    "Emergency Plumber Leeds"; it may write "cheap car" before a keyword "cheap car insurance")."""
    words = t.keyword.split()
    if len(words) < 2 or uses(t.keyword):
        return t
    for k in range(len(words) - 1, 0, -1):
        if words[k][:1].isupper():
            break  # the tail holds a name's word: the keyword is the whole phrase
        prefix = clean_keyword(" ".join(words[:k]))
        if prefix is None:
            continue
        n = uses(prefix)
        if n >= 2 or n and prefix.lower() != prefix:
            m = keyword_regex(prefix).match(text, t.keyword_start)
            if m is not None:
                return replace(t, keyword=prefix, keyword_end=m.end())
    return t


def best_reading(matches: list[TemplateMatch]) -> TemplateMatch:
    """Of one sentence's readings from its possible starts, the one with the longest keyword
    ("Dr. Patel's Dental Clinic", not "Patel's Dental Clinic"), in the shortest sentence ("For
    more on X", not "Prices rose in the U.S. For more on X")."""
    return max(matches, key=lambda m: (m.keyword_end - m.keyword_start, m.start))


def _match_families(text: str, masked: str, start: int, end: int) -> TemplateMatch | None:
    """The first family that matches the sentence starting at ``start``, read on ``masked``."""
    for family, rx in grammar():
        m = rx.match(masked, start, end)
        if m is None:
            continue
        joined = _whole_names(masked, start, end, m.end("kw"))
        if joined is not None:
            m = rx.match(joined, start, end) or m
        kw = clean_keyword(text[m.start("kw") : m.end("kw")])
        if kw is None:
            continue
        if family == "visit_my_page" and not kw[:1].isupper() and text[: m.start("kw")].rstrip()[-1:] not in _TAIL_MARKS:
            continue  # a comment tail names its keyword as a title, or after a mark ("My blog - x")
        if site_word().fullmatch(kw):
            continue
        ks = text.index(kw, m.start("kw"))
        stop = m.end()
        while stop > m.start() and text[stop - 1] in " \t":
            stop -= 1
        return TemplateMatch(m.start(), stop, family, kw, ks, ks + len(kw))
    return None


def _past(text: str, i: int, chars: str, step: int) -> int:
    """The offset where a run of ``chars`` starting at ``i`` ends: forward (``step`` 1) from
    ``text[i]``, or backward (``step`` -1) over ``text[i - 1]``, ``text[i - 2]`` …"""
    if step > 0:
        while i < len(text) and text[i] in chars:
            i += 1
    else:
        while i > 0 and text[i - 1] in chars:
            i -= 1
    return i


def remove_span(text: str, t: TemplateMatch) -> tuple[int, int]:
    """The span to delete so that the sentence and exactly one separator disappear.

    Inside a line the following spaces go (or the preceding ones at the line's end); a sentence
    that is a whole line goes with the shorter of the line-break runs around it, so paragraph
    breaks stay as they were.
    """
    start, end = t.start, t.end
    n = len(text)
    after = _past(text, end, " \t", 1)
    before = _past(text, start, " \t", -1)
    line_start = before == 0 or text[before - 1] in "\r\n"
    line_end = after == n or text[after] in "\r\n"
    if not line_end:
        return start, after
    if not line_start:
        return before, after
    # the sentence is a whole line: take one adjacent run of line breaks
    nl_after = _past(text, after, "\r\n", 1)
    nl_before = _past(text, before, "\r\n", -1)
    run_after, run_before = nl_after - after, before - nl_before
    if run_after and (run_after <= run_before or not run_before):
        return before, nl_after
    if run_before:
        return nl_before, after
    return before, after
