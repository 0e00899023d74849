"""The hidden-character table is reproducible from the Unicode data and agrees with it."""

from __future__ import annotations


from unspoof.detect.hidden import RangeSet, hidden_tables

from shared_data import regenerate


def _lines(path):
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            yield [f.strip() for f in line.split(";")]


def test_regenerating_gives_the_same_bytes(shared, tmp_path):
    generated, committed = regenerate("gen_hidden_tables.py", "hidden.json", tmp_path)
    assert generated == committed


def test_default_ignorables_follow_derived_core_properties(shared):
    t = hidden_tables()
    count = 0
    for fields in _lines(shared / "unicode" / "DerivedCoreProperties.txt"):
        if fields[1] != "Default_Ignorable_Code_Point":
            continue
        a, _, b = fields[0].partition("..")
        for cp in range(int(a, 16), int(b or a, 16) + 1):
            assert chr(cp) in t.ignorable
            count += 1
    assert count > 4000
    for ch in "a \u00e9\u0301\u200a\u3000":
        assert ch not in t.ignorable


def test_emoji_and_scripts():
    t = hidden_tables()
    assert "\U0001f468" in t.emoji and "\U0001f3fd" in t.emoji and "\U0001f1eb" in t.emoji
    assert "#" not in t.emoji and "\u200d" not in t.emoji
    assert t.tag_sequences == {"gbeng", "gbsct", "gbwls"}
    assert "\u2764" in t.emoji_vs_bases and "1" in t.emoji_vs_bases
    assert "ف" in t.joiner_letters and "क" in t.joiner_letters and "\u094d" in t.joiner_letters
    assert "a" not in t.joiner_letters and "д" not in t.joiner_letters
    assert "\u8fbb" in t.han and "\u1821" in t.mongolian and "\u0e44" in t.nospace_letters
    assert "\u0301" in t.marks and "\u0301" in t.inherited_marks and "\u094d" not in t.inherited_marks
    assert "\u034f" not in t.marks  # the combining grapheme joiner is default-ignorable
    assert t.mirror["("] == ")" and t.mirror["»"] == "«"


def test_range_set():
    r = RangeSet([[0x41, 0x5A], [0x61, 0x61]])
    assert "A" in r and "Z" in r and "a" in r and "b" not in r and "@" not in r
    assert "ab" not in r
    assert r.char_class() == "\\U00000041-\\U0000005a\\U00000061"
