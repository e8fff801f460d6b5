"""Aid pledges: who gives (or is asked for) what, how much, in what state (SPEC.md, "pledges").

The engine calls `find_pledges(ctx)` once per sentence, in reading order. A
sentence is cut into clauses ("..., while a US Pentagon official said ...");
in each clause a trigger phrase gives the status, and the donor, the items and
the money are read around it:

    "Norway will supply two F-16 fighter jets to Ukraine."
        -> Pledge(NO, UA, "F-16", aircraft, quantity 2, status pledged)
    "US President Joe Biden said Washington was also considering sending
     Bradley armored fighting vehicles to Ukraine."
        -> Pledge(US, UA, "Bradley", armored_vehicle, status considering)
    "Ukraine has also been pressing the UK to supply some of its own M270s."
        -> Pledge(GB, UA, "M270", mlrs, status requested)
    "The US has so far provided a total of $21.3 billion in security assistance."
        -> Pledge(US, UA, None, funding, amount 21300000000 USD, status delivered)
    "Joe Biden has said the US will not supply Ukraine with rockets ..."
        -> nothing (a refusal)

An article tells one pledge several times ("Germany's decision to send tanks"
... "Berlin has agreed to send 14 Leopard 2 tanks"). The rules remember what
they returned for the article (in `doc.user_data`) and fold a retelling into
the first record, filling in its item, quantity, amount or date, instead of
returning a second one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, partial
from itertools import pairwise
from pathlib import Path

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Token

from articles.extraction import context, gazetteer
from articles.extraction.attribution import SPEECH_LEMMAS, known_people
from articles.extraction.context import Modifier
from articles.extraction.countries import own_dollar
from articles.extraction.numbers import MONEY_RE, millions_after_billions
from articles.extraction.records import Pledge
from articles.extraction.rules import CountryMention, SentenceContext, inflections
from articles.extraction.rules.event_cues import promise_of_another_deed
from articles.extraction.rules.event_words import WORDS as EVENT_WORDS
from articles.extraction.rules.event_words import load_words
from articles.jsonl import read_jsonl

MEMORY_KEY = "warboard_pledges"

# --- triggers -----------------------------------------------------------------------------------
#
# The trigger phrases are data: rows of patterns/en/pledges.jsonl with "role": "trigger", found by
# the "pledge_ruler" span_ruler; each gives its status and the flags below, and the clause rules
# read the donor, the items and the money around it.


@dataclass(frozen=True)
class Trigger:
    status: str
    # Items may stand before the trigger: "the tanks would be in Ukraine", "is under consideration".
    passive: bool = False
    # "announced $800m": the trigger carries money and aid packages, not weapons by name.
    money_only: bool = False
    # The asked party follows the trigger ("pressing the UK to supply"), from this token of it on.
    request_object: bool = False
    party_from: int = 1
    # A bare present tense ("Norway sends F-16s") only right after its giver: "supplies" is also a noun.
    needs_subject: bool = False
    # How many tokens of the match are the trigger phrase; the rest only has to follow it ("considering
    # [sending]"). 0: all of them.
    head: int = 0


# The word lists the rules read, each with the sentences it is for: patterns/en/pledge_words.jsonl (its lists may
# extend those of event_words.jsonl, "with").
WORDS = load_words("en", "pledge_words.jsonl", known=EVENT_WORDS)
GIVING_LEMMAS = WORDS["GIVING_LEMMAS"]
WINNING_LEMMAS = WORDS["WINNING_LEMMAS"]
AID_LEMMAS = WORDS["AID_LEMMAS"]
CUE_LABELS = ["PLEDGE_CUE", "PLEDGE_RULE_CUE"]
CUE_PATTERNS: list[dict] = [
    {"label": "PLEDGE_CUE", "pattern": [{"LOWER": {"IN": [*inflections(*sorted(WORDS["PLEDGE_LEMMAS"])),
    *sorted(WORDS["PLEDGE_FORMS"])]}}]},
    # "the 14 Leopard 2 tanks ... would be in Ukraine around March"
    {"label": "PLEDGE_CUE", "pattern": [{"LOWER": "be"}, {"LOWER": "in"}, {"LOWER": "ukraine"}]},
    {"label": "PLEDGE_RULE_CUE", "pattern": [{"LOWER": {"IN": [*inflections(*sorted(WORDS["RULE_LEMMAS"])),
    *sorted(WORDS["RULE_FORMS"])]}}]},
]  # fmt: skip

# --- clauses ------------------------------------------------------------------------------------

PAIRED_DASHES = re.compile(r"\s[–—]\s[^–—]{1,120}?\s[–—]\s")
BRACKETS = re.compile(r"\[[^\]]*\]")

# --- donors -------------------------------------------------------------------------------------

# Aid from unnamed givers, aid "from" a giver, buying, arms to Russia: patterns/en/pledge_words.jsonl.
UNNAMED_LAST = WORDS["UNNAMED_LAST"]
UNNAMED_NEXT = WORDS["UNNAMED_NEXT"]
FROM_DONOR_WORDS = WORDS["FROM_DONOR_WORDS"]
BUYING_LEMMAS = WORDS["BUYING_LEMMAS"]
RUSSIA_SUPPLIERS = WORDS["RUSSIA_SUPPLIERS"]
TRADERS_WITH_RUSSIA = WORDS["TRADERS_WITH_RUSSIA"]
RECIPIENT_PREPOSITIONS = WORDS["RECIPIENT_PREPOSITIONS"]
SUM_KIND_PREPOSITIONS = WORDS["SUM_KIND_PREPOSITIONS"]
TOTAL_SINCE = WORDS["TOTAL_SINCE"]
PART_OF_SUM_LEMMAS = WORDS["PART_OF_SUM_LEMMAS"]
LIST_HEAD_LEMMAS = WORDS["LIST_HEAD_LEMMAS"]
LIST_MARKS = WORDS["LIST_MARKS"]
LEADING_WORDS = WORDS["LEADING_WORDS"]
WAR_PARTIES = {"UA", "RU"}

# --- items --------------------------------------------------------------------------------------

# The kinds of aid ("air defence", "artillery ammunition", "anti-tank weapons" ...) are data: rows of
# patterns/en/aid_kinds.jsonl with label AID_KIND, found by the "pledge_ruler" span_ruler beside the
# triggers and read left to right by `_kinds`.
KIND_LABEL = "AID_KIND"

CARRIER_CATEGORIES = {"aircraft", "vehicle", "ship", "helicopter"}
SPEAKING_PRONOUNS = WORDS["SPEAKING_PRONOUNS"]
PERSON_PRONOUNS = WORDS["PERSON_PRONOUNS"]
EARLIER_GIVER_SUBJECTS = WORDS["EARLIER_GIVER_SUBJECTS"]
QUOTE_ENDS = frozenset(["”", '"'])
SPOKEN_TAGS = frozenset(["VBD", "VBN", "VBZ", "VBP"])
SPEECH_IDS = frozenset(get_string_id(lemma) for lemma in SPEECH_LEMMAS)


@dataclass
class Found:
    """An item, a kind of aid or an amount found in a clause."""

    start: int
    end: int
    category: str
    item: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    quantity: int | None = None
    training: bool = False
    # written "$" or "dollars" with no country: the donor's own dollar if it has one ("Australia has provided $156m")
    bare_dollar: bool = False


@dataclass
class ArticleMemory:
    """What the rules know of the sentences before this one (kept in `doc.user_data`)."""

    pledges: list[Pledge] = field(default_factory=list)
    pledge_sentence: list[int] = field(default_factory=list)
    # sentence index -> (effective day, a function giving the givers named in it, last frame (donors, status))
    sentences: dict[int, tuple] = field(default_factory=dict)
    speaker_days: dict[str, object] = field(default_factory=dict)
    # records told before whose figure the sentence being read states (their span now points at it)
    restated: list[Pledge] = field(default_factory=list)
    # the pledge ruler's spans and their start offsets, read once for the whole article
    ruled: tuple[list[int], list] | None = None
    # the ConText modifiers of the sentence being read: (sentence index, modifiers)
    modifiers: tuple[int, list[Modifier]] | None = None
    # the frame (donors, status) of a sentence that opened a list of its goods ("Specific UK aid pledges include:"),
    # while its lines are read
    listing: tuple[list[str], str] | None = None


# --- the rule -----------------------------------------------------------------------------------


def find_pledges(ctx: SentenceContext) -> list[Pledge]:
    """The pledges of one sentence, retellings of earlier ones folded into them."""
    memory = _memory(ctx)
    text = _masked(ctx)
    day = _sentence_day(ctx, memory)
    frames: list[tuple[list[str], str]] = []
    found: list[Pledge] = []
    if any(span.label_ == "PLEDGE_CUE" for span in ctx.sentence_cues):
        for start, end in _clauses(ctx, text):
            found.extend(_clause_pledges(ctx, memory, text, start, end, day, frames))
    if not frames and _guard_after(ctx, text, "CONTINUATION", 0):
        # "That includes the HIMARS ... as well as the M777 howitzers": the list of the sentence before.
        previous = memory.sentences.get(ctx.index - 1)
        if previous and previous[2]:
            donors, status = previous[2]
            items = [f for f in _items(ctx, text, 0, len(text)) if f.item]
            found.extend(_records(donors, status, items, ctx, day, 0, len(text)))
    found.extend(_parsed_pledges(ctx, memory, text, day, frames, found))
    found.extend(_listed(ctx, memory, text, day, frames, found))
    # "From 2010 to 2021, the UK provided a total of £204 million": background, no record
    found = [p for p in found if not _before_the_war(ctx, p.span[1] - ctx.start)]
    # the sentence's givers, found only when the next sentence leaves its giver unnamed (_earlier_giver)
    givers = partial(_givers, ctx, text, 0, len(text))
    memory.sentences[ctx.index] = (day, givers, frames[-1] if frames else None)
    return _fold(memory, ctx.index, found)


def _listed(ctx: SentenceContext, memory: ArticleMemory, text: str, day, frames, found) -> list[Pledge]:
    """The goods of a line of a list that a pledge's sentence opened ("Specific UK aid pledges include:", then
    "* £577 million in humanitarian aid (from February 2022 to March 2026)"): a line with no verb of its own, or one
    opened by a mark of LIST_MARKS, gives its goods to the frame of the list's head. A sentence of its own that starts
    a new line ends the list; one that follows on the same line ("This includes £20 million ...") does not."""
    listing, memory.listing = memory.listing, None
    words = ctx.text.strip()
    if words.endswith(":"):
        # read from the end only: the word before the colon
        last = [token for token in _last_tokens(ctx.sent, 3) if not token.is_space]
        if len(last) > 1 and last[-2].lemma_ in LIST_HEAD_LEMMAS:
            memory.listing = frames[-1] if frames else None
            return []
    if listing is None:
        return []
    if not any(char.isalnum() for char in words):
        memory.listing = listing  # a lone mark
        return []
    first = next(token for token in ctx.sent if not token.is_space)
    line = first.text in LIST_MARKS or ctx.sent.root.pos_ not in ("VERB", "AUX")
    if not line and not _starts_a_line(ctx):
        memory.listing = listing  # a sentence that follows the line's own
        return []
    if not line or frames or found:
        return []
    memory.listing = listing
    donors, status = listing
    goods = [f for f in _items(ctx, text, 0, len(text)) if not f.training]
    return _records(donors, status, goods, ctx, day, 0, len(text))


def _last_tokens(sent, count: int):
    return sent.doc[max(sent.start, sent.end - count) : sent.end]


def _starts_a_line(ctx: SentenceContext) -> bool:
    """Whether a line break stands between the sentence and the words before it."""
    before = ctx.sent.doc.text[max(0, ctx.sent.start_char - 40) : ctx.sent.start_char]
    return not before.strip(" \t") or before.rstrip(" \t").endswith("\n")


def restated_here(ctx: SentenceContext) -> list[Pledge]:
    """The records told before whose figure the sentence just read (by `find_pledges`) states."""
    return _memory(ctx).restated


def _memory(ctx: SentenceContext) -> ArticleMemory:
    user_data = ctx.sent.doc.user_data
    memory = user_data.get(MEMORY_KEY)
    if not isinstance(memory, ArticleMemory):
        memory = user_data[MEMORY_KEY] = ArticleMemory()
    return memory


def _masked(ctx: SentenceContext) -> str:
    """The sentence with parenthetical dashes and [editor's notes] blanked, offsets kept."""
    text = BRACKETS.sub(lambda m: " " * len(m.group()), ctx.text)
    # "- including more air defences -" lists the goods: it stays
    return PAIRED_DASHES.sub(lambda m: m.group() if _lists_goods(ctx, m) else " " * len(m.group()), text)


def _lists_goods(ctx: SentenceContext, dashed: re.Match) -> bool:
    return _guard_after(ctx, ctx.text, "INCLUDING", dashed.start() + 1)


def _clauses(ctx, text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    # "support - including air defences - if senators approve": the dashes hold a list, not a clause
    unbroken = PAIRED_DASHES.sub(lambda m: re.sub("[–—]", ",", m.group()) if _lists_goods(ctx, m) else m.group(), text)
    for at, to in _clause_breaks(ctx, unbroken):
        bounds.append((start, at))
        start = to
    bounds.append((start, len(text)))
    clauses = []
    for start, end in bounds:
        # "would send tanks rather than jets": what follows is not given
        cut = _guard_inside(ctx, text, "CUT_REST", start, end)
        clauses.append((start, end if cut is None else cut))
    return clauses


def _sentence_day(ctx: SentenceContext, memory: ArticleMemory):
    """The day the sentence's news happened on: its own date, or its speaker's last dated words."""
    days = [m for m in ctx.dates if m.value.precision == "day"]
    subjects = _speech_subjects(ctx.sent)
    speakers = _speakers(ctx, subjects)
    if days:
        for name in speakers:
            memory.speaker_days[name] = days[0].value.date
        return days[0].value.date
    for name in speakers:
        if name in memory.speaker_days:
            return memory.speaker_days[name]
    previous = memory.sentences.get(ctx.index - 1)
    if previous and not speakers and _pronoun_speaks(ctx, subjects):
        return previous[0]
    return None


def _speech_subjects(sent) -> list:
    """The subjects of the sentence's verbs of speech (attribution.SPEECH_LEMMAS) that have spoken: "Biden
    said on Tuesday", not "Johnson will tell world leaders at the Nato summit on Thursday"."""
    return [
        child
        for verb in sent
        # compared as string ids first: most words are no verb of speech, and their strings are never built
        if verb.lemma in SPEECH_IDS and verb.tag_ in SPOKEN_TAGS
        for child in verb.children
        if child.dep_ in SUBJECT_DEPS
    ]


def _speakers(ctx: SentenceContext, subjects: list) -> list[str]:
    """The people who speak in the sentence, by the last word of their name."""
    names = []
    for subject in subjects:
        first, last = subject.left_edge.i, subject.right_edge.i
        names += [ent[-1].text for ent in ctx.sentence_ents if ent.label_ == "PERSON" and first <= ent.start <= last]
    return names


def _pronoun_speaks(ctx: SentenceContext, subjects: list) -> bool:
    """ "he said", "“We will send more,” she added": a pronoun is the speaker."""
    if any(subject.lower_ in SPEAKING_PRONOUNS for subject in subjects):
        return True
    if not any(quote in ctx.text for quote in QUOTE_ENDS):
        return False
    # the words right before the pronoun, the comma skipped: "”, he" or "” she"
    before = [token.text for token in ctx.sent if token.text != ","]
    return any(word in QUOTE_ENDS and pronoun.lower() in PERSON_PRONOUNS for word, pronoun in pairwise(before))


def _clause_pledges(ctx, memory, text, start, end, day, frames) -> list[Pledge]:
    """The pledges of one clause: for each trigger in it, its status, donors and items."""
    hits = _trigger_hits(ctx, text, start, end)
    if not hits:
        return []
    clause = text[start:end]
    records: list[Pledge] = []
    items = _items(ctx, text, start, end)
    buy = None
    for index, (t_start, t_end, trigger, match) in enumerate(hits):
        found = _hit_status(ctx, text, clause, start, t_start, t_end, trigger, match)
        if found is None:
            continue
        status, legislature = found
        if status == "pledged" and _package_in_preparation(ctx, match):
            status = "considering"
        group_leaders: list[str] = []
        next_start = hits[index + 1][0] if index + 1 < len(hits) else end
        mine = _items_of(trigger, items, start, t_start, t_end, next_start, hits, index)
        if trigger.money_only:
            mine = [
                f
                for f in mine
                if (f.category == "funding" or _bought_by_sum(ctx, f, mine, match.root))
                and not _refused_below(ctx, f, match.root)
            ]
        if status == "requested":
            if _asker_for_itself(ctx, match):
                continue
            mine = _asked_for(ctx, match, mine)
        recipient = "UA"
        donors: list[str]
        if status == "requested":
            donors = _asked(ctx, memory, text, start, end, t_start, t_end, match, trigger)
        else:
            buy = buy or _bought_from(ctx, text, start, end)
            if buy:
                donors, recipient = [buy[0]], buy[1]
            else:
                group_leaders = _leaders(ctx, _subject(match.root))
                donors = group_leaders or _donors(ctx, memory, text, start, end, t_start, t_end)
        if not donors and legislature:
            donors = ["US"]  # the House, the Senate and Congress vote on US money
        if not donors:
            continue
        if _aid_elsewhere(ctx, text, t_end, end):
            continue  # "$6.5 billion in military sales to Israel": not aid to the war's parties
        frames.append((donors, status))
        if not mine:
            continue
        clause_day = _clause_day(ctx, start, end, t_start) or _earlier_day(ctx, start, day)
        span = (ctx.start + start, ctx.start + end)
        for leaders, goods in _by_leader(ctx, match.root, mine):
            givers = leaders or donors
            if len(givers) > 1 and (leaders or givers == group_leaders) and len({f.item for f in goods if f.item}) > 1:
                # a group led by several countries gives several named systems: who gives which, the text does
                # not say ("Germany and France will send", by contrast, is a joint pledge of each country)
                continue
            records.extend(_given(ctx, text, start, end, givers, recipient, status, goods, clause_day, span))
    return records


# The dependencies that join a kind to the phrase it stands in: its list, its preposition, its modifiers.
NOUN_PHRASE_DEPS = frozenset(["conj", "cc", "pobj", "appos", "amod", "compound", "nmod", "punct"])


def _token_at(ctx: SentenceContext, at: int):
    return next((t for t in ctx.sent if t.idx - ctx.start == at), None)


def _refused_below(ctx: SentenceContext, f: Found, trigger) -> bool:
    """Whether a money trigger reaches the sum or kind only through a negated verb: "Germany announced it will
    not send €500 million in tanks" is a refusal (SPEC.md), though "announced" itself is not negated."""
    token = _token_at(ctx, f.start)
    while token is not None and token.i != trigger.i and token.head.i != token.i:
        token = token.head
        if token.i != trigger.i and token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children):
            return True
    return False


def _bought_by_sum(ctx: SentenceContext, kind: Found, found: list[Found], trigger) -> bool:
    """Whether a kind of aid is what a sum in the clause buys, a money package that names kinds (SPEC.md): the
    kind's phrase hangs by "in" or "including" on the sum itself ("announced that $1 billion in artillery,
    air defenses, and other hardware would soon be heading", p145) or on an aid noun ("announced an additional
    $800m in military assistance to Ukraine including heavy artillery", p038); a kind the trigger takes as its own
    object ("announced the missiles in a briefing") is no gift, nor are the kinds of a running total ("has
    announced more than $40 billion ... since February 2022, including artillery")."""
    sums = [(f.start, f.end) for f in found if f.category == "funding" and f.amount is not None]
    token = _token_at(ctx, kind.start)
    if kind.item is not None or not sums or token is None:
        return False
    if any(t.lower_ in TOTAL_SINCE and t.dep_ in ("prep", "mark") for t in trigger.subtree):
        return False
    while token.dep_ in NOUN_PHRASE_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ != "prep" or token.lower_ not in SUM_KIND_PREPOSITIONS:
        return False
    head = token.head
    at = head.idx - ctx.start
    return any(s <= at < e for s, e in sums) or (head.lemma_ in AID_LEMMAS and head.pos_ == "NOUN")


# The rules of patterns/en/pledges.jsonl that find a package still being prepared.
PREPARING_RULES = frozenset(["preparing_package", "preparing_a_package", "being_prepared"])


def _package_in_preparation(ctx: SentenceContext, match) -> bool:
    """Whether the package the trigger names ("a package that includes") is the object of a verb of
    preparing that a rule of PREPARING_RULES found: "the US is in the process of finalising a package that
    includes advanced air defence capabilities" (The Guardian p050) waits for a decision, as "Washington is
    preparing another weapons aid package" (dev seed-000) and "The US is prepping another $800 million military
    assistance package" (CNN p064) do."""
    package = next((t for t in match if t.lemma_ in _package_lemmas()), None)
    if package is None:
        return False
    verb = package.head.i
    return any(span.id_ in PREPARING_RULES and span.start <= verb < span.end for span in _sentence_triggers(ctx))


@cache
def _package_lemmas() -> frozenset[str]:
    """The lemmas of an aid package, read from the last word of the pledges.jsonl rule "preparing_a_package"
    ("preparing another weapons aid package", "a new tranche"), where they are written once."""
    return frozenset(_rules()["preparing_a_package"]["pattern"][-1]["LEMMA"]["IN"])


def _asker_for_itself(ctx: SentenceContext, match) -> bool:
    """Whether the request noun's owner is a country that is no party of the war: it asks for itself, as in
    "Washington’s “stalling” of Ankara’s request to purchase new F-16 fighter jets" (The Guardian p050);
    "the decision falls short of Ukraine’s request for Abrams tanks" (dev seed-000) is the recipient's."""
    owner = next((child for child in match.root.children if child.dep_ == "poss"), None)
    if match.root.pos_ != "NOUN" or owner is None:
        return False
    first, last = owner.left_edge.idx - ctx.start, owner.right_edge.idx + len(owner.right_edge) - ctx.start
    codes = {m.code for m in _mentions_in(ctx, first, last)}
    return bool(codes) and not codes & WAR_PARTIES


def _asked_for(ctx: SentenceContext, match, goods: list[Found]) -> list[Found]:
    """The goods a request noun asks for: those in its own phrase ("pleas for air-defence missiles"), not
    those of the clause's other verbs: "Zelenskiy repeated his pleas for air-defence missiles and said Kyiv
    was ready to swap its drones ... for the missiles from allies or for Poland's Soviet-era MiG-29 fighter
    jets" (Reuters p191) asks for no drones and no MiG-29s; "made a “desperate plea” for eastern Europe to
    provide Russian-made aircraft" (The Guardian p021) asks for the aircraft of its phrase. Where the parse
    hangs the goods elsewhere ("a plea at the Brussels summit from the country’s president, Volodymyr
    Zelenskiy, for tanks", The Guardian p031), the phrase holds none and the clause's goods stay."""
    noun = match.root
    if noun.pos_ != "NOUN":
        return goods
    first, last = noun.left_edge.idx - ctx.start, noun.right_edge.idx + len(noun.right_edge) - ctx.start
    own = [f for f in goods if first <= f.start and f.end <= last]
    return own or goods


def _leaders(ctx: SentenceContext, noun) -> list[str]:
    """The countries that lead the group or initiative `noun` names, in the parse: "Nato countries led by the
    US, UK and Turkey had previously agreed to supply" (The Guardian p034), "a Czech-led initiative that will
    begin supplying Ukraine with some 300,000 rounds" (p145, a Ukrainian outlet). An initiative led by one
    country is that country's (SPEC.md); the group's other members are unnamed."""
    if noun is None:
        return []
    for child in noun.children:
        if child.lower_ in LEADING_WORDS and child.dep_ in ("amod", "acl"):
            first, last = child.left_edge.idx - ctx.start, child.right_edge.idx + len(child.right_edge) - ctx.start
            codes = [m.code for m in _mentions_in(ctx, first, last) if m.code not in WAR_PARTIES]
            return list(dict.fromkeys(codes))
    return []


def _by_leader(ctx: SentenceContext, trigger, goods: list[Found]) -> list[tuple[list[str], list[Found]]]:
    """The goods grouped by the leaders of the initiative whose phrase holds them, between the good and the
    trigger in the parse ([] for goods that no led initiative holds)."""
    groups: dict[tuple[str, ...], list[Found]] = {}
    for f in goods:
        token = next((t for t in ctx.sent if t.idx - ctx.start == f.start), None)
        leaders: list[str] = []
        while token is not None and token.i != trigger.i and not leaders:
            leaders = _leaders(ctx, token)
            token = token.head if token.head.i != token.i else None
        groups.setdefault(tuple(leaders), []).append(f)
    return [(list(leaders), found) for leaders, found in groups.items()]


def _trigger_hits(ctx: SentenceContext, text: str, start: int, end: int) -> list:
    """(start, end, trigger, span) of every trigger phrase of the clause, the longest of two overlapping."""
    hits: list = []
    for span in _sentence_triggers(ctx):
        trigger = triggers().get(span.id_)
        if trigger is None:
            continue
        at, to = span.start_char - ctx.start, span.end_char - ctx.start
        if at < start or to > end or text[at:to] != ctx.text[at:to]:
            continue  # outside the clause, or in a parenthesis or an [editor's note]
        head_end = span[trigger.head - 1].idx + len(span[trigger.head - 1]) - ctx.start if trigger.head else to
        hits.append((at, head_end, trigger, span))
    return _without_overlaps(hits)


def _sentence_triggers(ctx: SentenceContext) -> list:
    """The pledge ruler's spans (triggers and parse rules) that start in the sentence."""
    memory = _memory(ctx)
    if memory.ruled is None:
        doc = ctx.sent.doc
        spans = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
        # by start, to find a sentence's by bisection; each with its place in the ruler's order
        ordered = sorted(enumerate(spans), key=lambda numbered: numbered[1].start_char)
        memory.ruled = ([span.start_char for _number, span in ordered], ordered)
    starts, ordered = memory.ruled
    inside = ordered[bisect_left(starts, ctx.start) : bisect_left(starts, ctx.end)]
    return [span for _number, span in sorted(inside, key=lambda numbered: numbered[0])]


def _hit_status(ctx, text, clause, start, t_start, t_end, trigger, match) -> tuple[str, bool] | None:
    """(status, voted by a legislature) of one trigger, or None when its words say it gives nothing:
    a refusal, a receiver's words, a weapon's attribute, a message, a total with no aid."""
    status = trigger.status
    modifiers = _modifiers(ctx)
    if status != "considering" and _modified(modifiers, match, "NEGATED"):
        return None  # "will not supply", "refused to send": a refusal is no pledge
    if _won_before(match, ctx.start + start) and not _guard_after(ctx, text, "FROM", t_end):
        return None  # "Since winning pledges of modern battle tanks": the receiver speaks, the giver is unnamed
    if text[t_start - 1 : t_start] == "-":
        return None  # "western-supplied missiles", "US-donated": an attribute of a weapon, not a delivery
    if len(match) == 1 and promise_of_another_deed(match.root):
        return None  # "promised to deal with companies that sell ... drones to Russia": no goods promised
    if _guard_after(ctx, text, "NOT_GOODS", t_end):
        return None  # "the Kremlin was sending a message with the jets"
    total = (
        trigger.passive
        and _guard_inside(ctx, text, "TOTAL", match.start_char - ctx.start, match.end_char - ctx.start) is not None
    )
    if total and not _lemmas(ctx, start, start + len(clause)) & AID_LEMMAS:
        return None  # "has reached 40": a total that names no aid
    legislature = status in ("pledged", "requested") and (
        _names_a_chamber(ctx, start, start + len(clause)) or _congress_asked(ctx, text, start, start + len(clause))
    )
    if legislature:
        status = "considering"  # "approved by the House", "asked Congress to give immediate approval"
    if trigger.needs_subject and not any(
        0 <= t_start - (m.end - ctx.start) <= 3 for m in _mentions_in(ctx, start, t_start)
    ):
        return None
    if status == "pledged" and _conditional(ctx, text, start, start + len(clause)):
        status = "considering"  # "if senators approve"
    if status == "pledged" and _modified(modifiers, match, "HYPOTHETICAL", DOUBT):
        status = "considering"  # "announced that it could approve $1.4bn", "might soon vote on"
    return status, legislature


IF_ID = get_string_id("if")


def _conditional(ctx: SentenceContext, text: str, start: int, end: int) -> bool:
    """ "if senators approve", "If Congress passes it": the word "if" between `start` and `end` (sentence
    offsets), not in a blanked parenthesis: a pledge on a condition is still being considered."""
    return any(token.lower == IF_ID for token in _tokens_in(ctx, text, start, end))


def _given(ctx, text, start, end, donors, recipient, status, mine, clause_day, span) -> list[Pledge]:
    """One record per donor and item: arms from Russia's suppliers go to Russia when the clause
    names it; a party of the war is no donor, and no donor gives to itself."""
    records: list[Pledge] = []
    for donor in donors:
        to = "RU" if donor in RUSSIA_SUPPLIERS and _mentions(ctx, "RU", text, start, end) else recipient
        if donor in WAR_PARTIES and not (donor == "UA" and to == "RU") or donor == to:
            continue
        if to == "RU" and donor in TRADERS_WITH_RUSSIA:
            continue
        records.extend(_pledge(donor, to, f, status, clause_day, span) for f in mine)
    return records


def _modifiers(ctx: SentenceContext) -> list[Modifier]:
    """The ConText modifiers of the sentence: those of patterns/en/context.jsonl, which the event rules
    read too, and those of patterns/en/pledge_context.jsonl."""
    memory = _memory(ctx)
    if memory.modifiers is None or memory.modifiers[0] != ctx.index:
        own = _context_rules(ctx.sent.doc.vocab).modifiers_of(ctx.sent)
        memory.modifiers = (ctx.index, [*ctx.sentence_modifiers, *own])
    return memory.modifiers[1]


def _context_rules(vocab) -> context.ContextRules:
    key = id(vocab)
    if key not in _COMPILED_CONTEXT:
        _COMPILED_CONTEXT[key] = context.ContextRules(vocab, context.load_rules(CONTEXT_FILE))
    return _COMPILED_CONTEXT[key]


def _modified(modifiers: list[Modifier], match, category: str, words: frozenset[str] | None = None) -> bool:
    """Whether a modifier of the category that stands before the trigger reaches its head word ("will not
    supply", "refused to send", "could approve"); `words` narrows the modifier's own word."""
    doc = match.doc
    return any(
        m.category == category
        and m.trigger < match.start
        and m.covers(match.root.i)
        and (words is None or doc[m.trigger].lower_ in words)
        and not _relative_clause_between(match.root, doc[m.trigger])
        for m in modifiers
    )


def _relative_clause_between(token, trigger) -> bool:
    """Whether the token stands in a relative clause below the modifier's word: "will not provide the battle
    tanks that Kyiv has long asked for" refuses the tanks, not Kyiv's request for them."""
    line = {trigger.i, *(ancestor.i for ancestor in trigger.ancestors)}
    while token.i not in line and token.head is not token:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _won_before(match, clause_start: int) -> bool:
    """A receiver's verb among the three words before the trigger in its clause, no punctuation between:
    "since winning pledges of", "secured promises of"."""
    doc, first = match.doc, match.sent.start
    for token in reversed(doc[max(first, match.start - 3) : match.start]):
        if token.is_punct or token.idx < clause_start:
            return False
        if token.lemma_ in WINNING_LEMMAS:
            return True
    return False


def _lemmas(ctx: SentenceContext, start: int, end: int) -> set[str]:
    """The lemmas of the sentence's words from `start` to `end` (offsets in the sentence)."""
    return {
        token.lemma_
        for token in ctx.sent
        if start <= token.idx - ctx.start and token.idx - ctx.start + len(token) <= end
    }


def _without_overlaps(hits):
    """Keep the longest trigger where two overlap ("has sent" over "sent")."""
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list = []
    for hit in hits:
        if kept and hit[0] < kept[-1][1]:
            continue
        kept.append(hit)
    return kept


def _items_of(trigger, items, start, t_start, t_end, next_start, hits, index) -> list[Found]:
    after = [f for f in items if t_end <= f.start < next_start and not f.training]
    if after and not trigger.passive:
        return after
    if trigger.passive or not after:
        previous_end = hits[index - 1][1] if index > 0 else start
        reach = start if trigger.passive else max(previous_end, t_start - 45)
        before = [f for f in items if reach <= f.start and f.end <= t_start and (trigger.passive or not f.training)]
        return before + after if trigger.passive else before
    return after


def _records(donors, status, items, ctx, day, start, end) -> list[Pledge]:
    span = (ctx.start + start, ctx.start + end)
    return [_pledge(donor, "UA", f, status, day, span) for donor in donors for f in items]


# "US $5bn", "U.S. $5bn": the dollar named as the US's
US_BEFORE_DOLLAR = re.compile(r"(?:\bUS|\bU\.S\.)\s*$")


def _bare_dollar(text: str, match: re.Match) -> bool:
    """Whether an amount is written in dollars of no named country ("$156m", "50 million dollars"; not
    "US$5bn", "US $5bn", "C$500m")."""
    written = (match.group("sym") or match.group("word") or match.group("wordcurrency") or "").lower()
    if written == "$":
        return not US_BEFORE_DOLLAR.search(text[max(0, match.start() - 6) : match.start()])
    return written in ("dollars", "dollar")


def _pledge(donor: str, recipient: str, f: Found, status: str, date, span: tuple[int, int]) -> Pledge:
    currency = (own_dollar(donor) or f.currency) if f.bare_dollar else f.currency
    return Pledge(
        donor=donor,
        recipient=recipient,
        item=f.item,
        category=f.category,
        quantity=f.quantity,
        amount=f.amount,
        currency=currency,
        status=status,
        date=date,
        span=span,
    )


# --- donors -------------------------------------------------------------------------------------


def _mentions_in(ctx: SentenceContext, start: int, end: int) -> list[CountryMention]:
    return [m for m in ctx.countries if start <= m.start - ctx.start and m.end - ctx.start <= end]


def _mentions(ctx, code, text, start, end) -> bool:
    return any(m.code == code for m in _mentions_in(ctx, start, end))


CHAMBER_WORDS = WORDS["CHAMBER_WORDS"]
CONGRESS_LEMMAS = WORDS["CONGRESS_LEMMAS"]


def _names_a_chamber(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` name a chamber of the US Congress or its members: "the House",
    "the Senate", "senators", "lawmakers" (not "the White House", not "the House of Commons")."""
    doc = ctx.sent.doc
    for token in ctx.sent:
        at = token.idx - ctx.start
        if at < start or at + len(token) > end or token.text not in CHAMBER_WORDS:
            continue
        if _audience(token):
            continue
        if token.text != "House":
            return True
        previous = doc[token.i - 1].text if token.i else ""
        if previous != "White" and doc[token.i + 1 : token.i + 3].text != "of Commons":
            return True
    return False


AUDIENCE_NOUNS = WORDS["AUDIENCE_NOUNS"]
AUDIENCE_PREPOSITIONS = WORDS["AUDIENCE_PREPOSITIONS"]


def _audience(token) -> bool:
    """ "made a “desperate plea” for eastern Europe to provide Russian-made aircraft to Ukraine during a call
    with US senators" (The Guardian p021), "In a virtual speech to MPs and senators in Canberra, the Ukrainian
    president requested Australia send Bushmaster armoured vehicles" (p075, a British outlet): the senators
    hear a request; no chamber votes on money."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ in AUDIENCE_PREPOSITIONS
        and prep.head.i != prep.i
        and prep.head.lemma_.lower() in AUDIENCE_NOUNS
    )


def _giver(ctx: SentenceContext, text: str, mention: CountryMention) -> str | None:
    """The code of a mention that can be a giver, None for "in Germany", "US-made", "EU countries"."""
    s, e = mention.start - ctx.start, mention.end - ctx.start
    if mention.code in WAR_PARTIES:
        return None
    if _unnamed(ctx, text, mention):
        return None
    if _guard_after(ctx, text, "ATTRIBUTE", e):
        return None
    possessive = _guard_after(ctx, text, "POSSESSIVE", e) or mention.text.endswith(("’s", "'s"))
    if _guard_before(ctx, text, "NOT_A_GIVER", s) and not possessive and not _aid_from(ctx, text, s):
        return None
    if _guard_before(ctx, text, "SOME_OF", s):
        return None
    if _guard_before(ctx, text, "RECEIVER", s, 45):
        return None  # "humanitarian aid programmes in Ukraine and Moldova": a receiver, not a giver
    return mention.code


def _givers(ctx, text, start, end) -> list[str]:
    return [code for m in _mentions_in(ctx, start, end) if (code := _giver(ctx, text, m))]


def _unnamed_subject(ctx, text, start, t_start) -> bool:
    """ "western nations have agreed to send": the trigger's subject is a group no one can be credited for."""
    group = _unnamed_group(ctx, text, start, t_start)
    if group is None:
        return False
    group_start, gap_start = group
    if _mentions_in(ctx, gap_start, t_start):
        return False
    if any(m.start <= ctx.start + group_start < m.end for m in ctx.countries):
        return False  # "the United States", "the Baltic states" named as a country or body
    # "the US and several EU countries have announced they will send": the named one still gives.
    joined = _guard_before(ctx, text, "JOINED", group_start, min(40, group_start - start))
    return not (joined and _givers(ctx, text, start, group_start))


def _unnamed_group(ctx, text, start, t_start) -> tuple[int, int] | None:
    """(start, end) of the first UNNAMED_GROUP guard between `start` and the trigger at `t_start` with at most 30
    characters and no punctuation of a new phrase between it and the trigger."""
    doc = ctx.sent.doc
    for first, last in sorted(_guard_spans(ctx, text, "UNNAMED_GROUP", start, t_start)):
        at, to = doc[first].idx - ctx.start, doc[last - 1].idx + len(doc[last - 1]) - ctx.start
        if start <= at and to <= t_start and t_start - to <= 30 and not set(text[to:t_start]) & set(',;:.“”"'):
            return at, to
    return None


def _donors(ctx, memory, text, start, end, t_start, t_end) -> list[str]:
    mentions = _mentions_in(ctx, start, end)
    if _unnamed_subject(ctx, text, start, t_start):
        return []
    for m in mentions:
        s = m.start - ctx.start
        if _aid_from(ctx, text, s) and m.code not in WAR_PARTIES:
            return [m.code]  # "assistance from the European Union"
    before = [m for m in mentions if m.end - ctx.start <= t_start and _giver(ctx, text, m)]
    if before:
        return _coordinated(ctx, text, before)
    person = _person_giver(ctx, t_start)
    if person:
        return [person]  # "On Thursday Biden pledged an additional $1.3 billion"
    after = [m for m in mentions if m.start - ctx.start >= t_end]
    for m in after:
        s = m.start - ctx.start
        if _guard_before(ctx, text, "AGENT", s) and m.code not in WAR_PARTIES:
            return [m.code]  # "were delivered by Germany", "a deal with the IMF"
    givers_after = [m.code for m in after if _giver(ctx, text, m)]
    if givers_after:
        return givers_after[:1]  # "the package was focused on supplying ammunition ... the US has sent"
    if any(m.code not in WAR_PARTIES for m in _mentions_in(ctx, 0, len(text))):
        return []  # a giver is named but cannot give ("several EU countries"): no record
    if _other_subject(ctx, text, start, t_start):
        return []  # "the city allocated 15 million Hryvnia": a giver of its own, not the last country named
    return _earlier_giver(ctx, memory)


def _coordinated(ctx, text, before: list[CountryMention]) -> list[str]:
    """The giver nearest the trigger and those joined to it: "Germany and France will send"."""
    chosen = [before[-1]]
    for m in reversed(before[:-1]):
        if _guard_between(ctx, text, "JOINER", m.end - ctx.start, chosen[0].start - ctx.start):
            chosen.insert(0, m)
        else:
            break
    codes = []
    for m in chosen:
        code = _giver(ctx, text, m)
        if code and code not in codes:
            codes.append(code)
    return codes


def _earlier_giver(ctx, memory) -> list[str]:
    """A giver left unnamed ("we have delivered ...", she said): the one of the sentence before."""
    previous = memory.sentences.get(ctx.index - 1)
    givers = previous[1]() if previous else []
    if givers:
        return [givers[0]]
    if memory.pledges and ctx.index - memory.pledge_sentence[-1] <= 2:
        return [memory.pledges[-1].donor]
    return []


def _asked(ctx, memory, text, start, end, t_start, t_end, match, trigger) -> list[str]:
    """The party asked for aid; [] when a third party does the asking."""
    mentions = _mentions_in(ctx, start, end)
    askers = [m for m in mentions if m.end - ctx.start <= t_start and m.code != "UA"]
    if trigger.request_object:
        to = next(t for t in match[trigger.party_from + 1 :] if t.lower_ == "to")
        p_start = match[trigger.party_from].idx - ctx.start
        party_text = text[p_start : to.idx - ctx.start]
        party = [m for m in mentions if p_start <= m.start - ctx.start < p_start + len(party_text)]
        named = [m.code for m in party if m.code not in WAR_PARTIES and not _unnamed(ctx, text, m)]
        asked_first = askers and not any(m.code == "UA" for m in mentions if m.end - ctx.start <= t_start)
        if asked_first and not any(a.code in named for a in askers):
            return []  # "Poland urged Germany to send tanks": not the recipient asking
        if named:
            return named[:1]
        if _asked_group(_tokens_in(ctx, text, p_start, p_start + len(party_text))) or any(
            m.code == "NATO" for m in party
        ):
            return ["NATO"]
        return []
    # "pleas from Ukraine for MLRS" weighed by the White House; "Ukraine's request for Abrams tanks"
    group = _asked_group(_tokens_in(ctx, text, t_end, end))
    for m in mentions:
        s = m.start - ctx.start
        if s >= t_end and _guard_before(ctx, text, "ASKED", s) and m.code not in WAR_PARTIES:
            return [m.code]
    if group and _guard_before(ctx, text, "ASKED_GROUP", group.idx - ctx.start):
        return ["NATO"]
    givers = [m for m in askers if _giver(ctx, text, m)]
    if givers:
        return [givers[-1].code]
    if any(m.code not in WAR_PARTIES for m in mentions):
        return []
    previous = memory.sentences.get(ctx.index - 1)
    if previous and previous[2] and previous[2][1] == "requested":
        # "He asked Nato members to supply more weapons. Zelenskiy specifically asked for ... tanks"
        return previous[2][0]
    if memory.pledges and ctx.index - memory.pledge_sentence[-1] <= 3:
        return [memory.pledges[-1].donor]
    return []


def _unnamed(ctx: SentenceContext, text: str, mention: CountryMention) -> bool:
    """ "Nato allies", "several EU countries", "EU member states": the members of a body, no giver one can
    name; read on the mention's last token and the first word after it (past hyphens and spaces)."""
    e = mention.end - ctx.start
    words: list[str] = []
    for token in ctx.sent:
        at = token.idx - ctx.start
        if at + len(token) == e and token.text in UNNAMED_LAST:
            return True
        if at < e or token.is_space or token.text == "-" or text[at : at + len(token)] != token.text:
            continue  # before the mention's end, a hyphen, a space or a blanked parenthesis
        if at + len(token) > e + 20 or len(words) == 2:
            break
        words.append(token.lower_)
        if words[0] != "member":
            break
    if not words or not (text[e : e + 1].isspace() or text[e : e + 1] == "-"):
        return False
    return words[0] in UNNAMED_NEXT or words == ["member", "states"]


def _aid_from(ctx: SentenceContext, text: str, at: int) -> bool:
    """ "assistance from the European Union": the country named at `at` (a sentence offset) follows a word of
    FROM_DONOR_WORDS and "from" (and "the")."""
    words = [token.lower_ for token in _tokens_in(ctx, text, max(0, at - 40), at) if not token.is_space]
    if words and words[-1] == "the":
        words.pop()
    return len(words) >= 2 and words[-1] == "from" and words[-2] in FROM_DONOR_WORDS


def _asked_group(tokens: list) -> Token | None:
    """The first word of the first group of donors (patterns/en/asked_groups.jsonl) named in `tokens`, a run
    of the sentence's tokens: "urged allies", "asked the West"."""
    words = [token.lower_ for token in tokens]
    for index, token in enumerate(tokens):
        if any(tuple(words[index : index + len(group)]) == group for group in asked_groups()):
            return token
    return None


@cache
def asked_groups() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(row["words"]) for row in read_jsonl(GROUPS_FILE))


def _tokens_in(ctx: SentenceContext, text: str, start: int, end: int) -> list:
    """The sentence's tokens from `start` to `end` (sentence offsets), but those of a blanked parenthesis."""
    tokens = []
    for token in ctx.sent:
        at = token.idx - ctx.start
        if start <= at and at + len(token) <= end and text[at : at + len(token)] == token.text:
            tokens.append(token)
    return tokens


def _bought_from(ctx, text, start, end) -> tuple[str, str] | None:
    """ "Russia plans to buy short-range missiles from Iran": Iran gives, Russia receives. The seller is the
    country in the "from" phrase of a verb of buying (BUYING_LEMMAS) or of its object, in the parse."""
    for m in _mentions_in(ctx, start, end):
        s = m.start - ctx.start
        if m.code in WAR_PARTIES or not _bought(ctx, start, s):
            continue
        buyer = next((b.code for b in _mentions_in(ctx, start, s) if b.code in WAR_PARTIES), "UA")
        return m.code, buyer
    return None


def _bought(ctx, start: int, at: int) -> bool:
    """Whether the country named at `at` (a sentence offset) is the object of a "from" that hangs on a verb or
    noun of buying at or after `start`: "bought drones from Iran", "purchases of shells from the US"."""
    before = [token for token in ctx.sent if token.idx - ctx.start < at]
    if before and before[-1].lower_ == "the":
        before.pop()
    if not before or before[-1].lower_ != "from":
        return False
    head = before[-1].head
    while head.idx - ctx.start >= start:
        if head.lemma_.lower() in BUYING_LEMMAS:
            return True
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            return False
        head = head.head
    return False


def _aid_elsewhere(ctx, text, t_end, end) -> bool:
    for m in _mentions_in(ctx, t_end, end):
        s = m.start - ctx.start
        if (
            m.code not in WAR_PARTIES
            and m.code not in ("NATO", "EU")
            and (_token_from(ctx, t_end) == _token_from(ctx, s) or _guard_between(ctx, text, "ARTICLE", t_end, s))
            and _guard_after(ctx, text, "THIRD_PARTY_WITH", m.end - ctx.start)
        ):
            return True  # "The US has provided Poland with two Patriot batteries": aid to a third country
        if m.code not in WAR_PARTIES and m.code not in ("NATO", "EU") and _guard_before(ctx, text, "THIRD_PARTY_TO", s):
            return not _mentions(ctx, "UA", text, t_end, end)
    return False


# The year Russia's full-scale invasion began: aid a sentence dates wholly before it is background, no record.
WAR_YEAR = 2022
YEAR_RE = re.compile(r"(?:19|20)\d\d")


def _before_the_war(ctx: SentenceContext, end: int) -> bool:
    """Whether the years written up to the clause's end (a fronted "From 2010 to 2021," stands in a clause of
    its own) all lie before the full-scale invasion, in an article not written before it: "From 2010 to 2021,
    the UK provided a total of £204 million in bilateral aid" (House of Commons Library p206) is the history of
    aid, as "the US sent Javelins to Ukraine in 2018" (made up); "In 2022, the UK provided £342 million" and
    "From December 2021 to February 2024 the UK has announced £6.5 billion" (p206) are aid of the war, and so
    is a total "since 2014", which runs to now. A number that counts ("2000 shells") is no year."""
    if ctx.published is not None and ctx.published.year < WAR_YEAR:
        return False
    years = []
    for token in ctx.sent:
        if not YEAR_RE.fullmatch(token.text) or token.dep_ in ("nummod", "quantmod"):
            continue
        if token.i > ctx.sent.start and token.nbor(-1).lower_ == "since":
            return False  # "Since 2014, the United States has provided $3 billion": a total to now
        if token.idx - ctx.start < end:
            years.append(int(token.text))
    return bool(years) and max(years) < WAR_YEAR


# --- items, money, dates ------------------------------------------------------------------------


def _items(ctx: SentenceContext, text: str, start: int, end: int) -> list[Found]:
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    parts: list[tuple[int, int]] = []
    for ent in ctx.sentence_ents:
        # The gazetteer ruler's EQUIPMENT spans: every name of every system, matched once per article.
        at, to = ent.start_char - ctx.start, ent.end_char - ctx.start
        if ent.label_ != "EQUIPMENT" or at < start or to > end:
            continue
        item = gazetteer.equipment_named(ent.ent_id_ or ent.text)
        if _serves_other_goods(ctx, text, at):
            taken.append((at, to))
            continue
        if item is None or _excluded(ctx, text, at, item.category, generic=False):
            taken.append((at, to))
            continue
        found.append(Found(at, to, item.category, item=item.name, quantity=_quantity(ctx, text, at)))
        found[-1].training = _training(ctx, text, at)
        taken.append((at, to))
    for match in MONEY_RE.finditer(text, start, end):
        if text[max(0, match.start() - 3) : match.start()].rstrip().endswith("("):
            continue  # "$800m (£613m)": the conversion is no second amount
        money = ctx.parse_money(match.group())
        if money is None:
            continue
        part = _part_of_sum(ctx, text, match.start(), money.amount, found)
        if part is not None:
            parts.append(part)  # "$9bn of economic assistance": no money kind of the part either
            continue
        found.append(Found(match.start(), match.end(), "funding", amount=money.amount, currency=money.currency))
        found[-1].bare_dollar = _bare_dollar(text, match)
        taken.append(match.span())
    for at, to, category in _kinds(ctx, text, start, end):
        if any(s < to and at < e for s, e in taken):
            continue
        if _absorbed(ctx, text, [(f.start, f.end) for f in found if f.item], at):
            continue  # "Leopard 2 tanks", "Bushmaster armoured vehicles": the item's own noun
        if category == "funding" and (
            any(f.category == "funding" for f in found) or any(s <= at < e for s, e in parts)
        ):
            continue
        if _serves_other_goods(ctx, text, at):
            continue
        if _excluded(ctx, text, at, category, generic=True, end=to):
            continue
        found.append(Found(at, to, category, quantity=_quantity(ctx, text, at)))
        found[-1].training = _training(ctx, text, at)
        taken.append((at, to))
    found.sort(key=lambda f: f.start)
    found = _valued_goods(ctx, text, _joined_amounts(text, found))
    unique: list[Found] = []
    for f in found:
        # the same kind named twice for one giver is one item; "Berlin ... artillery weapons, and Britain's
        # prime minister ... also promised more artillery weapons" is two: a trigger word stands between
        twin = next((u for u in unique if (u.category, u.item, u.amount) == (f.category, f.item, f.amount)), None)
        if twin is not None and not _lemmas(ctx, twin.end, f.start) & GIVING_LEMMAS:
            continue
        unique.append(f)
    return unique


# The dependencies that hang a sum on the word that includes it: "includes [more than] $9bn", "including $91m".
PART_DEPS = frozenset(["quantmod", "nmod", "nummod", "compound", "dobj", "pobj", "advmod"])


def _part_of_sum(
    ctx: SentenceContext, text: str, at: int, amount: Decimal, found: list[Found]
) -> tuple[int, int] | None:
    """The phrase (sentence offsets) of the sum at `at` (a sentence offset) when it is a part of a larger sum told
    before it, in the sentence or in an earlier record of the article, else None: the sum hangs, in the parse, on a
    word of PART_OF_SUM_LEMMAS ("The aid package approved by the House on Saturday includes more than $9bn (£7.28bn)
    of economic assistance", p141, after the $61bn package; "Australia has provided $156m in support to Ukraine ...,
    including $91m in “lethal and non-lethal military assistance”", p075). A share that names Ukraine is the record
    SPEC.md wants of a package for several countries ("The legislation includes $60.8bn to replenish Ukraine’s war
    chest", p142): no part."""
    token = _token_at(ctx, at)
    steps = 0
    while token is not None and token.dep_ in PART_DEPS and token.head.i != token.i and steps < 4:
        if token.head.lemma_ in PART_OF_SUM_LEMMAS:
            break
        token, steps = token.head, steps + 1
    if token is None or token.head.lemma_ not in PART_OF_SUM_LEMMAS or token.dep_ not in PART_DEPS:
        return None
    first, last = (x - ctx.start for x in _subtree_range(token))
    if _mentions(ctx, "UA", text, first, last):
        return None
    larger = [f.amount for f in found if f.category == "funding" and f.amount is not None and f.start < at]
    larger += [p.amount for p in _memory(ctx).pledges if p.category == "funding" and p.amount is not None]
    return (first, last) if any(total > amount for total in larger) else None


def _kinds(ctx: SentenceContext, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, category) of the kinds of aid named in text[start:end]: the pledge ruler's AID_KIND
    spans read left to right, the longest of those that begin at one word, none inside another.

    A kind is a whole word: not the end of a longer one ("anti-tanks" names no tanks), not the start of
    one ("drone-maker"); its hyphens join words ("anti-tank", not "anti - tank"). Words that name no gift
    ("ammo depots", "aircraft carriers") are read too, so that no kind is found inside them.
    """
    rules = kind_rules()
    found: list[tuple[int, int, int, str | None]] = []
    for span in _sentence_triggers(ctx):
        rule = rules.get(span.id_) if span.label_ == KIND_LABEL else None
        if rule is None:
            continue
        at, to = span.start_char - ctx.start, span.end_char - ctx.start
        if at < start or to > end or text[at:to] != ctx.text[at:to] or (at > 0 and _in_word(text[at - 1])):
            continue  # outside the clause, in a parenthesis, or the end of a longer word
        kept = span
        if rule.get("cut"):
            # "anti-tank and air defence weapons": anti-tank, sharing the noun of the words after "and"
            cut = next(token.i for token in span if token.lower_ == rule["cut"])
            fewest, most = rule["words"]
            if not fewest <= len(span.doc[cut + 1 : span.end - 1].text.split()) <= most:
                continue
            kept = span.doc[span.start : cut]
        elif rule["kind"] is not None and to < end and _in_word(text[to]):
            continue  # the start of a longer word: "drone-maker"
        if any(token.text == "-" and (token.whitespace_ or token.doc[token.i - 1].whitespace_) for token in kept[1:-1]):
            continue
        found.append((at, kept.end_char - ctx.start, kind_order().get(rule["kind"], 0), rule["kind"]))
    found.sort(key=lambda f: (f[0], f[0] - f[1], f[2]))
    kinds: list[tuple[int, int, str]] = []
    reached = start
    for at, to, _order, kind in found:
        if at < reached:
            continue
        reached = to
        if kind is not None:
            kinds.append((at, to, kind))
    return kinds


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_-"


def _joined_amounts(text: str, found: list[Found]) -> list[Found]:
    """ "for about $ 2 billion $ 980 million", "an additional $ 11 billion 700 million to help Ukraine"
    (Gazeta.pl p103, machine-translated Polish): one amount, 2,980 and 11,700 million."""
    joined: list[Found] = []
    for f in found:
        if joined and joined[-1].end > f.start:
            continue  # the millions already joined to the billions before them
        joined_amount = millions_after_billions(f.amount, text, f.end) if f.category == "funding" and f.amount else None
        if joined_amount:
            f.amount, f.end = joined_amount
        joined.append(f)
    return joined


def _valued_goods(ctx, text: str, found: list[Found]) -> list[Found]:
    """ "447 generators worth €3.7 million": one record with both the quantity and the amount."""
    kept: list[Found] = []
    for f in found:
        previous = kept[-1] if kept else None
        if (
            f.category == "funding"
            and f.amount is not None
            and previous is not None
            and previous.category != "funding"
            and previous.amount is None
            and _guard_between(ctx, text, "VALUED_AT", previous.end, f.start)
            and not _guard_before(ctx, text, "PACKAGE_OF", previous.start, 60)
        ):
            previous.amount, previous.currency = f.amount, f.currency
            continue
        kept.append(f)
    return kept


def _excluded(ctx, text: str, at: int, category: str, generic: bool, end: int | None = None) -> bool:
    if generic and end is not None and _guard_after(ctx, text, "STRIKE", end):
        return True
    if _guard_before(ctx, text, "FOR_SOMETHING", at, 60) or _guard_before(ctx, text, "ENEMY", at, 60):
        return True
    return generic and category in CARRIER_CATEGORIES and _guard_before(ctx, text, "CARRIER", at, 30)


def _serves_other_goods(ctx: SentenceContext, text: str, at: int) -> bool:
    """Whether the word at `at` (a sentence offset) stands inside a phrase that `_excluded` rejects from its
    first word on, the phrase being the object of the nearest preposition above it in the parse: "missiles
    and ammunition for missile, artillery and air defense systems the US has previously provided" (pool p161
    and CNN p163) sends ammunition for the artillery, not artillery; the words before "artillery" are no run
    of bare words there, the parse finds the phrase all the same."""
    token = next((t for t in ctx.sent if t.idx - ctx.start == at), None)
    while token is not None and token.dep_ != "pobj":
        token = token.head if token.head.i != token.i else None
    if token is None or token.head.dep_ != "prep":
        return False
    first = token.left_edge.idx - ctx.start
    return first < at and _excluded(ctx, text, first, "", generic=False)


def _training(ctx, text: str, at: int) -> bool:
    return _guard_before(ctx, text, "TRAINING", at, 60)


def _absorbed(ctx, text: str, taken: list[tuple[int, int]], at: int) -> bool:
    return any(
        0 <= at - e <= 30
        and re.fullmatch(r"[\s\w-]*", text[e:at])
        and not _guard_inside(ctx, text, "AND", e, at) is not None
        for _s, e in taken
    )


def _quantity(ctx: SentenceContext, text: str, at: int) -> int | None:
    found = _number_before(ctx, text, at)
    if found is None:
        return None
    number = text[found[0] : found[1]]
    if re.fullmatch(r"(?:19|20)\d\d", number):
        return None  # a year, not a count: the layout of a number, read as such
    if _guard_before(ctx, text, "COUNT_OF", found[0]):
        return None
    value = ctx.parse_number(number)
    if value is None or value.min is None or value.min != value.max:
        return None
    return value.min


def _clause_day(ctx: SentenceContext, start: int, end: int, t_start: int):
    days = [m for m in ctx.dates if m.value.precision == "day"]
    inside = [m for m in days if start <= m.start - ctx.start < end]
    before = [m for m in inside if m.start - ctx.start <= t_start]
    if before:
        return before[-1].value.date
    for m in inside:
        # "will send ... on Friday", but not "... of the type that bloggers said had ... on Thursday"
        if not _guard_inside(ctx, ctx.text, "SUBORDINATE", t_start, m.start - ctx.start) is not None:
            return m.value.date
    return None


def _earlier_day(ctx: SentenceContext, start: int, day):
    """A clause without a date takes one from an earlier clause, else the sentence's carried day."""
    days = [m for m in ctx.dates if m.value.precision == "day"]
    if not days:
        return day
    earlier = [m for m in days if m.end - ctx.start <= start]
    return earlier[-1].value.date if earlier else None


# --- frames from the parse ---------------------------------------------------------------------
#
# The triggers of patterns/en/pledges.jsonl, found by the "pledge_ruler" span_ruler, with their
# arguments read off the dependency parse: the donor is the subject of the trigger verb (or of the
# verb it completes: "Berlin intended to supply"), the goods are in its objects and their conjuncts
# ("passed a $61bn (£49bn) support package"), or, for a noun trigger, in the noun's own phrase
# ("a $40bn aid bill for Ukraine").

PATTERNS_FILE = Path(__file__).resolve().parent.parent / "patterns" / "en" / "pledges.jsonl"
SPANS_KEY = "pledge_triggers"
# The dependents of a verb that carry what is given: "send Ukraine tanks", "provide it with tanks".
OBJECT_DEPS = {"dobj", "obj", "dative", "attr", "oprd", "prep", "npadvmod", "xcomp", "acomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
DOUBT = WORDS["DOUBT"]
CONTEXT_FILE = PATTERNS_FILE.parent / "pledge_context.jsonl"
KINDS_FILE = PATTERNS_FILE.parent / "aid_kinds.jsonl"
GROUPS_FILE = PATTERNS_FILE.parent / "asked_groups.jsonl"
_COMPILED_CONTEXT: dict[int, context.ContextRules] = {}


@cache
def _rows() -> tuple[dict, ...]:
    return tuple(read_jsonl(PATTERNS_FILE))


@cache
def _rules() -> dict[str, dict]:
    """The rules of patterns/en/pledges.jsonl by id; a rule's first row carries its keys, later rows
    only more patterns ("$ 40bn" written out where the NER found no MONEY entity)."""
    return _by_id(_rows())


def _by_id(rows: tuple[dict, ...]) -> dict[str, dict]:
    """The first row of each rule id."""
    rules: dict[str, dict] = {}
    for row in rows:
        rules.setdefault(row["id"], row)
    return rules


@cache
def parse_rules() -> dict[str, dict]:
    """The rules whose arguments are read off the parse (`_frame`)."""
    return {rule_id: row for rule_id, row in _rules().items() if row.get("role") != "trigger"}


TRIGGER_FLAGS = ("passive", "money_only", "request_object", "party_from", "needs_subject", "head")


@cache
def triggers() -> dict[str, Trigger]:
    """The trigger phrases the clause rules read (`_clause_pledges`), by rule id."""
    return {
        rule_id: Trigger(row["label"], **{flag: row[flag] for flag in TRIGGER_FLAGS if flag in row})
        for rule_id, row in _rules().items()
        if row.get("role") == "trigger"
    }


@cache
def _kind_rows() -> tuple[dict, ...]:
    return tuple(read_jsonl(KINDS_FILE))


@cache
def kind_rules() -> dict[str, dict]:
    """The rows of patterns/en/aid_kinds.jsonl by id (a rule's rows share their keys)."""
    return _by_id(_kind_rows())


@cache
def kind_order() -> dict[str, int]:
    """The kinds of aid in the order of aid_kinds.jsonl, which decides between two of one length."""
    return {kind: order for order, kind in enumerate(dict.fromkeys(row["kind"] for row in _kind_rows() if row["kind"]))}


def ruler_patterns() -> list[dict]:
    """The span_ruler patterns: label (the status, or AID_KIND), token pattern, id (the rule)."""
    return [{"label": row["label"], "pattern": row["pattern"], "id": row["id"]} for row in (*_rows(), *_kind_rows())]


def _parsed_pledges(ctx, memory, text, day, frames, found) -> list[Pledge]:
    spans = _sentence_triggers(ctx)
    if not spans:
        return []
    records: list[Pledge] = []
    # the sums the sentence states, counted only when an equal sum of another status is found
    sums = cache(lambda: Counter(f.amount for f in _items(ctx, text, 0, len(text)) if f.amount is not None))
    for span in spans:
        rule = parse_rules().get(span.id_)
        if rule is None:
            continue
        for pledge in _frame(ctx, memory, text, day, span, rule):
            if rule.get("own"):
                # "the EU is providing assistance, including a Czech-led initiative ...": the leader's
                found[:] = [
                    k
                    for k in found
                    if (k.category, k.item, k.quantity) != (pledge.category, pledge.item, pledge.quantity)
                ]
            known = [*found, *records]
            if any(_covers(k, pledge) and not _two_packages(k, pledge, sums) for k in known):
                continue
            records.append(pledge)
    if records:
        frames.append(([records[-1].donor], records[-1].status))
    return records


def _two_packages(known: Pledge, new: Pledge, sums) -> bool:
    """Whether an equal sum of another status is another package: the sentence states the sum twice, "The US is
    prepping another $800 million military assistance package for Ukraine, CNN previously reported, a week after
    the Biden administration announced a separate $800 million package" (CNN p064) tells one package being
    prepared and one announced."""
    return known.status != new.status and new.amount is not None and sums()[new.amount] > 1


def _covers(known: Pledge, new: Pledge) -> bool:
    """The regex rules (or an earlier frame) already gave this donor's item or amount. A request is the
    recipient's, a decision or its stages the giver's: neither covers the other. "He thanked Germany for providing
    Ukraine with a new Patriot battery, ..., but urged the U.S. Congress to quickly approve the funding package"
    (AP p140) asks for the money that waits in Congress, as "he urged the US Congress to pass a long-stalled
    foreign aid bill" (BBC, dev p139) does beside "US lawmakers would pass the hotly contested measure, which has
    $61bn (£49bn) earmarked for Kyiv": one record of each status."""
    if known.donor != new.donor or known.category != new.category:
        return False
    if (known.status == "requested") != (new.status == "requested"):
        return False
    if new.amount is not None and known.amount is not None:
        return known.amount == new.amount
    return known.item == new.item


def _frame(ctx, memory, text, day, span, rule) -> list[Pledge]:
    trigger = span.root
    role = rule.get("role", "give")
    status = rule["label"]
    if _negated(trigger):
        return []  # "has blocked", "will not pass": no decision to record
    if any(t.lower_ in DOUBT for t in _verb_chain(trigger) for t in t.children if t.dep_ == "aux"):
        status = "considering"
    if status == "pledged" and _conditional(ctx, text, 0, len(text)):
        status = "considering"
    s_at, s_to = span.start_char - ctx.start, span.end_char - ctx.start
    if _guard_after(ctx, text, "NOT_GOODS", s_to):
        return []  # "the Kremlin was sending a message with the jets"
    if role == "noun":
        # the phrase the trigger noun heads ("a $40bn aid bill for Ukraine", "package ... worth $1bn"),
        # what the span's last word governs ("a proposal ..., to provide about $61 billion") and, for
        # a noun that is a subject, its verb's objects ("A Dutch-led coalition will buy 10,000 drones")
        region = _subtree_range(trigger)
        start = min(region[0] - ctx.start, s_at)
        end = max(region[1], _objects_end(span[-1], span))
        if trigger.dep_ in SUBJECT_DEPS:
            end = max(end, _objects_end(trigger.head, trigger.doc[trigger.head.i : trigger.head.i + 1]))
        end -= ctx.start
        donors = _noun_donors(ctx, text, trigger, start, end, rule, memory)
    else:
        subject = _subject(trigger)
        if rule.get("subject") and (subject is None or subject.lemma_.lower() not in rule["subject"]):
            return []
        if role in ("request", "object"):
            donors = _asked_party(ctx, text, trigger, rule)
        else:
            donors = _subject_donors(ctx, text, subject, rule, memory, trigger=trigger)
        start, end = s_at, _objects_end(trigger, span) - ctx.start
    if not donors:
        return []
    items = _items(ctx, text, start, max(end, s_to))
    if rule.get("money"):
        items = [f for f in items if f.category == "funding"]
    if rule.get("funding_default") and not items:
        items = [Found(s_at, s_to, "funding")]  # "urged Congress to pass the aid bill": money, no amount
    date = _clause_day(ctx, 0, len(text), s_at) or day
    span = (ctx.start, ctx.end)
    russia = _mentions(ctx, "RU", text, 0, len(text))
    return [
        _pledge(donor, "RU" if donor in RUSSIA_SUPPLIERS and russia else "UA", f, status, date, span)
        for leaders, goods in _by_leader(ctx, trigger, items)
        for donor in leaders or donors
        if donor not in WAR_PARTIES and not (russia and donor in TRADERS_WITH_RUSSIA)
        for f in goods
    ]


def _verb_chain(token):
    """The verb and the verbs it completes: "voted to approve" -> approve, voted; "Johnson has made a
    surprise trip to Kyiv to meet ..., pledging a major new infusion of British arms" -> pledging, meet,
    made."""
    chain = [token]
    while (
        (token.dep_ in ("xcomp", "conj") or token.dep_ == "advcl" and token.tag_ in ("VBG", "VB"))
        and token.head is not token
        and len(chain) < 4
    ):
        token = token.head
        chain.append(token)
    return chain


def _negated(token) -> bool:
    """ "will not pass", "did not vote to approve": a refusal is no pledge."""
    return any(child.dep_ == "neg" for verb in _verb_chain(token) for child in verb.children)


def _subject(token):
    for verb in _verb_chain(token):
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
    return None


def _subtree_range(token) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _objects_end(trigger, span) -> int:
    """The end of the trigger's objects and their conjuncts (the goods it gives)."""
    end = span.end_char
    for word in {trigger, span[-1]}:
        heads = [word, *(c for c in word.rights if c.dep_ in ("advcl", "xcomp") and c.i < span.end)]
        for head in heads:
            for child in head.rights:
                if child.dep_ in OBJECT_DEPS:
                    end = max(end, _subtree_range(child)[1])
    return end


def _mention_codes(ctx, text, start: int, end: int) -> list[str]:
    return [code for m in _mentions_in(ctx, start, end) if (code := _giver(ctx, text, m))]


def _subject_codes(ctx, text, subject) -> list[str]:
    """The countries the subject names: the parse has said who acts, so "the UK provided" is no
    "UK-provided" attribute; unnamed groups ("EU countries") and the war's parties still give none."""
    s, e = _subtree_range(subject)
    codes = []
    for m in _mentions_in(ctx, s - ctx.start, e - ctx.start):
        if m.code in WAR_PARTIES or _unnamed(ctx, text, m):
            continue
        if _guard_before(ctx, text, "SOME_OF", m.start - ctx.start):
            continue
        codes.append(m.code)
    return list(dict.fromkeys(codes))


def _subject_donors(ctx, text, subject, rule, memory=None, trigger=None) -> list[str]:
    own = subject is not None and trigger is not None and subject.head is trigger
    named = subject is not None and _mentions_in(ctx, *(x - ctx.start for x in _subtree_range(subject)))
    if trigger is not None and not own and not named:
        # no subject in the parse ("as supporters of Ukraine, including the UK, Germany and the United
        # States, have been urgently shipping"): the givers named just before the verb
        givers = [m for m in _mentions_in(ctx, 0, trigger.idx - ctx.start) if _giver(ctx, text, m)]
        if givers:
            return _coordinated(ctx, text, givers)
    if subject is not None:
        codes = _subject_codes(ctx, text, subject)
        if codes:
            return codes
        person = _person_country(subject)
        if person:
            return [person]
        if subject.lower_ in PERSON_PRONOUNS:
            # "Biden informed Zelenskiy that he would move quickly to send": the speaker of the sentence
            root = subject.sent.root
            speaker = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None)
            person = _person_country(speaker) if speaker is not None and speaker is not subject else None
            if person and person not in WAR_PARTIES:
                return [person]
        if memory is not None and subject.lower_ in EARLIER_GIVER_SUBJECTS:
            # "And it has released nearly $40 billion": the giver of the sentence before
            earlier = _earlier_giver(ctx, memory)
            if earlier:
                return earlier
    return [rule["donor"]] if rule.get("donor") else []


def _noun_donors(ctx, text, noun, start, end, rule, memory) -> list[str]:
    codes = _giving_codes(ctx, text, start, end)
    if codes:
        return codes[:1]
    if rule.get("donor_in_phrase"):
        # "Germany's delivery of a Patriot battery" names its giver, and so does a leader's name ("Biden's
        # signing of a $61 billion aid package", p145); "warns the US against the transfer of long-range
        # weapons" does not
        owner = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod")]
        found = [code for c in owner for code in [*_subject_codes(ctx, text, c), _person_country(c)] if code]
        return found[:1]
    # "Joe Biden announced a new package ... worth $1bn": the subject of the verb that governs the noun
    head = noun.head
    while head.dep_ in ("prep", "pobj", "dobj", "conj", "appos") and head.head is not head:
        head = head.head
    subject = _subject(head) if head.pos_ in ("VERB", "AUX") else None
    if subject is not None:
        donors = _subject_donors(ctx, text, subject, {})
        if donors:
            return donors
    if rule.get("donor") and _names_a_chamber(ctx, 0, len(text)):
        return [rule["donor"]]
    codes = _giving_codes(ctx, text, 0, len(text))
    return codes[:1]


def _giving_codes(ctx, text, start: int, end: int) -> list[str]:
    """The givers named from `start` to `end` (sentence offsets), but those the aid is for."""
    return [code for m in _mentions_in(ctx, start, end) if not _receives(ctx, m) and (code := _giver(ctx, text, m))]


def _receives(ctx: SentenceContext, mention: CountryMention) -> bool:
    """Whether the mention is what aid goes to, in the parse: the object (or one of the conjoined objects) of
    "for" or "to". "signed into law a $95 billion war aid measure that also included assistance for Israel,
    Taiwan and other global hot spots" (Fox News p148), "$95bn in wartime aid for Ukraine and Israel, along
    with defence support to Taiwan" (p142, a British outlet): Taiwan and Israel receive; they give nothing."""
    span = ctx.sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in RECIPIENT_PREPOSITIONS


def _asked_party(ctx, text, trigger, rule) -> list[str]:
    """ "urged the US Congress to pass": the object of the asking verb."""
    subject = _subject(trigger)
    if subject is not None:
        s, e = _subtree_range(subject)
        if any(m.code != "UA" for m in _mentions_in(ctx, s - ctx.start, e - ctx.start)):
            return []  # a third party urging donors gives no record
        person = _person_country(subject)
        if person and person != "UA":
            return []
    for child in trigger.rights:
        target = child
        if child.dep_ == "prep" and child.lower_ == "on":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is None or target.dep_ not in ("dobj", "pobj", "nsubj"):
            continue
        s, e = _subtree_range(target)
        codes = _mention_codes(ctx, text, s - ctx.start, e - ctx.start)
        if codes:
            return codes[:1]
        if target.lemma_.lower() in CONGRESS_LEMMAS:
            return ["US"]
        if _asked_group(list(target.subtree)):
            return ["NATO"]
    return []


def _person_giver(ctx, at: int) -> str | None:
    """The country of the person who is the subject of the trigger word at `at` (sentence offset)."""
    trigger = next((t for t in ctx.sent if t.idx - ctx.start >= at), None)
    subject = _subject(trigger) if trigger is not None else None
    code = _person_country(subject) if subject is not None else None
    return code if code not in WAR_PARTIES else None


def _person_country(subject) -> str | None:
    """ "Joe Biden announced ...": the country of a well-known head of government or minister."""
    people = known_people()
    for token in subject.subtree:
        if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
            code = people.get(token.text.rstrip("’'s"))
            if code:
                return code
    return None


# --- one record per pledge ----------------------------------------------------------------------


def _fold(memory: ArticleMemory, index: int, found: list[Pledge]) -> list[Pledge]:
    """Fold retellings into the records returned before; return only the new ones (`restated_here` gives the
    records told before whose figure this sentence states)."""
    memory.restated = []
    new: list[Pledge] = []
    for pledge in found:
        earlier = next((p for p in [*memory.pledges, *new] if _same(p, pledge)), None)
        if earlier is None:
            new.append(pledge)
            continue
        if earlier.item is None and pledge.item is not None:
            earlier.item = pledge.item
        # the record's figure comes from this retelling when the first telling had none ("pumping billions of
        # dollars", then "He announced a further $2.8bn") or only rounded it
        figure_here = (earlier.quantity, earlier.amount) == (None, None) and (pledge.quantity, pledge.amount) != (
            None,
            None,
        )
        for name in ("quantity", "amount", "currency", "date"):
            if getattr(earlier, name) is None and getattr(pledge, name) is not None:
                setattr(earlier, name, getattr(pledge, name))
        if earlier.amount is not None and pledge.amount is not None and _rounder(earlier.amount, pledge.amount):
            earlier.amount = pledge.amount
            figure_here = True
        if figure_here:
            earlier.span = pledge.span  # every figure traces back to the sentence that states it
            memory.restated.append(earlier)
    for pledge in new:
        memory.pledges.append(pledge)
        memory.pledge_sentence.append(index)
    return new


def _same(a: Pledge, b: Pledge) -> bool:
    if (a.donor, a.recipient, a.status, a.category) != (b.donor, b.recipient, b.status, b.category):
        return False
    if a.item and b.item and a.item != b.item:
        return False
    if a.quantity is not None and b.quantity is not None and a.quantity != b.quantity:
        return False
    if a.amount is not None and b.amount is not None and a.amount != b.amount:
        return a.currency == b.currency and (_rounder(a.amount, b.amount) or _rounder(b.amount, a.amount))
    return True


def _rounder(rounded: Decimal, exact: Decimal) -> bool:
    """ "almost three billion dollars" ... "$ 2 billion $ 980 million" (Gazeta.pl p103): a round amount and the
    exact one it rounds are one package's money."""
    return _significant(rounded) < _significant(exact) and abs(rounded - exact) <= exact * Decimal("0.03")


def _significant(amount: Decimal) -> int:
    return len(amount.normalize().as_tuple().digits)


# --- guards -------------------------------------------------------------------------------------
#
# The words that tell the rules a trigger, a country or an item gives nothing ("sending a message", "US-made",
# "several EU countries", "drone strikes") are data: rows of patterns/en/pledge_guards.jsonl, one Matcher for all
# of them built once per process and run once per sentence the rules read (`_guards`).

GUARDS_FILE = Path(__file__).resolve().parent.parent / "patterns" / "en" / "pledge_guards.jsonl"
_COMPILED_GUARDS: dict[int, dict[str, GuardMatcher]] = {}


def _layout(row: dict) -> str:
    """A clause break's row as letters: b (the space before is the break's), a (the space after), l (the last
    token is only looked at)."""
    flags = (("space_before", "b"), ("space_after", "a"), ("lookahead", "l"))
    return "".join(letter for key, letter in flags if row.get(key))


def _clause_breaks(ctx: SentenceContext, text: str) -> list[tuple[int, int]]:
    """(start, end) sentence offsets of the clause breaks in `text`, leftmost first, none inside another."""
    doc = ctx.sent.doc
    found = []
    for first, last, _gap, layout in _visible(ctx, ctx.text, "CLAUSE_BREAK"):
        tokens = doc[first:last]
        if any(text[t.idx - ctx.start : t.idx - ctx.start + len(t)] != t.text for t in tokens):
            continue  # blanked, or a dash of a list turned into a comma
        if any(not text[t.idx + len(t) - ctx.start : t.idx + len(t) - ctx.start + 1].isspace() for t in tokens[:-1]):
            continue  # the words of a break stand apart: ", but", not ",but"
        at = tokens[0].idx - ctx.start
        final = tokens[-1]
        to = final.idx - ctx.start + (0 if "l" in layout else len(final))
        if "b" in layout:
            if not text[at - 1 : at].isspace():
                continue
            at -= 1
        if "a" in layout:
            if not text[to : to + 1].isspace():
                continue
            to += 1
        found.append((at, to))
    breaks: list[tuple[int, int]] = []
    for at, to in sorted(found, key=lambda b: (b[0], -b[1])):
        if not breaks or at >= breaks[-1][1]:
            breaks.append((at, to))
    return breaks


MANY_TOKENS = 6  # the most tokens a "*" or "+" of a guard's pattern is read over


@dataclass
class GuardMatcher:
    """A guard's Matcher, the most tokens one of its matches spans, and the words one of them must hold (the
    LOWER and ORTH values of each pattern's first required token; None when a pattern has no such word)."""

    matcher: Matcher
    longest: int = 0
    words: tuple[set[str], set[str]] | None = field(default_factory=lambda: (set(), set()))
    word_ids: tuple[set[int], ...] | None = None  # the words' string ids, made at the first look

    def add(self, key: str, pattern: list[dict]) -> None:
        self.matcher.add(key, [pattern])
        self.longest = max(self.longest, _longest(pattern))
        required = next((token for token in pattern if token.get("OP", "") not in ("?", "*")), None)
        if self.words is None or required is None or not {"LOWER", "ORTH"} & set(required):
            self.words = None
            return
        for column, values in zip(("LOWER", "ORTH"), self.words, strict=True):
            value = required.get(column)
            if value is not None:
                values.update(value["IN"] if isinstance(value, dict) else [value])

    def holds_a_word(self, doc, start: int, end: int) -> bool:
        """Whether the tokens `start`..`end` of `doc` can hold a match: most cannot, and the Matcher costs more
        than this look (read on the document's word ids, taken once per document, not on Token objects)."""
        if self.words is None:
            return True
        if self.word_ids is None:
            self.word_ids = tuple({get_string_id(word) for word in words} for words in self.words)
        lowers, orths = self.word_ids
        doc_lowers, doc_orths = _word_ids(doc)
        return not (lowers.isdisjoint(doc_lowers[start:end]) and orths.isdisjoint(doc_orths[start:end]))


_WORD_IDS: list = [None, None]  # the last document read and its (LOWER ids, ORTH ids)


def _word_ids(doc) -> tuple[list[int], list[int]]:
    """The LOWER and ORTH ids of a document's tokens, read once per document."""
    if _WORD_IDS[0] is not doc:
        lowers, orths = doc.to_array(["LOWER", "ORTH"]).T.tolist()
        _WORD_IDS[:] = [doc, (lowers, orths)]
    return _WORD_IDS[1]


def _guard_matchers(vocab) -> dict[str, GuardMatcher]:
    """A Matcher per guard. A guard is matched on the few tokens where the rules ask about it (after a trigger,
    before a country), not on the whole sentence: spaCy's Matcher costs by the token and the pattern, and most
    sentences name a country, few a trigger."""
    key = id(vocab)
    if key not in _COMPILED_GUARDS:
        matchers: dict[str, GuardMatcher] = {}
        for row in read_jsonl(GUARDS_FILE):
            guard = matchers.setdefault(row["guard"], GuardMatcher(Matcher(vocab, validate=True)))
            guard.add(f"{row['guard']}|{row.get('gap', 0)}|{_layout(row)}", row["pattern"])
        _COMPILED_GUARDS[key] = matchers
    return _COMPILED_GUARDS[key]


def _longest(pattern: list[dict]) -> int:
    """The most tokens a token pattern matches: "?" one, "*" and "+" MANY_TOKENS, "{n,m}" m."""
    total = 0
    for token in pattern:
        op = token.get("OP", "")
        if op in ("*", "+") or op.endswith(",}"):
            total += MANY_TOKENS
        elif op.startswith("{"):
            total += int(op.strip("{}").split(",")[-1])
        else:
            total += 1
    return total


def _visible(
    ctx: SentenceContext, text: str, guard: str, first: int | None = None, last: int | None = None
) -> list[tuple[int, int, int, str]]:
    """(start, end, gap, layout) of the guard's matches on the tokens `first`..`last` (doc offsets; the sentence
    by default) whose words all stand in `text` (not in a blanked parenthesis)."""
    sent, doc = ctx.sent, ctx.sent.doc
    first = sent.start if first is None else max(first, sent.start)
    last = sent.end if last is None else min(last, sent.end)
    if first >= last:
        return []
    guarding = _guard_matchers(doc.vocab)[guard]
    if not guarding.holds_a_word(doc, first, last):
        return []
    found = []
    for match_id, start, end in guarding.matcher(doc[first:last]):
        _guard, gap, layout = doc.vocab.strings[match_id].split("|")
        if all(
            text[t.idx - ctx.start : t.idx - ctx.start + len(t)] == t.text for t in doc[first + start : first + end]
        ):
            found.append((first + start, first + end, int(gap), layout))
    return found


def _guard_spans(ctx: SentenceContext, text: str, guard: str, start: int = 0, end: int | None = None) -> list:
    """(start, end) doc token offsets of the guard's visible matches on the words from `start` to `end`
    (sentence offsets)."""
    last = None if end is None else _token_from(ctx, end)
    return [(first, to) for first, to, _gap, _layout in _visible(ctx, text, guard, _token_from(ctx, start), last)]


def _token_from(ctx: SentenceContext, at: int) -> int:
    """The doc index of the first word (no space token) that starts at or after sentence offset `at`."""
    sent, doc = ctx.sent, ctx.sent.doc
    index = sent.start + bisect_left(sent, ctx.start + at, key=lambda token: token.idx)
    while index < ctx.sent.end and doc[index].is_space:
        index += 1
    return index


def _guard_after(ctx: SentenceContext, text: str, guard: str, at: int) -> bool:
    """Whether the guard begins at the first word at or after `at` (a sentence offset)."""
    first = _token_from(ctx, at)
    longest = _guard_matchers(ctx.sent.doc.vocab)[guard].longest
    return any(start == first for start, *_rest in _visible(ctx, text, guard, first, first + longest))


def _guard_before(ctx: SentenceContext, text: str, guard: str, at: int, reach: int | None = None) -> bool:
    """Whether the guard ends right before the word at `at` (a sentence offset), only spaces between; with
    `reach`, it begins no more than that many characters before `at` and as many words as its row lets
    (its "gap") may stand between."""
    index = _token_from(ctx, at)
    doc = ctx.sent.doc
    # without a reach, the guard's longest match and two space tokens at most
    longest = _guard_matchers(doc.vocab)[guard].longest
    first = index - longest - 2 if reach is None else _token_from(ctx, max(0, at - reach))
    return any(
        (reach is None or doc[start].idx - ctx.start >= at - reach) and _words_between(doc, end, index) <= gap
        for start, end, gap, _layout in _visible(ctx, text, guard, first, index)
    )


def _words_between(doc, end: int, index: int) -> float:
    """How many words stand from token `end` to token `index`, each followed by a space ("long-range" is one
    word); infinite when the guard does not end before `index`, is glued to the next word or punctuation other
    than a hyphen or an apostrophe stands between."""
    if end > index or not doc[end - 1].whitespace_ and not doc[end].is_space:
        return float("inf")
    words = 0
    for token in doc[end:index]:
        if token.is_space:
            continue
        if token.is_punct and token.text not in ("-", "'", "’"):
            return float("inf")
        if token.whitespace_ or doc[token.i + 1].is_space:
            words += 1
    return words


def _guard_between(ctx: SentenceContext, text: str, guard: str, start: int, end: int) -> bool:
    """Whether the guard fills the words from `start` to `end` (sentence offsets) and nothing else."""
    first, last = _token_from(ctx, start), _token_from(ctx, end)
    return any(span == (first, last) for span in _guard_spans(ctx, text, guard, start, end))


def _guard_inside(ctx: SentenceContext, text: str, guard: str, start: int, end: int) -> int | None:
    """The sentence offset of the first match of the guard within `start`..`end` (sentence offsets)."""
    doc = ctx.sent.doc
    for first, last in sorted(_guard_spans(ctx, text, guard, start, end)):
        at = doc[first].idx - ctx.start
        if at >= start and doc[last - 1].idx + len(doc[last - 1]) - ctx.start <= end:
            return at
    return None


def _other_subject(ctx, text, start, t_start) -> bool:
    """ "the city allocated 15 million Hryvnia": an OTHER_SUBJECT guard in the clause before the trigger, at most
    25 characters and no comma or semicolon before it."""
    doc = ctx.sent.doc
    for first, last in _guard_spans(ctx, text, "OTHER_SUBJECT", start, t_start):
        at, to = doc[first].idx - ctx.start, doc[last - 1].idx + len(doc[last - 1]) - ctx.start
        if start <= at and to <= t_start and t_start - to <= 25 and not set(text[to:t_start]) & set(",;"):
            return True
    return False


def _congress_asked(ctx, text, start, end) -> bool:
    """ "asked Congress to give immediate approval", "urged Congress to pass": a CONGRESS guard with CONGRESS_APPROVAL
    at most 60 characters after it or CONGRESS_ASKING at most 40 before it, all between `start` and `end`."""
    doc = ctx.sent.doc

    def offsets(guard):
        return [
            (doc[first].idx - ctx.start, doc[last - 1].idx + len(doc[last - 1]) - ctx.start)
            for first, last in _guard_spans(ctx, text, guard, start, end)
            if start <= doc[first].idx - ctx.start and doc[last - 1].idx + len(doc[last - 1]) - ctx.start <= end
        ]

    approvals, askings = offsets("CONGRESS_APPROVAL"), offsets("CONGRESS_ASKING")
    return any(
        any(0 <= a_at - c_to <= 60 for a_at, _a_to in approvals)
        or any(0 <= c_at - k_to <= 40 for _k_at, k_to in askings)
        for c_at, c_to in offsets("CONGRESS")
    )


def _number_before(ctx: SentenceContext, text: str, at: int) -> tuple[int, int] | None:
    """(start, end) sentence offsets of the number of the item at `at`: a NUMBER guard right before it or before
    at most three QUANTITY_WORDS, each followed by a space, all within 60 characters; the leftmost, and not glued
    to a word, a decimal point, a currency sign or a hyphen before it ("F-16", "$5")."""
    doc = ctx.sent.doc
    reach = max(0, at - 60)
    first, index = _token_from(ctx, reach), _token_from(ctx, at)
    words = _visible(ctx, text, "QUANTITY_WORDS", first, index)
    numbers = _visible(ctx, text, "NUMBER", first, index)
    found: list[tuple[int, int]] = []
    reached = {index}
    for _step in range(4):
        for start, end, *_rest in numbers:
            n_at = doc[start].idx - ctx.start
            if n_at < reach or not any(_words_between(doc, end, to) == 0 for to in reached):
                continue
            before = text[n_at - 1 : n_at]
            if before and (before.isalnum() or before in "_.,$€£-"):
                continue
            found.append((n_at, doc[end - 1].idx + len(doc[end - 1]) - ctx.start))
        reached = {start for start, end, *_rest in words if any(_words_between(doc, end, to) == 0 for to in reached)}
        reached = {start for start in reached if doc[start].idx - ctx.start >= reach}
        if not reached:
            break
    return min(found) if found else None
