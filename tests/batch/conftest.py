"""Fixtures for the batch tests; the corpus generator lives in ``batch_corpus``."""

from __future__ import annotations

import pytest

from batch_corpus import CORPUS, documents


@pytest.fixture(scope="session")
def corpus_docs() -> list[str]:
    if not CORPUS.is_dir():
        pytest.fail(f"the shared corpus is missing: {CORPUS}")
    return documents(3000)
