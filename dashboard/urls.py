from django.urls import include, path, register_converter

from dashboard import views
from dashboard.kinds import KIND_PATTERN, KINDS


class RecordKindConverter:
    """The kinds of record an editor reviews (dashboard.kinds)."""

    regex = KIND_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(RecordKindConverter, "kind")

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("incidents/", include("dashboard.incidents")),
    path("aid/", include("dashboard.aid")),
    path("charts/", views.charts_page, name="charts"),
    path("charts/data.json", views.charts_json, name="charts_json"),
    path("records/", include("dashboard.records")),
    path("map/", include("dashboard.maps")),
    *(
        path(f"export/{kind.plural}.csv", views.export_records, {"plural": kind.plural}, name=kind.export_url_name)
        for kind in KINDS.values()
    ),
    path("review/event/<int:pk>/figures/", views.event_figures, name="event_figures"),
    path("review/<kind:kind>/<int:pk>/", views.review_record, name="review_record"),
    path("review/<kind:kind>/<int:pk>/history/", views.review_history, name="review_history"),
    path("review/<kind:kind>/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("review/<kind:kind>/<int:pk>/confirm/", views.review_confirm, name="review_confirm"),
    path("review/<kind:kind>/<int:pk>/reject/", views.review_reject, name="review_reject"),
    path("review/<kind:kind>/<int:pk>/restore/", views.review_restore, name="review_restore"),
]
