"""WARC and WET files through warcio (the ``batch`` extra): the ``conversion`` records.

A WET file (Common Crawl's extracted text) holds one ``conversion`` record per page; other
record types (``warcinfo``, ``request``, ``response``) carry no extracted text and are skipped.
A record becomes ``{id, url, date, [refers_to], text}`` (``id`` named by ``--id-field``).
Written output is WET again: one ``conversion`` record per page with the cleaned text and
the verdict, scores and keywords as ``X-Unspoof-*`` headers; record ids are derived from the
input's so reruns give the same bytes.
"""

from __future__ import annotations

import io
import json
import uuid
from typing import Any, Iterable, Iterator

from .. import require
from ..job import Job, Piece
from ..records import RecordError
from .jsonl import jsonable
from .lines import merge, whole_file
from .streams import compression_of, open_read, open_write

__all__ = ["Writer", "encode", "iter_conversions", "merge", "parse", "pieces", "read"]


def pieces(path: str, fmt: str = "warc") -> list[Piece]:
    return whole_file(path, fmt)


def iter_conversions(stream: Any) -> Iterator[dict[str, Any]]:
    """Each ``conversion`` record of a WARC/WET byte stream as ``{id, url, date, refers_to, body}``.

    Usable on its own, e.g. inside a Spark job that opens WET files itself.
    """
    require("warcio", "batch")
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "conversion":
            continue
        h = record.rec_headers
        yield {
            "id": h.get_header("WARC-Record-ID"),
            "url": h.get_header("WARC-Target-URI"),
            "date": h.get_header("WARC-Date"),
            "refers_to": h.get_header("WARC-Refers-To"),
            "body": record.content_stream().read(),
        }


def read(piece: Piece, job: Job) -> Iterator[tuple[str, dict[str, Any]]]:
    # warcio finds the gzip members itself
    with open_read(piece.path, decompress=False) as stream:
        for n, rec in enumerate(iter_conversions(stream), 1):
            yield f"{piece.path}#{n}", rec


def parse(source: str, raw: dict[str, Any], job: Job) -> dict[str, Any]:
    record: dict[str, Any] = {job.spec.id_field or "id": raw["id"], "url": raw["url"], "date": raw["date"]}
    if raw.get("refers_to"):
        record["refers_to"] = raw["refers_to"]
    try:
        record[job.spec.text_field] = raw["body"].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"invalid UTF-8 at byte {exc.start}", record) from None
    return record


def encode(record: dict[str, Any], job: Job, kind: str) -> dict[str, Any]:
    return record


class Writer:
    """Writes records as WET ``conversion`` records; ``.gz`` names get one gzip member each."""

    def __init__(self, path: str, job: Job):
        require("warcio", "batch")
        from warcio.warcwriter import WARCWriter

        self._job = job
        # warcio compresses per record itself; the stream underneath stays plain
        gz = compression_of(path) == "gz"
        self._out = open(path, "wb") if gz else open_write(path)
        self._writer = WARCWriter(self._out, gzip=gz)

    def write(self, items: Iterable[dict[str, Any]]) -> None:
        spec = self._job.spec
        for rec in items:
            text = rec.get(spec.target)
            body = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else b""
            source_id = rec.get(spec.id_field or "id") or ""
            url = rec.get("url") or ""
            headers = {
                "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'unspoof:{source_id}:{url}')}>",
                "Content-Type": "text/plain",
            }
            if rec.get("date"):
                headers["WARC-Date"] = rec["date"]
            if source_id:
                headers["WARC-Refers-To"] = source_id
            for key in ("verdict", "error"):
                if rec.get(key) is not None:
                    headers[f"X-Unspoof-{key.capitalize()}"] = str(rec[key])
            if "scores" in rec:
                headers["X-Unspoof-Scores"] = json.dumps(rec["scores"], default=jsonable)
            if rec.get("keywords"):
                headers["X-Unspoof-Keywords"] = json.dumps(rec["keywords"], ensure_ascii=False)
            record = self._writer.create_warc_record(
                url, "conversion", payload=io.BytesIO(body), length=len(body),
                warc_content_type="text/plain", warc_headers_dict=headers,
            )
            self._writer.write_record(record)

    def close(self) -> None:
        self._out.close()
