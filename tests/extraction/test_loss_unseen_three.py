"""Loss records judged wrong at the end-of-session pool sample (h-loss3).

A research body (a row of gazetteers/outlets.jsonl of kind "research": the Center for Strategic and International
Studies) relays no one's figure: what it says or "puts at" is its own count, claimed for its country, as its
"has estimated" is (the cases are in test_research_counts.py); a news outlet saying a figure still relays it.
"""

import datetime

import pytest

D = datetime.date


def test_an_outlet_saying_a_figure_still_relays_it(run):
    # made up: the same shape from a news outlet is a relayed figure, no claimant
    text = "Reuters said Russia had suffered nearly 1.2 million casualties since the invasion began."
    assert {loss.reported_by for loss in run(text, D(2026, 2, 22)).losses} == {None}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # pool p046 (The Guardian): Zelensky's own soldiers, not the other side's
        (
            "President Volodymyr Zelensky said during a press briefing on May 22 that 50-100 soldiers may be dying "
            "every day defending Ukraine in the most difficult direction, in the country's east.",
            "UA",
        ),
        # made up, the construction of pool p208 (AFP: "soldiers fallen fighting for Ukraine")
        ("Ukraine's defence ministry said 40 foreign soldiers had died fighting for Ukraine since March.", "UA"),
        # made up
        ("Kyiv said 300 soldiers from North Korea were killed fighting for Russia in Kursk last month.", "RU"),
        # same shape without the words: the claimant's enemy, as before
        ("President Volodymyr Zelensky said on May 22 that 500 soldiers were dying every day in the east.", "RU"),
    ],
)
def test_the_side_people_died_defending_or_fighting_for_is_their_side(run, text, side):
    losses = run(text, D(2022, 5, 23)).losses
    assert losses
    assert {loss.side for loss in losses} == {side}


def test_a_toll_restated_with_its_claimant_is_counted_once(run):
    # pool p078 (GB outlet): the summary and the body tell one toll, the body with its claimant
    text = (
        "Five railway stations in central and western Ukraine were targeted in the space of an hour on Monday, with "
        "at least five people killed and 18 injured when rockets fell in the Vinnytsia region.\n\n"
        "Russia unleashed a string of attacks against Ukrainian rail and fuel installations, striking crucial "
        "infrastructure far from the front line of its eastern offensive.\n\n"
        "At least five people were killed and 18 injured in Russian rocket strikes on railway stations in the "
        "central Ukraine region of Vinnytsia, the Ukrainian prosecutor general's office says."
    )
    losses = run(text, D(2022, 4, 25)).losses
    assert sorted((loss.category, loss.min, loss.reported_by) for loss in losses) == [
        ("civilians_killed", 5, "UA"),
        ("civilians_wounded", 18, "UA"),
    ]


def test_the_same_figure_on_two_days_is_two_tolls(run):
    # made up: one toll with no claimant, the same number with a claimant on another day
    text = (
        "On Monday, five people were killed when a missile hit a school in Kharkiv.\n\n"
        "On Wednesday, five people were killed when a missile hit a market in Kharkiv, the regional governor said."
    )
    assert len(run(text, D(2022, 4, 28)).losses) == 2
