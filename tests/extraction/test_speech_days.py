"""The day words were voiced dates the words, not a second happening, when the words hold a day of their own (issue 8,
point 2: "one happening told in eight sentences is one event"; SPEC.md: the day of a claim never dates the happening
the claim is about): rules/events.py, `_speech_day_over`, beside `_statement_day` ("In a statement released Tuesday").
A statement in a clause of its own, with no day in its words, still dates what it reports (dev p039's gold).
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p021 (The Guardian), published Saturday 5 March 2022: the meeting is Monday's, no card on Friday
        (
            "The UN security council will hold an emergency meeting Monday on the humanitarian crisis triggered by the "
            "invasion, diplomats said on Friday.",
            D(2022, 3, 5),
            [("diplomacy", D(2022, 3, 7))],
        ),
        # made up
        (
            "Zelensky will meet Erdogan in Istanbul on Thursday, his office said on Tuesday.",
            D(2024, 5, 8),
            [("diplomacy", D(2024, 5, 9))],
        ),
    ],
)
def test_the_day_of_words_that_hold_a_day_of_their_own_gives_no_second_card(run, text, published, expected):
    assert events_of(run(text, published)) == expected


def test_a_statement_in_a_clause_of_its_own_still_dates_what_it_reports(run):
    # dev p039 (The Guardian), published Wednesday 20 April 2022: the gold dates the arrival by the Monday statement
    text = (
        "The Dutch prime minister, Mark Rutte, announced on Tuesday that the Netherlands would ship heavy equipment, "
        "including armoured vehicles, while a US Pentagon official said on Monday that the first parts of its $800m "
        "(£613m) tranche of helicopters, howitzers and Humvees had already arrived on Ukrainian soil."
    )
    assert ("aid", D(2022, 4, 18)) in events_of(run(text, D(2022, 4, 20)))
