"""Date expressions resolved against the publication date (SPEC.md, "Input")."""

import datetime
import time

import pytest

from articles.extraction import dates
from articles.extraction.dates import find_dates, resolve_expression

THURSDAY = datetime.date(2023, 1, 5)
D = datetime.date


def day(text, published=THURSDAY, future=False, previous=None):
    value = resolve_expression(text, published, future, previous)
    return (value.date, value.precision) if value else None


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("on Wednesday", False, datetime.date(2023, 1, 4)),  # the latest Wednesday before
        ("on Monday", False, datetime.date(2023, 1, 2)),
        ("on Tuesday", True, datetime.date(2023, 1, 10)),  # "will meet on Tuesday": the next one
        ("on Thursday", False, THURSDAY),  # the publication's own weekday is that day
        ("on Thursday", True, THURSDAY),
        ("last Thursday", False, datetime.date(2022, 12, 29)),
        ("next Thursday", False, datetime.date(2023, 1, 12)),
    ],
)
def test_it_resolves_a_weekday_by_tense(text, future, expected):
    assert day(text, future=future) == (expected, "day")


def test_it_resolves_yesterday_today_and_tomorrow():
    assert day("yesterday") == (datetime.date(2023, 1, 4), "day")
    assert day("today") == (THURSDAY, "day")
    assert day("tomorrow") == (datetime.date(2023, 1, 6), "day")


def test_it_dates_a_day_later_from_the_day_named_before():
    assert day("A day later", previous=datetime.date(2023, 12, 28)) == (datetime.date(2023, 12, 29), "day")
    assert day("the day before", previous=datetime.date(2023, 12, 28)) == (datetime.date(2023, 12, 27), "day")
    assert day("A day later") is None  # no day named before: no date


def test_it_dates_last_week_by_the_monday_of_the_week_before():
    # 2023-02-13 is a Monday; "last week" is the week of Monday 2023-02-06
    assert day("last week", published=datetime.date(2023, 2, 13)) == (datetime.date(2023, 2, 6), "week")
    assert day("last week", published=datetime.date(2023, 2, 19)) == (datetime.date(2023, 2, 6), "week")


def test_it_dates_the_weekend_by_its_saturday():
    assert day("at the weekend", published=datetime.date(2023, 1, 9)) == (datetime.date(2023, 1, 7), "week")


def test_it_resolves_a_day_month_without_a_year_to_the_latest_one_before_publication():
    assert day("December 28", published=datetime.date(2024, 1, 4)) == (datetime.date(2023, 12, 28), "day")
    assert day("28 December", published=datetime.date(2024, 1, 4)) == (datetime.date(2023, 12, 28), "day")
    assert day("January 20", published=datetime.date(2023, 2, 13)) == (datetime.date(2023, 1, 20), "day")


def test_it_reads_explicit_dates_and_months():
    assert day("24 February 2022") == (datetime.date(2022, 2, 24), "day")
    assert day("Feb. 24, 2022") == (datetime.date(2022, 2, 24), "day")
    assert day("in December") == (datetime.date(2022, 12, 1), "month")
    assert day("February 2022") == (datetime.date(2022, 2, 1), "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p081 and p200 (Fortune): an abbreviated month with its full stop, then the day, after "since" or "in"
        ("attacks on Ukraine since Feb. 24, the ministry said", (D(2022, 2, 24), "day")),
        ("the rouble has lost a third of its value since Jan. 1", (D(2023, 1, 1), "day")),
        ("in Sept. 12 talks", (D(2022, 9, 12), "day")),
        # the month alone keeps its month
        ("prices have risen since Feb. The ministry said", (D(2022, 2, 1), "month")),
        ("since February, the ministry said", (D(2022, 2, 1), "month")),
    ],
)
def test_an_abbreviated_month_before_a_day_is_that_day(text, expected):
    found = find_dates(text, THURSDAY)
    assert [(f.value.date, f.value.precision) for f in found] == [expected]


def test_it_dates_an_overnight_attack_by_the_morning_it_ended():
    assert day("overnight Saturday into Sunday", published=datetime.date(2023, 1, 9)) == (
        datetime.date(2023, 1, 8),
        "day",
    )


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p191 (Reuters): the night is the one the day after it names, not the publication's
        (
            "Russia's troops launched major airstrikes on Ukraine overnight on Tuesday, ahead of the talks.",
            datetime.date(2026, 2, 5),
            [datetime.date(2026, 2, 3)],
        ),
        # pool p192 (ISW)
        (
            "Russia launched another massive strike against Ukrainian energy infrastructure overnight on February 6 "
            "to 7.",
            datetime.date(2026, 2, 7),
            [datetime.date(2026, 2, 6)],
        ),
        # pool p194 (NPR)
        (
            "Russian strikes continued with over 400 drones and about 40 missiles launched overnight Saturday.",
            datetime.date(2026, 2, 8),
            [datetime.date(2026, 2, 7)],
        ),
        # made up: a night with no day named is the publication's
        ("Drones struck Odesa overnight, the governor said.", datetime.date(2026, 2, 8), [datetime.date(2026, 2, 8)]),
    ],
)
def test_a_night_followed_by_its_day_is_dated_by_that_day(text, published, expected):
    assert [f.value.date for f in find_dates(text, published)] == expected


