"""The project's settings for the test suite, with a secret key of its own.

pytest-django runs every test with DEBUG off, and warboard/settings.py refuses to start
with DEBUG off and no SECRET_KEY. The key goes into the environment, so the manage.py
processes some tests start inherit it as well.
"""

import os

os.environ.setdefault("SECRET_KEY", "django-insecure-test-suite-key-never-used-in-production")

from warboard.settings import *  # noqa: E402, F403
