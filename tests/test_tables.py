"""The generated tables are reproducible from the Unicode data and say what Unicode says."""

from __future__ import annotations


from shared_data import regenerate

from unspoof.tables import lookalike, reverse, script, tables


def test_regenerating_gives_the_same_bytes(shared, tmp_path):
    generated, committed = regenerate("gen_tables.py", "unicode.json", tmp_path)
    assert generated == committed


def test_scripts_follow_scripts_txt(shared):
    # every single-code-point line of Scripts.txt agrees with the runtime lookup
    checked = 0
    for raw in (shared / "unicode" / "Scripts.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line or ".." in line.split(";")[0]:
            continue
        cp, name = (f.strip() for f in line.split(";"))
        assert script(chr(int(cp, 16))) == name
        checked += 1
    assert checked > 500
    assert script("\U000effff") == "Unknown"


def test_lookalike_sources():
    assert lookalike("а").targets == "a" and lookalike("а").source == "intentional"
    assert lookalike("ɗ").targets == "d"  # confusables maps it to d + combining mark
    assert lookalike("ᴡ").targets == "w"
    assert lookalike("Ƭ").source.startswith("rule:")  # T WITH HOOK, by name
    assert lookalike("Ԁ").targets == "d"  # case partner of ԁ
    assert lookalike("𝐟").targets == "f" and lookalike("ｆ").targets == "f"
    assert lookalike("Ι").targets == "Il" and lookalike("ⅼ").targets == "lI"
    assert lookalike("é") is None and lookalike("ř") is None  # accented letters are letters
    assert lookalike("ʳ") is None  # superscripts are typography
    assert lookalike("a") is None


def test_reviewed_extension_entries_carry_reasons():
    reasons = tables().extra_reasons
    assert reasons and all(len(r) > 20 for r in reasons.values())
    for ch in reasons:
        assert lookalike(ch) is not None


def test_reverse_map_for_the_reverse_attack():
    for letter, expected in zip("aeopcxyKMTHB", "аеорсхуКМТНВ"):
        assert expected in reverse("Cyrillic", letter)
    assert "Α" in reverse("Greek", "A")
