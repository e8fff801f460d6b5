"""Numbers the dashboard computes from every record, kept until the records change.

The charts de-duplicate and count a million records, and the filter form lists the
countries, places and outlets present in them: seconds of work each at scale, the
same answer until something the dashboard reads is written. Any statement that
writes a record or a place, adds or deletes an article, or changes an article's
title or outlet moves the `warboard_data_version` sequence on (statement-level
triggers, migrations articles/0002 and 0004_perf); an article's status does not (no
chart reads it). A snapshot is stored with the version it was computed at, in the
table `warboard_snapshot`.

- `charts(key, compute)` serves a snapshot at the current version. While articles
  are being processed it serves the last one (up to BURST_STALE_SECONDS old) with
  the time it was computed and the number of articles in the queue, which the page
  shows ("figures as of 17:02, 40 articles being processed"): every article written
  moves the version, and recomputing per visitor takes seconds at scale. When no
  article is being processed a stale snapshot is never served: it is computed.
- `recent(key, compute, seconds, busy)` also serves an older snapshot for a while
  when busy() says so: while articles are being processed, the filter form's lists
  may miss an outlet added a minute ago (any outlet can still be typed), but the
  ingest must not make every page list them again.
- `refresh()` computes the unfiltered charts, the map of all weeks (/map/ as first
  opened) and the suggestions ahead of the first visitor. The worker calls
  `after_processing` after each batch (the setting WARBOARD_AFTER_PROCESSING names it):
  the snapshots are refreshed at once when the queue is empty, and during a burst when
  the charts' is more than REFRESH_EVERY_SECONDS old.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import QueryDict

from articles.models import Article

# A refresh runs once at a time across workers (a transaction-level advisory lock).
REFRESH_LOCK = 0x57425246  # "WBRF"
SUGGESTIONS_KEY = "suggestions"
CHARTS_PREFIX = "charts:"
SUGGESTIONS_STALE_SECONDS = 600
# While articles are processed, the worker refreshes the unfiltered charts this often
# (at 1M events a refresh takes seconds of the worker's time)...
REFRESH_EVERY_SECONDS = 60
# ...and a visitor is served a chart snapshot up to this old, with its time shown. Older
# (a worker that stopped refreshing), the request computes it as when idle.
BURST_STALE_SECONDS = 600
BEING_PROCESSED = [Article.Status.QUEUED, Article.Status.PROCESSING]


@dataclass(frozen=True)
class Snapshot:
    """A chart snapshot as served: its JSON text, and when it is not current, how old it is."""

    text: str
    as_of: datetime.datetime | None = None  # when computed, if records changed since
    being_processed: int = 0  # articles queued or processing when it was served stale

    def json_with_age(self) -> str:
        """The JSON text, led by "as_of" and "being_processed" when it is not current."""
        if self.as_of is None:
            return self.text
        age = json.dumps({"as_of": self.as_of.isoformat(), "being_processed": self.being_processed})
        rest = self.text[1:].lstrip()
        return age[:-1] + ("" if rest.startswith("}") else ", ") + rest


def _read(key: str) -> tuple[str | None, int | None, datetime.datetime | None, float | None, int]:
    """The snapshot's JSON text, version, time and age in seconds (None when there is none), and the current version."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.body, s.version, s.computed_at, extract(epoch FROM now() - s.computed_at),"
            " (SELECT last_value FROM warboard_data_version)"
            " FROM (SELECT 1) AS one LEFT JOIN warboard_snapshot s ON s.key = %s",
            [key],
        )
        return cursor.fetchone()


def _store(key: str, version: int, body) -> str:
    text = json.dumps(body, cls=DjangoJSONEncoder)
    with connection.cursor() as cursor:
        if key.startswith(CHARTS_PREFIX):
            # Every filter combination has its snapshot: those of older versions go once
            # they are too old to be served during an ingest either.
            cursor.execute(
                "DELETE FROM warboard_snapshot WHERE key LIKE %s AND version < %s"
                " AND computed_at < now() - make_interval(secs => %s)",
                [CHARTS_PREFIX + "%", version, BURST_STALE_SECONDS],
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
    text, version, _computed_at, _age, current_version = _read(key)
    if text is not None and version == current_version:
        return text
    # The version read before computing: a write meanwhile leaves this snapshot stale.
    return _store(key, current_version, compute())


def current(key: str, compute: Callable[[], object]) -> object:
    """current_json() read back: JSON types (dates as ISO text), whether computed or stored."""
    return json.loads(current_json(key, compute))


def charts(key: str, compute: Callable[[], object]) -> Snapshot:
    """The chart snapshot: current, or while articles are being processed the last one with its time."""
    text, version, computed_at, age, current_version = _read(key)
    if text is not None and version == current_version:
        return Snapshot(text)
    if text is not None and age is not None and age < BURST_STALE_SECONDS:
        being_processed = Article.objects.filter(status__in=BEING_PROCESSED).count()
        if being_processed:
            return Snapshot(text, computed_at, being_processed)
    return Snapshot(_store(key, current_version, compute()))


def recent(key: str, compute: Callable[[], object], seconds: float, busy: Callable[[], bool]) -> object:
    """Like current(), but while busy() a snapshot younger than `seconds` is served though records changed."""
    text, version, _computed_at, age, current_version = _read(key)
    if text is not None and (version == current_version or (age is not None and age < seconds and busy())):
        return json.loads(text)
    return json.loads(_store(key, current_version, compute()))


def refresh(force: bool = False) -> bool:
    """Compute the unfiltered charts, the map of all weeks and the filter suggestions now, unless it is not yet time.

    Called by the worker after each batch: at once when no article is queued; while
    others are, only when the charts' snapshot is more than REFRESH_EVERY_SECONDS old
    (`force` does it anyway). False when it did nothing.
    """
    from dashboard import charts, forms, maps

    if not force and Article.objects.filter(status=Article.Status.QUEUED).exists():
        _text, _version, _computed_at, age, _current = _read(charts.snapshot_key([]))
        if age is not None and age < REFRESH_EVERY_SECONDS:
            return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [REFRESH_LOCK])
        (locked,) = cursor.fetchone()
    if not locked:
        return False
    try:
        _body, _version, _computed_at, _age, version = _read(SUGGESTIONS_KEY)
        _store(SUGGESTIONS_KEY, version, forms.compute_suggestions())
        form = forms.ChartForm(QueryDict())
        form.is_valid()
        _body, _version, _computed_at, _age, version = _read(charts.snapshot_key([]))
        _store(charts.snapshot_key([]), version, charts.chart_data(form, []))
        key, compute = maps.all_weeks_snapshot(maps.unfiltered_map_filters())
        _body, _version, _computed_at, _age, version = _read(key)
        _store(key, version, compute())
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [REFRESH_LOCK])
    return True


def after_processing(article_ids: list[int]) -> None:
    """Called by the worker after a batch of articles is written (settings.WARBOARD_AFTER_PROCESSING)."""
    refresh()
