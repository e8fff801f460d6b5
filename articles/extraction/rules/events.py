"""Events: the happenings of a sentence, typed and dated.

A sentence gives an event when it holds a cue of one of SPEC.md's types
("missile attack" -> strike, "prisoner exchange" -> prisoner_exchange,
"talks" -> diplomacy ...). Its date is the sentence's date expression nearest
the cue; a claim's day does not date a battle the claim reports ("Zelensky on
Saturday said forces had regained 300 sq km" gives the battle no day).

    "The largest exchange of prisoners of war to date took place on Wednesday"
        -> prisoner_exchange, Wednesday
    "A day later, the Russian border region of Belgorod was hit by a
     Ukrainian retaliatory attack" -> strike, the day after the last date
    "Germany has begun training Ukrainian troops ... on Monday" -> training

Several cues of one sentence give one event (the type of the strongest cue)
unless the sentence names two days ("The meeting on Tuesday follows the
January 20 conference" -> two diplomacy events).
"""

from __future__ import annotations

import re

from articles.extraction.records import Event
from articles.extraction.rules import SentenceContext, inflections


def _lemmas(label: str, *lemmas: str) -> dict:
    return {"label": label, "pattern": [{"LOWER": {"IN": inflections(*lemmas)}}]}


def _phrases(label: str, *phrases: str) -> list[dict]:
    return [{"label": label, "pattern": [{"LOWER": w} for w in phrase.lower().split()]} for phrase in phrases]


STRIKE_OBJECTS = [
    "missiles",
    "missile",
    "drones",
    "drone",
    "rockets",
    "rocket",
    "strikes",
    "strike",
    "attack",
    "attacks",
    "barrage",
    "barrages",
    "shells",
    "bombs",
    "projectiles",
    "shahed",
    "shaheds",
]
AID_OBJECTS = [
    "weapons",
    "aid",
    "assistance",
    "tanks",
    "missiles",
    "vehicles",
    "jets",
    "systems",
    "howitzers",
    "ammunition",
    "equipment",
    "drones",
    "arms",
    "artillery",
    "f-16s",
    "f-16",
    "rockets",
    "munitions",
    "package",
    "air",
    "armoured",
    "armored",
    "fighter",
    "military",
    "heavy",
    "launchers",
    "cannons",
    "shells",
    "generators",
    "helicopters",
    "instructors",
    "patriot",
    "himars",
    "leopard",
    "abrams",
]


# Cues that count only with the right word near them, checked in `cue_types`:
# "launched 242 drones" (a strike) but not "launched an investigation"; "will supply two
# F-16 fighter jets" (aid) but not "supply chains"; "the ambassador ... returned to Kyiv".
# label: (event type, words to look for, how many tokens after, how many before)
NEAR_CUES = {
    "NEAR_STRIKE": ("strike", frozenset(STRIKE_OBJECTS), 6, 0),
    "NEAR_AID": ("aid", frozenset(AID_OBJECTS), 6, 4),
    "NEAR_DIPLOMACY": ("diplomacy", frozenset({"ambassador", "envoy", "embassy", "diplomats", "ambassadors"}), 0, 7),
}


def _near(label: str, lemmas: list[str]) -> dict:
    return {"label": label, "pattern": [{"LOWER": {"IN": inflections(*lemmas)}}]}


