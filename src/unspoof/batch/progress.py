"""Progress on standard error: a bar redrawn in place on a terminal, plain log lines otherwise.

>>> import io
>>> p = Progress(total_units=4, stream=io.StringIO(), interval=0)
>>> p.update(documents=10, nbytes=2_000_000, units_done=1)
>>> "10 documents" in p.stream.getvalue()
True
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def rate(count: float, seconds: float) -> float:
    return count / seconds if seconds > 0 else 0.0


class Progress:
    """Counts documents, bytes and finished units; says how fast, and how far along."""

    def __init__(self, total_units: int, stream: TextIO | None = None, interval: float | None = None,
                 enabled: bool = True):
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        # a terminal redraws often; a log gets a line now and then
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self.enabled = enabled
        self.total_units = total_units
        self.start = time.monotonic()
        # a terminal shows the bar at once; a log's first line comes after one interval
        self._last = float("-inf") if self.tty else self.start
        self.documents = 0
        self.bytes = 0
        self.units_done = 0

    def update(self, documents: int = 0, nbytes: int = 0, units_done: int = 0) -> None:
        self.documents += documents
        self.bytes += nbytes
        self.units_done += units_done
        now = time.monotonic()
        if self.enabled and now - self._last >= self.interval:
            self._last = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = (now or time.monotonic()) - self.start
        pct = 100.0 * self.units_done / self.total_units if self.total_units else 100.0
        return (
            f"{self.documents:,} documents, {rate(self.documents, elapsed):,.0f} docs/s, "
            f"{rate(self.bytes, elapsed) / 1e6:,.2f} MB/s, {self.units_done}/{self.total_units} parts "
            f"({pct:.0f}%), {elapsed:,.0f}s"
        )

    def _draw(self, now: float) -> None:
        if self.tty:
            width = 24
            filled = int(width * self.units_done / self.total_units) if self.total_units else width
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.line(now)}\x1b[K")
        else:
            self.stream.write(f"unspoof batch: {self.line(now)}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.tty:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()
