"""The aid tracker at /aid/: each donor's weapon systems and money, from request to delivery.

A row is one donor's system: the pledges of a donor for one item (its name without regard
to case; the category when no item is named), as AidPledgeQuerySet.deduplicated() keys
them, across the four statuses. Money names no item, so a row of funding is one package:
its amount and currency are part of the row, as they are of deduplicated()'s key. Each step
of the path (requested, considering, pledged, delivered) shows its first day, the largest
quantity any report gives and its sources.

Everything is aggregated in PostgreSQL: a page is one query for its rows (with the ids of
each step's first reports), one for those reports, one for the money by donor and month;
the only Python loops run over those aggregates, never over the pledges.

Mounted under /aid/ by dashboard/urls.py.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BigIntegerField, Case, Count, F, Func, Max, Min, Q, QuerySet, StringAgg, Value, When
from django.db.models.functions import Lower, NullIf
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.urls import path, reverse
from django.views.decorators.http import require_GET

from articles.models import AidPledge
from articles.querysets import AidPledgeQuerySet, RecordFilters
from articles.vocabulary import PLEDGE_CATEGORY_LABELS, PLEDGE_STATUS_LABELS
from dashboard import fx
from dashboard.forms import TimelineFilterForm
from dashboard.views import analysts_only, bound_filters, filter_suggestions, render_page

# The path a system takes, in order.
STEPS = ("requested", "considering", "pledged", "delivered")
# The statuses whose money the totals and the chart count.
COUNTED = ("pledged", "delivered")
PAGE_ROWS = 50
# Sources listed under a step; its count says how many there are in all.
SOURCES_SHOWN = 6
# Donors drawn with lines of their own; the others share one pair of lines.
CHART_DONORS = 9
ROW_KEY = ("donor", "category", "item_key", "money_key", "money_currency")

STEP_CHOICES = [
    ("", "Any"),
    *((step, PLEDGE_STATUS_LABELS[step]) for step in STEPS),
    ("undelivered", "Pledged, not delivered yet"),
]


class AidFilterForm(TimelineFilterForm):
    """The timeline's filters, plus how far a system's path must have gone, and the table's page."""

    step = forms.ChoiceField(label="Path reached", required=False, choices=STEP_CHOICES)
    start = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)

    def clean_start(self) -> Start | None:
        value = self.cleaned_data.get("start")
        if not value:
            return None
        try:
            return Start.parse(value)
        except ValueError:
            raise forms.ValidationError("Not a place in the table.") from None


@dataclass(frozen=True)
class Start:
    """Where a page of the table starts: at the donor's rows, after the first `skip` of them ("DE.50").

    Keyset paging on the donor: a page far down the table reads from its donor on (the
    pledge_donor_status_category index), not every row before it as an OFFSET would.
    """

    donor: str
    skip: int

    def __str__(self) -> str:
        return f"{self.donor}.{self.skip}"

    @classmethod
    def parse(cls, value: str) -> Start:
        match = START.match(value)
        if not match:
            raise ValueError(f"not a table position: {value!r}")
        return cls(match["donor"], int(match["skip"]))

    def after(self, rows: list[dict]) -> Start:
        """Where the page after these rows (which began here) starts."""
        last = rows[-1]["donor"]
        shown = sum(1 for row in rows if row["donor"] == last)
        return Start(last, self.skip + shown if last == self.donor else shown)


START = re.compile(r"^(?P<donor>[A-Z0-9]{1,8})\.(?P<skip>\d{1,7})$")


def pledges_for(filters: RecordFilters) -> AidPledgeQuerySet:
    """The pledges under the filters; a country filter keeps the pledges it gives or receives.

    matching() selects events, and an event may tell several donors' pledges: the tracker's
    rows are the country's own, not its neighbours' in the same sentence.
    """
    pledges = AidPledge.objects.matching(filters)
    if filters.countries:
        pledges = pledges.filter(Q(donor__in=filters.countries) | Q(recipient__in=filters.countries))
    return pledges


def _keyed(pledges: QuerySet) -> QuerySet:
    return pledges.annotate(
        item_key=Case(When(item="", then=F("category")), default=Lower("item")),
        money_key=Case(When(category="funding", then=F("amount")), default=None),
        money_currency=Case(When(category="funding", then=F("currency")), default=Value("")),
    )


