"""Parquet through pyarrow (the ``batch`` extra), streamed one row group at a time.

Each row group is its own resumable piece. Records keep their columns; written output adds
``verdict``, ``scores`` (a struct), ``keywords`` (a list) and ``findings`` as a JSON string
(finding details differ by kind, which a fixed column type cannot hold).

>>> format_findings({"findings": [{"kind": "bidi"}]})["findings"]
'[{"kind": "bidi"}]'
"""

from __future__ import annotations

import json
import os
from typing import Any, Iterable, Iterator

from .. import require
from ..job import Job, Piece
from .jsonl import jsonable

#: rows per written row group: large enough for column compression, small enough to stream
ROWS_PER_GROUP = 10_000
#: rows handed out per read batch
READ_BATCH = 1024


def _pq() -> Any:
    require("pyarrow", "batch")
    import pyarrow.parquet as pq

    return pq


def pieces(path: str, fmt: str = "parquet") -> list[Piece]:
    pq = _pq()
    meta = pq.ParquetFile(path).metadata
    return [
        Piece(path, fmt, i, _compressed_size(meta.row_group(i))) for i in range(meta.num_row_groups)
    ]


def _compressed_size(group: Any) -> int:
    return sum(group.column(c).total_compressed_size for c in range(group.num_columns))


def read(piece: Piece, job: Job) -> Iterator[tuple[str, dict[str, Any]]]:
    pq = _pq()
    with pq.ParquetFile(piece.path) as pf:
        row = 0
        for batch in pf.iter_batches(batch_size=READ_BATCH, row_groups=[piece.index]):
            for rec in batch.to_pylist():
                yield f"{piece.path}#{piece.index}:{row}", rec
                row += 1


def parse(source: str, raw: dict[str, Any], job: Job) -> dict[str, Any]:
    return raw


def format_findings(record: dict[str, Any]) -> dict[str, Any]:
    if "findings" in record and not isinstance(record["findings"], str):
        record = dict(record)
        record["findings"] = json.dumps(record["findings"], ensure_ascii=False, default=jsonable)
    return record


def encode(record: dict[str, Any], job: Job, kind: str) -> dict[str, Any]:
    return format_findings(record)


class Writer:
    """Rows in, row groups out. A batch whose inferred schema does not fit the open file
    (a column first seen as all-null, a new field) starts a new sub-file; :func:`merge`
    unifies the schemas of all sub-files."""

    def __init__(self, path: str, job: Job | None = None):
        self.path = path
        self._rows: list[dict[str, Any]] = []
        self._writer: Any = None
        self._files: list[str] = []

    def write(self, items: Iterable[dict[str, Any]]) -> None:
        self._rows.extend(items)
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        table = _table(self._rows)
        self._rows = []
        if self._writer is not None and not table.schema.equals(self._writer.schema):
            fitted = _fit(table, self._writer.schema)
            if fitted is None:
                self._writer.close()
                self._writer = None
            else:
                table = fitted
        if self._writer is None:
            name = self.path if not self._files else f"{self.path}.{len(self._files)}"
            self._files.append(name)
            self._writer = _pq().ParquetWriter(name, table.schema)
        self._writer.write_table(table)

    def close(self) -> None:
        self._flush()
        if self._writer is not None:
            self._writer.close()
        if not self._files:  # an empty part still marks its unit as done
            open(self.path, "wb").close()


def _table(rows: list[dict[str, Any]]) -> Any:
    """A table from rows whose fields differ (an error record has ``error``, not ``verdict``):
    every field any row has, in first-seen order; missing values are null."""
    import pyarrow as pa

    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    columns = {}
    for name in names:
        values = [row.get(name) for row in rows]
        try:
            columns[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            # values of mixed types (JSON input allows it): kept, as text
            columns[name] = pa.array([v if v is None or isinstance(v, str)
                                      else json.dumps(v, ensure_ascii=False, default=jsonable) for v in values])
    return pa.table(columns)


def _fit(table: Any, schema: Any) -> Any:
    """``table`` with ``schema``'s columns and types, or ``None`` when it does not fit."""
    import pyarrow as pa

    if not set(table.schema.names) <= set(schema.names):
        return None
    try:
        columns = [
            table.column(f.name).cast(f.type) if f.name in table.schema.names
            else pa.nulls(table.num_rows, f.type)
            for f in schema
        ]
        return pa.Table.from_arrays(columns, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None


def _files_of(part: str) -> list[str]:
    out = [part] if os.path.getsize(part) else []
    n = 1
    while os.path.exists(f"{part}.{n}"):
        out.append(f"{part}.{n}")
        n += 1
    return out


def merge(parts: list[str], path: str) -> None:
    """One Parquet file from the part files, their schemas unified (null columns take the type
    other parts give them, missing columns become null)."""
    import pyarrow as pa

    pq = _pq()
    files = [f for part in parts for f in _files_of(part)]
    schemas = [pq.read_schema(f) for f in files]
    schema = pa.unify_schemas(schemas, promote_options="permissive") if schemas else pa.schema([])
    with pq.ParquetWriter(path, schema) as writer:
        for f in files:
            with pq.ParquetFile(f) as pf:
                for i in range(pf.metadata.num_row_groups):
                    table = _fit(pf.read_row_group(i), schema)
                    if table is None:
                        raise ValueError(f"cannot join {f} into one Parquet schema")
                    writer.write_table(table)
