"""How the timeline, the charts and the CSV exports select records.

All three read through these methods so their numbers cannot disagree: a page
asks `Event.objects.matching(filters)` for its events and
`LossReport.objects.matching(filters)` / `AidPledge.objects.matching(filters)`
for the figures shown under those events.

Review states and filters: by default rejected records are left out everywhere
(timeline, charts, exports). `review=<state>` selects the events that are in
that state or carry a loss or pledge in that state, and the losses and pledges
in that state; `review=all` shows everything, rejected records included.
Rejecting an event takes its figures off the timeline, the charts and the
exports with it: they hang under it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Self

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Lower, TruncWeek
from django.db.models.lookups import Exact, GreaterThan, GreaterThanOrEqual, LessThanOrEqual

SEARCH_CONFIG = "english"

# The article's upload bytes and full text are never needed to list records:
# each record stores its sentence (ExtractedRecord.sentence_text).
ARTICLE_HEAVY_FIELDS = ("article__raw", "article__text", "article__title_vector")


class TimelineDay(Func):
    """The event's date on the timeline, with undated events (which come last) at the far end.

    COALESCE(date, '-infinity') newest first, COALESCE(date, 'infinity') oldest first: one
    btree index per direction (event_timeline_newest, event_timeline_oldest) then gives the
    timeline's order and every keyset page without an OR over `date IS NULL`.
    """

    output_field = DateField()

    def __init__(self, newest_first: bool = True, field: str = "date", **extra):
        self.newest_first = newest_first
        far_end = "-infinity" if newest_first else "infinity"
        super().__init__(F(field), template=f"COALESCE(%(expressions)s, '{far_end}'::date)", **extra)

    def __repr__(self) -> str:
        return f"TimelineDay(newest_first={self.newest_first})"

    def deconstruct(self):
        # Only the index on Event.date is ever migrated.
        return "articles.querysets.TimelineDay", (), {"newest_first": self.newest_first}


class FarEnd(Func):
    """Where TimelineDay puts the undated events: '-infinity' newest first, 'infinity' oldest first."""

    output_field = DateField()

    def __init__(self, newest_first: bool = True):
        super().__init__(template="'-infinity'::date" if newest_first else "'infinity'::date")


class EqualsAny(Func):
    """`column = ANY(array)`: with ARRAY(subquery), an InitPlan run once that an index can use."""

    output_field = BooleanField()
    arg_joiner = " = ANY("
    template = "(%(expressions)s))"


@dataclass(frozen=True)
class RecordFilters:
    """The timeline's URL parameters, validated (see dashboard.forms.TimelineFilterForm)."""

    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    place: str = ""
    outlet: str = ""
    article: int | None = None
    review: str = ""
    q: str = ""
    undated: bool = False
    precision: tuple[str, ...] = field(default=())


class Review:
    """The values of the `review` filter and the record states each selects."""

    DEFAULT = ""  # everything but rejected records
    UNREVIEWED = "machine"
    REVIEWED = "reviewed"
    CONFIRMED = "confirmed"
    EDITED = "edited"
    REJECTED = "rejected"
    ALL = "all"

    CHOICES = [
        (DEFAULT, "All but rejected"),
        (UNREVIEWED, "Not reviewed yet"),
        (REVIEWED, "Confirmed or edited"),
        (CONFIRMED, "Confirmed"),
        (EDITED, "Edited"),
        (REJECTED, "Rejected"),
        (ALL, "All, rejected included"),
    ]

    @staticmethod
    def record_q(review: str) -> Q:
        """The condition on a record's own review_state for this filter value."""
        states = {
            Review.UNREVIEWED: ["machine"],
            Review.REVIEWED: ["confirmed", "edited"],
            Review.CONFIRMED: ["confirmed"],
            Review.EDITED: ["edited"],
            Review.REJECTED: ["rejected"],
        }
        if review == Review.ALL:
            return Q()
        if review in states:
            return Q(review_state__in=states[review])
        return ~Q(review_state="rejected")


@dataclass(frozen=True)
class Cursor:
    """Where the next timeline page starts: after the event (date, id). date None = undated."""

    date: datetime.date | None
    id: int

    def __str__(self) -> str:
        return f"{self.date.isoformat() if self.date else 'none'}.{self.id}"

    @classmethod
    def parse(cls, value: str) -> Cursor:
        """Read "2024-01-05.123" or "none.123"; raises ValueError on anything else."""
        day, _, pk = value.partition(".")
        date = None if day == "none" else datetime.date.fromisoformat(day)
        number = int(pk)
        if number < 1:
            raise ValueError("the id in a cursor is positive")
        return cls(date, number)


