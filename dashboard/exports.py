"""CSV exports of events, losses and pledges: the timeline's rows, streamed.

The rows come from the same QuerySet methods as the timeline (`matching()` and
`in_order()`) and in the timeline's order, which an index gives, so the first row
leaves at once. PostgreSQL writes the file itself: the export's query runs under
`COPY (...) TO STDOUT (FORMAT csv)` and its blocks go out as they come, so memory
does not grow with the number of rows and Python adds next to nothing to what COPY
costs. Each text cell goes through warboard_csv_cell (migration articles/0002):
whitespace, line breaks included, run together into one space, and a leading '
before what a spreadsheet would run as a formula. Every row carries its provenance:
the article, its outlet, URL and publication date, and the sentence (stored on each
record).
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

CHUNK_BYTES = 64 * 1024
# An export is one long read: its statements may run longer than a page's (settings).
EXPORT_STATEMENT_TIMEOUT = "60s"
# Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (?excel=1).
BYTE_ORDER_MARK = "\ufeff"


class Cell(Func):
    """A text cell: whitespace run together, a leading ' before a formula; empty is NULL (no "")."""

    template = "NULLIF(warboard_csv_cell(%(expressions)s), '')"
    output_field = CharField()


class Code(Func):
    """A choice or a country code: forms and extraction only store [a-z_] choices and [A-Z0-9] codes.

    Nothing to run together or neutralise, so not worth warboard_csv_cell's tests on each
    of a million rows.
    """

    template = "NULLIF(%(expressions)s, '')"
    output_field = CharField()


class Number(Func):
    """A number as text (NULL: an empty cell)."""

    template = "(%(expressions)s)::text"
    output_field = CharField()


class Day(Func):
    """An ISO date, whatever the connection's DateStyle."""

    template = "to_char(%(expressions)s, 'YYYY-MM-DD')"
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

    template = "NULLIF(warboard_csv_cell(array_to_string(%(expressions)s, '; ')), '')"
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
    # The incident the loss's event reports: an analyst pivots on it to set claims side by side.
    "incident",
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
    Code("review_state"),
    Cell(Coalesce("reviewed_by__username", Value(""))),
    Moment("reviewed_at"),
)


def _lines(records: QuerySet, cells) -> QuerySet:
    """The rows as text cells, in the header's order."""
    cells = [*cells, *PROVENANCE_CELLS]
    names = [f"cell_{position}" for position in range(len(cells))]
    return records.annotate(**dict(zip(names, cells, strict=True))).values_list(*names)


def event_lines(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> QuerySet:
    events = Event.objects.matching(filters).filter(only or Q()).in_order(newest_first, filters)
    cells = (
        Number("pk"),
        Day("date"),
        Code("precision"),
        Code("type"),
        Cell("summary"),
        Joined("places"),
        Joined("countries"),
    )
    return _lines(events, cells)


def _in_timeline_order(records, newest_first: bool):
    """Records in the order their events stand on the timeline (the event's TimelineDay index, then loss_event_id)."""
    day = TimelineDay(newest_first, field="event__placed_on")
    if newest_first:
        return records.order_by(day.desc(), "-event_id", "id")
    return records.order_by(day.asc(), "event_id", "id")


def loss_lines(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> QuerySet:
    losses = _in_timeline_order(LossReport.objects.matching(filters).filter(only or Q()), newest_first)
    cells = (
        Number("pk"),
        Number("event_id"),
        Number("event__incident_id"),
        Code("side"),
        Code("category"),
        Number("min"),
        Number("max"),
        Code("period"),
        Day("date"),
        Cell("place"),
        Code("reported_by"),
    )
    return _lines(losses, cells)


def pledge_lines(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> QuerySet:
    pledges = _in_timeline_order(AidPledge.objects.matching(filters).filter(only or Q()), newest_first)
    cells = (
        Number("pk"),
        Number("event_id"),
        Code("donor"),
        Code("recipient"),
        Cell("item"),
        Code("category"),
        Number("quantity"),
        Number("amount"),
        Cell("currency"),
        Code("status"),
        Day("date"),
    )
    return _lines(pledges, cells)


def header_line(header: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(header)
    return out.getvalue()


def query_sql(lines: QuerySet) -> str:
    """The query as one SQL text, parameters quoted by psycopg: COPY takes no parameters."""
    import psycopg

    sql, params = lines.query.sql_with_params()
    connection.ensure_connection()
    with psycopg.ClientCursor(connection.connection) as cursor:
        return cursor.mogrify(sql, params)


def csv_chunks(header: list[str], lines: QuerySet, excel: bool = False) -> Iterator[bytes]:
    """The file in pieces of about CHUNK_BYTES, as PostgreSQL's COPY writes it.

    COPY sends each row as it is computed; the plan walks the timeline's index, so the
    first rows leave before the last are read (a cursor WITH HOLD, outside a transaction,
    would compute the whole result first).
    """
    yield ((BYTE_ORDER_MARK if excel else "") + header_line(header)).encode("utf-8")
    sql = query_sql(lines)
    with transaction.atomic(), connection.cursor() as cursor:
        # One statement for the whole file: longer than a page may take, still bounded. And
        # no sort: planned for the whole result, a million rows would be sorted before the
        # first is sent; walking the timeline's index sends them as they are read. No JIT
        # either: compiling the plan of a whole-table query delays the first row by a second.
        cursor.execute(
            f"SET LOCAL statement_timeout = '{EXPORT_STATEMENT_TIMEOUT}'; SET LOCAL enable_sort = off;"
            " SET LOCAL jit = off"
        )
        with cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT csv)") as copy:
            pieces, size = [], 0
            for block in copy:
                pieces.append(block)
                size += len(block)
                if size >= CHUNK_BYTES:
                    yield b"".join(pieces)
                    pieces, size = [], 0
            if pieces:
                yield b"".join(pieces)


def csv_response(filename: str, header: list[str], lines: QuerySet, excel: bool = False) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_chunks(header, lines, excel), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_sql(name: str) -> str:
    """The whole-table export's query, for the benchmark's bare `COPY (...) TO STDOUT`."""
    _header, lines = EXPORTS[name]
    return query_sql(lines(RecordFilters()))


EXPORTS = {
    "events": (EVENT_HEADER, event_lines),
    "losses": (LOSS_HEADER, loss_lines),
    "pledges": (PLEDGE_HEADER, pledge_lines),
}
