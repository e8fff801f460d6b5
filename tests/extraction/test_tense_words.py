"""The tense words of patterns/en/tense.jsonl, read on tokens: rule tests on blank English docs with the
tags the parser would give, without the statistical model."""

import pytest
import spacy
from spacy.tokens import Doc

from articles.extraction import tense

VOCAB = spacy.blank("en").vocab


def tagged(words_and_tags: str) -> Doc:
    """A doc from "EU/NNP leaders/NNS will/MD ...": the words, and the tags where a rule reads them (XX elsewhere)."""
    pairs = [item.rsplit("/", 1) if "/" in item[1:] else (item, "XX") for item in words_and_tags.split()]
    return Doc(VOCAB, words=[word for word, _tag in pairs], tags=[tag for _word, tag in pairs])


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        # p018: "EU leaders will meet in Brussels on Thursday"; p021: "The UN security council will hold ..."
        ("EU leaders will/MD meet in Brussels on Thursday", True),
        ("The UN security council will/MD hold an emergency meeting Monday", True),
        # made up: "won't" and "we'll" as the tokenizer splits them
        ("Germany wo/MD n't send jets", True),
        ("We 'll/MD send more", True),
        # p069: "The will of the defenders to resist was also bolstered ..."; p033: "taken against their will"
        ("The will/NN of the defenders to resist was/VBD also bolstered", False),
        ("402,000 people have been taken against their will/NN", False),
    ],
)
def test_a_modal_of_the_future_makes_the_sentence_about_the_future(sentence, future):
    doc = tagged(sentence)
    assert tense.tells_future(doc[:]) is future


@pytest.mark.parametrize(
    ("sentence", "future"),
    [
        # p036: "Boris Johnson is set to host the German chancellor on Friday"; p048: "Putin is expected to make
        # a major speech on Friday"; dev p121: "with further meetings scheduled on Tuesday"
        ("Boris Johnson is set to host the German chancellor on Friday", True),
        ("Putin is expected to make a major speech on Friday", True),
        ("They discussed the Ukraine war , with further meetings scheduled on Tuesday", True),
        # made up
        ("The talks , to be held in Istanbul , start on Tuesday", True),
        ("Boris Johnson hosted the German chancellor on Friday", False),
        (
            "Johnson said he was set to host the chancellor , who arrived in London "
            + "after many delays " * 5
            + "on Friday",
            False,
        ),  # the words stand more than 90 characters before the day
    ],
)
def test_words_just_before_a_day_point_it_ahead(sentence, future):
    doc = tagged(sentence)
    day = doc[-1]
    assert tense.is_future(doc[:], day.idx, day.idx + len(day)) is future
