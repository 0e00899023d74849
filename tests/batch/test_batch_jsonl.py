"""JSON Lines in and out: bad lines become error records, good ones are cleaned, nothing lost."""

from __future__ import annotations

import gzip
import json

import pytest

import unspoof
from unspoof.batch.runner import run
from unspoof.cli import main

from batch_corpus import read_jsonl, tamper, write_jsonl

MALFORMED = [
    b'{"id": "good-1", "text": "Ths \xd1\x96s f\xd0\xb5ne"}\n',  # Cyrillic look-alikes inside
    b"{not json at all\n",
    b'{"id": "no-text", "body": "x"}\n',
    b'{"id": "number", "text": 42}\n',
    b'{"id": "null", "text": null}\n',
    b'{"id": "bad-utf8", "text": "caf\xff"}\n',
    b"[1, 2, 3]\n",
    b"\n",  # a blank line holds no record
    b'{"id": "good-2", "text": "plain words", "meta": {"lang": "en", "tags": [1, 2]}}\n',
]


def _write(path, data: bytes) -> None:
    if str(path).endswith(".gz"):
        with gzip.open(path, "wb") as f:
            f.write(data)
    elif str(path).endswith(".zst"):
        import zstandard

        path.write_bytes(zstandard.ZstdCompressor().compress(data))
    else:
        path.write_bytes(data)


@pytest.mark.parametrize("name", ["in.jsonl", "in.jsonl.gz", "in.jsonl.zst"])
def test_malformed_lines_give_one_record_each(tmp_path, name):
    src = tmp_path / name
    _write(src, b"".join(MALFORMED))
    out = tmp_path / "out.jsonl"
    result = run([str(src)], str(out), workers=2, progress=False)
    records = read_jsonl(out)
    assert len(records) == 8  # every non-blank line, in order
    by_line = {r.get("id") or r["source"].rsplit(":", 1)[1]: r for r in records}
    assert [r.get("id") for r in records][0] == "good-1"
    good = records[0]
    assert "error" not in good
    assert good["text"] == unspoof.clean("Ths іs fеne")
    assert set(good) >= {"verdict", "scores", "keywords"}
    assert records[-1]["meta"] == {"lang": "en", "tags": [1, 2]}  # other fields kept as they were
    assert records[-1]["verdict"] == "clean" and records[-1]["text"] == "plain words"
    assert records[1]["error"].startswith("invalid JSON") and records[1]["raw"] == "{not json at all"
    assert records[1]["source"].endswith(":2")
    assert by_line["no-text"]["error"] == "missing field 'text'" and by_line["no-text"]["body"] == "x"
    assert "is int" in by_line["number"]["error"] and by_line["number"]["text"] == 42
    assert "is null" in by_line["null"]["error"]
    assert records[5]["error"].startswith("invalid UTF-8") and "\\xff" in records[5]["raw"]
    assert "JSON object" in records[6]["error"]
    assert result.stats.documents == 8 and result.stats.errors == 6
    assert not (tmp_path / "out.jsonl.unspoof-tmp").exists()


def test_output_field_findings_and_compressed_output(tmp_path):
    rng = __import__("random").Random(1)
    docs = ["a plain sentence", tamper("some spaced words are here", rng, 1.0)]
    write_jsonl(tmp_path / "in.jsonl", docs)
    out = tmp_path / "out.jsonl.gz"
    code = main(["batch", str(tmp_path / "in.jsonl"), str(out), "--output-field", "cleaned",
                 "--findings", "--workers", "1", "--quiet"])
    assert code == 0
    records = read_jsonl(out)
    for rec, doc in zip(records, docs):
        report = unspoof.scan(doc)
        assert rec["text"] == doc  # the input text stays
        assert rec["cleaned"] == report.cleaned
        assert rec["findings"] == [f.to_dict() for f in report.findings]
        assert rec["verdict"] == report.verdict and rec["scores"] == report.scores


def test_filters_write_what_they_drop_aside(tmp_path, corpus_docs):
    docs = corpus_docs[:400]
    write_jsonl(tmp_path / "in.jsonl", docs)
    (tmp_path / "in.jsonl").open("ab").write(b"{broken\n")
    out, rej = tmp_path / "clean.jsonl", tmp_path / "rejected.jsonl"
    code = main(["batch", str(tmp_path / "in.jsonl"), str(out), "--only", "clean",
                 "--rejected", str(rej), "--workers", "2", "--quiet"])
    assert code == 0
    kept, dropped = read_jsonl(out), read_jsonl(rej)
    assert len(kept) + len(dropped) == len(docs) + 1
    assert all(r["verdict"] == "clean" for r in kept)
    expected_dropped = [d for d in docs if unspoof.scan(d).verdict != "clean"]
    assert [r["text"] for r in dropped if "error" not in r] == [unspoof.clean(d) for d in expected_dropped]
    assert {r["reason"] for r in dropped if "error" not in r} <= {"verdict suspicious", "verdict tampered"}
    assert dropped[-1]["reason"] == "error"


