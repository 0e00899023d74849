#!/usr/bin/env python3
"""Compare unspoof with every peer that installs here, on the same inputs, and write the tables.

    python benchmarks/compare.py            # full run: writes docs/benchmarks.md and docs/img/*.png
    python benchmarks/compare.py --quick    # smaller inputs, a few minutes; prints the tables

Inputs (from ``../shared`` beside the repository): the seed article (obfuscated vs restored),
VIPER's perturbed toxic comments, Zéroe's comments under its visual attack, sets generated with
:mod:`unspoof.attack`, the real spam pages (no ground truth: mixed-script words left), and
clean multilingual text (every change is a false change).

Metrics, per input set and tool:

* restored: share of ground-truth edits undone exactly (the original characters back, nothing left)
* false changes: share of legitimate characters changed
* CER: character error rate of the output against the original (Levenshtein / length)
* word acc.: share of the original's words present unchanged in the output (aligned)
* MB/s, and time relative to ``unicodedata.normalize('NFKC')`` on the same input in the same run

A slow tool gets a time budget per set; when it runs out, the tool is scored on the documents it
finished and the table says how much of the set that was.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import logging
import os
import platform
import random
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))

import peers  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from unspoof import attack  # noqa: E402

SHARED = Path(os.environ.get("UNSPOOF_SHARED", ROOT.parent / "shared"))
csv.field_size_limit(10**8)


# ---------------------------------------------------------------------------------------------
# inputs


@dataclass
class Doc:
    tampered: str
    #: the ground truth (None for real pages)
    original: str | None = None
    #: each tampered span as (start, end) in the original and (start, end) in the tampered text;
    #: an empty original span is an insertion (invisible character, tag payload, spam)
    edits: list[tuple[int, int, int, int]] = field(default_factory=list)


@dataclass
class InputSet:
    name: str
    #: "truth" (ground truth known), "real" (spam pages), "clean" (must come back unchanged)
    kind: str
    docs: list[Doc]
    about: str

    @property
    def chars(self) -> int:
        return sum(len(d.tampered) for d in self.docs)

    @property
    def n_edits(self) -> int:
        return sum(len(d.edits) for d in self.docs)


def _positional(tampered: str, original: str) -> Doc:
    """A doc whose attack replaced characters one for one (same length)."""
    assert len(tampered) == len(original)
    return Doc(tampered, original, [(i, i + 1, i, i + 1) for i, (a, b) in enumerate(zip(tampered, original)) if a != b])


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def seed_set() -> InputSet:
    obf = _read(SHARED / "corpus" / "seed-article.obfuscated.txt")
    res = _read(SHARED / "corpus" / "seed-article.restored.txt")
    docs = [_positional(a, b) for a, b in zip(obf.split("\n"), res.split("\n")) if a.strip()]
    return InputSet("seed article", "truth", docs, "the real spam page the project started from, look-alikes vs restored")


def _latin_share(docs: list[Doc]) -> str:
    """How many substitutions put in another Latin letter (accented or a variant): letters that are
    legitimate in many languages, which a conservative restorer leaves alone."""
    latin = total = 0
    for d in docs:
        for _, _, ta, tb in d.edits:
            total += 1
            latin += unicodedata.name(d.tampered[ta], "").startswith("LATIN")
    return f"{100 * latin / total:.0f}% of the substitutions are other Latin letters (â, ḃ, ȩ, ɗ …)" if total else ""


def viper_sets(ps: list[str]) -> list[InputSet]:
    folder = SHARED / "bench" / "viper" / "code" / "sanity_check" / "data-toxic-kaggle"
    clean_lines = _read(folder / "toxic_comments_100_mm.txt").split("\n")
    out = []
    for p in ps:
        lines = _read(folder / f"toxic_comments_100_mm_even_p{p}.txt").split("\n")
        if lines and lines[0].startswith("Start noising"):
            lines = lines[1:]
        # one token per line, comments separated by blank lines: rebuild each comment as a sentence
        docs, cur_c, cur_p = [], [], []
        for c, t in zip(clean_lines, lines):
            if not c.strip():
                if cur_c:
                    docs.append(_positional(" ".join(cur_p), " ".join(cur_c)))
                cur_c, cur_p = [], []
            elif len(c) == len(t):
                cur_c.append(c)
                cur_p.append(t)
        if cur_c:
            docs.append(_positional(" ".join(cur_p), " ".join(cur_c)))
        out.append(InputSet(f"VIPER p={p}", "truth", docs,
                            f"VIPER (Eger et al. 2019): 100 toxic comments, each character perturbed with p={p}; "
                            + _latin_share(docs)))
    return out


def _zeroe_neighbours(k: int = 10) -> dict[str, list[str]]:
    """Zéroe's visual attack: for each ASCII letter, its k nearest non-ASCII characters in Zéroe's
    visual embedding table (cosine similarity)."""
    import numpy as np

    path = SHARED / "bench" / "zeroe" / "code" / "attacks" / "visual" / "repres.txt"
    chars, vecs = [], []
    with path.open(encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split(" ")
            if len(parts) < 257 or len(parts[0]) != 1:
                continue
            chars.append(parts[0])
            vecs.append([float(x) for x in parts[-256:]])
    m = np.array(vecs)
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    idx = {c: i for i, c in enumerate(chars)}
    out = {}
    for letter in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if letter not in idx:
            continue
        sims = m @ m[idx[letter]]
        ranked = [chars[i] for i in np.argsort(-sims) if not chars[i].isascii() and chars[i].isprintable()
                  and not chars[i].isspace()]
        out[letter] = ranked[:k]
    return out


def zeroe_set(p: float, limit: int | None) -> InputSet:
    rows = []
    for name in ("test.txt", "train.txt"):
        with (SHARED / "bench" / "zeroe" / "data" / "tc" / name).open(encoding="utf-8", newline="") as fh:
            rows.extend(r["comment_text"] for r in csv.DictReader(fh))
    rows = [" ".join(r.split()) for r in rows if r.strip()][:limit]
    neighbours = _zeroe_neighbours()
    rng = random.Random(2020)
    docs = []
    for text in rows:
        tampered = "".join(
            rng.choice(neighbours[c]) if c in neighbours and rng.random() < p else c for c in text
        )
        docs.append(_positional(tampered, text))
    return InputSet(f"Zéroe visual p={p}", "truth", docs,
                    f"Zéroe (Eger & Benz 2020) toxic comments; each letter swapped with p={p} for one of its 10 "
                    "nearest non-ASCII characters in Zéroe's visual embedding table (the attack re-implemented "
                    "here from that table, seeded); " + _latin_share(docs))


def _wiki_sentences() -> list[str]:
    """Zéroe's Wikipedia sample (one token per line, ``#bos`` before each sentence) as plain sentences."""
    out = []
    for name in ("train.txt", "dev.txt", "test.txt"):
        tokens = [line.split("\t")[0] for line in _read(SHARED / "bench" / "zeroe" / "data" / "wiki" / name).split("\n")]
        for sentence in " ".join(tokens).split("#bos"):
            sentence = re.sub(r" ([,.;:!?)'])", r"\1", sentence.replace("``", '"')).replace("( ", "(").strip()
            if len(sentence) > 40 and "@" not in sentence:
                out.append(sentence)
    return out


