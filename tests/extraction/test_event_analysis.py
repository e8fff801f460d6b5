"""Timeline precision, analysis (issue 8): a happening judged by "is", a happening words are said of, a measure reaching
a record give no event; the happenings beside them keep theirs.

Each rule (rules/events.py, patterns/en/context.jsonl) is shown on real sentences of the pool and on one of our own.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    "text",
    [
        # p110 (a UA outlet)
        "Moreover, the attempted annexation of the Ukrainian regions of Donetsk, Kherson, Luhansk and Zaporizhzhia, "
        "following the illegal so-called referendums organised by the Russian Federation in these regions in September "
        "2022, is a further escalation of the aggression against Ukraine.",
        "The shelling of the hospital in Kharkiv on Monday is a war crime.",
    ],
)
def test_a_happening_judged_by_is_gives_no_event(run, text):
    assert events_of(run(text, D(2023, 1, 26))) == []


def test_a_happening_told_with_was_keeps_its_event(run):
    text = "The missile attack on Kyiv on Monday was the largest since the start of the war."
    assert events_of(run(text, D(2023, 1, 5))) == [("strike", D(2023, 1, 2))]


@pytest.mark.parametrize(
    "text",
    [
        # p044 (The Guardian)
        "“We hope that we will be able to save the lives of our guys,” the Ukrainian president said of the evacuation.",
        "“It is a crime,” the minister said of the shelling.",
    ],
)
def test_a_happening_words_are_said_of_gives_no_event(run, text):
    assert events_of(run(text, D(2022, 5, 16))) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p052 (The Guardian): the attack is dated only here
        (
            "“So the UN could see that this indeed was a Russian missile strike,” he said of Monday’s attack which "
            "killed at least 18 people.",
            D(2022, 6, 29),
            [("strike", D(2022, 6, 27))],
        ),
        # p139 (BBC): words of aid are its request, which the gold keeps
        (
            'Ukrainian Prime Minister Shmyhal said of the US security assistance on Wednesday: "We need this money."',
            D(2024, 4, 18),
            [("aid", D(2024, 4, 17))],
        ),
    ],
)
def test_a_dated_happening_or_aid_words_are_said_of_keeps_its_event(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p171 (The Economist), p186 (CSIS)
        (
            "Flag-hopping hit a record pace in 2025: vessels placed on a sanctions list are getting new flags in an "
            "average of only 45 days, down from 120 days in 2023, according to Lloyd’s List, a shipping journal.",
            D(2025, 10, 2),
        ),
        (
            "Perhaps the only notable shift in public opinion over time has been the growing support for peace talks, "
            "which, according to the independent Russian pollster Levada Center, reached a record of 66 percent in "
            "August 2025.",
            D(2025, 9, 30),
        ),
        ("Drone attacks on the city hit a new record in July.", D(2025, 9, 30)),
    ],
)
def test_a_measure_reaching_a_record_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    "text",
    [
        # p204 (BBC News)
        "He was firmly against paying the price for a ceasefire deal demanded by President Vladimir Putin, which is "
        "withdrawing from strategic ground that Russia has failed to capture despite sacrificing tens of thousands of "
        "soldiers.",
        "Poland is firmly against a ceasefire, which is freezing the fighting along the front.",
    ],
)
def test_what_a_speaker_is_against_gives_no_event(run, text):
    assert events_of(run(text, D(2026, 2, 23))) == []


@pytest.mark.parametrize(
    "text",
    [
        # p132 (a GB outlet), p159 (CNN): words spoken about or of a happening
        "Mr Zelensky said it was a “fruitful” meeting where they spoke about the sanctions package against Russia, "
        "about how to stop Russia producing missiles and Ukraine’s accession to the EU.",
        "Ukrainian soldiers have often spoken of how their outnumbered forced face so-called human wave assaults from "
        "an enemy whose commanders appear happy to tolerate brutal attrition rates.",
        "The minister commented on the missile strikes on Kharkiv.",
    ],
)
def test_a_happening_spoken_about_or_commented_on_gives_no_event(run, text):
    assert [kind for kind, _day in events_of(run(text, D(2024, 5, 1))) if kind != "diplomacy"] == []
