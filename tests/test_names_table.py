"""The English names table is reproducible from the Hunspell dictionary it is derived from."""

from __future__ import annotations

from pathlib import Path

from shared_data import npm_file, regenerate

#: the npm package that carries SCOWL's en_US Hunspell dictionary (MIT AND BSD)
PACKAGE = "dictionary-en@4.0.0"


def test_regenerating_the_names_table_gives_the_same_bytes(tmp_path: Path) -> None:
    dic = npm_file(PACKAGE, "package/index.dic", tmp_path, "UNSPOOF_HUNSPELL_EN")
    generated, committed = regenerate("gen_names.py", "names_en.txt", tmp_path, ["--dic", str(dic)])
    assert generated == committed
