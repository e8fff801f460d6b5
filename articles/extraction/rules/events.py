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
January 20 conference" -> two diplomacy events), or its main verb tells a
happening of another type than the dated clause of time hung on it ("Since
Russia invaded Ukraine in February 2022, six million people have fled" -> a
battle of February 2022 and an undated `other`).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from articles.extraction.attribution import SPEECH_LEMMAS, outlet_speaker
from articles.extraction.cleaning import PHOTO_AGENCY
from articles.extraction.context import NAMED_PLACES, load_rules
from articles.extraction.merging import ATTACK_TYPES
from articles.extraction.records import Event
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


def cue_types(ctx: SentenceContext) -> list[tuple[str, int, int]]:
    """(event type, start, end) of every event cue in the sentence, offsets in the article text."""
    found = []
    doc = ctx.sent.doc
    for span in ctx.sentence_cues:
        if span.label_ in NEAR_CUES:
            kind, words, after, before, lemmas = NEAR_CUES[span.label_]
            window = [
                *doc[max(ctx.sent.start, span.start - before) : span.start],
                *doc[span.end : min(ctx.sent.end, span.end + after)],
            ]
            if kind == "aid" and span.root.pos_ != "VERB":
                continue  # "ammunition supplies", "anti-ship missiles": the verbs send and supply only
            if kind == "aid" and (_sent_into_a_state(span.root) or _own_troops_supplied(span.root)):
                continue
            if kind in ("aid", "sanctions"):
                # "Russia is currently striving to freeze war" (p098, Onet): the subject acts, the object is
                # what is frozen or given
                window = [token for token in window if not _in_active_subject(token, span.root)]
            if kind == "aid":
                window = [token for token in window if not _in_happening_named(ctx, token)]
            if span.label_ == "NEAR_FLIGHT" and _flight_described(span.root):
                continue
            if (span.label_ == "NEAR_OUTPUT" and not _arms_output(span.root)) or (
                span.label_ == "NEAR_MOVE" and not _troops_moved(span.root)
            ):
                continue
            if span.label_ in VERB_CHECKS and not VERB_CHECKS[span.label_](span.root):
                continue
            if any(token.lower_ in words or token.lemma_ in lemmas for token in window) and not _nominal_gerund(
                span.root
            ):
                found.append((kind, span.start_char, span.end_char))
            continue
        if span.label_.startswith("EVENT_"):
            kind = span.label_[6:].lower()
            if kind == "strike" and any(
                child.dep_ == "dobj" and child.lemma_ in FIGURATIVE_STRIKE for child in span.root.children
            ):
                continue  # "struck an unusually subdued tone", "struck a deal": no weapon fired
            if kind == "diplomacy" and span.root.lemma_ == "meet" and _met_thing(span.root) in FIGURATIVE_MEETING:
                continue  # "work to meet urgent needs", "fail to fully meet his expectations": nobody met
            if kind == "battle" and span.root.lemma_ in TRYING_NOUNS and not _ground_sought(span[-1]):
                continue  # "an attempt to take a photo": no ground sought
            if kind == "diplomacy" and span.root.lemma_ in TALKING_VERBS and not _parties_talk(span.root):
                continue  # "the idea was discussed", "is being discussed in EU circles": no party talks
            if kind == "sanctions" and _press_embargo(span.root):
                continue  # "Zelenskyy's comments were embargoed until Saturday morning": a rule of the press
            if kind == "sanctions" and _sanctions_in_force(span.root):
                continue  # "tactics to evade sanctions", "the pain that western sanctions were inflicting"
            if kind == "diplomacy" and _spoke_to_the_press(span):
                continue  # "A Nepali soldier who spoke to CNN said ...": an interview
            if kind == "diplomacy" and _talk_of_a_thing(span.root):
                continue  # "Macron talked about the issue", "general talk of security guarantees": speech
            if kind == "aid" and promise_of_another_deed(span.root):
                continue  # "Varadkar pledged to stand with Ukraine", "pledged not to cede an inch of land"
            if kind == "strike" and _ground_attack(ctx, span):
                kind = "battle"
            if kind == "battle" and span.root.lemma_ in REPELLING_VERBS and _attack_from_afar_repelled(span.root):
                kind = "strike"  # "the Ukrainian air defense has ... repelled a massive attack by enemy drones" (p163)
            if kind == "diplomacy" and span.root.lower_ == "signed" and _act_signed(span.root):
                continue  # "I signed another decree on awarding our warriors" (p093): a country's own act
            if kind == "diplomacy" and span.root.lower_ == "signed" and _signing_described(ctx, span.root):
                continue  # "an international treaty signed by 193 countries" (p031): which treaty, no signing told
            if kind == "battle" and span.root.lemma_ == "assault" and _weapons_assault(span.root):
                kind = "strike"
            if kind == "diplomacy" and span.root.lemma_ == "sign" and _aid_legislated(span.root):
                kind = "aid"  # "as he signed into law a $95 billion war aid measure" (p148, Fox News): aid enacted
            if kind == "aid" and _captives_handed_over(span.root):
                kind = "prisoner_exchange"  # "Ukraine and Russia each handed over 390 soldiers and civilians"
            if span.root.lower_ in DESCRIBING_PARTICIPLES and (span.root.dep_ == "amod" or _passive_gerund(span.root)):
                continue  # "the release of all detained journalists", "cases of civilians ... being detained": who
                # they are or what a report counts, no detention told
            if kind == "strike" and span.root.lemma_ in STRIKE_NOUNS_ONLY and span.root.pos_ == "VERB":
                continue  # "Oleg Tinkov has blasted Russia's war", "Gagarin blasted off": a criticism, a lift-off
            if kind == "battle" and _thing_named_by_capture(span.root):
                continue  # "images of the graphic scenes captured during the exhumation process"
            if kind in ("battle", "other") and span.root.lemma_ in SEIZING_VERBS:
                taken = _taken_thing(span.root)
                if _taken_property(span.root):
                    kind = "sanctions"  # "police have seized villas and yachts", "a tanker was seized"
                elif taken is not None and taken.lemma_ in CAPTURED_PEOPLE:
                    kind = "other"  # "separatist forces had captured at least two American citizens" (p051)
                elif span.root.lemma_ == "withdraw" and taken is not None and taken.lemma_ not in TROOPS:
                    continue  # "Russians withdrew savings", "withdrew its ambassador": no retreat
            if _word_of_a_name(span.root):
                continue  # "a unit called the Storm Corps", "Storm Shadow missiles": the name of another thing
            if kind == "battle" and span.root.lemma_ in ENCIRCLING_VERBS and not _troops_encircle(span.root):
                continue  # "questions surrounding any peace deal", "the surrounding districts": where a thing lies
            if kind == "diplomacy" and span.root.lemma_ in JOURNEY_VERBS and not _person_journey(span.root):
                continue  # "drones flying over the city", "troops arrived": no leader's visit
            if kind == "training" and span.root.lemma_ == "train" and span.root.pos_ != "VERB":
                continue  # "a train station", "trains not running"
            if kind == "battle" and span.end < ctx.sent.end and doc[span.end].lower_ in NAMED_THING_AFTER:
                continue  # "infantry fighting vehicles", "battle tanks": a kind of weapon, no fighting
            if kind == "battle" and _fought_for_a_cause(span.root):
                continue  # "Ukraine is fighting for its sovereignty" (p085): a cause, no battle told
            if kind == "battle" and _term_before(ctx, span):
                continue  # "Order of Battle: Elements of the Russian 217th Airborne Regiment ...": the units fielded
            if (
                kind == "battle"
                and span[-1].lower_ == "taken"
                and span.end < ctx.sent.end
                and doc[span.end].lower_ in NOT_TERRITORY_AFTER
            ):
                continue  # "we have taken a difficult decision": no ground taken
            if kind == "invasion":
                # the invasion named with its day or month is the happening ("Russia's unprovoked invasion of
                # Ukraine in February", The Guardian; "since Russia invaded Ukraine in February 2022", Kyiv Post);
                # named alone or with a year it is the war itself
                if _before_the_war(span.root) is not None or not any(
                    d.value.precision in ("day", "month")
                    and d.start >= span.end_char
                    and _invasion_dated(doc, span, d.start)
                    for d in ctx.dates
                ):
                    continue
                kind = "battle"
            found.append((kind, span.start_char, span.end_char))
    return found


# Event types on new text (issue 8): who gives, what is attacked, what is only allowed.


def _in_active_subject(token, verb) -> bool:
    """ "The Ukrainian military announced on Monday that its forces had shot down a plane" (made up, after
    p080's "the Ukrainian military said"), "artillery barrages sent residents scurrying" (p026, The Guardian):
    the subject of an active verb of giving is the giver, so an arms word there ("military", "artillery", "drones")
    names who acts, not what is given ("weapons were delivered", "the tanks Germany sent" keep theirs)."""
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return False
    # "Russia is currently striving to freeze war" (p098, Onet): the subject of the verb an infinitive completes
    verbs = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    return any(
        child.dep_ == "nsubj" and child.left_edge.i <= token.i <= child.right_edge.i
        for head in verbs
        for child in head.children
    )


def _in_happening_named(ctx: SentenceContext, token) -> bool:
    """ "Russian President Vladimir Putin announced a "special military operation" (SVO ...) in Ukraine" (p185,
    GlobalSecurity.org), "Putin announces a "special military operation" to demilitarise and "de-Nazify" the former
    Soviet country" (p116, Kyiv Post), "the ministry announced new air strikes" (made up): an arms word in the name
    of another happening names that happening, not what is given ("announced new military aid" keeps its aid)."""
    return any(
        cue.label_.startswith("EVENT_") and cue.start <= token.i < cue.end and cue.root.i != token.i
        for cue in ctx.sentence_cues
    )


def _sent_into_a_state(verb) -> bool:
    """ "artillery barrages sent residents scurrying for shelter" (p026, The Guardian), "the news sent oil prices
    soaring" (made up): "send" with an object and a gerund of what it is made to do causes; it gives nothing
    ("sent weapons including tanks" keeps its delivery)."""
    if verb.lemma_ != "send":
        return False
    return any(
        child.dep_ == "dobj"
        and any(g.tag_ == "VBG" and g.dep_ in ("acl", "xcomp", "ccomp", "oprd") for g in child.children)
        for child in verb.children
    ) or any(child.tag_ == "VBG" and child.dep_ in ("xcomp", "ccomp", "oprd") for child in verb.children)


STRUCK_SITES = WORDS["STRUCK_SITES"]


def _site_attacked(attack) -> bool:
    """ "Russia unleashed a string of attacks against Ukrainian rail and fuel installations on Monday, striking crucial
    infrastructure far from the front line" (p078), "carrying out successful attacks on oil refineries and depots
    across Russia" (p166): an attack on plants, depots and infrastructure is a strike from afar, however near the
    front the sentence names ("attacks on Ukrainian positions" stays fighting)."""
    return any(
        child.dep_ in ("prep", "dobj") and any(token.lemma_.lower() in STRUCK_SITES for token in child.subtree)
        for child in attack.children
    )


TALK_SETTINGS = WORDS["TALK_SETTINGS"]
TELLING_VERBS = WORDS["TELLING_VERBS"] | SPEECH_LEMMAS


def _talk_setting(noun):
    """The verb of speech a talk is the setting of ("stressed ... during his talks with Putin" -> stressed), else None:
    what was said in the talk is its content, so the talk ranks as that verb does (`_main_type`)."""
    link = noun.head
    if noun.dep_ != "pobj" or link.lower_ not in TALK_SETTINGS or link.dep_ != "prep":
        return None
    verb = link.head
    return verb if verb.pos_ == "VERB" and verb.lemma_ in TELLING_VERBS else None


NOMINAL_DEPS = frozenset({"pcomp", "acl", "csubj", "nsubj", "dobj", "pobj"})
ONGOING_VERBS = WORDS["ONGOING_VERBS"]
FLIGHT_VERBS = WORDS["FLIGHT_VERBS"]


def _flight_described(verb) -> bool:
    """ "refugees who have fled the war", "Ukrainians whose families were forced to flee Russian bombs",
    "to convince Ukrainians to flee": people described by a flight, or a flight aimed at, is no flight told."""
    if verb.dep_ in ("relcl", "acl"):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ not in ONGOING_VERBS


def _nominal_gerund(verb) -> bool:
    """ "those supplying lethal weapons", "the logic for sending forces", "no taboo over sending armoured
    vehicles": a gerund without an auxiliary names an activity; it reports no delivery or launch."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in NOMINAL_DEPS
        and not any(child.dep_ in ("aux", "auxpass") for child in verb.children)
    )


GROUND_WORDS = WORDS["GROUND_WORDS"]


WEAPONS_FROM_AFAR = WORDS["WEAPONS_FROM_AFAR"]


def _ground_attack(ctx: SentenceContext, span) -> bool:
    """A bare "attack" (no missile, drone or air before it) in a sentence about ground and positions, or made by
    troops: forces, units, soldiers as its subject."""
    root = span.root
    if root.lemma_ != "attack" or len(span) > 1:
        return False
    if _repelled(root):
        return not any(token.lemma_.lower() in ATTACKS_FROM_AFAR for token in root.subtree)
    if any(child.dep_ in ("compound", "amod") for child in root.children):
        return False
    if any(token.lemma_ in WEAPONS_FROM_AFAR for token in root.subtree):
        return False  # "Russia attacked Kyiv with missiles", "Russian drones attacked Odesa"
    if _site_attacked(root):
        return False  # "attacks against Ukrainian rail and fuel installations"
    if root.pos_ == "VERB" and any(noun.lemma_ in TROOPS for noun in _doers(root)):
        return True  # "Russian forces attacked southeast of Velykyi Burluk near Dvorichanske" (p192, ISW)
    return any(token.lower_ in GROUND_WORDS for token in ctx.sent)


REPELLING_VERBS = WORDS["REPELLING_VERBS"]
ATTACKS_FROM_AFAR = WORDS["ATTACKS_FROM_AFAR"]


def _repelled(noun) -> bool:
    """ "Ukrainian forces repelled 211 enemy attacks in key frontline areas" (pool p212, Mezha), "repelled eight Russian
    attacks in the two regions" (pool p071, Daily Mail), "the attack was repulsed" (made up): an attack driven back, the
    object of a verb of repelling (or the subject of its passive)."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in REPELLING_VERBS


def _attack_from_afar_repelled(verb) -> bool:
    """ "the Ukrainian air defense has withstood and repelled a massive attack by enemy drones", "were involved in
    repelling the air attack" (pool p163, CNN): air defence driving back missiles or drones stops a strike; "repelled
    211 enemy attacks" (pool p212, Mezha) stays fighting."""
    return any(
        child.dep_ in ("dobj", "nsubjpass") and any(t.lemma_.lower() in ATTACKS_FROM_AFAR for t in child.subtree)
        for child in verb.children
    )


def _doers(verb) -> list:
    """Who does what a verb tells: its subject, or the noun a participle follows when that noun is all the
    sentence has besides. "Russian forces attacked in Kursk and Sumy oblasts, including north of Sumy City near
    Kindrativka, ... on February 6 and 7" (p192, ISW) and "Ukrainian forces attacked in Kherson Oblast, including
    south of Beryslav near Kozatske, on November 2 and 3" (made up) read to the parser as forces that were
    attacked, a noun with no verb; with no verb beside the participle, it is the verb of the sentence ("the forces
    attacked in Kursk withdrew" keeps its passive: that noun has a verb of its own)."""
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    if (
        not subjects
        and verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(child.dep_ in ("agent", "auxpass") for child in verb.children)
    ):
        return [verb.head]
    return subjects