def tracker_rows(pledges: QuerySet, step: str = "") -> QuerySet:
    """One row per donor and system with each step's first day, stated day, quantity and reports."""
    aggregates: dict = {}
    for status in STEPS:
        only = Q(status=status)
        aggregates[f"{status}_day"] = Min("placed_on", filter=only)
        aggregates[f"{status}_stated"] = Min("date", filter=only)
        aggregates[f"{status}_quantity"] = Max("quantity", filter=only)
        aggregates[f"{status}_reports"] = Count("id", filter=only)
    rows = (
        _keyed(pledges)
        .values(*ROW_KEY)
        .annotate(
            item_name=Min("item"),  # "Leopard 2" before "leopard 2"
            amount=Max("amount"),
            currency_low=Min(NullIf("currency", Value(""))),
            currency_high=Max(NullIf("currency", Value(""))),
            **aggregates,
        )
        .order_by("donor", "category", "item_key", "money_key")
    )
    if step == "undelivered":
        return rows.filter(pledged_reports__gt=0, delivered_reports=0)
    if step:
        return rows.filter(**{f"{step}_reports__gt": 0})
    return rows


def with_outlets(rows: QuerySet) -> QuerySet:
    """The rows with each step's outlets, for the CSV (the page lists them with links instead)."""
    outlets = {
        f"{status}_outlets": StringAgg(
            NullIf("article__outlet", Value("")),
            Value("; "),
            distinct=True,
            filter=Q(status=status),
            order_by=NullIf("article__outlet", Value("")),
        )
        for status in STEPS
    }
    return rows.annotate(**outlets)


def _row_key(row: dict) -> tuple:
    return tuple(row[name] for name in ROW_KEY)


class FirstOf(Func):
    """The first `count` elements of an array: the first reports of a step, from array_agg()."""

    template = "(%(expressions)s)[1:%(count)s]"

    def __init__(self, array: Func, count: int) -> None:
        super().__init__(array, count=count, output_field=ArrayField(BigIntegerField()))


def with_first_reports(rows: QuerySet) -> QuerySet:
    """The rows with the ids of each step's first SOURCES_SHOWN reports, earliest first.

    Collected by the same pass that groups the rows, so that the sources of a page cost one
    lookup by primary key rather than a second pass over the rows' pledges.
    """
    first = {
        f"{status}_first": FirstOf(
            ArrayAgg("id", filter=Q(status=status), order_by=(F("placed_on").asc(nulls_last=True), "id")),
            SOURCES_SHOWN,
        )
        for status in STEPS
    }
    return rows.annotate(**first)


def step_sources(rows: list[dict]) -> dict[tuple, list[dict]]:
    """The sources of each step of these rows (with_first_reports()), in one query by primary key."""
    wanted = {pk for row in rows for status in STEPS for pk in row[f"{status}_first"] or ()}
    if not wanted:
        return {}
    reports = AidPledge.objects.filter(pk__in=wanted).values("pk", "article__outlet", "article__title")
    by_pk = {
        report["pk"]: {
            "link": reverse("review_record", kwargs={"kind": "pledge", "pk": report["pk"]}),
            "outlet": report["article__outlet"] or report["article__title"] or f"pledge {report['pk']}",
        }
        for report in reports
    }
    return {
        (*_row_key(row), status): [by_pk[pk] for pk in row[f"{status}_first"] or () if pk in by_pk]
        for row in rows
        for status in STEPS
    }


@dataclass
class Step:
    status: str
    day: datetime.date | None
    reported: bool
    quantity: int | None
    reports: int
    sources: list[dict] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.reports - len(self.sources)


@dataclass
class TrackerRow:
    donor: str
    category: str
    system: str
    steps: list[Step]
    amount: Decimal | None
    currency: str
    conversion: fx.Conversion | None

    @property
    def category_label(self) -> str:
        return PLEDGE_CATEGORY_LABELS.get(self.category, self.category)


def _steps(row: dict) -> list[Step]:
    steps = []
    for status in STEPS:
        day, stated = row[f"{status}_day"], row[f"{status}_stated"]
        steps.append(
            Step(
                status=status,
                day=day,
                reported=day is not None and (stated is None or stated > day),
                quantity=row[f"{status}_quantity"],
                reports=row[f"{status}_reports"],
            )
        )
    return steps


def announced(row: dict) -> datetime.date | None:
    """The day whose month's rate converts the row's amount: its first report pledged or delivered
    (as money_by_month() converts it), else its first report of any step."""
    counted = [row[f"{status}_day"] for status in COUNTED if row[f"{status}_day"]]
    days = counted or [row[f"{status}_day"] for status in STEPS if row[f"{status}_day"]]
    return min(days) if days else None


def _money(row: dict) -> tuple[Decimal | None, str, fx.Conversion | None]:
    """The row's amount, its currency and the amount in euros; none for reports in several currencies."""
    if row["amount"] is None:
        return None, "", None
    if row["currency_low"] != row["currency_high"]:
        note = f"amounts in {row['currency_low']} and {row['currency_high']}: see the pledge records"
        return None, "", fx.Conversion(None, note=note)
    currency = row["currency_high"] or ""
    return row["amount"], currency, fx.to_eur(row["amount"], currency, announced(row))


