from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "dashboard"
    verbose_name = "Warboard dashboard"

    def ready(self) -> None:
        # The worker says when it has written articles; the dashboard refreshes its
        # snapshots (articles never import the dashboard).
        from articles.signals import articles_processed
        from dashboard import snapshots

        articles_processed.connect(snapshots.on_articles_processed, dispatch_uid="dashboard.snapshots.refresh")
