"""What line-based outputs (JSON Lines, text) share: bytes written in order, parts concatenated.

Each part file is a complete gzip member or Zstandard frame when compressed, so joining parts
byte for byte gives one valid file.
"""

from __future__ import annotations

import os
import shutil
from typing import Any, Iterable

from .streams import open_write


class Writer:
    """Writes already-encoded lines (``bytes``) to ``path``."""

    def __init__(self, path: str, job: Any = None):
        self.path = path
        self._out = open_write(path)

    def write(self, items: Iterable[bytes]) -> None:
        self._out.writelines(items)

    def close(self) -> None:
        self._out.close()


def merge(parts: list[str], path: str) -> None:
    """Concatenate finished part files into ``path``."""
    with open(path, "wb") as out:
        for part in parts:
            if os.path.getsize(part):
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)


def whole_file(path: str, fmt: str) -> list:
    from ..job import Piece

    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0  # remote input: size unknown until read
    return [Piece(path, fmt, None, size)]
