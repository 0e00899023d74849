"""Generated corpora for the batch tests: real multilingual lines and paragraphs from
../shared, the seed article, and synthetic tampered copies (Latin letters swapped for Cyrillic
look-alikes), so every run sees clean, tampered and non-Latin text in a known proportion."""

from __future__ import annotations

import json
import random
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"

#: Latin letter -> Cyrillic look-alike, as spam pages use them
LOOKALIKES = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "i": "і", "s": "ѕ"}


def tamper(text: str, rng: random.Random, rate: float = 0.3) -> str:
    return "".join(LOOKALIKES[ch] if ch in LOOKALIKES and rng.random() < rate else ch for ch in text)


def documents(n: int, seed: int = 5, tampered_share: float = 0.1) -> list[str]:
    """``n`` documents: lines and paragraphs of the multilingual corpus and the seed article,
    with about ``tampered_share`` of the Latin ones tampered."""
    rng = random.Random(seed)
    sources = sorted(CORPUS.glob("multilingual/*.txt")) + sorted(CORPUS.glob("multilingual/udhr/*.txt"))
    lines: list[str] = []
    for path in sources:
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    seed_article = (CORPUS / "seed-article.obfuscated.txt").read_text(encoding="utf-8")
    # seed lines are long paragraphs; a slice keeps the corpus quick to scan
    paragraphs = [p[:800] for p in seed_article.splitlines() if p.strip()]
    docs: list[str] = []
    while len(docs) < n:
        roll = rng.random()
        if roll < 0.03:
            doc = rng.choice(paragraphs)
        elif roll < 0.1:
            start = rng.randrange(len(lines))
            doc = "\n".join(lines[start:start + rng.randint(2, 3)])
        else:
            doc = rng.choice(lines)
        if rng.random() < tampered_share:
            doc = tamper(doc, rng)
        docs.append(doc)
    return docs


def write_jsonl(path: Path, docs: list[str], start: int = 0) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, doc in enumerate(docs, start):
            f.write(json.dumps({"id": f"doc-{i}", "n": i, "text": doc}, ensure_ascii=False) + "\n")


def read_jsonl(path: Path) -> list[dict]:
    import gzip

    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]
