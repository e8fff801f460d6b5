"""CSV exports of events, losses and pledges: the timeline's rows, streamed.

The rows come from the same QuerySet methods as the timeline (`matching()` and
`in_order()`) and in the timeline's order, which an index gives, so the first row
leaves at once. PostgreSQL writes each line (warboard_csv_cell, migration
articles/0002: whitespace run together, formula cells neutralised, quoting), and a
server-side cursor without HOLD, inside a transaction, hands them over CHUNK_SIZE at
a time: memory does not grow with the number of rows. Every row carries its
provenance: the article, its outlet, URL and publication date, and the sentence
(stored on each record).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.db import connection, transaction
from django.db.models import CharField, Func, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse

from articles.models import AidPledge, Event, LossReport
from articles.querysets import RecordFilters, TimelineDay

CHUNK_SIZE = 2000
# An export is one long read: its statements may run longer than a page's (settings).
EXPORT_STATEMENT_TIMEOUT = "60s"
# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (?excel=1).
BYTE_ORDER_MARK = "\ufeff"


class Cell(Func):
    """A text cell: whitespace run together, a leading ' before a formula, quoted when needed."""

    function = "warboard_csv_cell"
    output_field = CharField()


class Number(Func):
    """A number or nothing, as text."""

    template = "COALESCE((%(expressions)s)::text, '')"
    output_field = CharField()


class Day(Func):
    """An ISO date, or nothing."""

    template = "COALESCE(to_char(%(expressions)s, 'YYYY-MM-DD'), '')"
    output_field = CharField()


class Moment(Func):
    """An ISO date and time in UTC as Python writes it (microseconds only when there are some)."""

    template = (
        "COALESCE(regexp_replace(to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'),"
        " '\\.000000$', '') || '+00:00', '')"
    )
    output_field = CharField()


class Joined(Func):
    """A list cell: "UA; RU"."""

    template = "warboard_csv_cell(array_to_string(%(expressions)s, '; '))"
    output_field = CharField()


class Line(Func):
    """The cells of one row joined by commas (every cell is text, never NULL)."""

    template = "concat_ws(',', %(expressions)s)"
    output_field = CharField()


PROVENANCE_HEADER = [
    "article_id",
    "article_title",
    "outlet",
    "article_url",
    "published",
    "sentence",
    "span_start",
    "span_end",
    "review_state",
    "reviewed_by",
    "reviewed_at",
]


EVENT_HEADER = ["event_id", "date", "precision", "type", "summary", "places", "countries", *PROVENANCE_HEADER]
LOSS_HEADER = [
    "loss_id",
    "event_id",
    "side",
    "category",
    "min",
    "max",
    "period",
    "date",
    "place",
    "reported_by",
    *PROVENANCE_HEADER,
]
PLEDGE_HEADER = [
    "pledge_id",
    "event_id",
    "donor",
    "recipient",
    "item",
    "category",
    "quantity",
    "amount",
    "currency",
    "status",
    "date",
    *PROVENANCE_HEADER,
]


PROVENANCE_CELLS = (
    Number("article_id"),
    Cell("article__title"),
    Cell("article__outlet"),
    Cell("article__url"),
    Day("article__published"),
    Cell("sentence_text"),
    Number("span_start"),
    Number("span_end"),
    Cell("review_state"),
    Cell(Coalesce("reviewed_by__username", Value(""))),
    Moment("reviewed_at"),
)


def _lines(records: QuerySet, cells) -> QuerySet:
    return records.annotate(csv_line=Line(*cells, *PROVENANCE_CELLS)).values_list("csv_line", flat=True)


def event_lines(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> QuerySet:
    events = Event.objects.matching(filters).filter(only or Q()).in_order(newest_first, filters)
    cells = (
        Number("pk"),
        Day("date"),
        Cell("precision"),
        Cell("type"),
        Cell("summary"),
        Joined("places"),
        Joined("countries"),
    )
    return _lines(events, cells)


def _in_timeline_order(records, newest_first: bool):
    """Records in the order their events stand on the timeline (the event's TimelineDay index, then loss_event_id)."""
    day = TimelineDay(newest_first, field="event__date")
    if newest_first:
        return records.order_by(day.desc(), "-event_id", "id")
    return records.order_by(day.asc(), "event_id", "id")


def loss_lines(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> QuerySet:
    losses = _in_timeline_order(LossReport.objects.matching(filters).filter(only or Q()), newest_first)
    cells = (
        Number("pk"),
        Number("event_id"),
        Cell("side"),
        Cell("category"),
        Number("min"),
        Number("max"),
        Cell("period"),
        Day("date"),
        Cell("place"),
        Cell("reported_by"),
    )
    return _lines(losses, cells)


def pledge_lines(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> QuerySet:
    pledges = _in_timeline_order(AidPledge.objects.matching(filters).filter(only or Q()), newest_first)
    cells = (
        Number("pk"),
        Number("event_id"),
        Cell("donor"),
        Cell("recipient"),
        Cell("item"),
        Cell("category"),
        Number("quantity"),
        Number("amount"),
        Cell("currency"),
        Cell("status"),
        Day("date"),
    )
    return _lines(pledges, cells)


def header_line(header: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(header)
    return out.getvalue()


def csv_chunks(header: list[str], lines: QuerySet, excel: bool = False) -> Iterator[bytes]:
    """The file in pieces of CHUNK_SIZE lines, read through a server-side cursor.

    Inside a transaction Django declares the cursor without HOLD: PostgreSQL plans it
    to give its first rows fast and computes no more than each FETCH asks for (WITH
    HOLD, outside a transaction, would compute the whole result before the first row).
    """
    yield ((BYTE_ORDER_MARK if excel else "") + header_line(header)).encode("utf-8")
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = '{EXPORT_STATEMENT_TIMEOUT}'")
        batch = []
        for line in lines.iterator(chunk_size=CHUNK_SIZE):
            batch.append(line)
            if len(batch) == CHUNK_SIZE:
                yield ("\r\n".join(batch) + "\r\n").encode("utf-8")
                batch = []
        if batch:
            yield ("\r\n".join(batch) + "\r\n").encode("utf-8")


def csv_response(filename: str, header: list[str], lines: QuerySet, excel: bool = False) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_chunks(header, lines, excel), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_sql(name: str) -> str:
    """The whole-table export's query as SQL text, for the benchmark's `COPY (...) TO STDOUT`."""
    import psycopg

    _header, lines = EXPORTS[name]
    sql, params = lines(RecordFilters()).query.sql_with_params()
    with psycopg.ClientCursor(connection.connection) as cursor:
        return cursor.mogrify(sql, params)


EXPORTS = {
    "events": (EVENT_HEADER, event_lines),
    "losses": (LOSS_HEADER, loss_lines),
    "pledges": (PLEDGE_HEADER, pledge_lines),
}
