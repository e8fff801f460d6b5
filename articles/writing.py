"""Writing an article's records: replace the machine's, keep what analysts reviewed."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.db.models import Q

from articles.models import AidPledge, Article, Equipment, Event, LossReport, ReviewState, Revision

if TYPE_CHECKING:
    from articles.extraction.records import Extraction

logger = logging.getLogger(__name__)


def _event_key(type_: str, span_start: int, span_end: int) -> tuple:
    return (span_start, span_end, type_)


def _loss_key(side, category, span_start, span_end) -> tuple:
    return (span_start, span_end, side or "", category)


def _pledge_key(donor, category, item, span_start, span_end) -> tuple:
    return (span_start, span_end, donor or "", category, (item or "").lower())


def _first_values(kind: str, records) -> dict[int, dict]:
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


def _keys(records, kind: str, key, fields: tuple[str, ...]) -> dict[tuple, object]:
    """Each record under its key (`key` of `fields`) as it stands and as extraction first gave it."""
    first = _first_values(kind, records)
    keyed = {}
    for record in records:
        now = [getattr(record, name) for name in fields]
        keyed[key(*now)] = record
        before = first.get(record.pk)
        if before:
            keyed[key(*(before.get(name, value) for name, value in zip(fields, now, strict=True)))] = record
    return keyed


def write_records(article: Article, result: Extraction) -> None:
    """Replace the article's machine records with `result`; keep what analysts reviewed.

    Records an analyst confirmed, edited or rejected stay, and so do the events
    they hang under. A new record that matches a kept one on its key fields (its
    sentence and what it is about) is not created again: the analyst has already
    judged it. Call inside a transaction.
    """
    reviewed = ~Q(review_state=ReviewState.MACHINE)
    LossReport.objects.filter(article=article, review_state=ReviewState.MACHINE).delete()
    AidPledge.objects.filter(article=article, review_state=ReviewState.MACHINE).delete()
    kept_losses = list(LossReport.objects.filter(reviewed, article=article))
    kept_pledges = list(AidPledge.objects.filter(reviewed, article=article))
    parent_ids = {loss.event_id for loss in kept_losses} | {pledge.event_id for pledge in kept_pledges}
    Event.objects.filter(article=article, review_state=ReviewState.MACHINE).exclude(pk__in=parent_ids).delete()
    kept_events = _keys(
        Event.objects.filter(article=article), Revision.Kind.EVENT, _event_key, ("type", "span_start", "span_end")
    )
    loss_keys = _keys(kept_losses, Revision.Kind.LOSS, _loss_key, ("side", "category", "span_start", "span_end"))
    pledge_keys = _keys(
        kept_pledges, Revision.Kind.PLEDGE, _pledge_key, ("donor", "category", "item", "span_start", "span_end")
    )

    events: list[Event] = []
    for found in result.events:
        start, end = found.span
        existing = kept_events.get(_event_key(found.type, start, end))
        if existing is not None:
            events.append(existing)
            continue
        event = Event(
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
        events.append(event)
    Event.objects.bulk_create([e for e in events if e.pk is None])

    losses = []
    for found in result.losses:
        start, end = found.span
        if found.min is None and found.max is None:
            logger.warning("Article %s: a %s loss without a number was left out.", article.pk, found.category)
            continue
        if _loss_key(found.side, found.category, start, end) in loss_keys:
            continue
        low, high = found.min, found.max
        if low is not None and high is not None and high < low:
            low, high = high, low
        losses.append(
            LossReport(
                article=article,
                event=_event_for(article, events, found.event, start, end, Event.Type.LOSSES, found.date),
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

    equipment = _equipment_by_name() if result.pledges else {}
    pledges = []
    for found in result.pledges:
        start, end = found.span
        if _pledge_key(found.donor, found.category, found.item, start, end) in pledge_keys:
            continue
        # A sum without its currency cannot be shown or added up; the pledge stays without it.
        amount = found.amount if found.currency else None
        pledges.append(
            AidPledge(
                article=article,
                event=_event_for(article, events, found.event, start, end, Event.Type.AID, found.date),
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


def _event_for(article, events: list[Event], index, start, end, type_, date) -> Event:
    """The event a loss or pledge hangs under; extraction always links one, this is the fallback."""
    if index is not None and 0 <= index < len(events):
        return events[index]
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
