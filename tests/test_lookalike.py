"""Look-alike restoration: case file, seed article, corpora, and the data tables."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex

import unspoof
from unspoof.model import LOOKALIKE
from unspoof.tables import script

from shared_data import CORPUS, REPO, read

CASES = json.loads((REPO / "tests" / "cases" / "lookalike.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["note"] for c in CASES])
def test_case(case):
    report = unspoof.scan(case["input"])
    expected = case["expected"] if case["expected"] is not None else case["input"]
    assert report.cleaned == expected
    if case["expected"] is None:
        assert not [f for f in report.findings if f.is_edit]
    else:
        assert report.verdict == "tampered"


def test_findings_explain_each_change():
    report = unspoof.scan("Rսssian ᴡarships")
    assert [(f.start, f.end, f.text, f.replacement) for f in report.findings] == [(1, 2, "ս", "u"), (8, 9, "ᴡ", "w")]
    first = report.findings[0]
    assert first.kind == LOOKALIKE
    assert first.detail["codepoint"] == "U+057D"
    assert first.detail["script"] == "Armenian"
    assert "Armenian" in first.reason and 0 < first.confidence <= 1
    data = json.loads(report.to_json())
    assert data["schema"] == "unspoof.report/1"
    assert data["scores"]["lookalikes"] == 2


def test_ambiguous_word_is_reported_not_changed():
    # a Cyrillic word that is also a Russian word, at the edge of English text: told, not guessed
    report = unspoof.scan("а the house")
    assert report.cleaned == "а the house"
    assert report.verdict == "suspicious"
    (f,) = report.findings
    assert f.replacement is None and f.detail["readings"]


def test_seed_article_restored_exactly(shared):
    obfuscated = read(CORPUS / "seed-article.obfuscated.txt")
    restored = read(CORPUS / "seed-article.restored.txt")
    report = unspoof.scan(obfuscated)
    assert report.cleaned == restored
    edits = [f for f in report.findings if f.is_edit and f.kind == LOOKALIKE]
    assert len(edits) == sum(1 for a, b in zip(obfuscated, restored) if a != b) == 457
    assert all(obfuscated[f.start : f.end] == f.text for f in report.findings)


def test_cli_restores_seed_byte_for_byte(shared):
    out = subprocess.run(
        [sys.executable, "-m", "unspoof", "clean", str(CORPUS / "seed-article.obfuscated.txt")],
        capture_output=True, check=True,
    ).stdout
    assert out == (CORPUS / "seed-article.restored.txt").read_bytes()


def _multilingual() -> list[Path]:
    base = CORPUS / "multilingual"
    return sorted(base.glob("*.txt")) + sorted((base / "udhr").glob("*"))


@pytest.mark.slow
def test_multilingual_corpus_unchanged(shared):
    files = _multilingual()
    assert len(files) > 100
    changed = {}
    for path in files:
        text = read(path)
        cleaned = unspoof.clean(text)
        if cleaned != text:
            changed[path.name] = sum(1 for a, b in zip(text, cleaned) if a != b)
    assert changed == {}


_WORD = regex.compile(r"[\p{L}\p{M}]+")
_SPOOF_SCRIPTS = {"Cyrillic", "Greek", "Armenian", "Cherokee"}


def _mixed_words(text: str) -> list[str]:
    out = []
    for m in _WORD.finditer(text):
        scripts = {script(c) for c in m.group() if c.isalpha()}
        if "Latin" in scripts and scripts & _SPOOF_SCRIPTS:
            out.append(m.group())
    return out


@pytest.mark.slow
def test_realworld_pages_leave_no_mixed_word(shared):
    base = CORPUS / "realworld"
    manifest = [json.loads(line) for line in read(base / "manifest.jsonl").splitlines() if line.strip()]
    assert len(manifest) == 37
    for entry in manifest:
        text = read(base / entry["doc"])
        cleaned = unspoof.clean(text)
        assert _mixed_words(cleaned) == [], entry["doc"]
        if entry["homoglyph_char_count"] == 0:
            assert cleaned == text, f"clean page {entry['doc']} changed"
        else:
            assert cleaned != text, entry["doc"]


def test_restored_characters_are_letters_of_intended_case():
    report = unspoof.scan("ТНЕ ВОАТ іs hеrе")  # Cyrillic capitals in an all-caps English word
    assert report.cleaned == "THE BOAT is here"
    for f in report.findings:
        assert unicodedata.category(f.replacement).startswith("L")


@pytest.mark.slow
def test_multilingual_paragraphs_alone_change_only_mixed_script_words(shared):
    # a paragraph gives far less context than its document (batch jobs over short records):
    # letters of modern orthographies (ø, ı, ɗ, ł) must still stay, and the only words that may
    # change are words that mix scripts as written (or a lone letter drawn identically in two
    # scripts, Cyrillic і amid Latin markup, which no rule can tell apart)
    changed = 0
    for path in _multilingual():
        for para in read(path).split("\n"):
            if not para.strip():
                continue
            report = unspoof.scan(para)
            for f in report.findings:
                if f.kind == LOOKALIKE and f.is_edit:
                    changed += 1
                    word = f.detail["word"]
                    if len(word) == 1 and f.detail.get("source") == "intentional":
                        continue
                    scripts = {script(c) for c in word if c.isalpha()} - {"Common", "Inherited"}
                    assert len(scripts) > 1, (path.name, word, f.reason)
    assert changed < 100  # out of about 18,000 paragraphs
