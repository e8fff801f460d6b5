"""The event rules' word lists (patterns/en/event_words.jsonl) and the rules that read them on tokens.

Rules that need only the words run on spacy.blank("en"); rules that read the parse (a dependency, a tag)
run on the model's pipeline.
"""

import re
from pathlib import Path

import pytest
import spacy

from articles.extraction.context import load_rules
from articles.extraction.pipeline import get_pipeline
from articles.extraction.records import EVENT_TYPES
from articles.extraction.rules import event_background, event_cues, event_statements, event_words, events
from articles.jsonl import read_jsonl

WORDS_FILE = event_words.PATTERNS / "en" / "event_words.jsonl"
# the event rules, split by concern: the words and cue tables, background, cues, statements, the events
EVENT_RULES = (event_words, event_background, event_cues, event_statements, events)
BLANK = spacy.blank("en")


def _span(doc, words: str):
    start = doc.text.index(words)
    return doc.char_span(start, start + len(words), alignment_mode="expand")


def test_it_reads_every_list_on_the_lower_case_form_or_the_lemma():
    rows = read_jsonl(WORDS_FILE)
    source = "".join(Path(module.__file__ or "").read_text(encoding="utf-8") for module in EVENT_RULES)
    for row in rows:
        assert row["attr"] in event_words.WORD_ATTRIBUTES, row["name"]
        assert all(word == word.lower() for word in row.get("words", ())), row["name"]
        named = any(row["name"] in other.get("with", ()) for other in rows)
        assert f'WORDS["{row["name"]}"]' in source or named, f"{row['name']} is read by no rule"
    assert len({row["name"] for row in rows}) == len(rows)


def test_it_reads_the_habit_words_of_context_jsonl_and_adds_its_own():
    # "Putin has repeatedly discussed his desire to rebuild the Soviet Union" (p120, Fox News), "Russian officials
    # have continuously rejected offers for trilateral negotiations" (p192, ISW): the habit words of the context
    # rules, written once there, and those the event rules read besides
    context = {
        word
        for rule in load_rules(event_words.PATTERNS / "en" / "context.jsonl")
        if rule.category == "HABITUAL"
        for token in rule.pattern
        for word in token["LOWER"]["IN"]
    }
    assert context <= event_cues.HABITUAL
    assert {"repeatedly", "continuously"} <= event_cues.HABITUAL


def test_a_refusal_reads_the_future_auxiliaries_of_context_jsonl():
    # "The US will not supply Ukraine with rockets that can reach into Russia" (The Guardian): the words that open
    # context.jsonl's FUTURE rules, not a second list of them
    assert {"will", "shall", "'ll", "wo"} == event_cues.REFUSING_AUX


def test_a_list_with_another_holds_its_words():
    assert event_statements.HANDED_OVER_VERBS < event_cues.GIVING_VERBS
    assert events.SCENE_PREPOSITIONS < event_statements.CIRCUMSTANCE_PREPOSITIONS
    assert event_cues.REFUSING_AUX < event_cues.TALK_AHEAD_AUX


