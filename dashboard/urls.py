from django.urls import include, path, register_converter

from dashboard import views


class RecordKindConverter:
    """The three kinds of record an editor reviews."""

    regex = "event|loss|pledge"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(RecordKindConverter, "kind")

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("incidents/", include("dashboard.incidents")),
    path("charts/", views.charts_page, name="charts"),
    path("charts/data.json", views.charts_json, name="charts_json"),
    path("export/events.csv", views.export_events, name="export_events"),
    path("export/losses.csv", views.export_losses, name="export_losses"),
    path("export/pledges.csv", views.export_pledges, name="export_pledges"),
    path("review/event/<int:pk>/figures/", views.event_figures, name="event_figures"),
    path("review/<kind:kind>/<int:pk>/", views.review_record, name="review_record"),
    path("review/<kind:kind>/<int:pk>/history/", views.review_history, name="review_history"),
    path("review/<kind:kind>/<int:pk>/edit/", views.review_edit, name="review_edit"),
    path("review/<kind:kind>/<int:pk>/confirm/", views.review_confirm, name="review_confirm"),
    path("review/<kind:kind>/<int:pk>/reject/", views.review_reject, name="review_reject"),
    path("review/<kind:kind>/<int:pk>/restore/", views.review_restore, name="review_restore"),
]
