"""Articles and the records extracted from them.

The record fields follow ../shared/extraction/SPEC.md: an Event is a happening on
the timeline; a LossReport is one reported number for a side and a category; an
AidPledge is one donor's item (or money) with a status. Each record keeps the
character span of its sentence in Article.text so an analyst can check it.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Min, OuterRef, Q, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils import timezone

from articles import vocabulary
from articles.querysets import (
    AidPledgeQuerySet,
    EventQuerySet,
    IncidentQuerySet,
    LossReportQuerySet,
    Reported,
    TimelineDay,
)

if TYPE_CHECKING:
    from articles.extraction.cleaning import Document

# The first key of the advisory locks workers hold on articles (the second is the article id).
LOCK_NAMESPACE = 0x57415242  # "WARB"


def _held_article_ids() -> RawSQL:
    """The ids of the articles some worker holds a lock on right now (pg_locks is not transactional)."""
    return RawSQL(
        "SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
        " AND classid = %s AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
        [LOCK_NAMESPACE],
    )


def orphaned() -> Q:
    """Articles left processing by a worker that died: no worker holds their lock (see articles.processing)."""
    return Q(status=Article.Status.PROCESSING) & ~Q(pk__in=_held_article_ids())


class ArticleQuerySet(models.QuerySet):
    """An article's processing states, changed by one conditional UPDATE each (see articles.processing).

    Filter first, then change: `filter(pk=id).retryable().queue()` moves the article only
    if it is still retryable when the UPDATE runs, and returns 0 otherwise.
    """

    def queued(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.QUEUED)

    def processing(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.PROCESSING)

    def done(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.DONE)

    def failed(self) -> ArticleQuerySet:
        return self.filter(status=Article.Status.FAILED)

    def orphaned(self) -> ArticleQuerySet:
        return self.filter(orphaned())

    def idle(self) -> ArticleQuerySet:
        """Queued, done or failed: not processing."""
        return self.exclude(status=Article.Status.PROCESSING)

    def unheld(self) -> ArticleQuerySet:
        """No live worker holds them: idle, or processing by a worker that died."""
        return self.filter(~Q(status=Article.Status.PROCESSING) | orphaned())

    def queue(self) -> int:
        return self.update(status=Article.Status.QUEUED, failure_reason="", processed_at=None)

    def claim(self) -> int:
        """Move to processing; the caller takes their advisory locks in the same transaction."""
        return self.update(status=Article.Status.PROCESSING, failure_reason="", processed_at=timezone.now())

    def fail(self, reason: str) -> int:
        return self.update(status=Article.Status.FAILED, failure_reason=reason, processed_at=timezone.now())

    def retryable(self) -> ArticleQuerySet:
        """Failed, or left processing by a worker that died: what the retry button may queue again."""
        return self.filter(Q(status=Article.Status.FAILED) | orphaned())

    def set_published(self, published: datetime.date) -> int:
        """Give these articles the publication date an editor supplied.

        Their records without a day of their own move to it on the timeline, and their
        undated incidents with them: the database's triggers do it in the same statement
        (migration 0006), as they would for any other change of the date.
        """
        return self.update(published=published, published_source=Article.PublishedSource.SUPPLIED)

    def with_stalled(self) -> ArticleQuerySet:
        """Each article with `stalled`: its worker died (the next worker queues it again)."""
        return self.annotate(stalled=models.ExpressionWrapper(orphaned(), output_field=models.BooleanField()))


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class PublishedSource(models.TextChoices):
        SUPPLIED = "supplied", "Supplied by the uploader"
        TEXT = "text", "Found in the text"
        UNKNOWN = "unknown", "Unknown"

    title = models.CharField(max_length=500, blank=True)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    published_source = models.CharField(max_length=10, choices=PublishedSource.choices, default=PublishedSource.UNKNOWN)

    # The upload exactly as received; extraction reads `text`, never this.
    raw = models.BinaryField()
    filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    sha256 = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the raw bytes")
    text = models.TextField(blank=True, help_text="The cleaned text that extraction reads")

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    failure_reason = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)
    # The timeline's q= search reads titles through this stored vector and its GIN index;
    # a trigger writes it from the title (migration 0002), whatever Django sends.
    title_vector = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [
            # The article list: newest first, filtered by status.
            models.Index(fields=["status", "-uploaded_at"], name="article_status_uploaded"),
            models.Index(fields=["-uploaded_at", "-id"], name="article_uploaded"),
            # The outlet filter on the timeline and the article search.
            models.Index(fields=["outlet"], name="article_outlet"),
            GinIndex(fields=["title_vector"], name="article_title_fts"),
        ]

    def __str__(self):
        return self.title or self.filename or f"Article {self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def is_stalled(self) -> bool:
        """Processing, and no worker holds it: its worker died (one query)."""
        return self.status == self.Status.PROCESSING and Article.objects.filter(pk=self.pk).orphaned().exists()

    @staticmethod
    def publication(supplied: datetime.date | None, found: datetime.date | None) -> tuple[datetime.date | None, str]:
        """The date an article is filed under and where it came from: the uploader's, else the text's."""
        if supplied is not None:
            return supplied, Article.PublishedSource.SUPPLIED
        if found is not None:
            return found, Article.PublishedSource.TEXT
        return None, Article.PublishedSource.UNKNOWN

    def fill_from(self, document: Document, published: datetime.date | None, published_source: str) -> None:
        """Take the cleaned text, and what the document says where the uploader said nothing; the caller saves."""
        self.text = document.text
        self.title = self.title or (document.title or "")[:500]
        self.outlet = self.outlet or (document.outlet or "")[:200]
        self.url = self.url or (document.url or "")[:2000]
        self.published, self.published_source = published, published_source

    def mark_done(self, extractor_version: str) -> None:
        """Set the status with the text and records written in the same transaction; the caller saves."""
        self.status = self.Status.DONE
        self.failure_reason = ""
        self.extractor_version = extractor_version
        self.processed_at = timezone.now()


class ReviewState(models.TextChoices):
    MACHINE = "machine", "Machine"
    CONFIRMED = "confirmed", "Confirmed"
    EDITED = "edited", "Edited"
    REJECTED = "rejected", "Rejected"


class ExtractedRecord(models.Model):
    """What every extracted record shares: its article, its sentence and its review."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="%(class)ss")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    review_state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.MACHINE)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The record's day on the timeline and the charts, and in date ranges: its `date`, else its
    # article's publication date ("reported 2024-03-05"). Stored, so that the timeline's order
    # comes from an index (event_timeline_newest), and written by database triggers (migration
    # 0006) whenever the record's date or its article's publication date changes, whatever
    # Django sends; an insert reads it back (db_default), so a record just created knows it.
    placed_on = models.DateField(null=True, blank=True, editable=False, db_default=None)
    # Article.text[span_start:span_end], written by a database trigger (migration 0002) whenever
    # the span or the article's text changes, so the CSV exports never decompress an article per row.
    sentence_text = models.TextField(blank=True, default="", editable=False)
    # Each kind declares its own `date` field (the day its text gives).
    date: datetime.date | None

    class Meta:
        abstract = True

    @property
    def sentence(self) -> str:
        return self.article.text[self.span_start : self.span_end]

    @property
    def is_placed(self) -> bool:
        """Placed at its article's publication date: its text gives no day of its own."""
        return self.date is None and self.placed_on is not None


