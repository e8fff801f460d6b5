"""The article walk: one parsed article in, its events, losses and pledges out.

`read_article` builds one `rules.SentenceContext` per sentence (sentence.py), runs the rule
modules on it, links each loss to the incident it is the toll of and each pledge to its `aid`
event (event_building.py), and at the end merges events told twice (merging.py). A ministry's
daily losses table is read apart (tallies.py).
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
from functools import lru_cache
from operator import attrgetter
from pathlib import Path

from articles.extraction.attribution import people_of
from articles.extraction.event_building import add_places, aid_event, losses_event
from articles.extraction.merging import dedupe_losses, merge_events
from articles.extraction.records import Event, Extraction, Loss
from articles.extraction.rules import SentenceContext
from articles.extraction.rules import events as event_rules
from articles.extraction.rules import losses as loss_rules
from articles.extraction.rules import pledges as pledge_rules
from articles.extraction.sentence import ArticleState, sentence_context
from articles.extraction.tallies import add_tally, describes_tally
from articles.extraction.word_patterns import first_word, word_patterns
from articles.jsonl import read_jsonl

# What the walk reads on a sentence's words: editorial notes, confirmed tolls, references to an attack
# told before and the side that attacks, as token patterns.
WALK_WORDS = Path(__file__).resolve().parent / "patterns" / "en" / "walk.jsonl"


def read_article(doc, text: str, published: datetime.date | None, title: str | None = None) -> Extraction:
    """Turn one parsed article into records (see the module docstring)."""
    state = ArticleState(published=published, people=people_of(doc))
    result = Extraction(published=published, published_source="supplied" if published else None, title=title)
    sentence_of_event: list[int] = []

    tally = loss_rules.find_tally(text)
    tally_ranges = (tally[0].start, tally[-1].end) if tally else None
    tally_event: int | None = None
    if tally:
        tally_event = add_tally(result, doc, text, tally, published, sentence_of_event)

    doc_text = doc.text
    sents = list(doc.sents)
    ents_of = _by_sentence(sents, doc.ents)
    cues_of = _by_sentence(sents, doc.spans.get("cues", []))
    for number, sent in enumerate(sents):
        sent_text = doc_text[sent.start_char : sent.end_char]
        if not sent_text.strip() or _editorial(sent):
            continue
        ctx = sentence_context(sent, number, published, state, doc_text, ents_of[number], cues_of[number])
        if tally_event is not None and tally_ranges is not None and _about_tally(sent, tally_ranges):
            add_places(result.events[tally_event], ctx)
            continue
        event_indexes, incident, linked, around = _sentence_events(result, ctx, state, sentence_of_event)
        losses = _sentence_losses(result, ctx, state, around, incident, linked, event_indexes, sentence_of_event)
        for pledge in pledge_rules.find_pledges(ctx):
            if pledge.span == (0, 0):
                pledge.span = (ctx.start, ctx.end)
            pledge.event = aid_event(result, ctx, pledge, event_indexes, sentence_of_event, number)
            result.pledges.append(pledge)
        for pledge in pledge_rules.restated_here(ctx):
            # its span now points at this sentence, which states its figure: so does its event
            pledge.event = aid_event(result, ctx, pledge, event_indexes, sentence_of_event, number)
        if ctx.reported_by:
            state.last_claimant = ctx.reported_by
        if losses:
            state.last_loss_claimant = (losses[-1].reported_by, number)
    merge_events(result, sentence_of_event, doc)
    dedupe_losses(result)
    return result


def _about_tally(sent, tally_ranges: tuple[int, int]) -> bool:
    """Whether a sentence is part of the tally's table, its heading, or describes it after its start."""
    if tally_ranges[0] - 200 <= sent.start_char <= tally_ranges[1]:
        return True
    return describes_tally(sent.text) and sent.start_char > tally_ranges[0]


