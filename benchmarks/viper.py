#!/usr/bin/env python3
"""Word accuracy of ``unspoof.clean`` on VIPER-perturbed comments, per perturbation rate p.

    python benchmarks/viper.py

VIPER (Eger et al. 2019) replaces each letter with probability p by one of its visual neighbours
(Cyrillic and Greek look-alikes, but also accented Latin letters, digits and symbols). The data
(100 toxic comments, one word per line, comments separated by blank lines) is in
../shared/bench/viper; each comment is cleaned as one text and compared word by word with the
unperturbed original. For measuring only: nothing is learnt from these files.
Goal: >= 98 % word accuracy at p = 0.4.
"""

from __future__ import annotations

import time
from pathlib import Path

import unspoof

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "viper" / "code" / "sanity_check" / "data-toxic-kaggle"
RATES = ("0.1", "0.2", "0.4", "0.6", "0.8", "1.0")


def comments(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[0].startswith("Start noising"):
        lines = lines[1:]
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line.strip())
        elif out[-1]:
            out.append([])
    return [c for c in out if c]


def main() -> None:
    clean = comments(DATA / "toxic_comments_100_mm.txt")
    print(f"{'p':>4} {'words':>6} {'as perturbed':>13} {'after clean':>12} {'changed ok':>11} {'s':>6}")
    for p in RATES:
        noisy = comments(DATA / f"toxic_comments_100_mm_even_p{p}.txt")
        total = before = after = 0
        t = time.perf_counter()
        for gold, bad in zip(clean, noisy):
            restored = unspoof.clean(" ".join(bad)).split(" ")
            for i, g in enumerate(gold):
                total += 1
                before += i < len(bad) and bad[i] == g
                after += i < len(restored) and restored[i] == g
        elapsed = time.perf_counter() - t
        print(f"{p:>4} {total:>6} {before / total:>12.1%} {after / total:>12.1%} {after - before:>11} {elapsed:>6.2f}")


if __name__ == "__main__":
    main()
