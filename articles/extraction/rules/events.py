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

The rules this module assembles live beside it, each named for what it reads:
`event_words` (the word lists and cue tables of patterns/<language>/, and the parse helpers
several modules share), `event_cues` (which cue of a sentence counts, and as what type),
`event_background` (history and background: the war's start, spans of time, anniversaries,
nouns a clause describes) and `event_statements` (sentences that report no happening:
headlines, captions, framing, talk topics, statements and analysis). This module dates the
cues left and builds the events, with the happenings of clauses of their own.
"""

from __future__ import annotations

from articles.extraction.attribution import SPEECH_LEMMAS
from articles.extraction.records import Event
from articles.extraction.rules import SentenceContext
from articles.extraction.rules.event_background import (
    WAR_BEGAN,
    _anniversary,
    _before_the_war_day,
    _day_of_a_description,
    _described_by_it,
    _end_of_range,
    _history_of_a_place,
    _past_perfect,
    _place_described,
    _scene_only,
    _since_clause,
    _span_start,
    _undated_since_clause,
    _war_start_day,
    _without_war_start,
    _year_counted_from,
)
from articles.extraction.rules.event_cues import _live_cue, _moving_trigger, _refusal, cue_types
from articles.extraction.rules.event_statements import (
    _caption,
    _circumstance,
    _framing,
    _grounds_given,
    _headline,
    _imperative,
    _judged_by_the_link,
    _kind_of_thing,
    _named_as,
    _noun_scene,
    _reacted_to,
    _speech,
    _talk_dated,
    _told_as_happened,
    _topic_of_words,
    _verbless,
    running_total,
    talk_topics_as_talks,
)
from articles.extraction.rules.event_words import (
    TALK_RETELLERS,
    TALK_SETTINGS,
    TALKING_VERBS,
    TYPE_ORDER,
    WAR_START_LEMMAS,
    WORDS,
    _date_root,
    _predicate,
    _statement_head,
)

TELLING_VERBS = WORDS["TELLING_VERBS"] | SPEECH_LEMMAS


def _talk_setting(noun):
    """The verb of speech a talk is the setting of ("stressed ... during his talks with Putin" -> stressed), else None:
    what was said in the talk is its content, so the talk ranks as that verb does (`_main_type`)."""
    link = noun.head
    if noun.dep_ != "pobj" or link.lower_ not in TALK_SETTINGS or link.dep_ != "prep":
        return None
    verb = link.head
    return verb if verb.pos_ == "VERB" and verb.lemma_ in TELLING_VERBS else None


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
        and not _day_of_a_description(ctx, d, cues)
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


SCENE_PREPOSITIONS = WORDS["SCENE_PREPOSITIONS"]


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
    head = _date_root(span).head
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
    head = _date_root(span).head
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
    head = _date_root(span).head
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
