"""One visit told over several sentences is one event (merging._visit_told_on): an undated diplomacy sentence whose
subject is already told since the visit began ("He", "Mr Varadkar", "The Taoiseach then ...") goes on telling the
visit told just before; a sentence of a day of its own, a new happening or another actor stays apart."""

import datetime

import pytest

from articles.extraction import merging
from tests.extraction.conftest import events_of

PUBLISHED = datetime.date(2023, 7, 19)


def diplomacy(result) -> list[str]:
    return [event.summary.strip() for event in result.events if event.type == "diplomacy"]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        # p132 (unidentified GB outlet): the Taoiseach's trip to Kyiv, then "He also visited a bridge in Irpin"
        (
            "On a day-long unannounced trip to the Ukrainian capital, Mr Varadkar visited the sites of several "
            "atrocities committed in the early weeks of the Russian invasion.",
            "He also visited a bridge in Irpin where Russian forces bombed civilians fleeing the conflict.",
        ),
        # p132: "They performed a song for the Taoiseach ... The Taoiseach then spoke to Mr Hrekov"
        (
            "Mr Varadkar visited the Lesya Ukrainka National Academic Drama Theatre company in Kyiv on his visit to "
            "the Ukrainian capital. They performed a song for the Taoiseach before presenting him with a copy of "
            "Translations signed by the cast.",
            "The Taoiseach then spoke to Mr Hrekov, shaking his hand and enquiring about his well-being since the "
            "assault.",
        ),
        # p135 (unidentified PL outlet): the president's tour of the south
        (
            "The president visited the Dnieper, Mikołajów, Oczaków and Odessa in the south of the country.",
            "He conducted a meeting with the highest command and met with medical employees.",
        ),
        # made up
        (
            "Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit.",
            "Scholz then met President Zelensky at the Mariinsky Palace.",
        ),
    ],
)
def test_a_later_sentence_of_the_same_visitor_goes_on_telling_the_visit(run, first, later):
    assert len(diplomacy(run(later, PUBLISHED))) == 1  # the later sentence alone is a card
    assert diplomacy(run(f"{first} {later}", PUBLISHED)) == [diplomacy(run(first, PUBLISHED))[0]]


@pytest.mark.parametrize(
    ("text", "cards"),
    [
        # p054 (The Guardian): a meeting of a day of its own, before the arrival in Moscow
        (
            "The Indonesian president, Joko Widodo, arrived in Moscow on Thursday, where he will urge Vladimir Putin "
            "to agree to a ceasefire and seek ways to allow the export of grain from Ukraine. Widodo also met with "
            "the Ukrainian president, Volodymyr Zelenskiy, on Wednesday during a visit he described as a "
            "manifestation of the Indonesian people's concern for the situation in Ukraine.",
            2,
        ),
        # p070 (Al Jazeera): "then" with a day of its own is the next leg of a trip, its own card
        (
            "Guterres will meet Russian President Vladimir Putin in Moscow on Tuesday, where he will also hold talks "
            "with Russian Foreign Minister Sergey Lavrov. Guterres will then travel to Kyiv on Thursday, where he will "
            "meet Ukraine's President Volodymyr Zelenskyy and Foreign Minister Dmytro Kuleba.",
            2,
        ),
        # made up: another actor, not told since the visit began
        (
            "Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit. Russia's foreign minister met his "
            "Chinese counterpart in Beijing.",
            2,
        ),
        # made up, after p197 (Al Jazeera) "Then, later in the month, Witkoff and Kushner hosted another session of
        # talks in Miami": a new happening of the same actor
        (
            "Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit. Then, later in the month, Scholz hosted "
            "another session of talks in Berlin.",
            2,
        ),
        # made up: the call told before is no visit, and a second call is another happening
        (
            "Chancellor Olaf Scholz spoke with President Zelensky by phone. He also spoke with Emmanuel Macron.",
            2,
        ),
    ],
)
def test_another_happening_stays_apart(run, text, cards):
    assert len(diplomacy(run(text, PUBLISHED))) == cards


def test_a_visit_told_too_far_back_is_not_gone_on(run):
    first = "Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit."
    later = "Scholz then met President Zelensky at the Mariinsky Palace."
    filler = " ".join(f"The weather was cold on day {n} of the month." for n in range(merging.VISIT_REACH + 1))
    assert len(events_of(run(f"{first} {filler} {later}", PUBLISHED))) == 2


@pytest.mark.parametrize(
    ("first", "later", "published"),
    [
        # p087 (Gazeta.pl): the meeting told again with its verb
        (
            "Wołodymyr Zielnski at a meeting with European leaders appealed for the supply of weapons.",
            "He met there with the President of France Emmanuel Macron, German Chancellor Olaf Scholz, Italian Prime "
            "Minister Mario Draghim and President of Romania Klaus Iohannis.",
            datetime.date(2022, 6, 17),
        ),
        # p197 (Al Jazeera): the trilateral talks told again with their noun
        (
            "On January 23, high-level delegations from the US, Ukraine and Russia sat face to face to hold "
            "trilateral talks for the first time since the 2022 invasion.",
            "Hosted at the Al Shati Palace in Abu Dhabi, talks were mediated by the United Arab Emirates.",
            datetime.date(2026, 2, 18),
        ),
        # made up
        (
            "Chancellor Olaf Scholz held talks with President Zelensky in Kyiv.",
            "During the talks, they discussed the reconstruction of the power grid.",
            PUBLISHED,
        ),
    ],
)
def test_a_later_sentence_of_the_same_meeting_goes_on_telling_it(run, first, later, published):
    assert len(diplomacy(run(later, published))) == 1  # the later sentence alone is a card
    assert diplomacy(run(f"{first} {later}", published)) == [first]


@pytest.mark.parametrize(
    "text",
    [
        # made up, after p051 (The Guardian): "Alikhanov said the decision to increase supplies was made at a meeting
        # with Russian Deputy Prime Minister Alexander Novak": "a meeting" brings in another one
        "Chancellor Olaf Scholz held talks with President Zelensky in Kyiv. Scholz said the plan was agreed at a "
        "meeting with President Macron.",
        # made up: a meeting in another place
        "Chancellor Olaf Scholz held talks with President Zelensky in Kyiv. He also met President Andrzej Duda in "
        "Warsaw.",
    ],
)
def test_another_meeting_stays_apart(run, text):
    assert len(diplomacy(run(text, PUBLISHED))) == 2
