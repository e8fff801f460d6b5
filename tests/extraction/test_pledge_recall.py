"""Pledge recall on new text (issue 8, point 2): the kinds a sum announced buys and a leader's signing of a money
package."""

import datetime
from decimal import Decimal

import pytest

APRIL_26 = datetime.date(2024, 4, 26)


def records(result):
    return [(p.donor, p.item, p.category, p.quantity, p.amount, p.status) for p in result.pledges]


def kinds(result):
    return sorted((p.donor, p.category, p.status) for p in result.pledges if p.category != "funding")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p145 (an unidentified Ukrainian outlet, AFP copy): the kinds hang on the sum
        (
            "President Joe Biden’s administration announced that $1 billion in artillery, air defenses, and other "
            "hardware would soon be heading to Ukrainian front lines.",
            [("US", "air_defense", "pledged"), ("US", "artillery", "pledged")],
        ),
        # pool p038 (The Guardian): the kinds hang on the aid noun the sum is given in
        (
            "The US president, Joe Biden, announced an additional $800m (£610m) in military assistance to Ukraine "
            "including heavy artillery before a wider Russian assault expected in eastern Ukraine.",
            [("US", "artillery", "pledged")],
        ),
        # made up
        (
            "Canada announced $500 million in drones and armoured vehicles for Ukraine on Friday.",
            [("CA", "armored_vehicle", "pledged"), ("CA", "drone", "pledged")],
        ),
    ],
)
def test_a_sum_announced_gives_the_kinds_it_buys(run, text, expected):
    result = run(text, APRIL_26)
    assert [p.category for p in result.pledges if p.amount is not None] == ["funding"]
    assert kinds(result) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CNN p097: the missiles are what "announced" takes as its own object, no gift of the sum
        (
            "Kahl announced the missiles in a briefing about the Pentagon’s latest $1 billion weapons package for "
            "Ukraine, the largest package of US weapons to date.",
            [("US", None, "funding", None, Decimal(1_000_000_000), "pledged")],
        ),
        # made up: a running total told as if new gives its sum, not its kinds as new pledges
        (
            "The US has announced more than $40 billion in military assistance to Ukraine since February 2022, "
            "including artillery and air defenses.",
            [("US", None, "funding", None, Decimal(40_000_000_000), "pledged")],
        ),
        # made up: a refusal, though "announced" is not itself negated
        ("Germany announced it will not send €500 million in tanks to Ukraine.", []),
    ],
)
def test_a_sum_announced_keeps_out_what_it_does_not_buy(run, text, expected):
    assert records(run(text, APRIL_26)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p145 (AFP copy): "Wednesday" is 24 April 2024
        (
            "The meeting follows Biden’s signing of a $61 billion aid package for Ukraine put together by the US "
            "Congress after months of wrangling Wednesday.",
            [("US", 61_000_000_000, "pledged", datetime.date(2024, 4, 24))],
        ),
        # made up: the leader's name gives the giver
        (
            "Zelensky welcomed Macron's signing of a €3 billion military aid package for Ukraine.",
            [("FR", 3_000_000_000, "pledged", None)],
        ),
        # made up: a trade signed is no aid
        ("Russia's signing of a $20 billion gas deal with China worried Kyiv.", []),
    ],
)
def test_a_leaders_signing_of_a_money_package_enacts_it(run, text, expected):
    result = run(text, APRIL_26)
    assert [(p.donor, p.amount, p.status, p.date) for p in result.pledges] == expected
