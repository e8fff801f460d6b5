"""Context modifiers in the manner of medspaCy's ConText: is a cue told as a happening?

A cue ("missile attack", "sanctions", "talks") reports a happening only when
nothing around it says otherwise. The modifiers are data, one JSON object a
line in patterns/<lang>/context.jsonl:

    {"category": "HYPOTHETICAL", "pattern": [{"LOWER": "if"}],
     "direction": "forward", "scope": "clause"}

- `pattern` is a spaCy Matcher token pattern (LOWER, LEMMA, POS, TAG, DEP);
- `scope` says how far the trigger reaches: "clause" (the clause of the verb
  the trigger belongs to, read off the dependency tree: "Russia could launch
  strikes" reaches "launch strikes"; "if talks fail" reaches "talks fail"; a
  rule with terminators stops at an adverbial clause with its own verb in the
  simple past, "..., as Ukrainians were evacuated", which tells a happening),
  "phrase" (the phrase the trigger heads or modifies: "the threat of a nuclear
  strike", "ahead of the talks"), "subject" (the subject of the trigger's clause: "the success of the
  spring offensive will depend on many factors" reaches "the success of the
  spring offensive"), "object" (the direct object of the trigger, a verb:
  "agreed to halt strikes on energy infrastructure" reaches "strikes on energy
  infrastructure") or "sentence" (to the end of the sentence, cut at a
  `terminated_by` word, as ConText does);
- `direction` is "forward" (the tokens after the trigger), "backward" or
  "bidirectional";
- `not_under` names the reporting verbs under which the trigger is no modifier
  (medspaCy's pseudo-modifiers): "said it would adopt all sanctions" reports
  a decision, not a conjecture;
- `not_after` names the words right before the trigger that make it no
  modifier: "died after what appeared to be indiscriminate rocket strikes"
  hedges what the strikes were, not that they happened;
- `spares` lists the event types the modifier leaves alone: "will send" is a
  pledge (aid), "not going to send" a refusal (aid), "urged allies to send
  jets" a request (aid);
- `perfect: true` makes the trigger count only in a clause whose verb is in the
  perfect: "for two years it has been carrying out attacks" is a campaign over
  years, "was jailed for 15 years" one happening;
- `placeless: true` makes the trigger count only when its scope names no place:
  "Undersea infrastructure is being attacked" is a trend, "Civilians are being
  evacuated from Mariupol" a happening there.

Direct speech is the QUOTED modifier, with the quotation marks as its scope:
a quote is a statement, not the article's report of a happening.

The Matcher is built once per process (`rules_for`); `modifiers_of(sent)` runs
it over one sentence only when a rule asks, so sentences without a cue cost
nothing, and only with the rules whose first word the sentence holds
(`components.AnchoredMatcher`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from articles.extraction.components import AnchoredMatcher
from articles.jsonl import iter_jsonl

PATTERNS = Path(__file__).resolve().parent / "patterns"
DIRECTIONS = ("forward", "backward", "bidirectional")
SCOPES = ("clause", "phrase", "sentence", "subject", "object")
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OPENING_QUOTES = frozenset({"“", "«", "„"})
CLOSING_QUOTES = frozenset({"”", "»"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
NAMED_PLACES = frozenset({"GPE", "LOC", "PLACE", "FAC"})
# The conjunctions of an adverbial clause a clause scope stops at when it tells a past happening
# of its own (`_told_clauses`); "before" and "until" set a time to come, "though" a concession. It differs on
# purpose from the time conjunctions of event_words.jsonl (TIME_CONJUNCTIONS, CLAUSE_MARKERS, OWN_CLAUSE_MARKERS),
# which take "before" and no clause of cause.
TOLD_CLAUSE_MARKS = frozenset({"as", "while", "when", "after", "because", "since", "whereas"})


@dataclass(frozen=True)
class ContextRule:
    category: str
    pattern: list
    direction: str = "forward"
    scope: str = "clause"
    terminated_by: frozenset[str] = frozenset()
    spares: frozenset[str] = frozenset()
    not_under: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    perfect: bool = False
    placeless: bool = False


@dataclass(frozen=True)
class Modifier:
    """One modifier found in a sentence: its category and the tokens it reaches (doc indices, end exclusive)."""

    category: str
    trigger: int
    start: int
    end: int
    spares: frozenset[str] = frozenset()

    def covers(self, token_index: int, kind: str | None = None) -> bool:
        return self.start <= token_index < self.end and (kind is None or kind not in self.spares)


def load_rules(path: Path) -> list[ContextRule]:
    """The rules of one context.jsonl; a malformed line is an installation error, never skipped."""
    rules = []
    with path.open(encoding="utf-8") as lines:
        for number, row in iter_jsonl(lines, str(path)):
            rule = ContextRule(
                category=row["category"],
                pattern=row["pattern"],
                direction=row.get("direction", "forward"),
                scope=row.get("scope", "clause"),
                terminated_by=frozenset(row.get("terminated_by", ())),
                spares=frozenset(row.get("spares", ())),
                not_under=frozenset(row.get("not_under", ())),
                not_after=frozenset(row.get("not_after", ())),
                perfect=bool(row.get("perfect", False)),
                placeless=bool(row.get("placeless", False)),
            )
            if rule.direction not in DIRECTIONS or rule.scope not in SCOPES:
                raise ValueError(f"{path}:{number}: direction must be one of {DIRECTIONS}, scope one of {SCOPES}")
            rules.append(rule)
    return rules


class ContextRules:
    """The context rules of one language, compiled into one Matcher."""

    def __init__(self, vocab, rules: list[ContextRule]):
        self.rules = rules
        self.matcher = AnchoredMatcher(vocab, [(str(number), rule.pattern) for number, rule in enumerate(rules)])
        self.rule_of = {vocab.strings.add(str(number)): rule for number, rule in enumerate(rules)}

    def modifiers_of(self, sent) -> list[Modifier]:
        """Every modifier of one sentence (a Span), direct speech included."""
        found = []
        for match_id, start, end in self.matcher(sent):
            rule = self.rule_of[match_id]
            trigger = sent[start] if end - start == 1 else sent[start:end].root
            if rule.not_under and _reported(trigger, rule.not_under):
                continue
            if rule.not_after and start > 0 and sent[start - 1].lower_ in rule.not_after:
                continue
            if rule.perfect and not _in_the_perfect(_governing_verb(trigger)):
                continue
            first, last = _scope(rule, trigger, sent)
            if rule.placeless and _names_a_place(sent.doc[first:last]):
                continue
            if first < last:
                found.append(Modifier(rule.category, trigger.i, first, last, rule.spares))
        found.extend(quotations(sent))
        return found


@lru_cache(maxsize=4)
def _rules(language: str) -> tuple[ContextRule, ...]:
    return tuple(load_rules(PATTERNS / language / "context.jsonl"))


_compiled: dict[tuple[int, str], ContextRules] = {}


def rules_for(vocab, language: str = "en") -> ContextRules:
    """The compiled rules for a pipeline's vocabulary, built once per process."""
    key = (id(vocab), language)
    if key not in _compiled:
        _compiled[key] = ContextRules(vocab, list(_rules(language)))
    return _compiled[key]


