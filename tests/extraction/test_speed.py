"""Speed work that must not change what is found: the date regex's quick lookahead and hint, and the
AnchoredMatcher's patterns of fixed words, read in its array instead of run by a Matcher."""

from __future__ import annotations

import re
import warnings

import pytest

from articles.extraction import components, dates

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants
    import sre_parse


def _first_characters(items, last: bool = False) -> set[str]:
    """The characters a parsed regex can begin with (or end on, if `last`; zero-width assertions skipped),
    lowercased; a category (`\\d`) by its name."""
    found: set[str] = set()
    for op, av in reversed(items) if last else items:
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        if op is sre_constants.LITERAL:
            return found | {chr(av).lower()}
        if op is sre_constants.IN:
            for kind, value in av:
                if kind is sre_constants.CATEGORY:
                    found.add(str(value))
                    continue
                assert kind in (sre_constants.LITERAL, sre_constants.RANGE), (kind, value)
                low, high = (value, value) if kind is sre_constants.LITERAL else value
                found |= {chr(code).lower() for code in range(low, high + 1)}
            return found
        if op is sre_constants.SUBPATTERN:
            return found | _first_characters(av[3], last)
        if op is sre_constants.BRANCH:
            return found.union(*(_first_characters(branch, last) for branch in av[1]))
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            found |= _first_characters(av[2], last)
            if av[0] == 0:
                continue
            return found
        raise AssertionError(f"unexpected {op}")
    raise AssertionError("an alternative that can match nothing")


def test_the_date_lookahead_holds_every_character_an_alternative_begins_with():
    pattern = dates.DATE_RE.pattern
    # the alternatives, without the `\b` and the lookahead before them
    alternatives = pattern[pattern.index("])") + 2 :]
    expected = _first_characters(sre_parse.parse(alternatives, re.IGNORECASE).data)
    allowed = {chr(code) for code in range(ord("0"), ord("9") + 1)} | set(dates.DATE_STARTS.replace("0-9", ""))
    assert expected == allowed


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces shelled the town, officials said.",  # made up: no date word
        "On Monday, 24 February 2022, troops crossed the border.",
        "Two DAYS later the city fell.",
        "ſeptember",  # a long s: IGNORECASE matches "sep", lowercasing does not give it
        "Ein Angriff am Montag (ſep 3)",
    ],
)
def test_the_quick_date_hint_answers_as_the_ignorecase_search(text):
    assert dates.has_date_hint(text) == (dates.DATE_HINT.search(text) is not None)


def test_fixed_patterns_are_found_where_spacys_matcher_finds_them():
    import spacy  # noqa: PLC0415
    from spacy.matcher import Matcher  # noqa: PLC0415

    nlp = spacy.blank("en")
    patterns: list[tuple[str, list[dict]]] = [
        ("heart_attack", [{"LOWER": "heart"}, {"LOWER": "attack"}]),
        ("released", [{"LOWER": {"IN": ["released", "freed"]}}]),
        ("would_make", [{"LOWER": "would", "TAG": "MD"}, {"LEMMA": {"IN": ["make", "help"]}}]),
        ("not_fixed", [{"LOWER": "the", "OP": "?"}, {"LOWER": "talks"}]),
    ]
    anchored = components.AnchoredMatcher(nlp.vocab, patterns)
    assert set(anchored.fixed) == {0, 1, 2}
    full = Matcher(nlp.vocab)
    for key, pattern in patterns:
        full.add(key, [pattern])
    # made up: a match at the sentence's end, one cut by it, repeats, and a "would" that is no modal
    doc = nlp("Heart attack , they freed him and released her ; heart would help the talks would make it . heart")
    for token in doc:
        token.tag_ = "MD" if token.text == "would" and token.i > 12 else "NN"
        token.lemma_ = token.lower_
    for sent in (doc[:], doc[0:3], doc[8:18], doc[17:]):
        expected = sorted(set(full(sent)), key=lambda match: (match[1], match[2], anchored.rank[match[0]]))
        assert anchored(sent) == expected
    assert [doc[s:e].text for _key, s, e in anchored(doc[:])] == [
        "Heart attack",
        "freed",
        "released",
        "the talks",
        "talks",
        "would make",
    ]
