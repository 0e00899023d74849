"""A run killed with SIGKILL mid-way, then resumed, writes exactly what an uninterrupted run writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from unspoof.batch.runner import run

from batch_corpus import documents, write_jsonl

FILES = 24
PER_FILE = 100


def test_killed_run_resumes_to_the_same_output(tmp_path):
    docs = documents(FILES * PER_FILE, seed=11)
    src = tmp_path / "in"
    src.mkdir()
    for k in range(FILES):
        write_jsonl(src / f"{k:02d}.jsonl", docs[k * PER_FILE:(k + 1) * PER_FILE], start=k * PER_FILE)
    (src / "15.jsonl").open("ab").write(b"{truncated\n")
    unit = 1  # bytes: every file is a unit of its own, so resume has something to skip

    ref = tmp_path / "ref.jsonl.gz"
    run([str(src)], str(ref), workers=2, progress=False, unit_bytes=unit)

    out = tmp_path / "out.jsonl.gz"
    work = tmp_path / "out.jsonl.gz.unspoof-tmp"
    cmd = [sys.executable, "-m", "unspoof", "batch", str(src), str(out), "--workers", "2",
           "--unit-mb", str(unit / (1 << 20)), "--quiet"]
    proc = subprocess.Popen(cmd, start_new_session=True)  # its own group: the pool dies with it
    try:
        give_up = time.monotonic() + 120  # a safety net for a hung child, not a measurement
        while len(list(work.glob("unit-*"))) < 2:
            assert proc.poll() is None, "the run ended before it could be interrupted"
            assert time.monotonic() < give_up
            time.sleep(0.01)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    done = len(list(work.glob("unit-*")))
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists() and 2 <= done < FILES

    result = run([str(src)], str(out), workers=2, progress=False, unit_bytes=unit, resume=True)
    assert result.resumed_units >= done
    assert result.processed_documents < FILES * PER_FILE + 1
    assert result.stats.documents == FILES * PER_FILE + 1 and result.stats.errors == 1
    assert out.read_bytes() == ref.read_bytes()
    assert not work.exists()


def test_resume_refuses_other_settings(tmp_path):
    import pytest

    write_jsonl(tmp_path / "in.jsonl", ["a", "b"])
    work = tmp_path / "out.jsonl.unspoof-tmp"
    work.mkdir()
    (work / "manifest.json").write_text('{"schema": "unspoof.batch/1", "inputs": []}', encoding="utf-8")
    with pytest.raises(ValueError, match="other inputs or settings"):
        run([str(tmp_path / "in.jsonl")], str(tmp_path / "out.jsonl"), workers=1, progress=False, resume=True)