SEIZING_VERBS = WORDS["SEIZING_VERBS"]
SEIZED_PROPERTY = WORDS["SEIZED_PROPERTY"]
CAPTURED_PEOPLE = WORDS["CAPTURED_PEOPLE"]
TROOPS = WORDS["TROOPS"]


def _taken_thing(verb):
    """The object of a taking verb: its direct object, or the subject of its passive ("a tanker was seized"); in a
    relative clause, the noun its pronoun stands for ("Two British aid workers who were reportedly captured by
    Russian forces", p041, The Guardian)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            return verb.head if _relative_passive(verb) else child
    return None


def _relative_passive(verb) -> bool:
    """A passive relative clause whose pronoun is what was done to: "an Alabama man who was recently captured in
    Ukraine" (p050, The Guardian), "a tanker which was seized" (made up)."""
    return verb.dep_ == "relcl" and any(
        child.dep_ == "nsubjpass" and relative_pronoun(child) for child in verb.children
    )


def _taken_property(verb) -> bool:
    """Whether what the verb takes is property (SEIZED_PROPERTY); a name is read by the noun set beside it: "tried
    to detain the Jaguar, a tanker subject to sanctions" (pool p171, The Economist)."""
    taken = _taken_thing(verb)
    if taken is None:
        return False
    named = [g for g in taken.children if g.dep_ == "appos"] if taken.pos_ == "PROPN" else []
    nouns = [taken, *named, *(c for g in named for c in g.children if c.dep_ == "compound")]
    return any(noun.lemma_ in SEIZED_PROPERTY for noun in nouns)


ENCIRCLING_VERBS = WORDS["ENCIRCLING_VERBS"]


NAMED_THING_BEFORE = WORDS["NAMED_THING_BEFORE"]
TERM_REACH = 3  # words of a term before its last one ("order of battle")


def _term_before(ctx: SentenceContext, span) -> bool:
    """Whether the words just before a cue make it the end of a term ("order of battle")."""
    words = [token.lower_ for token in ctx.sent.doc[max(ctx.sent.start, span.start - TERM_REACH) : span.start]]
    return any(" ".join(words[-n:]) in NAMED_THING_BEFORE for n in range(1, len(words) + 1))


def _word_of_a_name(token) -> bool:
    """A cue word that modifies the next word of a proper name names another thing, a unit or a weapon: "an "elite"
    unit called the Storm Corps" (p179, BBC News), "UK-supplied Storm Shadow missiles" (p127), "first
    reported by Talk TV" (p050, The Guardian). The head of a name keeps its cue: "the Battle of Donbas", "the
    Kursk Offensive"; so does a unit named for its fighting, the troops told doing it: "the Air Assault Forces and
    adjacent units had regained control over 400 square kilometers" (p212, p213)."""
    head = token.head
    return (
        # "Storm" in "A Storm Shadow missile" is tagged a common noun, its capital says otherwise
        (token.tag_ == "NNP" or (token.is_title and not token.is_sent_start))
        and token.dep_ == "compound"
        and head.tag_ in ("NNP", "NNPS")
        # the model leaves a plural proper noun unlemmatized ("Forces")
        and head.lower_.removesuffix("s") not in TROOPS
    )


def _troops_encircle(verb) -> bool:
    """Whether a verb of closing in tells troops closing in: not as a participle on a noun that is no troops
    ("questions surrounding any peace deal", p165; "the villages surrounding Lysychansk"; "surrounding districts")."""
    if verb.dep_ == "amod":
        return False
    return not (verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_ not in TROOPS)


JOURNEY_VERBS = WORDS["JOURNEY_VERBS"]
JOURNEY_PREPOSITIONS = WORDS["JOURNEY_PREPOSITIONS"]
PLACE_LABELS = NAMED_PLACES | {"COUNTRY"}
NOT_TRAVELLERS = PLACE_LABELS | {"NORP", "EQUIPMENT", "PRODUCT"}


def _person_journey(verb) -> bool:
    """ "Kishida arrived in Kyiv on Tuesday", "Blinken travelled to Moscow", "Guterres was touring Borodianka on
    Thursday" (p080): a named person goes to a place."""
    if verb.pos_ != "VERB":
        return False
    subject = next((child for child in verb.children if child.dep_ == "nsubj"), None)
    # a name, not a place, a people or a weapon ("the Leopards arrived in Poland"); the model's PERSON
    # label misses many ("Olaf Scholz" reads as ORG), so any proper name but those will do
    # "Guterres was touring Borodianka": the model tags a name ending in s a plural noun, its entity says otherwise
    named = subject is not None and (subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG"))
    if subject is None or not named or subject.ent_type_ in NOT_TRAVELLERS:
        return False
    return any(
        child.dep_ == "prep"
        and child.lower_ in JOURNEY_PREPOSITIONS
        and any(obj.dep_ == "pobj" and obj.ent_type_ in PLACE_LABELS for obj in child.children)
        for child in verb.children
    ) or any(child.dep_ == "dobj" and child.ent_type_ in PLACE_LABELS for child in verb.children)  # "toured Borodianka"


NAMED_THING_AFTER = WORDS["NAMED_THING_AFTER"]
FIGURATIVE_MEETING = WORDS["FIGURATIVE_MEETING"]


def _met_thing(verb) -> str | None:
    """The lemma of what "meet" takes as its object, if any."""
    return next((child.lemma_ for child in verb.children if child.dep_ == "dobj"), None)


FIGURATIVE_STRIKE = WORDS["FIGURATIVE_STRIKE"]
NOT_TERRITORY_AFTER = WORDS["NOT_TERRITORY_AFTER"]
INVADED_OF = WORDS["INVADED_OF"]
INVASION_DATE_LINKS = WORDS["INVASION_DATE_LINKS"]
BEFORE_THE_WAR_LINKS = WORDS["BEFORE_THE_WAR_LINKS"]
ANNIVERSARY_WORDS = WORDS["ANNIVERSARY"]
ANNIVERSARY_REACH = 14  # words, about the sixty characters a dated clause takes
WAR_TARGET_PREPOSITIONS = WORDS["WAR_TARGET_PREPOSITIONS"]
WAR_PARTIES = WORDS["WAR_PARTIES"]
POSSESSIVE = WORDS["POSSESSIVE"]
SPAN_STARTS = WORDS["SPAN_START"]
COUNTED_FROM = WORDS["COUNTED_FROM"]
YEAR_NAMED_BY = WORDS["YEAR_NAMED_BY"]
PAST_PERFECT_AUX = WORDS["PAST_PERFECT_AUX"]


CLOSING_QUOTE_MARKS = ("”", '"', "’", "'")


def _word_form(token) -> bool:
    """A word written in letters, digits or apostrophes ("Ukraine", "’s"), as a name after "of" is."""
    return all(ch.isalnum() or ch in "_’'" for ch in token.text)


def _invasion_dated(doc, span, date_start: int) -> bool:
    """The invasion cue told with its date: "invasion of Ukraine in February", "invasion on Feb. 24"."""
    words = []
    for token in doc[span.end :]:
        if token.idx >= date_start:
            break
        if not token.is_space:
            words.append(token)
    at = 0
    if words and words[0].text in CLOSING_QUOTE_MARKS and words[0].i == span.end:
        at = 1  # "the “invasion” on 24 February"
    if at < len(words) and words[at].lower_ in INVADED_OF and at + 1 < len(words) and _word_form(words[at + 1]):
        at += 2  # "of Ukraine", "of Ukraine’s"
        while at < len(words) and not words[at - 1].whitespace_ and _word_form(words[at]):
            at += 1
    if at < len(words) and words[at].lower_ in INVASION_DATE_LINKS:
        at += 1
    return at == len(words)


def _before_the_war(noun):
    """The word that sets a time before the invasion the noun names ("before the invasion in February", "prior to
    Russia’s invasion on 24 February"), None when none does: the time is the one before the war, history; "after
    Russia’s invasion of its easterly neighbour on 27 February" (dev p039) tells the war's start."""
    if noun.dep_ != "pobj" or noun.lemma_ not in WAR_START_LEMMAS:
        return None
    link = noun.head
    if link.lower_ == "to" and link.head.lower_ in BEFORE_THE_WAR_LINKS:
        return link.head
    return link if link.lower_ in BEFORE_THE_WAR_LINKS else None


def _before_the_war_day(ctx: SentenceContext, found) -> bool:
    """Whether the date is that of an invasion a time is set before ("Prior to the invasion on February 24, Kyiv was
    a calm city, and on Monday Russian missiles hit its power plant", made up): it dates no other happening."""
    for noun in ctx.sent:
        link = _before_the_war(noun)
        if link is not None and link.left_edge.idx <= found.start < link.right_edge.idx + len(link.right_edge):
            return True
    return False


def _war_itself(doc, span) -> bool:
    """ "attack on Ukraine", "aggression against Russia": the war, no strike; "attack on Ukraine's grid" is one."""
    after = [token for token in doc[span[0].i + 1 : span[0].i + 6] if not token.is_space][:3]
    return (
        len(after) >= 2
        and after[0].lower_ in WAR_TARGET_PREPOSITIONS
        and after[1].lower_ in WAR_PARTIES
        and not (len(after) > 2 and after[2].lower_ in POSSESSIVE)
    )


def _span_start(doc, sent, date_start: int) -> bool:
    """Whether the date is where a span of time ends ("until February 24", "ahead of Friday's summit")."""
    words = [t for t in doc[sent.start : sent.end] if t.idx + len(t.text) <= date_start and not t.is_space][-2:]
    return (
        bool(words)
        and (words[-1].lower_ in SPAN_STARTS or " ".join(t.lower_ for t in words) in SPAN_STARTS)
        and bool(words[-1].whitespace_ or doc[words[-1].i + 1].is_space)
    )


def _year_counted_from(doc, found) -> bool:
    """ "Dozens of similar attacks since 2022 have deprived millions of people ... of heat" (dev p195, Al Jazeera),
    "the eastern regions of Donetsk and Luhansk, which have been partly held by Russian-backed separatists since
    2014" (dev p036, The Guardian), "Western firms ... have been leaving since 2022" (made up): the year a span is
    counted from dates no happening, the gold leaves these undated; "since 2014, when Russian proxies initially
    seized the city" (dev p069) names the happening of that year in its clause of "when", and "since 24 February"
    (dev p037) is the day the span opens on, which dates it."""
    if found.value.precision != "year" or found.text.split()[0].lower() not in COUNTED_FROM:
        return False
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    following = [token for token in doc[span.end : span.end + 2] if not token.is_punct] if span is not None else []
    return not (following and following[0].lower_ in YEAR_NAMED_BY)


def _anniversary(doc, sent, date_start: int) -> bool:
    """Whether the date is an anniversary's: "anniversary" among the 14 words before it, in its sentence
    ("on the first anniversary of Russia's full-scale invasion of Ukraine on February 24", "which marks its third
    anniversary on February 24")."""
    before = [t for t in doc[sent.start : sent.end] if t.idx + len(t.text) <= date_start and not t.is_space]
    for token in reversed(before[-ANNIVERSARY_REACH:]):
        if token.text == ".":
            return False
        if token.lower_ in ANNIVERSARY_WORDS:
            return True
    return False


def _past_perfect(sent) -> bool:
    """ "forces had regained 300 sq km", "had been pushed back": a clause in the past perfect."""
    return any(
        token.lower_ in PAST_PERFECT_AUX and token.dep_ == "aux" and token.head.tag_ in ("VBN", "VBD") for token in sent
    )


def _live_cue(ctx: SentenceContext, kind: str, start: int, end: int) -> bool:
    """ "attack on Ukraine" (the war itself), "US-supplied Himars", "a press conference" tell no happening.

    Negation, conjecture, the future and quotation are the context modifiers' (context.py).
    """
    doc = ctx.sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    if kind == "strike" and _war_itself(doc, span):
        return False
    if span.root.dep_ == "amod" and kind in ATTRIBUTE_TYPES:
        # "reclaim captured territories", "US-supplied Himars" (a weapon named, no delivery), "trained
        # crews" (no training), "frozen Russian assets" (no freezing)
        return False
    if kind == "aid" and _weapon_named(span.root):
        return False  # "the Himars rocket launchers supplied by the United States": a weapon named, no delivery
    if _times_counted(span.root):
        return False  # "Russia had struck energy infrastructure 217 times this year": a count, not a happening
    # a press conference is a statement
    return not (kind == "diplomacy" and span[0].i > 0 and doc[span[0].i - 1].lower_ in STATEMENT_SETTINGS)


REFUSING_AUX = WORDS["REFUSING_AUX"]
STATEMENT_SETTINGS = WORDS["STATEMENT_SETTINGS"]


def _refusal(verb) -> bool:
    """ "The US will not supply Ukraine with rockets that can reach into Russia" (The Guardian), "We are not
    going to send to Ukraine rocket systems" (Biden): a donor's refusal is an aid happening (SPEC.md); "the
    air force did not provide an estimate" refuses nothing."""
    if verb.lemma_ not in GIVING_VERBS:
        return False
    if any(child.dep_ == "aux" and child.lower_ in REFUSING_AUX for child in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ == "going"


def _weapon_named(verb) -> bool:
    """ "launchers supplied by the United States", "US-supplied Himars": a participle naming a weapon."""
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")


def meeting_of_the_aid(ctx: SentenceContext) -> bool:
    """Whether every diplomacy cue of the sentence is the setting of the aid it reports.

    "During the summit, the UK said it would make available a further £1bn of lethal aid" (The Guardian):
    the summit is where; "the EU signed off on an agreement to finance the purchase and delivery of
    weapons" (The Guardian): the agreement is the aid itself. "Johnson has made a surprise trip to Kyiv
    ..., pledging a major new infusion of British arms" tells a visit of its own.
    """
    meetings = [span.root for span in ctx.sentence_cues if span.label_ == "EVENT_DIPLOMACY"]
    return bool(meetings) and all(_setting_of_aid(token) for token in meetings)


def _setting_of_aid(token) -> bool:
    if token.dep_ == "pobj" and token.head.lower_ == "during":
        return True  # "during the summit", "during their phone call"
    nouns = [token, *(obj for prep in token.children if prep.dep_ == "prep" for obj in prep.children)]
    # "an agreement to finance", "signed off on an agreement to finance", "a deal to send"
    return any(child.dep_ == "acl" and child.lemma_ in GIVING_VERBS for noun in nouns for child in noun.children)


def aid_named_in_passing(sent) -> bool:
    """Whether the sentence's aid verbs all name weapons ("the Himars supplied by the US have
    strengthened the army"): its pledge tells what was given before, not a new happening."""
    verbs = [
        span.root
        for span in sent.doc.spans.get("cues", [])
        if span.label_ == "NEAR_AID" and sent.start <= span.start < sent.end
    ]
    return bool(verbs) and all(_weapon_named(verb) for verb in verbs)


GIVING_VERBS = WORDS["GIVING_VERBS"]


def promise_of_another_deed(verb) -> bool:
    """ "pledged to stand with Ukraine for as long as it takes", "has pledged not to cede an inch of land":
    a promise of something other than giving is no aid."""
    if verb.pos_ != "VERB" or any(child.dep_ == "dobj" for child in verb.children):
        return False  # "pledged new cash to counter disinformation": a thing pledged
    deeds = [child for child in verb.children if child.dep_ == "xcomp"]
    return bool(deeds) and all(deed.lemma_ not in GIVING_VERBS for deed in deeds)


# A cue used as an adjective names a thing by what was done to it.
ATTRIBUTE_TYPES = frozenset({"aid", "battle", "training", "sanctions"})


def _times_counted(verb) -> bool:
    """ "struck ... 217 times", "was shelled 40 times": the verb counts many happenings."""
    return any(
        child.lower_ == "times" and any(grand.dep_ == "nummod" for grand in child.children) for child in verb.children
    )


def _imperative(ctx: SentenceContext) -> bool:
    """ "Strike the occupier!", "Let's win together!": a slogan or an appeal reports no happening."""
    root = ctx.sent.root
    if root.tag_ != "VB":
        return False  # read first: most sentences' root is no bare verb, and their words are not walked
    first = next((token for token in ctx.sent if not (token.is_punct or token.is_space or token.is_quote)), None)
    return (
        first is not None
        and root.i == first.i
        and not any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in root.children)
    )


# A line closed by punctuation is a sentence; a quotation mark alone closes a title that ends on a
# quoted phrase ("Xi meets ‘dear friend’", "Biden calls Putin a ‘war criminal’").
HEADLINE_END = re.compile(r"[.!?:;,)\]][\"”’]?\s*$")


def _headline(ctx: SentenceContext) -> bool:
    """ "Norway sends F-16s and instructors": a headline or subheading is a title, not the report.

    A line of its own, short, with no closing punctuation and no verb in the past: the
    paragraph under it tells the happening (SPEC.md keeps titles out of the timeline).
    """
    text = ctx.text.strip()
    if not text or HEADLINE_END.search(text) or "\n" in text:
        return False
    article = ctx.article_text
    line_start = article.rfind("\n", 0, ctx.start) + 1
    if article[line_start : ctx.start].strip():
        return False
    words = [token for token in ctx.sent if not (token.is_punct or token.is_space)]
    if not words or words[-1].pos_ in ("ADP", "DET", "CCONJ"):
        return False  # a line cut short ("Fighting continues in"), not a title
    return len(words) <= 14 and not any(token.tag_ in ("VBD", "VBN") for token in words)


FRAMING_VERBS = WORDS["FRAMING_VERBS"]
FRAMING_LINKS = WORDS["FRAMING_LINKS"]
# The words of a framed clause that name its happening: its verb, or the verb's subject or object ("has stepped up
# its manufacturing of exploding drones"); not a word describing a person in it ("a close Putin ally")
FRAMED_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _framing(ctx: SentenceContext) -> bool:
    """ "The Russian ultimatum comes one day after Joe Biden said ...": background, not a report."""
    root = ctx.sent.root
    if ctx.dates:
        return False  # "follows the January 20 conference", "after the US last month passed": a dated happening
    if root.lemma_ not in FRAMING_VERBS or root.tag_ not in ("VBZ", "VBD"):
        return False
    subjects = [child for child in root.children if child.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return False
    cues = cue_types(ctx)
    if any(start <= subjects[0].idx < end for _kind, start, end in cues):
        return False  # "The blasts came a week after an attack": a happening, then the one before it
    if _framed_happening(ctx, root, cues):
        return False
    if root.lemma_ == "follow":
        return any(child.dep_ == "dobj" for child in root.children)
    return any(
        child.dep_ in ("prep", "advcl", "npadvmod", "mark") and child.lower_ in FRAMING_LINKS for child in root.children
    ) or any(
        child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in FRAMING_LINKS for g in child.children)
        for child in root.children
    )


def _framed_happening(ctx: SentenceContext, root, cues: list[tuple[str, int, int]]) -> bool:
    """Whether what a framing sentence is set after or beside is a happening its cue names: a cue noun as the object of
    "follows" or of "after" ("The swap follows the first face-to-face talks between the two sides in three years, which
    took place in Turkey", pool p180, BBC; "The new deadline comes after US-mediated trilateral talks in Abu Dhabi",
    pool p193, Al Jazeera; "The latest deadline follows U.S.-brokered trilateral talks in Abu Dhabi", pool p194, NPR),
    or the verb of its clause of "as"/"after" or that verb's subject or object ("comes as Russia has successfully
    stepped up its industrial-scale manufacturing of exploding drones", p017, NYT; "Peskov's comments came after Russia
    halted gas supplies to Poland and Bulgaria", p040, The Guardian). The sentence tells that happening."""
    framed = [child for child in root.children if child.dep_ == "dobj"] + [
        noun
        for child in root.children
        if child.dep_ == "prep" and child.lower_ in FRAMING_LINKS
        for noun in child.children
        if noun.dep_ == "pobj"
    ]
    clauses = [
        child
        for child in root.children
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in FRAMING_LINKS for g in child.children)
    ]
    doc = ctx.sent.doc
    for _kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if span.root in framed or span.root in clauses:
            return True
        if span.root.head in clauses and span.root.dep_ in FRAMED_ARGUMENTS:
            return True
    return False


