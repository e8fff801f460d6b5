"""Context modifiers (articles/extraction/context.py) on blank English: the parse is given, no model.

Each sentence is written out with the tags, parts of speech, dependencies and lemmas the
statistical model gives it, so these tests check the rules of patterns/en/context.jsonl alone.
"""

import json

import pytest
import spacy
from spacy.tokens import Doc

from articles.extraction import context

VOCAB = spacy.blank("en").vocab


def parsed(*rows: str):
    """A one-sentence Doc from rows "text TAG POS DEP HEAD LEMMA" (HEAD: the head token's index)."""
    fields = [row.split(" ") for row in rows]
    words = [f[0] for f in fields]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", "”") and words[i] != "“" for i in range(len(words))]
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        tags=[f[1] for f in fields],
        pos=[f[2] for f in fields],
        deps=[f[3] for f in fields],
        heads=[int(f[4]) for f in fields],
        lemmas=[f[5] for f in fields],
    )
    return doc[:]


def covered(sent, word: str, kind: str | None = None) -> list[str]:
    """The categories of the modifiers reaching the first token `word` of the sentence."""
    index = next(token.i for token in sent if token.text == word)
    return sorted({m.category for m in context.modifiers_of(sent) if m.covers(index, kind)})


# made up
COULD_IF = parsed(
    "Russia NNP PROPN nsubj 2 Russia",
    "could MD AUX aux 2 could",
    "launch VB VERB ROOT 2 launch",
    "strikes NNS NOUN dobj 2 strike",
    "if IN SCONJ mark 6 if",
    "talks NNS NOUN nsubj 6 talk",
    "fail VBP VERB advcl 2 fail",
    ". . PUNCT punct 2 .",
)


def test_it_marks_what_a_modal_and_a_condition_reach_as_hypothetical():
    assert covered(COULD_IF, "strikes") == ["HYPOTHETICAL"]
    assert covered(COULD_IF, "talks") == ["HYPOTHETICAL"]  # "if talks fail": the condition's own clause
    # both ways in the clause: "such a ceasefire would also likely favor an exhausted Ukraine" (pool p186)
    assert covered(COULD_IF, "Russia") == ["HYPOTHETICAL"]


def test_it_negates_the_whole_clause_of_a_negated_verb():
    # p036 (Guardian): "Moscow has previously acknowledged its attack has not progressed as quickly as it wanted"
    sent = parsed(
        "Its PRP$ PRON poss 1 its",
        "attack NN NOUN nsubj 4 attack",
        "has VBZ AUX aux 4 have",
        "not RB PART neg 4 not",
        "progressed VBN VERB ROOT 4 progress",
        ". . PUNCT punct 4 .",
    )
    assert covered(sent, "attack") == ["NEGATED"]


def test_it_reads_would_under_a_reporting_verb_as_a_decision_not_a_conjecture():
    # p019 (Guardian): "Switzerland on Monday ... said it would adopt all sanctions already imposed on Russia"
    sent = parsed(
        "Switzerland NNP PROPN nsubj 1 Switzerland",
        "said VBD VERB ROOT 1 say",
        "it PRP PRON nsubj 4 it",
        "would MD AUX aux 4 would",
        "adopt VB VERB ccomp 1 adopt",
        "all DT DET det 6 all",
        "sanctions NNS NOUN dobj 4 sanction",
        ". . PUNCT punct 1 .",
    )
    # a decision for sanctions; the same "would" over a battle is a threat (tested below)
    assert covered(sent, "sanctions", kind="sanctions") == []


def test_it_marks_direct_speech_as_quoted_and_a_quoted_name_as_nothing():
    # made up
    speech = parsed(
        "“ `` PUNCT punct 9 “",
        "We PRP PRON nsubj 4 we",
        "will MD AUX aux 4 will",
        "not RB PART neg 4 not",
        "send VB VERB ccomp 9 send",
        "tanks NNS NOUN dobj 4 tank",
        ", , PUNCT punct 9 ,",
        "” '' PUNCT punct 9 ”",
        "he PRP PRON nsubj 9 he",
        "said VBD VERB ROOT 9 say",
        ". . PUNCT punct 9 .",
    )
    assert "QUOTED" in covered(speech, "tanks")
    assert covered(speech, "he") == []
    # p036 (Guardian): "Russia launched what it calls a “special military operation” on 24 February"
    name = parsed(
        "Russia NNP PROPN nsubj 1 Russia",
        "launched VBD VERB ROOT 1 launch",
        "what WP PRON dobj 4 what",
        "it PRP PRON nsubj 4 it",
        "calls VBZ VERB ccomp 1 call",
        "a DT DET det 9 a",
        "“ `` PUNCT punct 9 “",
        "special JJ ADJ amod 9 special",
        "military JJ ADJ amod 9 military",
        "operation NN NOUN oprd 4 operation",
        "” '' PUNCT punct 1 ”",
        ". . PUNCT punct 1 .",
    )
    assert covered(name, "operation") == []  # and "calls" is no request: only "call for", "call on"


