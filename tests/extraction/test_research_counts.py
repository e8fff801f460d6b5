"""A research body's own estimate is claimed by its country, as an outlet's own count is (attribution.py; the body is a
row of gazetteers/outlets.jsonl): "The Center for Strategic and International Studies has estimated Russian military
casualties at 1.2 million" (pool p200, Fortune) is a US figure. The same body relaying another's figure claims nothing.
"""

import datetime

import pytest

D = datetime.date


@pytest.mark.parametrize(
    "text",
    [
        # pool p200 (Fortune)
        "The Center for Strategic and International Studies has estimated Russian military casualties at 1.2 million, "
        "including 325,000 killed.",
        # made up
        "CSIS estimated that Russia had lost about 2,000 tanks by the end of the year.",
        # pool p191 (Reuters), p199 (CNN): a research body relays no one's figure, what it says or "puts at" is its own
        "The Center for Strategic and International Studies, a Washington-based think tank, said Russia had suffered "
        "nearly 1.2 million casualties.",
        "Latest research from the US-based Center for Strategic and International Studies (CSIS), for example, puts "
        "the number at nearly 1.2 million Russian dead and injured since the full-scale invasion was launched.",
        # made up
        "CSIS said on Tuesday that Russia had lost about 2,000 tanks since the invasion began.",
    ],
)
def test_a_research_body_estimating_claims_the_figure_for_its_country(run, text):
    losses = run(text, D(2026, 2, 22)).losses
    assert losses
    assert {loss.reported_by for loss in losses} == {"US"}


def test_a_research_body_relaying_a_ministry_figure_leaves_it_to_the_ministry(run):
    # made up: the ministry is the source, CSIS only cites it
    text = "CSIS cited Ukraine's defence ministry, which said 1,000 Russian soldiers had been killed on Monday."
    assert {loss.reported_by for loss in run(text, D(2026, 2, 22)).losses} == {"UA"}