# The war began with the seizure of Crimea in 2014: a sentence dated only before it tells history
# ("In 1999 the Russians took six weeks to seize Grozny", "Putin, leader since 1999, told ...").
WAR_BEGAN = datetime.date(2014, 1, 1)


CAPTION_POSITIONS = WORDS["CAPTION_POSITIONS"]
CAPTION_POSITION_ORDINALS = WORDS["CAPTION_POSITION_ORDINALS"]


# A photo credit closing a line: "(AP Photo/Emilio Morenatti)", "(Clodagh Kilcoyne/PA)", "(OSV News
# photo/Gina Christian)", "(Yuriy Dyachyshyn/AFP via Getty Images)".
PHOTO_CREDIT = re.compile(
    r"\((?:[^()]{0,40}\b[Pp]hoto\b[^()]{0,40}|[A-Z][\w.'’ -]{2,40}/[A-Z][\w .]{1,40}"
    r"|[^()]{0,60}\bvia Getty Images)\)\W*$"
)
# The same credit as the next sentence of its own ("... on Monday. (AP Photo/Emilio Morenatti)").
CREDIT_NEXT = re.compile(r"\s*(\([^()\n]{3,80}\))[ \t]*(?:\n|$)")
# A credit with no parentheses closing a caption's line (h-bg2): "Emmanuel Macron said that France had sent a lot
# of military equipment to Ukraine | Ludovic Marin/AFP via Getty Images" (p068, POLITICO), "Kishida (center) visited
# the site of a mass grave in Bucha. Sergei Chuzavkov/AFP/Getty Images" (p121, CNN), "... at the Kremlin in Moscow on
# Jan. 22, 2026.  Alexander Kazakov—Getty Images" (p205, TIME): after a bar or the caption's full stop, a name, then a
# slash or a dash and the agency (cleaning's list), the line's last words
BARE_CREDIT = re.compile(
    r"(?:[ \t]\|[ \t]*|[.!?][ \t]*)(?:[A-Z][\w.'’-]*[ \t]+){0,4}[A-Z][\w.'’-]*[ \t]*[/—][^|\n.!?()]{0,60}?"
    rf"\b{PHOTO_AGENCY}[ \t]*$"
)


def _caption(ctx: SentenceContext) -> bool:
    """A photo caption names who stands where, or ends on its credit; the article's own sentences
    tell the happening."""
    if PHOTO_CREDIT.search(ctx.text):
        return True
    following = CREDIT_NEXT.match(ctx.article_text, ctx.end)
    if following and PHOTO_CREDIT.search(following.group(1)):
        return True
    # the credit closes the sentence's line and starts where the sentence ends: a line of several sentences is
    # no caption but its last
    sentence_end = ctx.start + len(ctx.text.rstrip())
    line_end = ctx.article_text.find("\n", sentence_end)
    credit = BARE_CREDIT.search(ctx.article_text, ctx.start, line_end if line_end >= 0 else len(ctx.article_text))
    if credit is not None and credit.start() <= sentence_end:
        return True
    if "(" not in ctx.text:
        return False
    for token in ctx.sent:
        if token.text != "(" or token.i == ctx.sent.start or token.i + 2 >= ctx.sent.end:
            continue
        doc = token.doc
        inside = doc[token.i + 1 : min(token.i + 4, ctx.sent.end)]
        closing = next((t.i for t in inside if t.text == ")"), None)
        words = [t.lower_ for t in doc[token.i + 1 : closing]] if closing else []
        if (
            doc[token.i - 1].pos_ == "PROPN"
            and doc[token.i - 1].ent_type_ not in NAMED_PLACES  # "the Kherson (left) bank"
            and words
            and words[-1] in CAPTION_POSITIONS
            and all(w in CAPTION_POSITIONS or w in CAPTION_POSITION_ORDINALS for w in words)
        ):
            return True
    return False


def _verbless(ctx: SentenceContext) -> bool:
    """ "And the fact that sanctions against Russia are still bypassed." (TVN24), "A train car after a rocket
    attack at a train station in Kramatorsk ... that was being used for civilian evacuations." (a Guardian
    caption): a noun described by a clause, with no verb of its own, tells no happening. A bare noun line
    ("Heavy fighting near Bakhmut on Monday.") may be a live page's report and is kept, and so is a verb the
    parser hung on its subject ("Twice the Russian invaders attacked on the Oleksandrivka direction")."""
    root = ctx.sent.root
    return (
        root.pos_ in ("NOUN", "PROPN")
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in root.children)
        and any(
            child.dep_ in ("acl", "relcl")
            and any(grand.dep_ in ("nsubj", "nsubjpass", "mark") for grand in child.children)
            for child in root.children
        )
    )


# Talks and their topics, days in a talk's own clause, captions that name a scene (issue 8).
TALK_TOPIC_LINKS = WORDS["TALK_TOPIC_LINKS"]
TALK_TOPIC_VERBS = WORDS["TALK_TOPIC_VERBS"]
TALK_NOUNS = WORDS["TALK_NOUNS"]
TOPIC_REACH = 6  # heads climbed from a cue to the word its topic hangs on ("the sanctions package against Russia")


def talk_topics_as_talks(ctx: SentenceContext, cues: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The cues, with those that name the topic of a talk typed as the talk: "Mr Zelensky said it was a "fruitful"
    meeting where they spoke about the sanctions package against Russia" (p132), "during the meeting they talked
    about the economic support of Ukraine, sanctions against the Russian Federation" (p087, TVN24), "Scholz and Biden
    held talks on new sanctions on Monday" (made up): what was said in a meeting is its content, the meeting the
    happening, as the dev gold types "The United States and Ukraine discussed further military aid" (seed-001)
    diplomacy."""
    doc = ctx.sent.doc
    talks = set()
    for kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if kind == "diplomacy" and span is not None:
            talks.add(span.root.i)
    if not talks:
        return cues
    return [
        ("diplomacy", start, end)
        if kind != "diplomacy" and _topic_of_a_talk(doc, start, end, talks)
        else (kind, start, end)
        for kind, start, end in cues
    ]


def _topic_of_a_talk(doc, start: int, end: int, talks: set[int]) -> bool:
    """Whether the cue lies in what a talk is about: the object of "discuss", or a phrase of "about", "on" hung on a
    talk noun ("talks on sanctions") or on a verb of talking in the meeting ("a meeting where they spoke about ...",
    "during the meeting they talked about ...")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(TOPIC_REACH):
        if token.head.i == token.i:
            return False
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ in TALK_TOPIC_LINKS:
            talker = token.head.head
        elif token.dep_ == "dobj" and token.head.lemma_ in TALKING_VERBS:
            talker = token.head
        else:
            token = token.head
            continue
        return talker.i in talks or (talker.lemma_ in TALK_TOPIC_VERBS and _in_a_talk(talker, talks))
    return False


def _in_a_talk(verb, talks: set[int]) -> bool:
    """A verb of talking told of a meeting: in its relative clause ("a meeting where they spoke"), or set in it ("during
    the meeting they talked")."""
    if verb.dep_ == "relcl" and verb.head.i in talks:
        return True
    return any(
        child.dep_ == "prep" and child.lower_ in TALK_SETTINGS and any(g.i in talks for g in child.children)
        for child in verb.children
    )


def _talk_dated(ctx: SentenceContext, found) -> bool:
    """Whether the date hangs on the verb whose subject is a talk: "continuing discussions between officials from the
    two sides, which last took place in person in Turkey on March 29, before Moscow launched a new offensive" (p065,
    Al Jazeera), "Hours after the first day of talks ended on Tuesday, Russian drones killed a woman" (p207, AP): the
    day is the talk's, however near a cue of another type stands to it."""
    verb = _statement_head(ctx, found)  # the word the date hangs on
    if verb is None or verb.pos_ != "VERB":
        return False
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl"):
        subjects.append(verb.head)  # the noun a clause of "which" or a participle tells of
    return any(_talk_named(noun) for noun in subjects)


def _talk_named(noun) -> bool:
    """A talk noun, or one the noun belongs to ("the first day of talks", "officials from the two sides" of the
    "discussions between" them, as the parser hangs a relative clause on the last noun before it)."""
    if noun.lemma_ in TALK_NOUNS:
        return True
    if any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(g.dep_ == "pobj" and g.lemma_ in TALK_NOUNS for g in prep.children)
        for prep in noun.children
    ):
        return True
    token = noun
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.dep_ != "prep":
            return False
        token = token.head.head
        if token.lemma_ in TALK_NOUNS:
            return True
    return False


def _noun_scene(ctx: SentenceContext, cues: list[tuple[str, int, int]]) -> bool:
    """ "The besieged Iron and Steel Works in Mariupol, during the Russian invasion of Ukraine, May 15, 2022." (p044,
    a Reuters caption in The Guardian), "A destroyed school in Kharkiv during the Russian invasion of Ukraine, May 16,
    2022." (made up): a caption that names a thing and where it stands, with no verb, reports nothing; the happening in
    its phrase of time is the setting. A noun line whose head is the happening ("Heavy fighting near Bakhmut on
    Monday.") is a live page's report and stays."""
    root = ctx.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(t.pos_ in ("VERB", "AUX") and not (t.tag_ in ("VBN", "VBG") and t.dep_ == "amod") for t in ctx.sent):
        return False
    doc = ctx.sent.doc
    heads = {root.i} | {child.i for child in root.children if child.dep_ == "conj"}
    return not any(
        (span := doc.char_span(start, end, alignment_mode="expand")) is not None and span.root.i in heads
        for _kind, start, end in cues
    )


NAMING_VERBS = WORDS["NAMING_VERBS"]


def _named_as(doc, cue: tuple[str, int, int]) -> bool:
    """ "Mr Putin has falsely sought to present Russia's invasion as a battle against nationalists" (p113), "Article 5,
    which treats an attack on one as an attack on all" (p170, The Economist), "for even referring to it as a war"
    (p055, The Guardian): what a happening is named or taken for is no happening of its own. ("Russian forces have
    made advances, as an offensive ... appears to be gathering pace": an "as" the parser read as a preposition
    after a verb that names nothing tells one.)"""
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    if noun.dep_ == "dobj" and noun.head.lemma_ in NAMING_VERBS:
        return _names_its_object(noun.head)
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.lemma_ in NAMING_VERBS


