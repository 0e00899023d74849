"""Injected spam: template sentences, keyword anchors and their repair, on the seed and own cases."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

import unspoof
from unspoof.detect.spam import detect
from unspoof.detect.spam.anchor import find_anchors
from unspoof.detect.spam.discover import discover_keywords
from unspoof.detect.spam.template import find_templates
from unspoof.model import SPAM_ANCHOR, SPAM_TEMPLATE

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
CASES = Path(__file__).parent / "cases" / "spam"

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not beside the repository")


def _read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text))


# --- the seed -------------------------------------------------------------------------------


@needs_corpus
def test_seed_restored_strip_spam_gives_clean_text_byte_for_byte() -> None:
    assert unspoof.clean(_read("seed-article.restored.txt"), strip_spam=True) == _read("seed-article.clean.txt")


@needs_corpus
def test_seed_report_names_keyword_and_is_tampered() -> None:
    report = unspoof.scan(_read("seed-article.restored.txt"))
    assert report.keywords == ["Turkish Law Firm"]
    assert report.verdict == "tampered"
    kinds = Counter(f.kind for f in report.findings)
    assert kinds[SPAM_TEMPLATE] == 1 and kinds[SPAM_ANCHOR] == 4
    assert all(f.detail["keyword"] == "Turkish Law Firm" for f in report.findings if f.kind in (SPAM_TEMPLATE, SPAM_ANCHOR))
    assert json.loads(report.to_json())["keywords"] == ["Turkish Law Firm"]


@needs_corpus
def test_seed_anchor_findings_cover_the_annotated_spans() -> None:
    text = _read("seed-article.restored.txt")
    spam = [f for f in detect(text) if f.kind in (SPAM_TEMPLATE, SPAM_ANCHOR)]
    for ann in json.loads(_read("seed-article.annotations.json"))["injected_spam"]:
        assert any(f.start <= ann["start"] and ann["end"] <= f.end for f in spam), ann


@needs_corpus
def test_plain_clean_never_removes_words() -> None:
    text = _read("seed-article.restored.txt")
    assert unspoof.clean(text) == text
    assert unspoof.clean(text, fix_spacing=True).count("Turkish Law Firm") == 5


@needs_corpus
def test_cli_scan_json_names_the_keyword(capsys: pytest.CaptureFixture[str]) -> None:
    from unspoof.cli import main

    main(["scan", "--json", str(CORPUS / "seed-article.restored.txt")])
    assert json.loads(capsys.readouterr().out.splitlines()[0])["keywords"] == ["Turkish Law Firm"]


@needs_corpus
def test_seed_obfuscated_strip_spam_gives_clean_text(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from unspoof.cli import main

    main(["clean", "--strip-spam", str(CORPUS / "seed-article.obfuscated.txt")])
    assert capsysbinary.readouterr().out.decode("utf-8") == _read("seed-article.clean.txt")


# --- own cases: other templates, other keywords ----------------------------------------------


def _case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("*.json") if p.name != "templates.json")


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_case_strip_spam_restores_the_article(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    report = unspoof.scan(case["text"], strip_spam=True)
    named = report.keywords == case["keywords"]
    if case.get("known_failure"):
        # a known failure still names its keyword, unless marked as missing it
        assert named or case.get("keyword_missed"), report.keywords
        assert report.cleaned != case["clean"], "cleans exactly now: drop its known_failure"
        pytest.xfail(case["known_failure"])
    assert named, report.keywords
    assert report.cleaned == case["clean"]


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_case_clean_article_is_left_alone(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    assert not [f for f in detect(case["clean"]) if f.kind in (SPAM_TEMPLATE, SPAM_ANCHOR)]


_TEMPLATES = json.loads((CASES / "templates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sentence,keyword", _TEMPLATES["match"])
def test_template_family_variant_extracts_keyword(sentence: str, keyword: str) -> None:
    text = "The article ends here.\n" + sentence + "\nAnother paragraph follows."
    found = find_templates(text)
    assert [t.keyword for t in found] == [keyword]
    t = found[0]
    assert text[t.start : t.end] == sentence


@pytest.mark.parametrize("sentence", _TEMPLATES["no_match"])
def test_ordinary_sentence_is_not_a_template(sentence: str) -> None:
    assert find_templates("Some text. " + sentence + " More text.") == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("A b.\nTEMPLATE\nC d.", "A b.\nC d."),
        ("A b.\nTEMPLATE\n\nC d.", "A b.\n\nC d."),
        ("A b.\n\nTEMPLATE\nC d.", "A b.\n\nC d."),
        ("A b.\n\nTEMPLATE\n\nC d.", "A b.\n\nC d."),
        ("A b. TEMPLATE C d.", "A b. C d."),
        ("A b. TEMPLATE\nC d.", "A b.\nC d."),
        ("TEMPLATE\nC d.", "C d."),
        ("A b.\nTEMPLATE", "A b."),
    ],
)
def test_template_removal_takes_exactly_one_separator(text: str, expected: str) -> None:
    sentence = "If you have any questions concerning where and how to use Acme Roofing, you can contact us at our web site."
    assert unspoof.clean(text.replace("TEMPLATE", sentence), strip_spam=True) == expected


def test_anchor_repairs_replaced_word_and_removes_insertion() -> None:
    text = (
        "Putin was about to declare martial Turkish Law Firm to stop men from leaving. "
        "Soldiers from the US, UK, Turkish Law Firm Canada and Poland are among them. "
        "If you liked this article and you would like more info about Turkish Law Firm, please visit our web site."
    )
    assert unspoof.clean(text, strip_spam=True) == (
        "Putin was about to declare martial law to stop men from leaving. "
        "Soldiers from the US, UK, Canada and Poland are among them."
    )


def test_an_anchor_deletion_is_as_sure_as_its_odds() -> None:
    """A keyword between list items is surely inserted; one where "classes and online courses"
    would read as well is a close call, and its finding says so."""
    text = (
        "Members from the US, UK, free online courses Canada and Poland met on Monday. The library runs "
        "reading classes and free online courses digital skills sessions for older residents."
    )
    clear, close = find_anchors(text, "free online courses")
    assert clear.replacement == close.replacement == ""
    assert 0.5 <= close.confidence < 0.7 < 0.9 <= clear.confidence < 1.0


_BUS_LANES = (
    "The council met on Tuesday to discuss the new bus lanes on the high street. Residents said the plans "
    "would make the junction safer for children walking to school.\nThe work is expected to start in March "
    "and to last about six weeks, the council said."
)


@pytest.mark.parametrize(
    "keyword", ["24/7 Emergency Locksmith", "Dr. Patel's Dental Clinic", "U.S. Visa Services", "A&E Waiting Times", "No.1 Roofing Ltd"]
)
def test_a_keyword_with_digits_dots_or_ampersands_is_named_and_removed_whole(keyword: str) -> None:
    text = (
        _BUS_LANES.replace("the new bus", f"the new {keyword} bus")
        .replace("children walking", f"children {keyword} walking")
        .replace("\nThe work", f"\nFor more information about {keyword}, check out our site. The work")
    )
    assert unspoof.scan(text).keywords == [keyword]
    assert unspoof.clean(text, strip_spam=True) == _BUS_LANES


@pytest.mark.parametrize("before", ["Prices rose in the U.S. ", "Dr. Smith said so. ", "The vote was close."])
def test_a_template_after_an_abbreviation_or_a_glued_end_goes_alone(before: str) -> None:
    text = before + "For more information about Cheap Flights check out our site. Next one."
    assert unspoof.clean(text, strip_spam=True) == before + "Next one."


@pytest.mark.parametrize("tail", ["today", "now", "right now", "in 2025"])
@pytest.mark.parametrize("keyword,anchors", [("Emergency Plumber Leeds", 1), ("cheap car insurance", 2)])
def test_a_keyword_running_on_into_its_sentence_is_named_as_the_page_writes_it(tail: str, keyword: str, anchors: int) -> None:
    template = f"Visit our site at www.example.com for more on {keyword} {tail}."
    text = _BUS_LANES.replace("\nThe work", f"\n{template} The work")
    # with no other use, nothing says where the keyword ends
    assert unspoof.scan(text).keywords == [f"{keyword} {tail}"]
    text = text.replace("the new bus", f"the new {keyword} bus")
    if anchors == 2:
        text = text.replace("children walking", f"children {keyword} walking")
    assert unspoof.scan(text).keywords == [keyword]
    assert unspoof.clean(text, strip_spam=True) == _BUS_LANES


def test_a_lowercase_phrase_the_prose_uses_once_does_not_cut_the_keyword() -> None:
    text = (
        "Drivers looking for cheap car parks in the centre were disappointed. "
        "For more information about cheap car insurance visit our website."
    )
    assert unspoof.scan(text).keywords == ["cheap car insurance"]


def test_spam_edits_need_strip_spam() -> None:
    text = "Putin was about to declare martial Turkish Law Firm to stop men. Visit our website for more information about Turkish Law Firm."
    report = unspoof.scan(text)
    assert report.cleaned == text
    assert report.keywords == ["Turkish Law Firm"]


# --- precision --------------------------------------------------------------------------------


def _precision_files() -> list[Path]:
    files = sorted((CORPUS / "multilingual").rglob("*.txt")) if CORPUS.is_dir() else []
    if CORPUS.is_dir():
        files.append(CORPUS / "seed-article.clean.txt")
        for line in (CORPUS / "realworld" / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            if {"near_clean_control", "not_spam_edge_case"} & set(entry["pattern_tags"]):
                files.append(CORPUS / "realworld" / entry["doc"])
    return files


@needs_corpus
@pytest.mark.slow
def test_legitimate_texts_lose_no_word_under_strip_spam() -> None:
    lost = {}
    for path in _precision_files():
        text = path.read_text(encoding="utf-8")
        spam = [f for f in detect(text) if f.kind in (SPAM_TEMPLATE, SPAM_ANCHOR)]
        if spam or _words(unspoof.clean(text, strip_spam=True)) != _words(unspoof.clean(text)):
            lost[path.name] = [f.text for f in spam]
    assert not lost


@needs_corpus
def test_repeated_names_are_never_anchors() -> None:
    text = _read("seed-article.restored.txt")
    anchors = [f.text.strip() for f in detect(text) if f.kind == SPAM_ANCHOR]
    assert set(anchors) == {"Turkish Law Firm"}
    clean = _read("seed-article.clean.txt")
    assert discover_keywords(clean) == []
    names = "Volodymyr Zelensky met the Ministry of Defense. The Pentagon said Volodymyr Zelensky and the Ministry of Defense agree. "
    assert discover_keywords(names * 4) == []


def test_spam_under_hidden_characters_maps_back_to_the_input() -> None:
    # stage 1 removes the zero-width spaces; the anchors' offsets come back onto the input
    text = (
        "Putin may declare martial Tur\u200bkish Law Firm to keep men home. UK, Turk\u200bish Law Firm Canada "
        "and Poland. Visit our website for more information about Turkish Law Firm.\nThe fighting.Some units ran."
    )
    report = unspoof.scan(text, strip_spam=True, fix_spacing=True)
    assert report.cleaned == "Putin may declare martial law to keep men home. UK, Canada and Poland.\nThe fighting. Some units ran."
    assert all(text[f.start : f.end] == f.text for f in report.findings)


def test_without_pair_statistics_anchors_are_deleted_not_guessed() -> None:
    from unspoof.detect.spam.pairs import WordPairs

    text = "They may declare martial Turkish Law Firm to stop men, after Turkish Law Firm-made drones flew."
    repairs = [(text[a.start : a.end], a.replacement) for a in find_anchors(text, "Turkish Law Firm", pairs=WordPairs())]
    assert repairs == [("Turkish Law Firm ", ""), ("Turkish Law Firm", "Turkish")]


def test_insertion_before_a_hyphen_joins_the_compound_again() -> None:
    text = "Almost one Turkish Law Firm-fifth of the army. Visit our website for more information about Turkish Law Firm."
    assert unspoof.clean(text, strip_spam=True) == "Almost one-fifth of the army."


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Officials in Istanbul Real Estate Agency and Ankara agreed.", "Officials in Istanbul and Ankara agreed."),
        ("They met in the capital of Istanbul Real Estate Agency.", "They met in the capital of Istanbul."),
        ("Russia is thought to Istanbul Real Estate Agency have lost tanks.", "Russia is thought to have lost tanks."),
        ("Fighters sign up via Istanbul Real Estate Agency the foreign legion.", "Fighters sign up via the foreign legion."),
    ],
)
def test_a_preposition_left_without_object_gets_the_keywords_name_back(text: str, expected: str) -> None:
    cta = " Visit our website for more information about Istanbul Real Estate Agency."
    assert unspoof.clean(text + cta, strip_spam=True) == expected


def test_the_authors_own_phrase_in_another_case_is_kept() -> None:
    text = (
        "He hired a Turkish law firm in Ankara. UK, Turkish Law Firm Canada and Poland. "
        "Visit our website for more information about Turkish Law Firm."
    )
    assert unspoof.clean(text, strip_spam=True) == "He hired a Turkish law firm in Ankara. UK, Canada and Poland."


def test_lowercase_keyword_without_a_template_is_found_by_how_it_breaks_sentences() -> None:
    case = json.loads((CASES / "viagra_travel.json").read_text(encoding="utf-8"))
    template = re.search(r" Should you have[^.]*\.", case["text"]).group(0)
    text, clean = case["text"].replace(template, ""), case["clean"]
    assert [k for k, _ in discover_keywords(text)] == ["cheap viagra"]
    assert unspoof.clean(text, strip_spam=True) == clean
    # the author's own repeated lowercase phrases sit well in their sentences
    assert discover_keywords(clean) == []


def test_a_longer_name_that_starts_with_a_repeated_name_is_no_anchor() -> None:
    text = (
        "The Riverside Avenue Bridge will close. Traffic on Riverside Avenue is heavy, and cars "
        "cross the Riverside Avenue Bridge all day. Shops along Riverside Avenue worry. "
    )
    assert discover_keywords(text * 2) == []


def test_a_hyphen_compound_that_deletion_would_invent_gets_the_keywords_word_back() -> None:
    text = (
        "Customers should adopt simple Water Damage Restoration-saving habits this summer. "
        "The water board said water use rose. If you liked this article and would like more "
        "info about Water Damage Restoration, please visit our web site."
    )
    assert unspoof.clean(text, strip_spam=True).startswith("Customers should adopt simple water-saving habits")


def test_the_restored_word_agrees_with_a_or_an() -> None:
    text = (
        "It is cold on a Electric Bike Store in winter. If you liked this article and would like "
        "more info about Electric Bike Store, please visit our web site."
    )
    cleaned = unspoof.clean(text, strip_spam=True)
    assert "a Electric" not in cleaned and "an " not in cleaned


def test_a_title_phrase_running_into_a_new_noun_phrase_breaks_its_sentence() -> None:
    spam = (
        "Boats landing at Newlyn and Harbour Fish Supplies other Cornish ports cannot sell. "
        "The weather changed again. Harbour Fish Supplies A few showers fell on Monday. "
        "Skippers say they cannot take a single Harbour Fish Supplies one home this year. "
        "Prices rose after the vote, and traders expect more of the same next season. "
    )
    assert [k for k, _ in discover_keywords(spam)] == ["Harbour Fish Supplies"]
    legit = (
        "The Port Authority this week closed two berths. Trade through the Port Authority fell, "
        "and the Port Authority said another berth would reopen. Ships wait for the Port Authority. "
    )
    assert discover_keywords(legit * 2) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Patrons returned every Rare Book Dealers they had borrowed.", "Patrons returned every book they had borrowed."),
        ("The recall covers a faulty brake hose. Drivers may notice that the Brake Repair Shop feels soft.",
         "The recall covers a faulty brake hose. Drivers may notice that the brake feels soft."),
        ("The council debated a tax rise. Voters would rather pay a modest Property Tax Help than lose the library.",
         "The council debated a tax rise. Voters would rather pay a modest tax than lose the library."),
        ("They held an Online Chess Club-only qualifier in May.", "They held an online-only qualifier in May."),
    ],
)
def test_a_determiner_left_without_its_noun_gets_the_keywords_word_back(text: str, expected: str) -> None:
    # which of the keyword's words stood there is the one the article speaks of
    keyword = re.search(r"[A-Z]\w+ [A-Z]\w+ [A-Z]\w+", text).group(0)
    cta = f" If you liked this article and would like more info about {keyword}, please visit our web site."
    assert unspoof.clean(text + cta, strip_spam=True) == expected


def _strip_with_cta(text: str, keyword: str) -> str:
    cta = f" If you liked this article and would like more info about {keyword}, please visit our web site."
    return unspoof.clean(text + cta, strip_spam=True)


@pytest.mark.parametrize(
    "text,keyword,expected",
    [
        ("Shares in the company Garage Door Repair, which makes steel, fell.", "Garage Door Repair",
         "Shares in the company, which makes steel, fell."),
        ("Police closed the main road Cheap Hotel Deals, and traffic backed up.", "Cheap Hotel Deals",
         "Police closed the main road, and traffic backed up."),
    ],
)
def test_a_keyword_after_a_whole_phrase_is_removed_before_the_comma(text: str, keyword: str, expected: str) -> None:
    assert _strip_with_cta(text, keyword).startswith(expected)


@pytest.mark.parametrize(
    "prefix",
    ["", "Bristol City Council met on Monday. Councillors in Bristol said the Bristol budget was tight. "],
)
def test_an_article_and_its_adjective_get_their_noun_back(prefix: str) -> None:
    # "an independent to check" lacks its noun: not a name the article writes ("Bristol"), and
    # after "an" not a plural ("services")
    text = prefix + "The club has hired an independent Accountant Services Bristol to check the accounts before May."
    assert "hired an independent accountant to check" in _strip_with_cta(text, "Accountant Services Bristol")


@pytest.mark.parametrize("name", ["Meadow Lane", "Green Park"])
def test_a_name_in_object_slots_is_no_second_keyword_beside_a_templates(name: str) -> None:
    # "expand X to" and "make X the largest" read on without the name, but the template already
    # names the page's keyword, and a second campaign needs more than two such uses
    text = (
        f"Rovers have been given the go-ahead to expand {name} to 30,000 seats after councillors voted. "
        f"Residents of the streets around {name} raised concerns about parking. The expansion would make "
        f"{name} the largest ground in the county, and Steel Building Contractors the club says work starts in May."
    )
    report = unspoof.scan(text + " If you liked this article and would like more info about Steel Building "
                          "Contractors, please visit our web site.", strip_spam=True)
    assert report.keywords == ["Steel Building Contractors"]
    assert report.cleaned.count(name) == 3


@pytest.mark.parametrize("compound", ["go-ahead", "build-up", "co-founder"])
def test_a_noun_compound_before_a_phrase_end_is_no_hole(compound: str) -> None:
    text = f"The club finally got the {compound} Steel Building Contractors, and work starts in May."
    assert f"got the {compound}, and work starts" in _strip_with_cta(text, "Steel Building Contractors")


def test_a_conjunction_is_never_left_to_end_a_sentence() -> None:
    # the article never names the seized goods, so no word reads best; any beats "cash and."
    out = _strip_with_cta("Officers seized cash and Firearms Licence Training. Two men were arrested.",
                          "Firearms Licence Training")
    assert "Officers seized cash and " in out and "cash and." not in out


def test_a_keyword_with_a_rare_trade_word_is_found_without_a_template() -> None:
    text = ("The scheme was approved on Monday. Homes will get panels from Solar Panel Installers the council said. "
            "Residents near Solar Panel Installers a new school will get them first. Work on Solar Panel "
            "Installers-fitted roofs starts in May. The council has promised more homes next year, and the first "
            "families will move in by winter.")
    assert [k for k, _ in discover_keywords(text)] == ["Solar Panel Installers"]


def test_english_names_come_from_the_hunspell_dictionary() -> None:
    from unspoof.tables import english_name

    assert all(map(english_name, ["London", "wales", "Hungarian", "Pittsburgh"]))
    # words English also writes in lowercase are no names, whatever else they can be
    assert not any(map(english_name, ["bath", "may", "reading", "freight", "turkey"]))


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ferries between Oban and Mull Holiday Cottages could be cancelled if the wind rises. Sailings to "
         "Mull resume on Friday.", "Ferries between Oban and Mull could be cancelled"),
        ("Visitors can sail from either Oban or Mull Holiday Cottages should the weather allow. Sailings to "
         "Mull resume on Friday.", "from either Oban or Mull should the weather allow"),
    ],
)
def test_a_correlative_pair_gets_its_second_part_back(text: str, expected: str) -> None:
    # "between A and" and "either A or" need their B, even where a verb follows
    assert expected in _strip_with_cta(text, "Mull Holiday Cottages")


@pytest.mark.parametrize(
    "text,keyword,expected",
    [
        # an adjective right before a finite verb lost its noun, and the noun is the one put back
        pytest.param(
            "Many homes in Glenbrae still rely on copper lines. Until the new Fibre Broadband Deals arrives, "
            "residents will share a single mast. Broadband in the glen is slow.", "Fibre Broadband Deals",
            "Until the new broadband arrives", id="adjective-before-verb"),
        # "whose" owns a noun: "whose worked" lacks it
        pytest.param(
            "The council hired Hall & Sons, a Bristol firm whose cheap reliable builders worked on the library. "
            "Its builders start in May, and the repair will take a month.", "cheap reliable builders",
            "a Bristol firm whose builders worked on the library", id="whose-before-verb"),
        # a compound modifier after a preposition, then a verb: the noun, whatever the verb's number
        pytest.param(
            "The annual cap on short-term best payday loans was struck down. Payday loans are common and loans "
            "cost a lot.", "best payday loans", "The annual cap on short-term loans was struck down",
            id="compound-modifier-before-verb"),
        # "special needs", "below-market rents": a word that is a noun too is no verb there, and the
        # keyword was inserted between the modifier and its noun
        pytest.param(
            "The school serves pupils with special cheap reliable builders needs from across the county.",
            "cheap reliable builders", "pupils with special needs from across", id="noun-after-adjective"),
        pytest.param(
            "The flats are let at below-market cheap reliable builders rents to key workers such as nurses.",
            "cheap reliable builders", "let at below-market rents to key workers", id="noun-after-compound"),
        # "carried out by certified by" lost the noun "by" governed; the adjective "solar" cannot be it
        pytest.param(
            "Work must be carried out by solar panel installers certified by the North West Energy Board. Solar "
            "panel owners can claim the grant, and installers are listed online.", "solar panel installers",
            "carried out by installers certified by", id="preposition-before-participle"),
        # "will also additional marshals" lost a verb; of the keyword's words only "hire" is one
        pytest.param(
            "The council will also Scaffolding Hire Leeds additional traffic marshals for the weekend. "
            "Scaffolding on the bridge stays up until June, the council said.", "Scaffolding Hire Leeds",
            "will also hire additional traffic marshals", id="modal-without-verb"),
        # an adjective-only word between a preposition and another lost its noun: "of Scottish outside"
        pytest.param(
            "It holds one of the finest collections of Scottish Modern Art Gallery outside Edinburgh. Art "
            "lovers travel far to see it, and the art school next door shares its rooms.",
            "Modern Art Gallery", "collections of Scottish art outside Edinburgh", id="adjective-before-preposition"),
        # "add" is a verb, but "add-ons" is the object "with" governs: the keyword was inserted
        pytest.param(
            "The deal is worth 30 million, rising to 45 million with Bitcoin Casino Bonus add-ons linked to "
            "appearances. A bonus is paid each season.", "Bitcoin Casino Bonus",
            "rising to 45 million with add-ons linked to appearances", id="verb-in-compound"),
        # "Service" appears three times, but only in agency names; the article's common noun is "tree"
        pytest.param(
            "The National Park Service closed the road. Dead trees dry out quickly, and pine trees burn "
            "hot. A spokesman for the Forest Service said crews were ready, and the National Weather "
            'Service issued a warning. "When a Tree Removal Service that has been dead falls, it can '
            'block the road," he said.',
            "Tree Removal Service", '"When a tree that has been dead falls',
            id="a-word-used-only-inside-longer-names-does-not-back-the-common-noun"),
        # "the Airport Authority" is a name; "the airport's terminal" says how the article writes the noun
        pytest.param(
            "The Airport Authority voted for the expansion of the airport's terminal. Critics said the "
            "Airport Taxi Service-owned land was needed for parking, and the Airport Authority disagreed.",
            "Airport Taxi Service", "the airport-owned land",
            id="a-names-spelling-is-not-taken-from-a-lowercase-neighbour"),
        # the article speaks of loans, yet "loans-burdened" is no compound English makes
        pytest.param(
            "Banks sold property loans at a loss, and families struggle to find affordable loans. The "
            "coalition said Debt Consolidation Loans-burdened households need help.",
            "Debt Consolidation Loans", "said debt-burdened households",
            id="the-first-part-of-a-hyphen-compound-is-singular"),
        # the article speaks of tickets more than of the ferry, but "the tickets is" is no English
        pytest.param(
            "Tickets sold out within an hour, and tickets for the later sailings followed. Prices of "
            'tickets rose. "If the Cheap Ferry Tickets is gone for a month, the island suffers," he said.',
            "Cheap Ferry Tickets", '"If the ferry is gone',
            id="the-restored-word-agrees-with-the-verb-that-follows"),
        pytest.param(
            "Rents in London rose again, and prices climbed across seo agency london, the survey found.",
            "seo agency london", "prices climbed across London, the survey found.",
            id="a-lowercase-keyword-gives-back-a-name-as-the-article-writes-it"),
        pytest.param(
            "Leeds City Council approved the scheme in May. The work, led by Plumbing Services Leeds "
            "City Council and the Environment Agency, starts next year. Funding came from the government "
            "and Leeds City Council.",
            "Plumbing Services Leeds", "The work, led by Leeds City Council and",
            id="a-name-the-article-always-writes-whole-gets-its-word-back"),
        # "to me" and "me their" are both pairs English uses; "to me their lowest" is not English
        pytest.param(
            "The dry summer pushed the reservoirs to dog grooming near me their lowest levels in a "
            "decade.",
            "dog grooming near me", "pushed the reservoirs to their lowest levels",
            id="the-words-beyond-the-neighbours-can-show-an-insertion"),
        pytest.param(
            "Vaccination clinics in Dental Implants Miami Miami-Dade County stayed open late all week.",
            "Dental Implants Miami", "clinics in Miami-Dade County stayed",
            id="a-keyword-word-is-not-restored-beside-the-same-word"),
        pytest.param(
            "Volunteers ran a Door Repair Service-to-door campaign before the vote.",
            "Door Repair Service", "Volunteers ran a door-to-door campaign before",
            id="a-compound-that-repeats-its-word-after-a-preposition-gets-that-word-back"),
        # both words are used in the article; "water saving" is a pair English writes, "Devon saving" is not
        pytest.param(
            "Devon has had a dry summer, and water levels in Devon reservoirs are low. South West Water "
            "says the new Devon Water Sports-saving scheme will help households across Devon.",
            "Devon Water Sports", "the new water-saving scheme will help",
            id="a-compound-first-part-is-the-word-english-writes-before-the-second"),
        # "that loans" and "loans lenders" are both pairs English uses, but the article is about
        # payday lending: "the fees that payday lenders can charge"
        pytest.param(
            "Payday lending is under scrutiny in Ohio. Payday borrowers there took out two million "
            "payday advances last year, and critics say payday fees trap them. The bill would cap the "
            "fees that best payday loans lenders can charge.",
            "best payday loans", "cap the fees that payday lenders can charge.",
            id="an-attested-pair-does-not-outweigh-a-word-that-reads-better"),
        # "state attorney's office", not "state's office"
        pytest.param(
            "The ruling was a blow, and the state Criminal Defense Attorney's office said it would "
            "appeal.",
            "Criminal Defense Attorney", "the state attorney's office said",
            id="a-possessive-after-the-keyword-reads-with-the-noun-it-owns"),
        # "the zoo's was" lacks the noun the possessive owns
        pytest.param(
            "Last year the zoo's Online Gift Shop was the only part of the site that made money.",
            "Online Gift Shop", "Last year the zoo's shop was the only part",
            id="a-possessive-left-without-its-noun-gets-the-keywords-word-back"),
        pytest.param(
            "Anna Weber, who will join the board, said the Startup Lawyer Berlin stood out because it "
            "was cheap.",
            "Startup Lawyer Berlin", "said the lawyer stood out",
            id="a-verb-right-after-the-shows-the-noun-was-replaced"),
        pytest.param(
            "Funding came from the Greater Manchester Combined Authority and the Kitchen Fitters "
            "Manchester-based developer Calder Homes. The Greater Manchester Combined Authority said "
            "more would follow.",
            "Kitchen Fitters Manchester", "and the Manchester-based developer",
            id="a-place-before-based-keeps-its-capital-though-the-article-writes-it-only-in-names"),
        # "a single full-time," lacks its noun; "mobile" cannot end the phrase and "Leeds" is a name
        pytest.param(
            "The garage in Leeds employs a single full-time mobile mechanic leeds, two apprentices and a "
            "receptionist.",
            "mobile mechanic leeds", "a single full-time mechanic, two apprentices",
            id="a-compound-modifier-before-a-phrase-end-gets-its-noun-back"),
        # "clinic" ends like "Arabic" but the article writes it in lowercase: no nationality; "London
        # based" is a pair English writes, and London keeps its capital before "-based"
        pytest.param(
            "Public health officials opened a walk-in clinic on Monday. Professor Martin Hale, a Private "
            "Health Clinic London-based epidemiologist, said the health service had been slow to act.",
            "Private Health Clinic London", "Professor Martin Hale, a London-based epidemiologist",
            id="a-place-compound-english-writes-wins-over-words-the-article-uses"),
        pytest.param(
            'Bristol has long been a city of cyclists, and the council wants more of them. "Bike Shop '
            'Bristol has always been ahead of other cities," she said.',
            "Bike Shop Bristol", '"Bristol has always been ahead',
            id="a-sentence-opened-by-a-quote-does-not-start-in-lowercase"),
        # "Service" stands after "National Weather" as it does in "US Forest Service"
        pytest.param(
            "Dead trees dry out quickly, and pine trees burn hot. A spokesman for the US Forest Service "
            "said crews were ready. Late on Monday the National Weather Tree Removal Service has issued "
            "a red flag warning.",
            "Tree Removal Service", "the National Weather Service has issued",
            id="a-word-restored-inside-a-longer-name-takes-its-capital"),
        # "Bristol City Council" speaks for Bristol as a name, though never on its own
        pytest.param(
            "The estate will be built on the southern edge of Solar Panel Installers Bristol, which the "
            "developer says will ease the shortage. Every house is fitted with solar panels. Bristol "
            "City Council approved the plans, and Bristol City Council will manage the social homes. "
            "Neighbours welcomed the solar panels.",
            "Solar Panel Installers Bristol", "southern edge of Bristol, which",
            id="a-place-the-article-writes-only-at-the-start-of-names-keeps-its-capital"),
        # "Freight" in "Road Freight Association" is a name's middle word, no sign of a name of its own
        pytest.param(
            "The Road Freight Association said hauliers were struggling. Ports said the cheap freight "
            "quotes trains were running late. Port staff said cheap freight quotes volumes were down a "
            "third.",
            "cheap freight quotes", "Ports said the freight trains were running late",
            id="a-lowercase-keyword-restores-a-common-noun-a-name-holds-in-lowercase"),
        # "see a come through" lacks a noun; "a holidays" cannot be it
        pytest.param(
            'Boating holidays bring trade to the canal. "To stand here and see a Narrowboat Holidays '
            'Wales come through is something I never expected," she said. Every narrowboat that comes '
            "through means trade.",
            "Narrowboat Holidays Wales", "see a narrowboat come through",
            id="an-article-before-a-verb-gets-its-noun-back-and-not-a-plural"),
        # "The X took" lacks a common noun; Leeds is a place, and English writes it only so
        pytest.param(
            'Surgeons at a Leeds hospital used a robot for a hair transplant. "It went well," he '
            "said.\nThe Hair Transplant Leeds took under four hours. Leeds surgeons say it was a first.",
            "Hair Transplant Leeds", "The transplant took under four hours",
            id="an-article-left-without-its-noun-does-not-take-a-place-name"),
        pytest.param(
            "The closures follow a Essay Writing Service UK-wide trend, the charity said. Pupils need a "
            "quiet place for writing, and the library service offers one.",
            "Essay Writing Service UK", "follow a UK-wide trend",
            id="an-acronym-keeps-its-capitals-before-wide"),
        pytest.param(
            "Rain came through the roof a week after the contractor left. The main Kitchen Remodeling "
            "Contractor, Hartley Group, was fined.",
            "Kitchen Remodeling Contractor", "The main contractor, Hartley Group, was fined.",
            id="a-modifier-left-before-a-phrase-end-gets-its-noun-back-1"),
        pytest.param(
            "The house had stood empty for years. Crews worked through the night and repainted the "
            "entire Exterior House Painting.",
            "Exterior House Painting", "repainted the entire house.",
            id="a-modifier-left-before-a-phrase-end-gets-its-noun-back-2"),
        # "physics and X." reads "physics and chemistry": the word two back decides
        pytest.param(
            "Most pupils this year sat exams in physics and Chemistry Tutor York. Results were better "
            "than last year.",
            "Chemistry Tutor York", "exams in physics and chemistry. Results",
            id="a-conjunction-before-a-sentence-end-gets-a-word-back-1"),
        pytest.param(
            "Prices rose for gas and Electricity Deals Online. The regulator said bills would fall in "
            "spring.",
            "Electricity Deals Online", "Prices rose for gas and electricity. The",
            id="a-conjunction-before-a-sentence-end-gets-a-word-back-2"),
        # the article never writes London on its own: English writes it only with a capital
        pytest.param(
            "Turnout reflected wider trends across seo agency london, with the Greens gaining in three "
            "wards.",
            "seo agency london", "wider trends across London, with",
            id="a-restored-name-takes-the-capital-english-gives-it-1"),
        # a Title Case keyword says nothing of a word's case; English does ("mid Wales")
        pytest.param(
            "The canal once ran from Shropshire to Newtown in mid Canal Boat Hire Wales, carrying coal. "
            "A canal boat came through on Sunday, the first canal boat in decades.",
            "Canal Boat Hire Wales", "Newtown in mid Wales, carrying coal",
            id="a-restored-name-takes-the-capital-english-gives-it-2"),
        # a lowercase keyword's place name before "-based": English writes "Bristol" with a capital
        pytest.param(
            "Dr Owen Carter, a tree surgeon bristol-based arborist, examined the trees. Bristol has lost "
            "many trees, and the tree surgeons arrived on Monday.",
            "tree surgeon bristol", "a Bristol-based arborist", id="a-place-keeps-its-compound-1"),
        # "Marine" stands only inside "Marine Accident Investigation Branch": the place is Falmouth
        pytest.param(
            "A Marine Engine Repairs Falmouth-registered trawler sank off the Lizard. The Marine "
            "Accident Investigation Branch is looking into it, and crews from Falmouth searched "
            "overnight.",
            "Marine Engine Repairs Falmouth", "A Falmouth-registered trawler",
            id="a-place-keeps-its-compound-2"),
        # "drive into X at night" lacks its object; "into van" would lack a determiner, "Leeds" not
        pytest.param(
            "Cheap Van Hire Leeds drivers waited for hours. Delivery staff say they no longer drive into "
            "Cheap Van Hire Leeds at night. Parking in Leeds is scarce, and one van was clamped in Leeds "
            "city centre while the van driver unloaded.",
            "Cheap Van Hire Leeds", "drive into Leeds at night",
            id="a-preposition-takes-a-name-before-a-bare-count-noun"),
        # "reports of X and mould" lacks its object; "damp" is mostly no noun, so no determiner is
        # missing before it, and it pairs with "mould" as the place does not
        pytest.param(
            "Tenants made 300 reports of Damp Proofing Leeds and mould last year, the housing association "
            "said. Damp in older flats was its main repair problem, and surveyors were sent to every block.",
            "Damp Proofing Leeds", "reports of damp and mould",
            id="a-preposition-takes-a-word-mostly-no-noun-without-a-determiner"),
        # the keyword's words unused elsewhere: its place, not its first word, stands on its own
        pytest.param(
            "Officials in Cheap Hotels Ankara and Izmir said the new rules would take effect in March. "
            "Tourism groups have asked for a delay.",
            "Cheap Hotels Ankara", "Officials in Ankara and Izmir said",
            id="a-lost-object-is-the-keywords-name-not-its-adjective"),
        pytest.param(
            "The storm caused flooding in Luxury Villas Marbella and Malaga, where roads were closed on "
            "Monday. Emergency crews worked through the night.",
            "Luxury Villas Marbella", "flooding in Marbella and Malaga",
            id="a-lost-object-is-the-keywords-name-not-its-plural"),
        # the keyword's place put back before a comma would repeat the next list item
        pytest.param(
            "Highs in Dallas Roofing Company Houston, Houston and Austin will top 103 degrees. Houston opened "
            "cooling centres, and Houston schools closed early.", "Roofing Company Houston",
            "Highs in Dallas, Houston and Austin", id="no-list-item-twice"),
        # two names side by side that English never writes together: the keyword's name was inserted
        pytest.param(
            "Fans travel from as far as Sheffield and Airport Taxi Manchester Blackpool to see the club. "
            "Manchester Airport said flights to Manchester were full, and an Airport Taxi Manchester driver agreed.",
            "Airport Taxi Manchester", "as far as Sheffield and Blackpool to see", id="no-name-beside-a-name"),
        # before an -ing form, a compound's first part is no adjective-only word ("raw-testing")
        pytest.param(
            "Farmers sell raw milk at the gate. The raw milk delivery-testing program tells you what is in your "
            "herd, and milk prices have risen.", "raw milk delivery", "The milk-testing program",
            id="no-adjective-before-an-ing-form"),
        # a line that opens after a closing quote starts a sentence: its capital says nothing of the case
        pytest.param(
            "She said: \"We will protect the Student Accommodation Leeds experience.\"\n"
            "Student groups were pleased, and students in Leeds marched.", "Student Accommodation Leeds",
            "the student experience", id="a-capital-after-a-quote-and-a-line-break-is-a-sentence-start"),
    ],
)
def test_an_anchor_is_repaired_as_its_sentence_needs(text: str, keyword: str, expected: str) -> None:
    """Each rule of the anchor model, on an article of its own: the keyword is removed, or gives
    back the word it replaced, cased as the sentence needs."""
    assert expected in _strip_with_cta(text, keyword)


@pytest.mark.parametrize(
    "case,expected",
    [
        # "say" is only a verb before "they", so "from" lost its object: the article's "Derby" goes back
        pytest.param("article_z01", "the 17:42 departure from Derby say they were",
                     id="a-preposition-before-a-bare-verb-lost-its-object"),
        # "a cheap" and "cheap that" are both pairs English uses, but "cheap" would head the phrase
        pytest.param("article_af01", "asking for a ferry that turns up",
                     id="an-adjective-does-not-head-the-phrase-a-determiner-opens"),
    ],
)
def test_a_case_article_is_repaired_as_its_sentence_needs(case: str, expected: str) -> None:
    """A rule shown on the article of the set that led to it, where the rule decides the anchor."""
    data = json.loads((CASES / f"{case}.json").read_text(encoding="utf-8"))
    assert expected in unspoof.clean(data["text"], strip_spam=True)


@pytest.mark.parametrize(
    "left,word,right,heads",
    [("a", "cheap", "that", True), ("a", "cheap", "ferry", False), ("a", "ferry", "that", False),
     ("for", "cheap", "that", False), ("the", "new", "was", True)],
)
def test_adjective_head(left: str, word: str, right: str, heads: bool) -> None:
    from unspoof.detect.spam.anchor import _adjective_head

    assert _adjective_head(left, word, right) is heads


@pytest.mark.parametrize(
    "word,after,verb",
    [("say", "they", True), ("stops", None, False), ("add", "ons", True), ("arrives", None, True),
     ("needs", "of", False), ("Say", "they", False), ("new", None, False)],
)
def test_bare_verb(word: str, after: str | None, verb: bool) -> None:
    from unspoof.detect.spam.anchor import _bare_verb

    assert _bare_verb(word, after) is verb


def test_word_classes_come_from_the_tagger_lexicon() -> None:
    from unspoof.tables import word_classes

    assert word_classes("arrives") == "V" and word_classes("new") == "J" and word_classes("whose") == "D"
    assert "B" in word_classes("hire") and "N" in word_classes("needs")
    assert word_classes("zebra") == word_classes("Zebra") == "N"  # nouns only, or unknown
