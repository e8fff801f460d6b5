import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warboard.settings")
application = get_wsgi_application()

from warboard.checks import refuse_development_key  # noqa: E402 - needs the settings loaded
from warboard.startup import ready_to_serve  # noqa: E402

refuse_development_key()
ready_to_serve()
