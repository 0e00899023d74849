"""Reading and writing text without losing a byte, in bounded memory.

Input is decoded as UTF-8 with ``surrogateescape`` so invalid bytes survive a round trip, and a
leading byte-order mark is kept as text (the hidden-character detector decides about it). Long
inputs are cut into chunks at line ends so that ``clean`` streams.
"""

from __future__ import annotations

import sys
from typing import BinaryIO, Iterator

ENCODING = "utf-8"
ERRORS = "surrogateescape"
#: a chunk ends at the first line end after this many bytes; context never needs more
CHUNK_BYTES = 1 << 20


def decode(data: bytes) -> str:
    return data.decode(ENCODING, ERRORS)


def encode(text: str) -> bytes:
    return text.encode(ENCODING, ERRORS)


def iter_chunks(stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """Yield the decoded stream in pieces that end at a line end (or the stream's end).

    >>> import io
    >>> list(iter_chunks(io.BytesIO(b"a\\nb\\nc"), chunk_bytes=1))
    ['a\\n', 'b\\n', 'c']
    """
    buf: list[bytes] = []
    size = 0
    for line in stream:
        buf.append(line)
        size += len(line)
        if size >= chunk_bytes:
            yield decode(b"".join(buf))
            buf, size = [], 0
    if buf:
        yield decode(b"".join(buf))


def open_binary(path: str) -> BinaryIO:
    """``-`` is standard input; anything else a file opened for reading bytes."""
    if path == "-":
        return sys.stdin.buffer
    return open(path, "rb")
