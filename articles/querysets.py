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
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, Self

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    CharField,
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
from django.db.models.functions import Cast, Coalesce, Concat, Lower, TruncWeek
from django.db.models.lookups import GreaterThan, GreaterThanOrEqual, LessThanOrEqual

if TYPE_CHECKING:
    pass

SEARCH_CONFIG = "english"

# The article's upload bytes and full text are never needed to list records:
# each record stores its sentence (ExtractedRecord.sentence_text).
ARTICLE_HEAVY_FIELDS = ("article__raw", "article__text", "article__title_vector")


class TimelineDay(Func):
    """A record's day on the timeline, with the records it cannot place (which come last) at the far end.

    COALESCE(field, '-infinity') newest first, COALESCE(field, 'infinity') oldest first: one
    btree index per direction (event_timeline_newest, event_timeline_oldest, on Event.placed_on)
    then gives the timeline's order and every keyset page without an OR over `IS NULL`.
    """

    output_field = DateField()

    def __init__(self, newest_first: bool = True, field: str = "date", **extra):
        self.newest_first = newest_first
        self.day_field = field
        far_end = "-infinity" if newest_first else "infinity"
        super().__init__(F(field), template=f"COALESCE(%(expressions)s, '{far_end}'::date)", **extra)

    def __repr__(self) -> str:
        return f"TimelineDay(newest_first={self.newest_first}, field={self.day_field!r})"

    def deconstruct(self):
        # Only indexes are ever migrated, and only their direction and column matter.
        kwargs: dict[str, object] = {"newest_first": self.newest_first}
        if self.day_field != "date":
            kwargs["field"] = self.day_field
        return "articles.querysets.TimelineDay", (), kwargs


class FarEnd(Func):
    """Where TimelineDay puts the records it cannot place: '-infinity' newest first, 'infinity' oldest first."""

    output_field = DateField()

    def __init__(self, newest_first: bool = True):
        super().__init__(template="'-infinity'::date" if newest_first else "'infinity'::date")


class Reported(Func):
    """`date IS NULL`: the record stands at its report date, its text giving no day of its own.

    The second key of the timeline's order: within a day, the events whose text states
    it come first, then those placed there by their article's publication date.
    """

    output_field = BooleanField()
    template = "(%(expressions)s IS NULL)"

    def __init__(self, **extra):
        super().__init__(F("date"), **extra)

    def deconstruct(self):
        return "articles.querysets.Reported", (), {}


class EqualsAny(Func):
    """`column = ANY(array)`: with ARRAY(subquery), an InitPlan run once that an index can use."""

    output_field = BooleanField()
    arg_joiner = " = ANY("
    template = "(%(expressions)s))"


class Dated:
    """The values of the `dated` filter: which records a date range and the timeline take in.

    A record whose text gives no day keeps `date` empty and is placed on the timeline at its
    article's publication date (`placed_on`, "reported 2024-03-05"); by default a date range
    takes it in by that report date. `dated=stated` keeps only the records with a day of their own.
    """

    ALL = ""
    STATED = "stated"

    CHOICES = [(ALL, "Stated and reported"), (STATED, "Stated only")]


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
    dated: str = Dated.ALL

    def without_dates(self) -> RecordFilters:
        """The filters on what records are about, less those on when they happened."""
        return replace(self, date_from=None, date_to=None, dated=Dated.ALL)


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


class Placed(Protocol):
    """A row of the timeline: its own day and where it stands (PlacedOrder)."""

    @property
    def pk(self) -> Any: ...
    @property
    def date(self) -> datetime.date | None: ...
    @property
    def placed_on(self) -> datetime.date | None: ...


@dataclass(frozen=True)
class Cursor:
    """Where the next timeline page starts: after the event (placed_on, reported, id) of in_order().

    date None = an event that cannot be placed; `reported`: placed by its report date.
    """

    date: datetime.date | None
    id: int
    reported: bool = False

    def __str__(self) -> str:
        if self.date is None:
            return f"none.{self.id}"
        return f"{self.date.isoformat()}{'r' if self.reported else ''}.{self.id}"

    @classmethod
    def of(cls, row: Placed) -> Cursor:
        """The cursor after `row` (an event, or an incident's card)."""
        return cls(row.placed_on, row.pk, reported=row.date is None)

    @classmethod
    def parse(cls, value: str) -> Cursor:
        """Read "2024-01-05.123", "2024-01-05r.123" (reported) or "none.123"; raises ValueError on anything else."""
        day, _, pk = value.partition(".")
        number = int(pk)
        if number < 1:
            raise ValueError("the id in a cursor is positive")
        if day == "none":
            return cls(None, number, reported=True)
        reported = day.endswith("r")
        return cls(datetime.date.fromisoformat(day.removesuffix("r")), number, reported=reported)


if TYPE_CHECKING:
    _QuerySet = models.QuerySet
else:
    _QuerySet = object


