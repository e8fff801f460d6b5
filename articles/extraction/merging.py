"""Merging and linking: one event for one happening, one record for one figure.

After the walk, `merge_events` folds an event told again later (same type and day, a retelling
such as "the attack", an undated blast just after a strike, a later sentence of the same
donor's announcement, or a sentence repeating an earlier one of its day) into the first and
relinks the records to it; `dedupe_losses` keeps one record for a figure restated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from articles.extraction.dates import WEEKDAYS
from articles.extraction.gazetteer import place_named
from articles.extraction.records import Event, Extraction, Loss, Pledge
from articles.extraction.word_patterns import first_word, word_patterns
from articles.jsonl import read_jsonl

# Whether a sentence opens on the happening told before it ("The meeting on Tuesday follows ...") or tells
# another one ("also", "another"): token patterns read on the event's sentence.
MERGING_WORDS = Path(__file__).resolve().parent / "patterns" / "en" / "merging.jsonl"
MERGING_KEY = "warboard_merging"


@lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    def token(spec: dict) -> dict:
        return {
            name: ({"IN": list(WEEKDAYS)} if value == {"IN": "WEEKDAYS"} else value) for name, value in spec.items()
        }

    return tuple({**row, "pattern": [token(spec) for spec in row["pattern"]]} for row in read_jsonl(MERGING_WORDS))


# Labels of merging.jsonl that count only where the sentence opens.
OPENING = frozenset({"RETELLING", "FOLLOWS"})


def _labels(doc, event: Event) -> tuple[str, ...]:
    """The labels of merging.jsonl matched in the event's sentence; RETELLING and FOLLOWS only at its start (after
    any signs).
    Kept on the Doc (as a tuple, which user_data can serialise): an event is compared with many kept before it."""
    key = (MERGING_KEY, event.span)
    if key in doc.user_data:
        return doc.user_data[key]
    labels: tuple[str, ...] = ()
    tokens = doc.char_span(*event.span, alignment_mode="expand")
    if tokens is not None:
        opening = first_word(tokens)
        labels = tuple(
            label
            for label, start, _end, _id in word_patterns(doc.vocab, MERGING_WORDS, _rows)(tokens)
            if label not in OPENING or start == opening
        )
    doc.user_data[key] = labels
    return labels


# "The assault killed four people" after a drone strike: "the assault" names the strike told before.
ATTACK_TYPES = frozenset({"strike", "battle"})

# How many sentences back "the attack" may point to the attack told before.
RETELLING_REACH = 6


# Nouns that name a happening, singular: the RETELLING nouns and the attacks of the CAUSED row.
HAPPENING_NOUNS = frozenset(
    word.removesuffix("s")
    for row in read_jsonl(MERGING_WORDS)
    if row["label"] in ("RETELLING", "CAUSED")
    for word in row["pattern"][-1].get("LOWER", row["pattern"][-1].get("LEMMA", {})).get("IN", [])
)


@lru_cache(maxsize=1)
def _retold_nouns() -> frozenset[str]:
    """The nouns of the RETELLING rows (their last token): what the happening is called."""
    return frozenset(
        word for row in _rows() if row["label"] == "RETELLING" for word in row["pattern"][-1]["LOWER"]["IN"]
    )


def _same_donor_announcement(result: Extraction, keep: list[int], index: int) -> int | None:
    """The first aid event of the same donors that this one may be a later sentence of.

    "The UK will double the number of missiles it sends to Ukraine. ... It will be supplying
    Starstreak missiles": one announcement, so one `aid` event holding every pledge. An offer
    and a delivery, or an event with a day of its own and one with another day, stay apart.
    """
    event = result.events[index]
    donors, statuses = _donors_of(result, index)
    if not donors:
        return None
    for kept in keep:
        other = result.events[kept]
        if other.type != "aid" or other.span == event.span:
            continue  # two announcements the sentence itself told apart ("The EU agrees ... and the United States ...")
        other_donors, other_statuses = _donors_of(result, kept)
        if other_donors != donors or (statuses and other_statuses and not statuses & other_statuses):
            continue
        if _earlier_announcement(result, other, event):
            continue
        if event.date is None or other.date is None or event.date == other.date:
            return kept
    return None


# How far before the article's day a week or month must lie to be another announcement than the article's news.
EARLIER_BY = {"week": 7, "month": 31}


def _earlier_announcement(result: Extraction, first: Event, later: Event) -> bool:
    """Whether a later sentence dated to an earlier week or month tells an announcement before the first, undated one.

    "No 10 said Britain would send 120 armoured vehicles ... The UK pledged £100m in military assistance last
    week" (The Guardian): the article's news, then the package of last week, two announcements of one donor.
    An undated sentence after the dated one goes on telling it ("It will be supplying Starstreak missiles").
    """
    if first.date is not None or later.date is None or result.published is None:
        return False
    reach = EARLIER_BY.get(later.precision or "")
    return reach is not None and (result.published - later.date).days >= reach


def _aid_of_a_meeting(result: Extraction, index: int) -> bool:
    """Whether the aid event's sentence also tells a meeting or visit (its pledges made there)."""
    span = result.events[index].span
    return any(event.type == "diplomacy" and event.span == span for event in result.events)


