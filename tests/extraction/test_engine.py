"""The engine's shape: no Django, one pipeline per process, gazetteer ruler before the NER, cue matcher."""

import datetime
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest
from spacy.pipeline import EntityRuler, SpanRuler

from articles.extraction import components, extract, extract_many, pipeline

ROOT = Path(__file__).resolve().parents[2]


def test_the_package_imports_nothing_from_django():
    code = (
        "import sys, datetime\n"
        "import articles.extraction as engine\n"
        "from articles.extraction import bench, cleaning, components, countries, dates, gazetteer, numbers\n"
        "from articles.extraction import pipeline, records\n"
        "from articles.extraction.rules import events, losses, pledges\n"
        "result = engine.extract('Russian shelling killed three civilians in Kharkiv on Monday.', "
        "datetime.date(2023, 1, 5))\n"
        "assert result.losses, result\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_the_pipeline_is_built_once_per_process(monkeypatch):
    first = pipeline.get_pipeline()

    def no_second_build(name=None):
        raise AssertionError("the pipeline was built a second time")

    monkeypatch.setattr(pipeline, "build_pipeline", no_second_build)
    assert pipeline.get_pipeline() is first
    extract("Kyiv was quiet.", datetime.date(2023, 1, 5))
    extract_many(["Kyiv was quiet.", "Odesa was quiet."])


def test_a_new_pipeline_is_frozen_out_of_the_garbage_collectors_walks_once(monkeypatch):
    frozen = []
    monkeypatch.setattr(pipeline.gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(pipeline, "_pipelines", {})
    built = object()
    monkeypatch.setattr(pipeline, "build_pipeline", lambda name=None: built)
    assert pipeline.get_pipeline("another_model") is built
    assert pipeline.get_pipeline("another_model") is built
    assert frozen == [True]


def test_the_words_the_rulers_phrases_were_split_into_leave_the_tokenizer_cache():
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    tokenizer: Any = nlp.tokenizer  # a spacy.tokenizer.Tokenizer (a compiled module without type stubs)
    searched = []
    search = tokenizer.prefix_search

    def counted(text):
        searched.append(text)
        return search(text)

    tokenizer.prefix_search = counted
    # the gazetteer's phrases: more words than the cache keeps
    tokenizer(" ".join(f"Place{number}" for number in range(tokenizer.max_cache_size + 10)))
    pipeline._empty_tokenizer_cache(nlp)
    tokenizer("Bakhmut")
    searched.clear()
    tokenizer("Bakhmut")
    # a word split once is read from the cache: the tokenizer does not search it again
    assert searched == []


def test_the_gazetteer_entity_ruler_stands_before_the_ner_and_the_cue_matcher_after_it():
    nlp = pipeline.get_pipeline()
    names = nlp.pipe_names
    assert isinstance(nlp.get_pipe("gazetteer_ruler"), EntityRuler)
    assert names.index("gazetteer_ruler") < names.index("ner")
    assert names.index("line_breaks") < names.index("parser")
    assert names[-3:] == ["warboard_cues", "warboard_agents", "pledge_ruler"]
    # the cues are marked by spaCy's own span_ruler (issue 8: it replaces the hand-made cue matcher)
    assert isinstance(nlp.get_pipe("warboard_cues"), SpanRuler)
    assert cast(SpanRuler, nlp.get_pipe("warboard_cues")).key == "cues"
    agents = nlp.get_pipe("warboard_agents")
    assert isinstance(agents, components.AgentMatcher)
    assert type(agents.matcher).__name__ == "DependencyMatcher"
    bare = set(pipeline.load_model().pipe_names)
    assert set(names) - bare == {"line_breaks", "gazetteer_ruler", "warboard_cues", "warboard_agents", "pledge_ruler"}


def test_the_ruler_labels_places_countries_and_systems_from_the_gazetteers():
    doc = pipeline.get_pipeline()("The Kremlin said Leopard 2 tanks had reached Kostyantynivka near Kharkov.")
    ents = {(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents}
    assert ("Kostyantynivka", "PLACE", "Kostiantynivka") in ents
    assert ("Kharkov", "PLACE", "Kharkiv") in ents
    assert ("Leopard 2", "EQUIPMENT", "Leopard 2") in ents
    assert ("The Kremlin", "COUNTRY", "RU:capital") in ents


def test_the_cue_matcher_marks_loss_and_event_cues():
    doc = pipeline.get_pipeline()("A missile strike killed 12 people and wounded 30.")
    labels = {(span.text.lower(), span.label_) for span in doc.spans["cues"]}
    assert ("killed", "LOSS_KILLED") in labels
    assert ("wounded", "LOSS_WOUNDED") in labels
    assert ("missile strike", "EVENT_STRIKE") in labels


def test_the_cue_matcher_marks_pledge_cues():
    doc = pipeline.get_pipeline()("Norway will supply two F-16 jets; the tanks would be in Ukraine by March.")
    cues = {span.text.lower() for span in doc.spans["cues"] if span.label_ == "PLEDGE_CUE"}
    assert cues == {"supply", "be in ukraine"}


def test_the_dependency_matcher_marks_the_party_that_destroys():
    doc = pipeline.get_pipeline()(
        "Ukrainian soldiers destroyed two Russian tanks, and Russia's air defences downed 12 drones."
    )
    assert [span.text for span in doc.spans["agents"]] == ["Ukrainian", "Russia"]


def test_only_calendar_date_expressions_are_parsed_as_calendar_dates(monkeypatch):
    from articles.extraction import dates

    seen = []
    real = dates.calendar_date

    def spy(expression, base):
        seen.append(expression)
        return real(expression, base)

    monkeypatch.setattr(dates, "calendar_date", spy)
    text = (
        "On Wednesday, 12 people were killed in Kharkiv. A day later, Russia attacked Odesa. "
        "The invasion began on 24 February 2022."
    )
    extract(text, datetime.date(2023, 1, 5))
    assert seen == ["24 February 2022"]


def test_a_calendar_date_naming_a_real_day_is_read_without_dateparser(monkeypatch):
    from articles.extraction import dates

    base = datetime.date(2024, 3, 5)
    expressions = ["24 February 2022", "February 24, 2022", "Sept 1st 2023", "1 Jan, 2024", "2022-02-24", "29 Feb 2024"]
    # dateparser's reading of each, before it is forbidden
    expected = {text: dates._dateparser.__wrapped__(text, base, "past") for text in expressions}
    parsed = []

    def spy(expression, base, prefer):
        parsed.append(expression)
        return None

    monkeypatch.setattr(dates, "_dateparser", spy)
    assert {text: dates.calendar_date(text, base) for text in expressions} == expected
    assert parsed == []
    # a day that does not exist is still left to dateparser
    assert dates.calendar_date("29 February 2023", base) is None
    assert dates.calendar_date("2023-13-01", base) is None
    assert parsed == ["29 February 2023", "2023-13-01"]


def test_the_model_name_is_written_once_in_the_pipeline(monkeypatch):
    monkeypatch.delenv("WARBOARD_SPACY_MODEL", raising=False)
    assert pipeline.model_name() == pipeline.DEFAULT_MODEL
    # settings.py, the Makefile and docker-compose pass the variable through and add no default.
    for name in ("warboard/settings.py", "Makefile", "docker-compose.yml"):
        assert pipeline.DEFAULT_MODEL not in (ROOT / name).read_text(encoding="utf-8"), name


def test_a_missing_model_raises_a_clear_error(monkeypatch):
    monkeypatch.setenv("WARBOARD_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(pipeline.ModelMissing, match="no_such_model_xyz.*is not installed"):
        pipeline.load_model()


def test_the_gazetteer_ruler_marks_entities_without_counting_its_patterns_per_document(monkeypatch):
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("warboard_gazetteer_ruler")
    assert isinstance(ruler, components.GazetteerRuler)
    ruler.add_patterns([{"label": "PLACE", "pattern": "Kyiv", "id": "Kyiv"}])

    def no_count(self):
        raise AssertionError("the patterns were counted")

    monkeypatch.setattr(components.GazetteerRuler, "__len__", no_count)
    doc = nlp("Drones hit Kyiv.")
    assert [(ent.text, ent.label_, ent.ent_id_, ent.start_char) for ent in doc.ents] == [("Kyiv", "PLACE", "Kyiv", 11)]


def test_a_gazetteer_ruler_without_patterns_still_warns():
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    nlp.add_pipe("warboard_gazetteer_ruler")
    with pytest.warns(UserWarning, match="W036"):
        nlp("Drones hit Kyiv.")


def test_a_line_break_starts_a_sentence_and_a_space_does_not():
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    nlp.add_pipe("line_breaks")
    doc = nlp("Talks resume in Istanbul\nThe delegations met on Monday.  Then they left.\n\nEnd")
    starts = [token.text for token in doc if token.is_sent_start]
    assert starts == ["Talks", "The", "End"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # pool p044 (The Guardian, a live blog) and p146 (TVN24, machine-translated): sentences glued when scraped
        (
            "All evacuees will be returned home through exchanges, Malyar said.Hundreds of Ukrainian troops left.",
            ["said", ".", "Hundreds"],
        ),
        ("795 days ago, Russia's armed invasion of Ukraine began.The Russian forces attacked.", ["began", ".", "The"]),
        # pool p103 (Gazeta.pl, machine-translated)
        ("a weapon is to be handed over to Ukraine from the USA.Joe Biden emphasized", ["USA", ".", "Joe"]),
        # made up
        ("The talks ended.Nothing was agreed.", ["ended", ".", "Nothing"]),
    ],
)
def test_a_full_stop_glued_to_the_next_sentence_is_split_off(text, words):
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    pipeline._split_glued_sentences(nlp)
    tokens = [token.text for token in nlp(text)]
    assert any(tokens[i : i + 3] == words for i in range(len(tokens)))


@pytest.mark.parametrize("word", ["U.S.Army", "mil.gov.ua", "e.g.", "Dr.", "www.president.gov.ua"])
def test_abbreviations_and_addresses_keep_their_full_stops(word):
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    pipeline._split_glued_sentences(nlp)
    assert word in [token.text for token in nlp(f"He cited {word} today.")]


def test_glued_sentences_are_two_sentences_in_the_pipeline():
    nlp = pipeline.get_pipeline()
    doc = nlp("Malyar said.Hundreds of Ukrainian troops were evacuated from the Azovstal steelworks on Monday.")
    assert [sent.text for sent in doc.sents] == [
        "Malyar said.",
        "Hundreds of Ukrainian troops were evacuated from the Azovstal steelworks on Monday.",
    ]


def test_the_anchored_matcher_finds_what_spacys_matcher_finds_from_the_first_possible_token(monkeypatch):
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    patterns: list[tuple[str, list[dict]]] = [
        ("if", [{"LOWER": "if"}]),
        ("would_make", [{"LOWER": "would", "TAG": "MD"}, {"LEMMA": {"IN": ["make", "help"]}}]),
        ("anywhere", [{"ORTH": ",", "OP": "?"}, {"LOWER": "talks"}]),
        ("money", [{"ENT_TYPE": "MONEY", "OP": "+"}, {"LOWER": "aid"}]),
    ]
    anchored, full = _anchored_and_full(nlp.vocab, patterns)
    doc = nlp("Leaders met , talks began and aid arrived . If talks fail , it would help Russia .")
    for token in doc:
        token.tag_ = "MD" if token.lower_ == "would" else "NN"
        token.lemma_ = token.lower_
    sents = [doc[0:9], doc[9:19]]
    tried = _spy_on_subsets(monkeypatch)
    found = [anchored(sent) for sent in sents]
    assert found == [_in_order(full(sent)) for sent in sents]
    assert [[nlp.vocab.strings[key] for key, _s, _e in matches] for matches in found] == [
        ["anywhere", "anywhere"],
        ["if", "anywhere", "would_make"],
    ]
    # the first sentence holds no "if", "would" or money: only the pattern that can begin anywhere is run; in the
    # second, "if" and "would help" (patterns of fixed words) are read in the array, not run by a Matcher
    assert tried == [(2,), (2,)]


def test_the_anchored_matcher_anchors_a_pattern_on_the_first_token_that_names_its_words(monkeypatch):
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    # aid_kinds.jsonl: "155 mm shells" (a digit, then the words); dates.jsonl: "43 days since"
    patterns: list[tuple[str, list[dict]]] = [
        ("calibre", [{"IS_DIGIT": True}, {"LOWER": "mm"}, {"LOWER": "shells"}]),
        ("days_since", [{"LIKE_NUM": True}, {"LOWER": {"IN": ["days", "weeks"]}}, {"LOWER": "since"}]),
    ]
    anchored, full = _anchored_and_full(nlp.vocab, patterns)
    assert anchored.anywhere == []
    # made up: the anchor word first in the sentence cannot begin a match; later ones do
    doc = nlp("mm shells : Germany sent 2,000 155 mm shells , 43 days since the war began . Weeks since then .")
    sents = [doc[0:17], doc[17:]]
    tried = _spy_on_subsets(monkeypatch)
    found = [anchored(sent) for sent in sents]
    assert found == [_in_order(full(sent)) for sent in sents]
    assert [(nlp.vocab.strings[key], doc[s:e].text) for key, s, e in found[0]] == [
        ("calibre", "155 mm shells"),
        ("days_since", "43 days since"),
    ]
    # "Weeks" opens the second sentence: no number can stand before it, so no pattern is run there
    assert tried == [(0, 1)]


def test_the_anchored_matcher_runs_no_pattern_whose_required_words_are_missing(monkeypatch):
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    # pledges.jsonl anchors "will be given" on "will", the commonest of its words
    patterns: list[tuple[str, list[dict]]] = [
        ("will_send", [{"LOWER": "will"}, {"LOWER": "also", "OP": "?"}, {"LEMMA": {"IN": ["send", "give"]}}]),
        ("will_be_sent", [{"LOWER": "will"}, {"LOWER": "be"}, {"LOWER": "sent"}]),
        ("talks", [{"LOWER": "the", "OP": "?"}, {"LOWER": "talks"}]),
    ]
    anchored, full = _anchored_and_full(nlp.vocab, patterns)
    # made up
    doc = nlp("Germany will also send tanks . The talks will go on . It will rain .")
    for token in doc:
        token.lemma_ = token.lower_
    sents = [doc[0:6], doc[6:12], doc[12:]]
    tried = _spy_on_subsets(monkeypatch)
    found = [anchored(sent) for sent in sents]
    assert found == [_in_order(full(sent)) for sent in sents]
    assert [[sent[s:e].text for _key, s, e in matches] for sent, matches in zip(sents, found, strict=True)] == [
        ["will also send"],
        ["The talks", "talks"],
        [],
    ]
    # "will" without "be sent", or without a giving verb, runs neither "will" pattern; the last sentence none
    assert tried == [(0,), (2,)]


def test_the_anchored_matcher_runs_a_few_patterns_one_by_one_until_their_set_is_met_often():
    import spacy  # noqa: PLC0415

    nlp = spacy.blank("en")
    words = [f"word{number}" for number in range(components.ALONE_AT_MOST + 1)]
    patterns: list[tuple[str, list[dict]]] = [(word, [{"LOWER": word}, {"LOWER": "x", "OP": "?"}]) for word in words]
    anchored, full = _anchored_and_full(nlp.vocab, patterns)
    few = " ".join(reversed(words[:2])) + " x"
    many = " ".join(words) + " x"
    for met in range(1, components.SUBSET_AFTER + 1):
        for text in (few, many):
            doc = nlp(text)
            assert anchored(doc[:]) == _in_order(full(doc[:]))
        # a set met fewer than SUBSET_AFTER times has no Matcher of its own; a few patterns are run alone
        assert ((0, 1) in anchored.subsets) == (met == components.SUBSET_AFTER)
        assert set(anchored.alone) == {0, 1}


def _anchored_and_full(vocab, patterns: list[tuple[str, list[dict]]]):
    """An AnchoredMatcher of the patterns and spaCy's Matcher of the same, each pattern under its own key."""
    from spacy.matcher import Matcher  # noqa: PLC0415

    full = Matcher(vocab)
    for key, pattern in patterns:
        full.add(key, [pattern])
    return components.AnchoredMatcher(vocab, patterns), full


def _in_order(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spaCy's matches by start and end (the keys of these tests are in pattern order as well)."""
    return sorted(matches, key=lambda match: (match[1], match[2]))


def _spy_on_subsets(monkeypatch) -> list:
    """The sets of patterns the AnchoredMatcher runs, in the order it runs them."""
    tried = []
    subset = components.AnchoredMatcher._subset

    def spied(self, chosen):
        tried.append(chosen)
        return subset(self, chosen)

    monkeypatch.setattr(components.AnchoredMatcher, "_subset", spied)
    return tried
