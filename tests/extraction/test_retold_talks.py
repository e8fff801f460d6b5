"""An undated sentence opening on "the (weekend) talks" retells the talks told before (merging.merge_events),
read on blank English docs, without the statistical model."""

import spacy

from articles.extraction import merging
from articles.extraction.records import Event, Extraction

NLP = spacy.blank("en")


def merged(sentences: list[str], apart: int = 4) -> list[str]:
    """The summaries left after merging one undated diplomacy event per sentence, `apart` sentences apart."""
    text = " ".join(sentences)
    doc = NLP(text)
    events, start = [], 0
    for sentence in sentences:
        event = Event(date=None, precision=None, type="diplomacy", summary=sentence, places=[], countries=[])
        event.span = (start, start + len(sentence))
        events.append(event)
        start += len(sentence) + 1
    result = Extraction(events=events)
    merging.merge_events(result, [apart * number for number in range(len(sentences))], doc)
    return [event.summary for event in result.events]


FILLER = "Negotiators will return to the Emirates for another round of talks next month."


def test_the_weekend_talks_retell_the_talks_told_before():
    # p188 (AP): "Officials revealed few details of the talks held on Friday and Saturday ... [ten sentences]
    # Negotiators will return to the United Arab Emirates on Feb. 1 for another round of talks ... The weekend
    # talks covered a broad range of military and economic matters"
    first = "Officials revealed few details of the talks held on Friday and Saturday."
    retold = "The weekend talks covered a broad range of military and economic matters."
    assert merged([first, FILLER, retold]) == [first, FILLER]


def test_made_up_latest_talks_retell_them():
    first = "Envoys of Kyiv and Moscow held talks in Istanbul."
    retold = "The latest talks ended without a deal."
    assert merged([first, retold]) == [first]


def test_a_happening_named_otherwise_is_not_retold():
    # p176 (The Economist): "The talks in Geneva removed the worst features of the original 28-point plan", after
    # reports of a "peace plan" but no talks: new talks
    first = "On November 19th reports emerged of a secret Russian-American peace plan."
    retold = "The talks in Geneva removed the worst features of the original 28-point plan."
    assert merged([first, retold]) == [first, retold]


def test_a_new_meeting_stays_apart():
    first = "Macron held talks with Zelenskyy in Kyiv."
    later = "Later, Macron met Scholz in Berlin."
    assert merged([first, later]) == [first, later]


def test_talks_too_far_back_are_not_retold():
    first = "Officials revealed few details of the talks held on Friday and Saturday."
    retold = "The weekend talks covered a broad range of military and economic matters."
    assert merged([first, retold], apart=merging.RETOLD_NOUN_REACH) == [first]
    assert merged([first, retold], apart=merging.RETOLD_NOUN_REACH + 1) == [first, retold]
