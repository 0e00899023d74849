"""The local engine: a process pool over chunks of records, output in input order.

The main process reads raw items (cheap: bytes of a line, a Parquet row) and writes results;
workers parse, scan, select and encode. At most a few chunks per worker are in flight, so memory
stays bounded however large the input.

>>> from unspoof.batch.job import Job, Piece
>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "a.jsonl")
>>> _ = open(path, "w").write('{"text": "a"}\\n{"text": "b"}\\n')
>>> [(u, r is None) for u, r in execute(Job("jsonl"), [(0, [Piece(path, "jsonl", None, 0)])], workers=1)]
[(0, False), (0, True)]
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from typing import Any, Iterator

from .. import formats
from ..job import Job, Piece
from ..work import ChunkResult, process_chunk

#: a chunk closes at this many items or bytes, whichever comes first: big enough that pickling
#: and scheduling cost little per document, small enough to keep every worker busy
CHUNK_ITEMS = 256
CHUNK_BYTES = 2 << 20

Unit = tuple[int, list[Piece]]

_job: Job | None = None


def _init(job: Job) -> None:
    global _job
    _job = job


def _work(fmt: str, items: list[tuple[str, Any]]) -> ChunkResult:
    assert _job is not None
    return process_chunk(_job, fmt, items)


def _raw_size(raw: Any) -> int:
    if isinstance(raw, (bytes, bytearray)):
        return len(raw)
    if isinstance(raw, dict):
        return sum(len(v) for v in raw.values() if isinstance(v, (str, bytes)))
    return 0


def chunks(job: Job, units: list[Unit], chunk_items: int = CHUNK_ITEMS,
           chunk_bytes: int = CHUNK_BYTES) -> Iterator[tuple[int, str | None, list | None]]:
    """``(unit, format, items)`` per chunk, then ``(unit, None, None)`` at each unit's end."""
    for unit, pieces in units:
        for piece in pieces:
            reader = formats.module(piece.format)
            items: list[tuple[str, Any]] = []
            size = 0
            for item in reader.read(piece, job):
                items.append(item)
                size += _raw_size(item[1])
                if len(items) >= chunk_items or size >= chunk_bytes:
                    yield unit, piece.format, items
                    items, size = [], 0
            if items:
                yield unit, piece.format, items
        yield unit, None, None


def preload() -> None:
    """Load unspoof's character tables and word lists in this process before the pool forks:
    loaded once and shared copy-on-write, instead of once per worker (seconds each)."""
    from ...pipeline import scan

    from ... import words

    scan("Ƭhе wаrm-up")  # the first scan loads the character tables
    words.preload()


def default_workers() -> int:
    return os.cpu_count() or 1


def execute(job: Job, units: list[Unit], workers: int | None = None,
            chunk_items: int = CHUNK_ITEMS, **_: Any) -> Iterator[tuple[int, ChunkResult | None]]:
    """Run ``units`` on ``workers`` processes (all cores by default; 1 runs in this process)."""
    workers = workers or default_workers()
    tasks = chunks(job, units, chunk_items)
    if workers <= 1:
        for unit, fmt, items in tasks:
            yield unit, (process_chunk(job, fmt, items) if fmt is not None else None)
        return
    in_flight = workers * 3
    forking = multiprocessing.get_start_method() == "fork"
    if forking:
        preload()
        # the tables are long-lived: frozen, the workers' garbage collector never walks them,
        # so their pages stay shared instead of being copied into every worker
        gc.collect()
        gc.freeze()
    try:
        pool = multiprocessing.get_context().Pool(workers, initializer=_init, initargs=(job,))
    finally:
        if forking:
            gc.unfreeze()
    with pool:
        pending: deque = deque()
        for unit, fmt, items in tasks:
            pending.append((unit, pool.apply_async(_work, (fmt, items)) if fmt is not None else None))
            while len(pending) > in_flight:
                u, res = pending.popleft()
                yield u, res.get() if res is not None else None
        while pending:
            u, res = pending.popleft()
            yield u, res.get() if res is not None else None
