"""Timeline recall (h-erecall): a proposal handed over, and the happening a framing sentence is set after."""

import datetime

import pytest

from tests.extraction.conftest import events_of

D = datetime.date
PUBLISHED = D(2022, 4, 22)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p065 (Al Jazeera English)
        (
            "Earlier this week, the Kremlin said Russia had submitted a new written proposal to Kyiv.",
            [("diplomacy", D(2022, 4, 18))],
        ),
        # pool p197 (Al Jazeera)
        (
            "Ukraine’s Zelenskyy presented a 10-point peace proposal at the Group of 20 (G20) summit in Indonesia, "
            "within which he called for Russia’s withdrawal from all Ukrainian territory.",
            [("diplomacy", None)],
        ),
        # made up
        ("Moldova handed a counterproposal to the Russian envoy.", [("diplomacy", None)]),
    ],
)
def test_it_reads_a_proposal_handed_over_as_diplomacy(run, text, expected):
    assert events_of(run(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # made up: a proposal named, no one hands it over
        "The proposal was rejected by Kyiv.",
        "Analysts say the proposals are unlikely to end the war.",
    ],
)
def test_it_reads_no_diplomacy_where_no_proposal_is_handed_over(run, text):
    assert "diplomacy" not in [kind for kind, _day in events_of(run(text, PUBLISHED))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p180 (BBC News)
        (
            "The swap follows the first face-to-face talks between the two sides in three years, which took place "
            "in Turkey.",
            [("diplomacy", None)],
        ),
        # pool p193 (Al Jazeera)
        (
            "The new deadline comes after US-mediated trilateral talks in Abu Dhabi between Russia and Ukraine.",
            [("diplomacy", None)],
        ),
        # pool p194 (NPR)
        (
            "The latest deadline follows U.S.-brokered trilateral talks in Abu Dhabi that produced no breakthrough.",
            [("diplomacy", None)],
        ),
        # p017 (The New York Times)
        (
            "The escalation of the air war this spring comes as Russia has successfully stepped up its "
            "industrial-scale manufacturing of exploding drones and decoys.",
            [("mobilization", None)],
        ),
        # p040 (The Guardian)
        (
            "Kremlin spokesperson Dmitry Peskov’s comments came after Russia halted gas supplies to Poland and "
            "Bulgaria, a move that European leaders and Zelenskiy denounced as “blackmail”.",
            [("other", None)],
        ),
        # made up (the framed clause tells a battle: tests/extraction/test_events.py kept it as no happening before)
        ("The decision follows talks between the two defence ministers in Warsaw.", [("diplomacy", None)]),
        ("The Kremlin’s warning came as Russian troops advanced towards Sloviansk.", [("battle", None)]),
    ],
)
def test_it_reads_the_happening_a_framing_sentence_is_set_after(run, text, expected):
    assert events_of(run(text, PUBLISHED)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # p048 (The Guardian): a word describing a person in the framed clause ("a close Putin ally") names no happening
        "His comments came as Dmitry Medvedev, Russia’s former president and a close Putin ally, further escalated "
        "his rhetoric against Ukraine.",
        # pool p159 (CNN): a struggle to recruit is no recruitment
        "The financial sweetener comes as President Vladimir Putin struggles to recruit soldiers for his army.",
        # p127 (a GB outlet): what someone said is set beside the sentence's subject, no happening
        "The Russian ultimatum comes one day after Joe Biden said that the threat of Vladimir Putin authorising a "
        "tactical nuclear strike was “real”.",
    ],
)
def test_a_framing_sentence_set_beside_words_gives_no_event(run, text):
    assert events_of(run(text, PUBLISHED)) == []
