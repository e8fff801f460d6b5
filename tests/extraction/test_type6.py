"""Event types and told-again happenings on new text, round six (issue 8, h-type6).

- a talk or call-up word before the noun it qualifies names a place or a measure, no happening
  (rules/event_statements.py _kind_of_thing, patterns/en/event_words.jsonl HAPPENING_HEADS);
- a sentence whose subject names the visitor by name goes on telling the visit, however far back
  (merging._visitor_told_on).

Each rule is shown on real sentences of the pool from two outlets, on one of our own, and on sentences of the same
shape that keep their event.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a talk or call-up word qualifying a place or a measure (pool p051, The Guardian; pool p198, Al Jazeera;
        # made up): the fire is the happening, the levels are a measure
        (
            "Druke and Huynh didn’t return to a meeting spot after their group came under heavy fire in the Kharkiv "
            "region of northeastern Ukraine near the Russian border on June 9.",
            D(2022, 6, 29),
            [("strike", D(2022, 6, 9))],
        ),
        (
            "It also suffered 31,680 casualties in January, estimated Ukraine's General Staff - a sustainable number "
            "given Russian recruitment levels of about 40,000 a month.",
            D(2026, 2, 20),
            [],
        ),
        ("The conference hall in Kyiv was hit by a missile on Monday.", D(2023, 1, 5), [("strike", D(2023, 1, 2))]),
        # a sanctions word before a measure (pool p140, Fox News; made up)
        (
            "Borrell said the existing EU sanctions regime would be strengthened and expanded to punish Tehran and "
            "help prevent future attacks on Israel.",
            D(2024, 4, 18),
            [],
        ),
        ("The sanctions pressure on Moscow mounted on Monday.", D(2023, 1, 5), []),
        # kept: the noun names the happening itself, or the cue word heads the phrase (made up)
        (
            "The EU adopted its 14th sanctions package on Monday.",
            D(2023, 1, 5),
            [("sanctions", D(2023, 1, 2))],
        ),
        (
            "Russia announced a new recruitment drive in the occupied regions on Monday.",
            D(2023, 1, 5),
            [("mobilization", D(2023, 1, 2))],
        ),
        (
            "Putin held talks with Erdogan in Sochi on Monday.",
            D(2023, 1, 5),
            [("diplomacy", D(2023, 1, 2))],
        ),
    ],
)
def test_a_talk_or_call_up_word_before_a_noun_names_a_kind_of_thing(run, text, published, expected):
    assert events_of(run(text, published)) == expected


def diplomacy(result) -> list[str]:
    return [event.summary.strip() for event in result.events if event.type == "diplomacy"]


# Sentences between a visit and a later sentence of its visitor, none of them a diplomacy happening.
BETWEEN = " ".join(
    [
        "“I came face to face with the horror that Russia's forces have inflicted on civilians here,” he said.",
        "“This is the 21st century and national boundaries cannot be changed by violence.",
        "“We need to make sure that Ukraine succeeds, that it wins this war.",
        "“If Russia thinks that targeting civilians will discourage Ukraine's friends, it's wrong.”",
        "He added: “We will stand with Ukraine for as long as it takes.”",
        "The image of a drone downed in Ukraine had a Made In Ireland stamp on it.",
        "“This is a significant moral support to our nation,” Mr Zelensky said.",
        "“You've hosted 86,000 Ukrainian citizens, this is very important.”",
    ]
)


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # p132 (unidentified GB outlet): the Taoiseach's trip, then, paragraphs later, his stop in Bucha
        (
            "On a day-long unannounced trip to the Ukrainian capital, Mr Varadkar visited the sites of several "
            "atrocities committed in the early weeks of the Russian invasion.",
            "In Bucha, Mr Varadkar visited the Church of St Andrew where a mass grave was discovered after Russian "
            "soldiers retreated from the area.",
        ),
        # p130 (Fox News): Pence's surprise trip, and what else he did on it
        (
            "GOP presidential candidate and former Vice President Mike Pence met with Ukrainian President Volodymyr "
            "Zelenskyy in Ukraine Thursday in a surprise trip.",
            "Pence additionally received an update on human rights violations and visited areas near Kyiv that saw "
            "gross human rights abuses in the early days of the war.",
        ),
        # made up
        (
            "Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit.",
            "Scholz also visited a hospital in Irpin.",
        ),
    ],
)
def test_a_later_sentence_naming_the_visitor_goes_on_telling_the_visit(run, first, later):
    published = D(2023, 7, 19)
    assert len(diplomacy(run(later, published))) == 1  # the later sentence alone is a card
    assert diplomacy(run(f"{first} {BETWEEN} {later}", published)) == [diplomacy(run(first, published))[0]]


@pytest.mark.parametrize(
    "later",
    [
        # made up: another visitor, a visit of a day of its own, a new round, a meeting in another place
        "Macron also visited a hospital in Irpin.",
        "Scholz visited Warsaw on Friday.",
        "Scholz held another round of talks with Zelensky.",
        "Scholz then met Tusk in Warsaw.",
    ],
)
def test_another_visit_or_meeting_stays_apart(run, later):
    published = D(2023, 7, 19)
    first = "Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit."
    assert len(diplomacy(run(f"{first} {BETWEEN} {later}", published))) == 2


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # sanctions evaded (pool p171, The Economist; made up)
        ("Iran and Venezuela used similar tactics to evade sanctions.", D(2025, 10, 2), []),
        ("Shipping firms have found new ways to skirt sanctions on Monday.", D(2023, 1, 5), []),
        # sanctions doing their work (pool p028, The Guardian; p199, CNN; p200, Fortune; p098, Onet; made up)
        (
            "In a televised speech to government ministers, Putin went further than before in acknowledging the pain "
            "that western sanctions were inflicting on the Russian economy, but insisted the country could withstand "
            "them.",
            D(2022, 3, 16),
            [],
        ),
        (
            "What's more, Western sanctions and political isolation have forced Russia to pivot east, especially to "
            "China, on which it is now increasingly reliant for essential trade.",
            D(2026, 2, 21),
            [],
        ),
        (
            "As sanctions took hold and Putin mobilized the economy for a prolonged war, a tight labor market and high "
            "inflation forced the central bank to keep interest rates high.",
            D(2025, 10, 1),
            [],
        ),
        (
            "This decision is related to sanctions that prevent the Russian side of analogous inspections in the US - "
            "the Russian ministry said on Monday.",
            D(2022, 8, 9),
            [],
        ),
        ("Sanctions have hurt the rouble.", D(2023, 1, 5), []),
        # kept: the measure taken, whatever it does (made up; pool p106)
        (
            "On Monday the EU imposed sanctions that prevent Russian banks from trading.",
            D(2023, 1, 5),
            [("sanctions", D(2023, 1, 2))],
        ),
        (
            "The United States on Thursday sanctioned the chief executive of the Bank of Russia's National Card "
            "Payment System.",
            D(2022, 9, 16),
            [("sanctions", D(2022, 9, 15))],
        ),
    ],
)
def test_sanctions_evaded_or_at_work_are_no_measure_taken(run, text, published, expected):
    assert events_of(run(text, published)) == expected
