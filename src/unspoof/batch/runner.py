"""A batch run from inputs to one output file: planning, part files, resume, merge, summary.

Inputs are cut into *units* (a Parquet row group, or consecutive small files of one format up to
``unit_bytes``). Each unit is written to its own part directory under ``OUT.unspoof-tmp/``,
renamed into place only when complete; ``resume`` skips the units already there. When every unit
is done, the parts are joined into a temporary file that is renamed to ``OUT``. Which engine
computes the chunks does not change a byte of the output.

>>> import tempfile, os, json
>>> d = tempfile.mkdtemp()
>>> _ = open(os.path.join(d, "in.jsonl"), "w").write('{"id": 1, "text": "hi"}\\n')
>>> result = run([os.path.join(d, "in.jsonl")], os.path.join(d, "out.jsonl"), workers=1, progress=False)
>>> json.loads(open(os.path.join(d, "out.jsonl")).read())["verdict"], result.stats.documents
('clean', 1)
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import time
from typing import Any, Callable, Iterable, NamedTuple

from . import formats, require
from .formats.streams import compression_of
from .job import Job, Piece
from .progress import Progress
from .stats import Stats, format_summary

#: small files are grouped into one unit up to this size: fewer part files, coarser resume
UNIT_BYTES = 4 << 20
UNIT_FILES = 1000
MANIFEST = "manifest.json"
SCHEMA = "unspoof.batch/1"


class Result(NamedTuple):
    """What a run did: totals over all units (including ones done before a resume), and this
    run's own documents, bytes and time."""

    stats: Stats
    seconds: float
    processed_documents: int
    processed_bytes: int
    resumed_units: int

    def summary(self) -> str:
        return format_summary(self.stats, self.seconds, self.processed_documents,
                              self.processed_bytes, self.resumed_units)


def suffix_for(path: str, fmt: str) -> str:
    """The file suffix of part files: format extension plus the output's compression.

    >>> suffix_for("out/clean.jsonl.zst", "jsonl"), suffix_for("x", "parquet")
    ('.jsonl.zst', '.parquet')
    """
    comp = compression_of(path)
    return f".{fmt}" + (f".{comp}" if comp else "")


def plan(files: list[str], in_format: str | None = None, unit_bytes: int = UNIT_BYTES) -> list[list[Piece]]:
    """Cut input files into units, in input order."""
    units: list[list[Piece]] = []
    group: list[Piece] = []
    size = 0
    for path in files:
        fmt = in_format or formats.format_of(path)
        if fmt is None:
            raise ValueError(f"cannot tell the format of {path} from its name; give --in-format")
        for piece in formats.module(fmt).pieces(path, fmt):
            if piece.index is not None:  # a row group is a unit of its own
                if group:
                    units.append(group)
                    group, size = [], 0
                units.append([piece])
                continue
            if group and (size + piece.size > unit_bytes or len(group) >= UNIT_FILES
                          or group[0].format != piece.format):
                units.append(group)
                group, size = [], 0
            group.append(piece)
            size += piece.size
    if group:
        units.append(group)
    return units


def _manifest(files: list[str], units: list[list[Piece]], job: Job, out_format: str) -> dict[str, Any]:
    def stamp(path: str) -> list[Any]:
        try:
            st = os.stat(path)
            return [path, st.st_size, st.st_mtime_ns]
        except OSError:
            return [path, None, None]

    return {
        "schema": SCHEMA,
        "inputs": [stamp(p) for p in files],
        "units": [[list(p) for p in u] for u in units],
        # round trip through JSON so a fresh manifest compares equal to one read back
        "job": json.loads(json.dumps(job)),
        "out_format": out_format,
    }


def _engine(name: str) -> Callable[..., Iterable[tuple[int, Any]]]:
    return importlib.import_module(f"{__package__}.engines.{name}").execute  # type: ignore[no-any-return]


