"""Warboard's extraction engine: article text in, events, losses and pledges out.

    from articles.extraction import extract
    result = extract(text, published=datetime.date(2023, 1, 5), title="...")
    result.to_dict(id="seed-000")   # the JSON object of SPEC.md

No Django here. The spaCy pipeline is built once per process
(`pipeline.get_pipeline`); `extract_many` parses many texts with `nlp.pipe`.
The walk over one parsed article lives in `read_article`: it builds one
`rules.SentenceContext` per sentence, runs the rule modules on it, then
merges events told twice and links every loss and pledge to its event.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from articles.extraction import countries, dates, numbers
from articles.extraction.records import DateValue, Event, Extraction, Loss, Pledge
from articles.extraction.rules import CountryMention, DateMention, PlaceMention, SentenceContext
from articles.extraction.rules import events as event_rules
from articles.extraction.rules import losses as loss_rules
from articles.extraction.rules import pledges as pledge_rules

EXTRACTOR_VERSION = "2026.12.02"

__all__ = ["EXTRACTOR_VERSION", "extract", "extract_many", "read_article"]


def extract(
    text: str,
    published: datetime.date | None = None,
    title: str | None = None,
    published_source: str | None = None,
    model: str | None = None,
) -> Extraction:
    """Extract the records of one article (its cleaned text).

    `published_source` says where `published` came from ("supplied" by the
    uploader, or "text" when cleaning found it); it defaults to "supplied".
    `model` names the spaCy model (default: WARBOARD_SPACY_MODEL, see pipeline).
    """
    result = extract_many([text], [published], [title], model=model)[0]
    if published is not None and published_source:
        result.published_source = published_source
    return result


def extract_many(
    texts: Iterable[str],
    published: Iterable[datetime.date | None] | None = None,
    titles: Iterable[str | None] | None = None,
    batch_size: int = 16,
    model: str | None = None,
) -> list[Extraction]:
    """Extract many articles, parsing them in batches with nlp.pipe."""
    from articles.extraction.pipeline import get_pipeline  # noqa: PLC0415 - loads spaCy

    texts = list(texts)
    published_list = list(published) if published is not None else [None] * len(texts)
    titles_list = list(titles) if titles is not None else [None] * len(texts)
    nlp = get_pipeline(model)
    results = []
    for doc, text, day, title in zip(
        nlp.pipe(texts, batch_size=batch_size), texts, published_list, titles_list, strict=True
    ):
        results.append(read_article(doc, text, day, title))
    return results


# --- claimants: who claims a figure, read off its reporting clause (attribution.py) ---------

from articles.extraction.attribution import REPORTING_LEMMAS, find_claimant  # noqa: E402
from articles.extraction.attribution import people_of as _people_of  # noqa: E402


@dataclass
class ArticleState:
    """What the walk remembers from sentence to sentence."""

    published: datetime.date | None
    people: dict[str, str] = field(default_factory=dict)
    last_claimant: str | None = None
    last_day: datetime.date | None = None
    last_incident: tuple[int, int] | None = None  # (event index, sentence number)
    last_loss_claimant: tuple[str | None, int] | None = None  # (claimant, sentence number)


# --- tense, for weekdays -------------------------------------------------------

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
FUTURE_AUX_RE = re.compile(r"\b(?:will|shall|won[’']t)\b|\w[’']ll\b", re.I)
FUTURE_WORDS = re.compile(
    r"\b(?:upcoming|next|coming|set\s+to|due\s+to|scheduled|expected\s+to|plans?\s+to|to\s+be\s+held)\b", re.I
)


def _is_future(sent, start: int, end: int, doc_text: str | None = None) -> bool:
    """Whether the date expression at article offsets [start, end) is about the future."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if doc_text is None:
        doc_text = doc.text
    before = doc_text[max(sent.start_char, start - 90) : start]
    if FUTURE_WORDS.search(before):
        return True
    head = span.root
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
            break
        if head.head is head:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    for _ in range(4):
        # "the Nato leaders assembling in Brussels on Thursday", "gatherings held in Brussels on
        # Thursday": a participle without its own auxiliary takes the tense of the clause it sits in
        if (
            head.tag_ not in ("VBG", "VBN")
            or head.dep_ not in ("acl", "advcl")
            or any(child.dep_ in ("aux", "auxpass") for child in head.children)
        ):
            break
        clause = head.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            break
        head = clause
    auxes = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return True
    if "to" in auxes and head.head.lemma_ in ("set", "due", "expect", "schedule", "plan", "go", "be"):
        return True
    if head.lemma_ == "be" and any(
        child.dep_ == "xcomp" and any(aux.lower_ == "to" for aux in child.children if aux.dep_ == "aux")
        for child in head.children
    ):
        return True  # "On Saturday, he is to meet Polish counterpart Andrzej Duda"
    # Present tense points ahead only for a weekday ("the meeting on Tuesday follows ..."); a
    # calendar date in the present tense is a timeline's historical present ("On April 2, AFP discovers").
    weekday = re.search(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", span.text)
    if (
        weekday
        and head.tag_ in ("VBZ", "VBP")
        and head.lemma_ not in REPORTING_LEMMAS
        and not (auxes & {"has", "have"})
    ):
        return head.lemma_ not in ("be",)
    return False


# --- the walk -------------------------------------------------------------------

# Notes about the article itself, not news: "This article was amended on 1 March 2022 ...".
EDITORIAL = re.compile(
    r"^\W*(?:This\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:amended|updated|corrected|edited)|"
    r"Read\s+more\b|Sign\s+up\b|Subscribe\b|Follow\s+us\b)",
    re.I,
)


def read_article(doc, text: str, published: datetime.date | None, title: str | None = None) -> Extraction:
    """Turn one parsed article into records (see the module docstring)."""
    state = ArticleState(published=published, people=_people_of(doc))
    result = Extraction(published=published, published_source="supplied" if published else None, title=title)
    sentence_of_event: list[int] = []

    tally = loss_rules.find_tally(text)
    tally_ranges = (tally[0].start, tally[-1].end) if tally else None
    tally_event: int | None = None
    if tally:
        tally_event = _add_tally(result, doc, text, tally, published, sentence_of_event)

    doc_text = doc.text
    sents = list(doc.sents)
    ents_of = _by_sentence(sents, doc.ents)
    cues_of = _by_sentence(sents, doc.spans.get("cues", []))
    for number, sent in enumerate(sents):
        sent_text = doc_text[sent.start_char : sent.end_char]
        if not sent_text.strip():
            continue
        if EDITORIAL.match(sent_text):
            continue
        ctx = _context(sent, number, published, state, doc_text, ents_of[number], cues_of[number])
        in_tally = tally_ranges is not None and tally_ranges[0] - 200 <= sent.start_char <= tally_ranges[1]
        if in_tally or (tally_event is not None and _describes_tally(sent.text) and sent.start_char > tally_ranges[0]):
            if tally_event is not None:
                _add_places(result.events[tally_event], ctx)
            continue
        found_events = event_rules.find_events(ctx)
        event_indexes = []
        for event in found_events:
            result.events.append(event)
            sentence_of_event.append(number)
            event_indexes.append(len(result.events) - 1)
        incident = next((i for i in event_indexes if result.events[i].type in ("strike", "battle")), None)
        previous = state.last_incident if state.last_incident and number - state.last_incident[1] <= 8 else None
        around = loss_rules.LossContext()
        if incident is not None:
            event = result.events[incident]
            if event.date is None and previous and _refers_to_incident(sent.text):
                # "It is the deadliest attack on the Ukrainian capital": the attack told before.
                told = result.events[previous[0]]
                if told.type == event.type and incident == len(result.events) - 1 and len(found_events) == 1:
                    # the same happening told twice is one event: fold the retelling into it
                    told.places.extend(p for p in event.places if p not in told.places)
                    told.countries.extend(c for c in event.countries if c not in told.countries)
                    result.events.pop()
                    sentence_of_event.pop()
                    event_indexes.remove(incident)
                incident = previous[0]
            _set_incident(around, result.events[incident], ctx)
            around.own_incident = True
            if result.events[incident].date is not None or previous is None:
                state.last_incident = (incident, number)
        elif previous:
            _set_incident(around, result.events[previous[0]], ctx)
        linked = incident if incident is not None else (previous[0] if previous else None)
        if ctx.reported_by is None and CONFIRMED.search(sent.text) and state.last_loss_claimant:
            claimant, said_in = state.last_loss_claimant
            if claimant and number - said_in <= 3:
                # "more than 14,500 civilians have been confirmed killed": the figures of the
                # monitors quoted just before.
                ctx.reported_by = claimant
        losses = loss_rules.find_losses(ctx, around)
        if (
            losses
            and incident is not None
            and incident in event_indexes
            and all(loss.period in ("day", "cumulative") for loss in losses)
        ):
            # "800 Russian troops were killed in the past day, ... where heavy fighting has been
            # taking place": a tally, not the toll of the fighting the sentence mentions.
            result.events[incident].type = "losses"
            if result.events[incident].date is None and ctx.date and ctx.date.precision == "day":
                result.events[incident].date, result.events[incident].precision = ctx.date.date, "day"
            state.last_incident = None
        for loss in losses:
            if loss.period == "incident" and linked is not None and result.events[linked].type != "losses":
                loss.event = linked
                if loss.place and loss.place not in result.events[linked].places:
                    result.events[linked].places.append(loss.place)
            else:
                loss.event = _losses_event(result, ctx, loss, event_indexes, sentence_of_event, number)
        result.losses.extend(losses)
        for pledge in pledge_rules.find_pledges(ctx):
            if pledge.span == (0, 0):
                pledge.span = (ctx.start, ctx.end)
            pledge.event = _aid_event(result, ctx, pledge, event_indexes, sentence_of_event, number)
            result.pledges.append(pledge)
        if ctx.reported_by:
            state.last_claimant = ctx.reported_by
        if losses:
            state.last_loss_claimant = (losses[-1].reported_by, number)
    _merge_events(result, sentence_of_event)
    _dedupe_losses(result)
    return result


def _by_sentence(sents, spans) -> list[list]:
    """The spans starting in each sentence, in one pass over both (both are in reading order)."""
    buckets: list[list] = [[] for _ in sents]
    ordered = sorted(spans, key=lambda span: (span.start, span.end))
    index = 0
    for number, sent in enumerate(sents):
        while index < len(ordered) and ordered[index].start < sent.start:
            index += 1
        while index < len(ordered) and ordered[index].start < sent.end:
            buckets[number].append(ordered[index])
            index += 1
    return buckets


def _context(
    sent,
    number: int,
    published: datetime.date | None,
    state: ArticleState,
    doc_text: str | None = None,
    ents: list | None = None,
    cues: list | None = None,
) -> SentenceContext:
    countries_found: list[CountryMention] = []
    places: list[PlaceMention] = []
    if doc_text is None:
        doc_text = sent.doc.text
    if ents is None:
        ents = list(sent.ents)
    sent_text = doc_text[sent.start_char : sent.end_char]
    for ent in ents:
        if ent.label_ == "COUNTRY":
            code, kind = ent.ent_id_.split(":", 1)
            countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, kind))
            if (
                kind == "capital"
                and _place_country(ent.text) is not None
                and doc_text[ent.end_char : ent.end_char + 1] != "-"
            ):
                # "Brussels", "Moscow": the government and the city.
                name = _place_name(ent.text)
                places.append(PlaceMention(name, ent.text, ent.start_char, ent.end_char, _place_country(ent.text)))
        elif ent.label_ == "PLACE":
            if _is_first_name(ent):
                continue
            if doc_text[ent.end_char : ent.end_char + 1] == "-":
                continue  # "Moscow-installed authorities", "Kyiv-based": an attribute, not where it happened
            name = ent.ent_id_ or ent.text
            places.append(PlaceMention(name, ent.text, ent.start_char, ent.end_char, _place_country(ent.text)))
            code = countries.country_code(ent.text)
            if code:
                countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, "capital"))
        elif ent.label_ in ("NORP", "GPE"):
            code = countries.country_code(ent.text)
            if code:
                countries_found.append(CountryMention(code, ent.text, ent.start_char, ent.end_char, "demonym"))
    found = dates.find_dates(
        sent_text,
        published,
        future=lambda s, e: _is_future(sent, s + sent.start_char, e + sent.start_char, doc_text),
        previous=state.last_day,
        offset=sent.start_char,
    )
    mentions = [DateMention(f.value, f.text, f.start, f.end) for f in found]
    for mention in mentions:
        if mention.value.precision == "day":
            state.last_day = mention.value.date
    claimant, _attributed = find_claimant(sent, places, state, ents)
    future = bool(FUTURE_AUX_RE.search(sent_text))

    def resolve(expression: str, future: bool | None = None) -> DateValue | None:
        return dates.resolve_expression(expression, published, bool(future), state.last_day)

    return SentenceContext(
        sent=sent,
        text=sent_text,
        start=sent.start_char,
        end=sent.end_char,
        index=number,
        published=published,
        date=mentions[0].value if mentions else None,
        dates=mentions,
        countries=countries_found,
        places=places,
        reported_by=claimant,
        future=future,
        parse_number=numbers.parse_quantity,
        parse_money=numbers.parse_money,
        resolve_date=resolve,
        country_code=countries.country_code,
        doc_text=doc_text,
        ents=ents,
        cues=cues,
    )


