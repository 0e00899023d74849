"""Paths to the data kept beside the repository in ../shared (CI has it too)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")
