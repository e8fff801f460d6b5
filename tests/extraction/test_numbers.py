"""Numbers as articles write them: digits, words, qualifiers, ranges, money, vague amounts."""

from decimal import Decimal

import pytest

from articles.extraction.numbers import Money, Quantity, millions_after_billions, parse_money, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,800", Quantity(2800, 2800)),
        ("800", Quantity(800, 800)),
        ("eighteen", Quantity(18, 18)),
        ("twenty-two", Quantity(22, 22)),
        ("three hundred", Quantity(300, 300)),
        ("a dozen", Quantity(12, 12)),
        ("at least 55", Quantity(55, None)),
        ("more than 2,800", Quantity(2800, None)),
        ("over 800", Quantity(800, None)),
        ("more than a dozen", Quantity(12, None)),
        ("up to 40", Quantity(None, 40)),
        ("an estimated 800", Quantity(800, 800)),
        ("about 800", Quantity(800, 800)),
        ("nearly 800", Quantity(800, 800)),
        ("close to 800", Quantity(800, 800)),
        ("70,000-80,000", Quantity(70000, 80000)),
        ("between 40 and 50", Quantity(40, 50)),
        ("1.2 million", Quantity(1_200_000, 1_200_000)),
    ],
)
def test_it_reads_a_count_with_its_qualifier(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["hundreds", "dozens", "thousands", "several", "many", "a few", ""])
def test_it_gives_no_count_for_a_vague_amount(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1.2bn", Money(Decimal("1200000000"), "USD")),
        ("€500 million", Money(Decimal("500000000"), "EUR")),
        ("21.3 billion dollars", Money(Decimal("21300000000"), "USD")),
        ("£25m", Money(Decimal("25000000"), "GBP")),
        ("$800m (£613m)", Money(Decimal("800000000"), "USD")),
        ("€3.7 million", Money(Decimal("3700000"), "EUR")),
        # a number in words before its scale and currency: pool p132 (a British outlet) "an additional five
        # million euro in humanitarian funding", p103 (Gazeta.pl) "worth almost three billion dollars", p085
        # (a Ukrainian outlet) "to two billion dollars"; made up: the rest
        ("an additional five million euro", Money(Decimal("5000000"), "EUR")),
        ("almost three billion dollars", Money(Decimal("3000000000"), "USD")),
        ("twenty-five million euros", Money(Decimal("25000000"), "EUR")),
        ("two hundred and fifty million pounds", Money(Decimal("250000000"), "GBP")),
    ],
)
def test_it_reads_money_as_first_stated(text, expected):
    assert parse_money(text) == expected


def test_it_finds_no_money_in_a_plain_count():
    assert parse_money("800 Russian troops") is None


@pytest.mark.parametrize("text", ["five dollars a day", "often million euros", "ten euros per megawatt hour"])
def test_it_finds_no_aid_money_in_small_or_partial_number_words(text):
    # made up: a number in words is money only with a scale ("five million euro"), and only as whole words
    assert parse_money(text) is None


def test_a_range_with_or_shares_its_thousands():
    assert parse_quantity("70 or 80,000") == Quantity(70000, 80000)
    assert parse_quantity("three or four") == Quantity(3, 4)


@pytest.mark.parametrize(
    ("text", "billions", "expected"),
    [
        # Gazeta.pl p103 (machine-translated Polish): the millions after the billions, with or without a sign
        ("for about $ 2 billion $ 980 million, Ukrainians", 2, (Decimal(2_980_000_000), 35)),
        ("an additional $ 11 billion 700 million to help Ukraine", 11, (Decimal(11_700_000_000), 38)),
        # made up: millions of their own after a comma; billions that are no whole number
        ("$2 billion in aid, $300 million of it for drones", 2, None),
        ("$2.5 billion 300 million", Decimal("2.5"), None),
    ],
)
def test_the_millions_written_after_the_billions_join_them(text, billions, expected):
    end = text.index("billion") + len("billion")
    assert millions_after_billions(Decimal(billions) * 10**9, text, end) == expected