class Event(ExtractedRecord):
    date = models.DateField(null=True, blank=True)
    precision = models.CharField(max_length=5, choices=vocabulary.PRECISION_LABELS, blank=True)
    type = models.CharField(max_length=20, choices=vocabulary.EVENT_TYPE_LABELS)
    summary = models.TextField()
    places = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    countries = ArrayField(models.CharField(max_length=8), default=list, blank=True)
    # The happening this event reports (articles.incidents); set in the transaction that writes it.
    incident = models.ForeignKey("Incident", null=True, blank=True, on_delete=models.SET_NULL, related_name="reports")
    # The q= full-text search over sentences, stored so a match is checked without re-parsing;
    # a trigger writes it from the summary (migration 0002), whatever Django sends.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # Date ranges and the charts' weekly counts.
            models.Index(fields=["date", "id"], name="event_date_id"),
            models.Index(fields=["type", "date"], name="event_type_date"),
            # The timeline's order and keyset pagination in each direction (EventQuerySet.in_order):
            # a page, and any "load more" page, reads 26 index entries instead of sorting every event.
            # On placed_on: an event without a day of its own stands at its report date, after
            # the events whose text states that day (Reported).
            models.Index(
                TimelineDay(newest_first=True, field="placed_on").desc(),
                Reported().asc(),
                F("id").desc(),
                name="event_timeline_newest",
            ),
            models.Index(
                TimelineDay(newest_first=False, field="placed_on"), Reported(), F("id"), name="event_timeline_oldest"
            ),
            # country=UA and place=Bakhmut filters: array containment.
            GinIndex(fields=["countries"], name="event_countries_gin"),
            GinIndex(fields=["places"], name="event_places_gin"),
            # The q= full-text search.
            GinIndex(fields=["search_vector"], name="event_search_fts"),
            models.Index(fields=["review_state"], condition=~models.Q(review_state="machine"), name="event_reviewed"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(span_end__gte=models.F("span_start")), name="event_span_order"),
            models.CheckConstraint(
                condition=models.Q(date__isnull=True, precision="")
                | models.Q(date__isnull=False) & ~models.Q(precision=""),
                name="event_date_has_precision",
            ),
        ]

    def __str__(self):
        return f"{self.date or 'undated'} {self.type}: {self.summary[:60]}"


