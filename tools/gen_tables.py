#!/usr/bin/env python3
"""Generate ``src/unspoof/tables/unicode.json`` from the Unicode data files.

    python tools/gen_tables.py [--unicode DIR] [--out FILE]

Inputs (Unicode 17.0): confusables.txt, intentional.txt, Scripts.txt, IdentifierStatus.txt,
UnicodeData.txt; plus the reviewed extension ``src/unspoof/data/lookalikes_extra.tsv``.

What it derives, in order of trust:
1. ``intentional.txt``: characters identical to a Latin letter, with the case as given.
2. Compatibility decompositions ``<font>`` (mathematical alphanumerics), ``<wide>`` (fullwidth),
   and ``<compat>`` of letter numbers (Roman numerals) that decompose to one Latin letter.
3. ``confusables.txt`` skeletons, followed through chains and with combining marks dropped
   (``ɗ → d̔ → d``), when they end in one Latin letter.
4. Name rules: ``LATIN LETTER SMALL CAPITAL X`` is x; ``... LETTER X WITH HOOK/STROKE/...`` without
   a canonical decomposition is the letter X, itself followed through these rules.
5. The reviewed extension file (a reason per entry).

The output is deterministic: the same inputs give the same bytes (a test checks this).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ucd import ROOT, code_range, data_lines, generator_main

DEFAULT_OUT = ROOT / "src" / "unspoof" / "tables" / "unicode.json"
EXTRA = ROOT / "src" / "unspoof" / "data" / "lookalikes_extra.tsv"

ASCII_LETTERS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# modifiers that leave the base letter recognisable
SHAPE_MODIFIERS = (
    "HOOK", "STROKE", "DESCENDER", "TAIL", "BAR", "VERTICAL STROKE", "MIDDLE HOOK",
    "PALATAL HOOK", "RETROFLEX HOOK", "CURL", "TOPBAR", "LONG LEG", "BELT", "DIAGONAL STROKE",
)
WITH_RE = re.compile(r"^(?P<base>(?:LATIN|CYRILLIC|GREEK|ARMENIAN|COPTIC) (?:SMALL |CAPITAL )?LETTER \w+) WITH (?P<mod>.+)$")
SMALL_CAP_RE = re.compile(r"^LATIN LETTER SMALL CAPITAL (?P<letter>[A-Z])$")


def _chars(field: str) -> str:
    return "".join(chr(int(h, 16)) for h in field.split())


class UnicodeData:
    def __init__(self, path: Path) -> None:
        self.name: dict[int, str] = {}
        self.category: dict[int, str] = {}
        self.decomp: dict[int, str] = {}
        for fields in data_lines(path):
            cp = int(fields[0], 16)
            self.name[cp] = fields[1]
            self.category[cp] = fields[2]
            self.decomp[cp] = fields[5]
        self.by_name = {n: cp for cp, n in self.name.items()}


def scripts(path: Path) -> tuple[list[str], list[list[int]]]:
    """Merged ``[start, end, script index]`` ranges, sorted, from Scripts.txt."""
    spans = sorted((code_range(f[0]) + (f[1],)) for f in data_lines(path))
    names = sorted({s for _, _, s in spans})
    index = {n: i for i, n in enumerate(names)}
    merged: list[list[int]] = []
    for a, b, s in spans:
        i = index[s]
        if merged and merged[-1][2] == i and merged[-1][1] + 1 == a:
            merged[-1][1] = b
        else:
            merged.append([a, b, i])
    return names, merged


def allowed(path: Path) -> set[int]:
    out: set[int] = set()
    for f in data_lines(path):
        if f[1] == "Allowed":
            a, b = code_range(f[0])
            out.update(range(a, b + 1))
    return out


def derive(unicode_dir: Path) -> dict:
    ud = UnicodeData(unicode_dir / "UnicodeData.txt")
    skeleton = {f[0]: _chars(f[1]) for f in data_lines(unicode_dir / "confusables.txt")}
    skeleton = {int(k, 16): v for k, v in skeleton.items()}
    intentional: dict[int, str] = {}
    names, ranges = scripts(unicode_dir / "Scripts.txt")

    def script_of(cp: int) -> str:
        for a, b, i in ranges:  # generator only; the runtime uses bisect
            if a <= cp <= b:
                return names[i]
        return "Unknown"

    # intentional.txt pairs characters (A ~ Α, Α ~ А); identity is transitive, so join them
    # into classes and read every class that holds an ASCII letter.
    parent: dict[str, str] = {}

    def find(c: str) -> str:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    for f in data_lines(unicode_dir / "intentional.txt"):
        a, b = _chars(f[0]), _chars(f[1])
        if len(a) == 1 and len(b) == 1:
            parent[find(a)] = find(b)
    classes: dict[str, set[str]] = {}
    for c in list(parent):
        classes.setdefault(find(c), set()).add(c)
        classes[find(c)].add(find(c))
    for members in classes.values():
        latin = sorted(m for m in members if m in ASCII_LETTERS)
        if len(latin) != 1:
            continue
        x = latin[0]
        for y in sorted(members - {x}):
            intentional[ord(y)] = x

    extra: dict[int, tuple[str, str]] = {}
    for raw in EXTRA.read_text(encoding="utf-8").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        code, target, reason = raw.split("\t")
        extra[int(code, 16)] = (target, reason)

    memo: dict[int, tuple[str, str] | None] = {}

    def by_rule(cp: int, depth: int = 0) -> tuple[str, str] | None:
        """(Latin letter, source) for one code point, or None."""
        if cp in memo:
            return memo[cp]
        memo[cp] = None  # cycle guard
        ch = chr(cp)
        result: tuple[str, str] | None = None
        name = ud.name.get(cp, "")
        decomp = ud.decomp.get(cp, "")
        if ch in ASCII_LETTERS:
            result = (ch, "ascii")
        elif cp in intentional:
            result = (intentional[cp], "intentional")
        elif decomp.startswith(("<font>", "<wide>")) or (decomp.startswith("<compat>") and ud.category.get(cp) == "Nl"):
            base = _chars(decomp.split(">", 1)[1])
            if len(base) == 1 and base in ASCII_LETTERS:
                result = (base, "compatibility")
        if result is None and cp in skeleton and depth < 6:
            target = "".join(c for c in skeleton[cp] if not unicodedata.combining(c))
            if len(target) == 1 and ord(target) != cp:
                sub = by_rule(ord(target), depth + 1)
                if sub is not None:
                    result = (sub[0], "confusables")
        if result is None and depth < 6:
            m = SMALL_CAP_RE.match(name)
            if m:
                result = (m["letter"].lower(), "rule:small-capital")
            else:
                m = WITH_RE.match(name)
                if m and m["mod"] in SHAPE_MODIFIERS and not (decomp and not decomp.startswith("<")):
                    base = ud.by_name.get(m["base"])
                    if base is not None:
                        sub = by_rule(base, depth + 1)
                        if sub is not None:
                            result = (sub[0], "rule:" + m["mod"].lower().replace(" ", "-"))
        if result is None and cp in extra:
            result = (extra[cp][0], "reviewed")
        if result is None and depth == 0:
            # A letter whose case partner is a look-alike is one too, of the partner's letter:
            # Ԁ is drawn as a large ԁ, so it reads d (case comes from the shape, not the name).
            for partner in {ch.lower(), ch.upper()} - {ch}:
                if len(partner) == 1 and ord(partner) >= 0x80:
                    sub = by_rule(ord(partner), depth + 1)
                    # only a lowercase reading carries over: μ is not drawn like its capital Μ
                    if sub is not None and sub[1] != "ascii" and sub[0].islower():
                        result = (sub[0], "rule:case-partner")
                        break
        memo[cp] = result
        return result

    allowed_cps = allowed(unicode_dir / "IdentifierStatus.txt")
    lookalike: dict[str, list] = {}
    for cp in sorted(ud.name):
        if cp < 0x80:
            continue
        cat = ud.category[cp]
        if not (cat.startswith("L") or cat in ("Nl", "Nd", "So")):
            continue
        decomp = ud.decomp.get(cp, "")
        if decomp and not decomp.startswith("<"):
            continue  # precomposed accented letters are real letters, never look-alikes
        if decomp.startswith(("<super>", "<sub>", "<circle>", "<square>")):
            continue  # typographic forms (3ʳᵈ, ①) are kept as they are
        hit = by_rule(cp)
        if hit is None or hit[1] == "ascii":
            continue
        letter, source = hit
        if cat == "So" and source != "intentional":
            continue
        # Shapes that read as either l or I: the character's own case decides the first choice.
        targets = letter
        if letter in "lI":
            upper = cat == "Lu" or (cat == "Nl" and "SMALL" not in ud.name[cp])
            targets = "Il" if upper else "lI"
        lookalike[chr(cp)] = [targets, source, 1 if cp in allowed_cps else 0]

    # Reverse attack (Latin letters inside Cyrillic or Greek words): for each script, the modern
    # letters (identifier status Allowed) of the same case that read as each Latin letter.
    rank = {"intentional": 0, "confusables": 1}
    pool: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
    for ch, (targets, source, is_allowed) in lookalike.items():
        script = script_of(ord(ch))
        letter = targets[0]
        if script in ("Latin", "Common", "Inherited") or not is_allowed or source not in rank:
            continue
        if ud.category[ord(ch)] != ("Lu" if letter.isupper() else "Ll"):
            continue
        pool.setdefault(script, {}).setdefault(letter, []).append((rank[source], len(ud.name[ord(ch)]), ch))
    reverse = {
        script: {letter: [c for _, _, c in sorted(cands)[:2]] for letter, cands in sorted(letters.items())}
        for script, letters in sorted(pool.items())
    }

    return {
        "unicode_version": "17.0.0",
        "scripts": {"names": names, "ranges": ranges},
        "lookalike": lookalike,
        "reverse": reverse,
        "extra_reasons": {chr(cp): reason for cp, (_, reason) in sorted(extra.items())},
    }


def main() -> None:
    generator_main(__doc__, DEFAULT_OUT, derive)


if __name__ == "__main__":
    main()
