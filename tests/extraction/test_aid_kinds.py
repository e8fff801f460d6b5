"""The kinds of aid as data (patterns/en/aid_kinds.jsonl, label AID_KIND of the pledge ruler), read by
`pledges._kinds` left to right, the longest where two begin at one word (issue 8, point 3).

The rows are token patterns on LOWER: a blank English pipeline with the ruler's AID_KIND rows is enough.
"""

from types import SimpleNamespace
from typing import Any

import pytest
import spacy
from spacy.pipeline import SpanRuler

from articles.extraction.records import PLEDGE_CATEGORIES
from articles.extraction.rules import pledges


@pytest.fixture(scope="module")
def kinds():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": pledges.SPANS_KEY, "validate": True})
    assert isinstance(ruler, SpanRuler)
    ruler.add_patterns([row for row in pledges.ruler_patterns() if row["label"] == pledges.KIND_LABEL])

    def found(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, str]]:
        doc = nlp(text)
        ctx: Any = SimpleNamespace(sent=doc[:], start=0, end=len(text), text=text)
        return [
            (text[at:to], kind) for at, to, kind in pledges._kinds(ctx, text, start, len(text) if end is None else end)
        ]

    return found


def test_the_kinds_of_aid_are_every_pledge_category_of_records_and_no_other():
    assert sorted(pledges.kind_order()) == sorted(PLEDGE_CATEGORIES)
    rules = pledges.kind_rules()
    assert all(row.get("example") for row in rules.values())
    assert all(row["kind"] is None or row["kind"] in PLEDGE_CATEGORIES for row in rules.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dev p019 / pool p051 (The Guardian): hyphenated and spaced forms are one kind
        (
            "Nato partners are also providing Ukraine with air-defence missiles and anti-tank weapons.",
            [("air-defence missiles", "air_defense"), ("anti-tank weapons", "anti_tank")],
        ),
        # the longest of the kinds beginning at one word: "artillery ammunition", not "artillery"
        (
            "Britain will send artillery ammunition, artillery systems and main battle tanks.",
            [("artillery ammunition", "ammunition"), ("artillery systems", "artillery"), ("main battle tanks", "tank")],
        ),
        # pool p041 (The Guardian): "155mm shells" and "155 mm shells" are one kind with the calibre
        (
            "Shipments of new US military aid are en route to Ukraine with 155mm shells, fuses and helmets.",
            [("155mm shells", "ammunition"), ("helmets", "other")],
        ),
        ("Airmen place 155 mm shells on pallets bound for Ukraine.", [("155 mm shells", "ammunition")]),
        # made up
        (
            "Oslo will give night-vision goggles, cyber-security assistance and pick-ups.",
            [("night-vision goggles", "other"), ("cyber-security assistance", "other"), ("pick-ups", "vehicle")],
        ),
    ],
)
def test_kinds_are_read_left_to_right_longest_first(kinds, text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p061 (CNA, a Reuters story)
        (
            "Olaf Scholz said Berlin intended to supply Ukraine with anti-tank and air defence weapons.",
            [("anti-tank", "anti_tank"), ("air defence", "air_defense")],
        ),
        # pool p026 and p080 (The Guardian; a British outlet)
        (
            "Supporters have been urgently shipping thousands of anti-tank and anti-aircraft missiles to Kyiv.",
            [("anti-tank", "anti_tank"), ("anti-aircraft missiles", "air_defense")],
        ),
        # pool p034 (The Guardian)
        (
            "Zelenskiy has asked for tanks, fighter jets and sophisticated anti-missile and anti-aircraft weaponry.",
            [
                ("tanks", "tank"),
                ("fighter jets", "aircraft"),
                ("anti-missile", "air_defense"),
                ("anti-aircraft weaponry", "air_defense"),
            ],
        ),
        # dev p151 (CNN): "financial" shares the noun of the next kind
        (
            "The United Kingdom pledged continued financial and military support for Ukraine.",
            [("financial", "funding")],
        ),
        # made up: more than three words between "and" and the noun share nothing
        ("Rome sent anti-tank and some very old heavy weapons.", []),
    ],
)
def test_a_modifier_shares_the_noun_of_the_kind_after_and(kinds, text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # pool p097 / dev p097: a target, not a gift
        "The Ukrainian military has used it to target Russian command posts, ammo depots, and more.",
        # pool p051 (The Guardian)
        "Britain will also commit one of its two new aircraft carriers to the defence of Nato's eastern flank.",
        # made up: a kind is a whole word, its hyphens join words
        "A drone-maker in Kyiv said the anti-tanks were gone.",
        "They spoke of anti - tank weapons.",
    ],
)
def test_words_that_name_no_gift_give_no_kind(kinds, text):
    assert kinds(text) == []


def test_a_kind_must_lie_inside_the_clause_read(kinds):
    text = "Norway sent tanks; Sweden sent drones."
    assert kinds(text, 0, text.index(";")) == [("tanks", "tank")]
    assert kinds(text, text.index("Sweden")) == [("drones", "drone")]


def test_the_pledge_ruler_finds_the_kinds_beside_the_triggers():
    from articles.extraction.pipeline import get_pipeline  # noqa: PLC0415

    doc = get_pipeline()("Norway will supply air defence systems and artillery ammunition to Ukraine.")
    spans = doc.spans[pledges.SPANS_KEY]
    kinds = {(span.text, span.id_) for span in spans if span.label_ == pledges.KIND_LABEL}
    assert kinds >= {("air defence systems", "kind:air_defense"), ("artillery ammunition", "kind:ammunition")}
    assert any(span.id_ in pledges.triggers() for span in spans)
