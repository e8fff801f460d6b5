"""Event types from the main clause's happening (issue 8, h-type5): a cue word in a relative clause or a participle
that describes people or a place, in what people flee, or in a "while -ing" clause of what they were doing, types no
card; a day told in a clause of "where" about a place's history dates none of the main clause's happenings.

Each rule (rules/events.py, patterns/en/event_words.jsonl) is shown on real sentences of the corpus, from two outlets
where it has them, on one of our own, and on a sentence of the same shape that keeps its event.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p058, AP
        (
            "Ruslan was killed by Russian army on March 17 while delivering humanitarian aid to his neighbours in the "
            "streets of Bucha.",
            D(2022, 4, 20),
            [],
        ),
        # dev/pool p043, The Guardian (the gold's battle twin is optional: the happening is the killing)
        (
            "Vadim Shysimarin, a 21-year-old Russian commander of the Kantemirovskaya tank division, allegedly killed "
            "a civilian on 28 February in the village of Chupakhivka while fighting in the Sumy region in north-east "
            "Ukraine.",
            D(2022, 5, 13),
            [],
        ),
        # made up: the main clause's strike keeps its card
        (
            "Russian forces shelled the village on Monday while trying to push towards Sloviansk.",
            D(2022, 5, 17),
            [("strike", D(2022, 5, 16))],
        ),
        # keep: a clause of "while" with its own subject tells a happening of its own
        (
            "Russia shelled Kharkiv on Monday while its troops attacked near Izium.",
            D(2022, 5, 17),
            [("strike", D(2022, 5, 16)), ("battle", None)],
        ),
    ],
)
def test_what_people_were_doing_meanwhile_types_no_card(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p057, RFE/RL
        (
            "A hotel sheltering Ukrainians who had fled fighting in other parts of the country was among the "
            "buildings badly damaged, Lviv Mayor Andriy Sadoviy said.",
            D(2022, 4, 19),
            [],
        ),
        # made up
        ("Civilians fleeing the shelling crossed into Poland on Monday.", D(2022, 5, 17), []),
        # keep: a flight told by the main verb keeps what it names
        (
            "Thousands of civilians fled the fighting in Mariupol on Monday.",
            D(2022, 5, 17),
            [("battle", D(2022, 5, 16))],
        ),
    ],
)
def test_what_people_fled_describes_them(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p044, The Guardian (the evacuation itself names no cue word: no card rather than a battle)
        (
            "About a dozen buses carrying Ukrainian servicemen who were holed up in the Azovstal steel plant in "
            "Ukraine's south-east, which was besieged by Russia, left the plant on Monday, a Reuters witness said.",
            D(2022, 5, 17),
            [],
        ),
        # pool p033, The Guardian
        (
            "We managed to release the drivers and rescuers captured by the occupiers 2 days ago in Mangush, she said.",
            D(2022, 3, 24),
            [],
        ),
        # made up
        (
            "A dozen buses carrying soldiers who were surrounded by Russian troops left Mariupol on Monday.",
            D(2022, 5, 17),
            [],
        ),
        # keep: training told so is the gold's training event (dev p025, The Guardian)
        (
            "Ukrainian pilots who were being trained in Poland to fly the planes are now grounded with no machines "
            "with which to defend their country.",
            D(2022, 3, 9),
            [("training", None)],
        ),
        # keep: a clause with a day of its own may be the news
        (
            "Zelensky visited Kherson, which was liberated by Ukrainian forces on Friday.",
            D(2022, 11, 12),
            [("battle", D(2022, 11, 11))],
        ),
    ],
)
def test_a_passive_clause_describing_its_noun_types_no_card(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p080, a GB outlet (the card stays, undated: backing an investigation is left to another rule)
        (
            "In nearby Bucha, where dozens of civilian bodies, some with their hands tied, were discovered this "
            "month, Guterres backed an investigation by the international criminal court into possible war crimes "
            "in Ukraine.",
            D(2022, 4, 29),
            [("other", None)],
        ),
        # made up
        (
            "In Borodianka, where dozens of homes were found ruined in April 2022, Russian drones struck a school on "
            "Tuesday.",
            D(2023, 3, 1),
            [("strike", D(2023, 2, 28))],
        ),
        # keep: a clause of "where" that tells a happening with its day keeps it
        (
            "Russian troops besieged Mariupol, where the fighting continued on Monday.",
            D(2022, 5, 17),
            [("battle", D(2022, 5, 16))],
        ),
    ],
)
def test_a_day_of_a_places_history_dates_no_happening_of_the_main_clause(run, text, published, expected):
    assert events_of(run(text, published)) == expected
