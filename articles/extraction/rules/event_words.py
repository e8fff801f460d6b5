"""The words the event rules read, and the parse helpers several of them share.

`load_words` reads patterns/<language>/event_words.jsonl (pledge_words.jsonl extends it) into
named word lists, `WORDS`; `load_cues` reads patterns/<language>/events.jsonl into the cue
matcher's patterns (`CUE_PATTERNS`) and the near-word cues (`NEAR_CUES`); `TYPE_ORDER` ranks the
event types, strongest first. The helpers below them read a token's clause on the parse
(`_predicate`, `_relative_passive`, `_statement_head`) for event_background, event_cues,
event_statements and events alike.
"""

from __future__ import annotations

from pathlib import Path

from articles.extraction.context import NAMED_PLACES, load_rules
from articles.extraction.rules import SentenceContext, inflections, relative_pronoun
from articles.jsonl import read_jsonl

PATTERNS = Path(__file__).resolve().parents[1] / "patterns"
WORD_ATTRIBUTES = ("LOWER", "LEMMA", "ORTH", "COUNTRY")


def load_words(
    language: str = "en", file: str = "event_words.jsonl", known: dict[str, frozenset[str]] | None = None
) -> dict[str, frozenset[str]]:
    """The word lists of patterns/<language>/<file> by name (event_words.jsonl's head says how a row reads); a
    row's "with" may name the lists of `known` too (pledge_words.jsonl extends event_words.jsonl's), its "but" takes
    words out of what "with" adds."""
    words: dict[str, frozenset[str]] = {}
    for row in read_jsonl(PATTERNS / language / file):
        if row["attr"] not in WORD_ATTRIBUTES:
            raise ValueError(f"{file}: {row['name']} reads {row['attr']}, not one of {WORD_ATTRIBUTES}")
        found = set(row.get("words", ()))
        for name in row.get("with", ()):
            found |= words[name] if name in words else (known or {})[name]
        if "context" in row:
            found |= _context_words(row["context"], language)
        words[row["name"]] = frozenset(found - set(row.get("but", ())))
    return words


def _context_words(category: str, language: str) -> set[str]:
    """The words that open the context.jsonl rules of one category, where a rule opens on LOWER words
    ("HABITUAL": "usually", "routinely" ...; "FUTURE": "will", "shall" ...)."""
    found: set[str] = set()
    for rule in load_rules(PATTERNS / language / "context.jsonl"):
        lower = rule.pattern[0].get("LOWER") if rule.category == category else None
        found.update(lower["IN"] if isinstance(lower, dict) else [lower] if lower else [])
    return found


# The word lists the rules below read, each with the sentences it is for: patterns/en/event_words.jsonl.
WORDS = load_words()


def _written_forms(token: dict) -> dict:
    """A LEMMA token pattern as the LOWER forms the cue PhraseMatcher matches ("launch" -> launch, launched ...)."""
    lemma = token.get("LEMMA")
    if lemma is None:
        return token
    lemmas = lemma["IN"] if isinstance(lemma, dict) else [lemma]
    forms = inflections(*lemmas)
    # "expel" -> expelled, "ship" -> shipping: a final consonant after one vowel may double; a form
    # that English never writes ("visitted") costs nothing
    forms += [
        word + word[-1] + ending
        for word in lemmas
        if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou"
        for ending in ("ed", "ing")
    ]
    return {"LOWER": {"IN": list(dict.fromkeys(forms))}}


