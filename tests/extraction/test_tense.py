"""Tense and modality of a date expression (articles/extraction/tense.py) on a given parse, no model."""

from articles.extraction.tense import is_future
from tests.extraction.test_context import parsed


def weekday_is_future(sent) -> bool:
    token = next(t for t in sent if t.text.endswith("day"))
    return is_future(sent, token.idx, token.idx + len(token.text))


def test_it_reads_a_weekday_under_would_as_ahead_of_the_report():
    # p121 (CNN): "... said Kishida’s visit to Ukraine was at Zelensky’s invitation, and that Kishida
    # would return to Japan on Thursday" (gold: the Thursday after publication)
    would_return = parsed(
        "Kishida NNP PROPN nsubj 2 Kishida",
        "would MD AUX aux 2 would",
        "return VB VERB ROOT 2 return",
        "to IN ADP prep 2 to",
        "Japan NNP PROPN pobj 3 Japan",
        "on IN ADP prep 2 on",
        "Thursday NNP PROPN pobj 5 Thursday",
        ". . PUNCT punct 2 .",
    )
    assert weekday_is_future(would_return)
    # pool p064 (CNN): "Vereshchuk said they would try again Thursday": no "on"
    would_try = parsed(
        "Vereshchuk NNP PROPN nsubj 1 Vereshchuk",
        "said VBD VERB ROOT 1 say",
        "they PRP PRON nsubj 4 they",
        "would MD AUX aux 4 would",
        "try VB VERB ccomp 1 try",
        "again RB ADV advmod 4 again",
        "Thursday NNP PROPN npadvmod 4 Thursday",
        ". . PUNCT punct 1 .",
    )
    assert weekday_is_future(would_try)


def test_it_keeps_a_weekday_in_the_past_tense_behind_the_report():
    # made up: the same return, told as done
    returned = parsed(
        "Kishida NNP PROPN nsubj 1 Kishida",
        "returned VBD VERB ROOT 1 return",
        "to IN ADP prep 1 to",
        "Japan NNP PROPN pobj 2 Japan",
        "on IN ADP prep 1 on",
        "Thursday NNP PROPN pobj 4 Thursday",
        ". . PUNCT punct 1 .",
    )
    assert not weekday_is_future(returned)


def test_it_reads_what_a_happening_follows_as_before_it():
    # pool p187 (Foreign Policy): "The discussions follow a late-night meeting in Moscow on Thursday"
    follow_meeting = parsed(
        "The DT DET det 1 the",
        "discussions NNS NOUN nsubj 2 discussion",
        "follow VBP VERB ROOT 2 follow",
        "a DT DET det 4 a",
        "meeting NN NOUN dobj 2 meeting",
        "in IN ADP prep 4 in",
        "Moscow NNP PROPN pobj 5 Moscow",
        "on IN ADP prep 4 on",
        "Thursday NNP PROPN pobj 7 Thursday",
        ". . PUNCT punct 2 .",
    )
    assert not weekday_is_future(follow_meeting)
    # made up: the day on the subject side is still the coming happening ("the meeting on Tuesday follows ...")
    meeting_follows = parsed(
        "The DT DET det 1 the",
        "meeting NN NOUN nsubj 4 meeting",
        "on IN ADP prep 1 on",
        "Tuesday NNP PROPN pobj 2 Tuesday",
        "follows VBZ VERB ROOT 4 follow",
        "the DT DET det 6 the",
        "conference NN NOUN dobj 4 conference",
        ". . PUNCT punct 4 .",
    )
    assert weekday_is_future(meeting_follows)