REACTION_WORDS = WORDS["REACTION_WORDS"]


def _reacted_to(doc, cue: tuple[str, int, int]) -> bool:
    """ "Western leaders have responded with fury to Russia’s “barbaric” military attacks on Ukrainian cities" (p018,
    The Guardian), "The USA responds to Russia's attack" (p076, Gazeta.pl), "In response to the sanctions, Moscow cut
    gas supplies" (made up): a happening reacted to is told elsewhere, the reaction (a statement, or a deed of its own
    cue) is what the sentence tells."""
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    return noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lemma_ in REACTION_WORDS


REASON_NOUNS = WORDS["REASON_NOUNS"]


def _grounds_given(doc, cue: tuple[str, int, int]) -> bool:
    """ "Beijing has blocked efforts to censure Moscow in the United Nations and has repeated Russian justifications for
    the attack" (p137, Fox News), "calling his actions "unconscionable" and his justifications for the invasion "BS""
    (p041, The Guardian), "a baseless pretext for the invasion he launched on 24 February" (p021, The Guardian), "Moscow
    repeated its excuses for the strike" (made up): the grounds given for a happening are words about it; the
    happening is told in its own sentence ("Russia gave no warning before the attack" keeps its strike)."""
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "for":
        return False
    link = span.root.head
    # the parser hangs "for" on the noun of grounds or on the verb that takes it ("has repeated ... justifications")
    return link.head.lemma_ in REASON_NOUNS or (link.i > 0 and doc[link.i - 1].lemma_ in REASON_NOUNS)