def run(inputs: list[str], output: str, job: Job | None = None, *, in_format: str | None = None,
        rejected: str | None = None, engine: str = "local", workers: int | None = None,
        resume: bool = False, unit_bytes: int = UNIT_BYTES, progress: bool | Progress = True,
        log: Callable[[str], None] | None = None, **engine_settings: Any) -> Result:
    """Clean every record of ``inputs`` into ``output``; see the module docstring."""
    out_format = job.out_format if job else formats.format_of(output)
    if out_format is None:
        raise ValueError(f"cannot tell the output format of {output} from its name; give --out-format")
    if job is None:
        rej_format = formats.format_of(rejected) if rejected else None
        job = Job(out_format=out_format, rejected_format=rej_format)
    if rejected and not job.rejected_format:
        raise ValueError(f"cannot tell the format of {rejected} from its name")
    if engine == "spark":  # fail before any work, naming the extra
        require("pyspark", "spark")
        require("pyarrow", "spark")
    formats.check(out_format, output)
    if rejected and job.rejected_format:
        formats.check(job.rejected_format, rejected)
    files = formats.expand(inputs, in_format)
    if not files:
        raise ValueError("no input files found")
    for path in files:
        formats.check(in_format or formats.format_of(path) or "", path)
    out_abs = os.path.abspath(output)
    if any(os.path.abspath(f) == out_abs for f in files):
        raise ValueError(f"the output {output} is also an input")
    units = plan(files, in_format, unit_bytes)
    log = log or (lambda msg: None)

    work = output + ".unspoof-tmp"
    manifest = _manifest(files, units, job, out_format)
    if os.path.isdir(work) and resume:
        with open(os.path.join(work, MANIFEST), encoding="utf-8") as f:
            if json.load(f) != manifest:
                raise ValueError(f"{work} belongs to a run with other inputs or settings; "
                                 "remove it, or run without --resume")
    else:
        if os.path.isdir(work):
            log(f"removing the parts of an earlier interrupted run in {work} (--resume continues one)")
            shutil.rmtree(work)
        if resume and os.path.exists(output):
            log(f"{output} is complete; nothing to resume")
            return Result(Stats(), 0.0, 0, 0, len(units))
        os.makedirs(work)
        tmp = os.path.join(work, MANIFEST + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(manifest, f)
        os.replace(tmp, os.path.join(work, MANIFEST))

    sfx = suffix_for(output, out_format)
    rsfx = suffix_for(rejected, job.rejected_format) if rejected and job.rejected_format else None

    def unit_dir(i: int) -> str:
        return os.path.join(work, f"unit-{i:06d}")

    for name in os.listdir(work):  # units a killed run had begun: redone from the start
        if name.startswith("tmp-"):
            shutil.rmtree(os.path.join(work, name))
    todo = [(i, u) for i, u in enumerate(units) if not os.path.isdir(unit_dir(i))]
    resumed = len(units) - len(todo)
    if isinstance(progress, Progress):
        bar = progress
        bar.total_units = len(units)
    else:
        bar = Progress(len(units), enabled=bool(progress))
    bar.update(units_done=resumed)

    start = time.monotonic()
    processed = Stats()
    current: int | None = None
    writers: tuple[Any, Any] | None = None
    unit_stats = Stats()
    execute = _engine(engine)
    for unit, chunk in execute(job, todo, workers=workers, **engine_settings):
        if unit != current:
            current, unit_stats = unit, Stats()
            tmp_dir = os.path.join(work, f"tmp-{unit:06d}")
            os.makedirs(tmp_dir)
            writers = (
                formats.module(out_format).Writer(os.path.join(tmp_dir, "out" + sfx), job),
                formats.module(job.rejected_format).Writer(os.path.join(tmp_dir, "rejected" + rsfx), job)
                if rsfx and job.rejected_format else None,
            )
        assert writers is not None
        if chunk is not None:
            writers[0].write(chunk.out)
            if writers[1] is not None:
                writers[1].write(chunk.rejected)
            unit_stats.merge(chunk.stats)
            processed.merge(chunk.stats)
            bar.update(documents=chunk.stats.documents, nbytes=chunk.stats.bytes)
            continue
        for w in writers:
            if w is not None:
                w.close()
        tmp_dir = os.path.join(work, f"tmp-{unit:06d}")
        with open(os.path.join(tmp_dir, "stats.json"), "w", encoding="utf-8") as f:
            json.dump(unit_stats.to_dict(), f)
        os.replace(tmp_dir, unit_dir(unit))  # the unit is done exactly when its directory exists
        current, writers = None, None
        bar.update(units_done=1)
    bar.close()
    seconds = time.monotonic() - start

    missing = [i for i in range(len(units)) if not os.path.isdir(unit_dir(i))]
    if missing:
        raise RuntimeError(f"the engine left {len(missing)} unit(s) unfinished, e.g. unit {missing[0]}")
    total = Stats()
    for i in range(len(units)):
        with open(os.path.join(unit_dir(i), "stats.json"), encoding="utf-8") as f:
            total.merge(Stats.from_dict(json.load(f)))
    _finish(work, out_format, [os.path.join(unit_dir(i), "out" + sfx) for i in range(len(units))], output, sfx)
    if rsfx and rejected and job.rejected_format:
        _finish(work, job.rejected_format,
                [os.path.join(unit_dir(i), "rejected" + rsfx) for i in range(len(units))], rejected, rsfx)
    shutil.rmtree(work)
    return Result(total, seconds, processed.documents, processed.bytes, resumed)


def _finish(work: str, fmt: str, parts: list[str], path: str, sfx: str) -> None:
    """Join the parts into a temporary file beside them, then rename it to ``path``."""
    tmp = os.path.join(work, "final" + sfx)
    formats.module(fmt).merge(parts, tmp)
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    try:
        os.replace(tmp, path)
    except OSError:  # another file system: copy beside the target, then rename there
        beside = path + ".unspoof-final"
        shutil.copyfile(tmp, beside)
        os.replace(beside, path)
