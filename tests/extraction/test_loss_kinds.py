"""What a count of equipment counts: the rows of patterns/en/loss_kinds.jsonl read on the words after it."""

from __future__ import annotations

import pytest

from articles.extraction.records import LOSS_CATEGORIES
from articles.extraction.rules import losses


@pytest.mark.parametrize(
    ("words", "category"),
    [
        # p185 (GlobalSecurity): "59,250 troops, 357 tanks, 260 infantry fighting vehicles, 207 armoured
        # personnel carriers, ... 48 MLRS launchers"
        ("tanks, 260 infantry fighting vehicles", "tanks"),
        ("infantry fighting vehicles, 207 armoured", "armored_vehicles"),
        ("armoured personnel carriers, 1,833", "armored_vehicles"),
        ("MLRS launchers, including 13 of HIMARS", "mlrs"),
        # p192 (Critical Threats): "Russian forces launched 21 Kh-101 cruise missiles"; p055: "two Russian
        # X-22 cruise missiles hit a crowded shopping centre"
        ("cruise missiles; two Zirkon/Onyx", "missiles"),
        # p071: "destroyed three MI-8 helicopters at an airfield"; p185: "653 aircraft, 283 helicopters"
        ("helicopters at an airfield", "helicopters"),
        ("aircraft, 283 helicopters", "aircraft"),
        # p001 (Ministry of Defence of Ukraine), tally labels: "APV ‒ 1946 од,", "MLRS ‒ 111 од,"
        ("APV", "armored_vehicles"),
        ("MLRS", "mlrs"),
        # made up
        ("main battle tanks were hit", "tanks"),
        ("air-defence systems near Kherson", "air_defense"),
        ("air defence means", "air_defense"),
        ("anti-aircraft warfare systems", "air_defense"),
        ("Shahed drones overnight", "drones"),
        ("unmanned aerial vehicles", "drones"),
        ("fighter jets", "aircraft"),
        ("fuel tanks and trucks", "vehicles"),
        ("warships / boats", "ships"),
        ("special equipment", "special_equipment"),
    ],
)
def test_the_words_after_a_count_name_their_category(words, category):
    assert losses.equipment_kind(words) == category


@pytest.mark.parametrize(
    "words",
    [
        "MLRS projectiles",  # made up: what a system fires ("Uragan MLRS projectiles")
        "rocket launchers rockets",
        "jet-type drones",  # made up: a drone shaped like a jet
        "air - defence systems",  # a hyphen with spaces is no compound
        "fuel tank",  # the table names fuel tanks only in the plural
        "\ntanks",  # the words must open the text
        "troops",
        "tanker",
    ],
)
def test_no_category_where_the_words_name_none(words):
    assert losses.equipment_kind(words) is None


def test_every_row_names_a_loss_category():
    assert {kind.category for kind in losses.loss_kinds()} <= set(LOSS_CATEGORIES)


@pytest.mark.parametrize(
    ("words", "group"),
    [
        # p211: "an estimated 200–300 Russian soldiers occupied parts of the city"
        ("soldiers occupied parts of the city", "soldiers"),
        # p019: "At least 102 civilians in Ukraine have been killed"; p022: "351 civilians killed and 707 injured"
        ("civilians in Ukraine have been killed", "civilians"),
        ("civilians killed and 707 injured", "civilians"),
        # p190: "including 745 children"; p020: "331 civilians, including 19 children, had been killed"
        ("children — have been confirmed killed", "civilians"),
        # made up
        ("service members were wounded", "soldiers"),
        ("military personnel died", "soldiers"),
        ("residents were hurt", "people"),
        ("people were killed", "people"),
    ],
)
def test_the_words_after_a_count_name_whom_it_counts(words, group):
    assert losses.people_kind(words) == group


@pytest.mark.parametrize(
    "words",
    [
        # p062: "1,214 troops concentrations over the last day"; p044: "more than 260 fighters transported out
        # of the plant" (evacuated, not lost)
        "troops concentrations over the last",
        "fighters transported out of the plant",
        # made up: a possessive, a place where troops stand
        "soldiers’ families",
        "troops positioned near the border",
        "tanks",
    ],
)
def test_no_group_where_the_words_count_no_one(words):
    assert losses.people_kind(words) is None


@pytest.mark.parametrize(
    ("label", "category"),
    [
        # p001 and the other Ministry of Defence of Ukraine pages (mil.gov.ua): the labels of its table
        ("personnel", "personnel_casualties"),
        ("особового складу / personnel", "personnel_casualties"),
        ("UAV operational-tactical level", "drones"),
        ("mobile SRBM system", "special_equipment"),
        ("boats / cutters", "ships"),
        ("warships / boats", "ships"),
        ("vehicles and fuel tanks", "vehicles"),
        ("Anti-aircraft warfare systems", "air_defense"),
        # made up: a table of the same layout, from another ministry
        ("enemy troops", "personnel_casualties"),
        ("armoured personnel carriers", "armored_vehicles"),
        ("mobile air defence units", "air_defense"),
        ("Russian losses of the past day", None),
        ("Kyiv", None),
    ],
)
def test_a_tally_label_names_its_category(label, category):
    assert losses.tally_category(label) == category


def test_a_tally_line_layout_takes_the_qualifiers_of_numbers_and_the_units_of_the_tally_file():
    # p001: "personnel ‒ about 19600 осіб,", "tanks ‒ 732 од,"; made up: "at least", "units"
    text = "personnel ‒ about 19600 осіб,\ntanks ‒ 732 од,\nAPV ‒ at least 1946 units\nMLRS ‒ 111 (+2)\n"
    assert [(line.category, line.total, line.delta) for line in losses.find_tally(text)] == [
        ("personnel_casualties", 19600, None),
        ("tanks", 732, None),
        ("armored_vehicles", 1946, None),
        ("mlrs", 111, 2),
    ]


@pytest.mark.parametrize(
    ("sentence", "describes"),
    [
        # p003 and p008 (Ministry of Defence of Ukraine): the line under the table
        ("Russian enemy suffered the greatest losses (of the past day) in the Sievierodonetsk direction", True),
        ("Russian enemy suffered the greatest losses (of the past day) at the Bakhmut direction", True),
        # made up: the same words in another order, and a figure of its own
        ("Its main losses were in the Izyum directions.", True),
        ("Ukraine said 40 tanks were destroyed near Bakhmut.", False),
    ],
)
def test_sentences_that_only_describe_the_tally_are_told(sentence, describes):
    from articles.extraction import tallies  # noqa: PLC0415

    assert tallies.describes_tally(sentence) is describes


def test_the_kinds_are_read_on_a_sentences_own_tokens():
    import spacy  # noqa: PLC0415

    # p185 (GlobalSecurity): "59,250 troops, 357 tanks, 260 infantry fighting vehicles"; made up: "jet-type drones"
    doc = spacy.blank("en")("59,250 troops, 357 tanks, 260 infantry fighting vehicles and 12 jet-type drones")
    assert losses.people_kind(doc[1:]) == "soldiers"
    assert losses.equipment_kind(doc[4:]) == "tanks"
    assert losses.equipment_kind(doc[7:]) == "armored_vehicles"
    assert losses.equipment_kind(doc[12:]) is None  # a drone shaped like a jet
    assert losses.equipment_kind(doc[15:]) == "drones"
