"""Refusals and doubt read as ConText modifiers (patterns/en/context.jsonl and pledge_context.jsonl).

A trigger of the pledge ruler that a NEGATED modifier before it reaches gives no pledge ("will not
approve", "rejected calls for"); a pledged trigger that "may", "might" or "could" reaches is being
considered. A modifier does not reach into a relative clause below it: "will not provide the battle
tanks that Kyiv has long asked for" refuses the tanks, not the request for them.
"""

import datetime

import pytest

from articles.extraction import context
from articles.extraction.pipeline import get_pipeline
from articles.extraction.rules import pledges
from tests.extraction.conftest import pledges_of


def reached(text: str, trigger: str, category: str, words=None) -> bool:
    """Whether a modifier of the category reaches the pledge ruler's trigger `trigger` in the text."""
    doc = get_pipeline()(text)
    span = next(span for span in doc.spans[pledges.SPANS_KEY] if span.text == trigger)
    sent = span.sent
    modifiers = [*context.modifiers_of(sent), *pledges._context_rules(doc.vocab).modifiers_of(sent)]
    return pledges._modified(modifiers, span, category, words)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # pool p044 (The Guardian)
        (
            "The Turkish president, Recep Tayyip Erdoğan, has said he will not approve Finland and Sweden joining.",
            "approve",
        ),
        # pool p129 (a UK outlet, BBC, Guardian or Telegraph)
        ("“The Russian Federation did not grant us such access, despite our requests,” Bogner said.", "grant"),
        # pool p024 (The Guardian) and p197 (Al Jazeera)
        ("Raab rejected Ukrainian calls for a no-fly zone.", "calls for"),
        ("But Ukrainian President Zelenskyy rejected the call for “de-escalation”.", "call for"),
        # pool p039 (The Guardian); made up, in the shape of p040 (The Guardian: "after Russia halted gas supplies")
        (
            "Berlin has already blocked European requests for an immediate embargo on Russian energy imports.",
            "requests",
        ),
        ("Washington halted plans to send more Patriot interceptors to Kyiv.", "plans to send"),
        # made up
        ("Madrid has ruled out any request for Leopard 2 tanks.", "request"),
    ],
)
def test_a_negation_before_a_trigger_reaches_it(text, trigger):
    assert reached(text, trigger, "NEGATED")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # pool p105 (a UK outlet) and p034 (The Guardian): the request is real, the refusal is of the goods
        (
            "Germany will supply Ukraine with additional armoured vehicles but will not provide the battle tanks "
            "that Kyiv has long asked for, says the German defence minister.",
            "asked for",
        ),
        (
            "Ben Wallace said that it would not include tanks or some of the other more deadly weapons that "
            "Ukraine’s president, Volodymyr Zelenskiy, had asked for in the past week.",
            "asked for",
        ),
        # made up
        ("Norway did not deliver the jets that Kyiv had requested.", "requested"),
    ],
)
def test_a_negation_does_not_reach_into_a_relative_clause_below_it(text, trigger):
    assert not reached(text, trigger, "NEGATED")


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # pool p022 and p023 (The Guardian, two live pages)
        (
            "The International Monetary Fund has announced that it could approve $1.4bn emergency funding as early "
            "as next week.",
            "approve",
        ),
        # pool p041 (The Guardian)
        ("Putin could announce the mass mobilisation of Russians on 9 May, Ben Wallace has said.", "announce"),
        # made up
        ("Norway might soon approve another $100m for Ukraine.", "approve"),
    ],
)
def test_may_might_or_could_before_a_trigger_reaches_it(text, trigger):
    assert reached(text, trigger, "HYPOTHETICAL", pledges.DOUBT)


def test_a_refusal_gives_no_pledge_and_a_gift_beside_it_stays(run):
    # made up, in the shape of pool p105
    text = "Spain will send 20 armoured vehicles to Ukraine but has rejected calls for Leopard 2 tanks."
    assert pledges_of(run(text, datetime.date(2023, 1, 5))) == [("ES", "UA", None, "armored_vehicle", 20, "pledged")]