class ProvenanceQuerySet(models.QuerySet):
    """What every extracted record has: an article and a sentence in it, for the CSV exports."""

    def for_export(self) -> Self:
        """Rows with their article and reviewer (the sentence is stored on each record)."""
        return self.select_related("article", "reviewed_by").defer(*ARTICLE_HEAVY_FIELDS)


class RecordQuerySet(ProvenanceQuerySet):
    """What losses and pledges share: selection through their events, review, provenance."""

    def in_review(self, review: str) -> Self:
        return self.filter(Review.record_q(review))

    def matching(self, filters: RecordFilters) -> Self:
        """The records shown under the timeline's events for these filters."""
        from articles.models import Event

        if filters == RecordFilters(review=filters.review) and filters.review in (Review.DEFAULT, Review.ALL):
            # No filter on the events but their review state: read it through the join to the
            # record's event (which the exports' timeline order makes anyway), not by probing
            # every event a second time for `event_id IN (events)` (the losses export: a
            # million extra index lookups, 7-10 s of its 21-37 s under load).
            shown = Q() if filters.review == Review.ALL else ~Q(event__review_state=Review.REJECTED)
            return self.filter(shown).in_review(filters.review)
        events = Event.objects.matching(filters)
        return self.filter(event__in=events.values("pk")).in_review(filters.review)


class LossReportQuerySet(RecordQuerySet):
    def deduplicated(self) -> models.QuerySet:
        """One row per real-world figure, however many articles repeat it.

        The same tally reported by several articles (or twice in one) is one
        figure: reports are grouped on (side, category, date, period,
        reported_by) and the figure is the largest number any of them gives.
        A report's number is its lower bound ("at least 55" is 55, "70,000-80,000"
        is 70,000) or, when it only gives an upper bound ("up to 40"), that bound.
        Different claimants stay apart: a claim by UA and one by GB are two figures.
        Single incidents are also told apart by their place: strikes on Odesa and
        on Kharkiv the same day are two figures, not the larger of them.
        """
        return (
            self.annotate(
                incident_place=Case(When(period="incident", then=Lower("place")), default=Value("")),
            )
            .values("side", "category", "date", "period", "reported_by", "incident_place")
            .annotate(figure=Max(Coalesce("min", "max")), reports=Count("id"))
            .order_by("date", "category")
        )


class AidPledgeQuerySet(RecordQuerySet):
    def deduplicated(self) -> models.QuerySet:
        """One row per real-world pledge, however many articles repeat it.

        Reports are the same pledge when they share the donor, the item (its
        name without regard to case; the category when no item is named), the
        status and, for money, the currency. The pledge counts the largest
        quantity and the largest amount any report gives: ten articles about
        "14 Leopard 2" from DE, pledged, are one pledge of 14.

        Money names no item, so for funding the amount is part of the key: a
        donor's "$800 million" package told by three articles is one pledge,
        and its later "$1.2 billion" package is another. Keying money on donor
        and status alone would keep only the largest of a donor's packages.
        """
        return (
            self.annotate(
                item_key=Case(When(item="", then=F("category")), default=Lower("item")),
                money_key=Case(When(category="funding", then=F("amount")), default=None),
            )
            .values("donor", "item_key", "category", "status", "currency", "money_key")
            .annotate(
                item_name=Max("item"),
                quantity_max=Max("quantity"),
                amount_max=Max("amount"),
                reports=Count("id"),
            )
            .order_by("donor", "category", "item_key")
        )