class LossReport(ExtractedRecord):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="losses")
    side = models.CharField(max_length=8)
    category = models.CharField(max_length=24, choices=vocabulary.LOSS_CATEGORY_LABELS)
    min = models.PositiveBigIntegerField(null=True, blank=True)
    max = models.PositiveBigIntegerField(null=True, blank=True)
    period = models.CharField(max_length=10, choices=vocabulary.PERIOD_LABELS, blank=True)
    date = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=120, blank=True)
    reported_by = models.CharField(max_length=8, blank=True)

    objects = LossReportQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # The losses chart and its de-duplication group by these.
            models.Index(fields=["side", "category", "date"], name="loss_side_category_date"),
            # The exports list an event's losses in id order (event_id comes from the FK's index otherwise).
            models.Index(fields=["event", "id"], name="loss_event_id"),
            # Date ranges on the charts and the exports (RecordQuerySet.placed_within).
            models.Index(fields=["placed_on"], name="loss_placed_on"),
            # country= on the timeline: the events whose losses name the country (a side or a claimant),
            # read from the index alone (the review state says whether a rejected one still counts).
            models.Index(fields=["side", "event"], include=["review_state"], name="loss_side_event"),
            models.Index(fields=["reported_by", "event"], include=["review_state"], name="loss_claimant_event"),
            # review=confirmed|edited|rejected|reviewed: the few records an analyst has touched.
            models.Index(
                fields=["review_state", "event"], condition=~models.Q(review_state="machine"), name="loss_reviewed"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min__isnull=False) | models.Q(max__isnull=False), name="loss_has_number"
            ),
            models.CheckConstraint(
                condition=models.Q(min__isnull=True) | models.Q(max__isnull=True) | models.Q(max__gte=models.F("min")),
                name="loss_min_le_max",
            ),
        ]

    def __str__(self):
        return f"{self.side} {self.category} {self.min}..{self.max}"


class AidPledge(ExtractedRecord):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="pledges")
    donor = models.CharField(max_length=8)
    recipient = models.CharField(max_length=8, default="UA")
    item = models.CharField(max_length=120, blank=True)
    equipment = models.ForeignKey("Equipment", null=True, blank=True, on_delete=models.SET_NULL)
    category = models.CharField(max_length=20, choices=vocabulary.PLEDGE_CATEGORY_LABELS)
    quantity = models.PositiveBigIntegerField(null=True, blank=True)
    amount = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, blank=True)
    status = models.CharField(max_length=12, choices=vocabulary.PLEDGE_STATUS_LABELS)
    date = models.DateField(null=True, blank=True)

    objects = AidPledgeQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # The pledges chart and its de-duplication group by these.
            models.Index(fields=["donor", "status", "category"], name="pledge_donor_status_category"),
            models.Index(fields=["event", "id"], name="pledge_event_id"),
            # Date ranges on the charts and the exports (RecordQuerySet.placed_within).
            models.Index(fields=["placed_on"], name="pledge_placed_on"),
            # country= on the timeline: the events whose pledges name the country (donor or recipient).
            models.Index(fields=["donor", "event"], include=["review_state"], name="pledge_donor_event"),
            models.Index(fields=["recipient", "event"], include=["review_state"], name="pledge_recipient_event"),
            models.Index(
                fields=["review_state", "event"], condition=~models.Q(review_state="machine"), name="pledge_reviewed"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | ~models.Q(currency=""), name="pledge_amount_has_currency"
            ),
        ]

    def __str__(self):
        return f"{self.donor} → {self.recipient}: {self.item or self.category} ({self.status})"


