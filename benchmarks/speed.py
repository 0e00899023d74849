#!/usr/bin/env python3
"""Throughput of ``unspoof.clean`` against ``unicodedata.normalize('NFKC')`` on the same input.

    python benchmarks/speed.py [--mb 8] [--stream-mb 100]

Inputs, each repeated to about ``--mb`` megabytes: the obfuscated seed article, clean English (the
seed's restored text), clean Russian (UD Russian prose). Prints MB/s for both and the ratio, then
the peak memory of ``unspoof clean`` on a ``--stream-mb`` file through the CLI (it streams).
Goals: clean English >= 1x NFKC, clean Russian >= 0.2x, obfuscated >= 0.1x.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

import unspoof

from timing import best_of, repeat_to

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GOALS = {"obfuscated seed": 0.1, "clean English": 1.0, "clean Russian": 0.2}


def _peak_rss_of_cli(mb: int) -> tuple[float, float]:
    seed = (SHARED / "corpus" / "seed-article.obfuscated.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        with path.open("w", encoding="utf-8") as f:
            for _ in range(int(mb * 1e6 / len(seed.encode("utf-8")))):
                f.write(seed)
        t = time.perf_counter()
        with open(os.devnull, "wb") as null:
            subprocess.run([sys.executable, "-m", "unspoof", "clean", str(path)], stdout=null, check=True)
        elapsed = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return peak, path.stat().st_size / 1e6 / elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=8)
    ap.add_argument("--stream-mb", type=int, default=100)
    args = ap.parse_args()
    corpus = SHARED / "corpus"
    inputs = {
        "obfuscated seed": (corpus / "seed-article.obfuscated.txt").read_text(encoding="utf-8"),
        "clean English": (corpus / "seed-article.restored.txt").read_text(encoding="utf-8"),
        "clean Russian": (corpus / "multilingual" / "rus_ud-gsd_wikipedia.txt").read_text(encoding="utf-8"),
    }
    unspoof.clean(inputs["obfuscated seed"])  # load tables and word lists once
    print(f"{'input':<18}{'MB':>6}{'unspoof MB/s':>14}{'NFKC MB/s':>12}{'ratio':>8}{'goal':>7}")
    for name, text in inputs.items():
        data = repeat_to(text, args.mb)
        mb = len(data.encode("utf-8")) / 1e6
        ours = mb / best_of(unspoof.clean, data)
        nfkc = mb / best_of(lambda s: unicodedata.normalize("NFKC", s), data)
        ratio = ours / nfkc
        mark = "ok" if ratio >= GOALS[name] else "MISS"
        print(f"{name:<18}{mb:>6.1f}{ours:>14.1f}{nfkc:>12.1f}{ratio:>8.2f}{GOALS[name]:>6.1f}x {mark}")
    if args.stream_mb:
        peak, rate = _peak_rss_of_cli(args.stream_mb)
        print(f"CLI on {args.stream_mb} MB of obfuscated text: peak RSS {peak:.0f} MB, {rate:.1f} MB/s")


if __name__ == "__main__":
    main()
