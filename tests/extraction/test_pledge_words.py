"""The pledge rules' word lists (patterns/en/pledge_words.jsonl), read as event_words.jsonl is (one loader,
rules/event_words.py `load_words`); a list that is the same fact as one of event_words.jsonl extends it ("with")."""

import pytest

from articles.extraction.rules import event_statements, event_words, pledges
from articles.jsonl import read_jsonl

WORDS_FILE = event_words.PATTERNS / "en" / "pledge_words.jsonl"
CASED = ("ORTH", "COUNTRY")


def test_every_list_is_read_by_a_rule_on_one_attribute():
    rows = read_jsonl(WORDS_FILE)
    source = (event_words.PATTERNS.parent / "rules" / "pledges.py").read_text(encoding="utf-8")
    for row in rows:
        assert row["attr"] in event_words.WORD_ATTRIBUTES, row["name"]
        if row["attr"] not in CASED:
            assert all(word == word.lower() for word in row.get("words", ())), row["name"]
        named = any(row["name"] in other.get("with", ()) for other in rows)
        assert f'WORDS["{row["name"]}"]' in source or named, f"{row['name']} is read by no rule"
    assert len({row["name"] for row in rows}) == len(rows)
    # no list of the pledge rules takes the name of an event rules' list: "with" reads one of them
    assert not {row["name"] for row in rows} & set(event_words.WORDS)


def test_the_giving_lemmas_are_the_verbs_of_handing_over_and_of_promising():
    # "Berlin ... artillery weapons, and Britain's prime minister ... also promised more artillery weapons": the
    # verbs of handing over of event_words.jsonl ("provide", "send" ...), written there once, and "promise"
    assert event_statements.HANDED_OVER_VERBS < pledges.GIVING_LEMMAS
    assert {"promise", "pledge", "announce"} <= pledges.GIVING_LEMMAS


def test_a_list_with_another_holds_its_words():
    assert pledges.UNNAMED_LAST < pledges.UNNAMED_NEXT
    assert pledges.TRADERS_WITH_RUSSIA < pledges.RUSSIA_SUPPLIERS
    assert pledges.PERSON_PRONOUNS < pledges.SPEAKING_PRONOUNS


def test_the_package_words_are_those_of_the_pledges_jsonl_rule_of_a_package_in_preparation():
    # "Washington is preparing another weapons aid package" (dev seed-000): the rule's words, written once there
    assert pledges._package_lemmas() == {"package", "tranche"}


def test_a_list_may_extend_one_of_the_known_lists(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "pledge_words.jsonl").write_text(
        '{"name": "MINE", "attr": "LEMMA", "with": ["KNOWN"], "words": ["b"]}\n'
    )
    monkeypatch.setattr(event_words, "PATTERNS", tmp_path)
    words = event_words.load_words("xx", "pledge_words.jsonl", known={"KNOWN": frozenset(["a"])})
    assert words == {"MINE": frozenset(["a", "b"])}
    with pytest.raises(KeyError):
        event_words.load_words("xx", "pledge_words.jsonl")


def test_the_cue_words_hold_the_lemmas_written_forms_and_the_others():
    # "Norway will supply two F-16 fighter jets" (the lemma's forms), "Germany gave Ukraine tanks" (a form of its
    # own), "The US is prepping another $800 million military assistance package" (CNN p064)
    cue, rule_cue = (pledges.CUE_PATTERNS[at]["pattern"][0]["LOWER"]["IN"] for at in (0, 2))
    assert {"supply", "supplies", "supplied", "supplying", "gave", "greenlit"} <= set(cue)
    assert {"pass", "passed", "prepping", "spent"} <= set(rule_cue)