class PlacedOrder(_QuerySet):
    """The timeline's order, shared by its reports (Event) and its incidents (Incident).

    On (placed_on, reported, id): a row without a day of its own stands at its report date,
    after the rows whose day is stated; one that cannot be placed at all (no day, no
    publication date) comes last. The *_timeline_newest/oldest indexes give this order.
    """

    def timeline_order(self, newest_first: bool = True) -> Self:
        day = TimelineDay(newest_first, field="placed_on")
        if newest_first:
            return self.order_by(day.desc(), Reported().asc(), "-id")
        return self.order_by(day.asc(), Reported().asc(), "id")

    def after(self, cursor: Cursor | None, newest_first: bool = True) -> Self:
        """Keyset pagination: the rows after `cursor` in timeline_order(); no OFFSET.

        The redundant `day <= cursor day` bound starts the index scan at the cursor. Within
        the cursor's day, the reported rows follow the stated ones.
        """
        if cursor is None:
            return self
        day = TimelineDay(newest_first, field="placed_on")
        at = Value(cursor.date) if cursor.date else FarEnd(newest_first)
        rows = self.alias(timeline_day=day, reported=Reported())
        later_id = Q(id__lt=cursor.id) if newest_first else Q(id__gt=cursor.id)
        rest_of_day = Q(timeline_day=at, reported=cursor.reported) & later_id
        if not cursor.reported:
            rest_of_day |= Q(timeline_day=at, reported=True)
        if newest_first:
            return rows.filter(Q(timeline_day__lte=at), Q(timeline_day__lt=at) | rest_of_day)
        return rows.filter(Q(timeline_day__gte=at), Q(timeline_day__gt=at) | rest_of_day)


class ProvenanceQuerySet(models.QuerySet):
    """What every extracted record has: an article and a sentence in it, for the CSV exports."""

    def for_export(self) -> Self:
        """Rows with their article and reviewer (the sentence is stored on each record)."""
        return self.select_related("article", "reviewed_by").defer(*ARTICLE_HEAVY_FIELDS)

    def placed_within(self, filters: RecordFilters) -> Self:
        """The records a date range takes in: by their day, else by their report date (`placed_on`).

        `dated=stated` keeps only the records whose text gives a day.
        """
        records = self
        if filters.dated == Dated.STATED:
            records = records.filter(date__isnull=False)
        if filters.date_from:
            records = records.filter(placed_on__gte=filters.date_from)
        if filters.date_to:
            records = records.filter(placed_on__lte=filters.date_to)
        return records


class RecordQuerySet(ProvenanceQuerySet):
    """What losses and pledges share: selection through their events, review, provenance."""

    def in_review(self, review: str) -> Self:
        return self.filter(Review.record_q(review))

    def matching(self, filters: RecordFilters) -> Self:
        """The records under the timeline's events for these filters, within its dates by their own.

        The date range and `dated` read the record's own day, else its report date (as
        the charts place it: a pledge at its announcement day, or failing that the day
        its article was published); the other filters select it through its event.
        """
        from articles.models import Event

        records = self.placed_within(filters)
        filters = filters.without_dates()
        if filters == RecordFilters(review=filters.review) and filters.review in (Review.DEFAULT, Review.ALL):
            # No filter on the events but their review state: read it through the join to the
            # record's event (which the exports' timeline order makes anyway), not by probing
            # every event a second time for `event_id IN (events)` (the losses export: a
            # million extra index lookups, 7-10 s of its 21-37 s under load).
            shown = Q() if filters.review == Review.ALL else ~Q(event__review_state=Review.REJECTED)
            return records.filter(shown).in_review(filters.review)
        events = Event.objects.matching(filters)
        return records.filter(event__in=events.values("pk")).in_review(filters.review)


def loss_chart_day() -> Case:
    """The day a loss figure stands on in the charts: a single incident on its incident's day,
    when it has one; any other figure on its placed day (its date, else its report date)."""
    return Case(
        When(Q(period="incident", event__incident__date__isnull=False), then=F("event__incident__date")),
        default=F("placed_on"),
    )


