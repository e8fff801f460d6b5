"""Timeline recall (h-erecall): a proposal handed over."""

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
