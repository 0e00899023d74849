"""Readers and writers, one module per format, all with the same small interface.

A format module provides:

- ``pieces(path, format) -> list[Piece]``: the resumable units of one input file;
- ``read(piece, job) -> Iterator[(source, raw)]``: cheap raw items, read in the main process;
- ``parse(source, raw, job) -> dict``: the input record (in a worker; raises ``RecordError``);
- ``encode(record, job, kind) -> bytes | dict``: what the writer takes (in a worker);
- ``Writer(path, job)``: ``write(items)``, ``close()``;
- ``merge(parts, path)``: join finished part files into the final output.

>>> format_of("crawl/CC-MAIN-1.warc.wet.gz")
'warc'
>>> format_of("docs.jsonl.zst"), format_of("x.parquet"), format_of("a.txt")
('jsonl', 'parquet', 'txt')
"""

from __future__ import annotations

import glob
import importlib
import os
from types import ModuleType

FORMATS = ("txt", "jsonl", "parquet", "warc")

_SUFFIXES = {
    ".txt": "txt", ".text": "txt",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".parquet": "parquet", ".pq": "parquet",
    ".warc": "warc", ".wet": "warc", ".arc": "warc",
}


def format_of(path: str) -> str | None:
    """The format a file name implies (compression suffixes are looked through), or ``None``."""
    name = os.path.basename(path.rstrip("/")).lower()
    for comp in (".gz", ".zst", ".zstd"):
        if name.endswith(comp):
            name = name[: -len(comp)]
            break
    return _SUFFIXES.get(os.path.splitext(name)[1])


#: what each format needs beyond the core install: (module, extra)
NEEDS = {"parquet": ("pyarrow", "batch"), "warc": ("warcio", "batch")}


def check(fmt: str, path: str | None = None) -> None:
    """Fail early, naming the extra, when a format or compression cannot be used here."""
    from .. import require
    from .streams import compression_of

    if fmt in NEEDS:
        require(*NEEDS[fmt])
    if path and compression_of(path) == "zst":
        require("zstandard", "batch")


def module(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    return importlib.import_module(f"{__name__}.{fmt}")


def expand(specs: list[str], fmt: str | None = None) -> list[str]:
    """Input files from paths, directories (recursively) and globs, in a stable order.

    Inside a directory only files of a known format (or of ``fmt``) count; hidden files never.
    """
    out: list[str] = []
    for spec in specs:
        if "://" in spec:
            out.append(spec)
            continue
        matches = sorted(glob.glob(spec, recursive=True)) if glob.has_magic(spec) else [spec]
        if not matches:
            raise FileNotFoundError(f"no input matches {spec}")
        for path in matches:
            if os.path.isdir(path):
                for root, dirs, files in os.walk(path):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in sorted(files):
                        if name.startswith("."):
                            continue
                        full = os.path.join(root, name)
                        if fmt or format_of(full):
                            out.append(full)
            elif os.path.exists(path):
                out.append(path)
            else:
                raise FileNotFoundError(f"no such input: {path}")
    return out
