"""Background and page furniture that reached the timeline (h-bg2, issue 8).

What a speaker "reminds" or "recalls" is told again as background (a HISTORICAL row of patterns/en/context.jsonl),
and a diplomat's journey is no clause of what was recalled; "order of battle" names the units a side fields, no
fighting; a caption closed by a photo credit without parentheses is a caption. Real sentences of different outlets
and one of our own each, and a sentence of the same shape that keeps its event.
"""

import datetime

import pytest

from articles.extraction.cleaning import clean_text
from tests.extraction.conftest import events_of
from tests.extraction.test_context import covered, parsed

D = datetime.date

# made up
RECALLED_SHELLING = parsed(
    "The DT DET det 1 the",
    "ministry NN NOUN nsubj 2 ministry",
    "recalled VBD VERB ROOT 2 recall",
    "that IN SCONJ mark 6 that",
    "Russian JJ ADJ amod 5 russian",
    "troops NNS NOUN nsubj 6 troop",
    "shelled VBD VERB ccomp 2 shell",
    "the DT DET det 8 the",
    "town NN NOUN dobj 6 town",
    ". . PUNCT punct 2 .",
)


def test_what_is_recalled_is_historical():
    assert covered(RECALLED_SHELLING, "shelled") == ["HISTORICAL"]
    assert covered(RECALLED_SHELLING, "town") == ["HISTORICAL"]
    assert covered(RECALLED_SHELLING, "recalled") == []  # the verb itself: "recalling its ambassador"


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p133, a Polish outlet
        (
            "The European Council reminded in a communication on Thursday that for the first time sanctions were "
            "introduced in 2014 in response to Russia's actions destabilizing the situation in Ukraine.",
            D(2023, 7, 20),
        ),
        # p072, TVN24
        ("He reminded that Moldova and Georgia also submitted the application.", D(2022, 3, 10)),
        # p108, BelTA
        (
            "The foreign minister recalled that it was Ukraine that launched a military operation against the "
            "residents of Donetsk and Lugansk.",
            D(2022, 9, 26),
        ),
        # p143, Ukrinform
        (
            "The institute recalled a statement by Russian Foreign Minister Sergei Lavrov from April 19 that Kharkiv "
            'City "plays an important role" in Russian President Vladimir Putin\'s idea of establishing a '
            'demilitarized "sanitary zone" in Ukraine.',
            D(2024, 4, 24),
        ),
        # made up
        ("The ministry recalled that Russian troops shelled the town in May.", D(2023, 7, 20)),
    ],
)
def test_what_is_reminded_or_recalled_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # made up: the same shapes, said or told, keep their event
        ("The ministry said that Russian troops shelled the town on Tuesday.", "strike"),
        ("Russian troops shelled the town on Tuesday, the mayor recalled.", "strike"),
        # made up: a diplomat's journey keeps its diplomacy
        ("The Russian ambassador was recalled to Moscow on Tuesday.", "diplomacy"),
    ],
)
def test_a_happening_said_or_an_envoy_recalled_keeps_its_event(run, text, kind):
    assert [found for found, _day in events_of(run(text, D(2023, 7, 20)))] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # p192, Critical Threats / ISW
        "Order of Battle: Elements of the Russian 217th Airborne (VDV) Regiment (98th VDV Division) are reportedly "
        "striking Ukrainian forces in Sumy Oblast.",
        "Order of Battle: Molniya-2 fixed-wing FPV drone operators of the Russian 98th VDV Division reportedly "
        "continue to operate in the Kherson direction.",
        # made up
        "Analysts redrew Russia's order of battle in the south on Tuesday.",
    ],
)
def test_an_order_of_battle_is_no_fighting(run, text):
    assert events_of(run(text, D(2026, 2, 7))) == []


def test_a_battle_of_a_place_stays_a_battle(run):
    # made up: "battle" after "of" that is no "order of"
    assert events_of(run("The battle of Bakhmut raged on Tuesday.", D(2023, 7, 20))) == [("battle", D(2023, 7, 18))]


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # p068, POLITICO
        (
            "Emmanuel Macron said that France had sent a lot of military equipment to Ukraine | Ludovic Marin/AFP "
            "via Getty Images\n",
            D(2022, 4, 22),
        ),
        # p205, TIME
        (
            "Russia's President Vladimir Putin welcomes U.S. Special Envoy Steve Witkoff and Trump's son-in-law Jared "
            "Kushner during a meeting at the Kremlin in Moscow on Jan. 22, 2026.  Alexander Kazakov—Getty Images\n",
            D(2026, 2, 18),
        ),
        # p056, Reuters
        (
            "Russian President Vladimir Putin chairs a meeting on the country's agricultural and fish industries via "
            "a video link at a residence outside Moscow, Russia April 5, 2022. Sputnik/Mikhail Klimentyev/Kremlin via "
            "REUTERS\n",
            D(2022, 4, 6),
        ),
        # made up
        ("Zelensky met Scholz in Berlin on Tuesday | Kay Nietfeld/dpa via Getty Images\n", D(2023, 7, 20)),
    ],
)
def test_a_caption_closed_by_a_bare_credit_gives_no_event(run, text, published):
    assert events_of(run(text, published)) == []


@pytest.mark.parametrize(
    "text",
    [
        # made up: an agency named in the report, or a bar before a heading, is no credit
        "Zelensky met Scholz in Berlin on Tuesday, Reuters reported.\n",
        "Zelensky met Scholz in Berlin on Tuesday — Reuters\n",
        "Zelensky met Scholz in Berlin on Tuesday, talks that the Kremlin called a provocation | Live updates\n",
    ],
)
def test_a_report_naming_an_agency_keeps_its_event(run, text):
    assert events_of(run(text, D(2023, 7, 20))) == [("diplomacy", D(2023, 7, 18))]


def test_only_the_sentence_a_bare_credit_closes_is_a_caption(run):
    # made up: a text copied in one line keeps the sentences before its caption
    text = (
        "Russia shelled Kharkiv on Tuesday. Zelensky met Scholz in Berlin on Tuesday. Kay Nietfeld/dpa via Getty "
        "Images\n"
    )
    assert events_of(run(text, D(2023, 7, 20))) == [("strike", D(2023, 7, 18))]


def test_cleaning_keeps_a_caption_with_its_bare_credit_and_news_lines_with_a_bar():
    # Cleaning leaves a credit glued to its caption in place: the caption rule reads it (event_statements._caption), and
    # cut off it would leave a line that reads as a sentence. A credit on a line of its own goes (p214, CNBC), and a
    # news line with a bar stays (made up).
    caption = (
        "Emmanuel Macron said that France had sent a lot of military equipment to Ukraine | Ludovic Marin/AFP via "
        "Getty Images"
    )
    news = "The vote passed 311 | 112, the speaker announced on Tuesday."
    text = f"Macron: Keep talking to Putin\n\n{caption}\n\nAnadolu | Anadolu | Getty Images\n\n{news}\n"
    cleaned = clean_text(text)
    assert caption in cleaned and news in cleaned
    assert "Anadolu | Anadolu" not in cleaned
