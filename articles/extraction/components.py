"""Warboard's spaCy components and the extensions they fill.

- "gazetteer_ruler" is spaCy's own EntityRuler, placed before the statistical
  NER so its COUNTRY, PLACE and EQUIPMENT spans win; the pipeline builder
  feeds it the gazetteers (patterns as data, see `gazetteer_patterns`).
- "warboard_cues" is spaCy's span_ruler over the cue patterns kept as data
  (patterns/en/losses.jsonl, events.jsonl and the pledge cues, token patterns on
  LOWER written out as phrases by `cue_phrases`; `add_cue_ruler` adds it); it puts
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
from typing import cast

import numpy
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.parts_of_speech import IDS as POS_IDS  # type: ignore[import-not-found]
from spacy.pipeline import EntityRuler, SpanRuler
from spacy.tokens import Doc, Span

from articles.extraction import countries, gazetteer
from articles.jsonl import read_jsonl

GAZETTEERS = Path(__file__).resolve().parent / "gazetteers"
CUES_KEY = "cues"


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


def cue_phrases(patterns: list[dict]) -> list[dict]:
    """span_ruler phrase patterns for token patterns on LOWER: every phrase each one matches.

    Cue patterns ({"LOWER": "death"}, {"LOWER": {"IN": [...]}}) are written out as phrases for
    the span_ruler's PhraseMatcher, which on this model runs an order of magnitude faster than
    its token Matcher.
    """
    phrases: dict[str, set[str]] = {}
    for entry in patterns:
        choices = []
        for token in entry["pattern"]:
            value = token["LOWER"]
            choices.append(value["IN"] if isinstance(value, dict) else [value])
        for words in itertools.product(*choices):
            phrases.setdefault(entry["label"], set()).add(" ".join(words))
    return [{"label": label, "pattern": text} for label, texts in phrases.items() for text in sorted(texts)]


def add_cue_ruler(nlp: Language, patterns: list[dict], name: str = "warboard_cues") -> SpanRuler:
    """spaCy's span_ruler at the end of the pipeline, marking cue phrases (loss verbs, event nouns,
    pledge words) in doc.spans["cues"], labelled "LOSS_KILLED", "EVENT_STRIKE"..."""
    ruler = cast(
        SpanRuler,
        nlp.add_pipe(
            "span_ruler",
            name=name,
            config={"spans_key": CUES_KEY, "phrase_matcher_attr": "LOWER", "validate": False, "overwrite": True},
            last=True,
        ),
    )
    # The phrases are read by the tokenizer alone, not by the statistical components before the ruler.
    with nlp.select_pipes(enable=[name]):
        ruler.add_patterns(cue_phrases(patterns))
    return ruler


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


@Language.factory(
    "warboard_sentence_ruler", default_config={"patterns": [], "spans_key": "ruled", "cues": [], "apart": []}
)
def make_sentence_ruler(
    nlp: Language, name: str, patterns: list[dict], spans_key: str, cues: list[str], apart: list[str]
) -> SentenceRuler:
    return SentenceRuler(nlp, patterns, spans_key, cues, apart)


class SentenceRuler:
    """spaCy's span_ruler, run only on the sentences that hold a cue of the given labels.

    Patterns are span_ruler patterns ({"label", "pattern", "id"}: token patterns on LEMMA, POS,
    DEP, ENT_TYPE); matches go to doc.spans[spans_key] with their label and id. The cue matcher
    (the span_ruler "warboard_cues") has already found the sentences worth matching, which keeps the
    token Matcher off most of the article.
    """

    def __init__(
        self, nlp: Language, patterns: list[dict], spans_key: str, cues: list[str], apart: list[str] | None = None
    ):
        self.spans_key, self.cues = spans_key, set(cues)
        self.keys: dict[int, tuple[str, str]] = {}
        keyed = []
        for entry in patterns:
            key = f"{entry['label']}|{entry.get('id', '')}"
            keyed.append((key, entry["pattern"]))
            self.keys[nlp.vocab.strings.add(key)] = (entry["label"], entry.get("id", ""))
        # one Matcher per label kept apart: its patterns do not multiply the sets of patterns the others meet
        groups: dict[str, list] = {}
        for entry, (key, pattern) in zip(patterns, keyed, strict=True):
            groups.setdefault(entry["label"] if entry["label"] in (apart or []) else "", []).append((key, pattern))
        self.matchers = [AnchoredMatcher(nlp.vocab, group, validate=True) for group in groups.values()]

    def __call__(self, doc: Doc) -> Doc:
        starts = {span.sent.start for span in doc.spans.get("cues", []) if span.label_ in self.cues}
        spans = []
        for sent in doc.sents:
            if sent.start not in starts:
                continue
            for matcher in self.matchers:
                for match_id, start, end in matcher(sent):
                    label, rule = self.keys[match_id]
                    spans.append(Span(doc, sent.start + start, sent.start + end, label=label, span_id=rule))
        doc.spans[self.spans_key] = spans
        return doc


# The token attributes a pattern's first token is read on, and their columns in `AnchoredMatcher`'s array.
ANCHOR_COLUMNS = ("LOWER", "LEMMA", "ORTH", "TAG", "POS", "DEP", "ENT_TYPE")
ANCHOR_ATTRS = {**{name: name for name in ANCHOR_COLUMNS}, "TEXT": "ORTH"}
# How many Matchers of a few patterns each are kept (one per set of patterns a sentence can match),
# and how many sentences must have asked for one set before its Matcher is built.
SUBSET_MATCHERS = 1024
SUBSET_AFTER = 3
# How many patterns, at most, are run one by one rather than by the Matcher of all of them.
ALONE_AT_MOST = 16


def _optional(op: str | None) -> bool:
    """Whether a token pattern's operator lets it match no token ("?", "*", "{0,2}") or negates it ("!")."""
    return op in ("?", "*", "!") or bool(op and op.startswith(("{0", "{,")))


