"""One happening told again: a repeated dated sentence, a strike elsewhere on the same day (merging.py)."""

import datetime

import pytest

D = datetime.date

FILLER = "Officials gave no further details. The weather in the capital stayed mild and dry. "


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        # pool p187 (Foreign Policy): a newsletter repeats its lead paragraph
        (
            "Officials from Russia, Ukraine, and the United States began talks in Abu Dhabi, United Arab Emirates, "
            "on Friday and are set to continue for two days. " + FILLER + "Officials from Russia, Ukraine, and the "
            "United States began talks in Abu Dhabi, United Arab Emirates, on Friday and are set to continue for two "
            "days.",
            D(2026, 1, 24),
            "diplomacy",
        ),
        # pool p046 (The Guardian live page): a summary line and its post
        (
            "Boris Johnson, prime minister of the UK, spoke with Volodymyr Zelenskiy on Sunday evening about "
            "Russia's blockade of Odesa, Ukraine's largest shipping port. " + FILLER + "Boris Johnson, prime "
            "minister of the UK, spoke with Volodymyr Zelenskiy on Sunday evening about Russia's blockade of Odesa, "
            "Ukraine's largest shipping port.",
            D(2022, 5, 23),
            "diplomacy",
        ),
        # made up
        (
            "The foreign ministers of Poland and Lithuania met in Vilnius on Tuesday to discuss air defence for "
            "the Baltic region. " + FILLER + "The foreign ministers of Poland and Lithuania met in Vilnius on Tuesday "
            "to discuss air defence for the Baltic region.",
            D(2024, 3, 6),
            "diplomacy",
        ),
    ],
)
def test_a_dated_sentence_repeated_far_on_is_one_event(run, text, published, kind):
    assert [e.type for e in run(text, published).events].count(kind) == 1


def test_a_sentence_repeated_with_its_day_gives_the_day(run):
    # pool p046 (The Guardian live page): the summary line without the day, the post with it
    text = (
        "UK prime minister Boris Johnson spoke with Zelenskiy about Russia's blockade of Odesa, Ukraine's largest "
        "shipping port. " + FILLER + "Boris Johnson, prime minister of the UK, spoke with Volodymyr Zelenskiy on "
        "Sunday evening about Russia's blockade of Odesa, Ukraine's largest shipping port."
    )
    events = [e for e in run(text, D(2022, 5, 23)).events if e.type == "diplomacy"]
    assert [(e.date, e.precision) for e in events] == [(D(2022, 5, 22), "day")]


def test_nearly_the_same_words_of_another_day_stay_two(run):
    # pool p218 (made shorter): one session held, another to come
    text = (
        "On Tuesday, Ukraine President Volodymyr Zelenskyy addressed MEPs at an extraordinary plenary session of "
        "the European Parliament in Brussels. " + FILLER + "On March 3, Ukraine President Volodymyr Zelenskyy will "
        "address MEPs at an extraordinary plenary session of the European Parliament in Brussels."
    )
    assert [e.type for e in run(text, D(2026, 2, 25)).events].count("diplomacy") == 2
