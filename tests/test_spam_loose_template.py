"""Calls to action the grammar lacks: call-to-action words around a phrase the page repeats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import unspoof
from unspoof.detect.spam import detect
from unspoof.detect.spam import template as template_module
from unspoof.detect.spam.discover import breaks_sentence
from unspoof.detect.spam.loose_template import FAMILY, find_loose_templates
from unspoof.detect.spam.template import find_templates
from unspoof.model import SPAM_TEMPLATE

CASES = Path(__file__).parent / "cases" / "spam"


def _cases() -> list[dict]:
    out = []
    for path in sorted(CASES.glob("article_*.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        case["id"] = path.stem
        out.append(case)
    return out


def _with_grammar_template(cases: list[dict]) -> list[tuple[str, str, str]]:
    """(case id, restored text, keyword) for each case whose call to action the grammar names."""
    out = []
    for case in cases:
        text = unspoof.clean(case["text"])
        found = find_templates(text)
        if found and found[0].keyword.lower() == case["keywords"][0].lower():
            out.append((case["id"], text, case["keywords"][0]))
    return out


def test_without_the_grammar_the_loose_matcher_names_the_suites_keywords(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fallback generalises: with every family of the grammar removed, it still names the
    keyword of nearly every call to action in the cases, and never a wrong one."""
    pages = _with_grammar_template(_cases())
    assert len(pages) > 150
    monkeypatch.setattr(template_module, "grammar", lambda: ())
    named = wrong = 0
    for _id, text, keyword in pages:
        assert find_templates(text) == []
        got = [m.keyword.lower() for m in find_loose_templates(text)]
        named += keyword.lower() in got
        wrong += sum(k != keyword.lower() for k in got)
    assert wrong == 0
    assert named >= 0.95 * len(pages), (named, len(pages))


#: spins that no family of the grammar matches: other synonyms, other orders, other closings
_NEW_SPINS = [
    "Should you prize this write-up and wish to be given details concerning {} kindly go to the web site.",
    "Please check out the web-site for more info about {}, its worth a look.",
    "Our own web site has tons of facts on {}, so drop by whenever you like.",
]


@pytest.mark.parametrize("spin", _NEW_SPINS)
def test_a_spin_the_grammar_lacks_is_found_and_removed(spin: str) -> None:
    """In nearly every article the new spin is read as a call to action and removed; where it is
    not (a keyword whose other uses all read as English, in a spin with words no slot has),
    nothing else is taken for one."""
    cases = [c for c in _cases() if not c.get("known_failure")]
    pages = _with_grammar_template(cases[::6])
    assert len(pages) >= 20
    found_in = 0
    for case_id, text, keyword in pages:
        (t,) = find_templates(text)
        sentence = spin.format(keyword)
        spun = text[: t.start] + sentence + text[t.end :]
        assert find_templates(spun) == [], case_id
        found = [f for f in detect(spun) if f.kind == SPAM_TEMPLATE]
        if not found:
            continue
        assert [(f.detail["keyword"], f.detail["family"]) for f in found] == [(keyword, FAMILY)], case_id
        assert sentence in found[0].text, case_id
        assert sentence not in unspoof.clean(spun, strip_spam=True), case_id
        found_in += 1
    assert found_in >= 0.9 * len(pages), (found_in, len(pages))


def _repeated_names(text: str) -> list[str]:
    runs = re.findall(r"(?<![\w-])[A-Z][a-z]+(?: [A-Z][a-z]+)+", text)
    return sorted({r for r in runs if runs.count(r) >= 3 and not re.search(r"\b(?:The|In|At|But)\b", r)})


def test_a_site_sentence_about_a_name_the_article_repeats_is_prose() -> None:
    """Without its keyword breaking sentences elsewhere, a sentence that points to a website
    about a name the article repeats is what a council or company page says of itself."""
    tried = 0
    for case in _cases():
        clean = case["clean"]
        for name in _repeated_names(clean)[:2]:
            for sentence in (
                f"Residents can read more about {name} on our website.",
                f"The full report is available on the {name} website.",
                f"Updates on {name} will be posted on the council's web page.",
            ):
                page = clean + "\n" + sentence
                assert find_loose_templates(page, find_templates(page)) == [], (case["id"], sentence)
                tried += 1
    assert tried > 100


def test_a_phrase_used_only_in_the_call_to_action_is_no_keyword() -> None:
    text = ("The museum reopened on Monday after a long refit, and visitors queued for hours. "
            "Should you prize this write-up and wish to be given details concerning Garden Rooms "
            "Kent kindly go to the web site. The new galleries hold the collection of local art.")
    assert find_templates(text) == find_loose_templates(text) == []


@pytest.mark.parametrize(
    "text,phrase,breaks",
    [
        ("Sales rose after Turkish Law Firm-made drones arrived.", "Turkish Law Firm", True),
        ("Troops from the UK, Turkish Law Firm Canada and Poland.", "Turkish Law Firm", True),
        ("The rally moved along the seafront, past the pier and the Sea View Hotel.", "Sea View Hotel", False),
        ("The harbour master said the ferry was late.", "harbour master", False),
    ],
)
def test_breaks_sentence(text: str, phrase: str, breaks: bool) -> None:
    start = text.index(phrase)
    assert breaks_sentence(text, start, start + len(phrase)) is breaks
