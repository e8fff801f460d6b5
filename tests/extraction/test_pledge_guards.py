"""The pledge rules' guards (patterns/en/pledge_guards.jsonl): token patterns that say a word near a trigger, a
country or an item gives nothing, matched on spacy.blank("en") (they read words and punctuation only), and what
the rules make of them on whole sentences."""

import datetime
from pathlib import Path
from typing import Any

import pytest
import spacy

from articles.extraction.rules import pledges

NLP = spacy.blank("en")
MAY_1 = datetime.date(2022, 5, 1)


def guarded(text: str, guard: str) -> list[str]:
    """The words the guard matches in `text`, in order."""
    doc = NLP(text)
    return [doc[start:end].text for _match_id, start, end in pledges._guard_matchers(NLP.vocab)[guard].matcher(doc[:])]


def test_every_guard_the_rules_read_is_a_row_of_the_file():
    rows = pledges.read_jsonl(pledges.GUARDS_FILE)
    named = {row["guard"] for row in rows}
    source = Path(pledges.__file__).read_text(encoding="utf-8")
    assert all(f'"{guard}"' in source for guard in named)
    assert all(row["pattern"] for row in rows)


@pytest.mark.parametrize(
    ("text", "guard", "expected"),
    [
        # pool p072 (TVN24), p039 (The Guardian): a message, no goods
        ("you need to send a strong signal to Ukraine and Ukrainians - he said.", "NOT_GOODS", "a strong signal"),
        ("the firm steps required to send a message to the Kremlin", "NOT_GOODS", "a message"),
        ("Berlin sent a stern warning to Minsk.", "NOT_GOODS", "a stern warning"),  # made up
        # pool p023 (The Guardian), p059 (CNA, a Reuters story): an attribute of the weapon
        ("a “desperate plea” for eastern Europe to provide Russian-made aircraft to Ukraine", "ATTRIBUTE", "-made"),
        ("repairs of an unspecified number of Soviet-era T-64 tanks", "ATTRIBUTE", "-era"),
        ("Poland will send its German-built Leopard tanks.", "ATTRIBUTE", "-built"),  # made up
        # pool p200 (Fortune), p151 (CNN): a group named by a part of it
        ("the risks Russia poses to European security and other countries near its borders", "SOME_OF", "other"),
        ("Several EU states will send tanks.", "SOME_OF", "Several"),  # made up
        # pool p151 (CNN), p019 (The Guardian): a strike, no gift
        ("Ukraine could use British-supplied weapons to strike targets inside Russia", "STRIKE", "strike"),
        ("delivery of weapons to a country under attack", "STRIKE", "attack"),
        ("Overnight drone strikes hit Lviv.", "STRIKE", "strikes"),  # made up
        # pool p189 (European Commission), p161 (new-news.gi): goods and their worth
        ("This week, 447 power generators, worth €3.7 million, have been delivered", "VALUED_AT", ", worth"),
        ("up to $200 million worth of weapons and equipment", "VALUED_AT", "worth"),
        ("40 ambulances valued at €2m arrived.", "VALUED_AT", "valued at"),  # made up
        # pool p041 (The Guardian), p151 (CNN): the sentence goes on from the one before
        (
            "They were provided with offensive weapons, including the weapons capable of reaching",
            "CONTINUATION",
            "They were",
        ),  # noqa: E501
        ("That includes 20 Himars.", "CONTINUATION", "That includes"),  # made up
        # pool p039, p040 (The Guardian): what follows is not given
        ("planning to support Kyiv with cash rather than by sending tanks", "CUT_REST", "rather than"),
        (
            "to supply weaponry to Nato standards rather than hand-downs from old Warsaw Pact armoury",
            "CUT_REST",
            "rather than",
        ),  # noqa: E501
        ("Oslo will send money instead of jets.", "CUT_REST", "instead of"),  # made up
        # pool p041 (The Guardian), seed-001: the enemy's own
        ("despite a recent escalation in Moscow’s rhetoric", "ENEMY", "Moscow’s"),
        ("called for increased production of Russian tanks", "ENEMY", "Russian"),
        ("Kyiv shot down enemy drones.", "ENEMY", "enemy"),  # made up
        # pool p039, p127 (The Guardian): what the first thing is for
        ("a counter-offensive against Russian troops in the Donbas region", "FOR_SOMETHING", "against"),
        ("the first Russian soldier to destroy or capture one", "FOR_SOMETHING", "to destroy"),
        ("Oslo sent spare parts for MiG-29s.", "FOR_SOMETHING", "parts for"),  # made up
        # seed-001 (CNN), pool p127 (The Guardian): training on a system, the use of one
        ("Germany has begun training Ukrainian troops on the use of the Leopard 2 tanks", "TRAINING", "use of the"),
        ("the potential use of US-supplied Himars", "TRAINING", "use of"),
        ("Crews trained with Patriot batteries.", "TRAINING", "trained with"),  # made up
        # pool p048, p051 (The Guardian): the worth of a package, not of its goods
        ("Joe Biden announced a new package of arms and ammunition worth $1bn", "PACKAGE_OF", "package of"),
        ("agreed on a package of support aimed at modernising the country’s defence", "PACKAGE_OF", "package of"),
        ("a tranche of shells worth €1bn", "PACKAGE_OF", "tranche of"),  # made up
        # pool p100, p101: a subject of its own
        ("as the region faces the prospect of rationing", "OTHER_SUBJECT", "the region"),
        ("Ivan Fedorov, the mayor of Melitopol, said", "OTHER_SUBJECT", "the mayor"),
        ("The charity will donate 30 ambulances.", "OTHER_SUBJECT", "The charity"),  # made up
        # pool p029 (The Guardian), p037 (The Guardian): a group no one can be credited for
        ("it was hoped that international partners would also send weapons", "UNNAMED_GROUP", "partners"),
        ("Zelenskiy called on western allies to provide more military aid", "UNNAMED_GROUP", "allies"),
        ("The West will send more tanks.", "UNNAMED_GROUP", "The West"),  # made up
        # pool p139 (BBC News), p140 (Fox News): a request to Congress
        ("as he urged the US Congress to pass a long-stalled foreign aid bill", "CONGRESS_APPROVAL", "to pass"),
        ("urged the U.S. Congress to quickly approve the funding package", "CONGRESS_APPROVAL", "to quickly approve"),
        ("Biden asked Congress for approval.", "CONGRESS_APPROVAL", "approval"),  # made up
        # pool p198 (Al Jazeera), p040 (The Guardian): dashes that hold a list
        ("pledged 38 billion euros – including 2.5 billion euros for Ukrainian drones –", "INCLUDING", "– including"),
        ("in Washington – and to a lesser extent, Berlin – including a greater", "INCLUDING", "– including"),
        # pool p053 (The Guardian): a total reached
        ("US military aid to Ukraine had already exceeded $7bn, Biden added", "TOTAL", "exceeded"),
        ("Aid has topped €5bn.", "TOTAL", "topped"),  # made up
        # pool p206 (House of Commons Library), p156: a count of something else before the number
        ("the number of displaced people", "COUNT_OF", "number of"),
        ("bringing down the number of Patriot systems in Germany to nine", "COUNT_OF", "number of"),
        ("a total of 31 Abrams tanks", "COUNT_OF", "total of"),  # made up
        # pool p047 (The Guardian), p140 (Fox News): a number and the words between it and the item
        ("before the US agreed to send 90 M777 Nato-standard artillery pieces", "NUMBER", "90"),
        ("Germany for providing Ukraine with two more Patriot batteries", "QUANTITY_WORDS", "more"),
        ("Oslo sends a dozen Soviet-era T-72s.", "NUMBER", "a dozen"),  # made up
        ("Oslo sends a dozen Soviet-era T-72s.", "QUANTITY_WORDS", "Soviet-era"),  # made up
        ("Rome sends 1,200 155 mm shells.", "QUANTITY_WORDS", "155 mm"),  # made up
    ],
)
def test_it_matches_the_guard(text, guard, expected):
    assert expected in guarded(text, guard)


@pytest.mark.parametrize(
    ("text", "guard"),
    [
        # made up: words of the same stem or a neighbour's shape (where a guard stands is the rules' to read)
        ("Berlin sent messengers.", "NOT_GOODS"),
        ("German-based firms sent tanks.", "ATTRIBUTE"),
        ("The strikers went home.", "STRIKE"),
        ("Canada will send tanks worth noting.", "CUT_REST"),
        ("Russians sent aid.", "ENEMY"),
        ("Soviet troops left.", "ENEMY"),
        ("The package will include tanks.", "PACKAGE_OF"),
        ("The West Bank", "CONGRESS"),
        ("Kyiv has sent tanks - including Leopards.", "CLAUSE_BREAK"),
    ],
)
def test_it_does_not_match_other_words(text, guard):
    assert guarded(text, guard) == []


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        # pool p047 (The Guardian): a refusal after "but" is a clause of its own
        ("The US will send rockets but will not supply Ukraine with rockets that can reach into Russia.", [" but "]),
        # pool p054 (The Guardian): a dash
        ("The US president also announced another $800m of military aid to Kyiv – but questions remained", [" – "]),
        # made up: each kind of break, with the spaces the break takes
        (
            "Berlin sends tanks; Paris sends jets, while Rome sends guns unless Oslo objects: “No”.",
            [";", ", while ", " unless ", ": "],
        ),  # noqa: E501
        ("Berlin sends tanks as long as Kyiv asks, even as Paris waits.", [" as long as ", ", even as "]),
    ],
)
def test_it_breaks_clauses_where_the_regex_did(text, breaks):
    from articles.extraction.pipeline import get_pipeline  # noqa: PLC0415

    sent = get_pipeline()(text)[:]
    ctx: Any = _Context(sent)  # what _clause_breaks reads of a SentenceContext
    found = pledges._clause_breaks(ctx, text)
    assert [text[at:to] for at, to in found] == breaks


class _Context:
    """What `_clause_breaks` reads of a SentenceContext: the sentence, its start and index, the article memory."""

    def __init__(self, sent):
        self.sent, self.start, self.index, self.text = sent, sent.start_char, 0, sent.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p023 (The Guardian): "Russian-made aircraft" is no gift of Russia's
        (
            "Zelenskiy made a desperate plea for eastern Europe to provide Russian-made aircraft to Ukraine.",
            [],
        ),
        # made up: a message is sent, no goods; a country that made the tanks does not give them
        ("Germany sent a clear message with its jets.", []),
        ("Poland will send US-made Abrams tanks.", [("PL", "tank")]),
        # made up: what follows "rather than" is not given
        ("Norway will send tanks rather than jets.", [("NO", "tank")]),
    ],
)
def test_it_reads_the_guards_on_whole_sentences(run, text, expected):
    assert [(p.donor, p.category) for p in run(text, MAY_1).pledges] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pool p047 (The Guardian), p140 (Fox News)
        ("The US agreed to send 90 M777 howitzers to Ukraine.", [("US", "artillery", 90)]),
        ("Germany will provide Ukraine with two more Patriot batteries.", [("DE", "air_defense", 2)]),
        # made up: words between the number and the item, a year, a total, a number glued to a hyphen
        ("Norway will send a dozen refurbished T-72 tanks.", [("NO", "tank", 12)]),
        ("Norway will send 1,200 Soviet-era artillery shells.", [("NO", "ammunition", 1200)]),
        ("Norway will send its 2023 Leopard 2 tanks.", [("NO", "tank", None)]),
        ("Norway will send a total of 40 Marders.", [("NO", "armored_vehicle", None)]),
    ],
)
def test_it_reads_the_number_before_the_item(run, text, expected):
    assert [(p.donor, p.category, p.quantity) for p in run(text, MAY_1).pledges] == expected
