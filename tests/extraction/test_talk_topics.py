"""Talks on new text (issue 8): a talk's topic is what was said in it, a day in a talk's own clause is the talk's,
and a caption that names a scene reports nothing (rules/events.py, patterns/en/event_words.jsonl)."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p132: the meeting is the happening, the sanctions package what they spoke about in it
        (
            "Mr Zelensky said it was a “fruitful” meeting where they spoke about the sanctions package against "
            "Russia, about how to stop Russia producing missiles and Ukraine’s accession to the EU.",
            D(2023, 7, 19),
            [("diplomacy", None)],
        ),
        # made up: talks on sanctions, dated
        ("Scholz and Biden held talks on new sanctions on Monday.", D(2022, 5, 18), [("diplomacy", D(2022, 5, 16))]),
        # sanctions spoken of outside any meeting stay sanctions
        ("The EU imposed new sanctions on Russian banks on Monday.", D(2022, 5, 18), [("sanctions", D(2022, 5, 16))]),
    ],
)
def test_a_talks_topic_is_the_talk(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p065 (Al Jazeera): March 29 is the day of the discussions, the offensive comes after it (a clause of
        # "before" tells no happening of its own: test_subordinate_history.py)
        (
            "He added any direct meeting with Zelenskyy depended on progress in continuing discussions between "
            "officials from the two sides, which last took place in person in Turkey on March 29, before Moscow "
            "launched a new offensive in eastern Ukraine.",
            D(2022, 4, 22),
            [("diplomacy", D(2022, 3, 29))],
        ),
        # p197: the talks took place in February 2022, the invasion is the point they are counted from
        (
            "The first ceasefire talks between Russia and Ukraine took place just four days after Moscow’s full-scale "
            "invasion in February 2022.",
            D(2025, 3, 1),
            [("diplomacy", D(2022, 2, 1))],
        ),
        # made up: the offensive in the clause of "before" is the time the talks are set against
        (
            "The negotiations, which ended on Friday, came days before Russian forces launched an offensive near "
            "Izium.",
            D(2022, 5, 18),
            [("diplomacy", D(2022, 5, 13))],
        ),
    ],
)
def test_a_day_in_the_talks_own_clause_is_the_talks(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p207 (AP): the day is the talks', the main clause tells the strike
        (
            "Hours after the first day of talks ended on Tuesday, Russian drones killed a woman and injured a "
            "6-year-old girl and 18-month-old toddler in the southern Ukraine city of Zaporizhzhia, officials said.",
            D(2026, 2, 18),
        ),
        # made up
        ("Hours after the talks ended on Tuesday, Russian missiles hit Odesa.", D(2026, 2, 18)),
    ],
)
def test_a_strike_after_talks_is_told_apart_from_their_day(run, text, published):
    assert events_of(run(text, published)) == [("diplomacy", D(2026, 2, 17)), ("strike", None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p044 (a Reuters caption in The Guardian): a thing and where it stands, the war as its setting
        (
            "The besieged Iron and Steel Works in Mariupol, during the Russian invasion of Ukraine, May 15, 2022.",
            D(2022, 5, 16),
            [],
        ),
        # made up
        ("A destroyed school in Kharkiv during the Russian invasion of Ukraine, May 16, 2022.", D(2022, 5, 16), []),
        # a noun line whose head is the happening is a live page's report
        ("Heavy fighting near Bakhmut on Monday.", D(2022, 5, 18), [("battle", D(2022, 5, 16))]),
    ],
)
def test_a_caption_naming_a_scene_reports_nothing(run, text, published, expected):
    assert events_of(run(text, published)) == expected
