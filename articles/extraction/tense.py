"""Tense and modality: whether a date expression in a sentence points ahead.

"The leaders will meet on Tuesday" is a future Tuesday; "the meeting on Tuesday follows" too,
in the present tense; "On April 2, AFP discovers" (a timeline's historical present) is not.
`dates.find_dates` asks `is_future` about each weekday and date it resolves.
"""

from __future__ import annotations

from pathlib import Path

from articles.extraction.attribution import REPORTING_LEMMAS
from articles.extraction.dates import WEEKDAYS
from articles.extraction.word_patterns import word_patterns
from articles.jsonl import read_jsonl

TENSE_WORDS = Path(__file__).resolve().parent / "patterns" / "en" / "tense.jsonl"
TENSE_KEY = "warboard_tense"


# The modals of the future as written ("will", "'ll", "wo" of "won't"), which is_future reads among a verb's
# auxiliaries: the words of the FUTURE_AUX rows.
FUTURE_AUX = frozenset(
    word for row in read_jsonl(TENSE_WORDS) if row["label"] == "FUTURE_AUX" for word in row["pattern"][0]["LOWER"]["IN"]
)


def tense_words(sent) -> list[tuple[str, int, int]]:
    """(label, start, end) of the tense words of a sentence (patterns/en/tense.jsonl), as article character
    offsets; found once per sentence."""
    doc = sent.doc
    key = (TENSE_KEY, sent.start)
    found = doc.user_data.get(key)
    if found is None:
        found = [
            (label, sent[start].idx, sent[end - 1].idx + len(sent[end - 1]))
            for label, start, end, _id in word_patterns(doc.vocab, TENSE_WORDS)(sent)
        ]
        doc.user_data[key] = found
    return found


def tells_future(sent) -> bool:
    """Whether a sentence holds a modal of the future ("Germany will send 14 tanks")."""
    return any(label == "FUTURE_AUX" for label, _start, _end in tense_words(sent))


def is_future(sent, start: int, end: int) -> bool:
    """Whether the date expression at article offsets [start, end) is about the future."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    # the words just before the expression, within 90 characters of it
    after = max(sent.start_char, start - 90)
    if any(label == "FUTURE_WORDS" and after <= first and last <= start for label, first, last in tense_words(sent)):
        return True
    head = span.root
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
            break
        if head.head is head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    done = head.tag_ == "VBN" and head.dep_ == "acl" and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    for _ in range(4):
        # "the Nato leaders assembling in Brussels on Thursday", "gatherings held in Brussels on
        # Thursday": a participle without its own auxiliary takes the tense of the clause it sits in
        if (
            head.tag_ not in ("VBG", "VBN")
            or head.dep_ not in ("acl", "advcl")
            or any(child.dep_ in ("aux", "auxpass") for child in head.children)
        ):
            break
        clause = head.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            break
        head = clause
    auxes = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return True
    if done:
        # "The aid package approved by the House on Saturday includes more than $9bn" (p141, a British outlet): a
        # past participle on a noun tells a deed done; only a future clause ("gatherings held on Thursday will
        # decide") puts it ahead
        return False
    weekday = any(token.lower_ in WEEKDAYS for token in span)
    if weekday and "would" in auxes:
        # "said ... that Kishida would return to Japan on Thursday", "Vereshchuk said they would try again
        # Thursday": a future told in reported speech is still ahead of the report (a weekday is within
        # the week around publication; a calendar date keeps its own year)
        return True
    if "to" in auxes and head.head.lemma_ in ("set", "due", "expect", "schedule", "plan", "go", "be"):
        return True
    if head.lemma_ == "be" and any(
        child.dep_ == "xcomp" and any(aux.lower_ == "to" for aux in child.children if aux.dep_ == "aux")
        for child in head.children
    ):
        return True  # "On Saturday, he is to meet Polish counterpart Andrzej Duda"
    if weekday and head.lemma_ == "follow" and span.start > head.i and not auxes & FUTURE_AUX:
        # "The discussions follow a late-night meeting in Moscow on Thursday" (Foreign Policy), "The meeting
        # follows Biden's signing of a $61 billion aid package ... Wednesday" (a Ukrainian outlet): what a
        # happening follows came before it
        return False
    # Present tense points ahead only for a weekday ("the meeting on Tuesday follows ..."); a
    # calendar date in the present tense is a timeline's historical present ("On April 2, AFP discovers").
    if (
        weekday
        and head.tag_ in ("VBZ", "VBP")
        and head.lemma_ not in REPORTING_LEMMAS
        and not (auxes & {"has", "have"})
    ):
        return head.lemma_ not in ("be",)
    return False
