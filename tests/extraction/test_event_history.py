"""History and background (issue 8): what the timeline shows of the past a report looks back on.

A span of years told in the perfect is a campaign or a state (the DURATIVE rows of patterns/en/context.jsonl, on a
given parse and through the engine); a span of years before the war is history; two battles of one year told apart
stay two; the year a span is counted from dates nothing; what an anniversary counts from is no happening. Real
sentences of two outlets and one of our own each. What the dev gold keeps stays: a past happening told with its date
("Russia annexed Crimea in 2014"), a siege of weeks ("besieged ... for more than six weeks") and a running count of
losses over the years.
"""

import datetime

import pytest

from tests.extraction.conftest import events_of
from tests.extraction.test_context import covered, parsed

D = datetime.date

# made up
SHELLED_FOR_YEARS = parsed(
    "For IN ADP prep 6 for",
    "three CD NUM nummod 2 three",
    "years NNS NOUN pobj 0 year",
    "Russian JJ ADJ amod 4 russian",
    "forces NNS NOUN nsubj 6 force",
    "have VBP AUX aux 6 have",
    "shelled VBN VERB ROOT 6 shell",
    "the DT DET det 8 the",
    "town NN NOUN dobj 6 town",
    ". . PUNCT punct 6 .",
)

# made up: the same span with a verb in the simple past
SHELLED_IN_THE_PAST = parsed(
    "Russian JJ ADJ amod 1 russian",
    "forces NNS NOUN nsubj 2 force",
    "shelled VBD VERB ROOT 2 shell",
    "the DT DET det 4 the",
    "town NN NOUN dobj 2 town",
    "for IN ADP prep 2 for",
    "three CD NUM nummod 7 three",
    "years NNS NOUN pobj 5 year",
    ". . PUNCT punct 2 .",
)


def test_it_reads_a_span_of_years_in_the_perfect_as_durative():
    assert covered(SHELLED_FOR_YEARS, "shelled") == ["DURATIVE"]
    assert covered(SHELLED_FOR_YEARS, "town") == ["DURATIVE"]


def test_it_leaves_a_span_of_years_in_the_simple_past_alone():
    assert covered(SHELLED_IN_THE_PAST, "shelled") == []


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p166, The Economist
        (
            "Mr Trump may have earlier this year declared that Ukraine lacks “the cards” to win, but for two years it "
            "has been carrying out successful attacks on oil refineries and depots across Russia.",
            D(2025, 9, 4),
        ),
        # p210, Al Jazeera
        (
            "European leaders have publicly noted that over the past three years, it has seized 1.5 percent of "
            "Ukraine or less at a cost of hundreds of thousands of lives.",
            D(2026, 2, 27),
        ),
        # made up
        ("For three years Russian forces have shelled the town almost daily.", D(2025, 3, 1)),
        ("In recent years, Russia has launched hundreds of drones at Kyiv.", D(2025, 3, 1)),
    ],
)
def test_a_campaign_over_years_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        # p199, CNN: a cumulative count over the years is a losses event (spared)
        (
            "Of that estimate, as many as 325,000 Russians, the report adds, have been killed in the past four years.",
            D(2026, 2, 21),
            "losses",
        ),
        # p062 (dev gold): a siege of weeks is kept
        (
            "Mariupol, a strategic port on the Sea of Azov, has been besieged by Russian troops and forces from "
            "self-proclaimed separatist areas in eastern Ukraine for more than six weeks.",
            D(2022, 4, 21),
            "battle",
        ),
        # made up: the simple past tells the happening
        ("Russian forces shelled the town for three years.", D(2025, 3, 1), "strike"),
    ],
)
def test_a_count_a_siege_of_weeks_or_the_simple_past_keeps_its_event(run, text, published, kind):
    assert [found for found, _day in events_of(run(text, published))] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # p033 (The Guardian): a span of years before the war, read as a date since the span is dated by its
        # first year, is history (event_background.WAR_BEGAN)
        "“Groznify” is a reference to the Chechen city of Grozny, which Russia bombed and besieged in 1999-2000.",
        # made up
        "Russian troops shelled Grozny from 1994 to 1996.",
    ],
)
def test_a_span_of_years_before_the_war_is_history(run, text):
    assert events_of(run(text, D(2022, 3, 24))) == []