def _system(row: dict) -> str:
    if row["category"] == "funding":
        return "Funding" if row["money_key"] is None else f"Funding: {row['money_currency']} {row['money_key']:,.0f}"
    return row["item_name"] or PLEDGE_CATEGORY_LABELS.get(row["category"], row["category"])


def tracker_row(row: dict, sources: dict[tuple, list[dict]] | None = None) -> TrackerRow:
    steps = _steps(row)
    for step in steps:
        step.sources = (sources or {}).get((*_row_key(row), step.status), [])
    amount, currency, conversion = _money(row)
    return TrackerRow(row["donor"], row["category"], _system(row), steps, amount, currency, conversion)


# Totals and the chart -------------------------------------------------------


def money_by_month(pledges: AidPledgeQuerySet) -> list[tuple[str, str, str, datetime.date, datetime.date, Decimal]]:
    """(donor, status, currency, month, rate month, amount) of the pledged and delivered money.

    Each real-world pledge counts once, with its largest amount (deduplicated()), in the
    month of its first report in that status (when it was pledged, when delivered), and is
    converted at the rate of the month it was announced: the first report of the package
    in either status, so that a package delivered in full is worth in euros what it was
    pledged at. Summed in PostgreSQL: a row per donor, status, currency and months, whatever
    the number of pledges.
    """
    packages = (
        pledges.filter(status__in=COUNTED, amount__isnull=False)
        .deduplicated()
        .annotate(first_day=Min("placed_on"))
        .order_by()
    )
    sql, params = packages.query.sql_with_params()
    announced = "MIN(first_day) OVER (PARTITION BY donor, item_key, category, currency, money_key)"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT donor, status, currency, month, announced, SUM(amount_max) FROM ("
            " SELECT donor, status, currency, amount_max, date_trunc('month', first_day)::date AS month,"
            f" date_trunc('month', {announced})::date AS announced FROM ({sql}) AS packages"
            ") AS months GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5",
            params,
        )
        return cursor.fetchall()


@dataclass
class DonorTotal:
    donor: str
    eur: dict[str, Decimal] = field(default_factory=lambda: {status: Decimal(0) for status in COUNTED})
    original: dict[tuple[str, str], Decimal] = field(default_factory=dict)
    unconverted: list[str] = field(default_factory=list)
    by_month: dict[tuple[str, str], Decimal] = field(default_factory=lambda: defaultdict(Decimal))

    @property
    def pledged(self) -> Decimal:
        return self.eur["pledged"]

    @property
    def delivered(self) -> Decimal:
        return self.eur["delivered"]

    @property
    def originals(self) -> dict[str, list[str]]:
        """The amounts as reported, by status: "USD 800,000,000"."""
        shown: dict[str, list[str]] = {status: [] for status in COUNTED}
        for (status, currency), amount in sorted(self.original.items()):
            shown[status].append(f"{currency} {amount:,.0f}")
        return shown


def donor_totals(money: Iterable[tuple]) -> list[DonorTotal]:
    """Each donor's pledged and delivered money in euros, the amounts as reported beside them,
    and what could not be converted with the reason; most pledged first."""
    totals: dict[str, DonorTotal] = {}
    for donor, status, currency, month, announced, amount in money:
        total = totals.setdefault(donor, DonorTotal(donor))
        total.original[(status, currency)] = total.original.get((status, currency), Decimal(0)) + amount
        conversion = fx.to_eur(amount, currency, announced)
        if conversion.eur is None:
            total.unconverted.append(f"{currency} {amount:,.0f} {status} ({conversion.note})")
            continue
        total.eur[status] += conversion.eur
        if month is not None:
            total.by_month[(status, fx.month_of(month))] += conversion.eur
    return sorted(totals.values(), key=lambda total: (-total.pledged, -total.delivered, total.donor))


def every_month(first: str, last: str) -> list[str]:
    """The months from `first` to `last` ("YYYY-MM"), each one, so that a gap on the axis is a gap."""
    year, month = int(first[:4]), int(first[5:])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _cumulative(by_month: dict[str, Decimal], months: list[str]) -> list[float]:
    running, line = Decimal(0), []
    for month in months:
        running += by_month.get(month, Decimal(0))
        line.append(float(running))
    return line