def _donors_of(result: Extraction, index: int) -> tuple[set[str], set[str]]:
    """The donors and statuses of the pledges of the event's own sentence; for an aid cue without
    pledges, the countries it names but Ukraine, and no status. A running total hung under the event
    from a later sentence ("the UK has now provided more than 10,000 missiles") is not its status."""
    pledges = _own_pledges(result, index)
    if not pledges:
        return {code for code in result.events[index].countries if code != "UA"}, set()
    return {p.donor for p in pledges}, {p.status for p in pledges}


def _own_pledges(result: Extraction, index: int) -> list[Pledge]:
    """The pledges of the event that its own sentence states."""
    start, end = result.events[index].span
    return [p for p in result.pledges if p.event == index and p.donor and start <= p.span[0] < end]


def _states_figures(result: Extraction, index: int) -> bool:
    """Whether the event's own sentence states a quantity or an amount of its pledges."""
    return any(p.quantity is not None or p.amount is not None for p in _own_pledges(result, index))


# How many sentences after a strike an undated blast or hit may tell its aftermath; farther when no other happening is
# told between them and the sentence tells no other one of its own ("also", "another", "Elsewhere")
AFTERMATH_REACH = 2
QUIET_AFTERMATH_REACH = 4


def _aftermath_of(result: Extraction, keep: list[int], index: int, sentence_of_event: list[int], doc) -> int | None:
    """The strike told just before that an undated strike sentence goes on telling.

    "Russia fired the latest in a series of huge barrages on Monday ... An explosion damaged the
    entryway to a subway station ... One blast hit the entrance to the Lukianivska station": one
    happening told over several sentences is one event (issue 8). A strike in another place stays apart. So is the
    damage told after the attack's sentence and what is said of it ("Russia has launched one of the largest drone
    attacks on Ukraine ... The "massive" attack lasted more than seven hours ... However, 13 houses were damaged and
    rescuers extinguished one fire caused by the downed drones", pool p163, CNN), a few sentences on when none between
    tells another happening.
    """
    event = result.events[index]
    for kept in reversed(keep):
        other = result.events[kept]
        distance = sentence_of_event[index] - sentence_of_event[kept]
        if distance > AFTERMATH_REACH and (
            kept != keep[-1]
            or distance > QUIET_AFTERMATH_REACH
            # "In Russia, the defence ministry said that Ukrainian drones targeted eight Russian regions" (pool p180)
            or (other.countries and not set(event.countries) <= set(other.countries))
            or {"ANOTHER", "APART"} & set(_labels(doc, event))
        ):
            return None
        if other.type == "strike":
            if not event.places or set(event.places) & set(other.places):
                return None if _own_time(doc, event) else kept
            return None
    return None


def _own_time(doc, event: Event) -> bool:
    """Whether the sentence opens on a time of its own set off by a comma ("And last month, the Ukrainian military
    said it had destroyed ... a Su-57", p157, after a refinery hit "In April"): another happening than the strike
    told just before, though the time gives no day."""
    tokens = doc.char_span(*event.span, alignment_mode="expand")
    if tokens is None:
        return False
    opening = first_word(tokens)
    return opening is not None and any(
        entity.label_ == "DATE"
        and entity.start - tokens.start - opening <= 2
        and entity.end < len(doc)
        and doc[entity.end].text == ","
        for entity in tokens.ents
    )


