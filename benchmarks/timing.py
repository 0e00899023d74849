"""Shared by the benchmark scripts (run as ``python benchmarks/NAME.py``, so importable by name)."""

from __future__ import annotations

import time
from typing import Callable


def best_of(fn: Callable[[str], object], data: str, runs: int = 3) -> float:
    """The fastest of ``runs`` calls of ``fn(data)``, in seconds: the least disturbed by other work."""
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - t)
    return best


def repeat_to(text: str, mb: float) -> str:
    """``text`` repeated to about ``mb`` megabytes of UTF-8."""
    return text * max(1, int(mb * 1e6 / len(text.encode("utf-8"))))