def test_text_lines_stay_aligned(tmp_path, corpus_docs):
    lines = [d.replace("\n", " ") for d in corpus_docs[:300]] + ["", "caf\udcff"]
    data = "\n".join(lines[:-1]).encode("utf-8") + b"\ncaf\xff\n"
    (tmp_path / "in.txt").write_bytes(data)
    out = tmp_path / "out.txt"
    assert main(["batch", str(tmp_path / "in.txt"), str(out), "--lines", "--quiet"]) == 0
    got = out.read_text(encoding="utf-8").split("\n")
    assert got[-1] == ""  # every line ends with a newline
    assert got[:-1] == [unspoof.clean(line) for line in lines[:-1]] + [""]  # the bad line stays, empty
    as_json = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "in.txt"), str(as_json), "--lines", "--quiet"]) == 0
    records = read_jsonl(as_json)
    assert records[0]["id"].endswith("in.txt:1") and len(records) == len(lines)
    assert records[-1]["error"].startswith("invalid UTF-8")


def test_directory_and_glob_inputs(tmp_path):
    (tmp_path / "docs").mkdir()
    for i in range(3):
        (tmp_path / "docs" / f"{i}.txt").write_text(f"document number {i}\n", encoding="utf-8")
    (tmp_path / "docs" / ".hidden.txt").write_text("skip me", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(tmp_path / "docs"), str(out), "--quiet"]) == 0
    assert [r["text"] for r in read_jsonl(out)] == [f"document number {i}\n" for i in range(3)]
    out2 = tmp_path / "out2.jsonl"
    assert main(["batch", str(tmp_path / "docs" / "*.txt"), str(out2), "--quiet"]) == 0
    assert out2.read_bytes() == out.read_bytes()


def test_usage_errors_exit_2(tmp_path, capsys):
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.jsonl"), str(tmp_path / "out.unknown")]) == 2
    assert "--out-format" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "missing.jsonl"), str(tmp_path / "o.jsonl")]) == 2
    with pytest.raises(SystemExit) as exc:  # argparse: OUT is missing
        main(["batch", str(tmp_path / "in.jsonl")])
    assert exc.value.code == 2


def test_missing_extra_names_it(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    assert main(["batch", str(tmp_path / "in.jsonl"), str(tmp_path / "out.parquet"), "--quiet"]) == 2
    assert "pip install 'unspoof[batch]'" in capsys.readouterr().err


def test_core_import_stays_light():
    import subprocess
    import sys

    code = ("import sys, unspoof, unspoof.cli, unspoof.batch.runner, unspoof.batch.engines.spark;"
            "unspoof.cli.build_parser();"
            "heavy = [m for m in ('pyarrow', 'pyspark', 'zstandard', 'warcio') if m in sys.modules];"
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_rerun_replaces_output_and_resume_of_finished_run_is_a_no_op(tmp_path):
    write_jsonl(tmp_path / "in.jsonl", ["one", "two"])
    out = tmp_path / "out.jsonl"
    run([str(tmp_path / "in.jsonl")], str(out), workers=1, progress=False)
    first = out.read_bytes()
    again = run([str(tmp_path / "in.jsonl")], str(out), workers=1, progress=False, resume=True)
    assert again.processed_documents == 0 and out.read_bytes() == first
    assert json.loads(first.splitlines()[1])["text"] == "two"


def test_log_lines_and_summary_when_not_a_terminal(tmp_path, capsys):
    write_jsonl(tmp_path / "in.jsonl", ["one", "two", "three"])
    (tmp_path / "in.jsonl").open("ab").write(b"{bad\n")
    assert main(["batch", str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"),
                 "--workers", "1", "--log-every", "0"]) == 0
    err = capsys.readouterr().err
    assert "unspoof batch: " in err and "docs/s" in err and "MB/s" in err  # plain log lines
    assert "\r" not in err
    assert "documents: 4 (clean 3)" in err and "errors: 1" in err and "throughput:" in err


def test_spark_engine_without_the_extra_names_it(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyspark", None)
    write_jsonl(tmp_path / "in.jsonl", ["one"])
    assert main(["batch", str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), "--engine", "spark"]) == 2
    assert "unspoof[spark]" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl.unspoof-tmp").exists()