def modifiers_of(sent) -> list[Modifier]:
    return rules_for(sent.doc.vocab).modifiers_of(sent)


def _governing_verb(token):
    """The verb whose clause a trigger belongs to ("could" -> "launch", "if" -> "fail")."""
    if token.pos_ == "VERB" and token.dep_ not in ("aux", "auxpass"):
        return token
    head = token
    for _ in range(6):
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX") and head.dep_ not in ("aux", "auxpass"):
            return head
    return head


def _reported(trigger, verbs: frozenset[str]) -> bool:
    """Whether the trigger's clause is what a reporting verb reports ("announced that X would send")."""
    verb = _governing_verb(trigger)
    # a decision is reported in the past ("said it would adopt"); "experts say numbers would rise" is a guess
    return verb.dep_ in ("ccomp", "conj") and verb.head.lemma_ in verbs and verb.head.tag_ in ("VBD", "VBN")


def _names_a_place(tokens) -> bool:
    """ "from Mariupol", "from Kyiv", "in Ukraine": a place, or a country's name after a preposition (not
    "Ukrainians are being detained in Russian-controlled areas", where the COUNTRY entities name people)."""
    return any(
        token.ent_type_ in NAMED_PLACES or (token.ent_type_ == "COUNTRY" and token.dep_ == "pobj") for token in tokens
    )


def _in_the_perfect(verb) -> bool:
    """ "has been carrying out", "have stood", "had fought": a verb with "have" as its auxiliary."""
    return any(child.dep_ == "aux" and child.lemma_ == "have" for child in verb.children)


def _terminated(rule: ContextRule, trigger, end: int) -> int:
    """Where a forward scope stops: the first terminator after the trigger ("... in the wake of a missile attack")."""
    doc = trigger.doc
    for token in doc[trigger.i + 1 : end]:
        if token.lower_ in rule.terminated_by:
            return token.i
    return end


