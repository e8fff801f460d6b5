"""The day of a pledge told in a speaker's undated words: the day of the speaker's dated words before.

A speaker is the subject of a verb of speech (attribution.SPEECH_LEMMAS) that has spoken: "Kuleba told
... on Thursday" dates "Kuleba said he expected ..."; a name elsewhere in the sentence ("invaded by
Putin") and a speech still to come ("will tell ... on Thursday") date nothing.
"""

import datetime

import pytest

FRIDAY = datetime.date(2022, 4, 8)


def dates_of(result):
    return [(p.donor, p.category, p.status, p.date) for p in result.pledges]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p036 (The Guardian)
        (
            "“Either you help us now, or your help will come too late,” Ukraine’s foreign minister, Dmytro Kuleba, "
            "told a meeting of his counterparts in the alliance in Brussels on Thursday. Kuleba said he expected "
            "Nato members to send Kyiv the weapons it needed, including air defence systems.",
            FRIDAY,
            [("NATO", "air_defense", "requested", datetime.date(2022, 4, 7))],
        ),
        # made up
        (
            "Ben Wallace told MPs in London on Monday that the war had changed Europe. Wallace said Britain would "
            "send 14 Challenger 2 tanks.",
            datetime.date(2023, 1, 6),
            [("GB", "tank", "pledged", datetime.date(2023, 1, 2))],
        ),
    ],
)
def test_a_speakers_dated_words_date_his_later_words(run, text, published, expected):
    assert dates_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p029 (The Guardian): the speech is still to come on Thursday
        (
            "Boris Johnson will tell world leaders at the Nato summit on Thursday that the conflict is entering a "
            "new phase. Ahead of the summit, Johnson said the UK would provide £25m from Foreign Office funds to "
            "help Ukraine pay its military and police forces.",
            datetime.date(2022, 3, 23),
            [("GB", "funding", "pledged", None)],
        ),
        # pool p151 (CNN): Putin is named in the quote, Cameron speaks
        (
            "Vladimir Putin said on Friday that the strikes would go on. “They were illegally invaded by Putin and "
            "they must take those steps,” Cameron told reporters after the United Kingdom pledged continued "
            "financial and military support for Ukraine.",
            datetime.date(2024, 5, 6),
            [("GB", "funding", "pledged", None)],
        ),
    ],
)
def test_a_name_that_has_not_spoken_dates_nothing(run, text, published, expected):
    assert dates_of(run(text, published)) == expected


def test_a_pronoun_speaking_after_a_quote_takes_the_day_before(run):
    # pool p039 (The Guardian) shortened, after a dated sentence; made-up first sentence
    text = (
        "Lithuania's defence minister spoke to reporters in Vilnius on Tuesday. “We have delivered anti-tank "
        "missiles, Stingers and other things that we have never spoken about publicly,” she said."
    )
    result = run(text, datetime.date(2022, 4, 20))
    assert {p.date for p in result.pledges} == {datetime.date(2022, 4, 19)}