def test_two_battles_of_one_year_told_apart_stay_two(run):
    # dev p151 (CNN), shortened: a year holds many battles
    text = (
        "Since invading Ukraine in 2022, Putin has repeatedly made veiled threats to use tactical nuclear weapons.\n\n"
        "The drills were announced on Monday.\n\n"
        "The Kremlin said the drills were a response to Western statements.\n\n"
        "After Ukraine liberated large swathes of its territory in late 2022, Putin conceded that the war is "
        "“going to take a while”."
    )
    battles = [day for kind, day in events_of(run(text, D(2024, 5, 6))) if kind == "battle"]
    assert battles == [D(2022, 1, 1), D(2022, 1, 1)]


def test_one_battle_of_a_month_told_in_the_next_sentence_stays_one(run):
    # p115 (Fox News), shortened; made up second sentence of the same battle
    text = (
        "Ukrainian forces eliminated 5,000 troops in a single battle in late January, according to U.K. officials. "
        "Russian troops stormed the coal mining city Vuhledar in late January."
    )
    battles = [day for kind, day in events_of(run(text, D(2023, 2, 16))) if kind == "battle"]
    assert battles == [D(2023, 1, 1)]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # dev p195 (Al Jazeera), dev p036 (The Guardian), made up: the year a span is counted from dates nothing
        (
            "Dozens of similar attacks since 2022 have deprived millions of people throughout Ukraine of heat, power "
            "and running water.",
            D(2026, 2, 10),
        ),
        (
            "On the battlefield, Ukraine says after withdrawing from Kyiv’s outskirts, Russia is regrouping to try to "
            "gain full control over the eastern regions of Donetsk and Luhansk, which have been partly held by "
            "Russian-backed separatists since 2014.",
            D(2022, 4, 8),
        ),
        ("Russian drones have struck the city's power plants since 2023.", D(2025, 3, 1)),
    ],
)
def test_a_year_counted_from_dates_no_happening(run, text, published):
    found = events_of(run(text, published))
    assert found and all(day is None for _kind, day in found)


def test_a_year_named_by_its_clause_of_when_or_a_day_a_span_opens_on_dates_the_happening(run):
    # dev p069 (The Guardian), dev p037 (The Guardian)
    since_when = (
        "That Mariupol would be a target for the Russian military had been obvious since 2014, when Russian proxies "
        "initially seized the city and tried repeatedly to retake it after being driven out."
    )
    assert events_of(run(since_when, D(2022, 4, 23))) == [("battle", D(2014, 1, 1))]
    since_day = "Mariupol has been under constant fire since 24 February, officials said."
    assert (D(2022, 2, 24)) in [day for _kind, day in events_of(run(since_day, D(2022, 4, 9)))]


@pytest.mark.parametrize(
    "text",
    [
        # p032 (The Guardian), p203 (Lowy Institute), made up: the point an anniversary counts from is no happening
        "Thursday marks one month since Russia invaded Ukraine.",
        "Today the world marks 1461 days since the military forces of Russia invaded Ukraine.",
        "Friday marks two years since Russian troops seized the city.",
    ],
)
def test_what_an_anniversary_counts_from_is_no_happening(run, text):
    assert events_of(run(text, D(2022, 3, 24))) == []


def test_a_happening_on_the_day_an_anniversary_marks_keeps_its_event(run):
    # made up: the clause of "which marks" is the anniversary's, the shelling is told
    text = "Russian forces shelled Kharkiv on Friday, which marks two years since the war began."
    assert events_of(run(text, D(2022, 3, 24))) == [("strike", D(2022, 3, 18))]


def test_one_battle_of_a_year_told_again_at_its_place_stays_one(run):
    # p071 (Daily Mail): the same sentence twice in one page, paragraphs apart
    told = (
        "Capturing it would complete a land corridor between Russia and the Crimean Peninsula, which Putin seized "
        "from Ukraine in 2014."
    )
    text = f"{told}\n\nOfficials said the city was calm.\n\nThe mayor spoke to reporters.\n\n{told}"
    battles = [day for kind, day in events_of(run(text, D(2022, 4, 23))) if kind == "battle"]
    assert battles == [D(2014, 1, 1)]
