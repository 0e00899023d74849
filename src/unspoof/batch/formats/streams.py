"""Opening inputs and outputs as byte streams, compressed or not, local or remote.

Compression follows the file name: ``.gz`` (gzip), ``.zst`` (Zstandard, needs the ``batch``
extra), anything else plain. Outputs are written one compressed member (gzip) or frame
(Zstandard) per part file, so part files concatenate byte for byte into one valid file.

>>> compression_of("crawl/part-1.jsonl.zst")
'zst'
>>> compression_of("a.parquet") is None
True
"""

from __future__ import annotations

import gzip
import io
from typing import BinaryIO

from .. import require


def compression_of(path: str) -> str | None:
    low = path.lower()
    if low.endswith(".gz"):
        return "gz"
    if low.endswith(".zst") or low.endswith(".zstd"):
        return "zst"
    return None


def _open_raw(path: str) -> BinaryIO:
    """A local path, ``file://`` URL, or any URL fsspec knows (s3://, https://, ...)."""
    if "://" in path and not path.startswith("file://"):
        fsspec = require("fsspec", "batch")
        return fsspec.open(path, "rb").open()
    if path.startswith("file://"):
        path = path[len("file://"):]
    return open(path, "rb")


def open_read(path: str, decompress: bool = True) -> BinaryIO:
    """A buffered byte stream over the (decompressed) content of ``path``."""
    raw = _open_raw(path)
    kind = compression_of(path) if decompress else None
    if kind == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if kind == "zst":
        zstd = require("zstandard", "batch")
        # web dumps are often several frames back to back; read across them
        reader = zstd.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        return io.BufferedReader(reader, buffer_size=1 << 16)  # type: ignore[return-value]
    return raw


class _GzipOut(gzip.GzipFile):
    """gzip with no file name or time in the header: the same records give the same bytes,
    so reruns, resumes and engines compare equal."""

    def __init__(self, path: str):
        self._raw = open(path, "wb")
        super().__init__(filename="", mode="wb", compresslevel=6, fileobj=self._raw, mtime=0)

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._raw.close()


def open_write(path: str) -> BinaryIO:
    """A byte stream that compresses into ``path`` according to its name."""
    kind = compression_of(path)
    if kind == "gz":
        # mtime=0: the same records give the same bytes, so reruns and resumes compare equal
        return _GzipOut(path)  # type: ignore[return-value]
    if kind == "zst":
        zstd = require("zstandard", "batch")
        return zstd.ZstdCompressor(level=3).stream_writer(open(path, "wb"), closefd=True)  # type: ignore[return-value]
    return open(path, "wb")
