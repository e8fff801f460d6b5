"""Timeline precision, statements round five (issue 8): a summary over the past months or year, a need, and a place's
fighting told in a clause of "where" beside a demand give no event; a happening of the same shape keeps its card.

Constructions: "over/in the past year", "in recent months" with a verb in the perfect (the DURATIVE row of
patterns/en/context.jsonl, which read years only); "X needs to be done" on the subject's side (a HYPOTHETICAL row); a
demand or a call whose place is described by a clause of "where" ("where the fiercest fighting continues"): once the
demand is read as no happening, the fighting describes the place (rules/events.py, find_events).
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p196 (The Economist)
        (
            "Over the past year two parallel sets of talks have been held about ending the war in Ukraine.",
            D(2026, 2, 17),
        ),
        # p194 (NPR)
        (
            "Repeated Russian aerial assaults have in recent months focused on Ukraine's power grid, causing blackouts "
            "and disrupting the heating and water supply for families during a bitterly cold winter, putting more "
            "pressure on Kyiv.",
            D(2026, 2, 8),
        ),
        # p149 (a British outlet)
        ("And Ukraine says its troops have faced mounting chemical attacks in recent months.", D(2024, 5, 2)),
        # made up
        ("Over the past few months Russian drones have hit the power grid again and again.", D(2024, 3, 5)),
    ],
)
def test_a_perfect_over_the_past_months_or_year_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p093 (Kyiv Post, Zelensky's address)
        (
            "And we also thoroughly worked out the issue of providing the troops with the modern weapons – the "
            "intensity of attacks on the enemy still needs to be increased.",
            D(2022, 7, 22),
        ),
        # p074 (Fox News)
        (
            "This underscores the limitations of the United Nations as an international body to address the perils of "
            "our times and makes it abundantly clear that other ways to resolve the conflict need to be pursued in "
            "tandem.",
            D(2022, 3, 21),
        ),
        # made up
        ("More strikes on Russian airfields need to be carried out.", D(2024, 3, 5)),
    ],
)
def test_what_needs_to_be_done_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p193 (Al Jazeera)
        (
            "The Kremlin has demanded that Ukraine withdraw from the heavily industrialised eastern Donbas region, "
            "comprised of Donetsk and Luhansk, where the fiercest fighting continues.",
            D(2026, 2, 7),
        ),
        # p065 (Al Jazeera English)
        (
            "He added that he had called for civilians to be allowed to safely evacuate out of areas where fighting is "
            "taking place, such as the besieged southeastern port city of Mariupol.",
            D(2022, 4, 22),
        ),
        # p194 (NPR)
        (
            "Russia is pressing Ukraine to withdraw from the Donbas, where fighting remains intense — a condition Kyiv "
            "says it will never accept.",
            D(2026, 2, 8),
        ),
        # made up
        (
            "Russia is pressing Ukraine to withdraw from the Donbas, where the fiercest fighting continues.",
            D(2024, 3, 5),
        ),
    ],
)
def test_fighting_that_describes_the_place_of_a_demand_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: the span names the worst attack, told on its day in the simple past
        (
            "Russian drones hit the power grid in Odesa on Monday, the worst attack in the past year.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # p181 (BBC News): weeks are not read (the gold keeps the attacks of recent weeks)
        (
            "In recent weeks, Russia has been carrying out massive aerial attacks on Kyiv and other Ukrainian cities.",
            D(2025, 6, 23),
            [("strike", None)],
        ),
        # made up: the subject of "needs" is the damage, not the strike
        (
            "Russian drones struck Kyiv on Monday, and the damage needs to be repaired.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
        # made up: a happening in the main clause keeps its card beside the clause of "where"
        (
            "Ukrainian forces have pushed Russian troops out of Kupiansk, where fierce fighting continues.",
            D(2024, 3, 5),
            [("battle", None)],
        ),
    ],
)
def test_a_happening_of_the_same_shape_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected


def test_aid_sent_over_the_past_months_keeps_its_event(run):
    # p088 (Fox News): a running total of aid over the past months is the aid the gold keeps
    text = "The U.S. and NATO allies have sent billions in military aid to Ukraine over the past four months."
    assert [kind for kind, _date in events_of(run(text, D(2022, 6, 20)))] == ["aid"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p192 (ISW)
        (
            "The United States is reportedly pushing Ukraine to expedite the negotiation process and agree to a peace "
            "agreement while Russia is actively delaying negotiations and rejecting any agreement that does not amount "
            "to the complete capitulation of Ukraine.",
            D(2026, 2, 7),
        ),
        # p205 (TIME)
        (
            "“We can state that Russia is trying to drag out negotiations that could already have reached the final "
            "stage,” he said.",
            D(2026, 2, 18),
        ),
        # made up, after p205 without its quotation marks
        ("Zelensky said Russia is trying to drag out negotiations.", D(2026, 2, 18)),
        # p207 (AP)
        (
            'He earlier accused Russia of “trying to drag out negotiations" while it presses on with its invasion '
            "— an accusation he and European leaders have repeatedly made in the past.",
            D(2026, 2, 18),
        ),
        # made up
        ("Moscow is stalling the peace talks.", D(2024, 3, 5)),
    ],
)
def test_talks_held_up_as_an_ongoing_conduct_give_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: a postponement told in the simple past is left alone
        ("Russia delayed the talks in Istanbul on Monday.", D(2024, 3, 5), [("diplomacy", D(2024, 3, 4))]),
        # made up: the strike told in its own clause keeps its card
        (
            "Kyiv accused Moscow of delaying the prisoner exchange, after Russian drones struck Odesa on Monday.",
            D(2024, 3, 5),
            [("strike", D(2024, 3, 4))],
        ),
    ],
)
def test_a_happening_beside_talks_held_up_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected
