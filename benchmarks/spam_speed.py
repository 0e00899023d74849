#!/usr/bin/env python3
"""Throughput of the spam detector: its fast path and a full ``detect`` on typical inputs.

    python benchmarks/spam_speed.py [--runs 5]

Inputs: clean English (the seed's clean text, the English UDHR), the seed with spam (restored
text), and the multilingual corpus in one piece. Prints MB/s for ``might_have_spam`` (the pre-check
that decides whether anything more runs), ``find_spam``, ``find_artifacts`` and ``detect``, and
the one-time cost of loading the word-pair list.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from unspoof.detect.spam import detect, find_artifacts, find_spam, might_have_spam
from unspoof.detect.spam.pairs import word_pairs

from timing import best_of

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()

    t = time.perf_counter()
    pairs = word_pairs()
    print(f"word-pair list: {'loaded' if pairs.available else 'not installed'} in {time.perf_counter() - t:.2f} s")

    inputs = {
        "clean English (seed)": (CORPUS / "seed-article.clean.txt").read_text(encoding="utf-8"),
        "clean English (UDHR)": (CORPUS / "multilingual" / "udhr" / "udhr_eng.txt").read_text(encoding="utf-8"),
        "seed with spam": (CORPUS / "seed-article.restored.txt").read_text(encoding="utf-8"),
        "multilingual corpus": "\n".join(
            p.read_text(encoding="utf-8") for p in sorted((CORPUS / "multilingual").rglob("*.txt"))
        ),
    }
    fns = {"might_have_spam": might_have_spam, "find_spam": find_spam, "find_artifacts": find_artifacts, "detect": detect}
    print(f"{'input':24} {'MB':>6} " + " ".join(f"{name:>16}" for name in fns))
    for name, text in inputs.items():
        mb = len(text.encode("utf-8")) / 1e6
        rates = [mb / best_of(fn, text, args.runs) for fn in fns.values()]
        print(f"{name:24} {mb:6.2f} " + " ".join(f"{r:11.1f} MB/s" for r in rates))


if __name__ == "__main__":
    main()