class EventQuerySet(ProvenanceQuerySet):
    def matching(self, filters: RecordFilters) -> EventQuerySet:
        """The events the timeline shows for these filters (any order)."""
        from articles.models import AidPledge, LossReport

        events = self
        if filters.date_from or filters.date_to or filters.undated:
            # The dates on the newest-first timeline day, COALESCE(date, '-infinity'), not on
            # `date`: the same events (an undated one's day is before any bound), read from
            # event_timeline_newest in the timeline's order. With both, the planner multiplied
            # the two ranges (a month's 12,556 events estimated as 162) and sorted the month.
            day, undated = TimelineDay(newest_first=True), FarEnd(newest_first=True)
            if filters.date_from:
                events = events.filter(GreaterThanOrEqual(day, filters.date_from))
            elif filters.date_to:
                events = events.filter(GreaterThan(day, undated))  # the dated ones only
            if filters.date_to:
                events = events.filter(LessThanOrEqual(day, filters.date_to))
            if filters.undated:
                events = events.filter(Exact(day, undated))
        if filters.precision:
            events = events.filter(precision__in=filters.precision)
        if filters.types:
            events = events.filter(type__in=filters.types)
        if filters.countries:
            codes = list(filters.countries)
            # A country in any role: taking part, losing, claiming, giving or receiving. A
            # rejected record names no role, unless the analyst asked to see rejected ones.
            # EXISTS per event (not IN over every loss and pledge): walking the timeline's
            # index, a page checks a few hundred events through loss_event_id/pledge_event_id.
            counted = Q() if filters.review in (Review.REJECTED, Review.ALL) else ~Q(review_state="rejected")
            losses = LossReport.objects.filter(counted)
            pledges = AidPledge.objects.filter(counted)
            # One EXISTS per role, each answered from its own covering index (loss_side_event...).
            events = events.filter(
                Q(countries__overlap=codes)
                | Exists(losses.filter(side__in=codes, event_id=OuterRef("pk")))
                | Exists(losses.filter(reported_by__in=codes, event_id=OuterRef("pk")))
                | Exists(pledges.filter(donor__in=codes, event_id=OuterRef("pk")))
                | Exists(pledges.filter(recipient__in=codes, event_id=OuterRef("pk")))
            )
        if filters.place:
            events = events.filter(places__contains=[filters.place])
        if filters.outlet:
            events = events.filter(article__outlet=filters.outlet)
        if filters.article:
            events = events.filter(article_id=filters.article)
        if filters.q:
            events = events.search(filters.q)
        return events.in_review(filters.review)

    def in_review(self, review: str) -> EventQuerySet:
        from articles.models import AidPledge, LossReport

        if review in (Review.DEFAULT, Review.ALL):
            return self.filter(Review.record_q(review))
        condition = Review.record_q(review)
        return self.filter(
            condition
            | Exists(LossReport.objects.filter(condition, event_id=OuterRef("pk")))
            | Exists(AidPledge.objects.filter(condition, event_id=OuterRef("pk")))
        )

    def search(self, text: str) -> EventQuerySet:
        """Full-text search over the sentences and the article titles.

        Both sides read stored vectors with GIN indexes (Event.search_vector,
        Article.title_vector). The matching titles are one InitPlan (ARRAY(...)),
        so a rare word is a BitmapOr of two index scans, and a common word walks
        the timeline's index checking each event against the array.
        """
        from articles.models import Article

        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        titled = ArraySubquery(Article.objects.filter(title_vector=query).order_by().values("pk"))
        return self.filter(Q(search_vector=query) | EqualsAny(F("article_id"), titled))

    def in_order(self, newest_first: bool = True, filters: RecordFilters | None = None) -> EventQuerySet:
        """Timeline order on (date, id); events without a day come last either way.

        matching() bounds the dates on the newest-first TimelineDay, whose index gives
        this order. Oldest first, they are restated on the oldest-first TimelineDay, so
        that the index giving the order also gives the range.
        """
        day = TimelineDay(newest_first)
        events: EventQuerySet = self
        if not newest_first and filters and (filters.undated or filters.date_from or filters.date_to):
            events = events.alias(timeline_day=day)
            if filters.undated:
                events = events.filter(timeline_day=FarEnd(newest_first))
            if filters.date_from:
                events = events.filter(timeline_day__gte=filters.date_from)
            if filters.date_to:
                events = events.filter(timeline_day__lte=filters.date_to)
        if newest_first:
            return events.order_by(day.desc(), "-id")
        return events.order_by(day.asc(), "id")

    def after(self, cursor: Cursor | None, newest_first: bool = True) -> EventQuerySet:
        """Keyset pagination: the events after `cursor` in in_order(); no OFFSET.

        The redundant `day <= cursor day` bound starts the index scan at the cursor.
        """
        if cursor is None:
            return self
        day = TimelineDay(newest_first)
        at = Value(cursor.date) if cursor.date else FarEnd(newest_first)
        events = self.alias(timeline_day=day)
        if newest_first:
            return events.filter(Q(timeline_day__lte=at), Q(timeline_day__lt=at) | Q(timeline_day=at, id__lt=cursor.id))
        return events.filter(Q(timeline_day__gte=at), Q(timeline_day__gt=at) | Q(timeline_day=at, id__gt=cursor.id))

    def for_timeline(self, review: str = Review.DEFAULT) -> EventQuerySet:
        """Everything one timeline page shows, in a fixed number of queries.

        One query for the events with their articles and reviewers, one for
        their losses and one for their pledges, however many events the page has.
        """
        from articles.models import AidPledge, LossReport

        return (
            self.select_related("article", "reviewed_by")
            # The stored search vector is for the index; a page never shows it.
            .defer(*ARTICLE_HEAVY_FIELDS, "search_vector")
            .prefetch_related(
                Prefetch(
                    "losses",
                    queryset=LossReport.objects.in_review(review)
                    .select_related("reviewed_by")
                    .order_by("side", "reported_by", "id"),
                ),
                Prefetch(
                    "pledges",
                    queryset=AidPledge.objects.in_review(review)
                    .select_related("reviewed_by")
                    .order_by("donor", "recipient", "status", "id"),
                ),
            )
        )

    def per_week_by_type(self) -> models.QuerySet:
        """Events per ISO week (its Monday) and type, for the weekly chart."""
        return (
            self.filter(date__isnull=False)
            .annotate(week=TruncWeek("date"))
            .values("week", "type")
            .annotate(events=Count("id"))
            .order_by("week", "type")
        )

    def per_place(self) -> models.QuerySet:
        """How many events name each place (a place named twice in one event counts once)."""
        return (
            self.order_by()
            .annotate(place=Func(F("places"), function="unnest"))
            .values("place")
            .annotate(events=Count("id", distinct=True))
            .order_by("-events", "place")
        )