def _sentence_events(
    result: Extraction, ctx: SentenceContext, state: ArticleState, sentence_of_event: list[int]
) -> tuple[list[int], int | None, int | None, loss_rules.LossContext]:
    """The sentence's events added to the article; (their indexes, the strike or battle its losses
    are the toll of, the event they link to, what the loss rules know of that incident).

    A strike or battle with no date that refers back ("the attack") within eight sentences is the
    incident told before, and an undated retelling of the same type is folded into it.
    """
    number = ctx.index
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
        if event.date is None and previous and _words(ctx.sent, "INCIDENT_REFERENCE"):
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
        if result.events[incident].date is not None or previous is None or _background(result.events[previous[0]]):
            state.last_incident = (incident, number)
    elif previous:
        _set_incident(around, result.events[previous[0]], ctx)
    linked = incident if incident is not None else (previous[0] if previous else None)
    return event_indexes, incident, linked, around


def _sentence_losses(
    result: Extraction,
    ctx: SentenceContext,
    state: ArticleState,
    around: loss_rules.LossContext,
    incident: int | None,
    linked: int | None,
    event_indexes: list[int],
    sentence_of_event: list[int],
) -> list[Loss]:
    """The sentence's losses added to the article, each linked to the incident it is the toll of
    or to a `losses` event; a strike told with only daily or running figures becomes that event."""
    number = ctx.index
    if ctx.reported_by is None and state.last_loss_claimant and _words(ctx.sent, "CONFIRMED"):
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
            loss.event = losses_event(result, ctx, loss, event_indexes, sentence_of_event, number)
    result.losses.extend(losses)
    return losses


def _by_sentence(sents, spans) -> list[list]:
    """The spans starting in each sentence (the sentences in reading order), ordered by start and end."""
    ordered = sorted(spans, key=attrgetter("start", "end"))
    starts = [span.start for span in ordered]
    return [ordered[bisect_left(starts, sent.start) : bisect_left(starts, sent.end)] for sent in sents]


def _words(span, label: str) -> list[tuple[int, int, str | None]]:
    """(start, end, id) of the matches of one label of walk.jsonl in a span, in reading order."""
    return [
        (start, end, id_)
        for found, start, end, id_ in word_patterns(span.doc.vocab, WALK_WORDS)(span)
        if found == label
    ]


@lru_cache(maxsize=1)
def _editorial_openings() -> frozenset[str]:
    """The words an editorial note can open with ("this", "read", ...): the first tokens of its rows."""
    firsts = [row["pattern"][0]["LOWER"] for row in read_jsonl(WALK_WORDS) if row["label"] == "EDITORIAL"]
    return frozenset(word for first in firsts for word in ([first] if isinstance(first, str) else first["IN"]))


# The longest editorial note, in tokens ("This article has been amended").
EDITORIAL_LENGTH = 5


def _editorial(sent) -> bool:
    """A note about the article itself, not news ("This article was amended on 1 March 2022 ...", "Read more"):
    EDITORIAL words at the start of the sentence, after any signs."""
    start = first_word(sent)
    if start is None or sent[start].lower_ not in _editorial_openings():
        return False  # most sentences: no Matcher run
    return any(first == 0 for first, _end, _id in _words(sent[start : start + EDITORIAL_LENGTH], "EDITORIAL"))


def _background(event: Event) -> bool:
    """Whether an incident is dated by a month or a year only, background rather than the news: "Russian President
    Vladimir Putin launched a full-scale invasion of Ukraine in February 2022" (p180, BBC) is no attack whose toll
    the undated strikes told after it ("In Mykolaiv, ... the body of an elderly man was pulled out from a five-storey
    residential building hit by a drone. Another five people were injured") would go on telling."""
    return event.date is not None and event.precision in ("month", "year")


def _set_incident(around: loss_rules.LossContext, event: Event, ctx: SentenceContext) -> None:
    around.has_incident = True
    around.incident_date = event.date if event.precision == "day" else None
    around.incident_place = event.places[0] if event.places else None
    attackers = _words(ctx.sent, "ATTACKER")
    if attackers:
        around.incident_attacker = attackers[0][2]  # "Russian shelling", "Ukrainian drones": the first told
