"""Plain text: one document per file, or one per line with ``--lines``.

A text record is ``{id: "path" or "path:line", text: ...}`` (field names from ``--id-field``,
default ``id``, and ``--text-field``). Text output writes each record's cleaned text, ending
with a newline, so ``--lines`` input gives line-aligned output.

>>> from unspoof.batch.job import Job
>>> parse("a.txt:2", b"caf\\xc3\\xa9\\r\\n", Job("txt", lines=True))
{'id': 'a.txt:2', 'text': 'café'}
>>> encode({"text": "x"}, Job("txt"), "out")
b'x\\n'
"""

from __future__ import annotations

from typing import Any, Iterator

from ..job import Job, Piece
from ..records import RecordError
from .lines import Writer, merge, whole_file
from .streams import open_read

__all__ = ["Writer", "encode", "merge", "parse", "pieces", "read"]


def pieces(path: str, fmt: str = "txt") -> list[Piece]:
    return whole_file(path, fmt)


def read(piece: Piece, job: Job) -> Iterator[tuple[str, bytes]]:
    with open_read(piece.path) as stream:
        if job.lines:
            for n, line in enumerate(stream, 1):
                yield f"{piece.path}:{n}", line
        else:
            yield piece.path, stream.read()  # one document: as large as the document itself


def parse(source: str, raw: bytes, job: Job) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"invalid UTF-8 at byte {exc.start}") from None
    if job.lines:
        text = text.rstrip("\n")
        if text.endswith("\r"):
            text = text[:-1]
    return {job.spec.id_field or "id": source, job.spec.text_field: text}


def encode(record: dict[str, Any], job: Job, kind: str) -> bytes:
    text = record.get(job.spec.target)
    if not isinstance(text, str):
        text = ""  # an error record keeps its line, empty, so the output stays aligned
    data = text.encode("utf-8", "surrogateescape")
    return data if data.endswith(b"\n") else data + b"\n"
