"""Losses and pledges in words: every category has its nouns, a new one reads as its label."""

import pytest

from articles.extraction.records import LOSS_CATEGORIES, PLEDGE_CATEGORIES
from dashboard.figures import LOSS_NOUNS, PLEDGE_NOUNS, loss_nouns, pledge_nouns


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
