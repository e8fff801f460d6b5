"""Refusals that guard a production start: the web app never signs with the development key."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "SECRET_KEY must be set when DEBUG is off: export SECRET_KEY to a long random string "
    "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), or set DEBUG=1 for development."
)


def development_key_in_production() -> bool:
    return not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY


def refuse_development_key() -> None:
    """Called by wsgi.py and asgi.py: sessions signed with a key in the repository can be forged."""
    if development_key_in_production():
        raise ImproperlyConfigured(MISSING_SECRET_KEY)


@checks.register(checks.Tags.security)
def secret_key_check(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The same refusal for runserver, migrate, db_worker and every command that runs the checks."""
    if development_key_in_production():
        return [checks.Error(MISSING_SECRET_KEY, id="warboard.E001")]
    return []
