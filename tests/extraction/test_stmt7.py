"""Timeline precision, statements round seven (issue 8): a disposition named by a noun ("determination to",
"unwillingness to", "intention to") tells no deed, and a count per day or per month ("60,000 shells a day",
"30-40,000 contract soldiers each month") is a rate, a trend told as a figure; a happening told beside either keeps
its card.

Constructions: a HYPOTHETICAL row of patterns/en/context.jsonl for the nouns of disposition before "to" (the words
after the noun, up to a comma, a dash, a conjunction or a clause of its own), beside the row of "willing/ready to";
a STATISTIC row for a thing or a number followed by "a/per/each/every day/week/month/night" (not "a day after", "a
night that"), beside the row of "currently", with losses spared; a STATISTIC row for heavy losses taken in the
perfect ("have taken heavy casualties", "have sustained heavy losses"), an assessment with no count and no day.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p192 (Critical Threats / ISW)
        (
            "The fact that Russia conducted two sets of strikes with over 400 projectiles within six days of the "
            "lapse of the energy strikes moratorium demonstrates the Kremlin's determination to maximize the "
            "suffering of Ukrainian civilians and unwillingness to de-escalate the war or seriously advance the "
            "US initiated peace negotiations.",
            D(2026, 2, 7),
        ),
        # p118 (Kyiv Post)
        (
            "It has even made clear its intention to win back control of the Black Sea peninsula of Crimea which "
            "Russia annexed in 2014 -- an ambition that has sparked some wariness in the West.",
            D(2023, 2, 26),
        ),
        # made up
        ("The minister stressed Kyiv's readiness to resume talks with Moscow.", D(2023, 3, 8)),
    ],
)
def test_a_disposition_named_by_a_noun_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: a happening outside the noun's words keeps its card
        (
            "Despite his readiness to talk, Putin ordered strikes on Kyiv on Monday.",
            D(2023, 3, 8),
            [("strike", D(2023, 3, 6))],
        ),
        (
            "Putin stated his readiness to talk and Russian missiles struck Kyiv on Monday.",
            D(2023, 3, 8),
            [("strike", D(2023, 3, 6))],
        ),
    ],
)
def test_a_happening_beside_a_disposition_keeps_its_card(run, text, published, expected):
    assert events_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p049 (The Guardian)
        (
            "The issue has been a defining one in Donbas in recent weeks, where it has been estimated that "
            "Russian forces are firing up to 60,000 shells a day in comparison with Ukraine's 5-6,000.",
            D(2022, 6, 11),
        ),
        # p186 (CSIS)
        (
            "Furthermore, the military continues to recruit roughly 30-40,000 contract soldiers each month, "
            "approximately matching its rate of battlefield attrition.",
            D(2025, 9, 30),
        ),
        # made up
        ("Russia launches about 100 drones a night at Ukraine.", D(2024, 5, 1)),
    ],
)
def test_a_rate_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # p115 (Fox News): the battle after "and" keeps its card
        (
            "Ukrainian forces are killing nearly 1,000 Russian troops each day in the conflict, and they "
            "eliminated 5,000 troops in a single battle in late January, according to U.K. officials citing data "
            "from Ukraine.",
            D(2023, 2, 16),
            "battle",
        ),
        # p095 (Kyiv Post): "a day after" sets a time, no rate
        (
            "The future of the agreement had appeared in jeopardy after Russian forces launched strikes on Odessa"
            " a day after the agreement was signed.",
            D(2022, 7, 26),
            "strike",
        ),
        # p182 (BBC News): "on a night that" names the night of the strike
        (
            "It was hit by at least one missile, on a night that Russia fired almost 600 drones and more than 30 "
            "missiles, according to the Ukrainian military.",
            D(2025, 8, 28),
            "strike",
        ),
        # made up: a trip of a day
        ("On a day-long trip to Kyiv, the chancellor met Zelensky on Monday.", D(2023, 3, 8), "diplomacy"),
    ],
)
def test_a_happening_beside_a_rate_keeps_its_card(run, text, published, expected):
    assert expected in [kind for kind, _ in events_of(run(text, published))]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p033 (The Guardian, a US official)
        (
            "Under Secretary of Defense for Policy Colin Kahl said Russia is suffering high failure rates as high as "
            "60% for some of its precision-guided missiles while its forces have taken heavy casualties and are low "
            "on supplies.",
            D(2022, 3, 24),
        ),
        # p144 (a GB outlet: BBC News / The Guardian / The Telegraph)
        (
            "Russian forces have sustained heavy losses of their own tanks and armoured equipment due to highly "
            "effective surveillance and attacks by Ukrainian drone warfare units.",
            D(2024, 4, 26),
        ),
        # made up
        ("Both sides have suffered significant losses.", D(2023, 3, 8)),
    ],
)
def test_heavy_losses_taken_in_the_perfect_give_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: one fight in the simple past, and a clause after a comma, keep their cards
        ("Russian troops suffered heavy losses in an assault on Vuhledar on Monday.", D(2023, 3, 8), "battle"),
        ("Russia has suffered heavy losses, and its missiles struck Kyiv on Monday.", D(2023, 3, 8), "strike"),
    ],
)
def test_a_happening_beside_heavy_losses_keeps_its_card(run, text, published, expected):
    assert expected in [kind for kind, _ in events_of(run(text, published))]
