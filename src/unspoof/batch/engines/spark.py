"""PySpark: the batch engine for ``unspoof batch --engine spark``, and entry points for users'
own Spark jobs (the ``spark`` extra).

- :func:`execute`: the engine. Units of input (a Parquet row group, a few files) become rows of
  a DataFrame; ``mapInArrow`` reads and processes each unit on the executors with the same code
  as the local engine (:func:`unspoof.batch.work.process_chunk`), and the driver writes the
  results through the same part files. Hence identical records from both engines.
- :func:`scan_dataframe`: clean a text column of any DataFrame, adding verdict, scores and
  keywords columns.
- :func:`scan_wet`: read Common Crawl WET files (local paths or any URL fsspec opens, e.g.
  ``s3://commoncrawl/...`` with s3fs installed), one task per file like cc-pyspark jobs, and
  return one cleaned row per page.

Example (not run here: it starts a JVM)::

    from unspoof.batch.engines.spark import session, scan_dataframe
    spark = session("local[2]")
    df = spark.createDataFrame([("a", "Ƭhе tеxt")], "id string, text string")
    scan_dataframe(df, "text").select("text", "verdict").show()
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from typing import Any, Iterable, Iterator

from ... import Options
from .. import require
from ..job import Job, Piece
from ..records import RecordSpec, annotate, error_record
from ..work import ChunkResult, process_chunk
from .local import chunks

#: units per Spark job: the driver holds one wave's results while it writes them in order
WAVE_PER_CORE = 4
MAX_WAVE = 128


def session(master: str | None = None, app_name: str = "unspoof") -> Any:
    """A SparkSession: ``master`` if given, else whatever the Spark configuration says (as under
    ``spark-submit``), else ``local[*]``. Executors run this same Python unless
    ``PYSPARK_PYTHON`` says otherwise."""
    require("pyspark", "spark")
    require("pyarrow", "spark")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    if (master or "local").startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        # one machine: no web UI, few shuffle partitions, and a quiet log
        builder = (builder.config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "4"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


_CHUNK_SCHEMA = "unit int, seq int, last boolean, payload binary"


def _process_units(job: Job):
    """The executor side: read and process whole units, one Arrow row per chunk."""

    def run(batches: Iterable[Any]) -> Iterator[Any]:
        import pyarrow as pa

        for batch in batches:
            units = batch.column("unit").to_pylist()
            specs = batch.column("pieces").to_pylist()
            for unit, spec in zip(units, specs):
                pieces = [Piece(*p) for p in json.loads(spec)]
                for seq, (_, fmt, items) in enumerate(chunks(job, [(unit, pieces)])):
                    last = fmt is None
                    payload = b"" if last else pickle.dumps(process_chunk(job, fmt, items), protocol=5)
                    yield pa.RecordBatch.from_pydict(
                        {"unit": [unit], "seq": [seq], "last": [last], "payload": [payload]},
                        schema=pa.schema([("unit", pa.int32()), ("seq", pa.int32()),
                                          ("last", pa.bool_()), ("payload", pa.binary())]),
                    )

    return run


def execute(job: Job, units: list[tuple[int, list[Piece]]], workers: int | None = None,
            master: str | None = None, spark: Any = None, **_: Any) -> Iterator[tuple[int, ChunkResult | None]]:
    """Run ``units`` on Spark, yielding chunks in input order (see :mod:`.engines`)."""
    if not units:
        return
    spark = spark or session(master)
    cores = spark.sparkContext.defaultParallelism
    wave = max(1, min(MAX_WAVE, cores * WAVE_PER_CORE))
    fn = _process_units(job)
    for start in range(0, len(units), wave):
        rows = [(i, json.dumps([list(p) for p in pieces])) for i, pieces in units[start:start + wave]]
        rdd = spark.sparkContext.parallelize(rows, len(rows))
        df = spark.createDataFrame(rdd, "unit int, pieces string")
        got = df.mapInArrow(fn, _CHUNK_SCHEMA).collect()
        for row in sorted(got, key=lambda r: (r["unit"], r["seq"])):
            yield row["unit"], None if row["last"] else pickle.loads(row["payload"])


def _added_fields(spec: RecordSpec) -> list[tuple[str, str]]:
    fields = []
    if spec.output_field:
        fields.append((spec.output_field, "string"))
    fields += [("verdict", "string"), ("scores", "map<string,double>"), ("keywords", "array<string>")]
    if spec.findings:
        fields.append(("findings", "string"))
    fields.append(("error", "string"))
    return fields


def _annotate_rows(texts: list[Any], spec: RecordSpec) -> dict[str, list[Any]]:
    """Column values for a batch of texts: cleaned text, verdict, scores, keywords[, findings], error."""
    from ...pipeline import scan

    cols: dict[str, list[Any]] = {name: [] for name, _ in _added_fields(spec)}
    cols.setdefault(spec.target, [])
    for text in texts:
        if not isinstance(text, str):
            err = error_record(f"field {spec.text_field!r} is {'null' if text is None else type(text).__name__}, not text")
            row: dict[str, Any] = {spec.target: text, "error": err["error"]}
        else:
            try:
                row = annotate(scan(text, spec.options), spec)
            except Exception as exc:  # counted as an error row rather than failing the job
                row = {spec.target: text, "error": f"scan failed: {type(exc).__name__}: {exc}"}
            if "findings" in row:
                row["findings"] = json.dumps(row["findings"], ensure_ascii=False)
            if "scores" in row:
                row["scores"] = [(k, float(v)) for k, v in row["scores"].items()]
        for name in cols:
            cols[name].append(row.get(name))
    return cols


def scan_dataframe(df: Any, text_field: str = "text", *, output_field: str | None = None,
                   findings: bool = False, options: Options | None = None) -> Any:
    """``df`` with ``text_field`` cleaned (or the cleaned text in ``output_field``) and columns
    ``verdict``, ``scores`` (map of counters), ``keywords``, ``findings`` (JSON, when asked) and
    ``error`` (a non-text value), computed with Arrow batches (``mapInArrow``)."""
    from pyspark.sql.types import StructType, _parse_datatype_string

    spec = RecordSpec(text_field, None, output_field, findings, options or Options())
    schema = StructType(list(df.schema.fields))
    for name, typ in _added_fields(spec):
        if name in schema.fieldNames():
            raise ValueError(f"the DataFrame already has a column {name!r}")
        schema = schema.add(name, _parse_datatype_string(typ))

    def run(batches: Iterable[Any]) -> Iterator[Any]:
        import pyarrow as pa

        added = dict(_added_fields(spec))
        for batch in batches:
            cols = _annotate_rows(batch.column(text_field).to_pylist(), spec)
            arrays, names = [], []
            for field, column in zip(batch.schema, batch.columns):
                names.append(field.name)
                arrays.append(pa.array(cols[field.name], type=field.type) if field.name == spec.target else column)
            for name in added:
                names.append(name)
                arrays.append(pa.array(cols[name], type=_arrow_type(added[name])))
            yield pa.RecordBatch.from_arrays(arrays, names=names)

    return df.mapInArrow(run, schema)


def _arrow_type(name: str) -> Any:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "map<string,double>": pa.map_(pa.string(), pa.float64()),
        "array<string>": pa.list_(pa.string()),
    }[name]


def scan_wet(spark: Any, paths: Iterable[str] | str, *, findings: bool = False,
             options: Options | None = None, partitions: int | None = None) -> Any:
    """One row per WET page: ``path, id, url, date, text`` (cleaned), verdict, scores, keywords
    [, findings], error. ``paths`` is a list of paths/URLs or the name of a listing file with one
    per line (like Common Crawl's ``wet.paths``; relative entries are left to the caller)."""
    from .. import formats

    if isinstance(paths, str):
        with formats.streams.open_read(paths) as f:
            paths = [line.decode("utf-8").strip() for line in f if line.strip()]
    paths = list(paths)
    spec = RecordSpec("text", None, None, findings, options or Options())
    fields = [("path", "string"), ("id", "string"), ("url", "string"), ("date", "string"), ("text", "string")]
    fields += [(n, t) for n, t in _added_fields(spec)]
    schema = ", ".join(f"`{n}` {t}" for n, t in fields)

    def run(batches: Iterable[Any]) -> Iterator[Any]:
        import pyarrow as pa

        from ..formats.streams import open_read
        from ..formats.warc import iter_conversions

        names = [n for n, _ in fields]
        types = [pa.string()] * 5 + [_arrow_type(t) for _, t in fields[5:]]
        for batch in batches:
            for path in batch.column("path").to_pylist():
                with open_read(path, decompress=False) as stream:
                    page: list[dict[str, Any]] = []
                    for rec in iter_conversions(stream):
                        page.append(rec)
                        if len(page) >= 256:
                            yield _wet_batch(path, page, spec, names, types)
                            page = []
                    if page:
                        yield _wet_batch(path, page, spec, names, types)

    df = spark.createDataFrame([(p,) for p in paths], "path string")
    df = df.repartition(partitions or max(1, len(paths)))
    return df.mapInArrow(run, schema)


def _wet_batch(path: str, page: list[dict[str, Any]], spec: RecordSpec, names: list[str], types: list[Any]) -> Any:
    import pyarrow as pa

    texts: list[Any] = []
    errors: list[str | None] = []
    for rec in page:
        try:
            texts.append(rec["body"].decode("utf-8"))
            errors.append(None)
        except UnicodeDecodeError as exc:
            texts.append(None)
            errors.append(f"invalid UTF-8 at byte {exc.start}")
    cols = _annotate_rows(texts, spec)
    cols["error"] = [e or c for e, c in zip(errors, cols["error"])]
    cols["path"] = [path] * len(page)
    for key in ("id", "url", "date"):
        cols[key] = [rec[key] for rec in page]
    return pa.RecordBatch.from_arrays([pa.array(cols[n], type=t) for n, t in zip(names, types)], names=names)