CUE_PATTERNS: list[dict] = [
    # strike
    _lemmas(
        "EVENT_STRIKE", "airstrike", "shelling", "bombardment", "barrage", "explosion", "blast", "bombing", "detonation"
    ),
    _near("NEAR_STRIKE", ["launch", "fire", "hit", "strike"]),
    *_phrases(
        "EVENT_STRIKE",
        "missile attack",
        "missile attacks",
        "drone attack",
        "drone attacks",
        "rocket attack",
        "rocket attacks",
        "missile strike",
        "missile strikes",
        "drone strike",
        "drone strikes",
        "air strike",
        "air strikes",
        "rocket strikes",
        "aerial attack",
        "air attack",
        "retaliatory attack",
        "was hit",
        "were hit",
        "struck",
        "attack on",
        "attacks on",
        "attacked",
        "strikes",
        "strike",
        "attack",
        "attacks",
        "air raid",
        "shot down",
        "sabotage",
        "shelled",
        "massively fired",
        "fired on",
    ),
    # battle
    _lemmas(
        "EVENT_BATTLE",
        "offensive",
        "counteroffensive",
        "counter-offensive",
        "fighting",
        "battle",
        "clash",
        "recapture",
        "liberate",
        "withdraw",
        "storm",
        "repel",
        "encircle",
        "seize",
    ),
    {"label": "EVENT_BATTLE", "pattern": [{"LOWER": {"IN": inflections("invade")}}]},
    # "the invasion of Ukraine on Feb. 24, 2022": the noun is the happening only next to its day
    *_phrases("EVENT_INVASION", "invasion", "full-scale invasion", "special military operation"),
    *_phrases(
        "EVENT_BATTLE",
        "combat engagements",
        "took control",
        "taken control",
        "take control",
        "captured",
        "abandon",
        "attempts to attack",
        "attempted to storm",
        "assault",
        "assaults",
        "advanced",
        "advancing",
        "ground forces",
        "have taken",
        "to have taken",
        "took over",
        "invasion begins",
        "invasion began",
        "forced to abandon",
        "assault on",
    ),
    # prisoner exchange
    *_phrases(
        "EVENT_PRISONER_EXCHANGE",
        "prisoner exchange",
        "prisoner exchanges",
        "exchange of prisoners",
        "prisoner swap",
        "exchange prisoners",
        "exchanged prisoners",
        "released from russian captivity",
        "released from captivity",
        "returned from captivity",
        "pow exchange",
    ),
    # aid
    _lemmas("EVENT_AID", "pledge", "donate"),
    _near(
        "NEAR_AID",
        ["send", "supply", "provide", "deliver", "ship", "give", "transfer", "donate", "announce", "approve"],
    ),
    *_phrases(
        "EVENT_AID",
        "military aid",
        "military assistance",
        "security assistance",
        "aid package",
        "weapons package",
        "tranche",
        "lethal aid",
        "handed over",
        "convoy",
        "weapons deliveries",
        "arms deliveries",
    ),
    # sanctions
    _lemmas("EVENT_SANCTIONS", "sanction", "embargo"),
    *_phrases("EVENT_SANCTIONS", "export controls", "price cap", "asset freeze", "trade status"),
    # diplomacy
    _lemmas(
        "EVENT_DIPLOMACY", "talk", "summit", "negotiation", "visit", "meet", "meeting", "conference", "expel", "summon"
    ),
    _near("NEAR_DIPLOMACY", ["return", "arrive", "reopen", "recall", "leave", "expel", "close", "present"]),
    *_phrases(
        "EVENT_DIPLOMACY",
        "phone call",
        "phone conversation",
        "call between",
        "spoke with",
        "spoke to",
        "emergency session",
        "urgent debate",
        "request to join",
        "application",
        "peace plan",
        "peace talks",
        "deal was reached",
        "signed",
        "host",
        "agreement",
        "ceasefire",
        "cease-fire",
        "general assembly",
        "human rights council",
    ),
    # training
    _lemmas("EVENT_TRAINING", "train", "training", "instructor"),
    # mobilization
    _lemmas("EVENT_MOBILIZATION", "mobilization", "mobilisation", "conscription", "recruitment", "call-up"),
    *_phrases(
        "EVENT_MOBILIZATION",
        "increased production",
        "increase production",
        "ramped-up production",
        "defense production",
        "defence production",
    ),
    # other
    *_phrases(
        "EVENT_OTHER",
        "high alert",
        "nuclear forces",
        "investigation",
        "referendum",
        "ban all",
        "discovers the bodies",
        "bodies of",
    ),
]

# Strongest first: a sentence with a strike and a talk is about the strike.
TYPE_ORDER = (
    "prisoner_exchange", "strike", "battle", "sanctions", "training", "aid", "mobilization", "diplomacy", "other",
)  # fmt: skip
from articles.extraction.attribution import REPORTING_LEMMAS  # noqa: E402 - one list, kept with attribution

