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

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import models
from django.db.models import Case, Count, F, Func, Max, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce, Lower, Substr, TruncWeek

SEARCH_CONFIG = "english"

# The article's upload bytes and full text are never needed to list records:
# the sentence is cut out in SQL (see with_sentence()).
ARTICLE_HEAVY_FIELDS = ("article__raw", "article__text")


@dataclass(frozen=True)
class RecordFilters:
    """The timeline's URL parameters, validated (see warboard.forms.TimelineFilterForm)."""

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


def sentence_in_article() -> Substr:
    """The record's sentence as it stands in Article.text (an editor may have changed the summary)."""
    return Substr("article__text", F("span_start") + 1, F("span_end") - F("span_start"))


class ProvenanceQuerySet(models.QuerySet):
    """What every extracted record has: an article and a sentence in it, for the CSV exports."""

    def for_export(self) -> ProvenanceQuerySet:
        """Rows with their article and reviewer, and `sentence_text` cut from Article.text in SQL."""
        return (
            self.select_related("article", "reviewed_by")
            .defer(*ARTICLE_HEAVY_FIELDS)
            .annotate(sentence_text=sentence_in_article())
        )


class RecordQuerySet(ProvenanceQuerySet):
    """What losses and pledges share: selection through their events, review, provenance."""

    def in_review(self, review: str) -> RecordQuerySet:
        return self.filter(Review.record_q(review))

    def matching(self, filters: RecordFilters) -> RecordQuerySet:
        """The records shown under the timeline's events for these filters."""
        from articles.models import Event

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
        if filters.date_from:
            events = events.filter(date__gte=filters.date_from)
        if filters.date_to:
            events = events.filter(date__lte=filters.date_to)
        if filters.undated:
            events = events.filter(date__isnull=True)
        if filters.precision:
            events = events.filter(precision__in=filters.precision)
        if filters.types:
            events = events.filter(type__in=filters.types)
        if filters.countries:
            codes = list(filters.countries)
            # A country in any role: taking part, losing, claiming, giving or receiving. A
            # rejected record names no role, unless the analyst asked to see rejected ones.
            counted = Q() if filters.review in (Review.REJECTED, Review.ALL) else ~Q(review_state="rejected")
            losses = LossReport.objects.filter(counted, Q(side__in=codes) | Q(reported_by__in=codes))
            pledges = AidPledge.objects.filter(counted, Q(donor__in=codes) | Q(recipient__in=codes))
            events = events.filter(
                Q(countries__overlap=codes) | Q(pk__in=losses.values("event_id")) | Q(pk__in=pledges.values("event_id"))
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
            | Q(pk__in=LossReport.objects.filter(condition).values("event_id"))
            | Q(pk__in=AidPledge.objects.filter(condition).values("event_id"))
        )

    def search(self, text: str) -> EventQuerySet:
        """Full-text search over the sentences and the article titles.

        The summary side uses exactly the expression of the GIN index
        event_summary_fts, so PostgreSQL answers it from the index.
        """
        from articles.models import Article

        query = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        by_sentence = (
            self.model.objects.annotate(summary_vector=SearchVector("summary", config=SEARCH_CONFIG))
            .filter(summary_vector=query)
            .values("pk")
        )
        by_title = (
            Article.objects.annotate(title_vector=SearchVector("title", config=SEARCH_CONFIG))
            .filter(title_vector=query)
            .values("pk")
        )
        return self.filter(Q(pk__in=by_sentence) | Q(article_id__in=by_title))

    def in_order(self, newest_first: bool = True) -> EventQuerySet:
        """Timeline order on (date, id); events without a day come last either way."""
        if newest_first:
            return self.order_by(F("date").desc(nulls_last=True), "-id")
        return self.order_by(F("date").asc(nulls_last=True), "id")

    def after(self, cursor: Cursor | None, newest_first: bool = True) -> EventQuerySet:
        """Keyset pagination: the events after `cursor` in in_order(); no OFFSET."""
        if cursor is None:
            return self
        if cursor.date is None:
            # Already among the undated events, which come last.
            if newest_first:
                return self.filter(date__isnull=True, id__lt=cursor.id)
            return self.filter(date__isnull=True, id__gt=cursor.id)
        if newest_first:
            return self.filter(Q(date__lt=cursor.date) | Q(date=cursor.date, id__lt=cursor.id) | Q(date__isnull=True))
        return self.filter(Q(date__gt=cursor.date) | Q(date=cursor.date, id__gt=cursor.id) | Q(date__isnull=True))

    def for_timeline(self, review: str = Review.DEFAULT) -> EventQuerySet:
        """Everything one timeline page shows, in a fixed number of queries.

        One query for the events with their articles and reviewers, one for
        their losses and one for their pledges, however many events the page has.
        """
        from articles.models import AidPledge, LossReport

        return (
            self.select_related("article", "reviewed_by")
            .defer(*ARTICLE_HEAVY_FIELDS)
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


__all__ = [
    "AidPledgeQuerySet",
    "Cursor",
    "EventQuerySet",
    "LossReportQuerySet",
    "RecordFilters",
    "Review",
    "SEARCH_CONFIG",
]
