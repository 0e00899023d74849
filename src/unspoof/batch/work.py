"""One chunk of raw input items in, encoded output and rejected records out.

This is the whole per-record job, the same for every engine: parse (format), build the record
(:mod:`.records`), select, encode for the writer. Engines only decide where chunks run.

>>> from unspoof.batch.job import Job
>>> r = process_chunk(Job("jsonl"), "jsonl", [("a:1", b'{"text": "hi"}'), ("a:2", b"{bad")])
>>> [line[:30] for line in r.out]
[b'{"text": "hi", "verdict": "cle', b'{"error": "invalid JSON: Expec']
>>> r.stats.documents, r.stats.errors
(2, 1)
"""

from __future__ import annotations

from typing import Any, NamedTuple

from . import formats
from .job import Job
from .records import RecordError, build, error_record
from .stats import Stats


class ChunkResult(NamedTuple):
    #: what the output writer takes, in input order
    out: list[Any]
    #: what the rejected writer takes (empty when nothing is written aside)
    rejected: list[Any]
    stats: Stats


def _size(raw: Any, record: dict[str, Any], job: Job) -> int:
    if isinstance(raw, (bytes, bytearray)):
        return len(raw)
    text = record.get(job.spec.text_field)
    return len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else 0


def process_chunk(job: Job, fmt: str, items: list[tuple[str, Any]]) -> ChunkResult:
    """Process raw items of format ``fmt`` (as its reader yields them)."""
    reader = formats.module(fmt)
    writer = formats.module(job.out_format)
    rejected_writer = formats.module(job.rejected_format) if job.rejected_format else None
    stats = Stats()
    out: list[Any] = []
    rejected: list[Any] = []
    for source, raw in items:
        try:
            record = reader.parse(source, raw, job)
        except RecordError as exc:
            rec = error_record(str(exc), source, exc.record,
                               raw=raw if isinstance(raw, (bytes, bytearray)) else None)
            failed = True
        else:
            rec, failed = build(record, job.spec, source)
        stats.add_record(rec, _size(raw, rec, job), failed)
        reason = job.selection.reason(rec, failed)
        if reason is None:
            out.append(writer.encode(rec, job, "out"))
        else:
            stats.add_rejected(reason)
            if rejected_writer is not None:
                rejected.append(rejected_writer.encode({**rec, "reason": reason}, job, "rejected"))
    return ChunkResult(out, rejected, stats)
