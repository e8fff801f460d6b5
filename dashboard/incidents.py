"""The incident page: one happening with its reports; editors merge incidents or split a report out.

Mounted under /incidents/ by dashboard/urls.py. Viewers read the page; the forms are
shown to, and their POSTs accepted from, editors only (the permission that reviews
events). Every decision is stored and applied again by each regrouping (articles.incidents).
"""

from __future__ import annotations

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

EDITOR_PERMISSION = "articles.change_event"
analysts_only = permission_required("articles.view_event", raise_exception=True)


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