def _is_first_name(ent) -> bool:
    """ "Volodymyr Zelenskyy": a one-word place followed by a name is a person's first name."""
    doc = ent.doc
    if len(ent) != 1 or ent.end >= len(doc):
        return False
    following = doc[ent.end]
    return following.is_title and following.ent_type_ in ("PERSON", "") and following.pos_ == "PROPN"


def _place_name(text: str) -> str:
    from articles.extraction.components import place_names  # noqa: PLC0415

    found = place_names().get(text)
    return found[0] if found else text


def _place_country(text: str) -> str | None:
    from articles.extraction.components import place_names  # noqa: PLC0415

    found = place_names().get(text)
    return found[1] if found else None


CONFIRMED = re.compile(
    r"\b(?:been\s+)?(?:confirmed|verified|documented|recorded)\s+(?:as\s+)?(?:killed|dead|injured|wounded)\b", re.I
)
INCIDENT_REFERENCE = re.compile(
    r"\b(?:the\s+(?:\w+\s+){0,3}(?:attack|strike|strikes|assault|barrage|shelling|bombardment|blast|explosion)|"
    r"death\s+toll|deaths|fatalities|as\s+a\s+result)\b",
    re.I,
)


def _refers_to_incident(text: str) -> bool:
    return bool(INCIDENT_REFERENCE.search(text))


