"""JSON Lines, plain or ``.gz``/``.zst``: one JSON object per line.

Reading hands raw lines to the workers, which parse them, so a bad line becomes one error record
with its line number: invalid UTF-8, invalid JSON, or a value that is not an object.

>>> from unspoof.batch.job import Job
>>> parse("a.jsonl:1", b'{"text": "hi"}\\n', Job("jsonl"))
{'text': 'hi'}
>>> encode({"text": "é"}, Job("jsonl"), "out")
b'{"text": "\\xc3\\xa9"}\\n'
"""

from __future__ import annotations

import base64
import datetime
import decimal
import json
from typing import Any, Iterator

from ..job import Job, Piece
from ..records import RecordError
from .lines import Writer, merge, whole_file
from .streams import open_read

__all__ = ["Writer", "encode", "merge", "parse", "pieces", "read"]


def pieces(path: str, fmt: str = "jsonl") -> list[Piece]:
    return whole_file(path, fmt)


def read(piece: Piece, job: Job) -> Iterator[tuple[str, bytes]]:
    with open_read(piece.path) as stream:
        for n, line in enumerate(stream, 1):
            if line.strip():  # blank lines separate nothing and hold no record
                yield f"{piece.path}:{n}", line


def parse(source: str, raw: bytes, job: Job) -> dict[str, Any]:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"invalid UTF-8 at byte {exc.start}") from None
    try:
        value = json.loads(line)
    except ValueError as exc:
        raise RecordError(f"invalid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise RecordError(f"expected a JSON object, found {type(value).__name__}")
    return value


def jsonable(value: Any) -> Any:
    """Values Parquet or WARC inputs carry that JSON has no type for."""
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def encode(record: dict[str, Any], job: Job, kind: str) -> bytes:
    try:
        line = json.dumps(record, ensure_ascii=False, default=jsonable)
        return line.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        # a lone surrogate (from a "\\ud800" escape in the input) has no UTF-8 form: keep it escaped
        return json.dumps(record, ensure_ascii=True, default=jsonable).encode("ascii") + b"\n"