@pytest.mark.parametrize("text", ["in recent weeks", "last winter", "this year", "1,461 days since 24 February"])
def test_it_gives_no_day_where_the_text_names_none(text):
    assert [f.value for f in find_dates(text, THURSDAY) if f.value.precision == "day"] == []


def test_it_resolves_nothing_relative_without_a_publication_date():
    assert day("on Wednesday", published=None) is None
    assert day("24 February 2022", published=None) == (datetime.date(2022, 2, 24), "day")


@pytest.mark.parametrize("text", ["Black Friday sales", "Good Friday"])
def test_it_takes_no_day_from_a_named_day(text):
    assert find_dates(text, THURSDAY) == []


def test_a_weekday_followed_by_its_calendar_date_is_that_date():
    # pool p197: "on Friday, February 28, 2025" in an article of 2026-02-18 is no Friday of 2026
    text = "Trump meets Zelenskyy in the Oval Office on Friday, February 28, 2025."
    assert [(f.text, f.value.date) for f in find_dates(text, datetime.date(2026, 2, 18))] == [
        ("February 28, 2025", datetime.date(2025, 2, 28))
    ]
    text = "He spoke on Monday and on April 18 again."
    assert [f.value.date for f in find_dates(text, datetime.date(2026, 2, 18))] == [
        datetime.date(2026, 2, 16),
        datetime.date(2025, 4, 18),
    ]


def test_it_still_reads_a_deadline_just_before_a_day_and_month():
    [found] = find_dates("Residents were told to leave by 7 March.", THURSDAY, future=False)
    assert found.value.date == datetime.date(2023, 3, 7)  # a deadline: the next 7 March


@pytest.mark.parametrize(
    "sentence",
    [
        "24 February" + " " * 100_000 + "x",  # two optional runs of spaces before a year
        "Black Friday on Monday " * 5_000,  # each weekday searched the whole text before it
        "by 7 March, " * 5_000,
    ],
)
def test_it_reads_a_pathological_sentence_in_linear_time(sentence):
    start = time.perf_counter()
    find_dates(sentence, THURSDAY)
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    ("expression", "group"),
    [
        ("overnight Saturday into Sunday", "overnight_pair"),
        ("24 February 2022", "dmy"),
        ("Feb. 24, 2022", "mdy"),
        ("2022-02-24", "iso"),
        ("24 February", "dm"),
        ("December 28", "md"),
        ("February 2022", "month_year"),
        ("in May", "month"),
        ("in Sept", "month"),
        ("last Friday", "rel"),
        ("Monday", "wd_plain"),
        ("yesterday", "yesterday"),
        ("tonight", "today"),
        ("this morning", "today"),
        ("this afternoon", "today"),
        ("this evening", "today"),
        ("tomorrow", "tomorrow"),
        ("the day before", "day_before"),
        ("the next day", "day_after"),
        ("the week before", "last_week"),
        ("this week", "this_week"),
        ("next week", "next_week"),
        ("over the weekend", "weekend"),
        ("last month", "last_month"),
        ("earlier this month", "this_month"),
        ("overnight", "overnight"),
        ("last night", "overnight"),
        ("in the past 24 hours", "past_day"),
        ("since 2014", "year"),
        ("in 1999-2000", "year"),
        ("from 2010 to 2021", "from_year"),
    ],
)
def test_the_quick_date_check_passes_every_kind_of_date_expression(expression, group):
    match = dates.DATE_RE.search(expression)
    assert match is not None and match.group(group), expression
    assert dates.DATE_HINT.search(expression), expression


