# Warboard's web app and task worker. Builds from the lock file alone: every
# dependency, the spaCy model included, is pinned by hash in requirements.lock.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 1000 warboard
WORKDIR /app

COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

COPY . .
RUN DATABASE_URL=postgres://build@localhost/build SECRET_KEY=build-only WARBOARD_MANIFEST_STATIC=1 \
    python manage.py collectstatic --no-input

USER warboard
EXPOSE 8000
CMD ["gunicorn", "warboard.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
