from django.apps import AppConfig


class WarboardConfig(AppConfig):
    name = "warboard"
    verbose_name = "Warboard project"

    def ready(self) -> None:
        from warboard import checks  # noqa: F401 - registers the system checks