REPORTING = re.compile(
    r"^(?:say|said|says|tell|told|announce|announced|report|reported|claim|claimed|state|stated|add|added|"
    r"confirm|confirmed|write|wrote|warn|warned|acknowledge|acknowledged|accuse|accused)$",
    re.I,
)
PAST_PERFECT = re.compile(
    r"\bhad\s+(?:been\s+)?\w+ed\b|\bhad\s+(?:taken|begun|shot|hit|struck|won|lost|fought|driven)\b"
)
NOT_A_HAPPENING = re.compile(
    r"\b(?:would|could|might|may|if|unless|should|whether|anniversary|not\s+(?:been|yet)|no\s+offensive)\b", re.I
)


def cue_types(ctx: SentenceContext) -> list[tuple[str, int, int]]:
    """(event type, start, end) of every event cue in the sentence, offsets in the article text."""
    found = []
    doc = ctx.sent.doc
    for span in ctx.sentence_cues:
        if span.label_ in NEAR_CUES:
            kind, words, after, before = NEAR_CUES[span.label_]
            window = [
                *doc[max(ctx.sent.start, span.start - before) : span.start],
                *doc[span.end : min(ctx.sent.end, span.end + after)],
            ]
            if any(token.lower_ in words for token in window):
                found.append((kind, span.start_char, span.end_char))
            continue
        if span.label_.startswith("EVENT_"):
            kind = span.label_[6:].lower()
            if kind == "battle" and span.end < ctx.sent.end and doc[span.end].lower_ in NAMED_THING_AFTER:
                continue  # "infantry fighting vehicles", "battle tanks": a kind of weapon, no fighting
            if (
                kind == "battle"
                and span[-1].lower_ == "taken"
                and span.end < ctx.sent.end
                and doc[span.end].lower_ in NOT_TERRITORY_AFTER
            ):
                continue  # "we have taken a difficult decision": no ground taken
            if kind == "invasion":
                doc_text = ctx.article_text
                if not any(
                    d.value.precision == "day"
                    and d.start >= span.end_char
                    and INVASION_TO_DATE.match(doc_text[span.end_char : d.start])
                    for d in ctx.dates
                ):
                    continue
                kind = "battle"
            found.append((kind, span.start_char, span.end_char))
    return found


# Words that make a battle cue part of a weapon's name: "armoured fighting vehicles", "battle tanks".
NAMED_THING_AFTER = frozenset(
    ["vehicle", "vehicles", "tank", "tanks", "group", "groups", "compartment", "rifle", "rifles", "uniform", "uniforms"]
)
NOT_TERRITORY_AFTER = frozenset(["a", "an", "steps", "measures", "part", "action", "note", "place", "care", "time"])
INVASION_TO_DATE = re.compile(r"^[”\"’']?(?:\s+of\s+[\w’']+)?\s*(?:on\s+|,\s*|in\s+)?$")
ANNIVERSARY = re.compile(r"\banniversary\b[^.]{0,60}$", re.I)
MODALS = frozenset({"would", "could", "might", "may", "can", "should", "must"})
WAR_ITSELF = re.compile(r"^\s*(?:on|against)\s+(?:Ukraine|Russia)\b(?!\s*'s|’s)", re.I)
SPAN_START = re.compile(r"(?:since|until|till|from|ahead\s+of|before|by)\s+$", re.I)


def _live_cue(ctx: SentenceContext, kind: str, start: int, end: int) -> bool:
    """A cue under a modal or a negation, or "attack on Ukraine" (the war itself), tells no happening."""
    doc = ctx.sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    if kind == "strike" and WAR_ITSELF.match(ctx.article_text[span[0].idx + len(span[0].text) : end + 30]):
        return False
    if span.root.dep_ == "amod" and kind in ("aid", "battle"):  # "reclaim captured territories"
        return False  # "US-supplied Himars" names a weapon, not a delivery
    if kind == "diplomacy" and span[0].i > 0 and doc[span[0].i - 1].lower_ in ("press", "news"):
        return False  # a press conference is a statement
    token = span.root
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX"):
            break
        if token.head is token:
            break
        token = token.head
    children = {child.lower_ for child in token.children if child.dep_ in ("aux", "neg")}
    if "not" in children or "n't" in children or "never" in children:
        return False
    modals = children & MODALS
    if modals == {"would"} and token.dep_ in ("ccomp", "conj") and token.head.lemma_ in REPORTING_LEMMAS:
        return True  # "announced that the Netherlands would ship": reported future, a pledge
    return not modals