def chart_lines(totals: list[DonorTotal]) -> dict:
    """Cumulative euros pledged and delivered per donor, by month: the CHART_DONORS that pledged
    most have lines of their own, the others share "Other donors"."""
    months_seen = sorted({month for total in totals for _status, month in total.by_month})
    if not months_seen:
        return {"months": [], "donors": []}
    months = every_month(months_seen[0], months_seen[-1])
    drawn, rest = totals[:CHART_DONORS], totals[CHART_DONORS:]
    groups: list[tuple[str, list[DonorTotal]]] = [(total.donor, [total]) for total in drawn]
    if rest:
        groups.append((f"Other donors ({len(rest)})", rest))
    donors = []
    for name, members in groups:
        lines = {}
        for status in COUNTED:
            by_month: dict[str, Decimal] = defaultdict(Decimal)
            for member in members:
                for (member_status, month), eur in member.by_month.items():
                    if member_status == status:
                        by_month[month] += eur
            lines[status] = _cumulative(by_month, months)
        donors.append({"donor": name, **lines})
    return {"months": months, "donors": donors}


def chart_table(chart: dict) -> list[dict]:
    """The chart's numbers by month, a cell per donor and status, for the table beside it."""
    return [
        {
            "month": month,
            "cells": [line[status][index] for line in chart["donors"] for status in COUNTED],
        }
        for index, month in enumerate(chart["months"])
    ]


# Views ----------------------------------------------------------------------


@require_GET
@analysts_only
def aid_page(request: HttpRequest) -> HttpResponse:
    form, bad_request = bound_filters(AidFilterForm, request)
    if bad_request:
        return bad_request
    filters = form.filters()
    pledges = pledges_for(filters)
    rows_query = with_first_reports(tracker_rows(pledges, form.cleaned_data.get("step") or ""))
    start = form.cleaned_data.get("start")
    if start:
        rows_query = rows_query.filter(donor__gte=start.donor)
    skip = start.skip if start else 0
    # One row more than the page tells whether there is a next page; counting every row
    # would group every pledge a second time.
    rows = list(rows_query[skip : skip + PAGE_ROWS + 1])
    has_next = len(rows) > PAGE_ROWS
    rows = rows[:PAGE_ROWS]
    if not rows and start:
        raise Http404(f"The table has no rows from {start.donor}'s row {start.skip + 1} on.")
    sources = step_sources(rows)
    totals = donor_totals(money_by_month(pledges))
    chart = chart_lines(totals)
    rates = fx.monthly_rates()
    context = {
        "nav": "aid",
        "form": form,
        "filtered": form.is_filtered(),
        "rows": [tracker_row(row, sources) for row in rows],
        "continued": start is not None,
        "next_start": str((start or Start("", 0)).after(rows)) if has_next else None,
        "totals": totals,
        "chart": chart,
        "chart_table": chart_table(chart),
        "rates_until": rates.last_day,
        "steps": [PLEDGE_STATUS_LABELS[status] for status in STEPS],
        "any_pledges": bool(rows) or AidPledge.objects.exists(),
        **filter_suggestions(form),
    }
    return render_page(request, "dashboard/aid.html", context, partials=("aid-body",))


CSV_HEADER = [
    "donor",
    "category",
    "system",
    "amount",
    "currency",
    "amount_eur",
    "eur_rate_month",
    "eur_rate",
    "eur_note",
    *(f"{status}_{column}" for status in STEPS for column in ("day", "day_from", "quantity", "reports", "outlets")),
]


class _Line:
    """A file-like object whose write() returns what it was given, for csv.writer in a stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield writer.writerow(CSV_HEADER)
    for row in rows:
        tracked = tracker_row(row)
        conversion = tracked.conversion or fx.Conversion(None)
        cells: list = [
            tracked.donor,
            tracked.category,
            tracked.system,
            tracked.amount if tracked.amount is not None else "",
            tracked.currency,
            conversion.eur if conversion.eur is not None else "",
            conversion.month,
            conversion.rate if conversion.rate is not None else "",
            conversion.note,
        ]
        for step in tracked.steps:
            day_from = "" if step.day is None else ("reported" if step.reported else "stated")
            cells += [
                step.day.isoformat() if step.day else "",
                day_from,
                step.quantity if step.quantity is not None else "",
                step.reports,
                row[f"{step.status}_outlets"] or "",
            ]
        yield writer.writerow(cells)


@require_GET
@analysts_only
def aid_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """The tracker's table under the page's filters, every row, with the amounts as reported and in euros."""
    form, bad_request = bound_filters(AidFilterForm, request)
    if bad_request:
        return bad_request
    rows = with_outlets(tracker_rows(pledges_for(form.filters()), form.cleaned_data.get("step") or ""))
    response = StreamingHttpResponse(csv_lines(rows.iterator(chunk_size=2000)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="warboard-aid-tracker.csv"'
    return response


urlpatterns = [
    path("", aid_page, name="aid"),
    path("tracker.csv", aid_csv, name="aid_csv"),
]
