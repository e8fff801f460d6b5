"""CSV exports of events, losses and pledges: the timeline's rows, streamed.

The rows come from the same QuerySet methods as the timeline (`matching()` and
`in_order()`), read with iterator(chunk_size=...) and written as they come, so
memory does not grow with the number of rows. Every row carries its provenance:
the article, its outlet, URL and publication date, and the sentence.
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.db.models import F, Q
from django.http import StreamingHttpResponse

from articles.models import AidPledge, Event, LossReport
from articles.querysets import RecordFilters

CHUNK_SIZE = 500

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

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


def neutralise(value) -> str:
    """The cell as text, with a leading ' when a spreadsheet would read it as a formula."""
    if value is None:
        return ""
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(item) for item in value)
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _provenance(record, sentence: str) -> list:
    article = record.article
    return [
        article.pk,
        article.title,
        article.outlet,
        article.url,
        article.published,
        sentence,
        record.span_start,
        record.span_end,
        record.review_state,
        record.reviewed_by.get_username() if record.reviewed_by else "",
        record.reviewed_at,
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


def event_rows(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> Iterator[list]:
    events = Event.objects.matching(filters).filter(only or Q()).in_order(newest_first).for_export()
    for event in events.iterator(chunk_size=CHUNK_SIZE):
        yield [
            event.pk,
            event.date,
            event.precision,
            event.type,
            event.summary,
            event.places,
            event.countries,
            *_provenance(event, event.sentence_text),
        ]


def _in_timeline_order(records, newest_first: bool):
    """Records in the order their events stand on the timeline."""
    if newest_first:
        return records.order_by(F("event__date").desc(nulls_last=True), "-event_id", "id")
    return records.order_by(F("event__date").asc(nulls_last=True), "event_id", "id")


def loss_rows(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> Iterator[list]:
    losses = _in_timeline_order(LossReport.objects.matching(filters).filter(only or Q()).for_export(), newest_first)
    for loss in losses.iterator(chunk_size=CHUNK_SIZE):
        yield [
            loss.pk,
            loss.event_id,
            loss.side,
            loss.category,
            loss.min,
            loss.max,
            loss.period,
            loss.date,
            loss.place,
            loss.reported_by,
            *_provenance(loss, loss.sentence_text),
        ]


def pledge_rows(filters: RecordFilters, newest_first: bool = True, only: Q | None = None) -> Iterator[list]:
    pledges = _in_timeline_order(AidPledge.objects.matching(filters).filter(only or Q()).for_export(), newest_first)
    for pledge in pledges.iterator(chunk_size=CHUNK_SIZE):
        yield [
            pledge.pk,
            pledge.event_id,
            pledge.donor,
            pledge.recipient,
            pledge.item,
            pledge.category,
            pledge.quantity,
            pledge.amount,
            pledge.currency,
            pledge.status,
            pledge.date,
            *_provenance(pledge, pledge.sentence_text),
        ]


class _Line:
    """A file-like object whose write() hands back the line csv.writer produced."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([neutralise(value) for value in row])


def csv_response(filename: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(header, rows)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


EXPORTS = {
    "events": (EVENT_HEADER, event_rows),
    "losses": (LOSS_HEADER, loss_rows),
    "pledges": (PLEDGE_HEADER, pledge_rows),
}
