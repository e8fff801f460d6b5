"""Event building: the event a loss or a pledge hangs under when its sentence told none.

A loss with no incident to link to, or a pledge with no `aid` event in its sentence, gets the
event told just before (a restated figure, a running total of aid) or a new event for its
sentence (`sentence_event`).
"""

from __future__ import annotations

import datetime

from articles.extraction.records import Event, Extraction, Loss, Pledge
from articles.extraction.rules import SentenceContext
from articles.extraction.rules.event_cues import aid_named_in_passing, meeting_of_the_aid
from articles.extraction.rules.event_statements import running_total


def losses_event(
    result: Extraction, ctx: SentenceContext, loss: Loss, event_indexes: list[int], sentence_of_event, number: int
) -> int:
    for index in event_indexes:
        if result.events[index].type == "losses":
            return index
    # A figure restated belongs to the tally already told: in the next sentences, or as the same figure of the same
    # day however far back ("In Ukraine, 28 journalists were killed in Ukraine, including seven foreigners", told in the
    # lead and again three paragraphs on, p084)
    for earlier in reversed(result.losses):
        if (
            earlier.event is not None
            and result.events[earlier.event].type == "losses"
            and (earlier.side, earlier.category, earlier.min, earlier.max, earlier.period, earlier.date)
            == (loss.side, loss.category, loss.min, loss.max, loss.period, loss.date)
        ):
            return earlier.event
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
    return sentence_event(
        result, ctx, "losses", day, places, ctx.country_codes, event_indexes, sentence_of_event, number
    )


# A request reports no happening of its own (a donor considering aid is news: "Biden said Washington
# was also considering sending Bradley armored fighting vehicles").
ASKED_FOR = frozenset({"requested"})
GIVEN = frozenset({"pledged", "delivered"})


def aid_event(
    result: Extraction, ctx: SentenceContext, pledge: Pledge, event_indexes: list[int], sentence_of_event, number: int
) -> int:
    for index in event_indexes:
        if result.events[index].type == "aid":
            return index
    told_here = [result.events[index] for index in event_indexes]
    if pledge.status in GIVEN and len(told_here) == 1 and told_here[0].type == "diplomacy" and meeting_of_the_aid(ctx):
        # "During the summit, the UK said it would make available a further £1bn of lethal aid": the
        # meeting is where the aid was decided, the aid is the happening the sentence reports
        told_here[0].type = "aid"
        return event_indexes[0]
    if running_total(ctx.sent) or pledge.status in ASKED_FOR or aid_named_in_passing(ctx.sent):
        # "The US has so far provided a total of $21.3 billion": a count, not a happening; "Ukraine
        # has been pressing the UK to supply M270s": asked for, not done (issue 8); "the Himars
        # supplied by the US have strengthened the army": aid named in passing. Each hangs under
        # the article's aid event told before (same donor first) rather than adding a card of its own.
        told = [i for i, e in enumerate(result.events) if e.type == "aid"]
        same = [i for i in told if pledge.donor and pledge.donor in result.events[i].countries]
        if same or told:
            return (same or told)[-1]
    day = pledge.date or (ctx.date.date if ctx.date and ctx.date.precision == "day" else None)
    precision = "day" if day else None
    if day is None and ctx.date is not None and ctx.date.precision == "week":
        # "This week, 447 power generators, worth €3.7 million, have been delivered" (p189, European Commission),
        # "Biden last week said ... as he signed into law a $95 billion war aid measure" (p148, AP), "could approve
        # $1.4bn emergency funding as early as next week" (p022, The Guardian; its gold): the week is the aid's
        # date, as "last week" is an event's (SPEC.md)
        day, precision = ctx.date.date, "week"
    countries_found = list(dict.fromkeys(c for c in (pledge.donor, pledge.recipient) if c))
    return sentence_event(
        result, ctx, "aid", day, [], countries_found, event_indexes, sentence_of_event, number, precision
    )


def sentence_event(
    result: Extraction,
    ctx: SentenceContext,
    type_: str,
    day: datetime.date | None,
    places: list[str],
    countries_found: list[str],
    event_indexes: list[int],
    sentence_of_event: list[int],
    number: int,
    precision: str | None = None,
) -> int:
    """A new event for a sentence whose loss or pledge had none to hang under; its index."""
    result.events.append(
        Event(
            date=day,
            precision=(precision or "day") if day else None,
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


def add_places(event: Event, ctx: SentenceContext) -> None:
    for place in ctx.places:
        if place.name not in event.places:
            event.places.append(place.name)
