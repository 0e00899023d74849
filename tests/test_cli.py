"""The command line: clean and scan, standard input, exit codes, errors, byte fidelity."""

from __future__ import annotations

import json
import subprocess
import sys

from shared_data import CORPUS

TAMPERED = "Rսssian ᴡarships\n".encode()


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unspoof", *args], input=stdin, capture_output=True)


def test_clean_reads_standard_input():
    out = run("clean", stdin=TAMPERED)
    assert out.returncode == 0
    assert out.stdout == b"Russian warships\n"


def test_clean_dash_is_standard_input_and_files_are_concatenated(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Ƭhеrе\n".encode())
    out = run("clean", str(f), "-", stdin=TAMPERED)
    assert out.stdout == b"There\nRussian warships\n"


def test_clean_keeps_invalid_utf8_and_untouched_bytes(tmp_path):
    data = b"caf\xe9 \xff\xfe plain\r\nno final newline"
    f = tmp_path / "bin.txt"
    f.write_bytes(data)
    assert run("clean", str(f)).stdout == data


def test_scan_json_follows_the_report_schema():
    out = run("scan", "--json", stdin=TAMPERED)
    assert out.returncode == 0
    report = json.loads(out.stdout)
    assert report["schema"] == "unspoof.report/1"
    assert report["verdict"] == "tampered"
    assert [(f["start"], f["replacement"]) for f in report["findings"] if f["kind"] == "lookalike"] == [(1, "u"), (8, "w")]


def test_scan_readable_summary_names_each_finding():
    out = run("scan", stdin=TAMPERED).stdout.decode()
    assert "tampered" in out and "U+057D" not in out  # readable, not a dump
    assert "'ս' -> 'u'" in out


def test_fail_on_sets_exit_code():
    assert run("scan", "--fail-on", "tampered", stdin=TAMPERED).returncode == 1
    assert run("scan", "--fail-on", "tampered", stdin=b"plain text\n").returncode == 0
    assert run("clean", "--fail-on", "suspicious", stdin=TAMPERED).returncode == 1


def test_missing_file_is_a_one_line_error():
    out = run("clean", "/nonexistent/file.txt")
    assert out.returncode == 2
    assert out.stderr.decode().count("\n") == 1 and "cannot read /nonexistent/file.txt" in out.stderr.decode()


def test_usage_error_exit_code():
    assert run("clean", "--no-such-flag").returncode == 2


def test_keep_lookalikes_reports_without_changing():
    assert run("clean", "--keep-lookalikes", stdin=TAMPERED).stdout == TAMPERED
    report = json.loads(run("scan", "--json", "--keep-lookalikes", stdin=TAMPERED).stdout)
    assert report["verdict"] == "tampered"


def test_several_inputs_give_one_json_line_each(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(TAMPERED)
    b.write_bytes(b"clean\n")
    lines = run("scan", "--json", str(a), str(b)).stdout.decode().splitlines()
    assert [json.loads(line)["verdict"] for line in lines] == ["tampered", "clean"]
    assert json.loads(lines[0])["path"] == str(a)


def test_chunked_reading_keeps_global_offsets(tmp_path, monkeypatch):
    # a file larger than one chunk: offsets in the merged report index the whole file
    seed = (CORPUS / "seed-article.obfuscated.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(seed * 80, encoding="utf-8")
    report = json.loads(run("scan", "--json", str(big)).stdout)
    text = big.read_text(encoding="utf-8")
    look = [f for f in report["findings"] if f["kind"] == "lookalike"]
    assert len(look) == 457 * 80
    assert all(text[f["start"] : f["end"]] == f["text"] for f in look[-500:])
