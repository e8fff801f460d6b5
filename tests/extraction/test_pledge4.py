"""Pledges on new text (pledge4): a package's part is no second gift, a deed told by a participle is done, a plea
for a party to give asks that party, the lines of a pledge's list are its goods.

- A sum that a package or a total "includes" is its part when a larger sum is told before it (in the sentence or an
  earlier record): on a money chart it would count twice. A share that names Ukraine, of a package for several
  countries, stays (SPEC.md: "the Ukrainian share is the record when the text gives it").
- "The aid package approved by the House on Saturday includes ...": a past participle on a noun tells a deed done,
  so its weekday is the one before publication, not after.
- "pleaded for allies to provide", "a plea for Germany to send": the party the plea is for is the asked party (NATO for
  a group of allies); a party that names no giver ("eastern Europe") gives no record.
- "Specific UK aid pledges include:" then "* £577 million in humanitarian aid": a sentence that ends in "include:" opens
  a list; each line with no verb of its own (or opened by a mark) gives its goods to the head's giver and status.
"""

import datetime

import pytest

from tests.extraction.conftest import pledges_of

MONDAY = datetime.date(2024, 4, 22)


def money_of(result):
    return [(p.donor, p.category, p.amount, p.status, p.date) for p in result.pledges]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # pool p141 (a British outlet, "Mr Biden"): the $61bn package told before, approved on Saturday
        (
            "Joe Biden has told Volodymyr Zelensky he will send Ukraine fresh military aid, after US lawmakers passed "
            "a $61bn (£49bn) support package. The aid package approved by the House on Saturday includes more than "
            '$9bn (£7.28bn) of economic assistance in the form of "forgivable loans" - ones that do not need to be '
            "paid back.",
            MONDAY,
            [("US", "funding", 61000000000, "considering", datetime.date(2024, 4, 20))],
        ),
        # pool p075 (a British outlet, Australian news): a running total and its military part
        (
            "Australia has provided $156m in support to Ukraine since Russia began its invasion in February, "
            "including $91m in “lethal and non-lethal military assistance”, which was confirmed in Tuesday evening’s "
            "budget papers.",
            datetime.date(2022, 3, 31),
            [("AU", "funding", 156000000, "delivered", None)],
        ),
        # made up
        (
            "Norway announced a 500 million kroner package for Ukraine that includes 200 million kroner of "
            "humanitarian aid.",
            MONDAY,
            [("NO", "funding", 500000000, "pledged", None)],
        ),
    ],
)
def test_a_part_of_a_sum_told_before_is_no_second_record(run, text, published, expected):
    assert money_of(run(text, published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # made up: no larger sum before, the sum is the package's own
        (
            "The aid package approved by the parliament includes €9m of humanitarian aid from Ireland.",
            MONDAY,
            [("IE", "funding", 9000000, "pledged", None)],
        ),
        # made up: a smaller sum before is no total of this one
        (
            "Canada pledged $20m for demining. Germany announced €300m of aid, including $50m for artillery shells.",
            MONDAY,
            [("CA", "funding", 20000000, "pledged", None), ("DE", "funding", 300000000, "pledged", None)],
        ),
    ],
)
def test_a_sum_with_no_larger_one_before_keeps_its_record(run, text, published, expected):
    found = money_of(run(text, published))
    assert all(record in found for record in expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p163 (CNN): allies asked as a group are NATO
        (
            "Since then, Ukraine has repeatedly pleaded for allies to provide more air defense systems.",
            [("NATO", "UA", None, "air_defense", None, "requested")],
        ),
        # pool p023 (The Guardian): eastern Europe names no giver, and no earlier giver is the asked party
        (
            "The International Monetary Fund announced it could approve $1.4 billion emergency funding as early as "
            "next week. Ukraine’s foreign minister, Dymtro Kuleba, appealed for more military assistance while Reuters "
            "reports Zelenskiy made a “desperate plea” for eastern Europe to provide Russian-made aircraft to Ukraine.",
            [("IMF", "UA", None, "funding", None, "considering")],
        ),
        # made up
        (
            "Kyiv made a plea for Germany to send Leopard tanks.",
            [("DE", "UA", "Leopard", "tank", None, "requested")],
        ),
    ],
)
def test_a_plea_for_a_party_to_give_asks_that_party(run, text, expected):
    assert pledges_of(run(text)) == expected


def money_items_of(result):
    return [(p.donor, p.category, p.amount, p.currency, p.status) for p in result.pledges]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p206 (House of Commons Library): a sum told in the line of another is its part
        (
            "Specific UK aid pledges include:\n"
            "* £577 million in humanitarian aid (from February 2022 to March 2026)\n"
            "* £470 million for energy and energy security. This includes £20 million for the winter of 2025/26 and "
            "provision of generators\n"
            "* US$100 million (£74 million) for the Ukrainian Government’s budget to support public sector salaries.\n",
            [
                ("GB", "funding", 577000000, "GBP", "pledged"),
                ("GB", "funding", 470000000, "GBP", "pledged"),
                ("GB", "funding", 100000000, "USD", "pledged"),
            ],
        ),
        # made up: the list ends at the first new line that is a sentence of its own
        (
            "Norway's new package for Ukraine includes:\n"
            "Two NASAMS launchers.\n"
            "The minister said more help would come. Ammunition stocks are low across Europe.\n",
            [("NO", "air_defense", None, None, "pledged")],
        ),
        # made up: a colon after no pledge opens no list
        ("The new measures include:\n* £5 million for border guards\n", []),
    ],
)
def test_the_lines_of_a_pledges_list_are_its_goods(run, text, expected):
    assert money_items_of(run(text)) == expected