def test_it_refuses_a_list_read_on_another_attribute(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "event_words.jsonl").write_text('{"name": "A", "attr": "TEXT", "words": ["a"]}\n')
    monkeypatch.setattr(event_words, "PATTERNS", tmp_path)
    with pytest.raises(ValueError, match="TEXT"):
        event_words.load_words("xx")


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # p040 (The Guardian), p129 (a GB outlet): the war itself, no strike
        (
            "the US wanted the war to end with Russia so weakened it could not repeat its attack on Ukraine.",
            "attack",
            True,
        ),
        ("civilians detained in connection with their attack on Ukraine, summarily executing more", "attack", True),
        # made up: an attack on a country's grid is a strike
        ("The attack on Ukraine's power grid left millions in the dark.", "attack", False),
        ("The attack against Russia's airfields destroyed six jets.", "attack", False),
    ],
)
def test_it_reads_an_attack_on_the_country_itself_as_the_war(text, cue, expected):
    doc = BLANK(text)
    assert event_background._war_itself(doc, _span(doc, cue)) is expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # p053 (The Guardian), p181 (BBC News): the invasion named with its month
        (
            "the alliance having been revitalised and transformed by Russia’s unprovoked invasion of Ukraine in "
            "February.",
            "February",
            True,
        ),
        ("Vladimir Putin launched a full-scale invasion of Ukraine in February 2022.", "February 2022", True),
        # made up
        ("The invasion on 24 February began before dawn.", "24 February", True),
        ("He recalled the invasion of Ukraine, February 24, 2022, as the day the world changed.", "February 24", True),
        ("The invasion was planned for months before February 24.", "February 24", False),
    ],
)
def test_it_reads_the_invasion_told_with_its_date(text, date, expected):
    doc = BLANK(text)
    assert event_background._invasion_dated(doc, _span(doc, "invasion"), text.index(date)) is expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # p037 (The Guardian), p051 (The Guardian): where a span of time ends dates no happening
        (
            "A curfew in the southern port city of Odesa went into effect on Saturday evening until Monday evening.",
            "Monday",
            True,
        ),
        (
            "Sweden and Finland joining Nato after crunch talks ahead of Wednesday’s Nato summit in Madrid.",
            "Wednesday",
            True,
        ),
        # made up
        ("The troops must leave by March 1.", "March 1", True),
        ("The troops left the town on March 1.", "March 1", False),
    ],
)
def test_it_reads_the_end_of_a_span_of_time(text, date, expected):
    doc = BLANK(text)
    assert event_background._span_start(doc, doc[:], text.index(date)) is expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # p190 (OSV News), p183 (Reuters): the day an anniversary falls on
        ("The fourth anniversary of Russia’s full-scale invasion of Ukraine is Feb. 24.", "Feb. 24", True),
        ("Putin sees the war, which marks its third anniversary on February 24, as existential.", "February 24", True),
        # made up: "anniversary" too far back, or in the sentence before
        (
            "On the anniversary, the leaders who had gathered in Kyiv for the talks about aid to the army left "
            "the capital on Monday.",
            "Monday",
            False,
        ),
        ("The anniversary passed quietly. Drones struck Odesa on Monday.", "Monday", False),
    ],
)
def test_it_reads_the_date_of_an_anniversary(text, date, expected):
    doc = BLANK(text)
    assert event_background._anniversary(doc, doc[:], text.index(date)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p018 (The Guardian), p019 (The Guardian): a clause in the past perfect
        ("Biden said he had spoken to the Ukrainian president, Volodymyr Zelenskiy, on the phone.", True),
        ("The Élysée Palace said the Russian president had said he was willing to commit to ending attacks.", True),
        # made up
        ("Zelensky said on Saturday that forces had been pushed back from the town.", True),
        ("Zelensky said on Saturday that forces have regained the town.", False),
    ],
)
def test_it_finds_the_past_perfect_on_the_parse(text, expected):
    sent = next(get_pipeline()(text).sents)
    assert event_background._past_perfect(sent) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # p192 (ISW): a habit of rejecting is no rejection told
        ("Russian officials have continuously rejected offers for trilateral negotiations.", False),
        # made up: a habit word of context.jsonl
        ("Kyiv has usually rejected such offers.", False),
        ("Ukraine has rejected the demand.", True),
    ],
)
def test_it_reads_a_habit_of_rejecting_as_no_rejection(text, expected):
    doc = get_pipeline()(text)
    verb = next(token for token in doc if token.lemma_ == "reject")
    assert event_cues._proposal_rejected(verb) is expected


def test_no_english_word_is_left_in_a_regex_of_the_event_rules():
    # the layout regexes that stay read punctuation and photo credits' formats only
    source = "".join(Path(module.__file__ or "").read_text(encoding="utf-8") for module in EVENT_RULES)
    assert re.findall(r"^([A-Z_]+) = re\.compile", source, re.M) == [
        "HEADLINE_END", "PHOTO_CREDIT", "CREDIT_NEXT", "BARE_CREDIT"
    ]  # fmt: skip


def test_the_order_of_strength_ranks_every_event_type_once():
    # the types are SPEC.md's (articles/vocabulary.py); the rules keep only their order
    assert sorted(event_words.TYPE_ORDER) == sorted(EVENT_TYPES)


def test_the_aid_cue_reads_the_handed_over_verbs_and_its_own():
    # events.jsonl's NEAR_AID names HANDED_OVER_VERBS ("with") and adds announcing, approving, allocating:
    # "the city allocated 15 million Hryvnia for military brigades" (p138, TVN24)
    (aid,) = [cue for cue in event_words.CUE_PATTERNS if cue["label"] == "NEAR_AID"]
    forms = set(aid["pattern"][0]["LOWER"]["IN"])
    assert {"shipped", "donated", "handed"} - forms == {"handed"}
    assert {"announced", "approved", "allocated"} <= forms
    assert all(verb in forms for verb in event_statements.HANDED_OVER_VERBS)


def test_the_clause_markers_share_the_time_conjunctions():
    # "since Russia invaded Ukraine in February 2022, ... have fled"; "returned to Kyiv after Russian forces
    # withdrew from the Ukrainian capital": one list of time conjunctions, each list its own words besides; a clause of
    # "before" tells no happening of its own (tests/extraction/test_subordinate_history.py)
    time = event_words.WORDS["TIME_CONJUNCTIONS"]
    assert time <= events.CLAUSE_MARKERS
    assert time - events.OWN_CLAUSE_MARKERS == {"before"}
    assert events.CLAUSE_MARKERS - time == {"since"}
    assert events.OWN_CLAUSE_MARKERS - time == {"once", "until"}
