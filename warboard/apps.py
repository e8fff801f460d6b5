from django.apps import AppConfig


class WarboardConfig(AppConfig):
    name = "warboard"
    verbose_name = "Warboard dashboard"

    def ready(self) -> None:
        from warboard import checks  # noqa: F401 - registers the system checks
