"""The attack generator: deterministic, exact ground truth, and each family true to its name."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from unspoof import attack
from unspoof.attack import FAMILIES, Recipe, payloads, tamper

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

ENGLISH = (
    "Russian warships carrying scores of military trucks were seen passing through a strait yesterday. "
    "The Tsugaru Strait between the Sea of Japan and the Pacific Ocean separates Honshu and Hokkaido! "
    "Could this be a sign of reinforcements? Experts say the cope and the pose are the same."
)
RUSSIAN = "Москва стоит на реке. Города России растут, а население страны меняется каждый год."
GREEK = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μια από τις αρχαιότερες πόλεις του κόσμου."

EVERYTHING = Recipe(
    lookalike=0.15, families=FAMILIES, words=0.1, reverse=0.3, invisible=0.1, bidi=0.05,
    tags=0.05, anchors=0.05, templates=0.3,
)

#: what the Unicode name of every character of a family says
FAMILY_NAMES = {
    "cyrillic": ("CYRILLIC",),
    "greek": ("GREEK",),
    "armenian": ("ARMENIAN",),
    "cherokee": ("CHEROKEE",),
    "lisu": ("LISU",),
    "math": ("MATHEMATICAL",),
    "fullwidth": ("FULLWIDTH LATIN",),
    "small_capitals": ("LATIN LETTER SMALL CAPITAL",),
    "hook_stroke": ("HOOK", "STROKE"),
    "roman_numerals": ("ROMAN NUMERAL",),
}


def _names() -> dict[str, str]:
    """Character names from the Unicode files the table was built from (newer than Python's)."""
    path = SHARED / "unicode" / "UnicodeData.txt"
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split(";")
        out[chr(int(fields[0], 16))] = fields[1]
    return out


NAMES = _names()


def _texts():
    texts = [ENGLISH, RUSSIAN, GREEK]
    seed_article = SHARED / "corpus" / "seed-article.clean.txt"
    if seed_article.exists():
        texts.append(seed_article.read_text(encoding="utf-8")[:6000])
    return texts


def test_same_seed_same_result_and_seeds_differ():
    a = tamper(ENGLISH, EVERYTHING, seed=11)
    b = tamper(ENGLISH, EVERYTHING, seed=11)
    c = tamper(ENGLISH, EVERYTHING, seed=12)
    assert a == b
    assert a.text != c.text


@pytest.mark.parametrize("seed", range(6))
def test_ground_truth_offsets_index_both_texts_and_invert_the_attack(seed):
    for text in _texts():
        t = tamper(text, EVERYTHING, seed=seed)
        assert t.original == text
        last_end = last_orig_end = 0
        for e in t.edits:
            assert t.text[e.start:e.end] == e.text
            assert text[e.orig_start:e.orig_end] == e.original
            assert e.start >= last_end and e.orig_start >= last_orig_end  # ordered, no overlap
            assert e.text != e.original
            last_end, last_orig_end = e.end, e.orig_end
        assert t.restore() == text
        # outside the edits, the tampered text is the original
        assert len(t.text) - sum(len(e.text) for e in t.edits) == len(text) - sum(len(e.original) for e in t.edits)


def test_everything_recipe_makes_every_kind_of_edit():
    kinds = set()
    for seed in range(4):
        for text in (ENGLISH, RUSSIAN, GREEK):
            kinds |= {e.kind for e in tamper(text, EVERYTHING, seed=seed).edits}
    assert kinds == {"lookalike", "invisible", "bidi", "tag_payload", "spam_anchor", "spam_template"}


@pytest.mark.parametrize("fam", FAMILIES)
def test_each_family_produces_characters_of_its_family(fam):
    t = attack.swap_lookalikes(ENGLISH, family=fam, rate=1.0, seed=3)
    assert t.count("lookalike") > 0
    for e in t.edits:
        assert e.family == fam and e.attack == "char"
        assert e.text in attack.lookalikes(fam, e.original)
        name = NAMES.get(e.text) or unicodedata.name(e.text)
        assert any(word in name for word in FAMILY_NAMES[fam]), (e.text, name)
        assert attack.family_of(e.text) is not None
    # letters without a look-alike in the family stay as they were
    swapped = {e.orig_start for e in t.edits}
    for i, ch in enumerate(ENGLISH):
        if i not in swapped and ch.isascii() and ch.isalpha():
            assert not attack.lookalikes(fam, ch)


def test_whole_word_swap_writes_the_whole_word_in_one_family():
    t = attack.swap_words(ENGLISH, family="cyrillic", rate=1.0, seed=1)
    edited = set()
    for e in t.edits:
        assert e.attack == "word" and e.family == "cyrillic"
        assert unicodedata.name(e.text).startswith("CYRILLIC")
        edited.add(e.orig_start)
    swapped = []
    for m in re.finditer(r"[A-Za-z]+", ENGLISH):
        inside = {i for i in range(m.start(), m.end()) if i in edited}
        assert not inside or len(inside) == len(m.group())  # all letters or none
        if inside:
            swapped.append(m.group())
            assert all(attack.lookalikes("cyrillic", ch) for ch in m.group())
    assert "cope" in swapped and "Russian" not in swapped  # no Cyrillic look-alike for n


def test_reverse_attack_puts_latin_letters_into_cyrillic_and_greek_words():
    for text, script in ((RUSSIAN, "CYRILLIC"), (GREEK, "GREEK")):
        t = attack.reverse(text, rate=1.0, seed=0)
        assert t.count("lookalike") > 3
        for e in t.edits:
            assert e.attack == "reverse" and e.text in attack.families.REVERSE_LETTERS
            assert unicodedata.name(e.original).startswith(script)
        assert t.restore() == text
    assert attack.reverse(ENGLISH, rate=1.0).edits == ()  # Latin text has nothing to reverse


def test_invisible_characters_are_inside_words():
    t = attack.insert_invisible(ENGLISH, rate=0.5, seed=4)
    assert t.count("invisible") > 5
    for e in t.edits:
        assert e.original == "" and e.text in payloads.INVISIBLES
        assert t.text[e.start - 1].isalpha() and t.text[e.end].isalpha()


def test_bidi_reordering_stores_the_word_backwards_inside_an_override():
    t = attack.reorder_bidi(ENGLISH, rate=0.5, seed=2)
    assert t.count("bidi") > 3
    for e in t.edits:
        assert e.text[0] in (payloads.RLO, payloads.RLI)
        body = e.text.strip(payloads.RLO + payloads.PDF + payloads.RLI + payloads.PDI)
        assert body[::-1] == e.original


def test_tag_payloads_decode_to_a_known_message():
    t = attack.hide_tags(ENGLISH, rate=0.3, seed=5)
    assert t.count("tag_payload") > 0
    for e in t.edits:
        assert all(0xE0020 <= ord(c) < 0xE007F for c in e.text)
        assert payloads.decode_tags(e.text) in payloads.TAG_MESSAGES


def test_spam_insertion_adds_anchors_and_template_sentences():
    t = attack.insert_spam(ENGLISH, anchors=0.2, templates=1.0, keyword="Best Casino", seed=6)
    anchors, templates = t.count("spam_anchor"), t.count("spam_template")
    assert anchors > 0 and templates == 3  # three sentence ends followed by a space
    assert t.text.count("Best Casino") == anchors + templates
    assert t.restore() == ENGLISH
    # a paragraph's last sentence is a sentence end too: the template follows it on its line
    two = "First paragraph ends here.\nSecond one too."
    t = attack.insert_spam(two, anchors=0.0, templates=1.0, seed=1)
    assert t.count("spam_template") == 1 and t.text.split("\n")[0].startswith("First paragraph ends here. ")
    assert t.restore() == two


def test_rates_of_zero_change_nothing_and_unknown_family_is_an_error():
    t = tamper(ENGLISH, seed=1)
    assert t.text == ENGLISH and t.edits == ()
    with pytest.raises(ValueError, match="unknown look-alike family"):
        attack.swap_lookalikes(ENGLISH, family="klingon")


def test_ground_truth_as_findings_matches_the_report_model():
    t = tamper(ENGLISH, EVERYTHING, seed=9)
    findings = t.findings()
    assert [f.start for f in findings] == [e.start for e in t.edits]
    assert all(f.replacement == e.original for f, e in zip(findings, t.edits))
    assert t.to_dict()["edits"][0]["kind"] == t.edits[0].kind


@pytest.mark.skipif(not (SHARED / "unicode" / "confusables.txt").exists(), reason="needs ../shared/unicode")
def test_regenerating_the_attack_table_gives_identical_bytes():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_attack_tables.py"), "--check", "--unicode", str(SHARED / "unicode")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
