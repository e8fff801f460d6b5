"""Pledges on new text (pledge5): the recipient urging a legislature to pass money asks for it.

- "urged the US Congress to pass a long-stalled foreign aid bill" (BBC, dev p139), "urged the U.S. Congress to quickly
  approve the funding package" (AP, pool p140): the recipient's request is a record of its own, beside the money that
  waits in Congress (considering); an adverb may split the infinitive ("to quickly approve").
- A request and a decision or its stages are different records: a clause rule's considering record for the same
  donor's money no longer swallows the request (`_covers`).
- Keep-cases: a third party (the donor's own president) urging its legislature gives no request; a government asking
  its legislature for money stays considering.
"""

import datetime

import pytest

MONDAY = datetime.date(2024, 4, 22)


def money_of(result):
    return sorted((p.donor, p.category, p.amount, p.status) for p in result.pledges)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p140 (Fox News / AP): the split infinitive, beside the clause rule's considering record
        (
            "He thanked Germany for providing Ukraine with a new Patriot battery, which was announced over the "
            "weekend, but urged the U.S. Congress to quickly approve the funding package.",
            [("US", "funding", None, "considering"), ("US", "funding", None, "requested")],
        ),
        # dev p139 (BBC)
        (
            'Ukraine\'s prime minister has told the BBC there will be a "Third World War" if Ukraine loses its '
            "conflict with Russia, as he urged the US Congress to pass a long-stalled foreign aid bill.",
            [("US", "funding", None, "requested")],
        ),
        # made up: the sum stated, both records carry it
        (
            "Ukraine's foreign minister urged the US Congress to swiftly pass the $61bn aid bill.",
            [("US", "funding", 61000000000, "considering"), ("US", "funding", 61000000000, "requested")],
        ),
    ],
)
def test_the_recipient_urging_a_legislature_requests_the_money(run, text, expected):
    assert money_of(run(text, MONDAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # made up: the donor's own president urging its legislature is no request by the recipient
        (
            "Biden urged Congress to quickly approve the $61bn aid package.",
            [("US", "funding", 61000000000, "considering")],
        ),
        # pool p080 (The Guardian): a government asking its legislature for money waits for a decision
        (
            "Thursday's missile strikes came hours after Biden asked Congress to give immediate approval for "
            "spending that would include over $33bn in military aid.",
            [("US", "funding", 33000000000, "considering")],
        ),
    ],
)
def test_a_request_by_the_donor_side_stays_no_request(run, text, expected):
    assert money_of(run(text, MONDAY)) == expected
