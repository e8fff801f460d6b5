"""The dashboard's forms: the filters every page and export shares, and the review forms.

A bad filter value is a 400 (see dashboard.views.bound_filters), never a 500.
"""

from __future__ import annotations

import re
from typing import cast

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.functional import cached_property

from articles import writing
from articles.forms import IsoDateInput
from articles.models import AidPledge, Event, LossReport
from articles.querysets import Cursor, Dated, RecordFilters, Review
from articles.vocabulary import EVENT_TYPE_LABELS, LOSS_CATEGORY_LABELS, PLEDGE_STATUS_LABELS, PRECISION_LABELS

# ISO 3166-1 alpha-2 codes plus the bodies SPEC.md names (EU, NATO, UN, G7, OSCE, IAEA, IMF, WB).
COUNTRY_CODE = re.compile(r"^(?:[A-Z]{2}|EU|NATO|UN|G7|OSCE|IAEA|IMF|WB)$")


def compute_suggestions() -> dict[str, list[str]]:
    """The countries, places and outlets present in the records, for the filter form's lists.

    Seconds at a million events (every array unnested and sorted), so pages read them
    through a snapshot (dashboard.snapshots.recent) rather than per request.
    """
    from django.db import connection

    from articles.models import Article

    # One round trip for the three places a country code lives.
    sql = (
        f"SELECT unnest(countries) FROM {Event._meta.db_table}"
        f" UNION SELECT side FROM {LossReport._meta.db_table}"
        f" UNION SELECT donor FROM {AidPledge._meta.db_table}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        codes = sorted(code for (code,) in cursor.fetchall() if code)
    return {
        "countries": codes,
        "places": list(Event.objects.per_place().values_list("place", flat=True)[:500]),
        "outlets": list(
            Article.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
        ),
    }


def _ingesting() -> bool:
    from articles.models import Article

    return Article.objects.filter(status__in=[Article.Status.QUEUED, Article.Status.PROCESSING]).exists()


class Suggestions:
    """The filter form's lists for one request: one snapshot read, only if a list is rendered."""

    @cached_property
    def lists(self) -> dict[str, list[str]]:
        from dashboard import snapshots

        lists = snapshots.recent(
            snapshots.SUGGESTIONS_KEY, compute_suggestions, snapshots.SUGGESTIONS_STALE_SECONDS, _ingesting
        )
        return cast(dict[str, list[str]], lists)  # compute_suggestions() read back from JSON

    def country_choices(self) -> list[tuple[str, str]]:
        from dashboard.figures import country_name

        return [(code, f"{code} · {country_name(code)}") for code in self.lists["countries"]]

    def place_names(self) -> list[str]:
        return self.lists["places"]

    def outlets(self) -> list[str]:
        return self.lists["outlets"]


class CountryField(forms.MultipleChoiceField):
    """Several country codes; any well-formed code is valid, listed or not."""

    def to_python(self, value):
        return [code.strip().upper() for code in super().to_python(value) if code.strip()]

    def valid_value(self, value):
        return bool(COUNTRY_CODE.match(value))


class TimelineFilterForm(forms.Form):
    """The filters of the timeline; the charts and the CSV exports take the same parameters."""

    q = forms.CharField(label="Search", required=False, max_length=200, strip=True)
    from_ = forms.DateField(label="From", required=False, widget=IsoDateInput())
    to = forms.DateField(label="To", required=False, widget=IsoDateInput())
    type = forms.MultipleChoiceField(
        label="Event types", required=False, choices=EVENT_TYPE_LABELS, widget=forms.CheckboxSelectMultiple
    )
    country = CountryField(
        label="Countries",
        required=False,
        choices=(),  # the countries present, set per form from its Suggestions
        help_text="In any role: taking part, losing, claiming, giving or receiving.",
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    place = forms.CharField(label="Place", required=False, max_length=120, strip=True)
    outlet = forms.CharField(label="Outlet", required=False, max_length=200, strip=True)
    article = forms.IntegerField(label="Article", required=False, min_value=1, widget=forms.HiddenInput)
    review = forms.ChoiceField(label="Review", required=False, choices=Review.CHOICES)
    undated = forms.BooleanField(label="Only events without a day", required=False)
    dated = forms.ChoiceField(
        label="Dates",
        required=False,
        choices=Dated.CHOICES,
        help_text="A record whose text gives no day stands at its article's publication date (its report date).",
    )
    precision = forms.MultipleChoiceField(
        label="Date precision", required=False, choices=PRECISION_LABELS, widget=forms.CheckboxSelectMultiple
    )
    order = forms.ChoiceField(
        label="Order",
        required=False,
        choices=[("newest", "Newest first"), ("oldest", "Oldest first")],
    )
    after = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestions = Suggestions()
        cast(CountryField, self.fields["country"]).choices = self.suggestions.country_choices
        # `from` is a Python keyword: the URL parameter is `from`, the field is `from_`.
        self.fields["from"] = self.fields.pop("from_")
        order = ["q", "from", "to", "dated", "type", "country", "place", "outlet", "article", "review", "undated"]
        self.order_fields(order)

    def clean_place(self) -> str:
        """The gazetteer's spelling of the place typed: "bakhmut" and "Artemivsk" find Bakhmut's events."""
        from articles.models import Place

        typed = self.cleaned_data.get("place") or ""
        if not typed:
            return ""
        place = (
            Place.objects.filter(name__iexact=typed).values_list("name", flat=True).first()
            or Place.objects.filter(alt_names__contains=[typed]).values_list("name", flat=True).first()
        )
        return place or typed

    def clean_outlet(self) -> str:
        """The outlet as the articles spell it: "reuters" finds Reuters."""
        from articles.models import Article

        typed = self.cleaned_data.get("outlet") or ""
        if not typed:
            return ""
        return Article.objects.filter(outlet__iexact=typed).values_list("outlet", flat=True).first() or typed

    def clean_after(self) -> Cursor | None:
        value = self.cleaned_data.get("after")
        if not value:
            return None
        try:
            return Cursor.parse(value)
        except ValueError:
            raise ValidationError("Not a page position.") from None

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        date_from, date_to = cleaned.get("from"), cleaned.get("to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError("“From” is after “To”.")
        if cleaned.get("undated") and cleaned.get("dated") == Dated.STATED:
            raise ValidationError("“Only events without a day” and “Stated only” exclude each other: choose one.")
        return cleaned

    @property
    def newest_first(self) -> bool:
        return self.cleaned_data.get("order") != "oldest"

    def filters(self) -> RecordFilters:
        data = self.cleaned_data
        return RecordFilters(
            date_from=data.get("from"),
            date_to=data.get("to"),
            types=tuple(data.get("type") or ()),
            countries=tuple(data.get("country") or ()),
            place=data.get("place") or "",
            outlet=data.get("outlet") or "",
            article=data.get("article"),
            review=data.get("review") or "",
            q=data.get("q") or "",
            undated=bool(data.get("undated")),
            precision=tuple(data.get("precision") or ()),
            dated=data.get("dated") or Dated.ALL,
        )

    def is_filtered(self) -> bool:
        return self.filters() != RecordFilters()


# The losses chart's category groups, in the order of its control.
GROUP_CHOICES = [("personnel", "Personnel"), ("equipment", "Equipment by category"), ("civilians", "Civilians")]


def loss_group(category: str) -> str:
    """The chart group of a loss category, by its name: a new category joins a group, never a KeyError."""
    head = category.partition("_")[0]
    return head if head in ("personnel", "civilians") else "equipment"


# Read off the loss categories (articles/vocabulary.py): a category added there joins a group here.
LOSS_GROUPS = {
    group: [category for category in LOSS_CATEGORY_LABELS if loss_group(category) == group]
    for group, _label in GROUP_CHOICES
}


def losses_charted(side: str, group: str) -> Q:
    """The loss records the losses chart counts for one side and category group."""
    return Q(side=side, category__in=LOSS_GROUPS[group])


def pledges_charted(statuses: list[str], aid: str = "") -> Q:
    """The pledge records the aid charts count: equipment, money ("funding") or both."""
    only = Q(status__in=statuses)
    if aid == "funding":
        only &= Q(category="funding")
    elif aid == "equipment":
        only &= ~Q(category="funding")
    return only


def _statuses(status: str) -> list[str]:
    return ["pledged", "delivered"] if status == "both" else [status]


STATUS_CHOICES = [("pledged", "Pledged"), ("delivered", "Delivered"), ("both", "Both")]


class ExportForm(TimelineFilterForm):
    """The timeline's filters, plus the chart options that narrow an export to what one chart counts.

    Without them an export has every record under the timeline's events; the
    charts link their CSV with them (`side` and `group` for losses, `status` and
    `aid` for pledges), so the file holds exactly the records behind the chart.
    """

    side = forms.CharField(required=False, max_length=4)
    group = forms.ChoiceField(required=False, choices=GROUP_CHOICES)
    status = forms.ChoiceField(required=False, choices=STATUS_CHOICES)
    aid = forms.ChoiceField(required=False, choices=[("equipment", "Equipment"), ("funding", "Money")])
    # A byte-order mark first, so that Excel reads the file as UTF-8.
    excel = forms.BooleanField(required=False)

    def clean_side(self) -> str:
        side = (self.cleaned_data.get("side") or "").strip().upper()
        if side and not COUNTRY_CODE.match(side):
            raise ValidationError("Not a country code.")
        return side

    def only(self, export: str) -> Q:
        """The records of `export` ("losses", "pledges") the chart options leave in."""
        data = self.cleaned_data
        if export == "losses":
            only = Q()
            if data.get("side"):
                only &= Q(side=data["side"])
            if data.get("group"):
                only &= Q(category__in=LOSS_GROUPS[data["group"]])
            return only
        if export == "pledges" and (data.get("status") or data.get("aid")):
            statuses = _statuses(data["status"]) if data.get("status") else list(PLEDGE_STATUS_LABELS)
            return pledges_charted(statuses, data.get("aid", ""))
        return Q()


class ChartForm(TimelineFilterForm):
    """The timeline's filters plus what the charts let the analyst choose."""

    side = forms.CharField(label="Losses of", required=False, max_length=4, initial="RU")
    group = forms.ChoiceField(label="Category group", required=False, choices=GROUP_CHOICES)
    status = forms.ChoiceField(label="Aid status", required=False, choices=STATUS_CHOICES, widget=forms.RadioSelect)

    # What the charts show when the address does not say: the page's controls show it too.
    DEFAULTS = {"side": "RU", "group": "personnel", "status": "pledged"}

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and any(not data.get(name) for name in self.DEFAULTS):
            data = data.copy()
            for name, value in self.DEFAULTS.items():
                if not data.get(name):
                    data[name] = value
        super().__init__(data, *args, **kwargs)

    def clean_side(self) -> str:
        side = (self.cleaned_data.get("side") or "RU").strip().upper()
        if not COUNTRY_CODE.match(side):
            raise ValidationError("Not a country code.")
        return side

    @property
    def loss_side(self) -> str:
        return self.cleaned_data.get("side") or "RU"

    @property
    def loss_group(self) -> str:
        return self.cleaned_data.get("group") or "personnel"

    @property
    def aid_statuses(self) -> list[str]:
        return _statuses(self.cleaned_data.get("status") or "pledged")


class CodesField(forms.CharField):
    """Country codes typed as "UA, RU"; stored as a list."""

    def to_python(self, value):
        value = super().to_python(value)
        if isinstance(value, list):
            return value
        return [code.strip().upper() for code in value.split(",") if code.strip()]

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def validate(self, value):
        super().validate(value)
        bad = [code for code in value if not COUNTRY_CODE.match(code)]
        if bad:
            raise ValidationError(f"Not a country code: {', '.join(bad)}.")


class NamesField(forms.CharField):
    """Place names typed as "Bakhmut, Kyiv"; stored as a list."""

    def to_python(self, value):
        value = super().to_python(value)
        if isinstance(value, list):
            return value
        return [name.strip() for name in value.split(",") if name.strip()]

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def run_validators(self, value):
        # Each name on its own: the null-character check reads str(value), and a list's
        # repr spells NUL as \x00 (four characters), so PostgreSQL would get it and fail with a 500.
        for name in value:
            super().run_validators(name)


def validate_code(value: str) -> None:
    if value and not COUNTRY_CODE.match(value):
        raise ValidationError("Not a country code.")


class UpperCodeField(forms.CharField):
    def to_python(self, value):
        return (super().to_python(value) or "").strip().upper()


class EventReviewForm(forms.ModelForm):
    places = NamesField(required=False, help_text="Gazetteer names, separated by commas.")
    countries = CodesField(required=False, help_text="Country codes, separated by commas.")

    class Meta:
        model = Event
        fields = ["type", "date", "precision", "summary", "places", "countries"]
        widgets = {
            "date": IsoDateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("date") and not cleaned.get("precision"):
            self.add_error("precision", "A date needs a precision.")
        if not cleaned.get("date") and cleaned.get("precision"):
            self.add_error("precision", "Leave the precision empty when there is no date.")
        return cleaned


class LossReviewForm(forms.ModelForm):
    side = UpperCodeField(max_length=8, validators=[validate_code])
    reported_by = UpperCodeField(max_length=8, required=False, validators=[validate_code])

    class Meta:
        model = LossReport
        fields = ["side", "category", "min", "max", "period", "date", "place", "reported_by"]
        widgets = {"date": IsoDateInput()}

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        low, high = cleaned.get("min"), cleaned.get("max")
        if low is None and high is None and not self.has_error("min") and not self.has_error("max"):
            raise ValidationError("Give at least a minimum or a maximum.")
        if low is not None and high is not None and high < low:
            self.add_error("max", "The maximum is below the minimum.")
        return cleaned


class PledgeReviewForm(forms.ModelForm):
    donor = UpperCodeField(max_length=8, validators=[validate_code])
    recipient = UpperCodeField(max_length=8, validators=[validate_code])
    currency = UpperCodeField(max_length=3, required=False)

    class Meta:
        model = AidPledge
        fields = ["donor", "recipient", "item", "category", "quantity", "amount", "currency", "status", "date"]
        widgets = {"date": IsoDateInput()}

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("amount") is not None and not cleaned.get("currency"):
            self.add_error("currency", "An amount needs a currency.")
        return cleaned

    def save(self, commit: bool = True) -> AidPledge:
        pledge = super().save(commit=False)
        if "item" in self.changed_data:
            # The gazetteer link follows the item, as extraction sets it: a Leopard 2 edited
            # into an Abrams must not stay linked to the Leopard 2.
            pledge.equipment = writing.equipment_named(pledge.item)
        if commit:
            pledge.save()
        return pledge
