"""Django admin: every model has its pages; what extraction and review write is read-only here.

An editor changes a record through review (dashboard/review.py), which sets its review
state and keeps a Revision with the values before and after; re-extraction keeps
reviewed records and replaces the rest. A change made here would have neither, and the
next re-extraction would silently undo it, so the records and their history can be read
in the admin but not added, changed or deleted. Articles come in through the upload form
or `manage.py ingest`, which store the raw bytes and queue extraction: the admin cannot
add one, nor change the text or status that extraction owns.
"""

from django.contrib import admin

from .models import AidPledge, Article, Equipment, Event, Incident, IncidentDecision, LossReport, Place, Revision


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# The article's fields the admin shows, in order.
ARTICLE_FIELDS = (
    "title",
    "outlet",
    "url",
    "published",
    "published_source",
    "filename",
    "content_type",
    "sha256",
    "status",
    "failure_reason",
    "extractor_version",
    "uploaded_by",
    "uploaded_at",
    "processed_at",
    "text",
)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "outlet", "published", "status", "uploaded_at"]
    list_filter = ["status", "published_source", "outlet"]
    search_fields = ["title", "outlet", "url", "sha256"]
    # Only how the article is labelled may change here: extraction worked out its records'
    # dates from `published` and their sentences' spans from `text`.
    fields = ARTICLE_FIELDS
    readonly_fields = [name for name in ARTICLE_FIELDS if name not in {"title", "outlet", "url"}]
    date_hierarchy = "uploaded_at"

    def has_add_permission(self, request):
        return False


class RecordAdmin(ReadOnlyAdmin):
    list_filter = ["review_state"]
    raw_id_fields = ["article"]


@admin.register(Event)
class EventAdmin(RecordAdmin):
    list_display = ["id", "date", "precision", "type", "summary", "review_state"]
    list_filter = ["type", "precision", "review_state"]
    search_fields = ["summary"]


@admin.register(LossReport)
class LossReportAdmin(RecordAdmin):
    list_display = ["id", "date", "side", "category", "min", "max", "period", "reported_by", "review_state"]
    list_filter = ["side", "category", "period", "review_state"]
    raw_id_fields = ["article", "event"]


@admin.register(AidPledge)
class AidPledgeAdmin(RecordAdmin):
    list_display = ["id", "date", "donor", "recipient", "item", "category", "quantity", "amount", "status"]
    list_filter = ["donor", "category", "status", "review_state"]
    raw_id_fields = ["article", "event", "equipment"]


@admin.register(Revision)
class RevisionAdmin(ReadOnlyAdmin):
    list_display = ["id", "kind", "record_id", "action", "user", "at"]
    list_filter = ["kind", "action"]


# Incidents and the editors' decisions come from grouping and the incident page (articles.incidents).
@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    list_display = ["id", "type", "date"]
    list_filter = ["type"]


@admin.register(IncidentDecision)
class IncidentDecisionAdmin(ReadOnlyAdmin):
    list_display = ["id", "action", "article", "span_start", "type", "made_by", "made_at"]
    list_filter = ["action"]
    raw_id_fields = ["article", "event", "other_article", "other_event"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "kind", "latitude", "longitude"]
    list_filter = ["country", "kind"]
    search_fields = ["name", "alt_names"]


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "origin"]
    list_filter = ["category", "origin"]
    search_fields = ["name", "aliases"]
