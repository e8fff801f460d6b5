"""Warboard's one settings module, driven by environment variables.

Development needs none of them: `make run` and `make test` work on a fresh machine
with an embedded PostgreSQL. A deployment sets DATABASE_URL, SECRET_KEY,
ALLOWED_HOSTS and WARBOARD_HTTPS (see docker-compose.yml).
"""

import datetime
import os
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


DEBUG = env_bool("DEBUG", False)

# Without SECRET_KEY a development key stands in, so that commands that sign nothing
# (`extract`, the scorer's entry point) run anywhere; with DEBUG off the web app refuses
# to start on it and every system check reports it (warboard/checks.py).
DEVELOPMENT_SECRET_KEY = "django-insecure-development-key-warboard-not-for-production"
SECRET_KEY = os.environ.get("SECRET_KEY", "") or DEVELOPMENT_SECRET_KEY

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "articles",  # before django_tasks_db: its db_worker command loads the pipeline first
    "django_tasks_db",
    "axes",
    "warboard",
    "dashboard",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "warboard.timeouts.StatementTimeoutMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a lockout found while logging in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "warboard.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "warboard.wsgi.application"

# DATABASE_URL when set (docker-compose, production, a server on this machine);
# otherwise an embedded PostgreSQL whose data lives in .pgdata/ (git ignores it).
DATABASES: dict[str, dict[str, Any]]
if os.environ.get("DATABASE_URL"):
    import dj_database_url

    DATABASES = {"default": dict(dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60))}
else:
    DATABASES = {
        "default": {
            "ENGINE": "warboard.dbembedded",
            "NAME": "warboard",
            "USER": "postgres",
            "PGDATA": Path(os.environ.get("WARBOARD_PGDATA", BASE_DIR / ".pgdata")),
            "MAIN_DATABASE": "warboard",
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# No statement of a web request runs longer than this (warboard/timeouts.py); the
# worker and the management commands are not bounded.
WEB_STATEMENT_TIMEOUT_MS = int(os.environ.get("WARBOARD_WEB_STATEMENT_TIMEOUT_MS", "10000"))

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): WARBOARD_LOGIN_FAILURE_LIMIT wrong passwords lock the account,
# and as many from one address lock the address, each for WARBOARD_LOCKOUT_MINUTES (every
# further try restarts the wait); `manage.py axes_reset` lifts the lockouts at once.
AXES_FAILURE_LIMIT = env_int("WARBOARD_LOGIN_FAILURE_LIMIT", 5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("WARBOARD_LOCKOUT_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_CLIENT_IP_CALLABLE = "warboard.client_ip.client_ip"
# The proxies in front of the app that append to X-Forwarded-For: one TLS proxy when
# WARBOARD_HTTPS is on (docker-compose.yml), none in development.
WARBOARD_TRUSTED_PROXIES = env_int("WARBOARD_TRUSTED_PROXIES", 1 if env_bool("WARBOARD_HTTPS", False) else 0)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "timeline"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True
DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y-m-d H:i"
SHORT_DATE_FORMAT = "Y-m-d"

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Files browsers ask for at the site's root (/favicon.ico, also from the admin's pages),
# served by whitenoise before the login requirement applies.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
if not STATIC_ROOT.is_dir():
    # collectstatic fills STATIC_ROOT for a deployment (the Dockerfile runs it). Until it has
    # (development, the test suite) whitenoise finds files in static/ as they are asked for,
    # instead of warning "No directory at: staticfiles/" and serving nothing.
    WHITENOISE_AUTOREFRESH = True
    WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("WARBOARD_MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Uploads: the form refuses files over WARBOARD_MAX_UPLOAD_BYTES with a clear message;
# Django's own limits sit above it so that the form, not a 400 page, answers.
WARBOARD_MAX_UPLOAD_BYTES = env_int("WARBOARD_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = WARBOARD_MAX_UPLOAD_BYTES * 2 + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 200

# The spaCy model extraction loads: a package name or a path. Ingestion, the worker and
# `manage.py extract` pass it to the extraction package, which knows nothing of Django; None
# (the variable unset) leaves the choice to it, and its one default is pipeline.DEFAULT_MODEL.
WARBOARD_SPACY_MODEL = os.environ.get("WARBOARD_SPACY_MODEL") or None

# Seconds a worker gives the cleaning and extraction of one article before it stops them
# (0: no limit). The longest article accepted takes about 12 s; a pathological one, minutes.
# What runs in the worker after a batch of articles is written (done or failed), each called with
# the batch's article ids: the dashboard refreshes its chart snapshots. A dotted path keeps the
# articles app from importing the dashboard (and, as the house style asks, no signals).
WARBOARD_AFTER_PROCESSING = ["dashboard.snapshots.after_processing"]

WARBOARD_PROCESSING_TIMEOUT = env_int("WARBOARD_PROCESSING_TIMEOUT", 60)
if WARBOARD_PROCESSING_TIMEOUT < 0:
    raise ImproperlyConfigured("WARBOARD_PROCESSING_TIMEOUT must be 0 (no limit) or a number of seconds.")

# Scripts come from static/ only: no inline JavaScript anywhere.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# A deployment behind TLS (docker-compose.yml) turns this on; `check --deploy` then passes.
if env_bool("WARBOARD_HTTPS", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "articles": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO"), "propagate": False},
    },
}
