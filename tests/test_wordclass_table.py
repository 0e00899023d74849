"""The word-class table is reproducible from the tagger lexicon it is derived from."""

from __future__ import annotations

from pathlib import Path

from shared_data import npm_file, regenerate

#: the npm package that carries the Brill-derived tagger lexicon (MIT)
PACKAGE = "en-lexicon@1.0.11"


def test_regenerating_the_word_class_table_gives_the_same_bytes(tmp_path: Path) -> None:
    lexicon = npm_file(PACKAGE, "package/dist/lexicon.js", tmp_path, "UNSPOOF_EN_LEXICON")
    generated, committed = regenerate("gen_wordclass.py", "wordclass_en.txt", tmp_path, ["--lexicon", str(lexicon)])
    assert generated == committed
