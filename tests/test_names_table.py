"""The English names table is reproducible from the Hunspell dictionary it is derived from."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from shared_data import regenerate

#: the npm package that carries SCOWL's en_US Hunspell dictionary (MIT AND BSD)
PACKAGE = "dictionary-en@4.0.0"


def _dictionary(tmp_path: Path) -> Path:
    """The en_US ``.dic``: from ``UNSPOOF_HUNSPELL_EN`` if set, else fetched with ``npm pack``."""
    if os.environ.get("UNSPOOF_HUNSPELL_EN"):
        return Path(os.environ["UNSPOOF_HUNSPELL_EN"])
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed to fetch " + PACKAGE)
    done = subprocess.run([npm, "pack", PACKAGE, "--silent"], cwd=tmp_path, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"npm could not fetch {PACKAGE}: {done.stderr.strip()[:200]}")
    dic = tmp_path / "index.dic"
    with tarfile.open(tmp_path / done.stdout.strip().splitlines()[-1]) as tar:
        member = tar.extractfile("package/index.dic")
        assert member is not None
        dic.write_bytes(member.read())
    return dic


def test_regenerating_the_names_table_gives_the_same_bytes(tmp_path: Path) -> None:
    generated, committed = regenerate("gen_names.py", "names_en.txt", tmp_path, ["--dic", str(_dictionary(tmp_path))])
    assert generated == committed
