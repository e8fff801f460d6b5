"""The incident page: one happening with its reports; editors merge incidents or split a report out.

Mounted under /incidents/ by dashboard/urls.py. Viewers read the page; the forms are
shown to, and their POSTs accepted from, editors only (the permission that reviews
events). Every decision is stored and applied again by each regrouping (articles.incidents).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_GET, require_POST

from articles import incidents
from articles.models import Event, Incident
from articles.querysets import ARTICLE_HEAVY_FIELDS
from articles.vocabulary import EVENT_TYPE_LABELS
from dashboard import figures

EDITOR_PERMISSION = "articles.change_event"
analysts_only = permission_required("articles.view_event", raise_exception=True)


# Day is the most precise; a report without a day ranks last.
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class IncidentCard:
    """What the timeline shows of one incident, read from the reports prefetched with it
    (IncidentQuerySet.for_timeline: `shown_reports`, each with its article, losses and pledges)."""

    incident: Incident
    reports: list[Event]
    precision: str  # the most precise any report gives ("" when none gives a date)

    @classmethod
    def of(cls, incident: Incident) -> IncidentCard:
        reports: list[Event] = getattr(incident, "shown_reports", [])
        dated = [report.precision for report in reports if report.date]
        precision = min(dated, key=lambda name: PRECISION_RANK.get(name, 9)) if dated else ""
        return cls(incident, reports, precision if incident.date else "")

    @property
    def pk(self) -> int:
        return self.incident.pk

    @property
    def date(self) -> datetime.date | None:
        """The incident's day, as the timeline orders it (the earliest day its reports give)."""
        return self.incident.date

    @property
    def placed_on(self) -> datetime.date | None:
        """Where the timeline puts it: its day, else its earliest report date."""
        return self.incident.placed_on

    @property
    def reported(self) -> bool:
        """No report gives a day: it stands at its earliest report date."""
        return self.date is None and self.placed_on is not None

    @property
    def when(self) -> str:
        if self.reported:
            return f"reported {self.placed_on.isoformat()}"  # type: ignore[union-attr]  # reported: placed_on is set
        return figures.event_when(self)

    @property
    def type_label(self) -> str:
        return EVENT_TYPE_LABELS.get(self.incident.type, self.incident.type)

    @property
    def headline(self) -> str:
        """The summary of the report with the most precise date (the first such report)."""
        best = min(self.reports, key=lambda report: PRECISION_RANK.get(report.precision, 9), default=None)
        return best.summary if best else ""

    @property
    def places(self) -> list[str]:
        return list(dict.fromkeys(place for report in self.reports for place in report.places))

    @property
    def countries(self) -> list[tuple[str, str]]:
        codes = dict.fromkeys(code for report in self.reports for code in report.countries)
        return [(code, figures.country_name(code)) for code in codes]

    @property
    def sources(self) -> int:
        """How many articles report it."""
        return len({report.article_id for report in self.reports})

    @property
    def outlets(self) -> list[str]:
        """Each outlet once, with its number of articles when more than one: "Reuters (2)"."""
        per_outlet = Counter(
            report.article.outlet or "outlet unknown"
            for report in {report.article_id: report for report in self.reports}.values()
        )
        return [f"{outlet} ({count})" if count > 1 else outlet for outlet, count in per_outlet.items()]

    @property
    def claims(self) -> list[str]:
        return [str(claim) for claim in figures.claims(loss for report in self.reports for loss in report.losses.all())]

    @property
    def pledges(self) -> list[str]:
        """The pledges in words, a package told by several reports once."""
        pledges = sorted(
            (pledge for report in self.reports for pledge in report.pledges.all()),
            key=lambda pledge: (pledge.donor, pledge.recipient, pledge.status, pledge.id),
        )
        return figures.pledges_in_words(pledges)


class MergeForm(forms.Form):
    other = forms.IntegerField(min_value=1, label="Merge with incident number")


def _require_editor(request: HttpRequest) -> None:
    if not request.user.has_perm(EDITOR_PERMISSION):
        raise PermissionDenied("Only editors change incidents.")


def _page(request: HttpRequest, incident: Incident, form: MergeForm, status: int = 200) -> HttpResponse:
    reports = (
        Event.objects.filter(incident=incident)
        .select_related("article")
        .defer(*ARTICLE_HEAVY_FIELDS)
        .order_by("date", "article__published", "id")
    )
    context = {
        "incident": incident,
        "reports": reports,
        "form": form,
        "editor": request.user.has_perm(EDITOR_PERMISSION),
    }
    return render(request, "dashboard/incident.html", context, status=status)


@require_GET
@analysts_only
def incident_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_object_or_404(Incident, pk=pk), MergeForm())


@require_POST
def incident_merge(request: HttpRequest, pk: int) -> HttpResponse:
    _require_editor(request)
    incident = get_object_or_404(Incident, pk=pk)
    form = MergeForm(request.POST)
    if form.is_valid():
        other = form.cleaned_data["other"]
        if other == incident.pk:
            form.add_error("other", "That is this incident.")
        elif not Incident.objects.filter(pk=other).exists():
            form.add_error("other", f"There is no incident {other}.")
    if not form.is_valid():
        return _page(request, incident, form, status=400)
    merged = incidents.merge_incidents(incident.pk, form.cleaned_data["other"], request.user)
    messages.success(request, f"Incidents {incident.pk} and {form.cleaned_data['other']} merged.")
    return redirect("incident", pk=merged or incident.pk)


@require_POST
def incident_split(request: HttpRequest, pk: int, report: int) -> HttpResponse:
    _require_editor(request)
    event = get_object_or_404(Event, pk=report, incident_id=pk)
    alone = incidents.keep_apart(event, request.user)
    messages.success(request, f"The report is now incident {alone}, kept apart from regrouping.")
    return redirect("incident", pk=pk) if Incident.objects.filter(pk=pk).exists() else redirect("incident", pk=alone)


urlpatterns = [
    path("<int:pk>/", incident_page, name="incident"),
    path("<int:pk>/merge/", incident_merge, name="incident_merge"),
    path("<int:pk>/split/<int:report>/", incident_split, name="incident_split"),
]
