"""Scrape artifacts: dropped-link gaps (report-only) and glued sentences (zero-width spacing fix)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import unspoof
from unspoof.detect.spam import detect
from unspoof.detect.spam.artifacts import glued_sentences, link_gaps
from unspoof.model import GLUED_SENTENCE, LINK_GAP, Finding, apply_edits
from unspoof.pipeline import _offset_map, _remap

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not beside the repository")


@needs_corpus
def test_seed_annotated_gaps_and_glues_are_all_reported() -> None:
    text = (CORPUS / "seed-article.restored.txt").read_text(encoding="utf-8")
    ann = json.loads((CORPUS / "seed-article.annotations.json").read_text(encoding="utf-8"))
    findings = detect(text)
    gaps = [f for f in findings if f.kind == LINK_GAP]
    glues = {f.start for f in findings if f.kind == GLUED_SENTENCE}
    for g in ann["dropped_link_gaps"]:
        assert any(f.start < g["end"] and g["start"] < f.end for f in gaps), g
    for g in ann["glued_sentences"]:
        assert g["offset"] in glues, g
    assert all(f.replacement is None for f in gaps)
    assert len(gaps) == len(ann["dropped_link_gaps"])


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. Army and the U.K. Navy met Mr.Smith and Dr.Jones.",
        "Growth was 3.5 percent. Version 2.0 Beta shipped.",
        "J.R.R. Tolkien wrote it; J.Smith edited it.",
        "See https://example.com/Page.Html or www.Example.Com for details.",
        "Write to info@Example.Org or visit Example.Com today.",
        "Call obj.Method(x) in code.",
        "Wait... Then it ended.",
    ],
)
def test_no_glue_in_abbreviations_decimals_initials_urls_or_domains(text: str) -> None:
    assert [text[g.start - 8 : g.start + 8] for g in glued_sentences(text)] == []


def test_glue_fix_inserts_one_space_only_with_fix_spacing() -> None:
    text = "They fought.Some units stayed! Others left?Nobody knows.‘Quote’ ends here."
    assert unspoof.clean(text) == text
    assert unspoof.clean(text, fix_spacing=True) == "They fought. Some units stayed! Others left? Nobody knows. ‘Quote’ ends here."
    report = unspoof.scan(text)
    assert report.verdict == "clean"  # scrape artifacts alone are not tampering
    assert all(f.start == f.end and f.replacement == " " for f in report.findings if f.kind == GLUED_SENTENCE)


def test_zero_width_insertion_applies_and_remaps() -> None:
    view = "ab.Cd"
    glue = Finding(GLUED_SENTENCE, 3, 3, "", " ", 0.9, "")
    assert apply_edits(view, [glue]) == "ab. Cd"
    # the input had a hidden character that stage 1 removes; the insertion maps back after it
    text = "ab\u200b.Cd"
    hidden = Finding("invisible", 2, 3, "\u200b", "", 1.0, "")
    omap = _offset_map(text, [hidden])
    moved = _remap(glue, text, omap)
    assert (moved.start, moved.end) == (4, 4)
    assert apply_edits(text, [hidden, moved]) == "ab. Cd"


def test_zero_width_insertion_survives_an_edit_at_the_same_offset() -> None:
    text = "ab.Ѕd"
    edits = [Finding("lookalike", 3, 4, "Ѕ", "S", 1.0, ""), Finding(GLUED_SENTENCE, 3, 3, "", " ", 0.9, "")]
    assert apply_edits(text, edits) == "ab. Sd"


def test_link_gaps_are_report_only() -> None:
    text = "They are on their way to . Cities like , , Odessa and hundreds of the from the group."
    spans = [t for _, _, t in link_gaps(text)]
    assert spans == ["to .", "like , ,", "the from"]
    assert unspoof.clean(text, strip_spam=True, fix_spacing=True) == text


def test_plain_english_has_no_link_gaps() -> None:
    text = "The ship sailed to Japan. It was seen in the strait yesterday, and again today at noon."
    assert link_gaps(text) == []