def _english_base(limit_chars: int) -> list[str]:
    """English prose to attack: the seed article without its look-alikes and spam, Wikipedia
    sentences and SNLI captions, interleaved so that a small limit still mixes all three."""
    seed = [p for p in _read(SHARED / "corpus" / "seed-article.clean.txt").split("\n") if p.strip()]
    with (SHARED / "bench" / "zeroe" / "data" / "snli" / "train.txt").open(encoding="utf-8") as fh:
        snli = sorted({row["sentence1"] for row in csv.DictReader(fh, delimiter="\t")})
    sources = [seed, _wiki_sentences(), snli]
    out, total, i = [], 0, 0
    while total < limit_chars and any(i < len(src) for src in sources):
        for src in sources:
            if i < len(src) and total < limit_chars:
                out.append(src[i])
                total += len(src[i])
        i += 1
    return out


def _cyr_greek_base(limit_chars: int) -> list[str]:
    texts = [_read(SHARED / "corpus" / "multilingual" / "rus_ud-gsd_wikipedia.txt")]
    udhr = SHARED / "corpus" / "multilingual" / "udhr"
    for name in ("udhr_ell_monotonic.txt", "udhr_bul.txt", "udhr_ukr.txt"):
        if (udhr / name).exists():
            texts.append(_read(udhr / name))
    out = []
    per = max(1, limit_chars // len(texts))
    for t in texts:
        total = 0
        for p in t.split("\n"):
            if p.strip() and total < per:
                out.append(p)
                total += len(p)
    return out


def _from_attack(name: str, base: list[str], recipe: attack.Recipe, about: str) -> InputSet:
    if recipe.reverse:
        about += ", in Russian (UD), Greek, Bulgarian and Ukrainian (UDHR) prose"
    else:
        about += ", in English prose (the seed article without its tampering, Wikipedia and SNLI sentences)"
    docs = []
    for i, text in enumerate(base):
        t = attack.tamper(text, recipe, seed=i)
        docs.append(Doc(t.text, text, [(e.orig_start, e.orig_end, e.start, e.end) for e in t.edits]))
    return InputSet(name, "truth", docs, about)


def _pages(paragraphs: list[str], size: int = 2500) -> list[str]:
    """Paragraphs joined into documents of about ``size`` characters: restorers and spam
    detectors use document context (dominant script, repeated keywords), as on a web page."""
    pages, cur = [], []
    for p in paragraphs:
        cur.append(p)
        if sum(len(c) for c in cur) >= size:
            pages.append("\n".join(cur))
            cur = []
    if cur:
        pages.append("\n".join(cur))
    return pages


def generated_sets(limit_chars: int) -> list[InputSet]:
    en = _pages(_english_base(limit_chars))
    cg = _pages(_cyr_greek_base(limit_chars))
    sets = []
    for fam in attack.FAMILIES:
        sets.append(_from_attack(f"attack: {fam}", en, attack.Recipe(lookalike=0.15, families=(fam,)),
                                 f"unspoof.attack: 15% of letters swapped for {fam} look-alikes"))
    sets.append(_from_attack("attack: whole words", en, attack.Recipe(words=0.3, families=("cyrillic", "greek")),
                             "unspoof.attack: 30% of the words that can be written entirely in Cyrillic or Greek "
                             "look-alikes are"))
    sets.append(_from_attack("attack: reverse", cg, attack.Recipe(reverse=0.2),
                             "unspoof.attack: Latin a e o p c x y K M T H B written into 20% of the possible places "
                             "in Russian, Greek, Bulgarian, Ukrainian text"))
    sets.append(_from_attack("attack: hidden", en, attack.Recipe(invisible=0.1, bidi=0.03, tags=0.02),
                             "unspoof.attack: invisible characters in 10% of words, 3% of words reordered with bidi "
                             "overrides, tag payloads after 2%"))
    sets.append(_from_attack("attack: spam", en, attack.Recipe(anchors=0.02, templates=0.2),
                             "unspoof.attack: keyword anchors after 2% of words, template sentences after 20% of "
                             "sentence ends"))
    sets.append(_from_attack("attack: mixed", en,
                             attack.Recipe(lookalike=0.08, families=attack.FAMILIES, words=0.05, invisible=0.03),
                             "unspoof.attack: 8% of letters from all families, 5% whole words, invisible characters"))
    return sets


def realworld_set() -> InputSet:
    folder = SHARED / "corpus" / "realworld"
    docs = [Doc(_read(p)) for p in sorted(folder.glob("*.txt"))]
    return InputSet("real spam pages", "real", docs, f"{len(docs)} real spam and SEO pages (no ground truth)")


def multilingual_set(limit_chars: int) -> InputSet:
    """Paragraphs of each legitimate text, up to ``limit_chars`` per text (the treebank files are long)."""
    folder = SHARED / "corpus" / "multilingual"
    paths = sorted(folder.glob("*.txt")) + sorted((folder / "udhr").glob("*.txt"))
    docs = []
    for p in paths:
        total = 0
        for para in _read(p).split("\n"):
            if not para.strip() or total >= limit_chars:
                continue
            docs.append(Doc(para, para, []))
            total += len(para)
    return InputSet("clean multilingual", "clean", docs,
                    f"paragraphs of {len(paths)} legitimate texts (UDHR in 121 languages, UD prose in 6), up to "
                    f"{limit_chars:,} characters each: every change is a false change")


# ---------------------------------------------------------------------------------------------
# scoring


def _load_scripts():
    starts, ends, names = [], [], []
    ranges = []
    for line in _read(SHARED / "unicode" / "Scripts.txt").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        cps, script = (f.strip() for f in line.split(";"))
        lo, _, hi = cps.partition("..")
        ranges.append((int(lo, 16), int(hi or lo, 16), script))
    for lo, hi, s in sorted(ranges):
        starts.append(lo)
        ends.append(hi)
        names.append(s)
    return starts, ends, names


_SCRIPTS = None
_WORD = re.compile(r"[^\W\d_]+")


def _script(ch: str) -> str:
    global _SCRIPTS
    if _SCRIPTS is None:
        _SCRIPTS = _load_scripts()
    starts, ends, names = _SCRIPTS
    cp = ord(ch)
    i = bisect.bisect_right(starts, cp) - 1
    return names[i] if i >= 0 and cp <= ends[i] else "Unknown"


_CJK = frozenset({"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo"})


def mixed_script_words(text: str) -> int:
    """Words mixing Latin with another script. Latin run into CJK characters (``ＣＯＭさ``,
    ``WordPress的``: no spaces between words in CJK text) is writing, not a disguise."""
    n = 0
    for m in _WORD.finditer(text):
        scripts = {_script(c) for c in m.group()} - {"Common", "Inherited", "Unknown"} - _CJK
        n += "Latin" in scripts and len(scripts) > 1
    return n


@dataclass
class Score:
    edits: int = 0
    restored: int = 0
    legit: int = 0
    false_changes: int = 0
    distance: int = 0
    orig_chars: int = 0
    words: int = 0
    words_ok: int = 0
    docs_changed: int = 0
    mixed_in: int = 0
    mixed_out: int = 0
    clean_pages_chars: int = 0
    clean_pages_changed: int = 0
    docs_done: int = 0
    docs_total: int = 0
    bytes_done: int = 0
    seconds: float = 0.0
    nfkc_seconds: float = 0.0
    error: str = ""

    def pct(self, num: str, den: str) -> float | None:
        d = getattr(self, den)
        return 100.0 * getattr(self, num) / d if d else None


def score_doc(sc: Score, doc: Doc, output: str) -> None:
    orig = doc.original or ""
    if output != doc.tampered if doc.original is None else output != orig:
        sc.docs_changed += 1
    ops = Levenshtein.opcodes(orig, output)
    eq = bytearray(len(orig))
    inserted: dict[int, int] = {}  # boundary in the original -> output characters inserted there
    for tag, a1, a2, b1, b2 in ops:
        if tag == "equal":
            eq[a1:a2] = b"\x01" * (a2 - a1)
        elif tag == "insert":
            inserted[a1] = inserted.get(a1, 0) + (b2 - b1)
        elif tag == "replace" and b2 - b1 > a2 - a1:
            inserted[a2] = inserted.get(a2, 0) + (b2 - b1) - (a2 - a1)
    n = len(orig)
    ins = [0] * (n + 1)
    for pos, k in inserted.items():
        ins[pos] += k
    ins_before = [0]  # ins_before[i] = characters inserted at boundaries < i
    for k in ins:
        ins_before.append(ins_before[-1] + k)
    covered = bytearray(n)
    zone = bytearray(n + 1)  # boundaries where an insertion was made, widened by its length
    for a, b, ta, tb in doc.edits:
        sc.edits += 1
        if a == b:
            # an insertion is undone when the output has (almost) nothing extra around that point;
            # the window absorbs the alignment's freedom to shift an inserted block ("x. " vs ". x")
            width = tb - ta
            lo, hi = max(0, a - width), min(n, a + width)
            zone[lo:hi + 1] = b"\x01" * (hi + 1 - lo)
            ok = 2 * (ins_before[hi + 1] - ins_before[lo]) < width
        else:
            covered[a:b] = b"\x01" * (b - a)
            ok = all(eq[a:b]) and not any(ins[i] for i in range(a + 1, b))
        sc.restored += ok
    legit = n - sum(covered)
    changed = sum(1 for i in range(n) if not covered[i] and not eq[i])
    # an insertion between legitimate characters counts once, however long: a skeleton that turns m
    # into rn has changed one character, not two
    changed += sum(1 for pos, k in enumerate(ins) if k and not zone[pos])
    sc.legit += legit
    sc.false_changes += changed
    sc.distance += Levenshtein.distance(orig, output)
    sc.orig_chars += len(orig)
    ow, tw = orig.split(), output.split()
    sc.words += len(ow)
    sc.words_ok += sum(a2 - a1 for tag, a1, a2, _, _ in Levenshtein.opcodes(ow, tw) if tag == "equal")


def score_real(sc: Score, doc: Doc, output: str) -> None:
    sc.mixed_in += mixed_script_words(doc.tampered)
    sc.mixed_out += mixed_script_words(output)
    if output != doc.tampered:
        sc.docs_changed += 1
    if mixed_script_words(doc.tampered) == 0:
        # a page with no mixed-script word has nothing to restore: changes there are false changes
        sc.clean_pages_chars += len(doc.tampered)
        sc.clean_pages_changed += Levenshtein.distance(doc.tampered, output)


def _pass_seconds(fn, docs: list[Doc]) -> float:
    t0 = time.perf_counter()
    for d in docs:
        fn(d.tampered)
    return time.perf_counter() - t0


def _nfkc_seconds(docs: list[Doc]) -> float:
    """Time NFKC over ``docs``: the fastest of several passes, since the machine may be shared."""
    nfkc = lambda s: unicodedata.normalize("NFKC", s)  # noqa: E731 - timed like the tools, through a call
    return min(_pass_seconds(nfkc, docs) for _ in range(7))


def run_tool(tool: peers.Tool, iset: InputSet, budget: float) -> Score:
    sc = Score(docs_total=len(iset.docs))
    done: list[Doc] = []
    # a deterministic shuffle, so that a budget-limited tool still sees every part of the set
    order = list(range(len(iset.docs)))
    random.Random(7).shuffle(order)
    for i in order:
        doc = iset.docs[i]
        t0 = time.perf_counter()
        try:
            out = tool.run(doc.tampered)
        except Exception as exc:  # a peer crashing on an input is a result, not a harness failure
            sc.error = f"{type(exc).__name__}: {exc}".splitlines()[0][:120]
            out = doc.tampered
        sc.seconds += time.perf_counter() - t0
        sc.bytes_done += len(doc.tampered.encode("utf-8", "surrogatepass"))
        done.append(doc)
        sc.docs_done += 1
        if iset.kind == "real":
            score_real(sc, doc, out)
        else:
            score_doc(sc, doc, out)
        if sc.seconds > budget:
            break
    # the scoring pass is also a timing pass; fast tools get two more and keep the fastest, so that
    # a moment of contention on a shared machine does not decide the speed column
    if not sc.error:
        for _ in range(2):
            if sc.seconds > budget / 4:
                break
            sc.seconds = min(sc.seconds, _pass_seconds(tool.run, done))
    sc.nfkc_seconds = _nfkc_seconds(done)
    return sc


# ---------------------------------------------------------------------------------------------
# report


def _f(x: float | None, digits: int = 1) -> str:
    return "–" if x is None else f"{x:.{digits}f}"


def _speed(sc: Score) -> tuple[str, str]:
    if not sc.seconds:
        return "–", "–"
    mbs = sc.bytes_done / sc.seconds / 1e6
    ratio = sc.seconds / sc.nfkc_seconds if sc.nfkc_seconds else None
    return (f"{mbs:.4f}" if mbs < 0.01 else f"{mbs:.2f}" if mbs < 10 else f"{mbs:.0f}"), (
        "–" if ratio is None else f"{ratio:.1f}×" if ratio < 10 else f"{ratio:,.0f}×")


def _coverage(sc: Score) -> str:
    return "" if sc.docs_done == sc.docs_total else f" ({sc.docs_done}/{sc.docs_total} docs, time budget)"


def truth_table(iset: InputSet, results: dict[str, Score]) -> list[str]:
    rows = ["| tool | restored % | false changes % | CER % | word acc. % | MB/s | time vs NFKC |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    best = {
        "restored": max((s.pct("restored", "edits") or 0) for s in results.values()),
        "false": min((s.pct("false_changes", "legit") or 0) for s in results.values()),
        "cer": min((s.pct("distance", "orig_chars") or 0) for s in results.values()),
        "words": max((s.pct("words_ok", "words") or 0) for s in results.values()),
    }

    def mark(v: float | None, key: str, digits: int = 1) -> str:
        text = _f(v, digits)
        if key in tied:  # every tool the same: nobody is best
            return text
        return f"**{text}**" if v is not None and round(v, digits) == round(best[key], digits) else text

    spread = {
        "restored": {_f(s.pct("restored", "edits")) for s in results.values()},
        "false": {_f(s.pct("false_changes", "legit"), 2) for s in results.values()},
        "cer": {_f(s.pct("distance", "orig_chars"), 2) for s in results.values()},
        "words": {_f(s.pct("words_ok", "words")) for s in results.values()},
    }
    tied = {k for k, values in spread.items() if len(values) == 1}

    for name, sc in results.items():
        mbs, ratio = _speed(sc)
        rows.append(
            f"| {name}{_coverage(sc)}{' ⚠ ' + sc.error if sc.error else ''} | "
            f"{mark(sc.pct('restored', 'edits'), 'restored')} | {mark(sc.pct('false_changes', 'legit'), 'false', 2)} | "
            f"{mark(sc.pct('distance', 'orig_chars'), 'cer', 2)} | {mark(sc.pct('words_ok', 'words'), 'words')} | "
            f"{mbs} | {ratio} |"
        )
    return rows


def real_table(iset: InputSet, results: dict[str, Score]) -> list[str]:
    rows = ["| tool | mixed-script words left | pages changed | chars changed on pages without look-alikes % | MB/s | time vs NFKC |",
            "|---|---:|---:|---:|---:|---:|"]
    for name, sc in results.items():
        mbs, ratio = _speed(sc)
        rows.append(
            f"| {name}{_coverage(sc)} | {sc.mixed_out} of {sc.mixed_in} | {sc.docs_changed}/{sc.docs_done} | "
            f"{_f(sc.pct('clean_pages_changed', 'clean_pages_chars'), 2)} | {mbs} | {ratio} |"
        )
    return rows


def clean_table(iset: InputSet, results: dict[str, Score]) -> list[str]:
    rows = ["| tool | paragraphs changed | false changes % | CER % | word acc. % | MB/s | time vs NFKC |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for name, sc in results.items():
        mbs, ratio = _speed(sc)
        rows.append(
            f"| {name}{_coverage(sc)} | {sc.docs_changed}/{sc.docs_done} | {_f(sc.pct('false_changes', 'legit'), 3)} | "
            f"{_f(sc.pct('distance', 'orig_chars'), 2)} | {_f(sc.pct('words_ok', 'words'))} | {mbs} | {ratio} |"
        )
    return rows


def where_peers_win(sets: list[InputSet], results: dict[str, dict[str, Score]]) -> list[str]:
    lines = []
    for iset in sets:
        res = results[iset.name]
        us = res.get("unspoof")
        if us is None:
            continue
        if iset.kind == "truth":
            metrics = [("restored %", lambda s: s.pct("restored", "edits"), True),
                       ("false changes %", lambda s: s.pct("false_changes", "legit"), False),
                       ("word acc. %", lambda s: s.pct("words_ok", "words"), True)]
        elif iset.kind == "clean":
            metrics = [("false changes %", lambda s: s.pct("false_changes", "legit"), False)]
        else:
            metrics = [("mixed-script words left", lambda s: s.mixed_out, False)]
        for label, get, higher in metrics:
            mine = get(us)
            if mine is None:
                continue
            better = []
            for name, sc in res.items():
                v = get(sc)
                if name.startswith("unspoof") or v is None:
                    continue
                if (v > mine + 0.05) if higher else (v < mine - 0.05):
                    better.append(f"{name} ({_f(v) if isinstance(v, float) else v})")
            if better:
                lines.append(f"- **{iset.name}**, {label}: unspoof {_f(mine) if isinstance(mine, float) else mine}; "
                             f"better: {', '.join(better)}")
    return lines or ["- none: no peer beats unspoof on any of these metrics in this run."]


def summary_matrix(sets: list[InputSet], results: dict[str, dict[str, Score]], tools: list[str]) -> list[str]:
    truth = [s for s in sets if s.kind == "truth"]
    head = "| tool | " + " | ".join(s.name for s in truth) + " |"
    rows = [head, "|---|" + "---:|" * len(truth)]
    for name in tools:
        cells = []
        for s in truth:
            sc = results[s.name].get(name)
            cells.append("" if sc is None else _f(sc.pct("restored", "edits"), 0))
        rows.append(f"| {name} | " + " | ".join(cells) + " |")
    return rows


def plots(sets: list[InputSet], results: dict[str, dict[str, Score]], tools: list[str], img: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    img.mkdir(parents=True, exist_ok=True)
    made = []
    truth = [s for s in sets if s.kind == "truth"]

    # 1. heat map: restored % per tool and set
    data = [[(results[s.name][t].pct("restored", "edits") if t in results[s.name] else None) for s in truth]
            for t in tools]
    fig, ax = plt.subplots(figsize=(max(8, 0.7 * len(truth) + 3), 0.45 * len(tools) + 2))
    arr = [[(v if v is not None else float("nan")) for v in row] for row in data]
    im = ax.imshow(arr, cmap="viridis", vmin=0, vmax=100, aspect="auto")
    ax.set_xticks(range(len(truth)), [s.name for s in truth], rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(tools)), tools, fontsize=8)
    for i, row in enumerate(data):
        for j, v in enumerate(row):
            if v is not None:
                ax.text(j, i, f"{v:.0f}", ha="center", va="center", fontsize=6, color="white" if v < 60 else "black")
    fig.colorbar(im, ax=ax, label="restored %")
    ax.set_title("Share of tampered characters restored exactly")
    fig.tight_layout()
    fig.savefig(img / "restored-heatmap.png", dpi=110)
    plt.close(fig)
    made.append("restored-heatmap.png")

    # 2. restored vs false changes (averaged over the ground-truth sets), marker size ~ speed
    fig, ax = plt.subplots(figsize=(8, 6))
    clean = next((s for s in sets if s.kind == "clean"), None)
    for t in tools:
        rs = [results[s.name][t].pct("restored", "edits") for s in truth if t in results[s.name]]
        rs = [r for r in rs if r is not None]
        if not rs:
            continue
        fc = results[clean.name][t].pct("false_changes", "legit") if clean and t in results[clean.name] else None
        if fc is None:
            continue
        x, y = fc, sum(rs) / len(rs)
        ax.scatter([x], [y], s=60, color="crimson" if t.startswith("unspoof") else "steelblue")
        ax.annotate(t, (x, y), textcoords="offset points", xytext=(5, 3), fontsize=8)
    # symmetric log: zero false changes stays at zero instead of being clamped to a made-up value
    ax.set_xscale("symlog", linthresh=0.01)
    ax.set_xlim(left=-0.002)
    ax.set_xlabel("false changes on clean multilingual text, % of characters (0, then log)")
    ax.set_ylabel("restored %, mean over ground-truth sets")
    ax.set_title("Restoring tampering vs leaving legitimate text alone (top left is best)")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(img / "restored-vs-false-changes.png", dpi=110)
    plt.close(fig)
    made.append("restored-vs-false-changes.png")

    # 3. VIPER: restored % against the perturbation probability
    viper = [s for s in truth if s.name.startswith("VIPER")]
    if len(viper) > 1:
        fig, ax = plt.subplots(figsize=(10, 5))
        ps = [float(s.name.split("=")[1]) for s in viper]
        colours = plt.get_cmap("tab20").colors
        markers = "os^vD<>pXh*"
        for i, t in enumerate(tools):
            ys = [results[s.name][t].pct("restored", "edits") if t in results[s.name] else None for s in viper]
            if all(y is not None for y in ys):
                ours = t.startswith("unspoof")
                ax.plot(ps, ys, marker=markers[i % len(markers)], label=t, linewidth=3 if ours else 1,
                        color="crimson" if ours else colours[i % len(colours)])
        ax.set_xlabel("VIPER perturbation probability p")
        ax.set_ylabel("restored %")
        ax.set_title("VIPER: tampered characters restored exactly")
        ax.legend(fontsize=7, loc="center left", bbox_to_anchor=(1.01, 0.5))
        ax.grid(alpha=0.3)
        fig.tight_layout()
        fig.savefig(img / "viper.png", dpi=110)
        plt.close(fig)
        made.append("viper.png")

    # 4. speed (MB/s on the seed article)
    seed = next((s for s in sets if s.name == "seed article"), None)
    if seed:
        fig, ax = plt.subplots(figsize=(8, 5))
        pairs = [(t, results[seed.name][t].bytes_done / results[seed.name][t].seconds / 1e6)
                 for t in tools if t in results[seed.name] and results[seed.name][t].seconds]
        pairs.sort(key=lambda p: p[1])
        ax.barh([p[0] for p in pairs], [p[1] for p in pairs],
                color=["crimson" if p[0].startswith("unspoof") else "steelblue" for p in pairs])
        ax.set_xscale("log")
        ax.set_xlabel("MB/s on the seed article (log)")
        ax.set_title("Speed")
        fig.tight_layout()
        fig.savefig(img / "speed.png", dpi=110)
        plt.close(fig)
        made.append("speed.png")
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare unspoof with its peers.")
    parser.add_argument("--quick", action="store_true", help="smaller inputs and time budgets (a few minutes)")
    parser.add_argument("--out", type=Path, default=None, help="Markdown report (default: docs/benchmarks.md on a "
                        "full run, none on --quick)")
    parser.add_argument("--tools", default="", help="comma-separated tool names (default: every installed tool)")
    parser.add_argument("--no-plots", action="store_true")
    args = parser.parse_args(argv)
    # some peers log a warning per call; the tables are the output here
    logging.disable(logging.WARNING)
    quick = args.quick
    out = args.out if args.out else (None if quick else ROOT / "docs" / "benchmarks.md")
    budget = 3.0 if quick else 20.0

    tools = peers.load_tools([t.strip() for t in args.tools.split(",") if t.strip()] or None)
    print("tools:")
    for t in tools:
        print(f"  {t.name:24} {t.version:34} {t.call}")
    for name, why in peers.missing_tools().items():
        print(f"  {name:24} not run: {why}")
    for t in tools:  # warm up: tables load on first use, which is not what a throughput figure measures
        t.run("Wаrm ᴜp ＴＥＸＴ \u200b Москва")

    sets: list[InputSet] = [seed_set()]
    sets += viper_sets(["0.4"] if quick else ["0.1", "0.2", "0.4", "0.6", "0.8", "1.0"])
    sets.append(zeroe_set(0.3, 40 if quick else None))
    sets += generated_sets(6000 if quick else 20000)
    sets.append(realworld_set())
    sets.append(multilingual_set(600 if quick else 12000))

    results: dict[str, dict[str, Score]] = {}
    started = time.perf_counter()
    for iset in sets:
        res: dict[str, Score] = {}
        for t in tools:
            if t.only and iset.name not in t.only:
                continue
            res[t.name] = run_tool(t, iset, budget)
        results[iset.name] = res
        print(f"[{time.perf_counter() - started:6.0f}s] {iset.name}: {len(iset.docs)} docs, {iset.chars:,} chars, "
              f"{iset.n_edits:,} edits", file=sys.stderr, flush=True)

    names = [t.name for t in tools]
    md: list[str] = []
    for iset in sets:
        md += [f"### {iset.name}", "", f"{iset.about}. {len(iset.docs)} documents, {iset.chars:,} characters"
               + (f", {iset.n_edits:,} tampered spans." if iset.kind == "truth" else "."), ""]
        table = {"truth": truth_table, "real": real_table, "clean": clean_table}[iset.kind](iset, results[iset.name])
        md += table + [""]
    summary = summary_matrix(sets, results, names)
    wins = where_peers_win(sets, results)

    print()
    print("Restored % (share of tampered characters restored exactly) per ground-truth set:")
    print("\n".join(summary))
    print()
    for iset in sets:
        if iset.name in ("seed article", "clean multilingual", "real spam pages") or iset.name.startswith("VIPER"):
            print(f"{iset.name}:")
            table = {"truth": truth_table, "real": real_table, "clean": clean_table}[iset.kind](iset, results[iset.name])
            print("\n".join(table))
            print()
    print("Where a peer beats unspoof:")
    print("\n".join(wins))
    print(f"\n{len([t for t in tools if not t.name.startswith('unspoof') and t.name != 'nfkc'])} peers ran; "
          f"total {time.perf_counter() - started:.0f}s")

    if out:
        made = [] if args.no_plots else plots(sets, results, names, out.parent / "img")
        write_report(out, sets, tools, md, summary, wins, made, quick, time.perf_counter() - started)
        print(f"wrote {out}")
    return 0


def write_report(out: Path, sets, tools, md, summary, wins, made, quick, seconds) -> None:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmarks: unspoof and its peers",
        "",
        "<!-- generated by `python benchmarks/compare.py`; do not edit by hand -->",
        "",
        f"Generated {now} by `python benchmarks/compare.py{' --quick' if quick else ''}` in {seconds:.0f} s on "
        f"{platform.machine()} with {os.cpu_count()} CPUs, Python {platform.python_version()}. "
        "Reproduce: `pip install -e '.[bench]' -r benchmarks/requirements-peers.txt` "
        "(PyICU needs `apt-get install -y libicu-dev pkg-config` first), then `python benchmarks/compare.py`.",
        "",
        "## How to read the tables",
        "",
        "- **restored %**: share of the tampered characters (ground-truth edits) whose original text is back "
        "exactly, with nothing left over. Case counts: a tool that lower-cases everything cannot restore `Ꭲ` "
        "to `T`.",
        "- **false changes %**: share of the legitimate characters (not touched by the attack) that the tool "
        "changed anyway. Skeleton-style and transliterating tools (ICU skeleton, confusables, decancer-py, "
        "unidecode, anyascii, homoglyphs) fold case or rewrite whole scripts by design: they are built for "
        "comparing identifiers, not for restoring text, and score badly here. That is the honest result of "
        "using them for restoration, not a flaw in them.",
        "- **CER %**: Levenshtein distance between the output and the original, per original character.",
        "- **word acc. %**: share of the original's words that come out unchanged.",
        "- **MB/s** and **time vs NFKC**: throughput on that set, and the tool's time divided by the time of "
        "`unicodedata.normalize('NFKC')` on the same documents in the same run.",
        "- A tool whose time ran past the per-set budget is scored on the documents it finished "
        "(shown as *n/N docs*); the documents are visited in a fixed shuffled order.",
        "- **Bold** marks the best value in a column. No ground truth exists for the real pages: there, fewer "
        "mixed-script words left is better, and changes on pages that had no mixed-script word are false changes.",
        "",
        "## Tools",
        "",
        "| tool | version | function used | note |",
        "|---|---|---|---|",
    ]
    for t in tools:
        lines.append(f"| {t.name} | {t.version} | `{t.call}` | {t.note} |")
    for name, why in peers.missing_tools().items():
        lines.append(f"| {name} | not run | – | {why} |")
    lines += ["", "## Summary: restored % per ground-truth set", ""] + summary + [""]
    for m in made:
        lines += [f"![{m[:-4]}](img/{m})", ""]
    lines += ["## Where a peer beats unspoof", ""] + wins + ["", "## Results per input set", ""] + md
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
