"""Event cues: which cue of a sentence counts, and as what type.

`cue_types` gives (event type, start, end) of every cue that names a happening: a near cue
("launched 242 drones") needs its word near it and, for some verbs, the right argument on the
parse (`VERB_CHECKS`: a journey, a seizure, a repelled attack, aid legislated ...); a cue word that
names something else ("struck a deal", "a train station", "Storm Shadow missiles") gives none.
`_live_cue` drops cues that tell no happening in their own words ("attack on Ukraine" as the war
itself, "US-supplied Himars"), and the aid readings here (`promise_of_another_deed`,
`meeting_of_the_aid`, `aid_named_in_passing`) are shared with rules/pledges.py and the event
building.
"""

from __future__ import annotations

from articles.extraction.attribution import outlet_speaker
from articles.extraction.rules import SentenceContext
from articles.extraction.rules.event_background import _before_the_war, _flight_described, _invasion_dated, _war_itself
from articles.extraction.rules.event_words import (
    GROUND_NOUNS,
    NEAR_CUES,
    PLACE_LABELS,
    STRUCK_SITES,
    TALK_RETELLERS,
    TALKING_VERBS,
    WORDS,
    _relative_passive,
)


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


def _site_attacked(attack) -> bool:
    """ "Russia unleashed a string of attacks against Ukrainian rail and fuel installations on Monday, striking crucial
    infrastructure far from the front line" (p078), "carrying out successful attacks on oil refineries and depots
    across Russia" (p166): an attack on plants, depots and infrastructure is a strike from afar, however near the
    front the sentence names ("attacks on Ukrainian positions" stays fighting)."""
    return any(
        child.dep_ in ("prep", "dobj") and any(token.lemma_.lower() in STRUCK_SITES for token in child.subtree)
        for child in attack.children
    )


NOMINAL_DEPS = frozenset({"pcomp", "acl", "csubj", "nsubj", "dobj", "pobj"})


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


def _passive_gerund(verb) -> bool:
    """ "a report detailing more than 900 cases of civilians ... being arbitrarily detained" (p129): "being" alone
    before the participle, no finite verb and so no time of its own."""
    return {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")} == {"being"}


TALK_AHEAD_AUX = WORDS["TALK_AHEAD_AUX"]
TALK_TIME_LINKS = WORDS["TALK_TIME_LINKS"]
HABITUAL = WORDS["HABITUAL"]


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