def _set_incident(around: loss_rules.LossContext, event: Event, ctx: SentenceContext) -> None:
    around.has_incident = True
    around.incident_date = event.date if event.precision == "day" else None
    around.incident_place = event.places[0] if event.places else None
    attacker = re.search(
        r"\b(Ukrainian|Russian)\s+(?:\w+\s+){0,2}(?:attack|strike|strikes|drones?|missiles?|shelling)", ctx.text
    )
    if attacker:
        around.incident_attacker = "UA" if attacker.group(1) == "Ukrainian" else "RU"


def _losses_event(
    result: Extraction, ctx: SentenceContext, loss: Loss, event_indexes: list[int], sentence_of_event, number: int
) -> int:
    for index in event_indexes:
        if result.events[index].type == "losses":
            return index
    # A figure restated in the next sentences belongs to the tally already told.
    for index in range(len(result.events) - 1, -1, -1):
        if sentence_of_event[index] < number - 2:
            break
        event = result.events[index]
        if event.type == "losses" and (loss.date is None or event.date in (None, loss.date)):
            return index
    day = ctx.date.date if ctx.date and ctx.date.precision == "day" else None
    if day is None and loss.period == "day":
        day = loss.date
    places = list(dict.fromkeys(p.name for p in ctx.places))
    return _sentence_event(
        result, ctx, "losses", day, places, ctx.country_codes, event_indexes, sentence_of_event, number
    )


