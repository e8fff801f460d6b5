"""A request put to a group of donors (patterns/en/asked_groups.jsonl) is a request to NATO (issue 8, point 3):
the groups are rows of words read on the sentence's tokens, not a regex over the sentence."""

import datetime

import pytest

from articles.extraction.rules import pledges

APRIL_24 = datetime.date(2022, 4, 24)


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
