"""Loss recall on pool articles outside the ministry's tally pages (issue 8, points 1-2, helper h-lrecall): the
killed of a casualty total are a figure of their own, and a figure joined to the one before takes its period and day."""

import datetime

import pytest
import spacy

from articles.extraction import walk
from articles.extraction.rules import losses
from tests.extraction.conftest import losses_of

FEB_23 = datetime.date(2026, 2, 23)


def _records(result):
    return {(r.side, r.category, r.min, r.max, r.period, r.date) for r in result.losses}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p200 (Fortune)
        (
            "The Center for Strategic and International Studies has estimated Russian military casualties at 1.2 "
            "million, including 325,000 killed.",
            {
                ("RU", "personnel_casualties", 1200000, 1200000, "cumulative", FEB_23),
                ("RU", "personnel_killed", 325000, 325000, "cumulative", FEB_23),
            },
        ),
        # pool p202 (Northeastern Global News): "deaths" names no people; they are the soldiers of the total
        (
            "The Center for Strategic and International Studies, or CSIS, a Washington, D.C.-based think tank that "
            "monitors the war, in January put total Russian casualties at over 1.2 million, including up to 325,000 "
            "deaths.",
            {
                ("RU", "personnel_casualties", 1200000, None, "cumulative", None),
                ("RU", "personnel_killed", None, 325000, "cumulative", None),
            },
        ),
        # made up
        (
            "Kyiv says Russia has suffered 400,000 casualties, including 90,000 wounded.",
            {
                ("RU", "personnel_casualties", 400000, 400000, "cumulative", FEB_23),
                ("RU", "personnel_wounded", 90000, 90000, "cumulative", FEB_23),
            },
        ),
    ],
)
def test_the_killed_of_a_casualty_total_are_a_figure_of_their_own(run, text, expected):
    assert _records(run(text, FEB_23)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same shape whose part repeats its whole keeps one record: pool p190 (shortened; "including 745
        # children"),
        # p084 ("28 journalists were killed in Ukraine, including seven foreigners")
        (
            "More than 14,500 civilians have been killed, including 745 children.",
            {("UA", "civilians_killed", 14500, None)},
        ),
        (
            "Since February 2022, more than 14,500 civilians — including 745 children — have been confirmed killed, "
            "with tens of thousands more injured.",
            {("UA", "civilians_killed", 14500, None)},
        ),
        ("28 journalists were killed in Ukraine, including seven foreigners.", {("UA", "civilians_killed", 28, 28)}),
        # made up: the soldiers of a soldiers' toll, and civilians inside a soldiers' total, give no record
        (
            "The army said 900 Russian soldiers were killed, including 40 officers.",
            {("RU", "personnel_killed", 900, 900)},
        ),
        (
            "Kyiv says Russia has suffered 400,000 casualties, including 300 civilians killed.",
            {("RU", "personnel_casualties", 400000, 400000)},
        ),
    ],
)
def test_a_part_that_repeats_its_whole_gives_no_record(run, text, expected):
    assert set(losses_of(run(text, FEB_23))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p202 (Northeastern Global News): "with" joins the killed to the casualty total
        (
            "The think tank noted Ukrainian military casualties at around 600,000, with roughly 140,000 killed.",
            {
                ("UA", "personnel_casualties", 600000, 600000, "cumulative", FEB_23),
                ("UA", "personnel_killed", 140000, 140000, "cumulative", FEB_23),
            },
        ),
        # made up
        (
            "Ukraine says Russia has lost 250,000 troops so far, with 80,000 wounded.",
            {
                ("RU", "personnel_casualties", 250000, 250000, "cumulative", FEB_23),
                ("RU", "personnel_wounded", 80000, 80000, "cumulative", FEB_23),
            },
        ),
        # made up, the same shape that keeps its own period: a strike's toll stays the strike's
        (
            "Russian strikes killed 20 people on Sunday, with 35 injured, officials said.",
            {
                ("UA", "civilians_killed", 20, 20, "incident", datetime.date(2026, 2, 22)),
                ("UA", "civilians_wounded", 35, 35, "incident", datetime.date(2026, 2, 22)),
            },
        ),
    ],
)
def test_a_figure_joined_by_with_takes_the_period_and_day_of_the_one_before(run, text, expected):
    assert _records(run(text, FEB_23)) == expected


# --- a toll "in the attacks" told before ----------------------------------------------------------------------------

BLANK = spacy.blank("en")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # dev p017 (The New York Times), pool p180 (BBC News), pool p071 (Daily Mail)
        ("Russia’s military said it had shot down more than 230 drones in the attacks", True),
        ("said four people were killed and another five were injured in the Russian attacks", True),
        ("said 18 others were wounded in the attacks, which come on the eve of Orthodox Easter", True),
        # made up: attacks told for the first time, or in general, point back to none
        ("Two people were injured in attacks on the city", False),
        ("Russia has stepped up the attacks on power plants", False),
    ],
)
def test_in_the_attacks_points_back_to_the_attack_told_before(sentence, found):
    assert bool(walk._words(BLANK(sentence)[:], "INCIDENT_REFERENCE")) is found


JULY_21 = datetime.date(2025, 7, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dev p017 (The New York Times): the drones were downed in the barrage the sentence before dates
        (
            "At the same time, Ukraine has also been conducting long-range drone strikes into Russia, including a "
            "barrage overnight Saturday into Sunday. Russia’s military said it had shot down more than 230 drones in "
            "the attacks, which delayed flights at Russian airports but did not appear to have caused any casualties.",
            {("UA", "drones", 230, None, "incident", datetime.date(2025, 7, 20))},
        ),
        # made up, the same shape with no "the": attacks of their own, on no day the text gives
        (
            "At the same time, Ukraine has also been conducting long-range drone strikes into Russia, including a "
            "barrage overnight Saturday into Sunday. Russia’s military said it had shot down more than 230 drones in "
            "attacks on its southern regions.",
            {("UA", "drones", 230, None, "incident", None)},
        ),
    ],
)
def test_a_toll_in_the_attacks_takes_the_day_of_the_attack_told_before(run, text, expected):
    assert _records(run(text, JULY_21)) == expected


# --- naval vessels -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "category"),
    [
        # pool p202 (Northeastern Global News): "361 aircraft and 29 naval vessels"; pool p186 (CSIS): "helicopters,
        # and naval vessels"
        ("naval vessels.", "ships"),
        ("naval vessels, according to the news digest", "ships"),
        ("navy ships were sunk", "ships"),  # made up
        ("naval infantry brigades", None),  # made up: marines, no ships
        ("naval drones", None),  # made up: the noun after "naval" must be a ship's
    ],
)
def test_naval_vessels_are_ships(words, category):
    assert losses.equipment_kind(words) == category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p202 (Northeastern Global News)
        (
            "Ukraine’s losses, by comparison, have totaled roughly 11,300 military vehicles and equipment, including "
            "5,570 tanks and armored vehicles, 194 aircraft and 42 naval vessels, according to the news digest.",
            {("UA", "vehicles", 11300, 11300), ("UA", "aircraft", 194, 194), ("UA", "ships", 42, 42)},
        ),
        # made up, the same words with no loss: ships sent are no loss
        ("Two navy ships were delivered to Ukraine.", set()),
    ],
)
def test_a_count_of_naval_vessels_lost_is_a_ships_record(run, text, expected):
    assert set(losses_of(run(text, FEB_23))) == expected