def test_it_stops_a_request_at_its_terminator_and_covers_the_aid_asked_for():
    # p037 (Guardian): "Zelenskiy called on western allies to provide more military aid ... in the wake
    # of a missile attack on a train station in the eastern city of Kramatorsk"
    sent = parsed(
        "Zelenskiy NNP PROPN nsubj 1 Zelenskiy",
        "called VBD VERB ROOT 1 call",
        "on IN ADP prep 1 on",
        "allies NNS NOUN pobj 2 ally",
        "to TO PART aux 5 to",
        "provide VB VERB xcomp 1 provide",
        "aid NN NOUN dobj 5 aid",
        "in IN ADP prep 5 in",
        "the DT DET det 9 the",
        "wake NN NOUN pobj 7 wake",
        "of IN ADP prep 9 of",
        "a DT DET det 13 a",
        "missile NN NOUN compound 13 missile",
        "attack NN NOUN pobj 10 attack",
        ". . PUNCT punct 1 .",
    )
    assert covered(sent, "aid") == ["REQUEST"]
    # aid asked for is no aid given: the pledge rules keep it as a "requested" pledge, the timeline shows no card
    assert covered(sent, "aid", kind="aid") == ["REQUEST"]
    assert covered(sent, "attack") == []


def test_it_marks_what_a_forecast_reaches_as_future():
    # made up
    sent = parsed(
        "Ukraine NNP PROPN nsubj 1 Ukraine",
        "says VBZ VERB ROOT 1 say",
        "Russia NNP PROPN nsubj 4 Russia",
        "is VBZ AUX aux 4 be",
        "preparing VBG VERB ccomp 1 prepare",
        "a DT DET det 7 a",
        "new JJ ADJ amod 7 new",
        "offensive NN NOUN dobj 4 offensive",
        ". . PUNCT punct 1 .",
    )
    assert covered(sent, "offensive") == ["FUTURE"]


def test_every_rule_of_the_data_file_has_a_known_direction_and_scope(tmp_path):
    rules = context.load_rules(context.PATTERNS / "en" / "context.jsonl")
    assert {rule.category for rule in rules} >= {"NEGATED", "HYPOTHETICAL", "FUTURE", "OPINION", "HISTORICAL"}
    bad = tmp_path / "context.jsonl"
    bad.write_text(json.dumps({"category": "NEGATED", "pattern": [{"LOWER": "not"}], "scope": "window"}) + "\n")
    with pytest.raises(ValueError, match="scope"):
        context.load_rules(bad)


def test_it_keeps_would_a_conjecture_under_a_reporting_verb_in_the_present():
    # pool p198 (Al Jazeera): "those numbers would rise in the event of a major assault ..., experts say"
    sent = parsed(
        "Numbers NNS NOUN nsubj 2 number",
        "would MD AUX aux 2 would",
        "rise VB VERB ccomp 7 rise",
        "in IN ADP prep 2 in",
        "an DT DET det 5 an",
        "assault NN NOUN pobj 3 assault",
        ", , PUNCT punct 7 ,",
        "say VBP VERB ROOT 7 say",
        "experts NNS NOUN nsubj 7 expert",
        ". . PUNCT punct 7 .",
    )
    assert covered(sent, "assault") == ["HYPOTHETICAL"]


def test_it_marks_what_a_disposition_reaches_as_hypothetical():
    # p039 (Guardian): "several other Nato states communicated ... that they are willing to send heavy weapons"
    sent = parsed(
        "states NNS NOUN nsubj 1 state",
        "are VBP AUX ROOT 1 be",
        "willing JJ ADJ acomp 1 willing",
        "to TO PART aux 4 to",
        "send VB VERB xcomp 2 send",
        "weapons NNS NOUN dobj 4 weapon",
        ". . PUNCT punct 1 .",
    )
    assert covered(sent, "send", kind="aid") == ["HYPOTHETICAL"]
    assert covered(sent, "states") == []  # forward only


