"""Writing an article's records: replace the machine's, keep what analysts reviewed.

`write_records` runs inside the worker's transaction (articles.processing): the
article's text, its records and its status are committed together.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q

from articles.models import AidPledge, Article, Equipment, Event, LossReport, ReviewState, Revision

if TYPE_CHECKING:
    from articles.extraction import records
    from articles.models import ExtractedRecord

logger = logging.getLogger(__name__)

# What makes two versions of a record the same record: its sentence and what it is about.
EVENT_KEY = ("type", "span_start", "span_end")
LOSS_KEY = ("side", "category", "span_start", "span_end")
PLEDGE_KEY = ("donor", "category", "item", "span_start", "span_end")


def _event_key(type_: str, span_start: int, span_end: int) -> tuple:
    return (span_start, span_end, type_)


def _loss_key(side: str | None, category: str, span_start: int, span_end: int) -> tuple:
    return (span_start, span_end, side or "", category)


def _pledge_key(donor: str | None, category: str, item: str | None, span_start: int, span_end: int) -> tuple:
    return (span_start, span_end, donor or "", category, (item or "").lower())


@dataclass(frozen=True)
class Reviewed:
    """The records an analyst judged, each under its key as it stands and as extraction first gave it."""

    events: dict[tuple, Event]
    losses: dict[tuple, LossReport]
    pledges: dict[tuple, AidPledge]


def write_records(article: Article, result: records.Extraction) -> None:
    """Replace the article's machine records with `result`; keep what analysts reviewed.

    Records an analyst confirmed, edited or rejected stay, and so do the events
    they hang under. A new record that matches a kept one on its key fields (its
    sentence and what it is about) is not created again: the analyst has already
    judged it. Call inside a transaction.
    """
    reviewed = _delete_machine_records(article)
    events = _write_events(article, result.events, reviewed.events)
    _write_losses(article, result.losses, events, reviewed.losses)
    _write_pledges(article, result.pledges, events, reviewed.pledges)


def _delete_machine_records(article: Article) -> Reviewed:
    """Delete what extraction wrote last time, except events a reviewed figure hangs under."""
    reviewed = ~Q(review_state=ReviewState.MACHINE)
    LossReport.objects.filter(article=article, review_state=ReviewState.MACHINE).delete()
    AidPledge.objects.filter(article=article, review_state=ReviewState.MACHINE).delete()
    kept_losses = list(LossReport.objects.filter(reviewed, article=article))
    kept_pledges = list(AidPledge.objects.filter(reviewed, article=article))
    parent_ids = {loss.event_id for loss in kept_losses} | {pledge.event_id for pledge in kept_pledges}
    Event.objects.filter(article=article, review_state=ReviewState.MACHINE).exclude(pk__in=parent_ids).delete()
    return Reviewed(
        events=_keys(list(Event.objects.filter(article=article)), Revision.Kind.EVENT, _event_key, EVENT_KEY),
        losses=_keys(kept_losses, Revision.Kind.LOSS, _loss_key, LOSS_KEY),
        pledges=_keys(kept_pledges, Revision.Kind.PLEDGE, _pledge_key, PLEDGE_KEY),
    )


def _first_values(kind: str, records: Iterable[ExtractedRecord]) -> dict[int, dict]:
    """What each reviewed record held before its first review: the values extraction gave it.

    An analyst may have edited the very fields a record is matched on (a
    pledge's item, a loss's side); re-extraction must recognise the machine's
    version of such a record, or it would stand again beside the edited one
    and be counted twice.
    """
    ids = [record.pk for record in records if record.review_state != ReviewState.MACHINE]
    if not ids:
        return {}
    first = (
        Revision.objects.filter(kind=kind, record_id__in=ids)
        .order_by("record_id", "at", "id")
        .distinct("record_id")  # PostgreSQL's DISTINCT ON: the earliest revision of each record
        .values_list("record_id", "before")
    )
    return dict(first)


def _keys[R: ExtractedRecord](
    records: list[R], kind: str, key: Callable[..., tuple], fields: tuple[str, ...]
) -> dict[tuple, R]:
    """Each record under its key (`key` of `fields`) as it stands and as extraction first gave it."""
    first = _first_values(kind, records)
    keyed: dict[tuple, R] = {}
    for record in records:
        now = [getattr(record, name) for name in fields]
        keyed[key(*now)] = record
        before = first.get(record.pk)
        if before:
            keyed[key(*(before.get(name, value) for name, value in zip(fields, now, strict=True)))] = record
    return keyed


def _write_events(article: Article, found_events: list[records.Event], kept: dict[tuple, Event]) -> list[Event]:
    """The article's events in extraction's order (figures point at them by index): kept ones reused."""
    events: list[Event] = []
    for found in found_events:
        start, end = found.span
        existing = kept.get(_event_key(found.type, start, end))
        events.append(existing if existing is not None else _new_event(article, found))
    Event.objects.bulk_create([event for event in events if event.pk is None])
    return events


def _new_event(article: Article, found: records.Event) -> Event:
    start, end = found.span
    return Event(
        article=article,
        date=found.date,
        precision=(found.precision or "day") if found.date else "",
        type=found.type,
        summary=found.summary,
        places=[place[:120] for place in found.places],
        countries=[code[:8] for code in found.countries],
        span_start=start,
        span_end=end,
    )


def _write_losses(
    article: Article, found_losses: list[records.Loss], events: list[Event], kept: dict[tuple, LossReport]
) -> None:
    """New losses only: one without a number cannot be shown, one an analyst judged is not repeated."""
    losses = []
    for found in found_losses:
        start, end = found.span
        if found.min is None and found.max is None:
            logger.warning("Article %s: a %s loss without a number was left out.", article.pk, found.category)
            continue
        if _loss_key(found.side, found.category, start, end) in kept:
            continue
        low, high = found.min, found.max
        if low is not None and high is not None and high < low:
            low, high = high, low
        losses.append(
            LossReport(
                article=article,
                event=_event_for(article, events, found.event, found.span, "losses", found.date),
                side=found.side or "",
                category=found.category,
                min=low,
                max=high,
                period=found.period or "",
                date=found.date,
                place=(found.place or "")[:120],
                reported_by=found.reported_by or "",
                span_start=start,
                span_end=end,
            )
        )
    LossReport.objects.bulk_create(losses)


def _write_pledges(
    article: Article, found_pledges: list[records.Pledge], events: list[Event], kept: dict[tuple, AidPledge]
) -> None:
    """New pledges only, each linked to the gazetteer's equipment its item names."""
    equipment = _equipment_by_name() if found_pledges else {}
    pledges = []
    for found in found_pledges:
        start, end = found.span
        if _pledge_key(found.donor, found.category, found.item, start, end) in kept:
            continue
        # A sum without its currency cannot be shown or added up; the pledge stays without it.
        amount = found.amount if found.currency else None
        pledges.append(
            AidPledge(
                article=article,
                event=_event_for(article, events, found.event, found.span, "aid", found.date),
                donor=found.donor or "",
                recipient=found.recipient or "",
                item=(found.item or "")[:120],
                equipment=equipment.get((found.item or "").strip().lower()),
                category=found.category,
                quantity=found.quantity,
                amount=amount,
                currency=found.currency or "",
                status=found.status,
                date=found.date,
                span_start=start,
                span_end=end,
            )
        )
    AidPledge.objects.bulk_create(pledges)


def _event_for(
    article: Article,
    events: list[Event],
    index: int | None,
    span: tuple[int, int],
    type_: str,
    date: datetime.date | None,
) -> Event:
    """The event a loss or pledge hangs under; extraction always links one, this is the fallback."""
    if index is not None and 0 <= index < len(events):
        return events[index]
    start, end = span
    event = Event.objects.create(
        article=article,
        date=date,
        precision="day" if date else "",
        type=type_,
        summary=article.text[start:end] or "(no sentence)",
        span_start=start,
        span_end=end,
    )
    events.append(event)
    return event


def equipment_named(name: str) -> Equipment | None:
    """The gazetteer's equipment a pledge's item names (by its name or an alias, in any case)."""
    return _equipment_by_name().get(name.strip().lower()) if name.strip() else None


def _equipment_by_name() -> dict[str, Equipment]:
    """Every equipment name and alias, lower-cased: the gazetteer is small, one query reads it."""
    by_name: dict[str, Equipment] = {}
    for equipment in Equipment.objects.all():
        for name in [*equipment.aliases, equipment.name]:
            by_name[name.strip().lower()] = equipment
    return by_name
