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
    ("text", "published", "kind"),
    [
        # p167 (The Economist)
        (
            "Polish fighter jets, along with Dutch F-35s deployed to Poland earlier this month, shot down some of "
            "them.",
            D(2025, 9, 11),
            "strike",
        ),
        # p132 (a GB outlet)
        (
            "Later in the day, Mr Varadkar met a Ukrainian actor who was assaulted in Dublin last month.",
            D(2023, 7, 1),
            "diplomacy",
        ),
        # p071 (Daily Mail): "(pictured Friday)"
        (
            "The Russian army has taken control of Ukraine's besieged port city of Mariupol except for the Azovstal "
            "plant (pictured Friday), which is housing thousands of civilians and soldiers in its underground tunnels.",
            D(2022, 4, 23),
            "battle",
        ),
        # made up
        (
            "Ukrainian troops, along with British tanks brought to the region last week, shelled Russian positions "
            "near Bakhmut.",
            D(2023, 3, 1),
            "strike",
        ),
    ],
)
def test_a_day_that_describes_a_noun_dates_no_happening(run, text, published, kind):
    assert events_of(run(text, published)) == [(kind, None)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: the claim's day with the happening's own day
        ("Russian missiles struck Kyiv on Sunday morning, the mayor said.", D(2022, 7, 3), ("strike", D(2022, 7, 3))),
        ("Russian missiles struck Kyiv on Sunday, the mayor said.", D(2022, 7, 3), ("strike", D(2022, 7, 3))),
        # made up: the clause tells the happening, or the noun names it
        ("The attack launched on Sunday killed five people.", D(2025, 9, 11), ("strike", D(2025, 9, 7))),
        ("Zelensky, who visited Washington on Tuesday, met Biden.", D(2025, 9, 11), ("diplomacy", D(2025, 9, 9))),
        # p194 (NPR): the weapons launched are the strike
        (
            "Russian strikes on Ukrainian energy infrastructure continued with over 400 drones and about 40 missiles "
            "launched overnight Saturday, Zelenskyy said in a post on X.",
            D(2026, 2, 8),
            ("strike", D(2026, 2, 7)),
        ),
        # dev p030 (The Guardian): a participle in "-ing", and a noun a copula says the subject is
        (
            "The Nato meeting will be one of a string of leaders' gatherings held in Brussels on Thursday.",
            D(2022, 3, 24),
            ("diplomacy", D(2022, 3, 24)),
        ),
    ],
)
def test_a_happenings_own_day_is_kept(run, text, published, expected):
    assert expected in events_of(run(text, published))