# Happenings whose next undated sentence of the same type goes on telling them: "The largest exchange of
# prisoners of war to date took place on Wednesday ... 230 Ukrainians were released from Russian captivity."
TOLD_ON = frozenset({"prisoner_exchange", "training"})


def _told_on(result: Extraction, keep: list[int], index: int, sentence_of_event: list[int]) -> int | None:
    """The event of the same type told in the sentence just before, which an undated one goes on telling."""
    if not keep:
        return None
    last = keep[-1]
    if result.events[last].type != result.events[index].type:
        return None
    return last if sentence_of_event[index] - sentence_of_event[last] <= 1 else None


def _meeting_told_on(result: Extraction, keep: list[int], index: int, sentence_of_event: list[int], doc) -> int | None:
    """The meeting told in the sentence just before with a party in common, which this one tells again.

    "Boris Johnson is set to host the German chancellor on Friday ... The prime minister will hold talks
    with Olaf Scholz at Downing Street" (The Guardian); "UN chief Antonio Guterres will meet with the
    leaders of Ukraine and Turkey this week ... Guterres will hold talks in Lviv ... on Thursday" (Kyiv
    Post). A meeting on another day, or of other parties, is another meeting.
    """
    if not keep:
        return None
    last = keep[-1]
    event, other = result.events[index], result.events[last]
    if other.type != "diplomacy" or sentence_of_event[index] - sentence_of_event[last] > 1:
        return None
    if "ANOTHER" in _labels(doc, event):
        return None  # "G7 and EU leaders are also holding meetings later in the day": another meeting
    if not (set(event.countries) - {"UA"}) & (set(other.countries) - {"UA"}):
        return None
    if event.date is None or other.date is None:
        return last
    if {event.precision, other.precision} != {"week", "day"}:
        return None
    week, day = (event.date, other.date) if event.precision == "week" else (other.date, event.date)
    return last if 0 <= (day - week).days < 7 else None


# How many sentences after the visit (or its last sentence folded in) an undated sentence may go on telling it: quotes
# often come between ("After an hour-long meeting with President Zelensky, Mr Varadkar reiterated ...", p132, four
# sentences after the trip).
VISIT_REACH = RETELLING_REACH

# Subjects that point back to someone told before: "He also visited a bridge in Irpin", "They performed a song".
POINTING_BACK = frozenset({"he", "she", "they", "i", "we"})


def _visit_told_on(result: Extraction, keep: list[int], index: int, told: list[int], doc) -> int | None:
    """The visit that an undated diplomacy sentence of the same visitor goes on telling.

    "On a day-long unannounced trip to the Ukrainian capital, Mr Varadkar visited the sites of several atrocities
    ... He also visited a bridge in Irpin" (p132, a GB outlet); "The president visited the Dnieper, Mikołajów,
    Oczaków and Odessa ... He conducted a meeting with the highest command" (p135, a PL outlet): one visit told in
    several sentences. Only the nearest diplomacy event is read; a sentence of a
    day of its own ("Widodo also met with ... Zelenskiy on Wednesday", after his arrival in Moscow on Thursday), one
    telling a new happening ("another round of talks") or one whose subject is not told since the visit began stays
    apart.
    """
    event = result.events[index]
    if event.date is not None or "ANEW" in _labels(doc, event):
        return None
    for kept in reversed(keep):
        other = result.events[kept]
        if told[index] - told[kept] > VISIT_REACH:
            return None
        if other.type != "diplomacy":
            continue
        labels = _labels(doc, other)
        if other.span == event.span or not {"VISIT", "MEETING"} & set(labels):
            return None
        if "VISIT" not in labels and not _meeting_gone_on(doc, event, other):
            return None
        return kept if _subject_told(doc, event, other.span[0]) else None
    return None


# How many sentences after the visit a sentence naming the visitor by name may go on telling it: a day's trip told
# site by site, with quotes and the sites' history between (p132, 49 sentences in all).
VISITOR_REACH = 5 * RETELLING_REACH