def _imperative(ctx: SentenceContext) -> bool:
    """ "Strike the occupier!", "Let's win together!": a slogan or an appeal reports no happening."""
    words = [token for token in ctx.sent if not (token.is_punct or token.is_space or token.is_quote)]
    if not words:
        return False
    root = ctx.sent.root
    return (
        root.i == words[0].i
        and root.tag_ == "VB"
        and not any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in root.children)
    )


def find_events(ctx: SentenceContext) -> list[Event]:
    """The events of one sentence; see the module docstring."""
    if _imperative(ctx):
        return []
    cues = [(kind, start, end) for kind, start, end in cue_types(ctx) if _live_cue(ctx, kind, start, end)]
    if not cues:
        return []
    types = {kind for kind, _s, _e in cues}
    text = ctx.article_text
    dates = [
        d
        for d in ctx.dates
        if not SPAN_START.search(text[max(0, d.start - 12) : d.start])
        and not ANNIVERSARY.search(text[max(ctx.start, d.start - 70) : d.start])
    ]
    day_dates = [d for d in dates if d.value.precision == "day"]
    events = []
    if len(day_dates) > 1:
        # Each date goes with its nearest cue; one event per distinct (type, date).
        seen = set()
        for found in day_dates:
            kind = _nearest_type(cues, found.start, found.end)
            if kind and _claim_day_only(ctx, kind, found):
                continue
            key = (kind, found.value.date)
            if kind and key not in seen:
                seen.add(key)
                events.append(_event(ctx, kind, found.value.date, "day"))
        return events
    if dates:
        # The cue nearest the date names the happening it dates.
        kind = _nearest_type(cues, dates[0].start, dates[0].end) or next(t for t in TYPE_ORDER if t in types)
    else:
        kind = next(t for t in TYPE_ORDER if t in types)
    date = dates[0].value if dates else None
    if date is not None and _claim_day_only(ctx, kind, dates[0]):
        date = None
    return [_event(ctx, kind, date.date if date else None, date.precision if date else None)]


def _nearest_type(cues: list[tuple[str, int, int]], start: int, end: int) -> str | None:
    best = None
    for kind, cue_start, cue_end in cues:
        # A date follows what it dates ("the invasion of Ukraine on Feb. 24"): cues after it count less.
        distance = cue_start - end + 12 if cue_start >= end else start - cue_end
        rank = TYPE_ORDER.index(kind)
        distance = max(0, distance) // 12  # within a few words, the stronger type wins
        if best is None or (distance, rank) < (best[0], best[1]):
            best = (distance, rank, kind)
    return best[2] if best else None


def _claim_day_only(ctx: SentenceContext, kind: str, first) -> bool:
    """ "X said on Saturday that forces had regained ...": the day is the claim's, not the battle's."""
    if kind not in ("battle", "strike"):
        return False
    if PAST_PERFECT.search(ctx.text) is None and not _reported(ctx, first):
        return False
    doc = ctx.sent.doc
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX"):
            break
        head = head.head
    return bool(REPORTING.match(head.text))


def _reported(ctx: SentenceContext, first) -> bool:
    """Whether the sentence's date is the day of a statement ("X said on Monday that ...")."""
    span = ctx.sent.doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head  # "said on Monday"
    # The date must hang on the verb itself: "told ... about the January 9 attack" dates the attack.
    return bool(REPORTING.match(head.text)) and head.pos_ in ("VERB", "AUX")


def _event(ctx: SentenceContext, kind: str, date, precision) -> Event:
    return Event(
        date=date,
        precision=precision if date else None,
        type=kind,
        summary=ctx.text,
        places=list(dict.fromkeys(p.name for p in ctx.places)),
        countries=ctx.country_codes,
        span=(ctx.start, ctx.end),
    )
