"""The records behind one bar of a chart: GET /records/losses/ and /records/pledges/.

A bar of the losses chart is one day, kind (daily tally, incident, total), claimant and
category; a bar of an equipment chart is one donor, category and status; a bar of the
money chart one donor, currency and status. Clicking it opens this page with the page's
filters, the chart's options (as the chart's CSV link carries them: side, group, status,
aid) and the bar's own: exactly the reports that its figure was counted from, each with
its sentence, its article and its review controls, fifty at a time (keyset pages).
"""

from __future__ import annotations

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, When
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from articles.models import AidPledge, LossReport
from articles.querysets import ARTICLE_HEAVY_FIELDS, Cursor, TimelineDay, loss_chart_day
from articles.vocabulary import LOSS_CATEGORY_LABELS, PLEDGE_CATEGORY_LABELS
from dashboard.figures import country_name, loss_nouns, pledge_nouns
from dashboard.forms import COUNTRY_CODE, ExportForm
from dashboard.querystrings import filter_query
from dashboard.views import analysts_only, render_page

PAGE_SIZE = 50
PLURALS: dict[str, tuple[str, type[LossReport] | type[AidPledge]]] = {
    "losses": ("loss", LossReport),
    "pledges": ("pledge", AidPledge),
}
KIND_PERIODS = {"daily": ["day", ""], "incident": ["incident"], "cumulative": ["cumulative"]}
KIND_WORDS = {"daily": "daily tallies", "incident": "single incidents", "cumulative": "cumulative totals"}
NOT_NAMED = "none"
# A bar's own options: the charts page does not take them back.
BAR_OPTIONS = ("day", "kind", "claimant", "category", "donor", "currency", "quantity", "aid")


class CodeOrNone(forms.CharField):
    """A country code, or "none" for a record that names none (a claim without a claimant)."""

    def to_python(self, value):
        value = (super().to_python(value) or "").strip()
        if not value or value.lower() == NOT_NAMED:
            return value.lower()
        value = value.upper()
        if not COUNTRY_CODE.match(value):
            raise ValidationError("Not a country code.")
        return value


class DayOrNone(forms.Field):
    """An ISO day, or "none" for the figures without a day."""

    def to_python(self, value):
        value = (value or "").strip()[:20]
        if not value or value == NOT_NAMED:
            return value
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValidationError("Not a day (YYYY-MM-DD).") from None


class BarForm(ExportForm):
    """The page's filters and the chart's options (ExportForm), plus one bar's own options."""

    day = DayOrNone(required=False)
    kind = forms.ChoiceField(required=False, choices=[(kind, kind) for kind in KIND_PERIODS])
    claimant = CodeOrNone(required=False, max_length=8)
    category = forms.MultipleChoiceField(
        required=False, choices=[*LOSS_CATEGORY_LABELS.items(), *PLEDGE_CATEGORY_LABELS.items()]
    )
    donor = CodeOrNone(required=False, max_length=8)
    currency = forms.RegexField(required=False, regex=r"^[A-Z]{3}$|^none$", max_length=4)
    quantity = forms.ChoiceField(required=False, choices=[("given", "with a number"), ("none", "without a number")])

    def losses(self, records: QuerySet) -> QuerySet:
        data = self.cleaned_data
        records = records.filter(self.only("losses"))
        if data.get("kind"):
            records = records.filter(period__in=KIND_PERIODS[data["kind"]])
        if data.get("claimant"):
            records = records.filter(reported_by="" if data["claimant"] == NOT_NAMED else data["claimant"])
        if data.get("category"):
            records = records.filter(category__in=data["category"])
        if data.get("day"):
            day = None if data["day"] == NOT_NAMED else data["day"]
            # The day the chart puts each figure on (LossReportQuerySet.deduplicated's `day`).
            records = records.alias(chart_day=loss_chart_day())
            records = records.filter(chart_day__isnull=True) if day is None else records.filter(chart_day=day)
        return records

    def pledges(self, records: QuerySet) -> QuerySet:
        data = self.cleaned_data
        records = records.filter(self.only("pledges"))
        if data.get("donor"):
            records = records.filter(donor=data["donor"])
        if data.get("category"):
            records = records.filter(category__in=data["category"])
        if data.get("currency"):
            records = records.filter(currency="" if data["currency"] == NOT_NAMED else data["currency"])
        if data.get("quantity"):
            records = with_number(records, data["quantity"] == "given", money=data.get("aid") == "funding")
        return records

    def described(self, plural: str) -> list[str]:
        """The bar in words, for the page's heading."""
        data = self.cleaned_data
        words = []
        if plural == "losses":
            if data.get("side"):
                words.append(f"losses of {data['side']} ({country_name(data['side'])})")
            if data.get("category"):
                words.append(", ".join(loss_nouns(category)[1] for category in data["category"]))
            if data.get("kind"):
                words.append(KIND_WORDS[data["kind"]])
            if data.get("claimant"):
                words.append("claimant not named" if data["claimant"] == NOT_NAMED else f"per {data['claimant']}")
        else:
            if data.get("donor"):
                words.append(f"from {data['donor']} ({country_name(data['donor'])})")
            if data.get("category"):
                words.append(", ".join(pledge_nouns(category)[1] for category in data["category"]))
            if data.get("currency"):
                words.append(f"in {data['currency']}")
            if data.get("status"):
                words.append(data["status"] if data["status"] != "both" else "pledged or delivered")
            if data.get("quantity"):
                words.append("named without a number" if data["quantity"] == "none" else "with a number")
        if data.get("day"):
            words.append("no day given" if data["day"] == NOT_NAMED else f"on {data['day'].isoformat()}")
        return words


