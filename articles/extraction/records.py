"""The records extraction returns: plain dataclasses, the shape of SPEC.md.

No Django here. `Extraction.to_dict(id=...)` gives the JSON object the
`extract` command prints and evaluate.py scores; ingestion copies the same
fields into Event, LossReport and AidPledge rows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from articles.vocabulary import (
    EVENT_TYPE_LABELS,
    LOSS_CATEGORY_LABELS,
    PERIOD_LABELS,
    PLEDGE_CATEGORY_LABELS,
    PLEDGE_STATUS_LABELS,
    PRECISION_LABELS,
)

# The values of the vocabularies (articles/vocabulary.py), as extraction and SPEC.md use them.
EVENT_TYPES = tuple(EVENT_TYPE_LABELS)
PRECISIONS = tuple(PRECISION_LABELS)
LOSS_CATEGORIES = tuple(LOSS_CATEGORY_LABELS)
PERIODS = tuple(PERIOD_LABELS)
PLEDGE_CATEGORIES = tuple(PLEDGE_CATEGORY_LABELS)
PLEDGE_STATUSES = tuple(PLEDGE_STATUS_LABELS)
# A system destroyed counts in the loss category of its kind, the pledge category or its plural
# ("tank" -> "tanks", "artillery" -> "artillery"); anti-tank weapons or ammunition have none.
LOSS_CATEGORY_OF_ITEM = {
    item: loss for item in PLEDGE_CATEGORIES for loss in (item, item + "s") if loss in LOSS_CATEGORIES
}

Span = tuple[int, int]


@dataclass(frozen=True)
class DateValue:
    """A resolved date expression: the day and how exact it is.

    "on Thursday" -> (2023-01-05, "day"); "last week" -> (Monday, "week");
    "in December" -> (2022-12-01, "month").
    """

    date: datetime.date
    precision: str = "day"


@dataclass
class Event:
    """One happening on the timeline (SPEC.md, "events")."""

    date: datetime.date | None
    precision: str | None
    type: str
    summary: str
    places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    span: Span = (0, 0)
    # "the attack", "Xi's visit": the sentence names a happening told before; the engine folds it
    # into that event rather than showing it twice (not part of SPEC's record).
    retold: bool = field(default=False, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": _iso(self.date),
            "precision": self.precision if self.date else None,
            "type": self.type,
            "summary": self.summary,
            "places": list(self.places),
            "countries": list(self.countries),
            "span": list(self.span),
        }


@dataclass
class Loss:
    """One reported number for one side and one category (SPEC.md, "losses").

    `event` is the index into `Extraction.events` of the happening the number
    belongs to (the strike that caused it, or a `losses` tally event).
    """

    side: str | None
    category: str
    min: int | None
    max: int | None
    period: str | None = None
    date: datetime.date | None = None
    place: str | None = None
    reported_by: str | None = None
    span: Span = (0, 0)
    event: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "side": self.side,
            "category": self.category,
            "min": self.min,
            "max": self.max,
            "period": self.period,
            "date": _iso(self.date),
            "place": self.place,
            "reported_by": self.reported_by,
            "span": list(self.span),
            "event": self.event,
        }


@dataclass
class Pledge:
    """One donor and one item of aid (SPEC.md, "pledges").

    `amount` is a Decimal of whole currency units ("$1.2bn" -> 1200000000);
    `event` is the index of the `aid` event it belongs to.
    """

    donor: str
    recipient: str | None
    item: str | None
    category: str
    quantity: int | None = None
    amount: Decimal | None = None
    currency: str | None = None
    status: str = "pledged"
    date: datetime.date | None = None
    span: Span = (0, 0)
    event: int | None = None

    def to_dict(self) -> dict[str, Any]:
        amount: int | float | None = None
        if self.amount is not None:
            amount = int(self.amount) if self.amount == int(self.amount) else float(self.amount)
        return {
            "donor": self.donor,
            "recipient": self.recipient,
            "item": self.item,
            "category": self.category,
            "quantity": self.quantity,
            "amount": amount,
            "currency": self.currency,
            "status": self.status,
            "date": _iso(self.date),
            "span": list(self.span),
            "event": self.event,
        }


@dataclass
class Extraction:
    """Everything extracted from one article."""

    published: datetime.date | None = None
    published_source: str | None = None
    title: str | None = None
    events: list[Event] = field(default_factory=list)
    losses: list[Loss] = field(default_factory=list)
    pledges: list[Pledge] = field(default_factory=list)

    def to_dict(self, id: str | None = None) -> dict[str, Any]:  # noqa: A002 - SPEC's field name
        return {
            "id": id,
            "article": {
                "title": self.title,
                "published": _iso(self.published),
                "published_source": self.published_source,
            },
            "events": [e.to_dict() for e in self.events],
            "losses": [loss.to_dict() for loss in self.losses],
            "pledges": [p.to_dict() for p in self.pledges],
        }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day else None
