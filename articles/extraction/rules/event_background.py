"""History and background: what a sentence tells to set the scene, not as news.

The war's start told beside another happening ("since Russia invaded Ukraine in February 2022"),
a since-clause or a year a span is counted from, an anniversary, a time before the war, a clause
in the past perfect, the history of a place ("Bucha, where ... bodies were discovered") and a
noun described by what it did or what was done to it ("a building hit by a drone"): these give
no event of their own, and their dates date none of the sentence's happenings.
"""

from __future__ import annotations

import datetime

from articles.extraction.context import NAMED_PLACES
from articles.extraction.rules import SentenceContext
from articles.extraction.rules.event_words import (
    GROUND_NOUNS,
    ONGOING_VERBS,
    PLACE_LABELS,
    STRUCK_SITES,
    TIME_HEADS,
    WAR_START_LEMMAS,
    WORDS,
    _date_root,
    _predicate,
    _relative_passive,
    _statement_head,
)

FLIGHT_VERBS = WORDS["FLIGHT_VERBS"]


def _flight_described(verb) -> bool:
    """ "refugees who have fled the war", "Ukrainians whose families were forced to flee Russian bombs",
    "to convince Ukrainians to flee": people described by a flight, or a flight aimed at, is no flight told."""
    if verb.dep_ in ("relcl", "acl"):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ not in ONGOING_VERBS


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


# The war began with the seizure of Crimea in 2014: a sentence dated only before it tells history
# ("In 1999 the Russians took six weeks to seize Grozny", "Putin, leader since 1999, told ...").
WAR_BEGAN = datetime.date(2014, 1, 1)


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


# TIME_HEADS (event_words) are also the nouns a relative clause of "that" sets a time by, as "when" does: "on a night
# that Russia fired almost 600 drones"


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
    if not inside:
        # undated, the clause may be the news itself ("Fox News reporter Benjamin Hall, who was injured an attack in
        # Kyiv", dev p036; "Ukrainian pilots who were being trained in Poland to fly the planes are now grounded",
        # dev p025): only a bare participle in a caption's scene of people makes it the scene's
        return clause.dep_ == "acl" and _people_scene(ctx.sent.root)
    # only a day the sentence gives its own verb makes it the scene's
    return not any(inside)


def _people_scene(verb) -> bool:
    """ "Local men look at a hole in a corridor of their residential building damaged in a shelling in Kharkiv."
    (pool p071, Daily Mail): a caption names people by a common noun and tells what they do in the simple present."""
    if verb.tag_ not in ("VBZ", "VBP") and not any(child.dep_ == "auxpass" for child in verb.children):
        return False
    return any(
        child.dep_ in ("nsubj", "nsubjpass") and child.pos_ == "NOUN" and not child.ent_type_ for child in verb.children
    )


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


def _day_of_a_description(ctx: SentenceContext, found, cues: list[tuple[str, int, int]]) -> bool:
    """Whether the date lies in a participle or a passive clause of "who" or "which" that describes a noun by what
    was done to it, with no cue word of the sentence in it: "Polish fighter jets, along with Dutch F-35s deployed to
    Poland earlier this month, shot down some of them" (pool p167, The Economist) dates the deployment, not the
    shooting down; "Mr Varadkar met a Ukrainian actor who was assaulted in Dublin last month" (pool p132, a GB outlet)
    dates the assault, not the meeting; "Geolocated footage published on February 6 indicates that Russian forces
    recently advanced north of Yablunivka" (pool p192, ISW) dates the footage. A clause that tells a happening keeps
    its day ("dozens of residential buildings damaged in the Russian city of Belgorod on Sunday", pool p055; "over 400
    drones and about 40 missiles launched overnight Saturday", pool p194, NPR), and so does the happening the noun
    names ("the attack launched on Sunday killed five"; "A meeting between them at the White House, which was
    originally planned for November 27th", pool p176); a participle in "-ing" tells what its noun is doing then ("the
    other Nato leaders assembling in Brussels on Thursday morning", dev p030, The Guardian); a noun a copula says the
    subject is names the subject ("The Nato meeting will be one of a string of leaders' gatherings held in Brussels on
    Thursday", dev p030); an active clause of "which" may tell the happening ("an exchange of 314 prisoners of war,
    which took place on Thursday", pool p191, Reuters)."""
    doc = ctx.sent.doc
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    clause = _predicate(_date_root(span)) if span is not None else None
    if (
        clause is None
        or not ((clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBD")) or _relative_passive(clause))
        or clause.head.pos_ not in ("NOUN", "PROPN")
        or clause.head.lemma_ in TIME_HEADS
        or any(token.dep_ == "attr" for token in (clause.head, *clause.head.ancestors))
    ):
        return False
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    if any(start <= cue.start_char < end for cue in ctx.sentence_cues):
        return False
    for _kind, cue_start, cue_end in cues:
        cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
        if cue is not None and cue.root.i == clause.head.i:
            return False
    return True


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
