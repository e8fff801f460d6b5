"""The dashboard's forms: the losses chart's category groups."""

import pytest

from articles.extraction.records import LOSS_CATEGORIES, PLEDGE_CATEGORIES
from articles.models import AidPledge, LossReport
from dashboard.forms import GROUP_CHOICES, LOSS_GROUPS, ChartForm, ExportForm, loss_group


def test_it_keeps_the_models_categories_as_extraction_lists_them():
    assert tuple(LossReport.Category.values) == LOSS_CATEGORIES
    assert tuple(AidPledge.Category.values) == PLEDGE_CATEGORIES


def test_it_puts_every_loss_category_in_exactly_one_group():
    grouped = [category for group in LOSS_GROUPS.values() for category in group]
    assert sorted(grouped) == sorted(LOSS_CATEGORIES)
    assert list(LOSS_GROUPS) == [group for group, _label in GROUP_CHOICES]
    assert LOSS_GROUPS["personnel"] == [
        "personnel_killed",
        "personnel_wounded",
        "personnel_casualties",
        "personnel_captured",
    ]
    assert LOSS_GROUPS["civilians"] == ["civilians_killed", "civilians_wounded"]
    assert "tanks" in LOSS_GROUPS["equipment"] and "special_equipment" in LOSS_GROUPS["equipment"]


@pytest.mark.parametrize(
    ("category", "group"),
    [("personnel_missing", "personnel"), ("civilians_displaced", "civilians"), ("bridges", "equipment")],
)
def test_it_groups_a_category_it_has_never_seen_by_its_name(category, group):
    assert loss_group(category) == group


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", [ChartForm, ExportForm])
def test_it_offers_every_group_as_a_choice(form_class):
    offered = [value for value, _label in form_class().fields["group"].choices if value]
    assert offered == list(LOSS_GROUPS)
