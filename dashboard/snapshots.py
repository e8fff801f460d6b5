"""Numbers the dashboard computes from every record, kept until the records change.

The charts de-duplicate and count a million records, and the filter form lists the
countries, places and outlets present in them: seconds of work each at scale, the
same answer until something is written. Any statement that writes an article, a
record or a place moves the `warboard_data_version` sequence on (statement-level
triggers, migration articles/0002); a snapshot is stored with the version it was
computed at, in the table `warboard_snapshot`.

- `current(key, compute)` serves a snapshot only at the current version, so a chart
  never shows numbers its records no longer give; otherwise it computes (the same
  QuerySet methods as ever) and stores the result.
- `recent(key, compute, seconds, busy)` also serves an older snapshot for a while
  when busy() says so: while articles are being processed, the filter form's lists
  may miss an outlet added a minute ago (any outlet can still be typed), but the
  ingest must not make every page list them again.
- `refresh()` computes the unfiltered charts and the suggestions ahead of the first
  visitor; the worker calls it when it has finished an article and the queue is empty.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import QueryDict

# A refresh runs once at a time across workers (a transaction-level advisory lock).
REFRESH_LOCK = 0x57425246  # "WBRF"
SUGGESTIONS_KEY = "suggestions"
CHARTS_PREFIX = "charts:"
SUGGESTIONS_STALE_SECONDS = 600


def _read(key: str) -> tuple[str | None, int | None, float | None, int]:
    """The snapshot's JSON text, its version and age in seconds (None when there is none), and the current version."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.body, s.version, extract(epoch FROM now() - s.computed_at),"
            " (SELECT last_value FROM warboard_data_version)"
            " FROM (SELECT 1) AS one LEFT JOIN warboard_snapshot s ON s.key = %s",
            [key],
        )
        return cursor.fetchone()


def _store(key: str, version: int, body) -> str:
    text = json.dumps(body, cls=DjangoJSONEncoder)
    with connection.cursor() as cursor:
        if key.startswith(CHARTS_PREFIX):
            # Every filter combination has its snapshot: those of older versions go.
            cursor.execute(
                "DELETE FROM warboard_snapshot WHERE key LIKE %s AND version < %s", [CHARTS_PREFIX + "%", version]
            )
        cursor.execute(
            "INSERT INTO warboard_snapshot (key, version, body) VALUES (%s, %s, %s)"
            " ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version, body = EXCLUDED.body,"
            " computed_at = now() WHERE warboard_snapshot.version <= EXCLUDED.version",
            [key, version, text],
        )
    return text


def current_json(key: str, compute: Callable[[], object]) -> str:
    """The snapshot at the current data version as JSON text, computed and stored when there is none."""
    text, version, _age, current_version = _read(key)
    if text is not None and version == current_version:
        return text
    # The version read before computing: a write meanwhile leaves this snapshot stale.
    return _store(key, current_version, compute())


def current(key: str, compute: Callable[[], object]) -> object:
    """current_json() read back: JSON types (dates as ISO text), whether computed or stored."""
    return json.loads(current_json(key, compute))


def recent(key: str, compute: Callable[[], object], seconds: float, busy: Callable[[], bool]) -> object:
    """Like current(), but while busy() a snapshot younger than `seconds` is served though records changed."""
    text, version, age, current_version = _read(key)
    if text is not None and (version == current_version or (age is not None and age < seconds and busy())):
        return json.loads(text)
    return json.loads(_store(key, current_version, compute()))


def refresh(force: bool = False) -> bool:
    """Compute the unfiltered charts and the filter suggestions now, unless more articles wait.

    Called by the worker after each article: while others are queued it leaves the
    work to the last one (`force` does it anyway). False when it did nothing.
    """
    from articles.models import Article
    from dashboard import charts, forms

    if not force and Article.objects.filter(status=Article.Status.QUEUED).exists():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [REFRESH_LOCK])
        (locked,) = cursor.fetchone()
    if not locked:
        return False
    try:
        _body, _version, _age, version = _read(SUGGESTIONS_KEY)
        _store(SUGGESTIONS_KEY, version, forms.compute_suggestions())
        form = forms.ChartForm(QueryDict())
        form.is_valid()
        _body, _version, _age, version = _read(charts.snapshot_key([]))
        _store(charts.snapshot_key([]), version, charts.chart_data(form, []))
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [REFRESH_LOCK])
    return True
