"""Whether a sentence tells again the happening before it (patterns/en/merging.jsonl), read on the tokens of
the event's sentence: rule tests on blank English docs, without the statistical model."""

import pytest
import spacy

from articles.extraction import merging
from articles.extraction.records import Event

NLP = spacy.blank("en")


def labels_of(sentence: str) -> set[str]:
    doc = NLP(sentence)
    event = Event(date=None, precision=None, type="diplomacy", summary=sentence, places=[], countries=[])
    event.span = (0, len(sentence))
    return set(merging._labels(doc, event))


@pytest.mark.parametrize(
    ("sentence", "retelling"),
    [
        # dev seed-001: "The meeting on Tuesday follows the January 20 conference"; p052: "The summit was
        # addressed on video by Ukraine’s President"; dev seed-004: "The new exchange was brokered by the UAE"
        ("The meeting on Tuesday follows the January 20 conference", True),
        ("The summit was addressed on video by Ukraine’s President", True),
        ("The new exchange was brokered by the United Arab Emirates", True),
        # made up
        ("“Thursday's meeting of Nato leaders will be short", True),
        ("Leaders said the meeting on Tuesday would be short", False),  # not at the start
        ("The leaders of the G7 countries held a meeting", False),  # more than two words before it
    ],
)
def test_a_sentence_that_opens_on_the_happening_retells_it(sentence, retelling):
    assert ("RETELLING" in labels_of(sentence)) is retelling


@pytest.mark.parametrize(
    ("sentence", "another"),
    [
        # p030: "G7 and EU leaders are also holding meetings later in the day"; p022: "Russia and Ukraine plan
        # another round of talks"
        ("G7 and EU leaders are also holding meetings later in the day", True),
        ("Russia and Ukraine plan another round of talks", True),
        ("Separately, Macron spoke to Putin by phone", True),  # made up
        ("Macron spoke to Putin by phone", False),  # made up
    ],
)
def test_a_sentence_that_tells_another_meeting_says_so(sentence, another):
    assert ("ANOTHER" in labels_of(sentence)) is another
