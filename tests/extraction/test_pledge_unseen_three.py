"""Pledge rules for a construction met on a pool article the rules had not seen (issue 8, point 2): two equal sums
of two statuses in one sentence are two packages, not one told twice."""

import datetime
from decimal import Decimal

import pytest

APRIL_21 = datetime.date(2022, 4, 21)


def sums(result):
    return sorted((p.donor, p.amount, p.status) for p in result.pledges)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CNN p064: the package being prepared and the one announced a week before are both $800m
        (
            "The US is prepping another $800 million military assistance package for Ukraine, CNN previously "
            "reported, a week after the Biden administration announced a separate $800 million package.",
            [("US", Decimal("8e8"), "considering"), ("US", Decimal("8e8"), "pledged")],
        ),
        # made up
        (
            "Germany is preparing another €200m package for Ukraine, a month after Berlin announced a separate "
            "€200m package.",
            [("DE", Decimal("2e8"), "considering"), ("DE", Decimal("2e8"), "pledged")],
        ),
        # made up: two different sums were never in doubt
        (
            "Germany is preparing another €200m package for Ukraine, a month after Berlin announced a separate "
            "€300m package.",
            [("DE", Decimal("2e8"), "considering"), ("DE", Decimal("3e8"), "pledged")],
        ),
    ],
)
def test_an_equal_sum_of_another_status_is_another_package(run, text, expected):
    assert sums(run(text, APRIL_21)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # made up: the sum told twice with one status is one package
        "Germany announced a €200m package for Ukraine on Monday, and the €200m package will include drones.",
        # CNN p064, the sum stated once: one package being prepared
        "The US is prepping another $800 million military assistance package for Ukraine, CNN previously reported.",
    ],
)
def test_a_sum_told_once_or_with_one_status_is_one_package(run, text):
    assert len([p for p in run(text, APRIL_21).pledges if p.category == "funding"]) == 1