class AnchoredMatcher:
    """spaCy's Matcher over one sentence, run only from the tokens where a pattern can begin.

    The Matcher tries every pattern at every token, and its cost grows with both; most sentences
    hold the first word of few patterns, or none. A pattern's first token (when it is not
    optional) names the words it can begin at ({"LEMMA": {"IN": [...]}}, {"LOWER": "if"},
    {"TAG": "MD"}, ...): the sentence is matched only with the patterns whose first token it
    holds, from the first such token on, and only those whose every required token (not optional) can
    find its words in the sentence. The matches are the full Matcher's, ordered by their start,
    their end and the order of the patterns (the Matcher's own order follows its inner states).

    A set of patterns that sentences have met several times gets a Matcher of its own; until then
    a few patterns are run one by one, each from its own anchor (a Matcher of one pattern is cheap
    to run and is built once), and many patterns by the Matcher of all of them.
    """

    def __init__(self, vocab, patterns: list[tuple[str, list[dict]]], validate: bool = False):
        self.vocab = vocab
        self.patterns = patterns
        # Built once with every pattern: a malformed pattern fails here, at start-up.
        self.matcher = Matcher(vocab, validate=validate)
        for key, pattern in patterns:
            self.matcher.add(key, [pattern])
        # Patterns by the value of their anchor token's most telling attribute: column -> value ->
        # [(pattern number, the anchor's other conditions, its offset in the pattern)]; `anywhere` can
        # begin at any token.
        self.anywhere: list[int] = []
        starts: dict[int, dict[int, list]] = {}
        for number, (_key, pattern) in enumerate(patterns):
            anchor = self._anchor(pattern)
            if not anchor:
                self.anywhere.append(number)
                continue
            offset, ((column, values), *rest) = anchor
            for value in values:
                starts.setdefault(column, {}).setdefault(value, []).append((number, tuple(rest), offset))
        self.starts = list(starts.items())
        self.required = [self._required(pattern) for _key, pattern in patterns]
        # The patterns read in the array alone (see `_fixed`): (key id, each token's conditions), checked token by
        # token where their anchor stands instead of running a Matcher.
        self.fixed: dict[int, tuple[int, tuple[tuple[tuple[int, frozenset[int]], ...], ...]]] = {}
        for number, (key, pattern) in enumerate(patterns):
            conditions = self._fixed(pattern)
            if conditions:
                self.fixed[number] = (vocab.strings.add(key), conditions)
        # a match's rank among matches of the same start and end: its key's first pattern
        self.rank: dict[int, int] = {}
        for number, (key, _pattern) in enumerate(patterns):
            self.rank.setdefault(vocab.strings.add(key), number)
        self.alone: dict[int, Matcher] = {}
        self.subsets: dict[tuple[int, ...], Matcher] = {}
        self.met: dict[tuple[int, ...], int] = {}
        self.last: tuple[Doc | None, numpy.ndarray | None] = (None, None)

    def _anchor(self, pattern: list[dict]) -> tuple[int, tuple[tuple[int, frozenset[int]], ...]] | tuple[()]:
        """(offset, ((column, values), ...)): the token at `offset` must have one of the values in each column,
        and the pattern begins `offset` tokens before it; () when the pattern can begin anywhere. The anchor is
        the first token that names its words; the tokens before it must each take exactly one token (no "OP"),
        as "155 mm shells" ({"IS_DIGIT": true}, {"LOWER": "mm"}, ...) does; a first token that may repeat ("+")
        still anchors the pattern at its first match."""
        for offset, token in enumerate(pattern):
            op = token.get("OP")
            if _optional(op):
                return ()
            anchor = self._conditions(token)
            if anchor:
                # the word itself first: it narrows the tokens most
                return offset, tuple(sorted(anchor))
            if op:
                return ()  # a token repeated ("+") before the anchor: the pattern's start is not fixed by it
        return ()

    def _conditions(self, token: dict) -> list[tuple[int, frozenset[int]]]:
        """(column, values) of a token pattern's conditions that name its words, tags or entity types."""
        conditions = []
        for name, value in token.items():
            if name not in ANCHOR_ATTRS:
                continue
            values = [value] if isinstance(value, str) else value.get("IN") if set(value) == {"IN"} else None
            if values is None:
                continue
            ids = {POS_IDS[v] if name == "POS" else self.vocab.strings.add(v) for v in values}
            conditions.append((ANCHOR_COLUMNS.index(ANCHOR_ATTRS[name]), frozenset(ids)))
        return conditions

    def _fixed(self, pattern: list[dict]) -> tuple[tuple[tuple[int, frozenset[int]], ...], ...]:
        """Each token's conditions, for a pattern of a fixed number of tokens (no "OP") whose every condition is a
        word, tag or entity type, or a list of them ({"LOWER": "if"}, {"LEMMA": {"IN": [...]}, "POS": "VERB"}):
        the Matcher finds it exactly where each token holds one of the values of each of its conditions, which the
        array says. () for any other pattern."""
        tokens = []
        for token in pattern:
            if not token or any(name not in ANCHOR_ATTRS for name in token):
                return ()
            conditions = self._conditions(token)
            if len(conditions) != len(token):
                return ()  # a condition other than a value or a list of values ({"NOT_IN": ...}, {"REGEX": ...})
            tokens.append(tuple(conditions))
        return tuple(tokens)

    def _required(self, pattern: list[dict]) -> tuple[tuple[int, frozenset[int]], ...]:
        """The conditions of every token the pattern cannot match without ("will be given" needs a giving
        verb as well as "will"): a sentence with no word meeting one of them holds no match."""
        return tuple(
            condition for token in pattern if not _optional(token.get("OP")) for condition in self._conditions(token)
        )

    def _rows(self, doc: Doc) -> numpy.ndarray:
        """The words, tags and entity types of the document, read once for all its sentences."""
        last_doc, rows = self.last
        if last_doc is not doc or rows is None:
            rows = doc.to_array(list(ANCHOR_COLUMNS))
            self.last = (doc, rows)
        return rows

    def __call__(self, sent: Span) -> list[tuple[int, int, int]]:
        """(match id, start, end) of every match in the sentence, offsets within the sentence."""
        rows = self._rows(sent.doc)[sent.start : sent.end]
        columns = rows.T.tolist()
        first = dict.fromkeys(self.anywhere, 0)
        present: dict[int, set[int]] = {}  # the values each column holds in the sentence, made once
        for column, by_value in self.starts:
            words = columns[column]
            held = present[column] = set(words)
            for value in by_value.keys() & held:
                for number, rest, offset in by_value[value]:
                    at = self._begins(words, value, rest, columns, offset)
                    if at is not None and at < first.get(number, len(words)):
                        first[number] = at
        for number in list(first):
            for column, values in self.required[number]:
                if column not in present:
                    present[column] = set(columns[column])
                if values.isdisjoint(present[column]):
                    del first[number]
                    break
        if not first:
            return []
        found: set[tuple[int, int, int]] = set()
        for number in [number for number in first if number in self.fixed]:
            found.update(self._fixed_matches(number, first.pop(number), columns))
        if first:
            matcher = self._subset(tuple(sorted(first)))
            if matcher is None:
                found.update(
                    (key, start + at, end + at)
                    for number, at in first.items()
                    for key, start, end in self._alone(number)(sent[at:])
                )
            else:
                begin = min(first.values())
                found.update((key, start + begin, end + begin) for key, start, end in matcher(sent[begin:]))
        return sorted(found, key=lambda match: (match[1], match[2], self.rank[match[0]]))

    def _fixed_matches(self, number: int, at: int, columns: list[list[int]]) -> list[tuple[int, int, int]]:
        """(key, start, end) of a fixed pattern's matches (`self.fixed`) from `at`, the first token its anchor holds."""
        key, tokens = self.fixed[number]
        length = len(tokens)
        (column, values), *rest = tokens[0]
        words = columns[column]
        found = []
        for start in range(at, len(words) - length + 1):
            if (
                words[start] in values
                and all(columns[other][start] in held for other, held in rest)
                and all(
                    columns[other][start + offset] in held
                    for offset, conditions in enumerate(tokens[1:], 1)
                    for other, held in conditions
                )
            ):
                found.append((key, start, start + length))
        return found

    @staticmethod
    def _begins(words: list[int], value: int, rest, columns: list[list[int]], offset: int = 0) -> int | None:
        """Where a pattern begins whose token at `offset` is the first holding `value` (from `offset` on) that
        meets that token's other conditions."""
        if not rest:
            try:
                return words.index(value, offset) - offset
            except ValueError:
                return None
        for index in range(offset, len(words)):
            if words[index] == value and all(columns[c][index] in values for c, values in rest):
                return index - offset
        return None

    def _subset(self, chosen: tuple[int, ...]) -> Matcher | None:
        """A Matcher of the chosen patterns, built for a set of patterns met a few times. Before that,
        since building a Matcher costs more than running it on one sentence, None (run the patterns one
        by one) for a few patterns, or the Matcher of all of them, which finds the same matches (the
        others cannot match in the sentence)."""
        matcher = self.subsets.get(chosen)
        if matcher is not None:
            return matcher
        met = self.met[chosen] = self.met.get(chosen, 0) + 1
        if met < SUBSET_AFTER:
            return None if len(chosen) <= ALONE_AT_MOST else self.matcher
        if len(self.subsets) >= SUBSET_MATCHERS:
            self.subsets.clear()
            self.met.clear()
        matcher = Matcher(self.vocab, validate=False)
        for number in chosen:
            key, pattern = self.patterns[number]
            matcher.add(key, [pattern])
        self.subsets[chosen] = matcher
        return matcher

    def _alone(self, number: int) -> Matcher:
        """The Matcher of one pattern, built when first asked."""
        matcher = self.alone.get(number)
        if matcher is None:
            key, pattern = self.patterns[number]
            matcher = self.alone[number] = Matcher(self.vocab, validate=False)
            matcher.add(key, [pattern])
        return matcher


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
