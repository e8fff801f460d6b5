"""Losses and pledges in words: every category has its nouns, a new one reads as its label."""

from types import SimpleNamespace

import pytest

from articles.extraction.records import LOSS_CATEGORIES, PLEDGE_CATEGORIES
from dashboard.figures import LOSS_NOUNS, PLEDGE_NOUNS, Claim, claims, loss_nouns, pledge_nouns


def test_it_has_nouns_for_every_category_extraction_lists():
    assert set(LOSS_NOUNS) == set(LOSS_CATEGORIES)
    assert set(PLEDGE_NOUNS) == set(PLEDGE_CATEGORIES)


@pytest.mark.parametrize(
    ("nouns", "category", "expected"),
    [
        (loss_nouns, "personnel_killed", ("soldier killed", "soldiers killed")),
        (pledge_nouns, "anti_tank", ("anti-tank weapon", "anti-tank weapons")),
        (loss_nouns, "bridges", ("bridges", "bridges")),
        (pledge_nouns, "satellites", ("satellites", "satellites")),
    ],
)
def test_it_names_a_category_and_falls_back_to_its_name_for_a_new_one(nouns, category, expected):
    assert nouns(category) == expected


def loss(side="RU", category="personnel_killed", low=800, high=800, period="day", reported_by="UA"):
    return SimpleNamespace(side=side, category=category, min=low, max=high, period=period, reported_by=reported_by)


def test_it_sets_each_claimants_figure_side_by_side():
    """The issue's example: the two armies' figures for one battle, never summed nor the larger alone."""
    [claim] = claims([loss(low=800, high=800, reported_by="UA"), loss(low=300, high=300, reported_by="RU")])
    assert claim == Claim("RU", "personnel_killed", "day", (("RU", "300"), ("UA", "800")))
    assert str(claim) == "RU soldiers killed (past day): 300 per RU; 800 per UA"


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        ([(800, 800), (800, 800)], "800"),  # ten articles repeating one figure: one figure
        ([(300, 300), (350, 350)], "300–350"),  # one claimant, two figures: the range, not the larger
        ([(55, None), (60, None)], "at least 55–60"),
        ([(None, 40), (None, 50)], "up to 40–50"),
        ([(70_000, 80_000), (75_000, 75_000)], "70,000–80,000"),
        ([(55, None), (55, 55)], "55"),
        ([(55, None)], "at least 55"),
    ],
)
def test_it_gives_one_claimants_differing_figures_as_their_range(bounds, expected):
    [claim] = claims([loss(low=low, high=high) for low, high in bounds])
    assert claim.by_claimant == (("UA", expected),)


def test_it_keeps_sides_categories_and_periods_apart_and_names_no_claimant_last():
    lines = [
        str(claim)
        for claim in claims(
            [
                loss(side="UA", category="tanks", low=3, high=3, reported_by="RU"),
                loss(low=800, high=800, period="day", reported_by=""),
                loss(low=800, high=800, period="day", reported_by="UA"),
                loss(low=40_000, high=40_000, period="cumulative", reported_by="UA"),
            ]
        )
    ]
    assert lines == [
        "RU soldiers killed (in total): 40,000 per UA",
        "RU soldiers killed (past day): 800 per UA; 800, no claimant named",
        "UA tanks (past day): 3 per RU",
    ]
