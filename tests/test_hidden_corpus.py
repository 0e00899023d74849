"""Legitimate text in 121 languages comes back byte-identical: the hidden detector edits nothing."""

from __future__ import annotations

import pytest

import unspoof
from unspoof.detect.hidden import detect
from unspoof.model import HIDDEN_KINDS
from unspoof.options import Options

from shared_data import CORPUS, read

FILES = sorted((CORPUS / "multilingual").rglob("*.txt")) + [CORPUS / "seed-article.restored.txt"]


def test_the_corpus_is_there():
    assert len(FILES) > 120


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_edits_on_legitimate_text(path):
    text = read(path)
    edits = [f for f in detect(text, Options()) if f.replacement is not None]
    assert edits == [], [(f.kind, f.start, text[max(0, f.start - 20) : f.end + 20]) for f in edits[:5]]


def test_corpus_uses_what_the_rules_keep():
    # the corpus does exercise the keep rules: Persian and Indic joiners, Mongolian separators,
    # a zero-width space in markup, and an override in Yiddish
    joined = "".join(read(p) for p in FILES)
    for ch in ("\u200c", "\u200d", "\u180e", "\u200b", "\u202e"):
        assert ch in joined


def test_pipeline_leaves_a_multilingual_sample_unchanged():
    for name in ("udhr_pes_1.txt", "udhr_mal.txt", "udhr_ydd.txt", "udhr_khk_mong.txt"):
        text = read(CORPUS / "multilingual" / "udhr" / name)
        report = unspoof.scan(text, restore_lookalikes=False)
        assert report.cleaned == text
        assert not [f for f in report.findings if f.kind in HIDDEN_KINDS]
