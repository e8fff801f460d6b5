"""Warboard's spaCy components and the extensions they fill.

- "gazetteer_ruler" is spaCy's own EntityRuler, placed before the statistical
  NER so its COUNTRY, PLACE and EQUIPMENT spans win; the pipeline builder
  feeds it the gazetteers (patterns as data, see `gazetteer_patterns`).
- "warboard_cues" is a Matcher over token patterns kept as data
  (`rules.losses.CUE_PATTERNS`, the event cues of patterns/en/events.jsonl read
  by `rules.events.load_cues`); it puts
  every cue in `doc.spans["cues"]`, labelled "LOSS_KILLED", "EVENT_STRIKE"...,
  so the rules read them per sentence instead of searching the text again.
- "warboard_agents" is a DependencyMatcher over patterns kept as data in
  `rules.losses.AGENT_PATTERNS`: the party whose forces destroy or down what a
  count counts ("Ukrainian soldiers destroyed ..."), in `doc.spans["agents"]`.
- "warboard_sentence_ruler" is a span_ruler over patterns kept as data
  (`patterns/en/pledges.jsonl`), run only on sentences holding a cue of its
  labels; the pledge triggers go to `doc.spans["pledge_triggers"]`.

Extensions are registered once, at import:

    Span._.code    the country code / place name behind a gazetteer entity
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from articles.extraction import countries, gazetteer
from articles.jsonl import read_jsonl

GAZETTEERS = Path(__file__).resolve().parent / "gazetteers"


def _span_code(span: Span) -> str | None:
    if span.label_ == "COUNTRY" and span.ent_id_:
        return span.ent_id_.split(":", 1)[0]
    if span.label_ in ("PLACE", "EQUIPMENT") and span.ent_id_:
        return span.ent_id_
    return None


if not Span.has_extension("code"):
    Span.set_extension("code", getter=_span_code)


@lru_cache(maxsize=1)
def place_names() -> dict[str, tuple[str, str | None]]:
    """Every written form of a place -> (gazetteer name, country code)."""
    rows = read_jsonl(GAZETTEERS / "places.jsonl")
    forms: dict[str, tuple[str, str | None]] = {}
    # Curated rows (oblasts, corrections) first: their spellings win.
    curated = read_jsonl(GAZETTEERS / "curated_places.jsonl")
    for row in [*curated, *rows]:
        name = row["name"]
        for form in (name, *(row.get("alt_names") or row.get("aliases") or ())):
            if form and form[0].isupper():
                forms.setdefault(form, (name, row.get("country")))
    return forms


def gazetteer_patterns() -> list[dict]:
    """Patterns for the EntityRuler: places, countries and equipment."""
    patterns: list[dict] = []
    country_forms = countries.surface_forms()
    for form, (name, _country) in place_names().items():
        # A country is never a place ("Georgia", "Luxembourg"); its capital is both.
        if form in country_forms and country_forms[form][1] != "capital":
            continue
        patterns.append({"label": "PLACE", "pattern": form, "id": name})
    patterns.extend(countries.ruler_patterns())
    # Every system's names and their plurals ("F-16s"); a name that is also a word ("Archer") only
    # through its qualified aliases. The pledge rules read these spans instead of a regex of their own.
    patterns.extend(gazetteer.equipment_patterns())
    return patterns


@Language.factory("warboard_gazetteer_ruler", default_config={"overwrite_ents": True, "validate": False})
def make_gazetteer_ruler(nlp: Language, name: str, overwrite_ents: bool, validate: bool) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, overwrite_ents=overwrite_ents, validate=validate)


class GazetteerRuler(EntityRuler):
    """spaCy's EntityRuler, without the count of its patterns it makes for every document.

    EntityRuler keys its phrase patterns by label and id, so its check that it has patterns at
    all walks ten thousand keys per document (about 5% of the time extraction adds to the
    statistical pipeline); an empty dict says the same at once.
    """

    def _require_patterns(self) -> None:
        if not self.phrase_patterns and not self.token_patterns:
            super()._require_patterns()


@Language.factory("warboard_cues", default_config={"patterns": []})
def make_cue_matcher(nlp: Language, name: str, patterns: list[dict]) -> CueMatcher:
    return CueMatcher(nlp, patterns)


class CueMatcher:
    """Mark cue phrases (loss verbs, event nouns) in doc.spans["cues"].

    Patterns are token patterns on LOWER ({"LOWER": "death"}, {"LOWER": {"IN": [...]}});
    they are expanded into phrases for a PhraseMatcher, which on this model runs an
    order of magnitude faster than the token Matcher.
    """

    def __init__(self, nlp: Language, patterns: list[dict]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        phrases: dict[str, set[str]] = {}
        for entry in patterns:
            choices = []
            for token in entry["pattern"]:
                value = token["LOWER"]
                choices.append(value["IN"] if isinstance(value, dict) else [value])
            for words in itertools.product(*choices):
                phrases.setdefault(entry["label"], set()).add(" ".join(words))
        for label, texts in phrases.items():
            self.matcher.add(label, [nlp.make_doc(text) for text in sorted(texts)])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans["cues"] = [Span(doc, start, end, label=label) for label, start, end in self.matcher(doc)]
        return doc


@Language.factory("warboard_agents", default_config={"patterns": []})
def make_agent_matcher(nlp: Language, name: str, patterns: list[dict]) -> AgentMatcher:
    return AgentMatcher(nlp, patterns)


class AgentMatcher:
    """Mark the parties that act on a loss verb in doc.spans["agents"] with a DependencyMatcher.

    Patterns are spaCy DependencyMatcher patterns kept as data in `rules.losses.AGENT_PATTERNS`;
    the token named "party" of each match becomes a one-token span labelled with the pattern's label.
    """

    def __init__(self, nlp: Language, patterns: list[dict]):
        self.matcher = DependencyMatcher(nlp.vocab)
        self.party_at: dict[int, int] = {}
        for number, entry in enumerate(patterns):
            key = f"{entry['label']}_{number}"
            self.matcher.add(key, [entry["pattern"]])
            ids = [node["RIGHT_ID"] for node in entry["pattern"]]
            self.party_at[nlp.vocab.strings[key]] = ids.index("party")
            self.label = entry["label"]

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        seen = set()
        for match_id, tokens in self.matcher(doc):
            token = tokens[self.party_at[match_id]]
            if token not in seen:
                seen.add(token)
                spans.append(Span(doc, token, token + 1, label=self.label))
        doc.spans["agents"] = sorted(spans, key=lambda span: span.start)
        return doc


@Language.factory("warboard_sentence_ruler", default_config={"patterns": [], "spans_key": "ruled", "cues": []})
def make_sentence_ruler(
    nlp: Language, name: str, patterns: list[dict], spans_key: str, cues: list[str]
) -> SentenceRuler:
    return SentenceRuler(nlp, patterns, spans_key, cues)


class SentenceRuler:
    """spaCy's span_ruler, run only on the sentences that hold a cue of the given labels.

    Patterns are span_ruler patterns ({"label", "pattern", "id"}: token patterns on LEMMA, POS,
    DEP, ENT_TYPE); matches go to doc.spans[spans_key] with their label and id. The cue matcher
    (a PhraseMatcher) has already found the sentences worth matching, which keeps the token Matcher
    off most of the article.
    """

    def __init__(self, nlp: Language, patterns: list[dict], spans_key: str, cues: list[str]):
        self.matcher = Matcher(nlp.vocab, validate=True)
        self.spans_key, self.cues = spans_key, set(cues)
        self.keys: dict[int, tuple[str, str]] = {}
        for entry in patterns:
            key = f"{entry['label']}|{entry.get('id', '')}"
            self.matcher.add(key, [entry["pattern"]])
            self.keys[nlp.vocab.strings[key]] = (entry["label"], entry.get("id", ""))

    def __call__(self, doc: Doc) -> Doc:
        starts = {span.sent.start for span in doc.spans.get("cues", []) if span.label_ in self.cues}
        spans = []
        for sent in doc.sents:
            if sent.start not in starts:
                continue
            for match_id, start, end in self.matcher(sent):
                label, rule = self.keys[match_id]
                spans.append(Span(doc, sent.start + start, sent.start + end, label=label, span_id=rule))
        doc.spans[self.spans_key] = spans
        return doc


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and tally lines stand alone.

    The tokenizer keeps line breaks in space tokens of their own (a token's trailing whitespace is
    one space at most), so only those are read, found in one array rather than token by token.
    """
    last = len(doc) - 1
    for index in numpy.flatnonzero(doc.to_array("IS_SPACE")):
        if index < last and "\n" in doc[int(index)].text:
            doc[int(index) + 1].is_sent_start = True
    return doc