def test_a_sentence_with_no_date_word_has_no_date():
    assert not dates.DATE_HINT.search("Russian forces shelled the town, officials said.")
    assert find_dates("Russian forces shelled the town, officials said.", THURSDAY) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p095 (Kyiv Post, published Tuesday 26 July 2022): the Wednesday is the next day, not July 27, 2021
        (
            "Gazprom says it is cutting daily gas deliveries via the Nord Stream pipeline from Wednesday, July 27.",
            datetime.date(2022, 7, 26),
            datetime.date(2022, 7, 27),
        ),
        # made up: "Friday, 3 March" after a Thursday 2 March 2023 publication; March 3, 2022 was a Thursday
        ("The new rules apply from Friday, 3 March.", datetime.date(2023, 3, 2), datetime.date(2023, 3, 3)),
        # a weekday that fits the year chosen by tense keeps it (pool, the Guardian's live pages)
        (
            "Monday, April 18: Russia launched its offensive in the east.",
            datetime.date(2022, 4, 19),
            datetime.date(2022, 4, 18),
        ),
    ],
)
def test_a_weekday_named_with_a_day_and_month_chooses_its_year(text, published, expected):
    assert [f.value.date for f in find_dates(text, published)] == [expected]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # TVN24 (p072), published 10 March 2022: "... our informal meeting in Versailles on March 10-11 - he said."
        ("on March 10", datetime.date(2022, 3, 10), datetime.date(2022, 3, 10)),
        # made up: "Ministers will meet on 5 January", in an article of that Thursday
        ("on 5 January", THURSDAY, THURSDAY),
        ("on 6 January", THURSDAY, datetime.date(2023, 1, 6)),
        ("on 4 January", THURSDAY, datetime.date(2024, 1, 4)),
    ],
)
def test_a_day_and_month_ahead_may_be_the_publication_day_itself(text, published, expected):
    # as a weekday in the future tense may be ("on Thursday" above): the day of the report is not a year away
    assert day(text, published=published, future=True) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a span of years is dated by its first year: p033 (The Guardian), p218 (UN News), p074 (Fox News),
        # p206 (House of Commons Library), made up
        ("Grozny, which Russia bombed and besieged in 1999-2000.", [(D(1999, 1, 1), "year")]),
        ("the famine inflicted by the Soviet regime on Ukraine in 1932–1933", [(D(1932, 1, 1), "year")]),
        (
            "Kelly Craft, who was the United States ambassador to the world body from 2019-2021",
            [(D(2019, 1, 1), "year")],
        ),
        ("From 2010 to 2021, the UK provided a total of £204 million", [(D(2010, 1, 1), "year")]),
        ("Russian troops fought in Chechnya from 1994 until 1996.", [(D(1994, 1, 1), "year")]),
        # "from" alone opens no span of years; a calendar date keeps its day
        ("Sanctions apply from 2022 onwards.", []),
        ("The order took effect in 2022-02-24 filings.", [(D(2022, 2, 24), "day")]),
    ],
)
def test_a_span_of_years_is_dated_by_its_first_year(text, expected):
    assert [(f.value.date, f.value.precision) for f in find_dates(text, THURSDAY)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month of last year is that month of the year before publication (p151, CNN; p205, TIME; p131; p017,
        # The New York Times; made up)
        ("In February last year, Putin announced that Russia would suspend", D(2024, 5, 6), (D(2023, 2, 1), "month")),
        ("During a heated Oval Office exchange in February last year", D(2026, 2, 18), (D(2025, 2, 1), "month")),
        (
            "more than the 426 Russia fired in the whole month of July last year",
            D(2025, 7, 21),
            (D(2024, 7, 1), "month"),
        ),
        ("The talks failed in December of last year.", D(2023, 12, 20), (D(2022, 12, 1), "month")),
        # a month "of" a year (p151, CNN; p186, CSIS)
        (
            "signed an agreement to place Moscow's weapons in Belarus in May of 2023",
            D(2024, 5, 6),
            (D(2023, 5, 1), "month"),
        ),
        ("an average exchange rate between January and September of 2025", D(2025, 9, 30), (D(2025, 9, 1), "month")),
        # a part of a year is that year (p151, CNN; p214, CNBC; p148, Fox News; made up)
        ("In late 2022, the US began “preparing rigorously”", D(2024, 5, 6), (D(2022, 1, 1), "year")),
        (
            "since the first few weeks of Moscow's full-scale invasion in early 2022",
            D(2026, 2, 27),
            (D(2022, 1, 1), "year"),
        ),
        ("after Russia invaded Ukraine in early 2022", D(2024, 5, 1), (D(2022, 1, 1), "year")),
        ("The plant was rebuilt by mid-2023.", D(2024, 5, 1), (D(2023, 1, 1), "year")),
    ],
)
def test_a_month_of_last_year_a_month_of_a_year_and_a_part_of_a_year_are_read(text, published, expected):
    assert [(f.value.date, f.value.precision) for f in find_dates(text, published)][-1:] == [expected]
