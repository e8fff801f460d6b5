"""The words the article walk reads (patterns/en/walk.jsonl) on a sentence's tokens: rule tests on blank
English docs, lemmas given where a rule reads them, without the statistical model."""

import pytest
import spacy
from spacy.tokens import Doc

from articles.extraction import walk

NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("sentence", "editorial"),
    [
        # p019: "This article was amended on 1 March 2022 to remove a reference to ..."
        ("This article was amended on 1 March 2022 to remove a reference to the war in Ukraine", True),
        # p042: "Sign up to First Edition, our free daily newsletter"; p164: "Subscribe"
        ("Sign up to First Edition, our free daily newsletter", True),
        ("• Subscribe to our newsletter", True),
        # made up
        ("This story has been updated with the death toll.", True),
        ("Follow-up talks were held in Istanbul.", False),
        ("Officials said this article of the treaty was amended.", False),
    ],
)
def test_a_note_about_the_article_itself_opens_the_sentence(sentence, editorial):
    assert walk._editorial(NLP(sentence)[:]) is editorial


@pytest.mark.parametrize(
    ("sentence", "label", "found"),
    [
        # p190: "more than 14,500 civilians — including 745 children — have been confirmed killed"
        ("more than 14,500 civilians — including 745 children — have been confirmed killed", "CONFIRMED", True),
        # p054: "At least 19 people, including two children, have been confirmed dead"
        ("At least 19 people, including two children, have been confirmed dead", "CONFIRMED", True),
        ("The ministry confirmed that talks had been held", "CONFIRMED", False),  # made up
        # p020: "local authorities ... raised the death toll from a missile strike"; p019: "the attack on Kharkiv"
        ("local authorities in the northern city of Chernihiv raised the death toll", "INCIDENT_REFERENCE", True),
        ("whether they thought the attack on Kharkiv was a breach", "INCIDENT_REFERENCE", True),
        ("It was the deadliest Russian missile strike this year", "INCIDENT_REFERENCE", True),  # made up
        ("They discussed an attack plan", "INCIDENT_REFERENCE", False),  # made up: no "the" before
    ],
)
def test_it_reads_tolls_and_references_on_the_sentences_tokens(sentence, label, found):
    assert bool(walk._words(NLP(sentence)[:], label)) is found


def lemmatized(words: str, lemmas: dict[str, str]) -> Doc:
    tokens = words.split()
    return Doc(NLP.vocab, words=tokens, lemmas=[lemmas.get(token, token.lower()) for token in tokens])


@pytest.mark.parametrize(
    ("sentence", "attacker"),
    [
        # p034: "to counter Russian attacks on the its cities"; p055: "a Ukrainian missile attack"
        ("to counter Russian attacks on the its cities", "RU"),
        ("a Ukrainian missile attack", "UA"),
        # p192 (ISW): "Ukrainian forces struck a Russian drone control point near Mykolaivka": the first side told
        ("Ukrainian forces struck a Russian drone control point near Mykolaivka", "UA"),
        # made up
        ("Russian officials said the talks would go on", None),
    ],
)
def test_the_attacker_is_the_side_of_the_first_attack_told(sentence, attacker):
    doc = lemmatized(sentence, {"attacks": "attack", "struck": "strike"})
    found = walk._words(doc[:], "ATTACKER")
    assert (found[0][2] if found else None) == attacker