def test_it_marks_what_a_need_or_a_struggle_reaches_as_hypothetical():
    # pool p186 (CSIS): "Russia has struggled to make major territorial gains"
    sent = parsed(
        "Russia NNP PROPN nsubj 2 Russia",
        "has VBZ AUX aux 2 have",
        "struggled VBN VERB ROOT 2 struggle",
        "to TO PART aux 4 to",
        "make VB VERB xcomp 2 make",
        "gains NNS NOUN dobj 4 gain",
        ". . PUNCT punct 2 .",
    )
    assert covered(sent, "gains", kind="battle") == ["HYPOTHETICAL"]
    assert covered(sent, "gains", kind="aid") == ["HYPOTHETICAL"]


def test_it_reads_would_under_a_reporting_verb_as_a_threat_for_battle_only():
    # pool p177 (The Economist): "Mr Putin told Indian journalists he would “liberate Donbas”"
    sent = parsed(
        "Putin NNP PROPN nsubj 1 Putin",
        "told VBD VERB ROOT 1 tell",
        "journalists NNS NOUN dobj 1 journalist",
        "he PRP PRON nsubj 5 he",
        "would MD AUX aux 5 would",
        "liberate VB VERB ccomp 1 liberate",
        "Donbas NNP PROPN dobj 5 Donbas",
        ". . PUNCT punct 1 .",
    )
    assert covered(sent, "liberate", kind="battle") == ["HYPOTHETICAL"]
    assert covered(sent, "liberate", kind="aid") == []  # "said it would send" is a pledge


def test_it_reads_would_with_a_verb_of_effect_as_an_opinion_even_when_reported():
    # pool p197 (Al Jazeera): "Zelenskyy said this would make negotiations much more difficult"
    sent = parsed(
        "Zelenskyy NNP PROPN nsubj 1 Zelenskyy",
        "said VBD VERB ROOT 1 say",
        "this DT PRON nsubj 4 this",
        "would MD AUX aux 4 would",
        "make VB VERB ccomp 1 make",
        "negotiations NNS NOUN nsubj 6 negotiation",
        "difficult JJ ADJ ccomp 4 difficult",
        ". . PUNCT punct 1 .",
    )
    assert covered(sent, "negotiations", kind="diplomacy") == ["OPINION"]


def test_it_reads_the_first_time_as_a_comparison_with_history():
    # p121 (CNN): "Kishida’s trip is the first time a Japanese prime minister has visited a country ..."
    # pool p167 (The Economist): "it was the first time Russian drones had been shot down over NATO territory"
    trip = parsed(
        "Kishida NNP PROPN poss 2 Kishida",
        "’s POS PART case 0 ’s",
        "trip NN NOUN nsubj 3 trip",
        "is VBZ AUX ROOT 3 be",
        "the DT DET det 6 the",
        "first JJ ADJ amod 6 first",
        "time NN NOUN attr 3 time",
        "minister NN NOUN nsubj 9 minister",
        "has VBZ AUX aux 9 have",
        "visited VBN VERB relcl 6 visit",
        "Ukraine NNP PROPN dobj 9 Ukraine",
        ". . PUNCT punct 3 .",
    )
    assert covered(trip, "trip", kind="diplomacy") == ["HISTORICAL"]
    assert covered(trip, "visited", kind="diplomacy") == ["HISTORICAL"]
    # made up: a first happening told as the happening keeps its card
    struck = parsed(
        "For IN ADP prep 5 for",
        "the DT DET det 3 the",
        "first JJ ADJ amod 3 first",
        "time NN NOUN pobj 0 time",
        "drones NNS NOUN nsubj 5 drone",
        "struck VBD VERB ROOT 5 strike",
        "Moscow NNP PROPN dobj 5 Moscow",
        ". . PUNCT punct 5 .",
    )
    assert covered(struck, "struck", kind="strike") == []


