"""Background told in a relative clause, and a hedge on what a thing was (h-bg3, issue 8).

An active relative clause with no day of its own describes a person, a body or a thing by what it did or went
through: background to what the sentence tells, which gives no card (event_background.py, `_what_its_noun_did`). What a
place or a site went through stays its news (the dev gold keeps "the southern city of Mykolaiv, which has faced
significant shelling"), and so do a clause with its own day, a clause of "to" and a clause hung on a time. Fighting
told in a participle of the troops it describes ("a drone unit fighting in the area") is background too, people
meeting are at their meeting. "What
appeared to be" hedges what a thing was, not that it happened (a `not_after` word of the hedge's context row). A
paragraph printed twice word for word is one event, however short. Real sentences of different outlets and one of
our own each, and sentences of the same shape that keep their event.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p161, CNN-style copy
        (
            "It also includes ammunition for Ukraine’s High Mobility Artillery Rocket System (HIMARS), a weapons "
            "platform that Ukraine has recently been using to strike effectively in Russian territory.",
            D(2024, 5, 10),
        ),
        # p164, The Economist
        (
            "At least 5% of all government spending now goes to maintaining a contract army that is mostly fighting "
            "in Ukraine, according to Re:Russia, a Vienna-based think-tank.",
            D(2025, 8, 21),
        ),
        # p178, The Economist
        (
            "Where Russian forces encounter a coherent, systematic defence, they grind to a halt, said a commander of "
            "an elite Ukrainian drone unit that took part in the Kupiansk attack.",
            D(2025, 12, 18),
        ),
        # p041, The Guardian
        (
            "Presidium Network, a UK-based company that says it carries out evacuations of families and individuals "
            "from war zones, identified Paul Urey and Dylan Healy as the captured men.",
            D(2022, 4, 29),
        ),
        # dev p061
        (
            "The pro-Kremlin leader of Chechnya, whose forces have been fighting in Mariupol, predicted troops would "
            "capture the plant on Tuesday.",
            D(2022, 4, 19),
        ),
        # made up
        (
            "The general, whose troops have shelled the border villages, told reporters that morale was high.",
            D(2024, 5, 1),
        ),
    ],
)
def test_what_a_relative_clause_tells_of_its_noun_is_background(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # dev p037, The Guardian: what a place went through is its news
        (
            "The besieged city of Mariupol, together with the southern city of Mykolaiv, which has faced significant "
            "shelling, are major Kremlin targets, the UK Ministry of Defence has said.",
            D(2022, 4, 9),
            [("strike", None)],
        ),
        # p052, The Guardian: a clause of "to" tells the news
        (
            "Vladimir Potanin, Russia’s second richest person, has become the latest Russian oligarch to be "
            "subjected to sanctions by the UK.",
            D(2022, 6, 29),
            [("sanctions", None)],
        ),
        # made up: a clause with its own day
        (
            "The drone unit, which struck a Russian depot on Monday, said morale was high.",
            D(2024, 5, 1),
            [("strike", D(2024, 4, 29))],
        ),
    ],
)
def test_a_relative_clause_of_a_place_a_day_or_to_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # dev p019, The Guardian
        (
            "At least seven were reported to have died after what appeared to be indiscriminate rocket strikes on "
            "Kharkiv on Monday, although an Ukrainian official said “dozens” had been killed.",
            D(2022, 2, 28),
            [("strike", D(2022, 2, 28))],
        ),
        # dev p017, The New York Times
        (
            "Elsewhere in Kyiv, a kindergarten was set on fire by what appeared to be either falling debris or a "
            "direct hit from a drone or a missile, officials said.",
            D(2025, 7, 14),
            [("strike", None)],
        ),
        # made up
        (
            "A fuel depot burned on Monday after what seemed to be a drone strike.",
            D(2024, 5, 1),
            [("strike", D(2024, 4, 29))],
        ),
        # made up: the hedge of a happening stays one
        ("Russian forces appear to be preparing a new offensive.", D(2024, 5, 1), []),
    ],
)
def test_what_appeared_to_be_hedges_the_kind_not_the_happening(run, text, published, expected):
    assert events_of(run(text, published)) == expected


def test_a_paragraph_printed_twice_is_one_event(run):
    # p084, a Polish outlet in machine translation, prints the line twice; made up beside it
    text = (
        "In Ukraine, 28 journalists were killed in Ukraine, including seven foreigners.\n\n"
        "The work of journalists in Ukraine is extremely dangerous.\n\n"
        "In Ukraine, 28 journalists were killed in Ukraine, including seven foreigners.\n"
    )
    assert [kind for kind, _date in events_of(run(text, D(2022, 6, 1)))] == ["losses"]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p203, Lowy Institute
        (
            "At the same time, Ukraine’s soldiers, fighting in the most brutal conflict of the 21st century, have "
            "retained their essential human qualities.",
            D(2026, 2, 24),
        ),
        # p173, The Economist
        (
            "“Michael”, the commander of Taifun, a special-forces drone unit fighting in the area, says Russia fully "
            "controls at least 60% of Pokrovsk itself, with the rest contested.",
            D(2025, 11, 6),
        ),
        # made up
        ("The brigade’s drone operators, fighting near the border, have built their own workshops.", D(2024, 5, 1)),
    ],
)
def test_fighting_told_of_the_troops_it_describes_is_background(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p140: people meeting are at the meeting
        (
            "On Wednesday, EU leaders meeting in Brussels vowed to ramp up sanctions on Iran to target its drone and "
            "missile deliveries to proxies in Gaza, Yemen and Lebanon.",
            D(2024, 5, 1),
            [("diplomacy", D(2024, 5, 1))],
        ),
        # made up: fighting with a day of its own
        (
            "The soldiers fighting in Bakhmut on Monday said the town still held.",
            D(2024, 5, 1),
            [("battle", D(2024, 4, 29))],
        ),
    ],
)
def test_a_participle_of_meeting_or_with_its_day_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected
