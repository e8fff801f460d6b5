"""Speed work that must not change what is found, round two: the count search (a lookahead of its first
characters, a hint, the lowercased text) and the caption's bare-credit search (only on a line ending on a letter)."""

from __future__ import annotations

import re
import string
import warnings

import pytest

from articles.extraction import numbers, walk
from articles.extraction.cleaning import PHOTO_AGENCY
from articles.extraction.rules import event_statements
from tests.extraction.test_speed import _first_characters

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse


def _atoms(items) -> set[str]:
    """The single characters (escaped) and categories a parsed regex compares a character with."""
    found: set[str] = set()
    for op, av in items:
        if op is sre_constants.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is sre_constants.IN:
            for kind, value in av:
                if kind is sre_constants.CATEGORY:
                    found.add({"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}[str(value)])
                elif kind is sre_constants.LITERAL:
                    found.add(re.escape(chr(value)))
                else:
                    assert kind is sre_constants.RANGE, (kind, value)
                    found |= {re.escape(chr(code)) for code in range(value[0], value[1] + 1)}
        elif op is sre_constants.AT:
            found.add(r"\w")  # a word boundary reads whether a character is a word's
        elif op is sre_constants.SUBPATTERN:
            found |= _atoms(av[3])
        elif op is sre_constants.BRANCH:
            found = found.union(*(_atoms(branch) for branch in av[1]))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            found |= _atoms(av[2])
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found |= _atoms(av[1])
        else:
            raise AssertionError(f"unexpected {op}")
    return found


def test_the_quantity_lookahead_holds_every_character_an_alternative_begins_with():
    pattern = numbers.QUANTITY_RE.pattern
    # the alternatives, without the lookahead before them
    alternatives = pattern[pattern.index("])") + 2 :]
    expected = _first_characters(sre_parse.parse(alternatives, re.IGNORECASE).data)
    assert expected == {"CATEGORY_DIGIT"} | set(numbers.QUANTITY_STARTS.replace("\\d", ""))


def test_the_quantity_pattern_writes_its_letters_in_lower_case():
    atoms = _atoms(sre_parse.parse(numbers.QUANTITY_RE.pattern).data)
    assert all(atom.startswith("\\") or atom == atom.lower() for atom in atoms)


def test_lowercasing_gives_the_ignorecase_matches_but_on_the_letters_set_apart():
    """Every character, lowercased, is compared alike with each character and category of QUANTITY_RE without
    IGNORECASE as it is with it, but those `_CASE_UNSAFE` holds."""
    chars = [chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF]
    unsafe = {char for char in chars if len(char.lower()) != 1}
    text = "".join(chars)
    lowered = "".join(char if char in unsafe else char.lower() for char in chars)
    for atom in _atoms(sre_parse.parse(numbers.QUANTITY_RE.pattern).data):
        with_case = {found.start() for found in re.finditer(atom, text, re.IGNORECASE)}
        without = {found.start() for found in re.finditer(atom, lowered)}
        unsafe |= {chars[at] for at in with_case ^ without}
    assert unsafe == set(numbers._CASE_UNSAFE.findall(text))


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled the town, officials said.",  # made up: no number
        "At least 55 people were killed and between 40 and 50 wounded, Ukrainian officials said.",
        "Some 70,000-80,000 troops, up to 40 drones and over 1.2m shells: the drone's takeover 5 times.",
        "Two Hundred and FIFTY soldiers were captured, and twenty-two tanks.",
        "It’s “about seventy” — the figures of the ministry, 24.02 and F-16s.",
        "ſeventy ſoldiers and ſome 5 tanks",  # a long s: IGNORECASE reads "s", lowercasing does not give it
        "İn excess of 30 drones, ıt said, and KİLLED over 12",  # a dotted capital I lowercases to two characters
        "ΣΑΣ 5 and ΟΔΟΣ twelve",  # a final sigma
        "١٢ drones and ٣ tanks",  # Arabic-Indic digits are digits
    ],
)
def test_the_quantities_are_quantity_res_matches(text):
    without_lookahead = re.compile(numbers.QUANTITY_RE.pattern[numbers.QUANTITY_RE.pattern.index("])") + 2 :], re.I)
    expected = [(found.span(), found.groups()) for found in without_lookahead.finditer(text)]
    assert [(found.span(), found.groups()) for found in numbers.find_quantities(text)] == expected
    assert [(found.span(), found.groups()) for found in numbers.QUANTITY_RE.finditer(text)] == expected


def test_a_bare_credit_ends_on_an_agencys_letter():
    assert event_statements.BARE_CREDIT.pattern.endswith(rf"\b{PHOTO_AGENCY}[ \t]*$")
    assert _first_characters(sre_parse.parse(PHOTO_AGENCY).data, last=True) <= set(string.ascii_lowercase)


@pytest.mark.parametrize(
    "text",
    [
        # p121, CNN; p068, POLITICO; p205, TIME
        "Kishida (center) visited the site of a mass grave in Bucha. Sergei Chuzavkov/AFP/Getty Images",
        "Emmanuel Macron said that France had sent a lot of military equipment | Ludovic Marin/AFP via Getty Images",
        "The leaders met at the Kremlin in Moscow on Jan. 22, 2026.  Alexander Kazakov—Getty Images \t ",
        "The leaders met in Moscow. Alexander Kazakov—Getty Images\n",
        "Troops advanced near Bakhmut on Monday. Ivan Petrenko/AFP said so.",  # made up: no credit at the end
        "Troops advanced near Bakhmut on Monday",
        "",
    ],
)
def test_a_line_with_a_bare_credit_ends_on_a_letter(text):
    credit = event_statements.BARE_CREDIT.search(text, 0, len(text))
    assert credit is None or event_statements._ends_on_letter(text, 0, len(text))


def test_the_spans_of_each_sentence_in_the_order_of_their_starts_and_ends():
    import spacy  # noqa: PLC0415

    doc = spacy.blank("en")("One two three . Four five . Six seven eight nine . Ten")  # made up
    sents = [doc[0:4], doc[4:7], doc[7:12], doc[12:13]]
    spans = [doc[8:10], doc[0:2], doc[0:1], doc[5:6], doc[7:9], doc[3:5]]
    buckets = walk._by_sentence(sents, spans)
    assert [[(span.start, span.end) for span in bucket] for bucket in buckets] == [
        [(0, 1), (0, 2), (3, 5)],
        [(5, 6)],
        [(7, 9), (8, 10)],
        [],
    ]
