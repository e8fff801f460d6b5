"""The dashboard's forms: the losses chart's category groups."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from articles.extraction.records import LOSS_CATEGORIES
from dashboard.forms import GROUP_CHOICES, LOSS_GROUPS, ChartForm, ExportForm, loss_group

ROOT = Path(__file__).resolve().parents[2]

# A fresh process adds values to the one home (articles/vocabulary.py) before Django loads the
# models, then reports what extraction, the models, the chart groups and the chart nouns see.
NEW_VALUES = """
import json
import django
from articles import vocabulary
vocabulary.LOSS_CATEGORY_LABELS["personnel_missing"] = "Soldiers missing"
vocabulary.LOSS_CATEGORY_LABELS["bridges"] = "Bridges"
vocabulary.PLEDGE_CATEGORY_LABELS["satellite"] = "Satellites"
django.setup()
from articles.extraction.records import LOSS_CATEGORIES, PLEDGE_CATEGORIES
from articles.models import AidPledge, LossReport
from dashboard.figures import loss_nouns, pledge_nouns
from dashboard.forms import LOSS_GROUPS
print(json.dumps({
    "extraction": [LOSS_CATEGORIES[-2:], PLEDGE_CATEGORIES[-1:]],
    "loss_choices": LossReport._meta.get_field("category").choices[-2:],
    "pledge_choices": AidPledge._meta.get_field("category").choices[-1:],
    "groups": LOSS_GROUPS,
    "nouns": [loss_nouns("bridges"), pledge_nouns("satellite")],
}))
"""


def test_a_value_added_to_the_vocabulary_reaches_the_models_and_the_chart_groups():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    proc = subprocess.run(
        [sys.executable, "-c", NEW_VALUES], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)
    assert seen["extraction"] == [["personnel_missing", "bridges"], ["satellite"]]
    assert seen["loss_choices"] == [["personnel_missing", "Soldiers missing"], ["bridges", "Bridges"]]
    assert seen["pledge_choices"] == [["satellite", "Satellites"]]
    assert seen["groups"]["personnel"][-1] == "personnel_missing"
    assert seen["groups"]["equipment"][-1] == "bridges"
    assert seen["nouns"] == [["bridges", "bridges"], ["satellites", "satellites"]]


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