def _names_its_object(verb) -> bool:
    """ "The US embassy in Kyiv called the attack a “war crime”" (p020, The Guardian), "Kuleba called the strikes a
    “heinous act of barbarism”" (p080), "Guterres has called the Russian invasion “the saddest moment”" (p070, Al
    Jazeera): a verb of naming with a second object (or "as") says what its object is; the happening it names is told
    in its own sentence ("Biden called Zelensky on Monday" names nothing: a call)."""
    return any(child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as") for child in verb.children)


def _described_by_it(ctx: SentenceContext, cue: tuple[str, int, int]) -> bool:
    """ "This includes Crimea - Ukraine's southern peninsula annexed by Russia in 2014" (p180), "as well as the Crimean
    Peninsula annexed in 2014" (p202), "Crimea, annexed by Russia in 2014, lies to the south" (made up): a place or
    people named by what was done to them (a participle after a noun, or a passive clause of "who": "Two British aid
    workers who were reportedly captured by Russian forces in Ukraine have been named", p041, The Guardian), as
    refugees are by their flight; the happening, if news, is told in its own sentence. So is the attack that did it,
    in a clause with no day of its own (_done_to_it)."""
    kind, start, end = cue
    span = ctx.sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if kind == "other" and root.tag_ == "VBN" and (root.dep_ == "acl" or _relative_passive(root)):
        return True
    if kind in DESCRIBING_TYPES and _told_of_its_noun(root) and not any(_dates_inside(ctx, root)):
        return True
    if root.dep_ == "dobj" and root.head.lemma_ in FLIGHT_VERBS and _flight_described(root.head):
        return True  # "Ukrainians who had fled fighting in other parts of the country" (pool p057, RFE/RL)
    # aid told of its noun is the aid ("The UK will double the number of missiles it sends to Ukraine", dev p029): the
    # pledge hangs on its card
    return _done_to_it(ctx, root) or (kind != "aid" and _what_its_noun_did(ctx, root, kind))


# The nouns a relative clause of "that" sets a time by, as "when" does: "on a night that Russia fired almost 600 drones"
TIME_HEADS = WORDS["TIME_HEADS"]


def _what_its_noun_did(ctx: SentenceContext, token, kind: str) -> bool:
    """ "HIMARS, a weapons platform that Ukraine has recently been using to strike effectively in Russian territory"
    (pool p161), "a contract army that is mostly fighting in Ukraine" (pool p164, The Economist), "a company that says
    it carries out evacuations" (pool p041, The Guardian), "The pro-Kremlin leader of Chechnya, whose forces have been
    fighting in Mariupol, predicted ..." (dev p061, Reuters), "the drone unit that took part in the counter-attack
    said ..." (made up): an active relative clause with no day of its own describes a person, a body or a thing by what
    it did or went through, background to what the sentence tells; the happening, if news, is told in its own
    sentence. Not a place or a site: what a place went through is its news ("the southern city of Mykolaiv, which has
    faced significant shelling", dev p037; "Ukraine's energy infrastructure, which it targets with repeated barrages",
    dev p116, both events in the gold). A clause with its own day may be the news ("the delegation that reached a deal
    last week"), and so may a clause of "to" ("has become the latest Russian oligarch to be subjected to sanctions by
    the UK", pool p052; "the first foreign leader to address the Ukrainian parliament", pool p046); a clause of
    "where" or "when" and a passive one (_told_of_its_noun) have their own rules; a clause hung on a time ("on a night
    that Russia fired 600 drones") sets when. So does a participle in "-ing" hung on a noun, for fighting ("the
    commander of Taifun, a special-forces drone unit fighting in the area, says ...", pool p173, The Economist;
    "Ukraine's soldiers, fighting in the most brutal conflict of the 21st century, have retained their essential human
    qualities", pool p203, Lowy Institute); people meeting are at the meeting ("EU leaders meeting in Brussels vowed
    ...", pool p140)."""
    clause = next((t for t in (token, *token.ancestors) if _describing_clause(t, kind)), None)
    if clause is None or clause.head.pos_ not in ("NOUN", "PROPN") or _place_or_site(clause.head):
        return False
    if any(child.tag_ in ("WRB", "TO") or child.dep_ == "auxpass" for child in clause.children):
        return False
    return not any(_dates_inside(ctx, clause))


def _describing_clause(token, kind: str) -> bool:
    """A relative clause, or for DESCRIBING_TYPES a participle in "-ing" hung on a noun."""
    return token.dep_ == "relcl" or (kind in DESCRIBING_TYPES and token.dep_ == "acl" and token.tag_ == "VBG")


def _place_or_site(noun) -> bool:
    """A place, a site or a time a relative clause may hang on ("Pokrovsk, a city that ...", "the night that ...")."""
    nouns = [noun, noun.head] if noun.dep_ == "appos" else [noun]
    return any(
        n.ent_type_ in NAMED_PLACES or n.lemma_ in GROUND_NOUNS or n.lemma_ in STRUCK_SITES or n.lemma_ in TIME_HEADS
        for n in nouns
    )


# The types whose cue, told of a noun by a passive clause of its own, describes it rather than tells a happening;
# a strike told so is often the news itself ("a five-storey residential building hit by a drone", pool p180), and
# so is training ("Ukrainian pilots who were being trained in Poland to fly the planes are now grounded", dev p025,
# a training event in the gold)
DESCRIBING_TYPES = frozenset({"battle"})


def _told_of_its_noun(verb) -> bool:
    """ "Ukrainian servicemen who were holed up in the Azovstal steel plant in Ukraine's south-east, which was besieged
    by Russia" (pool p044, The Guardian), "We managed to release the drivers and rescuers captured by the occupiers 2
    days ago in Mangush" (pool p033, The Guardian), "the Azovstal steel mill besieged by Russian forces" (pool p044,
    Reuters in The Guardian's live blog): a passive clause of "which" or "who", or a participle with its doer,
    describes a place or people by what was done to them. A clause with a day of its own may be the news ("Kherson,
    which was liberated by Ukrainian forces on Friday"), and a participle with no doer may be the parser's reading of
    a verb told ("Russian forces attacked in Kursk and Sumy oblasts ... on February 6 and 7", pool p192)."""
    if verb.tag_ != "VBN":
        return False
    return _relative_passive(verb) or (verb.dep_ == "acl" and any(child.dep_ == "agent" for child in verb.children))


def _done_to_it(ctx: SentenceContext, token) -> bool:
    """ "A woman displaced by Russian shelling leaves a metro station ..., on 22 May in Kharkiv, Ukraine." (pool p046,
    The Guardian), "Workers cut a pipe at Darnytsia Thermal Power Plant, which was heavily damaged by Russian missile
    and drone strikes, in Kyiv, Ukraine, on February 4, 2026." (pool p198, Al Jazeera), "Ukrainian sappers carry a
    Russian military drone backdropped by the Antonov An-225, world's biggest cargo aircraft destroyed by the Russian
    troops during recent fighting, at the Antonov airport in Hostomel, ..., Monday, April 18, 2022." (pool p058, AP):
    in a sentence told by its own verb, as an agency's caption tells its scene, a participle or a passive clause of
    "which" hung on a noun says what was done to that noun before; the attack in it is told elsewhere, and the
    sentence's day is the scene's. A clause that holds its own day keeps its happening ("sleeping kits delivered by
    the Red Cross Jan. 30, 2026", dev p190, OSV News)."""
    if not _scene_present(ctx.sent.root):
        return False
    clause = token
    while not (
        clause.tag_ == "VBN"
        and (clause.dep_ == "acl" or _relative_passive(clause))
        and clause.head.pos_ in ("NOUN", "PROPN")
    ):
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    inside = _dates_inside(ctx, clause)
    # undated, the clause may be the news itself ("Fox News reporter Benjamin Hall, who was injured an attack in
    # Kyiv", dev p036): only a day the sentence gives its own verb makes it the scene's
    return not any(inside) and not all(inside)


def _dates_inside(ctx: SentenceContext, clause) -> list[bool]:
    """For each date of the sentence, whether it lies in the clause (a caption's dateline set after a place does
    not)."""
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return [start <= found.start < end and not _dateline(ctx, found) for found in ctx.dates]


def _scene_present(verb) -> bool:
    """A main verb in the present, as a caption tells its scene: "leaves", "are seen", "are evacuated", or a form the
    past shares with it ("Workers cut a pipe", which the tagger reads as a past). A line with no verb of its own
    ("Kyiv hit by missiles") is _noun_scene's and _verbless's; a past ("About a dozen buses carrying Ukrainian
    servicemen ..., which was besieged by Russia, left the plant on Monday", pool p044, The Guardian) is the news,
    and its clauses may tell the happening."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if verb.tag_ == "VBD":
        return verb.lower_ == verb.lemma_
    return verb.tag_ in ("VBN", "VBG") and any(
        child.dep_ in ("aux", "auxpass") and child.tag_ in ("VBZ", "VBP") and child.lemma_ == "be"
        for child in verb.children
    )


def _dateline(ctx: SentenceContext, found) -> bool:
    """A day set after a place and its country, as a caption's scene is dated: "... mall targeted by a Russian
    missile strike in Kremenchuk, Ukraine, June 29th, 2022." (pool p051, The Guardian), where the parser hangs the day
    on the place, inside the clause before it."""
    span = ctx.sent.doc.char_span(found.start, found.end, alignment_mode="expand")
    return (
        span is not None
        and span.root.dep_ in ("appos", "conj", "npadvmod")
        and span.root.head.ent_type_ in PLACE_LABELS
    )


# The types whose cue word also names a kind of place or weapon when it stands before another noun.
NAMING_TYPES = frozenset({"training", "strike"})
# ... and those whose cue word names a place or a measure there, unless the noun names the happening itself ("a
# recruitment drive", "a conference call", "the mobilisation campaign", "a sanctions package")
HEADED_NAMING_TYPES = frozenset({"diplomacy", "mobilization", "sanctions"})
HAPPENING_HEADS = WORDS["HAPPENING_HEADS"]


def _kind_of_thing(doc, cue: tuple[str, int, int]) -> bool:
    """ "The fire, at a training centre on the site's perimeter, was extinguished on Friday" (p020, The Guardian),
    "jet-powered strike drones and glide bombs" (p176, The Economist), "Russia's increasingly large strike packages
    continue to highlight ..." (p192, ISW), "The air raid alert in Kharkiv region was subsequently lifted" (p142):
    a cue word before the noun it qualifies names a kind of place or weapon, no training or strike held ("a
    missile strike", where the cue is the head, tells one). So do talks and call-ups before a place or a measure:
    "Druke and Huynh didn't return to a meeting spot after their group came under heavy fire" (p051, The Guardian),
    "a sustainable number given Russian recruitment levels of about 40,000 a month" (p198, Al Jazeera), "the
    conference hall was full" (made up), "the existing EU sanctions regime would be strengthened" (p140, Fox News);
    a noun naming the happening itself keeps it ("a recruitment drive", "the 14th sanctions package").
    Battle words are left alone: "stopped 40 Russian assault actions", "an elite assault unit ... began the full
    counter-charge" report fighting."""
    kind, start, end = cue
    span = doc.char_span(start, end, alignment_mode="expand")
    return (
        span is not None
        and span.root.dep_ == "compound"
        and span.root.pos_ in ("NOUN", "VERB")
        and (kind in NAMING_TYPES or (kind in HEADED_NAMING_TYPES and span.root.head.lemma_ not in HAPPENING_HEADS))
    )


def _since_clause(doc, cue: tuple[str, int, int]) -> bool:
    """ "only their second public appearance together since Russia launched its invasion" (p046, The Guardian), "It
    would be the first time the two leaders have spoken since Russia launched its invasion" (p121, CNN), "Western
    countries have donated hundreds of millions of pounds of military aid to Ukraine since Russia launched its
    invasion back in February" (p079): with no day, a clause of "since" is the point the sentence counts from, told
    elsewhere ("Since Russia invaded Ukraine in February 2022" is dated and gives its battle)."""
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    verb = _predicate(span.root) if span is not None else None
    return verb is not None and any(child.dep_ == "mark" and child.lower_ == "since" for child in verb.children)


def _undated_since_clause(ctx: SentenceContext, cue: tuple[str, int, int]) -> bool:
    """A clause of "since" that holds none of the sentence's dates is the point it counts from, even when another
    clause is dated: "Since it was previously detained it has changed its name to Boracay, just one of the five names
    it has used since entering the dark fleet in 2022" (pool p171, The Economist); "Since Russia invaded Ukraine in
    February 2022" holds its date and gives its battle."""
    doc = ctx.sent.doc
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    verb = _predicate(span.root) if span is not None else None
    if verb is None or not _since_clause(doc, cue):
        return False
    start, end = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    return not any(start <= found.start < end for found in ctx.dates)


RANGE_ENDS = WORDS["RANGE_ENDS"]


def _end_of_range(ctx: SentenceContext, found) -> bool:
    """ "From 2010 to 2021, the UK provided a total of £204 million in bilateral aid" (p206, House of Commons
    Library), "a 15-month period from the start of the Russian invasion to May 2023" (p129), "an explosion was heard
    from Saturday to Sunday at night" (p146, TVN24): a range is dated by its first day (issue 8), so its end dates
    nothing; a range that starts before the war is history."""
    span = ctx.sent.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return False
    link = span.root.head
    if link.lower_ not in RANGE_ENDS or link.dep_ != "prep":
        return False
    # "from X to Y": the "to" hangs on "from", or beside it on the same word
    return link.head.lower_ == "from" or any(
        child.dep_ == "prep" and child.lower_ == "from" for child in link.head.children
    )


WAR_BEGINNING_WORDS = WORDS["WAR_BEGINNING_WORDS"]


def _war_start_day(ctx: SentenceContext, found, cues: list[tuple[str, int, int]]) -> bool:
    """Whether a date names the day the war began beside a happening of another type: "accountable for its Feb. 24
    invasion" (p106, Reuters), "had been killed ... since the invasion began on 24 February" (p020, The Guardian),
    "on his first visit to Ukraine since the start of the invasion on 24 February" (p080, a GB outlet), "a baseless
    pretext for the invasion he launched on 24 February and imposed a sweeping range of sanctions" (p021, The
    Guardian). That day dates none of the others (a sanction, a tally, a visit). Named in a noun phrase or a relative
    clause, the invasion is no battle beside them, while fighting told apart keeps it ("Russia's February 24 invasion
    was followed by heavy fighting near Kyiv on February 25"); told by a clause of its own ("thousands have been
    killed since Russia invaded on February 24", p070, Al Jazeera), it is a battle of its day, as the dev gold
    dates "Since Russia invaded Ukraine in February 2022"."""
    if not _war_start_words(ctx, found):
        return False
    head = _statement_head(ctx, found)
    told = head is not None and head.pos_ == "VERB" and head.dep_ not in ("relcl", "acl")
    beside = {kind for kind, _start, _end in (cues if told else _without_war_start(ctx, cues, [found]))}
    return bool(beside) and "battle" not in beside


def _without_war_start(ctx: SentenceContext, cues: list[tuple[str, int, int]], war_days: list) -> list:
    """The cues but those of the war's start the days name ("The EU froze the assets of three Russian banks on Monday,
    two months after the start of the invasion on 24 February", made up: the freezing is told)."""
    doc = ctx.sent.doc
    words = {i for found in war_days for i in _war_start_words(ctx, found)}
    return [
        cue
        for cue in cues
        if (span := doc.char_span(cue[1], cue[2], alignment_mode="expand")) is None or span.root.i not in words
    ]


def _war_start_words(ctx: SentenceContext, found) -> set[int]:
    """The tokens by which a date names the war's start: the invasion and the word of its beginning the date hangs on
    ("the invasion began on", "the start of the invasion on", "the invasion he launched on"); empty for another
    date."""
    head = _statement_head(ctx, found)
    if head is None:
        return set()
    if head.lemma_ in WAR_START_LEMMAS:
        return {head.i}  # "its Feb. 24 invasion", "since Russia invaded on February 24"
    if head.lemma_ not in WAR_BEGINNING_WORDS:
        return set()
    begun = [child for child in head.children if child.dep_ in ("nsubj", "nsubjpass")]
    begun += [g for child in head.children if child.dep_ == "prep" and child.lower_ == "of" for g in child.children]
    if head.dep_ in ("relcl", "acl"):
        begun.append(head.head)
    wars = {noun.i for noun in begun if noun.lemma_ in WAR_START_LEMMAS}
    return {head.i, *wars} if wars else set()


DAY_PAIR_LINKS = WORDS["DAY_PAIR_LINKS"]
# the longest happening two days named together tell: "from Monday to Friday" is one week of talks
DAY_PAIR_REACH = 6


def _without_second_days(doc, day_dates: list) -> list:
    """The days of a sentence without the second of two named together ("the talks held on Friday and Saturday",
    p188, AP; "Russia launched another massive strike ... overnight on February 6 to 7", p192, ISW): one happening
    over both days, dated by the first (SPEC.md). Days told apart ("struck Odesa on Monday and Kharkiv on Tuesday")
    stay two."""
    kept: list = []
    for found in day_dates:
        first = kept[-1] if kept else None
        between = doc.char_span(first.end, found.start, alignment_mode="expand") if first is not None else None
        if (
            first is not None
            and between is not None
            and 0 < (found.value.date - first.value.date).days <= DAY_PAIR_REACH
            and all(token.lower_ in DAY_PAIR_LINKS for token in between)
        ):
            continue
        kept.append(found)
    return kept


MAIN_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj"})


def _meeting_ahead_on_no_day(ctx: SentenceContext, cue: tuple[str, int, int], modifiers: list) -> bool:
    """ "The prime minister will hold talks with Olaf Scholz at Downing Street" (p036, The Guardian), "It will also be
    the first visit to Ukraine by an Asian member of the G7 grouping" (p121, CNN): a meeting ahead with no day is a
    plan. The FUTURE modifier spares diplomacy for the meeting set on a day ("Guterres will meet the Ukrainian
    president on Thursday"), which the timeline shows on that day, and so does this rule for a meeting ahead told
    beside another happening ("The talks with Nato and G7 leaders, which will be followed by a European Council
    meeting ..., mark one month since the Russian invasion", p029): only the future of the sentence's main clause,
    or of what it reports, counts."""
    kind, start, end = cue
    if kind != "diplomacy" or (ctx.dates and not _dated_by_statement_only(ctx)):
        return False
    doc = ctx.sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        _ahead(m, doc) and m.covers(span.root.i) and doc[m.trigger].head.dep_ in MAIN_CLAUSE_DEPS for m in modifiers
    )


FUTURE_IN_THE_PAST = WORDS["FUTURE_IN_THE_PAST"]


def _ahead(modifier, doc) -> bool:
    """A modifier that points ahead: the future ("will meet"), or the future of a statement in the past ("On Sunday,
    Trump told reporters that he would meet with Putin at an appropriate time", p183, Reuters): the day a statement
    was made is no day of the meeting it announces, so such a meeting ahead is a plan as well."""
    return modifier.category == "FUTURE" or (
        modifier.category == "HYPOTHETICAL" and doc[modifier.trigger].lower_ in FUTURE_IN_THE_PAST
    )


def find_events(ctx: SentenceContext) -> list[Event]:
    """The events of one sentence; see the module docstring."""
    if _imperative(ctx) or _headline(ctx) or _framing(ctx) or _caption(ctx) or _verbless(ctx):
        return []
    if ctx.dates and all(found.value.date < WAR_BEGAN for found in ctx.dates if not _end_of_range(ctx, found)):
        return []
    cues = [(kind, start, end) for kind, start, end in cue_types(ctx) if _live_cue(ctx, kind, start, end)]
    if not cues or _noun_scene(ctx, cues):
        return []
    doc = ctx.sent.doc
    # a kind of thing is read on the cue word's own type, before a talk's topic is taken for the talk
    cues = talk_topics_as_talks(ctx, [cue for cue in cues if not _kind_of_thing(doc, cue)])
    if _scene_only(ctx, cues):
        return []  # what a place went through, told to set the scene of a sentence that names no happening of its own
    modifiers = ctx.sentence_modifiers
    live = []
    for kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(
            m.covers(span.root.i, kind)
            and not (kind == "aid" and m.category == "NEGATED" and _refusal(span.root))
            and not _moving_trigger(m, span)
            for m in modifiers
        ):
            continue
        live.append((kind, start, end))
    cues = [cue for cue in live if not _circumstance(doc, cue, SCENE_PREPOSITIONS)]
    cues = [cue for cue in cues if not _meeting_ahead_on_no_day(ctx, cue, modifiers) and not _named_as(doc, cue)]
    cues = [cue for cue in cues if not _described_by_it(ctx, cue)]
    cues = [cue for cue in cues if not _reacted_to(doc, cue) and not _grounds_given(doc, cue)]
    cues = [cue for cue in cues if not _undated_since_clause(ctx, cue)]
    cues = [cue for cue in cues if not _judged_by_the_link(doc, cue) and not _topic_of_words(ctx, cue)]
    if cues and any(kind == "aid" for kind, _s, _e in cues) and running_total(ctx.sent):
        cues = [cue for cue in cues if cue[0] != "aid"]
    if not cues or _scene_only(ctx, cues):
        # "The Kremlin has demanded that Ukraine withdraw from ... Donbas region, comprised of Donetsk and Luhansk,
        # where the fiercest fighting continues" (pool p193, Al Jazeera): once the demand is read as no happening, the
        # fighting left lies in a clause of "where" that describes the place, and the sentence tells none of its own
        return []
    if not ctx.dates or _dated_by_statement_only(ctx):
        cues = [cue for cue in cues if _told_as_happened(doc, cue) and not _since_clause(doc, cue)]
        if not cues:
            return []
    war_days = [d for d in ctx.dates if d.value.precision == "day" and _war_start_day(ctx, d, cues)]
    if war_days:
        # the day the war began told beside another happening is background: neither its day nor its words
        # ("the start of the invasion") tell the happening
        cues = _without_war_start(ctx, cues, war_days)
    types = {kind for kind, _s, _e in cues}
    # "In nearby Bucha, where dozens of civilian bodies ... were discovered this month, Guterres backed an
    # investigation" (pool p080): the day of a place's history, told with no happening of its own, dates none of
    # the main clause's ("Russian troops besieged Mariupol, where the fighting continued on Monday" keeps its day)
    history_days = not any(_history_of_a_place(doc, start, end) for _kind, start, end in cues)
    dates = [
        d
        for d in ctx.dates
        if d.value.date >= WAR_BEGAN
        and d not in war_days
        and not _before_the_war_day(ctx, d)
        and not _span_start(doc, ctx.sent, d.start)
        and not _year_counted_from(doc, d)
        and not _anniversary(doc, ctx.sent, d.start)
        and not _quoted_apart(doc, modifiers, cues, d)
        and not _end_of_range(ctx, d)
        and not (history_days and _history_of_a_place(doc, d.start, d.end))
    ]
    day_dates = _without_second_days(doc, [d for d in dates if d.value.precision == "day"])
    events = []
    if len(day_dates) > 1:
        # Each date goes with its nearest cue; one event per distinct (type, date).
        seen = set()
        for found in day_dates:
            nearest = _nearest_type(cues, found.start, found.end)
            if nearest is None or _claim_day_only(ctx, nearest, found) or _speech_day_over(ctx, found, day_dates):
                continue
            key = (nearest, found.value.date)
            if key not in seen:
                seen.add(key)
                events.append(_event(ctx, nearest, found.value.date, "day"))
        return events
    if dates:
        # The cue nearest the date names the happening it dates.
        kind = (
            _dated_cue_type(ctx, cues, dates[0])
            or ("diplomacy" if _talk_dated(ctx, dates[0]) else None)
            or _nearest_type(cues, dates[0].start, dates[0].end)
            or next(t for t in TYPE_ORDER if t in types)
        )
    else:
        kind = _main_type(ctx, cues)
    date = dates[0].value if dates else None
    if date is not None and _claim_day_only(ctx, kind, dates[0]):
        date = None
    event = _event(ctx, kind, date.date if date else None, date.precision if date else None)
    # "After the meeting on Saturday, the prime minister said ...", "Kishida's visit ... follows Xi's state visit":
    # a meeting or visit named with "the" or a possessive is the one told before, dated or not
    event.retold = (date is None or kind == "diplomacy") and all(_definite(doc, cue) for cue in cues if cue[0] == kind)
    if kind == "diplomacy" and date is None and talk_retold(ctx, cues):
        event.retold = True
    main = _main_clause_type(ctx, cues, dates[0]) if date is not None and _dated_clause_apart(ctx, dates[0]) else None
    if main is not None and main != kind:
        return [event, _event(ctx, main, None, None)]
    return [event, *_clause_happenings(ctx, cues, kind), *second_announcement(ctx, cues, kind)]


CLAUSE_MARKERS = WORDS["CLAUSE_MARKERS"]


def _dated_clause_apart(ctx: SentenceContext, found) -> bool:
    """Whether the date lies in a clause of time hung on the main verb ("since Russia invaded Ukraine in
    February 2022, ... have fled"): the day is that clause's, not the main clause's."""
    span = ctx.sent.doc.char_span(found.start, found.end, alignment_mode="expand")
    verb = _predicate(span.root) if span is not None else None
    if verb is not None and verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.dep_ == "prep":
        # "Hours after the first day of talks ended on Tuesday, Russian drones killed a woman" (p207, AP): the
        # parser reads the clause of time as a phrase of "after" whose noun the verb describes
        link = verb.head.head
        return link.lower_ in CLAUSE_MARKERS and link.head.i == _main_verb(ctx.sent).i
    return (
        verb is not None
        and verb.dep_ == "advcl"
        and verb.head.i == ctx.sent.root.i
        and any(child.dep_ == "mark" and child.lower_ in CLAUSE_MARKERS for child in verb.children)
    )


def _main_clause_type(ctx: SentenceContext, cues: list[tuple[str, int, int]], found) -> str | None:
    """The type of a cue the sentence's main verb tells, when one does.

    "Since Russia invaded Ukraine in February 2022, more than six million people have fled the country"
    (Kyiv Post): the date belongs to the clause of "since"; the main clause tells a happening of its own. A cue in
    that clause is none of the main verb's ("Hours after the first day of talks ended on Tuesday", p207, AP).
    """
    doc = ctx.sent.doc
    main = _main_verb(ctx.sent)
    dated = doc.char_span(found.start, found.end, alignment_mode="expand")
    clause = dated.root if dated is not None else main
    while clause.head.i not in (main.i, clause.i):
        clause = clause.head
    for kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and clause.i != main.i and clause.left_edge.i <= span.root.i <= clause.right_edge.i:
            continue
        verb = _predicate(span.root) if span is not None else None
        if verb is not None and verb.i in (main.i, ctx.sent.root.i) and _told_as_happened(doc, (kind, start, end)):
            return kind
    return None


def _main_verb(sent):
    """The verb of the main clause: the root, or what a root verb of speech reports ("..., officials said")."""
    root = sent.root
    if _speech(root):
        return next((child for child in root.children if child.dep_ == "ccomp" and child.pos_ == "VERB"), root)
    return root


def _quoted_apart(doc, modifiers, cues, found) -> bool:
    """Whether a date expression lies in a quotation that holds none of the cues.

    "Shmyhal said of the US security assistance: "We need this money yesterday, not tomorrow, not
    today."" (BBC): the speaker's time words date his words, not the happening told outside them.
    """
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return False
    for quote in modifiers:
        if quote.category != "QUOTED" or not quote.covers(span.start):
            continue
        return not any(
            (cue := doc.char_span(start, end, alignment_mode="expand")) is not None and quote.covers(cue.start)
            for _kind, start, end in cues
        )
    return False


RUNNING_TOTAL_WORDS = WORDS["RUNNING_TOTAL_WORDS"]
HANDED_OVER_VERBS = WORDS["HANDED_OVER_VERBS"]
TOTAL_VERBS = WORDS["TOTAL_VERBS"]


def running_total(sent) -> bool:
    """ "The US has so far provided a total of $21.3 billion": aid counted up to now, not a new pledge or delivery."""
    perfect = False
    marker = False
    for token in sent:
        if token.dep_ == "aux" and token.lower_ in PERFECT_AUX:
            perfect = True
        lower = token.lower_
        if lower not in RUNNING_TOTAL_WORDS:
            continue
        previous = token.nbor(-1).lower_ if token.i > sent.start else ""
        if (
            (lower == "far" and previous == "so")
            or (lower == "date" and previous == "to")
            or (lower == "total" and token.pos_ in ("NOUN", "ADJ"))
            or (lower == "already" and token.head.lemma_ in TOTAL_VERBS)
            or (lower == "since" and token.dep_ in ("prep", "mark"))
            or (lower == "now" and token.head.tag_ == "VBN" and token.head.lemma_ in HANDED_OVER_VERBS)
            or (lower == "than" and previous == "more" and _bound_of_handed_over(token))
        ):
            marker = True
    return perfect and marker


def _bound_of_handed_over(than) -> bool:
    """ "more than" on the amount a verb of handing over takes ("has provided more than $2 billion")."""
    head = than
    for _ in range(4):
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_ in HANDED_OVER_VERBS
    return False


RETELLING_DETERMINERS = WORDS["RETELLING_DETERMINERS"]


def _definite(doc, cue) -> bool:
    """A cue noun with "the", "this" or a possessive ("the attack", "Xi's visit") names a happening told before; a
    body's name with "the" ("Russia has already been suspended from the U.N. Human Rights Council", p066, AP) does
    not."""
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    if noun.pos_ != "NOUN":
        return False
    return any(
        (child.dep_ == "det" and child.lower_ in RETELLING_DETERMINERS) or child.dep_ == "poss"
        for child in noun.children
    )


CIRCUMSTANCE_PREPOSITIONS = WORDS["CIRCUMSTANCE_PREPOSITIONS"]
SCENE_PREPOSITIONS = WORDS["SCENE_PREPOSITIONS"]
CIRCUMSTANCE_MARKERS = WORDS["CIRCUMSTANCE_MARKERS"]
PERFECT_AUX = WORDS["PERFECT_AUX"]
PAST_BE = WORDS["PAST_BE"]
BARE_VERB_AUX = WORDS["BARE_VERB_AUX"]
STATE_VERBS = WORDS["STATE_VERBS"]
LINKING_VERBS = WORDS["LINKING_VERBS"]
ONE = WORDS["ONE"]


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


def _circumstance(doc, cue, prepositions: frozenset[str]) -> bool:
    """ "despite the sanctions", "amid fighting", "concern over attacks": a cue noun in these phrases is a
    circumstance of what the sentence reports, not a happening it reports."""
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    if span is None:
        return False
    noun = span.root
    if noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "pobj" and noun.head.lower_ in prepositions:
        return True
    return any(_doing_meanwhile(token) for token in (noun, *noun.ancestors))


def _doing_meanwhile(verb) -> bool:
    """ "Ruslan was killed by Russian army on March 17 while delivering humanitarian aid to his neighbours" (pool p058,
    AP), "allegedly killed a civilian on 28 February in the village of Chupakhivka while fighting in the Sumy region"
    (p043, The Guardian): a participle clause of "while" with no subject of its own tells what the main clause's
    people were doing; the happening is the main clause's. A clause with its own subject tells a happening of its
    own ("Russia shelled Kharkiv while its troops attacked near Izium")."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and any(child.dep_ == "mark" and child.lower_ in CIRCUMSTANCE_MARKERS for child in verb.children)
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
    )


def _counted(noun) -> bool:
    """ "There have been 43 attacks on Ukrainian healthcare facilities since the beginning of the invasion"
    (The Guardian), "Two massive attacks on Russian bases in Crimea ... in recent days have given Ukraine a
    boost" (Kyiv Post): a number of happenings on no day is a count of them, not the report of one."""
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS":
        return False
    return any(child.dep_ == "nummod" and child.lower_ not in ONE for child in noun.children)


def _told_as_happened(doc, cue) -> bool:
    """Whether a cue without a date is told as a happening: in the past, the perfect or the progressive.

    "Russian forces shelled the city", "has launched", "were seized", "are advancing" tell one;
    "the strikes appear ...", "to keep up a continual bombardment", "sanctions are problematic",
    "Exports are keeping Russia's economy afloat despite the sanctions" tell none.
    """
    span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
    if span is None:
        return True
    if _circumstance(doc, cue, CIRCUMSTANCE_PREPOSITIONS) or _counted(span.root) or _time_of_statement(span.root):
        return False
    verb = _predicate(span.root)
    if verb is None:
        return False
    auxes = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return verb.lemma_ != "be" or span.root.i == verb.i
    if verb.tag_ == "VBN":
        if verb.lemma_ in LINKING_VERBS and _named_by_the_link(span.root, verb):
            return False  # "It has been a battle of territorial conquest": what something is, as "was" above
        return bool(auxes & (PERFECT_AUX | PAST_BE)) or verb.dep_ in ("relcl", "acl", "conj", "advcl")
    if verb.tag_ == "VBG":
        return bool(auxes & PAST_BE) or verb.dep_ in ("relcl", "acl", "conj") or _agent_gerund(verb)
    if verb.tag_ == "VB":
        return bool(auxes & BARE_VERB_AUX)
    if verb.tag_ in ("VBZ", "VBP"):
        # the narrative present of timelines and live pages: "Fighting continues in Sumy Oblast",
        # "Putin announces a call-up"; not "the strikes appear", "Russia has enough ammunition"
        return verb.lemma_ not in STATE_VERBS and not _reported_present(cue[0], verb)
    return False


def _reported_present(kind: str, verb) -> bool:
    """ "The Russian "Fleet Ghost" transports oil and weapons in front of the west and bypassing sanctions - the
    Italian daily "Corriere della Sera" wrote on Saturday" (p146, TVN24), "Lavrov has said the more western countries
    send weapons to Ukraine, the longer the conflict will last" (p050, The Guardian): a present tense under a verb of
    speech in the past is what the speaker holds true, a habit or a state, not the narrative present of a timeline
    ("Putin announces a call-up"). Fighting reported in the present is the front as it stands ("ISW said that
    Ukrainian forces retain control of defensive positions", p037, The Guardian), and so is what goes on ("said
    fighting continues in Sumy")."""
    return (
        kind not in ATTACK_TYPES
        and verb.dep_ == "ccomp"
        and _speech(verb.head)
        and verb.head.tag_ in ("VBD", "VBN")
        and verb.lemma_ not in ONGOING_VERBS
    )


STATEMENT_TIME_PREPOSITIONS = WORDS["STATEMENT_TIME_PREPOSITIONS"]


def _time_of_statement(noun) -> bool:
    """ "Lavrov said after talks with his counterpart" (p054, The Guardian), "von der Leyen said after talks" (p152):
    with no day, a cue noun in a phrase of time on a verb of speech tells when the words were said, not a happening
    of its own ("During a visit to Ukraine last week, Cameron said ..." is dated and keeps the visit)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    link = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and link.dep_ == "advcl":
        # "“The negotiations were not easy,” Zelenskyy said after the talks broke up" (p207, AP), "he said in an
        # interview after the conference concluded" (p034, The Guardian): the subject of a clause of time
        marks = {child.lower_ for child in link.children if child.dep_ == "mark"}
        return bool(marks & STATEMENT_TIME_PREPOSITIONS) and _speech(link.head)
    return (
        noun.dep_ == "pobj"
        and link.lower_ in STATEMENT_TIME_PREPOSITIONS
        and link.dep_ == "prep"
        and _speech(link.head)
    )


def _speech(verb) -> bool:
    return verb.lemma_ in SPEECH_LEMMAS and verb.pos_ in ("VERB", "AUX")


def _named_by_the_link(noun, verb) -> bool:
    """Whether the cue is (or hangs in) the noun a linking verb names its subject by: "It has been a battle of
    territorial conquest" (p203, Lowy Institute), not "Fighting has been particularly heavy around Lysychansk" (p080),
    where the happening is the subject, nor "Russian forces have been more focused on the offensive in the Bakhmut
    area" (seed-000)."""
    token = noun
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ == "attr" and token.head.i == verb.i:
            return True
        token = token.head
    return False


def _passive_gerund(verb) -> bool:
    """ "a report detailing more than 900 cases of civilians ... being arbitrarily detained" (p129): "being" alone
    before the participle, no finite verb and so no time of its own."""
    return {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")} == {"being"}


def _agent_gerund(verb) -> bool:
    """ "two people were killed by Russian shelling in the city of Popasna" (p071, Daily Mail), "20 civilians, including
    a child, were killed in Russian shelling in the Donetsk and Luhansk regions" (p044, The Guardian): the parser hangs
    a gerund with no subject and no conjunction on a verb in the past, where the cue is the noun that did the killing
    ("Three were wounded by shelling", made up)."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in ("by", "in"):
        head = head.head  # "wounded by shelling"
    elif verb.dep_ != "advcl":
        return False
    return (
        head.tag_ in ("VBD", "VBN")
        and not any(child.dep_ in ("mark", "aux", "nsubj", "nsubjpass", "dobj") for child in verb.children)
        # the noun phrase the gerund stands in: "by Russian shelling", "in shelling", "by the shelling"
        and verb.i > 0
        and verb.nbor(-1).pos_ in ("ADP", "ADJ", "PROPN", "DET")
    )


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 30:
        token = token.head
        depth += 1
    return depth


def _main_type(ctx: SentenceContext, cues: list[tuple[str, int, int]]) -> str:
    """The type of the cue nearest the sentence's main predicate.

    "Boris Johnson has made a surprise trip to Kyiv ... to help counter the expected assault":
    the trip is what happened; the assault is a circumstance of it.
    """
    doc = ctx.sent.doc

    giving = any(kind == "aid" for kind, _s, _e in cues)

    def rank(cue: tuple[str, int, int]) -> tuple[int, int]:
        span = doc.char_span(cue[1], cue[2], alignment_mode="expand")
        if span is None:
            return (30, TYPE_ORDER.index(cue[0]))
        if cue[0] == "diplomacy" and not giving and (verb := _talk_setting(span.root)) is not None:
            return (_depth(verb), TYPE_ORDER.index(cue[0]))
        return (_depth(span.root), TYPE_ORDER.index(cue[0]))

    return min(cues, key=rank)[0]


def _dated_cue_type(ctx: SentenceContext, cues: list[tuple[str, int, int]], found) -> str | None:
    """The type of the cue verb the date expression hangs on in the parse, when one does.

    "Ukraine's Zaporizhzhia nuclear plant ... was seized by Russian forces on Friday, after an attack that
    started a fire" (The Guardian): "on Friday" modifies "seized", so it dates the seizure, however near
    the attack stands to it. A verb that is a cue only by a word near it ("began an emergency session to
    address the Russian invasion") does not count.
    """
    doc = ctx.sent.doc
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    if head.pos_ != "VERB" or not any(
        cue.label_.startswith("EVENT_") and cue.root.i == head.i for cue in ctx.sentence_cues
    ):
        return None
    kinds = set()
    for kind, start, end in cues:
        cue = doc.char_span(start, end, alignment_mode="expand")
        if cue is not None and cue.root.i == head.i:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None


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
    if not _past_perfect(ctx.sent) and not _reported(ctx, first):
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
    return _statement_verb(head)


def _statement_verb(token) -> bool:
    """A verb of speech in the past ("said", "had announced"), or "say" in any tense (news reports
    a statement as "X says"): the day it carries is the statement's. Other verbs of speech in the
    present narrate ("On April 21, Russia claims to have taken Mariupol", a timeline's historical
    present), and the day is the happening's."""
    return token.lemma_ in SPEECH_LEMMAS and (token.tag_ in ("VBD", "VBN") or token.lemma_ == "say")


STATEMENT_NOUNS = WORDS["STATEMENT_NOUNS"]


def _statement_day(ctx: SentenceContext, found) -> bool:
    """ "In a statement released Tuesday, Japan's Ministry of Foreign Affairs said Kishida's visit ... and that
    Kishida would return to Japan on Thursday" (CNN): beside a day of its own, the day a statement was made
    or released dates the statement, no happening."""
    span = ctx.sent.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head.lemma_ in STATEMENT_NOUNS  # "in an interview on Monday"
    return head.tag_ == "VBN" and head.dep_ == "acl" and head.head.lemma_ in STATEMENT_NOUNS


def _dated_by_statement_only(ctx: SentenceContext) -> bool:
    """Whether every date of the sentence is the day of a statement: what the statement is about is then
    undated, and gives an event only when told as a happening (`_told_as_happened`).

    "Russia's focus remains the Battle for Donbas but gains there are limited ..., the UK Ministry of Defence
    said on Friday" (p080), "Zaporizhzhia, part of the evacuation corridor, is in the direction of an attempted
    advance by Russian forces, the city's Regional Council said Wednesday" (p077, CNN), "The American Secretary
    of State Antony Blinken said on Monday that the Chinese leader's visit is a "diplomatic cover" for Moscow"
    (p122): a view of a happening, dated by the day it was voiced. An announcement is the happening it
    announces ("Last week, he announced a plan to allow European nations to transfer ... Patriot air defense
    missiles", p017, The New York Times), so its day counts as the happening's.
    """
    return bool(ctx.dates) and all(_speech_day(ctx, found) for found in ctx.dates)


def _speech_day(ctx: SentenceContext, found) -> bool:
    """Whether a date is the day words were voiced or released ("diplomats said on Friday", "in a statement
    released Tuesday"), which dates the words, not what they tell ("The UN security council will hold an emergency
    meeting Monday on the humanitarian crisis ..., diplomats said on Friday", p021, The Guardian: the meeting is
    Monday's, and Friday gives no second card); an announcement is the happening it announces."""
    return (_reported(ctx, found) and _statement_head(ctx, found).lemma_ != "announce") or _statement_day(ctx, found)


def _speech_day_over(ctx: SentenceContext, found, days: list) -> bool:
    """Whether a day is the day of a statement whose own words hold another of the sentence's days: "The UN security
    council will hold an emergency meeting Monday ..., diplomats said on Friday" (p021, The Guardian) is Monday's
    meeting, no second card on Friday; "In a statement released Tuesday, ... said ... Kishida would return to Japan on
    Thursday" (CNN). A statement beside another clause's day still dates what it reports: "Rutte announced on Tuesday
    ..., while a US Pentagon official said on Monday that the first parts of its $800m package had arrived" (p039)."""
    if _statement_day(ctx, found):
        return True
    if not _reported(ctx, found) or _statement_head(ctx, found).lemma_ == "announce":
        return False
    words = _statement_head(ctx, found)
    first, last = words.left_edge.idx, words.right_edge.idx + len(words.right_edge)
    return any(other is not found and first <= other.start < last for other in days)


def _statement_head(ctx: SentenceContext, found):
    """The word a date expression hangs on ("said on Monday" -> said), None when it falls between tokens."""
    span = ctx.sent.doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    return head.head if head.dep_ == "prep" or head.pos_ == "ADP" else head


def _reported(ctx: SentenceContext, first) -> bool:
    """Whether the sentence's date is the day of a statement ("X said on Monday that ...")."""
    head = _statement_head(ctx, first)
    # The date must hang on the verb itself: "told ... about the January 9 attack" dates the attack.
    return head is not None and _statement_verb(head) and head.pos_ in ("VERB", "AUX")


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


# The clauses that tell a happening of their own beside the main one: a verb joined to it ("has
# recaptured dozens of villages ... and struck strategic targets") or a clause of time hung on it
# ("returned to Kyiv after Russian forces withdrew from the Ukrainian capital").
OWN_CLAUSE_DEPS = frozenset({"conj", "advcl"})
OWN_CLAUSE_MARKERS = WORDS["OWN_CLAUSE_MARKERS"]


def _clause_happenings(ctx: SentenceContext, cues: list[tuple[str, int, int]], told: str) -> list[Event]:
    """Undated events for cues of other types that are the verb (or its subject) of a clause of their own."""
    doc = ctx.sent.doc
    told_verbs = set()
    for kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = _predicate(span.root) if span is not None else None
        if kind == told and verb is not None:
            told_verbs.add(verb.i)
    events: list[Event] = []
    types = {told}
    for kind, start, end in cues:
        if kind in types:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = _predicate(span.root) if span is not None else None
        if span is None or verb is None or verb.i in told_verbs or verb.dep_ not in OWN_CLAUSE_DEPS:
            continue
        if span.root.i != verb.i and not (span.root.dep_ in ("nsubj", "nsubjpass") and span.root.head.i == verb.i):
            continue
        if verb.dep_ == "advcl" and not any(
            child.dep_ == "mark" and child.lower_ in OWN_CLAUSE_MARKERS for child in verb.children
        ):
            continue
        if verb.dep_ == "advcl" and _place_described(verb.head):
            continue  # "visited the Church of St Andrew where a mass grave was discovered after Russian soldiers
            # retreated from the area" (p132): a clause of time in a clause describing a place tells its history
        if not _told_as_happened(doc, (kind, start, end)) or _named_before(doc, cues, verb, span):
            continue
        types.add(kind)
        events.append(_event(ctx, kind, None, None))
    return events


TALKING_VERBS = WORDS["TALKING_VERBS"]
TALK_AHEAD_AUX = WORDS["TALK_AHEAD_AUX"]
TALK_TIME_LINKS = WORDS["TALK_TIME_LINKS"]


WAR_START_LEMMAS = WORDS["WAR_START_LEMMAS"]


def _named_before(doc, cues: list[tuple[str, int, int]], verb, span) -> bool:
    """ "a day after the agreement was signed", "shortly after the attacks began", "after Russian forces launched
    the full-scale invasion": a clause naming a happening with "the" (or the invasion itself) retells what the
    article told before or the war's start; "even as cease-fire talks began" tells a new one."""
    arguments = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if any(token.lemma_ in WAR_START_LEMMAS for token in (span.root, verb, *arguments)):
        return True
    cue_roots = {cue.root.i for _k, s, e in cues if (cue := doc.char_span(s, e, alignment_mode="expand")) is not None}
    named = [child for child in arguments if child.i in cue_roots]
    if span.root.i != verb.i:
        named.append(span.root)
    return any(
        any((g.dep_ == "det" and g.lower_ in RETELLING_DETERMINERS) or g.dep_ == "poss" for g in child.children)
        for child in named
    )


TALK_RETELLERS = WORDS["TALK_RETELLERS"]
HABITUAL = WORDS["HABITUAL"]


def talk_retold(ctx: SentenceContext, cues: list[tuple[str, int, int]]) -> bool:
    """Whether the sentence's talk is told by a verb of talking whose subject points back ("they", "the pair")."""
    doc = ctx.sent.doc
    for _kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.root.lemma_ not in TALKING_VERBS:
            continue
        subject = next((child for child in span.root.children if child.dep_ == "nsubj"), None)
        if subject is not None and (subject.lower_ in TALK_RETELLERS or subject.pos_ == "PRON"):
            return True
    return False


def _parties_talk(verb) -> bool:
    """ "Putin and Bolsonaro discussed global food security", "after conferring with Biden": an active verb
    with its subject, or a gerund of time with the party it talks with; not "was discussed", "a discussed plan",
    "They will discuss", "is open to discussing a peace deal with Trump"."""
    if verb.pos_ != "VERB" or any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return False
    if any(child.dep_ == "aux" and child.lower_ in TALK_AHEAD_AUX for child in verb.children):
        return False  # "They will discuss the need for a political solution": a talk ahead, told before it
    if any(child.lower_ in HABITUAL for child in verb.children):
        return False  # "Putin has repeatedly discussed his desire to rebuild the Soviet Union"
    if any(child.dep_ == "nsubj" for child in verb.children):
        return True
    # "After conferring with U.S. President Joe Biden ...", not "Putin is open to discussing a peace deal with Trump"
    return (
        verb.tag_ == "VBG"
        and verb.dep_ == "pcomp"
        and verb.head.lower_ in TALK_TIME_LINKS
        and any(child.dep_ == "prep" and child.lower_ == "with" for child in verb.children)
    )


ARMS_WORDS = WORDS["ARMS_WORDS"]


TOPIC_PREPOSITIONS = WORDS["TOPIC_PREPOSITIONS"]
PARTNER_PREPOSITIONS = WORDS["PARTNER_PREPOSITIONS"]


def _talk_of_a_thing(token) -> bool:
    """ "The French President Emmanuel Macron ... talked about the issue of incorporating Ukraine in the European Union"
    (p072, TVN24), "Soldiers talked about Coków as a competent officer" (p131), "it's hard to talk about
    things" (p041, The Guardian), "the meeting produced little more than general talk of security guarantees" (p164, The
    Economist): "talk" of or about a thing, with no one talked with, is speech; "during the meeting they talked about
    the economic support of Ukraine" (p087), "Biden and Xi talked about Taiwan", "talked with Macron about aid" (made
    up) tell parties talking, and "talks" (the noun in the plural) a negotiation."""
    if token.lemma_ != "talk" or token.tag_ == "NNS":
        return False
    children = list(token.children)
    if not any(child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS for child in children):
        return False
    if any(child.dep_ in ("prep", "dative") and child.lower_ in PARTNER_PREPOSITIONS for child in children):
        return False
    subject = next((child for child in children if child.dep_ == "nsubj"), None)
    return token.pos_ != "VERB" or subject is None or not _talking_parties(subject)


PRESS_AUDIENCES = WORDS["PRESS_AUDIENCES"]


def _spoke_to_the_press(span) -> bool:
    """ "A Nepali soldier who spoke to CNN said Afghan, Indian, Congolese and Egyptian recruits were among those being
    trained" (p159, CNN), "the minister spoke to reporters after the vote" (made up), "Speaking to the BBC, Yuriy Sak
    admitted" (p055, The Guardian): speaking to an outlet or the press is an interview, a statement; "Biden spoke with
    Ukrainian president, Volodymyr Zelenskiy" (p023) is a call."""
    if span.root.lemma_ != "speak":
        return False
    heard = next((child for child in span[-1].children if child.dep_ == "pobj"), None)
    if heard is None:
        return False
    doc = span.doc
    return heard.lemma_ in PRESS_AUDIENCES or outlet_speaker(doc[heard.left_edge.i : heard.right_edge.i + 1])[0]


FOUGHT_CAUSES = WORDS["FOUGHT_CAUSES"]
FIGHTING_WORDS = WORDS["FIGHTING_WORDS"]


def _fought_for_a_cause(token) -> bool:
    """ "Ukraine is fighting for its sovereignty and its territorial integrity, the official stressed" (pool p085, a
    UA outlet), "Ukraine says it is fighting for its survival" (p056, Reuters), "citizens who are fighting for their
    country" (p144, a GB outlet): what one fights for is a cause, no battle; "troops are fighting for Bakhmut" and
    "the fighting for the plant" name the ground fought over and keep the battle."""
    if token.lemma_ not in FIGHTING_WORDS:
        return False
    sought = [
        obj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    return bool(sought) and all(obj.lemma_ in FOUGHT_CAUSES for obj in sought)


SPOKEN_WORDS = WORDS["SPOKEN_WORDS"]
EMBARGO_FORMS = WORDS["EMBARGO_FORMS"]


def _press_embargo(token) -> bool:
    """ "Zelenskyy told reporters in Kyiv on Friday, in comments embargoed until Saturday" (p193, Al Jazeera),
    "Zelenskyy's comments were embargoed until Saturday morning" (p194, NPR), "The report is embargoed until
    Monday" (made up): words held back from print until a time are no ban on trade."""
    if token.lower_ not in EMBARGO_FORMS or token.pos_ not in ("VERB", "ADJ"):
        return False
    if token.dep_ in ("acl", "amod"):
        held = token.head
    else:
        # "comments were embargoed" (a passive), "the report is embargoed" (the parser's adjective)
        clause = token.head if token.dep_ == "acomp" else token
        held = next((child for child in clause.children if child.dep_ in ("nsubjpass", "nsubj", "dobj")), None)
    return held is not None and held.lemma_ in SPOKEN_WORDS


EVADING_VERBS = WORDS["EVADING_VERBS"]
SANCTION_EFFECTS = WORDS["SANCTION_EFFECTS"]
RELATIVE_SUBJECTS = WORDS["RELATIVE_SUBJECTS"]


def _sanctions_in_force(noun) -> bool:
    """Sanctions told as a standing state, evaded or doing their work, not as a measure taken: "Iran and Venezuela used
    similar tactics to evade sanctions" (p171, The Economist), "We don't believe any Irish companies have evaded
    sanctions" (p132); "the pain that western sanctions were inflicting on the Russian economy" (p028, The Guardian),
    "Western sanctions and political isolation have forced Russia to pivot east" (p199, CNN), "As sanctions took hold
    and Putin mobilized the economy" (p200, Fortune), "This decision is related to sanctions that prevent the Russian
    side of analogous inspections" (p098, Onet), "sanctions have hurt the rouble" (made up). The measure itself is
    told where it is imposed, lifted or enforced ("The EU imposed sanctions that hit Russian banks" keeps its card)."""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "dobj" and noun.head.lemma_ in EVADING_VERBS:
        return True
    if noun.dep_ == "conj":
        noun = noun.head  # "Western sanctions and political isolation have forced"
    if noun.dep_ == "nsubj" and noun.head.lemma_ in SANCTION_EFFECTS:
        return True
    # "sanctions that prevent ...": the clause of "that" tells what they do, unless the noun is itself imposed
    return noun.dep_ in ("pobj", "nsubj", "attr") and any(
        child.dep_ == "relcl"
        and child.lemma_ in SANCTION_EFFECTS
        and any(g.dep_ == "nsubj" and g.lower_ in RELATIVE_SUBJECTS for g in child.children)
        for child in noun.children
    )


def _talking_parties(subject) -> bool:
    """ "Biden and Xi", "the two leaders", "they": a subject that is both sides of a talk."""
    return subject.lower_ in TALK_RETELLERS or any(child.dep_ in ("conj", "nummod") for child in subject.children)


def _arms_output(noun) -> bool:
    """ "stepped up its industrial-scale manufacturing of exploding drones": the output is of arms;
    "increase US production of food crops", "ramp up domestic uranium production" are no mobilization."""
    return any(token.lemma_.lower() in ARMS_WORDS for token in noun.subtree)


MOVING_PREPOSITIONS = WORDS["MOVING_PREPOSITIONS"]
# Who moves: TROOPS, and the words the NEAR_MOVE cue of events.jsonl counts near it besides ("the Russians")
MOVING_TROOPS = NEAR_CUES["NEAR_MOVE"][1]


def _troops_moved(verb) -> bool:
    """A verb of moving with troops as its subject or object and the ground it moves from or towards."""
    if verb.pos_ != "VERB":
        return False
    troops = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not any(child.lemma_ in TROOPS or child.lower_ in MOVING_TROOPS for child in troops):
        return False
    return any(
        (child.dep_ == "prep" and child.lower_ in MOVING_PREPOSITIONS)
        or (child.dep_ in ("prt", "advmod") and child.lower_ == "back")
        for child in verb.children
    )


def _moving_trigger(modifier, span) -> bool:
    """ "they have pushed Russian forces from Snake Island": the verb "push" is a request only when it asks
    ("pushed for a no-fly zone"); where it moves troops the cue is its own trigger, and no request."""
    return modifier.category == "REQUEST" and modifier.trigger == span.root.i and _troops_moved(span.root)


TRYING_NOUNS = WORDS["TRYING_NOUNS"]
GROUND_NOUNS = WORDS["GROUND_NOUNS"]


def _ground_sought(verb) -> bool:
    """Whether the verb of a try takes a place ("to take Kyiv", "to capture the city") as its object."""
    return any(
        child.dep_ == "dobj" and (child.ent_type_ in PLACE_LABELS or child.lemma_ in GROUND_NOUNS)
        for child in verb.children
    )


PROPOSAL_NOUNS = WORDS["PROPOSAL_NOUNS"]


def _proposal_rejected(verb) -> bool:
    """ "Zelenskiy had also rejected the plan", "Ukraine has rejected the demand": a party turns a proposal
    down; "has rejected claims that ... surrounded" (a denial) and "have continuously rejected offers" (a
    habit) are none."""
    if verb.pos_ != "VERB" or any(child.dep_ == "advmod" and child.lower_ in HABITUAL for child in verb.children):
        return False
    return any(child.dep_ == "dobj" and child.lemma_ in PROPOSAL_NOUNS for child in verb.children)


BLOCKING_VERBS = WORDS["BLOCKING_VERBS"]


def _veto_threatened(verb) -> bool:
    """ "Hungary last week threatened to block the assistance", "has threatened to veto EU assistance"."""
    return verb.pos_ == "VERB" and any(
        child.dep_ == "xcomp" and child.lemma_ in BLOCKING_VERBS for child in verb.children
    )


LEGISLATED_AID = WORDS["LEGISLATED_AID"]
AID_BILL_WORDS = WORDS["AID_BILL_WORDS"]
BILL_NOUNS = WORDS["BILL_NOUNS"]


def _aid_legislated(verb) -> bool:
    """ "US lawmakers passed a $61bn support package", "is set to vote on the package": a legislature
    deciding on aid; "the deadline passed", "passed through Kyiv", "a bill on mobilisation" are none."""
    if verb.pos_ != "VERB":
        return False
    objects = [child for child in verb.children if child.dep_ == "dobj"] + [
        grand
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "on"
        for grand in child.children
        if grand.dep_ == "pobj"
    ]
    return any(
        noun.lemma_ in LEGISLATED_AID
        or (noun.lemma_ in BILL_NOUNS and any(token.lemma_.lower() in AID_BILL_WORDS for token in noun.subtree))
        for noun in objects
    )


ENERGY_WORDS = WORDS["ENERGY_WORDS"]
ENERGY_FLOWS = WORDS["ENERGY_FLOWS"]


def _energy_cut(verb) -> bool:
    """ "Russia halted gas supplies to Poland", "the pipeline entirely shut down service", "threatened to halt
    their power exports": a supplier cuts energy off; "stopped providing aid", "cut taxes on fuel" and "strikes
    cut power to millions" (the strike's damage) are none."""
    if verb.pos_ != "VERB":
        return False
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
    return any(
        noun.lemma_ in ENERGY_FLOWS and any(token.lemma_.lower() in ENERGY_WORDS for token in noun.subtree)
        for noun in objects
    ) or any(noun.lemma_ == "pipeline" for noun in subjects)


def second_announcement(ctx: SentenceContext, cues: list[tuple[str, int, int]], told: str) -> list[Event]:
    """An undated `aid` event for a joined clause in which another giver announces aid of its own."""
    if told != "aid":
        return []
    doc = ctx.sent.doc
    verbs = {}
    for kind, start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        verb = _predicate(span.root) if span is not None and kind == "aid" else None
        if verb is not None:
            verbs[verb.i] = (verb, (kind, start, end))
    for verb, cue in verbs.values():
        if verb.head.i in verbs and _another_donor(verb) and _told_as_happened(doc, cue):
            return [_event(ctx, "aid", None, None)]
    return []


def _another_donor(verb) -> bool:
    """ "The European Union agrees to send weapons to Ukraine -- a first for the bloc -- and the United States
    greenlights billions of dollars in military aid" (Kyiv Post): a joined clause with a giver of its own tells a
    second announcement (one donor's announcement is one `aid` event, SPEC.md)."""
    if verb.dep_ != "conj":
        return False
    own = [child for child in verb.children if child.dep_ == "nsubj" and child.pos_ in ("PROPN", "NOUN")]
    first = [child for child in verb.head.children if child.dep_ == "nsubj"]
    return bool(own) and bool(first) and own[0].lemma_ != first[0].lemma_ and own[0].ent_type_ != ""


CITIZENS = WORDS["CITIZENS"]
LEAVING = WORDS["LEAVING"]


def _citizens_told_to_leave(verb) -> bool:
    """ "ordered all U.S. citizens in Russia to leave immediately", "has urged UK nationals to consider leaving
    Russia": a government sends its citizens out of a country; "urged citizens to vote" is none."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lemma_ in CITIZENS for c in verb.children):
        return False
    return any(
        child.dep_ in ("xcomp", "ccomp") and any(token.lemma_ in LEAVING for token in child.subtree)
        for child in verb.children
    )


MONUMENTS = WORDS["MONUMENTS"]


def _monument_moved(verb) -> bool:
    """ "Estonia removes a Soviet-era World War II memorial", "a new bust of ... Stalin was unveiled": a monument
    put up or taken down; "removed from the list near the memorial" is none."""
    return verb.pos_ == "VERB" and any(
        child.dep_ in ("dobj", "nsubjpass") and child.lemma_ in MONUMENTS for child in verb.children
    )


RECRUITS = WORDS["RECRUITS"]


def _people_recruited(verb) -> bool:
    """ "Russia has been actively recruiting mercenaries from within Belarus" (pool p094, Kyiv Post), "it has recruited
    thousands of new soldiers" (pool p162, CNN): people taken into an army, its object (or the subject of the
    passive); "conscripted fighters" names fighters, "drafted a resolution" drafts no one. A nationality alone
    ("has recruited as many as 15,000 Nepalis", pool p159) is no near word of the row and gives none yet."""
    if verb.pos_ not in ("VERB", "AUX") or not _acted_by_someone(verb):
        return False
    for taken in (child for child in verb.children if child.dep_ in ("dobj", "nsubjpass")):
        people = [taken, *(g for p in taken.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
        if any(token.lemma_ in RECRUITS for token in people) or any(c.dep_ == "nummod" for c in taken.children):
            return True
    return False


def _acted_by_someone(verb) -> bool:
    """Whether the verb (or the verb it is joined to or completes) has a subject: "troops ... reinforced with Chechen
    Rosgvardia and conscripted fighters" (p069, The Guardian) parses "conscripted" as a verb joined to a participle,
    with no one doing it; "Russia was trying to conscript troops" has Russia."""
    while True:
        if any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
            return True
        if verb.dep_ not in ("conj", "xcomp") or verb.head is verb:
            return False
        verb = verb.head


WEAPONS_FIRED = WORDS["WEAPONS_FIRED"]


def _weapon_subject(verb) -> bool:
    """ "Russian missiles hit the city of Lviv" (p058, AP), "Russian drones killed a woman" (p207, AP): a weapon fired
    from afar as the subject of an active verb of a main clause; "were destroyed", "destroyed 20 drones" are none,
    and a clause of time or a relative clause tells a moment of a story the article's own sentences report."""
    if verb.pos_ != "VERB" or any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return False
    if verb.dep_ in ("advcl", "relcl", "acl"):
        return False  # "No one was hurt when the first Russian drone hit ... apartment building" (p195): a moment
    subjects = [child for child in verb.children if child.dep_ == "nsubj"]
    # the subject noun, its conjuncts and what it counts ("drones and missiles", "one of the two missiles"), not
    # a clause on it ("the explosions, which he believes might have been caused by ballistic missiles, were
    # hitting morale", p101)
    subjects += [grand for child in subjects for grand in child.children if grand.dep_ == "conj"]
    subjects += [
        grand
        for child in subjects
        for prep in child.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for grand in prep.children
        if grand.dep_ == "pobj"
    ]
    return any(noun.lemma_.lower() in WEAPONS_FIRED for noun in subjects)


def _weapons_assault(noun) -> bool:
    """ "Repeated Russian aerial assaults have in recent months focused on Ukraine's power grid" (p194, NPR), "a massive
    drone and missile assault on Ukraine's energy grid" (made up): an assault named by the weapons fired from afar is
    a strike."""
    modifiers = [child for child in noun.children if child.dep_ in ("compound", "amod", "nmod")]
    modifiers += [grand for child in modifiers for grand in child.children if grand.dep_ == "conj"]
    return any(token.lemma_.lower() in WEAPONS_FIRED for token in modifiers)


def _place_described(verb) -> bool:
    """ "the Church of St Andrew where a mass grave was discovered after Russian soldiers retreated" (p132), "a town
    where the bodies of many civilians were recently found after it was occupied by Russian forces" (p077, CNN): a
    clause of "where" describes a place by its history; "barrages ... that have steadily escalated ... even as
    cease-fire talks began in the spring" (p017) tells a happening in its clause of time."""
    return verb.dep_ == "relcl" and any(child.lower_ == "where" for child in verb.children)


def _history_of_a_place(doc, start: int, end: int) -> bool:
    """Whether the words (a cue, a date) lie in a clause of "where" that describes a place the sentence names: "In
    the suburb of Irpin -- where the bodies of hundreds of civilians were discovered in 2022 after it and the
    neighbouring suburb of Bucha were occupied by Russian forces -- locals told AFP how the war had completely changed
    their lives" (pool p208, AFP), "The facility, well known as a location where Nato forces trained Ukrainians in
    years before the war began, is near the most direct route between Rzeszow airport ... and the city of Lviv" (pool
    p027, The Guardian). The place a person goes to is no history ("heads to Warsaw, Poland, today where he is
    expected to meet with experts", pool p033, The Guardian)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(_place_described(token) and not _journey_end(token.head) for token in (span.root, *span.root.ancestors))


def _scene_only(ctx: SentenceContext, cues: list[tuple[str, int, int]]) -> bool:
    """Whether every cue and every date of the sentence tells the history of a place it names: the sentence tells no
    happening of its own. A day told outside ("Since starting what it calls a special operation to demilitarise
    Ukraine on Feb 24, Russia has bombed cities to rubble and hundreds of civilian bodies have been found in towns
    where its forces withdrew", dev p061, Reuters) is the main clause's, and its cue keeps typing it."""
    doc = ctx.sent.doc
    return all(_history_of_a_place(doc, start, end) for _kind, start, end in cues) and all(
        _history_of_a_place(doc, found.start, found.end) for found in ctx.dates
    )


GOING_VERBS = WORDS["GOING_VERBS"]


def _journey_end(place) -> bool:
    """Whether the place is where a person goes: the verb its phrase hangs on is one of going ("heads to Warsaw",
    "arrived in Moscow", "visited Bucha")."""
    verb = place
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_ in GOING_VERBS


CAPTIVES = WORDS["CAPTIVES"]


def _captives_handed_over(verb) -> bool:
    """ "On Friday, Ukraine and Russia each handed over 390 soldiers and civilians in the biggest prisoner exchange"
    (p180, BBC News), "the two sides agreed to each hand over 157 prisoners of war" (p193, Al Jazeera): people handed
    over are prisoners exchanged, no aid."""
    return verb.pos_ == "VERB" and any(
        child.dep_ == "dobj" and child.lemma_.lower() in CAPTIVES for child in verb.children
    )


STRIKE_NOUNS_ONLY = WORDS["STRIKE_NOUNS_ONLY"]
DESCRIBING_PARTICIPLES = WORDS["DESCRIBING_PARTICIPLES"]
CAPTURED_THINGS = WORDS["CAPTURED_THINGS"]


def _thing_named_by_capture(verb) -> bool:
    """ "images of the graphic scenes captured during the exhumation process" (p132), "Western equipment captured in
    Ukraine" (p147): a picture or a trophy named by its capture, a participle on its noun, tells no ground taken."""
    return (
        verb.lemma_ == "capture"
        and verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "amod")
        and verb.head.lemma_.lower() in CAPTURED_THINGS
    )


SIGNED_ACTS = WORDS["SIGNED_ACTS"]


def _act_signed(verb) -> bool:
    """ "In the evening, I signed another decree on awarding our warriors" (pool p093, Kyiv Post), "as he signed into
    law a $95 billion war aid measure" (pool p148, Fox News), "Putin signed a law on Tuesday raising the fines" (made
    up): a leader signing a decree, a law or an order makes an act of the country's own, no agreement between parties;
    "signed an agreement on grain exports" keeps its diplomacy."""
    return any(
        (child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in SIGNED_ACTS)
        or (child.dep_ == "prep" and child.lower_ == "into" and any(g.lemma_.lower() == "law" for g in child.children))
        for child in verb.children
    )


def _signing_described(ctx: SentenceContext, verb) -> bool:
    """ "banned by an international treaty signed by 193 countries, including Russia and the US" (pool p031, The
    Guardian), "would contravene the Chemical Weapons Convention (CWC), which Russia signed" (pool p149, a GB outlet): a
    signing in a clause on its treaty's noun says which treaty, no signing told; "the deal signed on Tuesday" (pool
    p053, The Guardian) and "The ceasefire, which both sides signed in Minsk on Friday" (made up) date one."""
    if verb.dep_ not in ("acl", "relcl"):
        return False
    first, last = verb.left_edge.idx, verb.right_edge.idx + len(verb.right_edge)
    return not any(first <= found.start < last for found in ctx.dates)


def _own_troops_supplied(verb) -> bool:
    """ "Under cover of darkness, Ukrainian forces have managed to deliver weapons to the besieged steelworks via
    helicopter" (pool p071, Daily Mail), "Russian troops sent ammunition to the front" (made up): forces supplying their
    own side give no aid (SPEC.md: aid is a donor's); forces sending arms to a country ("British forces delivered
    the missiles to Ukraine") keep it."""
    heads = [verb, verb.head] if verb.dep_ in ("xcomp", "conj") else [verb]
    givers = [child for head in heads for child in head.children if child.dep_ == "nsubj"]
    if not any(giver.lemma_.lower() in TROOPS for giver in givers):
        return False
    return not any(
        child.dep_ == "prep" and child.lower_ == "to" and any(g.ent_type_ in ("COUNTRY", "GPE") for g in child.children)
        for child in verb.children
    )


GENERALIZING = WORDS["GENERALIZING"]


def _site_targeted(verb) -> bool:
    """ "Five railway stations in central and western Ukraine were targeted in the space of an hour on Monday, with at
    least five people killed" (pool p078, a GB outlet), "an oil refinery in the Krasnodar region was targeted by
    Ukrainian forces" (pool p188, ABC News/AP): a site as the subject of a passive "targeted" was struck; "Russian
    refineries were targeted by sanctions" (made up) and "a refinery targeted last year" (a description) are none."""
    if not any(child.dep_ == "auxpass" for child in verb.children):
        return False
    if any(child.dep_ == "advmod" and child.lower_ in GENERALIZING for child in verb.children):
        return False  # "critical infrastructure ... were mainly targeted" (seed-004): a pattern over many strikes
    agents = [child for child in verb.children if child.dep_ == "agent"]
    if any(token.lemma_.lower() == "sanction" for agent in agents for token in agent.subtree):
        return False
    return any(
        child.dep_ == "nsubjpass" and any(t.lemma_.lower() in STRUCK_SITES for t in child.subtree)
        for child in verb.children
    )


# Near cues whose verb must take the right argument (see `cue_types`).
def _envoy_moved(verb) -> bool:
    """ "Poland recalled its ambassador", "the delegation arrived in Istanbul": an envoy sent, called back or
    received; "The foreign minister recalled that it was Ukraine that launched a military operation" (p108, BelTA),
    "He reminded that Moldova and Georgia also submitted the application" (p072, TVN24): a verb with a clause of
    what was said is speech, as context.jsonl's HISTORICAL row of "recall" and "remind" reads it."""
    return not any(child.dep_ == "ccomp" for child in verb.children)


VERB_CHECKS = {
    "NEAR_DIPLOMACY": _envoy_moved,
    "NEAR_WEAPON_DEED": _weapon_subject,
    "NEAR_REJECT": _proposal_rejected,
    "NEAR_THREAT": _veto_threatened,
    "NEAR_LEGISLATE": _aid_legislated,
    "NEAR_ENERGY_CUT": _energy_cut,
    "NEAR_LEAVE_ORDER": _citizens_told_to_leave,
    "NEAR_MONUMENT": _monument_moved,
    "NEAR_RECRUIT": _people_recruited,
    "NEAR_SITE_TARGETED": _site_targeted,
}


# Statements and analysis (issue 8, h-anal): a happening named to judge it or as the topic of words.

PRESENT_TAGS = frozenset({"VBZ", "VBP"})
TOPIC_LINKS = WORDS["TOPIC_LINKS"]
TOPIC_VERBS = WORDS["TOPIC_VERBS"] | SPEECH_LEMMAS


def _judged_by_the_link(doc, cue: tuple[str, int, int]) -> bool:
    """ "Moreover, the attempted annexation of the Ukrainian regions ... is a further escalation of the aggression
    against Ukraine" (p110), "The strike is a war crime" (made up): a happening as the subject of "is" with a noun
    after it is judged, named for what it is; the happening, if news, is told in its own sentence ("The attack was
    the deadliest since ...", in the past, tells it; a tally, "the toll is 32", is a count and is spared)."""
    kind, start, end = cue
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or kind == "losses":
        return False
    noun, link = span.root, span.root.head
    return (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ == "nsubj"
        and link.lemma_ in LINKING_VERBS
        and link.tag_ in PRESENT_TAGS
        and any(child.dep_ == "attr" for child in link.children)
    )


def _topic_of_words(ctx: SentenceContext, cue: tuple[str, int, int]) -> bool:
    """ "“We hope that we will be able to save the lives of our guys,” the Ukrainian president said of the evacuation"
    (p044, The Guardian), "Yermak wrote of the Russian attack: ..." (p071, Daily Mail), "“It is a crime,” the minister
    said of the shelling" (made up): a happening that words are said of is their topic, told in its own sentence. Aid
    is spared: words of aid are its request or its announcement ("Shmyhal said of the US security assistance: "We need
    this money yesterday"", p139, BBC, a request the gold keeps), and so is a happening dated in its own words, which
    the sentence may be the only one to date ("he said of Monday's attack which killed at least 18 people", p052, The
    Guardian; "she told Al Jazeera about the January 9 attack", p195). So are words spoken about or commented on
    a happening: "the Ukrainian President commented on the grain crisis, negotiations with Turkey" (p093, Kyiv Post);
    but words spoken in a meeting ("a “fruitful” meeting where they spoke about the sanctions package", p132) tell
    the meeting (`talk_topics_as_talks`)."""
    kind, start, end = cue
    span = ctx.sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or kind == "aid":
        return False
    noun = span.root
    for _ in range(3):  # "the sanctions package", "the grain crisis, negotiations with Turkey": the phrase's head
        if noun.dep_ in ("compound", "conj") and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head
    link = noun.head
    if not (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ == "pobj"
        and link.dep_ == "prep"
        and link.lower_ in TOPIC_LINKS
        and link.head.lemma_ in TOPIC_VERBS
        and link.head.pos_ in ("VERB", "AUX")
    ):
        return False
    if link.head.dep_ == "relcl" and link.head.head.lemma_ in TALK_NOUNS:
        return False  # "a “fruitful” meeting where they spoke about the sanctions package" (p132): the meeting is told
    first, last = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    return not any(first <= found.start < last for found in ctx.dates)
