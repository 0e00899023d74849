"""The Spark engine and entry points, in local mode (``local[2]``); one JVM for the module."""

from __future__ import annotations

import io
import json
import os
import shutil

import pytest

import unspoof
from unspoof.batch.job import Job
from unspoof.batch.records import RecordSpec, Selection
from unspoof.batch.runner import run

from batch_corpus import read_jsonl, write_jsonl

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def spark():
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.fail("Spark needs Java: install a JRE (CI does, see .ci/run)")
    from unspoof.batch.engines.spark import session

    s = session("local[2]", app_name="unspoof-tests")
    yield s
    s.stop()


def test_local_and_spark_runs_give_identical_records(tmp_path, corpus_docs, spark):
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = corpus_docs  # a few thousand: multilingual lines, paragraphs, ~10 % tampered
    src = tmp_path / "in"
    src.mkdir()
    per = 500
    for k in range(0, 2000, per):
        write_jsonl(src / f"part-{k:05d}.jsonl", docs[k:k + per], start=k)
    (src / "part-00500.jsonl").open("ab").write(b'{"id": "x", "text": 1}\n{nope\n')
    pq.write_table(pa.table({"id": [f"p{i}" for i in range(2000, len(docs))], "text": docs[2000:]}),
                   src / "rest.parquet", row_group_size=400)
    job = Job("jsonl", "jsonl", spec=RecordSpec(findings=True), selection=Selection(only=("clean", "suspicious")))

    local_out, spark_out = tmp_path / "local.jsonl.gz", tmp_path / "spark.jsonl.gz"
    local = run([str(src)], str(local_out), job, rejected=str(tmp_path / "local-rej.jsonl"),
                workers=2, progress=False, unit_bytes=64 << 10)
    sp = run([str(src)], str(spark_out), job, rejected=str(tmp_path / "spark-rej.jsonl"),
             engine="spark", spark=spark, progress=False, unit_bytes=64 << 10)
    assert local_out.read_bytes() == spark_out.read_bytes()
    assert (tmp_path / "local-rej.jsonl").read_bytes() == (tmp_path / "spark-rej.jsonl").read_bytes()
    assert local.stats.to_dict() == sp.stats.to_dict()
    assert sp.stats.documents == len(docs) + 2 and sp.stats.errors == 2
    kept, rejected = read_jsonl(local_out), read_jsonl(tmp_path / "local-rej.jsonl")
    assert len(kept) + len(rejected) == len(docs) + 2
    assert sp.stats.verdicts["tampered"] > 0 and len(rejected) == sp.stats.verdicts["tampered"] + 2


def test_scan_dataframe_matches_scan(spark, corpus_docs):
    from unspoof.batch.engines.spark import scan_dataframe

    docs = corpus_docs[:200]
    df = spark.createDataFrame([(i, d) for i, d in enumerate(docs)] + [(len(docs), None)], "n int, body string")
    rows = sorted(scan_dataframe(df, "body", output_field="clean", findings=True).collect(), key=lambda r: r["n"])
    assert len(rows) == len(docs) + 1
    for row, doc in zip(rows, docs):
        report = unspoof.scan(doc)
        assert row["body"] == doc and row["clean"] == report.cleaned and row["verdict"] == report.verdict
        assert json.loads(row["findings"]) == [f.to_dict() for f in report.findings]
        assert row["scores"]["lookalikes"] == report.scores["lookalikes"] and row["error"] is None
    assert rows[-1]["error"] == "field 'body' is null, not text"


def test_scan_wet_over_a_listing(spark, tmp_path, corpus_docs):
    from warcio.warcwriter import WARCWriter

    from unspoof.batch.engines.spark import scan_wet

    texts = corpus_docs[:30]
    paths = []
    for k in range(3):
        path = tmp_path / f"seg-{k}.warc.wet.gz"
        with open(path, "wb") as f:
            w = WARCWriter(f, gzip=True)
            for i in range(10):
                body = texts[k * 10 + i].encode("utf-8")
                w.write_record(w.create_warc_record(f"http://s{k}.example/{i}", "conversion",
                                                    payload=io.BytesIO(body), length=len(body)))
        paths.append(str(path))
    listing = tmp_path / "wet.paths"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    rows = scan_wet(spark, str(listing)).collect()
    by_url = {r["url"]: r for r in rows}
    assert len(rows) == 30
    for k in range(3):
        for i in range(10):
            row = by_url[f"http://s{k}.example/{i}"]
            assert row["text"] == unspoof.clean(texts[k * 10 + i]) and row["path"] == paths[k]
