"""Parquet and WARC/WET round trips."""

from __future__ import annotations

import io
import json

import pytest

import unspoof
from unspoof.batch.runner import run

from batch_corpus import read_jsonl, tamper

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
warcio = pytest.importorskip("warcio")


def test_parquet_round_trip_keeps_columns_and_order(tmp_path, corpus_docs):
    docs = corpus_docs[:300]
    table = pa.table({
        "id": [f"d{i}" for i in range(len(docs))],
        "n": list(range(len(docs))),
        "lang": [None if i % 7 == 0 else "xx" for i in range(len(docs))],
        "text": [None if i == 3 else d for i, d in enumerate(docs)],
    })
    src = tmp_path / "in.parquet"
    pq.write_table(table, src, row_group_size=70)  # five row groups, five resumable units
    out = tmp_path / "out.parquet"
    result = run([str(src)], str(out), workers=2, progress=False)
    assert result.stats.documents == len(docs) and result.stats.errors == 1
    got = pq.read_table(out)
    assert got.column_names[:4] == ["id", "n", "lang", "text"]
    rows = got.to_pylist()
    assert [r["n"] for r in rows] == list(range(len(docs)))
    assert rows[3]["error"] == "field 'text' is null, not text"
    for i in (0, 1, 2, 150, 299):
        report = unspoof.scan(docs[i])
        assert rows[i]["text"] == report.cleaned and rows[i]["verdict"] == report.verdict
        assert rows[i]["scores"] == report.scores and rows[i]["error"] is None

    # and Parquet -> JSON Lines with findings: findings as a list again
    out2 = tmp_path / "out.jsonl"
    run([str(src)], str(out2), workers=1, progress=False, job=None)
    records = read_jsonl(out2)
    assert [r["id"] for r in records] == table.column("id").to_pylist()


def test_parquet_output_from_uneven_jsonl(tmp_path):
    # fields appear late and types start as null: the part schemas are unified on merge
    lines = [{"text": "first"}, {"text": "second", "extra": None}, {"text": "third", "extra": "x"}, {"oops": 1}]
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines[:2]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines[2:]), encoding="utf-8")
    out = tmp_path / "out.parquet"
    run([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")], str(out), workers=1, progress=False, unit_bytes=1)
    rows = pq.read_table(out).to_pylist()
    assert [r["text"] for r in rows] == ["first", "second", "third", None]
    assert [r["extra"] for r in rows] == [None, None, "x", None]
    assert rows[3]["error"] == "missing field 'text'" and rows[3]["oops"] == 1


def _wet(path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=str(path).endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record("test.wet", {"software": "test"}))
        for i, (url, body) in enumerate(pages):
            rec = writer.create_warc_record(url, "conversion", payload=io.BytesIO(body), length=len(body),
                                            warc_content_type="text/plain",
                                            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{i:012d}>",
                                                               "WARC-Date": "2026-01-02T03:04:05Z"})
            writer.write_record(rec)
        resp = writer.create_warc_record("http://skip.example/", "resource", payload=io.BytesIO(b"<html>"))
        writer.write_record(resp)


@pytest.mark.parametrize("suffix", [".warc.wet.gz", ".wet"])
def test_wet_round_trip(tmp_path, corpus_docs, suffix):
    import random

    rng = random.Random(3)
    texts = corpus_docs[:40] + [tamper("special pricing on casino bonuses", rng, 1.0)]
    pages = [(f"http://site{i}.example/", t.encode("utf-8")) for i, t in enumerate(texts)]
    pages.append(("http://broken.example/", b"bad \xff bytes"))
    src = tmp_path / f"in{suffix}"
    _wet(src, pages)

    out_jsonl = tmp_path / "out.jsonl"
    result = run([str(src)], str(out_jsonl), workers=2, progress=False)
    records = read_jsonl(out_jsonl)
    assert len(records) == len(pages) and result.stats.errors == 1  # warcinfo and resource skipped
    assert [r["url"] for r in records] == [u for u, _ in pages]
    assert records[0]["id"] == "<urn:uuid:00000000-0000-0000-0000-000000000000>"
    assert records[0]["date"] == "2026-01-02T03:04:05Z"
    assert [r["text"] for r in records[:-1]] == [unspoof.clean(t) for t in texts]
    assert records[-1]["error"].startswith("invalid UTF-8") and records[-1]["url"] == "http://broken.example/"

    out_wet = tmp_path / f"out{suffix}"
    run([str(src)], str(out_wet), workers=1, progress=False)
    from warcio.archiveiterator import ArchiveIterator

    with open(out_wet, "rb") as f:
        got = [(r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers.get_header("WARC-Refers-To"),
                r.rec_headers.get_header("X-Unspoof-Verdict"), r.content_stream().read().decode("utf-8"))
               for r in ArchiveIterator(f) if r.rec_type == "conversion"]
    assert [g[0] for g in got] == [u for u, _ in pages]
    assert [g[3] for g in got[:-1]] == [unspoof.clean(t) for t in texts]
    assert [g[2] for g in got[:-1]] == [unspoof.scan(t).verdict for t in texts]
    assert got[0][1] == records[0]["id"]
    # and the WET output reads back as input: same texts, nothing changes a second time
    again = tmp_path / "again.jsonl"
    run([str(out_wet)], str(again), workers=1, progress=False)
    assert [r.get("text") for r in read_jsonl(again)[:-1]] == [g[3] for g in got[:-1]]
    # a rerun writes the same bytes (record ids derive from the input's)
    rerun = tmp_path / f"rerun{suffix}"
    run([str(src)], str(rerun), workers=2, progress=False)
    assert rerun.read_bytes() == out_wet.read_bytes()