class IncidentQuerySet(models.QuerySet):
    """The timeline by incident: an incident is shown when ANY of its reports matches the filters.

    Ordered and paged on TimelineDay(field="date") and id, as the reports are, through the
    incident_timeline_newest / incident_timeline_oldest indexes.
    """

    def matching(self, filters: RecordFilters) -> IncidentQuerySet:
        """The incidents with a report among Event.objects.matching(filters) (any order).

        An EXISTS per incident, which the planner runs either way round: walking the
        timeline index and probing each incident's reports (event incident_id index) when
        most incidents match, or reading the few matching reports through their own
        indexes (a place, a search, a date range) and joining their incidents by id.
        """
        from articles.models import Event

        return self.filter(Exists(Event.objects.matching(filters).filter(incident_id=OuterRef("pk"))))

    def in_order(self, newest_first: bool = True) -> IncidentQuerySet:
        """Timeline order on (date, id); incidents without a day come last either way."""
        day = TimelineDay(newest_first, field="date")
        if newest_first:
            return self.order_by(day.desc(), "-id")
        return self.order_by(day.asc(), "id")

    def after(self, cursor: Cursor | None, newest_first: bool = True) -> IncidentQuerySet:
        """Keyset pagination: the incidents after `cursor` in in_order(); no OFFSET."""
        if cursor is None:
            return self
        at = Value(cursor.date) if cursor.date else FarEnd(newest_first)
        incidents = self.alias(timeline_day=TimelineDay(newest_first, field="date"))
        before, beyond, pk_beyond = ("lte", "lt", "lt") if newest_first else ("gte", "gt", "gt")
        return incidents.filter(
            Q(**{f"timeline_day__{before}": at}),
            Q(**{f"timeline_day__{beyond}": at}) | Q(timeline_day=at, **{f"id__{pk_beyond}": cursor.id}),
        )

    def for_timeline(self, review: str = Review.DEFAULT) -> IncidentQuerySet:
        """One page of incidents with every report shown under this review filter, in four queries:
        the incidents, their reports with articles, the reports' losses, their pledges."""
        from articles.models import Event

        reports = Event.objects.in_review(review).for_timeline(review).order_by("article__published", "date", "id")
        return self.prefetch_related(Prefetch("reports", queryset=reports, to_attr="shown_reports"))


__all__ = [
    "AidPledgeQuerySet",
    "Cursor",
    "EventQuerySet",
    "IncidentQuerySet",
    "LossReportQuerySet",
    "RecordFilters",
    "Review",
    "SEARCH_CONFIG",
]