def test_it_reads_a_happening_as_the_subject_of_a_verb_of_meaning_as_an_opinion():
    # pool p044 (The Guardian): "The fighting at Azovstal in ruined Mariupol has symbolized Ukrainian resistance"
    symbolized = parsed(
        "The DT DET det 1 the",
        "fighting NN NOUN nsubj 5 fighting",
        "in IN ADP prep 1 in",
        "Mariupol NNP PROPN pobj 2 Mariupol",
        "has VBZ AUX aux 5 have",
        "symbolized VBN VERB ROOT 5 symbolize",
        "resistance NN NOUN dobj 5 resistance",
        ". . PUNCT punct 5 .",
    )
    assert covered(symbolized, "fighting", kind="battle") == ["OPINION"]
    # pool p071 (Daily Mail): "Shocking footage shows the moment a Russian missile struck an apartment
    # block in Odessa today": what is shown is told, only the subject side is judged
    shows = parsed(
        "Footage NN NOUN nsubj 1 footage",
        "shows VBZ VERB ROOT 1 show",
        "the DT DET det 3 the",
        "moment NN NOUN dobj 1 moment",
        "a DT DET det 5 a",
        "missile NN NOUN nsubj 6 missile",
        "struck VBD VERB relcl 3 strike",
        "Odesa NNP PROPN dobj 6 Odesa",
        ". . PUNCT punct 1 .",
    )
    assert covered(shows, "struck", kind="strike") == []


def test_it_reads_a_happening_as_the_subject_of_a_verb_of_consequence_as_an_opinion():
    # pool p101 (Kyiv Post): "The attacks have sparked panic among Russian tourists in Crimea"
    sparked = parsed(
        "The DT DET det 1 the",
        "attacks NNS NOUN nsubj 3 attack",
        "have VBP AUX aux 3 have",
        "sparked VBN VERB ROOT 3 spark",
        "panic NN NOUN dobj 3 panic",
        "in IN ADP prep 3 in",
        "Crimea NNP PROPN pobj 5 Crimea",
        ". . PUNCT punct 3 .",
    )
    assert covered(sparked, "attacks", kind="strike") == ["OPINION"]
    # pool p217 (Anadolu): "Western sanctions have also reshaped Russia's energy sector"
    reshaped = parsed(
        "Western JJ ADJ amod 1 western",
        "sanctions NNS NOUN nsubj 4 sanction",
        "have VBP AUX aux 4 have",
        "also RB ADV advmod 4 also",
        "reshaped VBN VERB ROOT 4 reshape",
        "Russia NNP PROPN poss 7 Russia",
        "'s POS PART case 5 's",
        "sector NN NOUN dobj 4 sector",
        ". . PUNCT punct 4 .",
    )
    assert covered(reshaped, "sanctions", kind="sanctions") == ["OPINION"]


def test_it_keeps_a_happening_that_sparks_a_fire_or_raises_a_toll():
    # made up: the damage a strike does is the strike told, not a judgement of it
    fire = parsed(
        "A DT DET det 2 a",
        "drone NN NOUN compound 2 drone",
        "attack NN NOUN nsubj 3 attack",
        "sparked VBD VERB ROOT 3 spark",
        "a DT DET det 5 a",
        "fire NN NOUN dobj 3 fire",
        "at IN ADP prep 3 at",
        "the DT DET det 8 the",
        "depot NN NOUN pobj 6 depot",
        ". . PUNCT punct 3 .",
    )
    assert covered(fire, "attack", kind="strike") == []
    toll = parsed(
        "The DT DET det 1 the",
        "strike NN NOUN nsubj 2 strike",
        "raised VBD VERB ROOT 2 raise",
        "the DT DET det 5 the",
        "death NN NOUN compound 5 death",
        "toll NN NOUN dobj 2 toll",
        ". . PUNCT punct 2 .",
    )
    assert covered(toll, "strike", kind="strike") == []


def test_it_reads_what_follows_the_first_time_since_as_history():
    # made up, after pool p197 (Al Jazeera): "met for the first time since the war started"
    since = parsed(
        "Officials NNS NOUN nsubj 1 official",
        "met VBD VERB ROOT 1 meet",
        "for IN ADP prep 1 for",
        "the DT DET det 5 the",
        "first JJ ADJ amod 5 first",
        "time NN NOUN pobj 2 time",
        "since IN SCONJ mark 9 since",
        "the DT DET det 8 the",
        "war NN NOUN nsubj 9 war",
        "started VBD VERB advcl 1 start",
        ". . PUNCT punct 1 .",
    )
    assert covered(since, "war", kind="battle") == ["HISTORICAL"]
    assert covered(since, "met", kind="diplomacy") == []  # the meeting itself is told
