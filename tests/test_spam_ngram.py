"""The trigram model that backs the anchor decisions, read through pocketsphinx."""

from __future__ import annotations

import pytest

from unspoof.detect.spam.ngram import ngram_model
from unspoof.detect.spam.pairs import WordPairs, word_pairs

lm = ngram_model()
pytestmark = pytest.mark.skipif(lm is None, reason="pocketsphinx is not installed")


def test_a_collocation_is_likelier_than_the_same_word_after_another() -> None:
    assert lm.logcond("mortgage", "repayments") > lm.logcond("purple", "repayments") + 1


def test_a_pair_held_by_the_model_is_told_from_one_it_backs_off() -> None:
    assert lm.seen("martial", "law")
    assert not lm.seen("martial", "repayments")
    # a backed-off pair is scored below the word on its own, by the back-off weight
    assert lm.association("martial", "repayments") < 0 < lm.association("martial", "law")


def test_words_the_model_lacks_give_no_estimate() -> None:
    assert lm.logp("3,000") is None and lm.logp("turkish-made") is None
    assert lm.logcond("the", "3,000") is None and lm.association("3,000", "cars") is None
    assert not lm.seen("the", "3,000")


def test_the_word_two_back_changes_the_estimate() -> None:
    assert lm.logcond("law", "to", "martial") != lm.logcond("law", "to", "the")


def test_word_pairs_read_collocations_the_bigram_list_lacks() -> None:
    wp = word_pairs()
    assert wp.available and not wp.listed("mortgage", "repayments")
    assert wp.seen("mortgage", "repayments") and wp.association("mortgage", "repayments") > 1
    # the list's own reading is kept for what needs it (hyphen compounds, discovery)
    assert wp.association("mortgage", "repayments", listed_only=True) <= 0


def test_word_pairs_without_the_model_use_the_list_alone() -> None:
    listed = WordPairs({"martial law": 100, "the law": 1000, "the cat": 500})
    assert listed.model is None and listed.seen("martial", "law") and not listed.seen("mortgage", "repayments")


def test_a_plural_the_model_lacks_is_read_by_its_singular() -> None:
    # the American model lacks the British "maths": it reads as "math", with the same neighbours
    assert lm.form("maths") == "math" and lm.form("Law") == "law"
    assert lm.logcond("maths", "teacher") == lm.logcond("math", "teacher")
    assert lm.form("qzxv") is None and lm.form("qzxvs") is None
