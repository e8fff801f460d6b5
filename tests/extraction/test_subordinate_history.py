"""A cue in a subordinate clause that tells the history of a thing the sentence is about (issue 8, h-sub).

- A clause of "before" is the later time the happening told is set against, no happening of its own beside it
  (event_words.jsonl's OWN_CLAUSE_MARKERS); a clause of "after" still tells one.
- A clause of "where" that describes a place by what it went through sets the scene: when every cue and date of the
  sentence lies in it, the sentence gives no card (`_scene_only`); the place a person goes to ("heads to Warsaw ...
  where he is expected to meet") keeps its card, and so does a happening told outside the clause.
- The invasion a time is set before ("before the invasion in February", "prior to Russia's invasion on 24 February")
  names the time before the war: no battle, and its day dates nothing else (BEFORE_THE_WAR_LINKS).
- A bill of aid signed ("as he signed into law a $95 billion war aid measure") is aid, not diplomacy.

Real sentences of two outlets each where the pool has them, one of our own, and sentences of the same shape that keep
their card.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p065 (Al Jazeera), "which last took place in person in Turkey on March 29, before Moscow launched a
        # new offensive in eastern Ukraine", stands in test_talk_topics.py with the talks alone; made up:
        (
            "Ukrainian negotiators met their Russian counterparts in Istanbul on Tuesday, before Russian forces "
            "launched a new offensive in the south.",
            D(2022, 4, 22),
            [("diplomacy", D(2022, 4, 19))],
        ),
    ],
)
def test_a_clause_of_before_gives_no_card_of_its_own(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # dev p036, The Guardian: the withdrawal in the clause of "after" is a happening of its own (gold: both)
        (
            "Lithuania’s ambassador to Ukraine on Thursday returned to Kyiv after Russian forces withdrew from the "
            "Ukrainian capital, becoming one of the few diplomats to return to the city.",
            D(2022, 4, 8),
            [("diplomacy", D(2022, 4, 7)), ("battle", None)],
        ),
    ],
)
def test_a_clause_of_after_keeps_its_card(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # pool p208, KTEN (AFP): the suburb's history, then what locals told AFP
        (
            "In the suburb of Irpin -- where the bodies of hundreds of civilians were discovered in 2022 after it and "
            "the neighbouring suburb of Bucha were occupied by Russian forces -- locals told AFP how the war had "
            "completely changed their lives, and the country.",
            D(2026, 2, 24),
        ),
        # pool p027, The Guardian
        (
            "The facility, well known as a location where Nato forces trained Ukrainians in years before the war "
            "began, is near the most direct route between Rzeszow airport, where western arms are being flown in, "
            "and the city of Lviv.",
            D(2022, 3, 13),
        ),
        # made up
        (
            "In the town of Hostomel, where Russian paratroopers seized the airport in 2022, residents told "
            "reporters about their first winter without heating.",
            D(2024, 1, 10),
        ),
    ],
)
def test_the_history_of_a_place_gives_no_card(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p033, The Guardian: the place a person goes to, and what he will do there
        (
            "US president Joe Biden heads to Warsaw, Poland, today where he is expected to meet with experts on the "
            "humanitarian response and US troops stationed in Poland.",
            D(2022, 3, 24),
            [("diplomacy", D(2022, 3, 24))],
        ),
        # dev p061, CNA (Reuters): the day is told outside the clause of "where" (gold: a battle on February 24)
        (
            "Since starting what it calls a special operation to demilitarise Ukraine on Feb 24, Russia has bombed "
            "cities to rubble and hundreds of civilian bodies have been found in towns where its forces withdrew.",
            D(2022, 4, 19),
            [("battle", D(2022, 2, 24))],
        ),
        # made up: the strike is told outside the clause
        (
            "Russian missiles struck Irpin on Monday, where bodies were discovered in 2022.",
            D(2022, 4, 20),
            [("strike", D(2022, 4, 18))],
        ),
    ],
)
def test_a_happening_told_beside_a_place_keeps_its_card(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p041, The Guardian: what Russia's foreign minister says of the time before the war
        (
            "Among a string of assertions, the foreign minister accused the United States and Nato countries of "
            "using Ukraine as “one of the tools to contain Russia” while maintaining that prior to Russia’s invasion "
            "on 24 February they were “forcing Kyiv to make an artificial, false choice: either with the West or "
            "with Moscow.”",
            D(2022, 4, 29),
            [],
        ),
        # pool p046, The Guardian
        (
            "Before the invasion in February, Ukraine was known as the bread basket of Europe, exporting 4.5m tonnes "
            "of agricultural produce a month through its ports.",
            D(2022, 5, 22),
            [],
        ),
        # made up: the invasion's day dates nothing else
        (
            "Prior to the invasion on February 24, Kyiv was a calm city, and on Monday Russian missiles hit its power "
            "plant.",
            D(2022, 4, 20),
            [("strike", D(2022, 4, 18))],
        ),
    ],
)
def test_the_time_before_the_invasion_is_history(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: the war's start the happening follows keeps its battle, as dev p039 and p190 keep it
        (
            "Russian troops took the town of Kherson shortly after the invasion on February 24.",
            D(2022, 4, 20),
            [("battle", D(2022, 2, 24))],
        ),
    ],
)
def test_a_time_after_the_invasion_keeps_its_battle(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p148, Fox News: the signing in the clause of "as" enacts the aid (single outlet: the only verb of
        # signing an aid bill in dev and pool)
        (
            "Biden last week said he would immediately rush badly needed weaponry to Ukraine as he signed into law a "
            "$95 billion war aid measure that also included assistance for Israel, Taiwan and other global hot spots.",
            D(2024, 5, 1),
            [("aid", D(2024, 4, 22))],
        ),
        # made up
        (
            "President Biden signed the $61 billion aid package for Ukraine on Wednesday.",
            D(2024, 4, 26),
            [("aid", D(2024, 4, 24))],
        ),
        # made up: an agreement signed is diplomacy, whatever it holds
        (
            "Zelensky and Sunak signed a security agreement on Friday that includes military aid.",
            D(2024, 1, 15),
            [("diplomacy", D(2024, 1, 12))],
        ),
    ],
)
def test_an_aid_bill_signed_is_aid(run, text, published, expected):
    assert events_of(run(text, published)) == expected
