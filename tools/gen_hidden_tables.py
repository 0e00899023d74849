#!/usr/bin/env python3
"""Generate ``src/unspoof/tables/hidden.json``, the character knowledge of the hidden-character detector.

    python tools/gen_hidden_tables.py [--unicode DIR] [--out FILE]

Inputs (Unicode 17.0, from ``../shared/unicode``): DerivedCoreProperties.txt
(Default_Ignorable_Code_Point), emoji-data.txt, emoji-sequences.txt, emoji-zwj-sequences.txt,
emoji-variation-sequences.txt, Scripts.txt and UnicodeData.txt.

What it derives (every set is stored as sorted, merged ``[first, last]`` code-point ranges):
- ``default_ignorable``: characters that render as nothing when not supported.
- ``emoji``: the characters an emoji ZWJ sequence joins (Extended_Pictographic, skin-tone
  modifiers, regional indicators, hair components, and every element of a listed ZWJ sequence).
- ``emoji_vs_bases``: bases of the listed emoji variation sequences (text/emoji style).
- ``emoji_tag_sequences``: the tag letters of the RGI emoji tag sequences (``gbeng`` …).
- ``joiner_letters``: letters and marks of the scripts whose spelling uses ZWJ/ZWNJ: the scripts
  with a virama (canonical combining class 9, the Brahmic conjunct builders) and the cursive
  joining scripts listed in ``CURSIVE_SCRIPTS``.
- ``nospace_letters``: letters and marks of the scripts in ``NOSPACE_SCRIPTS`` (Thai, Khmer …),
  written without spaces, where a zero-width space marks a line-break opportunity.
- ``han`` and ``mongolian``: letters of those scripts (ideographic and Mongolian variation).
- ``marks``: non-spacing and enclosing marks that are not default-ignorable (zalgo counting),
  ``inherited_marks`` the subset shared by all scripts (Script=Inherited).
- ``few_marks``: characters of the scripts whose letters carry at most a few marks.
- ``rtl``: right-to-left characters (Bidi_Class R, AL, AN) other than the direction marks.
- ``mirror``: pairs of Bidi_Mirrored characters whose names differ only by LEFT/RIGHT or
  LESS-THAN/GREATER-THAN (what an RTL display draws instead).

The output is deterministic: the same inputs give the same bytes (a test checks this).
"""

from __future__ import annotations

from pathlib import Path

from ucd import ROOT, code_range, data_lines, generator_main

DEFAULT_OUT = ROOT / "src" / "unspoof" / "tables" / "hidden.json"

# Scripts written cursively, where ZWJ/ZWNJ select joining forms (ArabicShaping.txt lists their
# joining types; it is not among the shared data, so the list is written out here).
CURSIVE_SCRIPTS = (
    "Adlam", "Arabic", "Chorasmian", "Hanifi_Rohingya", "Mandaic", "Manichaean", "Mongolian",
    "Nko", "Old_Sogdian", "Old_Uyghur", "Phags_Pa", "Psalter_Pahlavi", "Sogdian", "Syriac",
)
# Scripts written without spaces between words, where ZWSP marks a line-break opportunity.
NOSPACE_SCRIPTS = ("Khmer", "Lao", "Myanmar", "New_Tai_Lue", "Tai_Le", "Tai_Tham", "Tai_Viet", "Thai")
# Alphabets whose letters take at most a few marks (Vietnamese two, polytonic Greek three).
FEW_MARK_SCRIPTS = ("Armenian", "Common", "Cyrillic", "Georgian", "Greek", "Latin")


def _expand(field: str) -> range:
    a, b = code_range(field)
    return range(a, b + 1)


def ranges(cps: set[int]) -> list[list[int]]:
    """Sorted code points as merged ``[first, last]`` ranges."""
    out: list[list[int]] = []
    for cp in sorted(cps):
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def unicode_data(path: Path) -> tuple[dict[int, str], dict[int, str], dict[int, int], set[int], set[int]]:
    """Names, general categories, combining classes, Bidi_Mirrored and right-to-left characters
    (Bidi_Class R, AL or AN), with First/Last ranges expanded."""
    name: dict[int, str] = {}
    cat: dict[int, str] = {}
    ccc: dict[int, int] = {}
    mirrored: set[int] = set()
    rtl: set[int] = set()
    first: int | None = None
    for f in data_lines(path):
        cp = int(f[0], 16)
        if f[1].endswith(", First>"):
            first = cp
            continue
        span = range(first, cp + 1) if f[1].endswith(", Last>") and first is not None else range(cp, cp + 1)
        first = None
        for c in span:
            name[c] = f[1]
            cat[c] = f[2]
            ccc[c] = int(f[3])
            if f[9] == "Y":
                mirrored.add(c)
            if f[4] in ("R", "AL", "AN"):
                rtl.add(c)
    return name, cat, ccc, mirrored, rtl


