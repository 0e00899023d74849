"""One batch job's settings, as a picklable value that workers and Spark tasks receive.

>>> Job(out_format="jsonl").spec.text_field
'text'
"""

from __future__ import annotations

from typing import NamedTuple

from .records import RecordSpec, Selection


class Piece(NamedTuple):
    """The smallest unit of input a run resumes at: a whole file, or one Parquet row group."""

    path: str
    format: str
    #: row group for Parquet, ``None`` for a whole file
    index: int | None
    #: bytes on disk (compressed), for progress and for grouping small files into one unit
    size: int


class Job(NamedTuple):
    out_format: str
    #: output format of ``--rejected`` (``None``: rejected records are only counted)
    rejected_format: str | None = None
    #: text input: one document per line instead of per file
    lines: bool = False
    spec: RecordSpec = RecordSpec()
    selection: Selection = Selection()
