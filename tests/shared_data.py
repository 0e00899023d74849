"""Paths to the data kept beside the repository in ../shared (CI has it too)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def regenerate(tool: str, table: str, tmp_path: Path, source: list[str] | None = None) -> tuple[bytes, bytes]:
    """(bytes a generator under tools/ writes now, bytes committed). The generator reads
    ``source`` (its input options), by default ../shared/unicode."""
    import subprocess
    import sys

    out = tmp_path / table
    source = source or ["--unicode", str(SHARED / "unicode")]
    subprocess.run(
        [sys.executable, str(REPO / "tools" / tool), *source, "--out", str(out)],
        check=True, capture_output=True,
    )
    return out.read_bytes(), (REPO / "src" / "unspoof" / "tables" / table).read_bytes()


def npm_file(package: str, member: str, tmp_path: Path, override: str) -> Path:
    """One file of an npm package, written under ``tmp_path``: the path in the environment
    variable ``override`` if set, else fetched with ``npm pack``. Skips the test, saying why,
    when npm or the registry is unavailable."""
    import os
    import shutil
    import subprocess
    import tarfile

    import pytest

    if os.environ.get(override):
        return Path(os.environ[override])
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed to fetch " + package)
    done = subprocess.run([npm, "pack", package, "--silent"], cwd=tmp_path, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"npm could not fetch {package}: {done.stderr.strip()[:200]}")
    out = tmp_path / Path(member).name
    with tarfile.open(tmp_path / done.stdout.strip().splitlines()[-1]) as tar:
        data = tar.extractfile(member)
        assert data is not None
        out.write_bytes(data.read())
    return out