def _aid_event(
    result: Extraction, ctx: SentenceContext, pledge: Pledge, event_indexes: list[int], sentence_of_event, number: int
) -> int:
    for index in event_indexes:
        if result.events[index].type == "aid":
            return index
    if event_rules.running_total(ctx.sent):
        # "The US has so far provided a total of $21.3 billion": a count, not a happening; it hangs
        # under the article's aid event told before (same donor first) rather than adding a card
        told = [i for i, e in enumerate(result.events) if e.type == "aid"]
        same = [i for i in told if pledge.donor and pledge.donor in result.events[i].countries]
        if same or told:
            return (same or told)[-1]
    day = pledge.date or (ctx.date.date if ctx.date and ctx.date.precision == "day" else None)
    countries_found = list(dict.fromkeys(c for c in (pledge.donor, pledge.recipient) if c))
    return _sentence_event(result, ctx, "aid", day, [], countries_found, event_indexes, sentence_of_event, number)


def _sentence_event(
    result: Extraction,
    ctx: SentenceContext,
    type_: str,
    day: datetime.date | None,
    places: list[str],
    countries_found: list[str],
    event_indexes: list[int],
    sentence_of_event: list[int],
    number: int,
) -> int:
    """A new event for a sentence whose loss or pledge had none to hang under; its index."""
    result.events.append(
        Event(
            date=day,
            precision="day" if day else None,
            type=type_,
            summary=ctx.text,
            places=places,
            countries=countries_found,
            span=(ctx.start, ctx.end),
        )
    )
    sentence_of_event.append(number)
    event_indexes.append(len(result.events) - 1)
    return len(result.events) - 1


