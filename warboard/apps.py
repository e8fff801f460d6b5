from django.apps import AppConfig


class WarboardConfig(AppConfig):
    name = "warboard"
    verbose_name = "Warboard dashboard"