def _visitor_told_on(result: Extraction, keep: list[int], index: int, told: list[int], doc) -> int | None:
    """The visit that an undated sentence of the visitor, named by name as its subject, goes on telling, however
    far back and whatever other talks are told between.

    "On a day-long unannounced trip to the Ukrainian capital, Mr Varadkar visited the sites of several atrocities"
    ... 29 sentences later "In Bucha, Mr Varadkar visited the Church of St Andrew" and "Mr Varadkar visited the
    Lesya Ukrainka National Academic Drama Theatre company in Kyiv on his visit to the Ukrainian capital" (p132, a GB
    outlet); "Mike Pence met with Ukrainian President Volodymyr Zelenskyy in Ukraine Thursday in a surprise trip" ...
    "Pence additionally received an update on human rights violations and visited areas near Kyiv" (p130, Fox
    News): one trip, told site by site. A sentence of a day of its own, a new happening ("another round") or a
    meeting alone ("Scholz then met Tusk", which _visit_told_on links only from near) stays apart.
    """
    event = result.events[index]
    labels = _labels(doc, event)
    if event.date is not None or "ANEW" in labels or "VISIT" not in labels:
        return None
    names = _subject_names(doc, event)
    if len(names) != 1:
        return None
    for kept in reversed(keep):
        other = result.events[kept]
        if told[index] - told[kept] > VISITOR_REACH:
            continue  # the visit's reach runs from the last sentence folded into it
        if other.type == "diplomacy" and "VISIT" in _labels(doc, other) and names <= _subject_names(doc, other):
            return kept
    return None


def _subject_names(doc, event: Event) -> set[str]:
    """The names heading the subject of the event's sentence and its conjuncts: "Mr Varadkar visited" gives
    {"varadkar"}, "GOP presidential candidate and former Vice President Mike Pence met" {"pence"}."""
    tokens = doc.char_span(*event.span, alignment_mode="expand")
    if tokens is None:
        return set()
    subject = next((child for child in tokens.root.children if child.dep_ == "nsubj"), None)
    if subject is None:
        return set()
    return {token.lower_ for token in (subject, *subject.conjuncts) if token.pos_ == "PROPN"}


def _meeting_gone_on(doc, event: Event, meeting: Event) -> bool:
    """Whether the sentence names the meeting told before, as a verb or a noun not brought in with "a": "He met there
    with the President of France" after "Zielenski at a meeting with European leaders" (p087, Gazeta.pl); "Hosted at
    the Al Shati Palace in Abu Dhabi, talks were mediated by the United Arab Emirates" (p197, Al Jazeera). Not "a
    meeting with Russian Deputy Prime Minister Alexander Novak" (p051): another meeting, nor one in other places
    ("Biden met Zelensky in Kyiv ... He also met Scholz in Berlin")."""
    if event.places and meeting.places and not set(event.places) & set(meeting.places):
        return False
    tokens = doc.char_span(*event.span, alignment_mode="expand")
    if tokens is None:
        return False
    named = [
        tokens[start:end].root
        for label, start, end, _id in word_patterns(doc.vocab, MERGING_WORDS, _rows)(tokens)
        if label == "MEETING"
    ]
    return bool(named) and not any(
        child.dep_ == "det" and child.lower_ in ("a", "an") for token in named for child in token.children
    )