TALLY_DESCRIPTION = re.compile(r"\b(?:greatest\s+losses|losses\s+\(of\s+the\s+past\s+day\)|directions?)\b", re.I)


def _describes_tally(text: str) -> bool:
    return bool(TALLY_DESCRIPTION.search(text))


def _add_places(event: Event, ctx: SentenceContext) -> None:
    for place in ctx.places:
        if place.name not in event.places:
            event.places.append(place.name)


def _add_tally(result: Extraction, doc, text: str, tally, published, sentence_of_event: list[int]) -> int:
    """One losses event for the tally, two records a line (running total and the day's "+N")."""
    first = tally[0]
    line_start = text.rfind("\n", 0, first.start) + 1
    heading_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    heading = text[heading_start:line_start].strip()
    summary_start = heading_start if heading else line_start
    summary_end = first.end
    countries_found = ["UA", "RU"]
    result.events.append(
        Event(
            date=published,
            precision="day" if published else None,
            type="losses",
            summary=text[summary_start:summary_end].strip(),
            places=[],
            countries=countries_found,
            span=(summary_start, summary_end),
        )
    )
    sentence_of_event.append(-1)
    index = len(result.events) - 1
    side = "UA" if re.search(r"losses\s+of\s+(?:the\s+)?Ukrain", text[: first.start], re.I) else "RU"
    claimant = "RU" if side == "UA" else "UA"
    for line in tally:
        records = [("cumulative", line.total)]
        if line.delta is not None:
            records.append(("day", line.delta))
        for period, value in records:
            if value is None:
                continue
            result.losses.append(
                Loss(
                    side=side,
                    category=line.category,
                    min=value,
                    max=value,
                    period=period,
                    date=published,
                    place=None,
                    reported_by=claimant,
                    span=(line.start, line.end),
                    event=index,
                )
            )
    return index


# "The meeting on Tuesday follows ...": a sentence that opens on the happening told just before.
RETELLING = re.compile(
    r"^\W*(?:The|This|That|Tuesday's|Monday's|Wednesday's|Thursday's|Friday's|Saturday's|Sunday's)\s+"
    r"(?:\w+\s+){0,2}?(?:meeting|talks|call|summit|conference|visit|session|exchange|swap|strike|attack)\b"
)


