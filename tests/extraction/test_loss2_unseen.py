"""Losses and pledges on pool articles the rules had not seen (issue 8, points 1-2, helper h-loss2): equipment
only damaged, a count confirmed as of a day, aid before the war and a donor's own stocks refilled."""

import datetime

import pytest

from tests.extraction.conftest import losses_of, pledges_of

FEB_10 = datetime.date(2025, 2, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p185 (GlobalSecurity): the destroyed are losses, the damaged after "also damaged" are none
        (
            "Ukrainian soldiers destroyed a tank, two BMPs, two combat-armored vehicles, one RSV, an artillery system, "
            "ten units of automobile equipment, five motorcycles and 11 invaders' armored vehicles; also damaged three "
            "BMPs, one units of automobile machinery, four tanks, four combat armored vehicles, two artillery systems "
            "and one RSV.",
            {("RU", "armored_vehicles", 2, 2), ("RU", "armored_vehicles", 11, 11)},
        ),
        # pool p043 (The Guardian) has the same construction with "a" ("has damaged a Russian navy logistics ship");
        # made up with a count
        ("Ukraine says it has damaged two Russian navy logistics ships near Snake Island.", set()),
        ("Ukrainian drones damaged three Russian helicopters at the airfield.", set()),
        # made up, the same shape that keeps its loss: destroyed, not damaged
        ("Ukrainian drones destroyed three Russian helicopters at the airfield.", {("RU", "helicopters", 3, 3)}),
    ],
)
def test_damaged_equipment_is_no_loss(run, text, expected):
    assert set(losses_of(run(text, FEB_10))) == expected


# --- aid before the war -------------------------------------------------------------------------------------------

MARCH_2026 = datetime.date(2026, 3, 2)


@pytest.mark.parametrize(
    "text",
    [
        # pool p206 (House of Commons Library)
        "From 2010 to 2021, the UK provided a total of £204 million in bilateral aid (aid given for a specific "
        "programme or purpose) to Ukraine to improve Ukrainian governance and address humanitarian needs.",
        # made up
        "The United States sent Javelin missiles to Ukraine in 2018.",
    ],
)
def test_aid_before_the_full_scale_war_is_background(run, text):
    assert run(text, MARCH_2026).pledges == []
    assert run(text, None).pledges == []  # the House of Commons Library page states no publication day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p206 (House of Commons Library): the same shape in a year of the war keeps its record
        (
            "In 2022, the UK provided £342 million in bilateral aid; this fell to £250 million in 2023 but rose to "
            "£270 million in 2024.",
            [("GB", "UA", None, "funding", None, "delivered")],
        ),
        # pool p206 (House of Commons Library): a span that reaches into the war
        (
            "From December 2021 to February 2024 the UK has announced £6.5 billion of fiscal support to Ukraine via "
            "World Bank loan bank guarantees and grants.",
            [("GB", "UA", None, "funding", None, "pledged")],
        ),
        # made up: a count is no year
        ("Poland has sent 2000 shells to Ukraine.", [("PL", "UA", None, "ammunition", None, "delivered")]),
        # made up: a total since 2014 runs to now
        (
            "Since 2014, the United States has provided $3 billion in security assistance to Ukraine.",
            [("US", "UA", None, "funding", None, "delivered")],
        ),
    ],
)
def test_aid_in_the_war_or_running_to_now_keeps_its_record(run, text, expected):
    assert pledges_of(run(text, MARCH_2026)) == expected


# --- losses of an earlier happening ("X comes a week after ...") -----------------------------------------------------

AUG_16 = datetime.date(2022, 8, 16)


def dated(result):
    return {(r.side, r.category, r.min, r.max, r.date) for r in result.losses}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p099 (Kyiv Post; dev p100 has the same sentence, its gold dates it null)
        (
            "The blasts on Tuesday come one week after at least one person was killed and five more injured in "
            "similar explosions at a Russian airbase in Crimea.",
            {("UA", "civilians_killed", 1, None, None), ("UA", "civilians_wounded", 5, 5, None)},
        ),
        # pool p180 (BBC News)
        (
            "It comes a day after Kyiv suffered one of the heaviest assaults since the start of the Russian invasion, "
            "with Russian aerial attacks killing at least 13.",
            {("UA", "civilians_killed", 13, None, None)},
        ),
        # made up: the happening names its own day
        (
            "The strike came two days after shelling killed four civilians in Kherson on Sunday.",
            {("UA", "civilians_killed", 4, 4, datetime.date(2022, 8, 14))},
        ),
        # made up, the same losses told without "comes after" keep the sentence's day
        (
            "On Tuesday at least one person was killed and five more injured in explosions at a Russian airbase in "
            "Crimea.",
            {("UA", "civilians_killed", 1, None, AUG_16), ("UA", "civilians_wounded", 5, 5, AUG_16)},
        ),
    ],
)
def test_losses_of_an_earlier_happening_take_no_day_of_the_sentence(run, text, expected):
    assert dated(run(text, AUG_16)) == expected
