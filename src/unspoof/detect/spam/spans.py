"""Sets of text spans with fast membership: the parts of a document a spam step must skip.

>>> s = Spans([(10, 20), (15, 30), (40, 50)])
>>> [p in s for p in (9, 10, 29, 30, 45)]
[False, True, True, False, True]
"""

from __future__ import annotations

import bisect
from typing import Iterable


class Spans:
    """Half-open ``(start, end)`` spans, merged where they overlap; ``pos in spans`` in log time."""

    __slots__ = ("starts", "ends")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def __bool__(self) -> bool:
        return bool(self.starts)