# "The assault killed four people" after a drone strike: "the assault" names the strike told before.
ATTACK_TYPES = frozenset({"strike", "battle"})

# How many sentences back "the attack" may point to the attack told before.
RETELLING_REACH = 6


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
        if other.type != "aid":
            continue
        other_donors, other_statuses = _donors_of(result, kept)
        if other_donors != donors or (statuses and other_statuses and not statuses & other_statuses):
            continue
        if event.date is None or other.date is None or event.date == other.date:
            return kept
    return None


def _donors_of(result: Extraction, index: int) -> tuple[set[str], set[str]]:
    """The donors and statuses of the event's pledges; for an aid cue without pledges, the
    countries it names but Ukraine, and no status."""
    pledges = [p for p in result.pledges if p.event == index and p.donor]
    if not pledges:
        return {code for code in result.events[index].countries if code != "UA"}, set()
    return {p.donor for p in pledges}, {p.status for p in pledges}


def _merge_events(result: Extraction, sentence_of_event: list[int]) -> None:
    """The same happening told twice is one event: fold later duplicates into the first."""
    keep: list[int] = []
    target: dict[int, int] = {}
    for index, event in enumerate(result.events):
        twin = None
        if event.retold:
            # "Russia's defence ministry has denied responsibility for the strike": the strike told
            # a few sentences before, not a second one.
            for kept in reversed(keep):
                other = result.events[kept]
                if sentence_of_event[index] - sentence_of_event[kept] > RETELLING_REACH:
                    break
                if other.type == event.type or (
                    {other.type, event.type} <= ATTACK_TYPES
                    and (not event.places or set(event.places) & set(other.places))
                ):
                    twin = kept
                    break
        for kept in keep if twin is None else []:
            other = result.events[kept]
            if other.type != event.type or event.date is None or other.date != event.date:
                continue
            if event.precision != other.precision:
                continue
            near = abs(sentence_of_event[kept] - sentence_of_event[index]) <= 1
            same_places = bool(set(other.places) & set(event.places))
            same_parties = set(other.countries) == set(event.countries)
            if event.type in ("losses", "strike", "battle", "prisoner_exchange", "training") or (
                near and (same_places or same_parties or RETELLING.match(event.summary))
            ):
                twin = kept
                break
        if twin is None and event.type == "aid":
            twin = _same_donor_announcement(result, keep, index)
            if twin is not None and result.events[twin].date is None and event.date is not None:
                # The sentence that gives the day tells the announcement best; it stands for both.
                first = result.events[twin]
                first.date, first.precision, first.summary, first.span = (
                    event.date,
                    event.precision,
                    event.summary,
                    event.span,
                )
        if twin is None:
            keep.append(index)
            target[index] = len(keep) - 1
        else:
            other = result.events[twin]
            other.places.extend(p for p in event.places if p not in other.places)
            other.countries.extend(c for c in event.countries if c not in other.countries)
            target[index] = keep.index(twin)
    result.events = [result.events[i] for i in keep]
    for record in [*result.losses, *result.pledges]:
        if record.event is not None:
            record.event = target[record.event]


def _dedupe_losses(result: Extraction) -> None:
    """A figure restated ("the death toll ... has risen to 32" twice) is one record."""
    kept: list[Loss] = []
    for loss in result.losses:
        twin = next(
            (
                k
                for k in kept
                if (k.side, k.category, k.min, k.max, k.reported_by, k.period)
                == (loss.side, loss.category, loss.min, loss.max, loss.reported_by, loss.period)
                or (
                    (k.side, k.category, k.min, k.max, k.reported_by)
                    == (loss.side, loss.category, loss.min, loss.max, loss.reported_by)
                    and None in (k.period, loss.period, k.date, loss.date)
                )
            ),
            None,
        )
        if twin is None:
            kept.append(loss)
            continue
        for name in ("date", "place", "period"):
            if getattr(twin, name) is None and getattr(loss, name) is not None:
                setattr(twin, name, getattr(loss, name))
    result.losses = kept
