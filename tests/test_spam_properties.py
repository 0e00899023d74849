"""Properties of the spam detector on text built from spam-like pieces: never raises, offsets exact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unspoof
from unspoof.detect.spam import detect
from unspoof.model import GLUED_SENTENCE, LINK_GAP, SPAM_ANCHOR, SPAM_TEMPLATE

# pieces of templates, keywords, names and punctuation, so the grammar and the anchors do fire
_PIECES = st.sampled_from(
    "If you have any questions concerning where and how to use Turkish Law Firm , you can contact us at "
    "our web site . liked this article more info about please visit Anyone looking for will find on page "
    "Visit website information the a of to UK Canada martial law after -made one -fifth Pacific Ocean "
    "Volodymyr Zelensky Pentagon my blog : \n \n\n fighting.Some Mr.Smith e.g. 3.5 , , ’ ‘ İ".split(" ")
)
TEXT = st.lists(_PIECES, max_size=80).map(lambda parts: " ".join(parts))
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_detect_never_raises_and_offsets_index_the_text(text: str) -> None:
    for f in detect(text):
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
        if f.kind in (SPAM_TEMPLATE, SPAM_ANCHOR):
            assert f.detail["keyword"] and f.replacement is not None
        if f.kind == GLUED_SENTENCE:
            assert f.start == f.end and f.replacement == " "
        if f.kind == LINK_GAP:
            assert f.replacement is None


@SETTINGS
@given(TEXT)
def test_strip_spam_only_removes_or_restores_keyword_text(text: str) -> None:
    report = unspoof.scan(text, strip_spam=True)
    for f in report.findings:
        if f.kind == SPAM_ANCHOR:
            # an anchor edit removes the keyword (and one space) or puts back one of its words
            keyword_words = {w.lower() for w in f.detail["keyword"].split()}
            assert f.replacement == "" or f.replacement.lower() in keyword_words
    assert len(report.cleaned) <= len(text)