def derive(unicode_dir: Path) -> dict:
    name, cat, ccc, mirrored, rtl = unicode_data(unicode_dir / "UnicodeData.txt")

    ignorable: set[int] = set()
    for f in data_lines(unicode_dir / "DerivedCoreProperties.txt"):
        if f[1] == "Default_Ignorable_Code_Point":
            ignorable.update(_expand(f[0]))

    script: dict[int, str] = {}
    for f in data_lines(unicode_dir / "Scripts.txt"):
        for cp in _expand(f[0]):
            script[cp] = f[1]

    emoji: set[int] = set()
    for f in data_lines(unicode_dir / "emoji-data.txt"):
        prop = f[1]
        cps = set(_expand(f[0]))
        if prop in ("Extended_Pictographic", "Emoji_Modifier"):
            emoji |= cps
        elif prop == "Emoji_Component":
            # regional indicators and hair components; not ASCII keycap bases, joiners or tags
            emoji |= {cp for cp in cps if cp > 0x7F and cp not in ignorable and cat.get(cp) not in ("Mn", "Me", "Cf")}

    vs_bases: set[int] = set()
    for f in data_lines(unicode_dir / "emoji-variation-sequences.txt"):
        base, _vs = f[0].split()
        vs_bases.add(int(base, 16))

    tag_sequences: set[str] = set()
    for f in data_lines(unicode_dir / "emoji-sequences.txt"):
        cps = [int(h, 16) for h in f[0].split()] if ".." not in f[0] else []
        if f[1] == "RGI_Emoji_Tag_Sequence":
            tag_sequences.add("".join(chr(cp - 0xE0000) for cp in cps[1:-1]))
        for i, cp in enumerate(cps[1:], 1):
            if cp == 0xFE0F:
                vs_bases.add(cps[i - 1])
    for f in data_lines(unicode_dir / "emoji-zwj-sequences.txt"):
        cps = [int(h, 16) for h in f[0].split()]
        for i, cp in enumerate(cps):
            if cp == 0xFE0F:
                vs_bases.add(cps[i - 1])
            elif cp != 0x200D:
                emoji.add(cp)

    brahmic = {script[cp] for cp, c in ccc.items() if c == 9 and cp in script}
    joiner_scripts = sorted((brahmic | set(CURSIVE_SCRIPTS)) - {"Common", "Inherited"})

    def letters_of(scripts: set[str] | tuple[str, ...], cats: tuple[str, ...] = ("L", "M")) -> set[int]:
        wanted = set(scripts)
        return {
            cp for cp, s in script.items()
            if s in wanted and cat.get(cp, "Cn")[0] in cats and cp not in ignorable
        }

    marks = {cp for cp, c in cat.items() if c in ("Mn", "Me") and cp not in ignorable}
    inherited_marks = {cp for cp in marks if script.get(cp) == "Inherited"}
    few_marks = {cp for cp, s in script.items() if s in FEW_MARK_SCRIPTS and cat.get(cp, "Cn")[0] in "LNPS"}

    by_name = {n: cp for cp, n in name.items()}
    swaps = (("LEFT", "RIGHT"), ("RIGHT", "LEFT"), ("LESS-THAN", "GREATER-THAN"), ("GREATER-THAN", "LESS-THAN"))
    mirror: list[list[int]] = []
    for cp in sorted(mirrored):
        n = name[cp]
        for a, b in swaps:
            if a in n:
                other = by_name.get(n.replace(a, b))
                if other is not None and other in mirrored and other != cp:
                    mirror.append([cp, other])
                    break

    return {
        "unicode_version": "17.0.0",
        "default_ignorable": ranges(ignorable),
        "emoji": ranges(emoji),
        "emoji_vs_bases": ranges(vs_bases),
        "emoji_tag_sequences": sorted(tag_sequences),
        "joiner_scripts": joiner_scripts,
        "joiner_letters": ranges(letters_of(joiner_scripts)),
        "nospace_letters": ranges(letters_of(NOSPACE_SCRIPTS)),
        "han": ranges(letters_of(("Han",), ("L",))),
        "mongolian": ranges(letters_of(("Mongolian",), ("L",))),
        "marks": ranges(marks),
        "inherited_marks": ranges(inherited_marks),
        "few_marks": ranges(few_marks),
        "mirror": mirror,
        # the direction marks RLM and ALM are right-to-left too, but written in any text
        "rtl": ranges(rtl - {0x200F, 0x061C}),
    }


def main() -> None:
    generator_main(__doc__, DEFAULT_OUT, derive)


if __name__ == "__main__":
    main()