def _pledge_key(records: QuerySet) -> QuerySet:
    # AidPledgeQuerySet.deduplicated's key: the item without regard to case, else the category.
    return records.annotate(item_key=Case(When(item="", then=F("category")), default=Lower("item")))


def with_number(records: QuerySet, given: bool, money: bool) -> QuerySet:
    """The pledges counted with a number (or, not `given`, named without one).

    A pledge is every report of it (AidPledgeQuerySet.deduplicated): "14 Leopard 2" and
    "Leopard 2 tanks" from one donor are one pledge of 14, so a report without a quantity
    is behind a bar when another report of the same pledge gives one. Money is keyed on
    its amount: a report without one is a pledge of its own.
    """
    if money:
        return records.filter(amount__isnull=not given)
    keyed = _pledge_key(records)
    numbered = _pledge_key(records.model.objects.all()).filter(
        pk__in=records.values("pk"),
        donor=OuterRef("donor"),
        item_key=OuterRef("item_key"),
        category=OuterRef("category"),
        status=OuterRef("status"),
        quantity__gt=0,
    )
    return keyed.filter(Exists(numbered) if given else ~Exists(numbered))


@require_GET
@analysts_only
def chart_records(request: HttpRequest, plural: str) -> HttpResponse:
    if plural not in PLURALS:
        raise Http404(f"No records page for {plural}.")
    kind, model = PLURALS[plural]
    form = BarForm(request.GET)
    if not form.is_valid():
        return render_page_bad(request, form)
    filters = form.filters()
    records = getattr(form, plural)(model.objects.matching(filters))
    cursor = form.cleaned_data.get("after")
    day = TimelineDay(newest_first=True, field="date")
    ordered = records.alias(record_day=day).order_by(day.desc(), "-id")
    if cursor is not None:
        ordered = ordered.filter(_after(cursor))
    page = list(ordered.select_related("article", "reviewed_by", "event").defer(*ARTICLE_HEAVY_FIELDS)[: PAGE_SIZE + 1])
    has_more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    next_query = ""
    if has_more:
        next_query = filter_query(request.GET, changes={"after": str(Cursor(page[-1].date, page[-1].pk))})
    context = {
        "nav": "charts",
        "plural": plural,
        "kind": kind,
        "records": page,
        "described": form.described(plural),
        "next_query": next_query,
        "first_page": cursor is None,
        "charts_query": filter_query(request.GET, drop=BAR_OPTIONS),
        "filtered": form.is_filtered(),
    }
    return render_page(request, "dashboard/records.html", context, partials=("records-more",))


def _after(cursor: Cursor) -> Q:
    """Keyset paging in the page's order: newest day first, the records without a day last."""
    if cursor.date is None:
        return Q(date__isnull=True, id__lt=cursor.id)
    return Q(record_day__lt=cursor.date) | Q(record_day=cursor.date, id__lt=cursor.id)


def render_page_bad(request: HttpRequest, form: forms.Form) -> HttpResponse:
    return render(request, "dashboard/bad_filters.html", {"form": form, "nav": None}, status=400)


urlpatterns = [path("<str:plural>/", chart_records, name="chart_records")]
