"""The datatrove step cleans text, adds metadata, and drops with a reason when asked."""

from __future__ import annotations

import random

import pytest

import unspoof

from batch_corpus import tamper

pytest.importorskip("datatrove")


def test_filter_cleans_and_drops(corpus_docs):
    from datatrove.data import Document

    from unspoof.batch.datatrove import UnspoofFilter

    rng = random.Random(2)
    texts = corpus_docs[:50] + [tamper("the casino bonus pages are here", rng, 1.0)]
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    kept = list(UnspoofFilter().run(iter(docs)))
    assert [d.text for d in kept] == [unspoof.clean(t) for t in texts]
    assert [d.metadata["unspoof_verdict"] for d in kept] == [unspoof.scan(t).verdict for t in texts]

    docs = [Document(text=t, id=str(i)) for i, t in enumerate(texts)]
    step = UnspoofFilter(drop=("tampered",), findings=True)
    kept = list(step.run(iter(docs)))
    tampered = [t for t in texts if unspoof.scan(t).verdict == "tampered"]
    assert tampered and len(kept) == len(texts) - len(tampered)
    assert all(d.metadata["unspoof_verdict"] != "tampered" for d in kept)
    assert step.stats["dropped_tampered"].total == len(tampered)