class LossReportQuerySet(RecordQuerySet):
    def deduplicated(self) -> models.QuerySet:
        """One row per real-world figure, however many articles repeat it.

        The same tally reported by several articles (or twice in one) is one
        figure: reports are grouped on (side, category, day, period,
        reported_by) and the figure is the largest number any of them gives.
        A report's number is its lower bound ("at least 55" is 55, "70,000-80,000"
        is 70,000) or, when it only gives an upper bound ("up to 40"), that bound.
        Different claimants stay apart: a claim by UA and one by GB are two figures.

        A single incident counts once per incident (articles.incidents): the
        reports of one strike count once though one outlet tells it under the
        night's first day and another under its second; its day is the
        incident's (the earliest any report gives). Any other figure stands on its
        placed day: its own date or, when its text gives none, its article's
        publication date (`placed_on`). A loss whose event has no
        incident is told apart by its place: strikes on Odesa and on Kharkiv the
        same day are two figures, not the larger of them. `day` is the figure's
        day on a chart; the row's `date` field is left out of the key.
        """
        single = Q(period="incident")
        return (
            self.annotate(
                day=loss_chart_day(),
                incident_key=Case(
                    When(
                        single & Q(event__incident__isnull=False),
                        then=Concat(Value("#"), Cast("event__incident_id", CharField())),
                    ),
                    When(single, then=Lower("place")),
                    default=Value(""),
                ),
            )
            .values("side", "category", "day", "period", "reported_by", "incident_key")
            .annotate(figure=Max(Coalesce("min", "max")), reports=Count("id"))
            .order_by("day", "category")
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


class EventQuerySet(PlacedOrder, ProvenanceQuerySet):
    def matching(self, filters: RecordFilters) -> EventQuerySet:
        """The events the timeline shows for these filters (any order)."""
        from articles.models import AidPledge, LossReport

        events = self
        if filters.date_from or filters.date_to:
            # The dates on the newest-first timeline day, COALESCE(placed_on, '-infinity'), not
            # on `placed_on`: the same events (an unplaced one's day is before any bound), read
            # from event_timeline_newest in the timeline's order. With both, the planner multiplied
            # the two ranges (a month's 12,556 events estimated as 162) and sorted the month.
            day, unplaced = TimelineDay(newest_first=True, field="placed_on"), FarEnd(newest_first=True)
            if filters.date_from:
                events = events.filter(GreaterThanOrEqual(day, filters.date_from))
            else:
                events = events.filter(GreaterThan(day, unplaced))  # the placed ones only
            if filters.date_to:
                events = events.filter(LessThanOrEqual(day, filters.date_to))
        if filters.dated == Dated.STATED:
            events = events.filter(date__isnull=False)
        if filters.undated:
            # No day of its own, wherever its report date places it.
            events = events.filter(date__isnull=True)
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
        """Timeline order on (placed_on, reported, id): an event without a day of its own stands
        at its report date, after the events whose text states that day; one that cannot be
        placed at all (no day, no publication date) comes last.

        matching() bounds the dates on the newest-first TimelineDay, whose index gives
        this order. Oldest first, they are restated on the oldest-first TimelineDay, so
        that the index giving the order also gives the range.
        """
        day = TimelineDay(newest_first, field="placed_on")
        events: EventQuerySet = self
        if not newest_first and filters and (filters.date_from or filters.date_to):
            events = events.alias(timeline_day=day)
            if filters.date_from:
                events = events.filter(timeline_day__gte=filters.date_from)
            if filters.date_to:
                events = events.filter(timeline_day__lte=filters.date_to)
        return events.timeline_order(newest_first)

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
        """Happenings per ISO week (its Monday) and type, for the weekly chart.

        The reports of one incident count once, in the week of the incident's day (the earliest
        any report gives, else its report date); a report with no incident counts as one of its
        own, and one without a day of its own in the week of its report date. `events` counts
        the reports.
        """
        return (
            self.filter(placed_on__isnull=False)
            .order_by()
            .annotate(
                week=TruncWeek(Coalesce("incident__placed_on", "placed_on")),
                happening=Coalesce("incident_id", -F("id")),
            )
            .values("week", "type")
            .annotate(incidents=Count("happening", distinct=True), events=Count("id"))
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

    def per_place_and_type(self) -> models.QuerySet:
        """How many incidents and reports (events) of each type name each place, for the map.

        Ten outlets telling one strike on Kharkiv are one incident of ten reports; a report
        not grouped into an incident counts as one of its own (its id negated, so that it
        cannot meet an incident's). Reports of one incident share its type, so a place's
        counts over its types add up to its incidents.
        """
        return (
            self.order_by()
            .annotate(place=Func(F("places"), function="unnest"))
            .values("place", "type")
            .annotate(
                incidents=Count(Coalesce("incident_id", -F("id")), distinct=True),
                reports=Count("id", distinct=True),
            )
            .order_by("place", "type")
        )


class IncidentQuerySet(PlacedOrder, models.QuerySet):
    """The timeline by incident: an incident is shown when ANY of its reports matches the filters.

    Ordered and paged as the reports are (PlacedOrder), through the
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

        incidents = self.filter(Exists(Event.objects.matching(filters).filter(incident_id=OuterRef("pk"))))
        if filters.date_to:
            # An incident stands at the earliest day of its reports: none after the range's end
            # can have a report in it. The bound starts the newest-first walk at the range.
            incidents = incidents.filter(
                LessThanOrEqual(TimelineDay(newest_first=True, field="placed_on"), filters.date_to)
            )
        return incidents

    def in_order(self, newest_first: bool = True) -> IncidentQuerySet:
        """Timeline order: an incident stands at its day, else at its earliest report date."""
        return self.timeline_order(newest_first)

    def for_timeline(self, review: str = Review.DEFAULT) -> IncidentQuerySet:
        """One page of incidents with every report shown under this review filter, in four queries:
        the incidents, their reports with articles, the reports' losses, their pledges."""
        from articles.models import Event

        reports = Event.objects.in_review(review).for_timeline(review).order_by("article__published", "date", "id")
        return self.prefetch_related(Prefetch("reports", queryset=reports, to_attr="shown_reports"))


__all__ = [
    "AidPledgeQuerySet",
    "Cursor",
    "Dated",
    "EventQuerySet",
    "IncidentQuerySet",
    "LossReportQuerySet",
    "RecordFilters",
    "Review",
    "SEARCH_CONFIG",
]