def _subject_told(doc, event: Event, since: int) -> bool:
    """Whether the subject of the event's sentence is a pronoun pointing back or a word of the text since `since`."""
    tokens = doc.char_span(*event.span, alignment_mode="expand")
    if tokens is None:
        return False
    subject = next((child for child in tokens.root.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.lower_ in POINTING_BACK:
        return True
    if subject.pos_ not in ("PROPN", "NOUN"):
        return False
    before = doc.char_span(since, event.span[0], alignment_mode="expand")
    return before is not None and any(token.lower_ == subject.lower_ for token in before)


# "The weekend talks" retells the talks told before, though many sentences back, when that sentence names them too.
RETOLD_NOUN_REACH = 2 * RETELLING_REACH


def _retold_happening(result: Extraction, keep: list[int], index: int, told: list[int], doc) -> int | None:
    """The happening of the same type, named by the same noun, that an undated sentence opening on it retells.

    "Officials revealed few details of the talks held on Friday and Saturday ... The weekend talks covered a
    broad range of military and economic matters" (p188, AP): the talks told before, not new ones. A happening
    told as another ("another round of talks") is not the one retold.
    """
    event = result.events[index]
    opening = doc.char_span(*event.span, alignment_mode="expand")
    if opening is None:
        return None
    nouns = {token.lower_ for token in opening[:4]} & _retold_nouns()
    for kept in reversed(keep):
        other = result.events[kept]
        if told[index] - told[kept] > RETOLD_NOUN_REACH:
            return None
        if other.type != event.type or "ANOTHER" in _labels(doc, other):
            continue
        told_as = doc.char_span(*other.span, alignment_mode="expand")
        if told_as is not None and nouns & {token.lower_ for token in told_as}:
            return kept
    return None


# How many sentences back "the missile strike" may point when the article tells its kind on one day only: a
# survivor's story told paragraphs after the strike (p182, BBC) still names the strike told at the top.
RETOLD_FAR_REACH = 5 * RETELLING_REACH


def _retold_far(result: Extraction, keep: list[int], index: int, told: list[int], doc) -> int | None:
    """The happening of the same type that an undated sentence naming it with "the" or a possessive retells, though
    told beyond RETELLING_REACH, when the article tells no two days of that type.

    "Oksana Rumpik, 54, and her husband Mykhailo survived the missile strike on the block of flats" (p182, BBC),
    25 sentences after "The missile ripped through the middle of the low-rise block of flats": one strike. Two
    strikes of two days before it, or the nearest of its kind in another place, leave it apart: which one it
    names is not known.
    """
    event = result.events[index]
    if event.type not in RETOLD_FAR_TYPES or "ANEW" in _labels(doc, event):
        return None
    same = [kept for kept in keep if result.events[kept].type == event.type]
    if not same or len({result.events[kept].date for kept in same} - {None}) > 1:
        return None
    nearest = same[-1]
    other = result.events[nearest]
    if told[index] - told[nearest] > RETOLD_FAR_REACH:
        return None
    if event.places and not set(event.places) & set(other.places):
        return None
    return None if _named_between(doc, other, event) else nearest


# Kinds whose "the" names the one told before: an article holds many tallies ("the bodies") and many donors' aid
# ("During the summit, the UK said ..."), which the same-donor rule and the toll rule link instead.
RETOLD_FAR_TYPES = frozenset({"strike", "battle", "diplomacy", "sanctions", "prisoner_exchange", "training", "other"})


def _happening_nouns(span) -> set[str]:
    """The words naming a happening in a span ("strike", "attacks", "talks"), plural or not."""
    return {token.lower_.removesuffix("s") for token in span} & HAPPENING_NOUNS


def _named_between(doc, first: Event, later: Event) -> bool:
    """Whether the noun that retells the happening is used between it and its retelling: "There have been 43 attacks
    on Ukrainian healthcare facilities ... Two health workers had been killed ... in the attacks, the WHO said" (p028,
    The Guardian) names the attacks of the sentence before, not the theatre hit told paragraphs back."""
    retold = doc.char_span(*later.span, alignment_mode="expand")
    between = doc.char_span(first.span[1], later.span[0], alignment_mode="expand")
    if retold is None or between is None:
        return False
    return bool(_happening_nouns(retold) & _happening_nouns(between))


# How many sentences back "It follows ..." may point: the sentence just before.
FOLLOWS_REACH = 1


def _follows(result: Extraction, keep: list[int], index: int, told: list[int], doc) -> int | None:
    """The happening told just before that an undated sentence opening on "It follows" or "It comes as" sets beside
    others of its kind: background to it, not a card of its own.

    "The Australian government has imposed sanctions and travel bans on two daughters of ... Putin ... It follows
    similar measures undertaken by other Western nations" (p067, New York Post); "The move follows similar trends
    in Poland and Ukraine" (p099). A happening of another type ("It comes as Russia resumed its assault on the
    ... steel works in Mariupol", p071, after a statement) stays its own.
    """
    event = result.events[index]
    if event.date is not None or not keep or "FOLLOWS" not in _labels(doc, event):
        return None
    last = keep[-1]
    if result.events[last].type != event.type or told[index] - told[last] > FOLLOWS_REACH:
        return None
    return last


WORD = re.compile(r"[a-z]{4,}")
# Short sentences share most words by their shape alone: "Germany will send 14 Leopard 2 tanks to Ukraine.
# Poland will send 60 PT-91 tanks to Ukraine." are two announcements.
LONG_ENOUGH = 8


def _told_again(result: Extraction, keep: list[int], index: int) -> int | None:
    """The event of the same type whose sentence this one repeats in nearly the same words (undated, or of its day).

    "Russian forces have controlled Ukraine's Zaporizhzhia nuclear plant since the first few weeks of
    Moscow's full-scale invasion ... Russian forces have controlled the Zaporizhzhia nuclear plant since
    the first few weeks of the invasion" (CNBC): a summary line and the body telling one happening. A sentence
    printed twice word for word is one happening whatever its length.
    """
    event = result.events[index]
    words = set(WORD.findall(event.summary.lower()))
    for kept in keep:
        other = result.events[kept]
        if other.type != event.type or other.span == event.span:
            continue
        if None not in (event.date, other.date) and (event.date, event.precision) != (other.date, other.precision):
            continue  # "On Tuesday, Zelenskyy addressed MEPs ..." and "... will address MEPs": two sessions
        if event.summary.split() == other.summary.split():
            return kept  # printed twice, however short ("In Ukraine, 28 journalists were killed ...", pool p084)
        other_words = set(WORD.findall(other.summary.lower()))
        shorter = min(len(words), len(other_words))
        if (
            shorter >= LONG_ENOUGH
            and len(words & other_words) >= 0.8 * shorter
            and _same_names(event.summary, other.summary)
        ):
            return kept
    return None


NAME = re.compile(r"\b[A-Z][a-z]{3,}")


def _same_names(one: str, other: str) -> bool:
    """The names of the shorter sentence are all in the longer: "Ukrainian forces recently advanced in the
    Kostyantynivka-Druzhkivka tactical area" does not repeat "Russian forces recently advanced in ... the
    Kostyantynivka-Druzhkivka tactical area" (Kyiv Post, after ISW)."""
    shorter, longer = sorted((one, other), key=len)
    return {name.lower() for name in NAME.findall(shorter)} <= set(WORD.findall(longer.lower()))


def _stands_for(event: Event, first: Event) -> None:
    """The later telling, which gives the day, stands for the event it is folded into."""
    first.date, first.precision, first.summary, first.span = event.date, event.precision, event.summary, event.span


def _coarse(event: Event) -> bool:
    """A date of a month or a year, not of a day or a week."""
    return event.precision in ("month", "year")


def merge_events(result: Extraction, sentence_of_event: list[int], doc) -> None:
    """The same happening told twice is one event: fold later duplicates into the first (`doc`: the parsed article)."""
    # The sentence where each kept happening was last repeated: "Both meetings centered on ..." goes on telling the
    # meeting told again in the sentence before it, though first told paragraphs back (p187, Foreign Policy)
    told = list(sentence_of_event)
    keep: list[int] = []
    target: dict[int, int] = {}
    for index, event in enumerate(result.events):
        twin = None
        repeated = False
        if event.retold:
            # "Russia's defence ministry has denied responsibility for the strike": the strike told
            # a few sentences before, not a second one.
            for kept in reversed(keep):
                other = result.events[kept]
                if told[index] - told[kept] > RETELLING_REACH:
                    break
                if event.date is not None and other.date is not None:
                    continue  # "During his visit on Monday" after a visit of Tuesday: another visit
                if other.type == event.type or (
                    {other.type, event.type} <= ATTACK_TYPES
                    and (not event.places or set(event.places) & set(other.places))
                ):
                    twin = kept
                    break
        if twin is None and event.date is None and "RETELLING" in _labels(doc, event):
            twin = _retold_happening(result, keep, index, told, doc)
        if twin is None and event.retold and event.date is None:
            twin = _retold_far(result, keep, index, told, doc)
        if twin is None:
            twin = _follows(result, keep, index, told, doc)
        for kept in keep if twin is None else []:
            other = result.events[kept]
            toll = event.type == "losses" and other.type in ATTACK_TYPES
            if (other.type != event.type and not toll) or event.date is None or other.date != event.date:
                continue
            if event.precision != other.precision:
                continue
            near = abs(told[kept] - told[index]) <= 1
            same_places = bool(set(other.places) & set(event.places))
            if toll:
                if same_places and "CAUSED" in _labels(doc, event):
                    # "At least seven were reported to have died after ... rocket strikes on Kharkiv on Monday" (dev
                    # p019, The Guardian): the toll of the strike of that day at that place, not a tally of its own
                    twin = kept
                    break
                continue
            same_parties = set(other.countries) == set(event.countries)
            # A month or a year holds many happenings of a kind: "Since invading Ukraine in 2022, Putin has ..." and,
            # paragraphs later, "After Ukraine liberated large swathes of its territory in late 2022" (dev p151, CNN)
            # are two battles; "they eliminated 5,000 troops in a single battle in late January. Russian troops ...
            # stormed ... Vuhledar ... in late January" (p115, Fox News) is one, told in the next sentence, and so is
            # "the Crimean Peninsula, which Putin seized from Ukraine in 2014" told twice in one page (p071, Daily Mail)
            # "The Nato meeting will be one of a string of leaders' gatherings held in Brussels on Thursday"
            # (The Guardian): a sentence opening on "the meeting" of that day retells it, however far back
            if (
                (
                    event.type in ("losses", "strike", "battle", "prisoner_exchange", "training")
                    and (near or same_places or not (_coarse(event) or event.places or "APART" in _labels(doc, other)))
                )
                or (near and (same_places or same_parties))
                or "RETELLING" in _labels(doc, event)
            ):
                twin = kept
                break
        if twin is None and event.type == "strike" and event.date is None:
            twin = _aftermath_of(result, keep, index, told, doc)
            if twin is not None:
                told[twin] = max(told[twin], told[index])  # the aftermath told on is counted from its last sentence
        if twin is None:
            twin = _told_again(result, keep, index)
            repeated = twin is not None
            if twin is not None and event.date is not None and result.events[twin].date is None:
                # "Boris Johnson spoke with Zelenskiy about Russia's blockade of Odesa ... Boris Johnson ... spoke with
                # Volodymyr Zelenskiy on Sunday evening about Russia's blockade": the sentence that gives the day
                _stands_for(event, result.events[twin])
        if twin is None and event.type in TOLD_ON and event.date is None:
            twin = _told_on(result, keep, index, told)
        if twin is None and event.type == "diplomacy":
            twin = _meeting_told_on(result, keep, index, told, doc)
            if twin is not None and event.precision == "day" and result.events[twin].precision != "day":
                # "Guterres will meet the leaders of Ukraine and Turkey this week ... Guterres will hold talks
                # in Lviv ... on Thursday": the sentence that gives the day tells the meeting best
                _stands_for(event, result.events[twin])
        if twin is None and event.type == "diplomacy":
            twin = _visitor_told_on(result, keep, index, told, doc)
            if twin is None:
                twin = _visit_told_on(result, keep, index, told, doc)
            if twin is not None:
                told[twin] = max(told[twin], told[index])
        if twin is None and event.type == "aid":
            twin = _same_donor_announcement(result, keep, index)
            if twin is not None and result.events[twin].date is None and event.date is not None:
                # The sentence that gives the day tells the announcement best; it stands for both.
                _stands_for(event, result.events[twin])
            elif twin is not None and _aid_of_a_meeting(result, twin) and event.date is None:
                # "Boris Johnson has made a surprise trip to Kyiv ..., pledging a major new infusion of British
                # arms ... No 10 said Britain would send 120 armoured vehicles": the visit is the first sentence's
                # happening, the sentence that tells the aid alone stands for the aid
                first = result.events[twin]
                first.summary, first.span = event.summary, event.span
            elif twin is not None and not _own_pledges(result, twin) and _states_figures(result, index):
                # "Citing Germany's decision to send tanks to Ukraine ... Berlin has agreed to send 14 Leopard 2
                # tanks" (dev p113): the sentence that states the records' figures stands for the announcement
                first = result.events[twin]
                first.summary, first.span = event.summary, event.span
        if twin is not None and event.retold and event.precision == "day" and result.events[twin].date is None:
            # "Johnson has made a surprise trip to Kyiv ... After the meeting on Saturday": the retelling gives the day
            first = result.events[twin]
            first.date, first.precision = event.date, event.precision
        if twin is None:
            keep.append(index)
            target[index] = len(keep) - 1
        else:
            other = result.events[twin]
            other.places.extend(p for p in event.places if p not in other.places)
            other.countries.extend(c for c in event.countries if c not in other.countries)
            target[index] = keep.index(twin)
            if repeated:
                told[twin] = max(told[twin], told[index])
    result.events = [result.events[i] for i in keep]
    records: list[Loss | Pledge] = [*result.losses, *result.pledges]
    for record in records:
        if record.event is not None:
            record.event = target[record.event]


def dedupe_losses(result: Extraction) -> None:
    """A figure restated ("the death toll ... has risen to 32" twice) is one record; so is the toll of one incident
    told in a headline and again with its claimant ("At least one person killed in Russian attack on Malyn" and "A
    Russian attack on Malyn, a city in the Zhytomyr oblast, has killed at least one person, according to the
    governor")."""
    kept: list[Loss] = []
    for loss in result.losses:
        twin = next((k for k in kept if _restated(k, loss) or _same_toll(k, loss)), None)
        if twin is None:
            kept.append(loss)
            continue
        for name in ("date", "place", "period", "reported_by"):
            if getattr(twin, name) is None and getattr(loss, name) is not None:
                setattr(twin, name, getattr(loss, name))
        if twin.place != loss.place and _within(loss.place, twin.place):
            twin.place = loss.place  # the town, not its oblast
    result.losses = kept


def _restated(k: Loss, loss: Loss) -> bool:
    """The same figure told again in the article; once with no claimant only if no day tells them apart
    ("with at least five people killed and 18 injured when rockets fell in the Vinnytsia region" and "At least
    five people were killed and 18 injured in ... Vinnytsia, the Ukrainian prosecutor general's office says")."""
    return (
        _same_figure(k, loss)
        and (
            k.reported_by == loss.reported_by
            or (None in (k.reported_by, loss.reported_by) and (k.date == loss.date or None in (k.date, loss.date)))
        )
        and (k.period == loss.period or None in (k.period, loss.period, k.date, loss.date))
        and _nested(k.place, loss.place)
    )


def _same_toll(k: Loss, loss: Loss) -> bool:
    """The same figure of the same incident, once with no claimant or a place within the other's."""
    return (
        k.event is not None
        and k.event == loss.event
        and _same_figure(k, loss)
        and k.period == loss.period
        and (k.reported_by == loss.reported_by or None in (k.reported_by, loss.reported_by))
        and (k.date == loss.date or None in (k.date, loss.date))
        and _nested(k.place, loss.place)
    )


def _same_figure(k: Loss, loss: Loss) -> bool:
    """The same side, category and number, a headline's or caption's bare number standing for the body's "at least"
    one: "1. Five killed as Russia hits crucial rail infrastructure" and "with at least five people killed and 18
    injured when rockets fell in the Vinnytsia region" (p078, a GB outlet); "On April 18, a series of Russian missile
    strikes ... in ... Lviv killed at least seven people" and the caption's "According to authorities, seven civilians
    were killed" (p057, RFE/RL); "at least five people killed" and "five people have been killed and 18 wounded in a
    missile strike on Odessa" (p071, Daily Mail)."""
    if (k.side, k.category, k.min) != (loss.side, loss.category, loss.min):
        return False
    return k.max == loss.max or (k.min is not None and {k.max, loss.max} == {None, k.min})


def _nested(one: str | None, other: str | None) -> bool:
    """Whether two places can name where one toll fell: the same, unnamed, or a town and its oblast."""
    return one is None or other is None or one == other or _within(one, other) or _within(other, one)


def _within(town: str | None, region: str | None) -> bool:
    """Whether the gazetteer puts a place in a region ("Malyn" in "Zhytomyr Oblast")."""
    found = place_named(town) if town else None
    return found is not None and region is not None and found.region == region
