from django.contrib import admin

from .models import AidPledge, Article, Equipment, Event, LossReport, Place, Revision


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "outlet", "published", "status", "uploaded_at"]
    list_filter = ["status", "published_source", "outlet"]
    search_fields = ["title", "outlet", "url", "sha256"]
    readonly_fields = ["sha256", "uploaded_at", "processed_at", "extractor_version"]
    exclude = ["raw"]
    date_hierarchy = "uploaded_at"


class RecordAdmin(admin.ModelAdmin):
    list_filter = ["review_state"]
    raw_id_fields = ["article"]
    readonly_fields = ["reviewed_at"]


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
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "record_id", "action", "user", "at"]
    list_filter = ["kind", "action"]


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