def load_cues(
    language: str = "en",
) -> tuple[list[dict], dict[str, tuple[str, frozenset[str], int, int, frozenset[str]]]]:
    """The event cue patterns of patterns/<language>/events.jsonl, and the near-word cues among them.

    Returns (patterns for the cue matcher, {label: (event type, words, tokens after, tokens before, lemmas)}):
    a near word is one of `words` in lower case or one of `lemmas`, those of the event_words.jsonl lists a row
    names in "near_with".
    """
    patterns: list[dict] = []
    near: dict[str, tuple[str, frozenset[str], int, int, frozenset[str]]] = {}
    words = load_words(language)
    for row in read_jsonl(PATTERNS / language / "events.jsonl"):
        tokens = [_with_listed_lemmas(t, words) for t in row["pattern"]]
        patterns.append({"label": row["label"], "pattern": [_written_forms(t) for t in tokens]})
        if "near" in row:
            lemmas = frozenset(word for name in row.get("near_with", ()) for word in words[name])
            near[row["label"]] = (
                row["type"], frozenset(row["near"]), row.get("after", 0), row.get("before", 0), lemmas
            )  # fmt: skip
    return patterns, near


def _with_listed_lemmas(token: dict, words: dict[str, frozenset[str]]) -> dict:
    """A cue token whose LEMMA names lists of event_words.jsonl ({"LEMMA": {"IN": ["announce"], "with":
    ["HANDED_OVER_VERBS"]}}) with those lists' lemmas added: one fact, one place."""
    lemma = token.get("LEMMA")
    if not isinstance(lemma, dict) or "with" not in lemma:
        return token
    listed = [word for name in lemma["with"] for word in sorted(words[name])]
    return {**token, "LEMMA": {"IN": list(dict.fromkeys([*listed, *lemma.get("IN", ())]))}}


# Cues that count only with the right word near them, checked in `cue_types`:
# "launched 242 drones" (a strike) but not "launched an investigation"; "will supply two
# F-16 fighter jets" (aid) but not "supply chains"; "the ambassador ... returned to Kyiv".
CUE_PATTERNS, NEAR_CUES = load_cues()

# Strongest first: a sentence with a strike and a talk is about the strike.
TYPE_ORDER = (
    "prisoner_exchange", "strike", "battle", "losses", "sanctions", "training", "aid", "mobilization", "diplomacy",
    "other",
)  # fmt: skip


STRUCK_SITES = WORDS["STRUCK_SITES"]


TALK_SETTINGS = WORDS["TALK_SETTINGS"]
ONGOING_VERBS = WORDS["ONGOING_VERBS"]


def _relative_passive(verb) -> bool:
    """A passive relative clause whose pronoun is what was done to: "an Alabama man who was recently captured in
    Ukraine" (p050, The Guardian), "a tanker which was seized" (made up)."""
    return verb.dep_ == "relcl" and any(
        child.dep_ == "nsubjpass" and relative_pronoun(child) for child in verb.children
    )


PLACE_LABELS = NAMED_PLACES | {"COUNTRY"}


def _predicate(token):
    """The verb that tells a cue: its own, or the verb its noun hangs on; "attempted to storm" -> attempted."""
    verb = token
    for _ in range(5):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("aux", "auxpass", "amod"):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    for _ in range(3):
        if verb.tag_ == "VB" and verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        else:
            break
    return verb if verb.pos_ in ("VERB", "AUX") else None


# The nouns of a time of day or span a day names: "on Sunday morning", "Tuesday evening"
TIME_HEADS = WORDS["TIME_HEADS"]


def _date_root(span):
    """The word a date expression stands as in the parse: its root, or the time it is a part of ("its exiled mayor
    said on Sunday morning", pool p055, The Guardian; "told CNN by phone Tuesday evening that the plant was
    "completely surrounded"", p077, CNN), where the parser makes the day a compound of "morning" or "evening"."""
    root = span.root
    return root.head if root.dep_ == "compound" and root.head.lemma_ in TIME_HEADS else root


def _statement_head(ctx: SentenceContext, found):
    """The word a date expression hangs on ("said on Monday" -> said), None when it falls between tokens."""
    span = ctx.sent.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return None
    head = _date_root(span).head
    return head.head if head.dep_ == "prep" or head.pos_ == "ADP" else head


TALKING_VERBS = WORDS["TALKING_VERBS"]


WAR_START_LEMMAS = WORDS["WAR_START_LEMMAS"]


TALK_RETELLERS = WORDS["TALK_RETELLERS"]
GROUND_NOUNS = WORDS["GROUND_NOUNS"]