class Revision(models.Model):
    """One change an analyst made to a record: who, when, and the values before and after."""

    class Action(models.TextChoices):
        CONFIRM = "confirm", "Confirmed"
        EDIT = "edit", "Edited"
        REJECT = "reject", "Rejected"
        RESTORE = "restore", "Restored"

    class Kind(models.TextChoices):
        EVENT = "event", "Event"
        LOSS = "loss", "Loss"
        PLEDGE = "pledge", "Pledge"

    kind = models.CharField(max_length=6, choices=Kind.choices)
    record_id = models.BigIntegerField()
    action = models.CharField(max_length=8, choices=Action.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # A record's history on the review form.
            models.Index(fields=["kind", "record_id", "-at"], name="revision_record"),
        ]

    def __str__(self):
        return f"{self.kind} {self.record_id} {self.action} at {self.at:%Y-%m-%d %H:%M}"


class Place(models.Model):
    class Kind(models.TextChoices):
        OBLAST = "oblast", "Oblast"
        REGION = "region", "Region"
        CITY = "city", "City"
        TOWN = "town", "Town"
        VILLAGE = "village", "Village"
        OTHER = "other", "Other"

    name = models.CharField(max_length=120, unique=True)
    alt_names = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    country = models.CharField(max_length=2)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Equipment(models.Model):
    name = models.CharField(max_length=120, unique=True)
    aliases = ArrayField(models.CharField(max_length=120), default=list, blank=True)
    category = models.CharField(max_length=20, choices=vocabulary.PLEDGE_CATEGORY_LABELS)
    origin = models.CharField(max_length=8, blank=True, help_text="Country of origin (ISO code)")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "equipment"

    def __str__(self):
        return self.name


class Incident(models.Model):
    """One happening in the world; each Event is one report of it (articles.incidents groups them).

    `type` and `date` are read from its reports when they are grouped (the earliest day a
    report gives; empty when none gives a day), so a timeline of incidents filters and
    orders without reading every report.
    """

    type = models.CharField(max_length=20, choices=vocabulary.EVENT_TYPE_LABELS)
    date = models.DateField(null=True, blank=True)
    # Its date, else the earliest report date of its reports (ExtractedRecord.placed_on).
    placed_on = models.DateField(null=True, blank=True, editable=False, db_default=None)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            # A timeline of incidents by day.
            models.Index(fields=["date", "id"], name="incident_date_id"),
            # The timeline by incident, its order and keyset pages in each direction
            # (IncidentQuerySet.in_order/after), as event_timeline_newest/oldest are for reports.
            # On placed_on, as the reports: an incident no report gives a day for stands at its
            # earliest report date, after the incidents of that day (Reported).
            models.Index(
                TimelineDay(newest_first=True, field="placed_on").desc(),
                Reported().asc(),
                F("id").desc(),
                name="incident_timeline_newest",
            ),
            models.Index(
                TimelineDay(newest_first=False, field="placed_on"), Reported(), F("id"), name="incident_timeline_oldest"
            ),
        ]

    def __str__(self):
        return f"Incident {self.pk}: {self.date or 'undated'} {self.type}"

    @staticmethod
    def place_from_reports(incidents: models.QuerySet[Incident]) -> int:
        """Place these incidents again from their reports: one UPDATE."""
        earliest = Event.objects.filter(incident=OuterRef("pk")).order_by().values("incident")
        first = Subquery(earliest.annotate(first=Min("placed_on")).values("first"))
        return incidents.update(placed_on=Coalesce("date", first))


class IncidentDecision(models.Model):
    """An editor's correction of the grouping, applied again by every regrouping, in the order made.

    MERGE puts the report's incident and the other report's incident together; APART takes
    the report out of its incident into one of its own. A report is named by its article,
    its sentence's offsets and its type, which a machine record keeps when re-extraction
    replaces it with a new row, and by its id, which an edited record keeps whatever an
    editor changes: a decision finds its report by the id first, then by the key.
    """

    class Action(models.TextChoices):
        MERGE = "merge", "Merge"
        APART = "apart", "Keep apart"

    action = models.CharField(max_length=5, choices=Action.choices)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    span_start = models.PositiveIntegerField()
    span_end = models.PositiveIntegerField()
    type = models.CharField(max_length=20, choices=vocabulary.EVENT_TYPE_LABELS)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    # The report whose incident a MERGE joins; empty for APART.
    other_article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    other_span_start = models.PositiveIntegerField(null=True, blank=True)
    other_span_end = models.PositiveIntegerField(null=True, blank=True)
    other_type = models.CharField(max_length=20, choices=vocabulary.EVENT_TYPE_LABELS, blank=True)
    other_event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    made_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action="apart", other_article__isnull=True)
                | models.Q(action="merge", other_article__isnull=False),
                name="incident_decision_merge_has_other",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} report {self.article_id}:{self.span_start}-{self.span_end}"