def _told_clauses(head, trigger):
    """The adverbial clauses under `head` that tell a past happening of their own, the trigger outside them.

    "describing the tragedy of mounting troop losses ..., as Ukrainians were evacuated from eastern
    cities" (p036, The Guardian), "Putin accused Washington on Tuesday of drawing out the war in
    Ukraine, as explosions rocked a Russian military facility" (p099, Kyiv Post): a clause opened by
    a conjunction of time or cause, with its own verb in the simple past, reports what happened,
    whatever the clause around it guesses or judges. Not a clause in the present, the perfect or
    the pluperfect, or with a modal ("before the talks begin", "though in the past he has
    referenced a ground offensive"): those tell background or nothing done. Relative clauses stay
    in the scope: "the region Russia captured early in the invasion" (p095), "Lukashenko, who
    has backed Putin's military assault" (p019) are background, measured on the pool.
    """
    advcl = head.vocab.strings["advcl"]  # compared as an id: the labels of the other words are never built
    for token in head.subtree:
        if token.i == head.i or token.dep != advcl or token.left_edge.i <= trigger.i <= token.right_edge.i:
            continue
        marks = {child.lower_ for child in token.children if child.dep_ == "mark"}
        if marks & TOLD_CLAUSE_MARKS and _simple_past(token):
            yield token


def _simple_past(verb) -> bool:
    """A verb in the simple past ("rocked", "were evacuated"), not "has backed", "had urged", "would send"."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.tag_ == "MD" or aux.lemma_ == "have" for aux in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(aux.tag_ == "VBD" for aux in auxiliaries)


def _cut_at_told_clauses(head, trigger, left: int, right: int) -> tuple[int, int]:
    """Narrow a clause scope to stop at a told clause that ends it, on either side of the trigger.

    A scope is one run of tokens, so a told clause in its middle stays covered: cutting the
    scope there would uncover what follows the clause too.
    """
    doc = head.doc
    for clause in _told_clauses(head, trigger):
        first, last = clause.left_edge.i, clause.right_edge.i + 1
        if first > trigger.i and all(token.is_punct for token in doc[last:right]):
            right = min(right, first)
        elif last <= trigger.i and all(token.is_punct for token in doc[left:first]):
            left = max(left, last)
    return left, right


def _scope(rule: ContextRule, trigger, sent) -> tuple[int, int]:
    if rule.scope == "clause":
        head = _governing_verb(trigger)
        left, right = head.left_edge.i, head.right_edge.i + 1
        if rule.terminated_by:
            right = _terminated(rule, trigger, right)
            left, right = _cut_at_told_clauses(head, trigger, left, right)
    elif rule.scope == "phrase":
        # "ahead of the talks": an adverb heads its own phrase; an adjective or a determiner its noun's
        head = trigger if trigger.pos_ in ("NOUN", "PROPN", "ADP", "ADV") else trigger.head
        left, right = head.left_edge.i, head.right_edge.i + 1
    elif rule.scope == "subject":
        subject = next((child for child in _governing_verb(trigger).children if child.dep_ in SUBJECT_DEPS), None)
        if subject is None:
            return trigger.i, trigger.i
        left, right = subject.left_edge.i, subject.right_edge.i + 1
    elif rule.scope == "object":
        thing = next((child for child in trigger.children if child.dep_ == "dobj"), None)
        if thing is None:
            return trigger.i, trigger.i
        left, right = thing.left_edge.i, thing.right_edge.i + 1
    else:
        left, right = sent.start, _terminated(rule, trigger, sent.end)
        for token in reversed(sent[: trigger.i - sent.start]):
            if token.lower_ in rule.terminated_by:
                left = token.i + 1
                break
    left, right = max(left, sent.start), min(right, sent.end)
    if rule.direction == "forward":
        left = max(left, trigger.i + 1)
    elif rule.direction == "backward":
        right = min(right, trigger.i)
    return left, right


def quotations(sent) -> list[Modifier]:
    """Direct speech in one sentence: from an opening quotation mark to its closing one.

    A quotation that opens in an earlier sentence of the paragraph ("... it was unclear. “We
    shall see. The strikes continue,” he said.") still covers this one; a line break ends it.
    """
    doc = sent.doc
    # Whether the sentence starts inside a quotation opened before it in the same paragraph.
    inside = False
    straight = 0
    for token in reversed(doc[max(0, sent.start - 120) : sent.start]):
        if "\n" in token.text or "\n" in token.whitespace_:
            break
        if token.text in OPENING_QUOTES:
            inside = True
            break
        if token.text in CLOSING_QUOTES:
            break
        if token.text == '"':
            straight += 1
    if not inside and straight % 2 == 1:
        inside = True
    found = []
    opened = sent.start if inside else None
    for token in sent:
        text = token.text
        if opened is None and (text in OPENING_QUOTES or (text == '"' and token.i + 1 < sent.end)):
            if text == '"' and token.tag_ == "''":
                continue
            opened = token.i
        elif opened is not None and (text in CLOSING_QUOTES or text == '"'):
            found.append(Modifier("QUOTED", opened, opened, token.i + 1))
            opened = None
    if opened is not None:
        found.append(Modifier("QUOTED", opened, opened, sent.end))
    # A quoted name or phrase ("a “special military operation”") is no speech: speech has a verb.
    return [quote for quote in found if quote.start == sent.start or _has_verb(doc[quote.start : quote.end])]


def _has_verb(tokens) -> bool:
    return any(token.tag_ in FINITE_TAGS for token in tokens)
