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
