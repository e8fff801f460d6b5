import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warboard.settings")
application = get_asgi_application()

from warboard.checks import refuse_development_key  # noqa: E402 - needs the settings loaded

refuse_development_key()
