"""Sentences that report no happening: headlines, captions, statements and analysis.

A headline, a photo caption or credit, an imperative, a verbless line, a framing clause
("the war has stepped up ..."), a happening named, reacted to, judged or given as the topic of
words, a running total of aid: each is told about, not told as news. `_told_as_happened` says
whether a cue's clause reports its happening as done; `talk_topics_as_talks` reads the topic of
a talk as the talk.
"""

from __future__ import annotations

import re

from articles.extraction.attribution import SPEECH_LEMMAS
from articles.extraction.cleaning import PHOTO_AGENCY
from articles.extraction.context import NAMED_PLACES
from articles.extraction.merging import ATTACK_TYPES
from articles.extraction.rules import SentenceContext
from articles.extraction.rules.event_cues import cue_types
from articles.extraction.rules.event_words import (
    ONGOING_VERBS,
    TALK_SETTINGS,
    TALKING_VERBS,
    WORDS,
    _predicate,
    _statement_head,
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


def _ends_on_letter(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends on an ASCII letter but for spaces, tabs and newlines: BARE_CREDIT ends on an
    agency's last letter (tests/extraction/test_speed2.py checks), so a line ending otherwise ("... on Monday.") is
    not searched, from each of its sentences to its end."""
    last = end - 1
    while last >= start and text[last] in " \t\n":
        last -= 1
    return last >= start and text[last].isascii() and text[last].isalpha()


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
    if line_end < 0:
        line_end = len(ctx.article_text)
    if _ends_on_letter(ctx.article_text, ctx.start, line_end):
        credit = BARE_CREDIT.search(ctx.article_text, ctx.start, line_end)
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


CIRCUMSTANCE_PREPOSITIONS = WORDS["CIRCUMSTANCE_PREPOSITIONS"]
CIRCUMSTANCE_MARKERS = WORDS["CIRCUMSTANCE_MARKERS"]
PERFECT_AUX = WORDS["PERFECT_AUX"]
PAST_BE = WORDS["PAST_BE"]
BARE_VERB_AUX = WORDS["BARE_VERB_AUX"]
STATE_VERBS = WORDS["STATE_VERBS"]
LINKING_VERBS = WORDS["LINKING_VERBS"]
ONE = WORDS["ONE"]


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
