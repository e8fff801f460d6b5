"""The parties of a pledge read on the parse and on rows of data, not regexes over the sentence (issue 8,
point 3): a request put to a group of donors (patterns/en/asked_groups.jsonl) asks NATO; the seller of arms
bought is the "from" of a verb of buying."""

import datetime
from types import SimpleNamespace

import pytest

from articles.extraction.rules import pledges

APRIL_24 = datetime.date(2022, 4, 24)


@pytest.fixture(scope="module")
def parsed():
    """parsed(text) -> the sentence as the pledge rules' helpers read it (its tokens and start)."""
    from articles.extraction.pipeline import get_pipeline  # noqa: PLC0415

    nlp = get_pipeline()
    return lambda text: SimpleNamespace(sent=nlp(text)[:], start=0)


def test_every_group_is_a_run_of_lower_case_words():
    rows = pledges.asked_groups()
    assert rows and all(word == word.lower() and " " not in word for group in rows for word in group)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p034 (The Guardian): the asked party follows the trigger
        (
            "Zelenskiy has repeatedly asked western nations in the last fortnight for tanks, fighter jets and "
            "sophisticated anti-missile and anti-aircraft weaponry.",
            [("NATO", "tank"), ("NATO", "aircraft"), ("NATO", "air_defense")],
        ),
        # pool p059 (CNA, a Reuters story)
        (
            "Ukraine has repeatedly called on the West to supply heavy equipment and ammunition to help it resist "
            "the Russia assault.",
            [("NATO", "ammunition")],
        ),
        # made up: a group of several words; a community that is no group of donors gives no request
        ("Kyiv urged the international community to send more air defence systems.", [("NATO", "air_defense")]),
        ("Kyiv urged the Russian community to send more air defence systems.", []),
    ],
)
def test_a_request_to_a_group_of_donors_asks_nato(run, text, expected):
    pledges_ = run(text, APRIL_24).pledges
    assert [(p.donor, p.category) for p in pledges_] == expected
    assert {p.status for p in pledges_} <= {"requested"}


@pytest.mark.parametrize(
    ("text", "seller", "bought"),
    [
        # dev seed-004 (NU.nl) and pool p134 (Ukrinform): the "from" of a verb of buying
        ("Russia also plans to buy short-range missiles from Iran, according to US intelligence.", "Iran", True),
        ("Moscow has already imported $100 million worth of drones from China this year.", "China", True),
        # made up: a "from" of no buying; one of "received" (a receiver's verb, as the regex read it)
        ("Drones from Iran hit Kyiv overnight.", "Iran", False),
        ("Russia bought oil and received a delegation from China.", "China", True),
    ],
)
def test_the_seller_is_the_from_of_a_verb_of_buying(parsed, text, seller, bought):
    ctx = parsed(text)
    assert pledges._bought(ctx, 0, text.index(seller)) is bought


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # pool p028 (The Guardian) and p201 (Reuters): the "from" of a word of aid
        (
            "The US president, Joe Biden, announced an extra $800m in security assistance from the US to Ukraine.",
            "US to",
            True,
        ),
        ("IMF approval should help to pave the way for assistance from the European Union.", "European", True),
        # made up: a "from" after no word of aid; a word of aid not right before it
        ("Troops from Poland arrived in Kyiv.", "Poland", False),
        ("Aid arrived yesterday from Canada.", "Canada", False),
    ],
)
def test_a_giver_after_a_word_of_aid_and_from(parsed, text, country, expected):
    ctx = parsed(text)
    assert pledges._aid_from(ctx, text, text.index(country)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dev p019 (The Guardian): the named giver still gives, the unnamed EU countries do not
        (
            "In addition to sanctions, the US and several EU countries have announced they will send Stinger "
            "missiles to Ukraine.",
            [("US", "air_defense")],
        ),
        # made up: a body's members, by the mention's last word or the words after it; the body itself gives
        ("Nato allies have sent anti-tank weapons to Ukraine.", []),
        ("EU member states will send more ammunition to Ukraine.", []),
        ("The EU will send more ammunition to Ukraine.", [("EU", "ammunition")]),
    ],
)
def test_the_members_of_a_body_are_no_giver_one_can_name(run, text, expected):
    assert [(p.donor, p.category) for p in run(text, APRIL_24).pledges] == expected
