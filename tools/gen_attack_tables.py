#!/usr/bin/env python3
"""Generate ``src/unspoof/tables/attack_families.json``: look-alikes the attack generator swaps in.

The table groups look-alike characters into families (Cyrillic, Greek, Armenian, Cherokee, Lisu,
mathematical alphanumerics, fullwidth, small capitals, Latin with hook or stroke, Roman
numerals) and keys each family by the ASCII letter its characters pass for::

    {"families": {"cyrillic": {"a": ["а"], "e": ["е", "ё"] ...}, ...}, "sources": {...}}

It is built on purpose from the Unicode files alone and shares nothing with the restorer's own
tables, so the generator never knows what the restorer knows.

Usage::

    python tools/gen_attack_tables.py [--unicode ../shared/unicode] [--out PATH] [--check]

``--check`` exits 1 when the committed file differs from what the sources give.
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UNICODE = ROOT.parent / "shared" / "unicode"
DEFAULT_OUT = ROOT / "src" / "unspoof" / "tables" / "attack_families.json"

#: families taken by script: look-alikes that confusables/intentional map to one ASCII letter
SCRIPT_FAMILIES = {
    "Cyrillic": "cyrillic",
    "Greek": "greek",
    "Armenian": "armenian",
    "Cherokee": "cherokee",
    "Lisu": "lisu",
}
ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SMALL_CAPITAL = re.compile(r"^LATIN LETTER SMALL CAPITAL ([A-Z])$")
# the plain hook or stroke only: "WITH HOOK ABOVE" is an ordinary accent, not a disguise
_HOOK_STROKE = re.compile(
    r"^LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH (?:(?:PALATAL|RETROFLEX|DIAGONAL|SHORT) )?(?:HOOK|STROKE)(?: TAIL)?$"
)
_ROMAN = re.compile(r"^(SMALL )?ROMAN NUMERAL ")


def _data_lines(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            yield [f.strip() for f in line.split(";")]


def _header_date(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines()[:5]:
        if line.startswith("# Date:"):
            return line[len("# Date:"):].strip()
    return ""


def _unicode_version(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines()[:12]:
        if line.startswith("# Version:"):
            return line[len("# Version:"):].strip()
    return ""


def load_scripts(path: Path) -> tuple[list[int], list[int], list[str]]:
    """Sorted ranges of Scripts.txt as parallel lists (starts, ends, names) for bisection."""
    ranges = []
    for fields in _data_lines(path):
        lo, _, hi = fields[0].partition("..")
        ranges.append((int(lo, 16), int(hi or lo, 16), fields[1]))
    ranges.sort()
    return [r[0] for r in ranges], [r[1] for r in ranges], [r[2] for r in ranges]


def script_of(cp: int, scripts: tuple[list[int], list[int], list[str]]) -> str:
    starts, ends, names = scripts
    i = bisect.bisect_right(starts, cp) - 1
    return names[i] if i >= 0 and cp <= ends[i] else "Unknown"


def load_unicode_data(path: Path) -> dict[int, tuple[str, str, str]]:
    """Code point -> (name, general category, decomposition) for every named character."""
    out: dict[int, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split(";")
        if len(fields) > 5 and not fields[1].startswith("<"):
            out[int(fields[0], 16)] = (fields[1], fields[2], fields[5])
    return out


def _ascii_of_decomposition(decomposition: str, tag: str) -> str | None:
    """The ASCII letter a ``<tag> XXXX`` compatibility decomposition names, if any."""
    parts = decomposition.split()
    if len(parts) == 2 and parts[0] == tag:
        ch = chr(int(parts[1], 16))
        if ch in ASCII_LETTERS:
            return ch
    return None


def build(unicode_dir: Path) -> dict:
    scripts = load_scripts(unicode_dir / "Scripts.txt")
    names = load_unicode_data(unicode_dir / "UnicodeData.txt")
    families: dict[str, dict[str, set[str]]] = {}

    def add(family: str, letter: str, ch: str) -> None:
        if ch in ASCII_LETTERS or ch == letter:
            return
        families.setdefault(family, {}).setdefault(letter, set()).add(ch)

    # Script families: single characters that Unicode's own confusable lists equate with a letter.
    pairs: list[tuple[str, str]] = []
    for fields in _data_lines(unicode_dir / "confusables.txt"):
        src = "".join(chr(int(x, 16)) for x in fields[0].split())
        dst = "".join(chr(int(x, 16)) for x in fields[1].split())
        pairs.append((src, dst))
    for fields in _data_lines(unicode_dir / "intentional.txt"):
        a = "".join(chr(int(x, 16)) for x in fields[0].split())
        b = "".join(chr(int(x, 16)) for x in fields[1].split())
        pairs.extend([(a, b), (b, a)])
    for src, dst in pairs:
        if len(src) != 1 or len(dst) != 1 or dst not in ASCII_LETTERS:
            continue
        family = SCRIPT_FAMILIES.get(script_of(ord(src), scripts))
        # letters only: a Greek musical symbol is Greek by script but no letter of a word
        if family and names.get(ord(src), ("", "", ""))[1].startswith("L"):
            add(family, dst, src)

    # Families by name and decomposition: styled forms of the Latin letters themselves.
    for cp, (name, _category, decomposition) in names.items():
        ch = chr(cp)
        if name.startswith("MATHEMATICAL "):
            letter = _ascii_of_decomposition(decomposition, "<font>")
            if letter:
                add("math", letter, ch)
        elif name.startswith("FULLWIDTH LATIN "):
            letter = _ascii_of_decomposition(decomposition, "<wide>")
            if letter:
                add("fullwidth", letter, ch)
        elif m := _SMALL_CAPITAL.match(name):
            # small capitals stand in for lower-case letters in running text ("ᴡarships")
            add("small_capitals", m.group(1).lower(), ch)
        elif m := _HOOK_STROKE.match(name):
            letter = m.group(2) if m.group(1) == "CAPITAL" else m.group(2).lower()
            add("hook_stroke", letter, ch)
        elif _ROMAN.match(name):
            letter = _ascii_of_decomposition(decomposition, "<compat>")
            if letter:
                add("roman_numerals", letter, ch)

    return {
        "about": "Look-alike characters by family, keyed by the ASCII letter they pass for. "
        "Generated by tools/gen_attack_tables.py; do not edit.",
        "sources": {
            "unicode_version": _unicode_version(unicode_dir / "confusables.txt"),
            "confusables.txt": _header_date(unicode_dir / "confusables.txt"),
            "intentional.txt": _header_date(unicode_dir / "intentional.txt"),
            "Scripts.txt": _header_date(unicode_dir / "Scripts.txt"),
        },
        "families": {
            family: {letter: sorted(chars) for letter, chars in sorted(letters.items())}
            for family, letters in sorted(families.items())
        },
    }


def render(table: dict) -> bytes:
    # one letter per line keeps diffs readable when Unicode changes
    lines = ["{", f' "about": {json.dumps(table["about"])},', f' "sources": {json.dumps(table["sources"])},',
             ' "families": {']
    fams = list(table["families"].items())
    for fi, (family, letters) in enumerate(fams):
        lines.append(f"  {json.dumps(family)}: {{")
        items = list(letters.items())
        for li, (letter, chars) in enumerate(items):
            comma = "," if li < len(items) - 1 else ""
            lines.append(f"   {json.dumps(letter)}: {json.dumps(chars, ensure_ascii=False)}{comma}")
        lines.append("  }" + ("," if fi < len(fams) - 1 else ""))
    lines += [" }", "}", ""]
    return "\n".join(lines).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unicode", type=Path, default=DEFAULT_UNICODE, help="folder with the Unicode data files")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args(argv)
    data = render(build(args.unicode))
    if args.check:
        same = args.out.exists() and args.out.read_bytes() == data
        print("up to date" if same else f"{args.out} is stale: run tools/gen_attack_tables.py")
        return 0 if same else 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    n = sum(len(c) for letters in json.loads(data)["families"].values() for c in letters.values())
    print(f"wrote {args.out} ({n} look-alikes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
