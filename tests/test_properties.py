"""Properties that hold for any input: never raises, idempotent, offsets exact, no-op when clean."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unspoof
from unspoof.model import apply_edits

# text biased towards what matters here: Latin and its look-alikes, other scripts, marks, controls
_ALPHABET = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(list("abcdeopxyABCEHKMOPTX аеорсухіѕԁһАВЕКМНОРСТХ αορτνΑΒΕΖΗΙΚΜΝΟΡΤΥΧ ոսօց ᏒᎢᏔ ⅼⅽⅾⅰⅤ ɑɗɡƄƅᴡ ｆｒ 𝐟𝐫 ’–— \n\t")),
    st.sampled_from(["\u200b", "\u200d", "\u00ad", "\ufeff", "\u202e", "\U000e0041", "\ud800", "\udfff", "\x00", "\x7f"]),
)
TEXT = st.text(alphabet=_ALPHABET, max_size=300)
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_scan_never_raises_and_offsets_index_the_input(text):
    report = unspoof.scan(text)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
    assert report.cleaned == apply_edits(text, [f for f in report.findings if f.replacement is not None and f.kind != "spam_template" and f.kind != "spam_anchor" and f.kind != "glued_sentence"])


@SETTINGS
@given(TEXT)
def test_clean_is_idempotent(text):
    once = unspoof.clean(text)
    assert unspoof.clean(once) == once


@SETTINGS
@given(TEXT)
def test_text_without_findings_is_returned_unchanged(text):
    report = unspoof.scan(text)
    if not report.findings:
        assert report.cleaned == text
        assert report.verdict == "clean"


def test_huge_line_and_lone_surrogates():
    text = ("Rսssian ships " * 50_000) + "\ud800 end"
    report = unspoof.scan(text)
    assert report.cleaned.startswith("Russian ships Russian")
    assert report.cleaned.endswith("\ud800 end")
