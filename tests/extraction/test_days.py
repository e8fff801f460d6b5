"""The wrong day on a card (SPEC.md, "Input": a claim's day gives no day to the happening the claim is about).

Two constructions: a claim's day told with a time of day ("said on Sunday morning", "told CNN by phone Tuesday
evening"), where the parser makes the day a compound of "morning"; and a day in a participle or a passive clause of
"who"/"which" that describes a noun ("Dutch F-35s deployed to Poland earlier this month", "an actor who was assaulted
in Dublin last month"), which dates what was done to the noun, not the sentence's happening. Real sentences of the
pool, one of our own each, and keep-cases that must keep their day.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        # p055 (The Guardian)
        (
            "Ukrainian forces hit a military base with more than 30 strikes in the Russian-occupied southern Ukraine "
            "city of Melitopol, its exiled mayor said on Sunday morning.",
            D(2022, 7, 3),
            None,
        ),
        # p077 (CNN)
        (
            "The commander of Ukraine's 36th Separate Marine Brigade, Maj. Serhii Volyna, told CNN by phone Tuesday "
            'evening that the plant was "completely surrounded" and requested international assistance in evacuating '
            "hundreds of troops and civilians.",
            D(2022, 4, 20),
            "battle",
        ),
        # made up
        ("Russian forces shelled Kharkiv, the governor said on Friday evening.", D(2022, 4, 20), "strike"),
    ],
)
def test_a_claims_day_told_with_its_time_of_day_dates_no_happening(run, text, published, kind):
    assert events_of(run(text, published)) == ([(kind, None)] if kind else [])


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: the claim's day with the happening's own day
        ("Russian missiles struck Kyiv on Sunday morning, the mayor said.", D(2022, 7, 3), ("strike", D(2022, 7, 3))),
        ("Russian missiles struck Kyiv on Sunday, the mayor said.", D(2022, 7, 3), ("strike", D(2022, 7, 3))),
    ],
)
def test_a_happenings_own_day_is_kept(run, text, published, expected):
    assert expected in events_of(run(text, published))
