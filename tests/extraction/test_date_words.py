"""The words just before a date expression (patterns/en/dates.jsonl), read on tokens: rule tests on the
tokenizer alone, without the statistical model."""

import datetime

import pytest

from articles.extraction.dates import find_dates

THURSDAY = datetime.date(2023, 1, 5)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # p019: "the diplomats had been told to leave by 7 March": a deadline, ahead of the report
        ("the diplomats had been told to leave by 7 March", datetime.date(2023, 3, 7)),
        # made up
        ("Kyiv set a deadline of 1 June for the talks", datetime.date(2023, 6, 1)),
        ("The ceasefire held until\n7 March", datetime.date(2023, 3, 7)),
        ("Russian forces shelled the town on 7 March", datetime.date(2022, 3, 7)),  # no deadline: the last 7 March
    ],
)
def test_a_day_and_month_after_a_deadline_word_lies_ahead(text, day):
    assert [f.value.date for f in find_dates(text, THURSDAY, future=False)] == [day]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # p071: "with Easter Sunday falling this year on April 24"
        ("with Easter Sunday falling this year", []),
        # made up
        ("Black Friday sales went ahead in Moscow", []),
        ("The goods left on Friday", [datetime.date(2022, 12, 30)]),
    ],
)
def test_a_weekday_after_a_holidays_word_is_no_day(text, days):
    assert [f.value.date for f in find_dates(text, THURSDAY)] == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # made up, in the manner of p058 and p062 ("after more than 43 days since the Russian invasion began")
        ("Mariupol has been besieged for 43 days since 24 February", []),
        ("Kyiv marked 1,461 days since 24 February", []),
        ("Kyiv has been without power since 24 February", [datetime.date(2022, 2, 24)]),
    ],
)
def test_a_count_of_days_since_a_date_gives_no_day(text, days):
    assert [f.value.date for f in find_dates(text, THURSDAY) if f.value.precision == "day"] == days
