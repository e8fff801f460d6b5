"""The analyst dashboard: timeline, charts, CSV exports and the review of records.

Each page view serves the full page and, for htmx, the partial named by the
HX-Target header (partial name = DOM id = HX-Target); see render_page().
"""

from __future__ import annotations

import json
from itertools import groupby

from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.middleware import HtmxDetails

from articles.models import Article, Event, Incident, Revision
from articles.querysets import ARTICLE_HEAVY_FIELDS, Cursor, EventQuerySet, IncidentQuerySet
from dashboard import charts, exports, review
from dashboard.figures import event_when
from dashboard.forms import ChartForm, ExportForm, TimelineFilterForm
from dashboard.incidents import IncidentCard
from dashboard.kinds import KINDS
from dashboard.querystrings import filter_query

PAGE_SIZE = 25
# Counting every match costs a scan of them all (a second at a million events); the
# heading counts this far and then says "1,000+ events".
COUNT_LIMIT = 1000


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it (the type django-htmx documents)."""

    htmx: HtmxDetails


# Reading the dashboard is the viewer's right (articles/roles.py); an account in no group
# is signed in but sees nothing, as on the article pages.
analysts_only = permission_required("articles.view_event", raise_exception=True)


def render_page(request: HttpRequest, template: str, context: dict, partials: tuple[str, ...] = ()) -> HttpResponse:
    """The full page, or for htmx the partial whose name is the request's HX-Target."""
    htmx: HtmxDetails | None = getattr(request, "htmx", None)
    target = htmx.target if htmx and not htmx.history_restore_request else None
    fragment = target in partials
    if fragment:
        template = f"{template}#{target}"
    response = render(request, template, context)
    if fragment and request.GET and "after" not in request.GET:
        # The address bar carries the filters without the empty fields the form sends.
        response["HX-Push-Url"] = request.path + filter_query(request.GET)
    # The same URL answers with a page or a fragment: caches must tell them apart.
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


def bound_filters(form_class, request: HttpRequest):
    form = form_class(request.GET)
    if form.is_valid():
        return form, None
    response = render(request, "dashboard/bad_filters.html", {"form": form, "nav": None}, status=400)
    return None, response


def filter_suggestions(form) -> dict:
    """Datalist suggestions for the filter form; callables, so a fragment render skips the snapshot."""
    return {"place_names": form.suggestions.place_names, "outlets": form.suggestions.outlets}


def _query_params(request: HttpRequest) -> list[tuple[str, str]]:
    return [(name, value) for name, values in request.GET.lists() if name != "after" for value in values]


def _day_groups(entries: list, cursor: Cursor | None) -> list[dict]:
    """Events (or incident cards) grouped by their day on the timeline; a day begun on the
    previous page is marked as continued.

    Within a day, the entries whose text states it come first, then those placed there by
    their report date, under a heading of their own ("Reported on 2024-03-05"). The entries
    that cannot be placed (no day, no publication date) are one group too: a page after a
    cursor among them continues it rather than heading "No day given" a second time.
    """
    groups: list[dict] = []
    for (date, undated), same_day in groupby(entries, key=lambda entry: (entry.placed_on, entry.date is None)):
        day_entries = list(same_day)
        continued = not groups and cursor is not None and (date, undated) == (cursor.date, cursor.reported)
        # A month or a week is stored as its first day: a heading naming that day (and its
        # weekday) would claim a precision the events do not have.
        vague = not undated and {entry.precision for entry in day_entries} in ({"week"}, {"month"}, {"year"})
        heading = event_when(day_entries[0]) if vague else ""
        groups.append(
            {
                "date": date,
                "entries": day_entries,
                "continued": continued,
                "vague_heading": heading,
                "reported": undated and date is not None,
            }
        )
    return groups


# The timeline's `view` parameter: one card per incident (the default) or per report.
INCIDENTS, REPORTS = "incidents", "reports"


@require_GET
@analysts_only
def timeline(request: HttpRequest) -> HttpResponse:
    form, bad_request = bound_filters(TimelineFilterForm, request)
    if bad_request:
        return bad_request
    view = request.GET.get("view") or INCIDENTS
    if view not in (INCIDENTS, REPORTS):
        form.add_error(None, f"“view” is “{INCIDENTS}” (one card per incident) or “{REPORTS}” (one per report).")
        return render(request, "dashboard/bad_filters.html", {"form": form, "nav": None}, status=400)
    filters = form.filters()
    cursor = form.cleaned_data.get("after")
    records: EventQuerySet | IncidentQuerySet
    page: list[Event] | list[IncidentCard]
    if view == REPORTS:
        records = Event.objects.matching(filters).in_order(form.newest_first, filters)
        page = list(records.after(cursor, form.newest_first).for_timeline(filters.review)[: PAGE_SIZE + 1])
    else:
        records = Incident.objects.matching(filters).in_order(form.newest_first)
        incidents = records.after(cursor, form.newest_first).for_timeline(filters.review)[: PAGE_SIZE + 1]
        page = [IncidentCard.of(incident) for incident in incidents]
    has_more = len(page) > PAGE_SIZE
    page = page[:PAGE_SIZE]
    next_query = ""
    if has_more:
        last = page[-1]
        next_query = filter_query(request.GET, changes={"after": str(Cursor.of(last))})
    article = (
        Article.objects.only("pk", "title", "filename").filter(pk=filters.article).first() if filters.article else None
    )
    context = {
        "nav": "timeline",
        "form": form,
        "filters": filters,
        "filtered": form.is_filtered(),
        "view": view,
        "by_incident": view == INCIDENTS,
        "view_links": {name: filter_query(request.GET, changes={"view": name}) for name in (INCIDENTS, REPORTS)},
        "groups": _day_groups(page, cursor),
        "total": _bounded_count(records) if cursor is None else None,
        "total_limit": COUNT_LIMIT,
        "next_query": next_query,
        "export_query": _export_query(request),
        "article": article,
        # The empty state says "upload an article" only when there is nothing at all.
        "any_events": bool(page) or Event.objects.exists(),
        **filter_suggestions(form),
    }
    return render_page(request, "dashboard/timeline.html", context, partials=("timeline-list", "timeline-more"))


def _bounded_count(records) -> int:
    """How many events (or incidents) match, counted up to COUNT_LIMIT + 1: past it the page says "1,000+"."""
    return records.order_by()[: COUNT_LIMIT + 1].count()


def _export_query(request: HttpRequest) -> str:
    """The page's filters for its export and chart links (not the timeline's view); each chart links its own
    narrowed CSV."""
    return filter_query(request.GET, drop=(*charts.CHART_OPTIONS, "view"))


@require_GET
@analysts_only
def charts_page(request: HttpRequest) -> HttpResponse:
    form, bad_request = bound_filters(ChartForm, request)
    if bad_request:
        return bad_request
    snapshot = charts.current_chart_json(form, _query_params(request))
    context = {
        "nav": "charts",
        "form": form,
        "filtered": form.is_filtered(),
        "chart_data": json.loads(snapshot.text),
        "chart_json": mark_safe(charts.script_safe(snapshot.text)),  # noqa: S308 - escaped as json_script does
        "figures_as_of": snapshot.as_of,
        "being_processed": snapshot.being_processed,
        "export_query": _export_query(request),
        "any_events": Event.objects.exists(),
        **filter_suggestions(form),
    }
    return render_page(request, "dashboard/charts.html", context, partials=("charts-body",))


@require_GET
@analysts_only
def charts_json(request: HttpRequest) -> HttpResponse:
    """The charts' numbers as JSON, for scripts and for checking a chart against its records."""
    form = ChartForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    snapshot = charts.current_chart_json(form, _query_params(request))
    return HttpResponse(snapshot.json_with_age(), content_type="application/json")


@require_GET
@analysts_only
def export_records(request: HttpRequest, plural: str) -> HttpResponse | StreamingHttpResponse:
    """One kind's records under the page's filters as CSV (`plural` comes from the URL's kind)."""
    form, bad_request = bound_filters(ExportForm, request)
    if bad_request:
        return bad_request
    header, lines = exports.EXPORTS[plural]
    return exports.csv_response(
        f"warboard-{plural}.csv",
        header,
        lines(form.filters(), form.newest_first, form.only(plural)),
        excel=form.cleaned_data.get("excel", False),
    )


# Review ---------------------------------------------------------------------


def _require_reviewer(request: HttpRequest, kind: str) -> None:
    if not request.user.has_perm(KINDS[kind].permission):
        raise PermissionDenied("Only editors review records.")


def _record(kind: str, pk: int):
    model = KINDS[kind].model
    try:
        return model.objects.select_related("article", "reviewed_by").defer(*ARTICLE_HEAVY_FIELDS).get(pk=pk)
    except model.DoesNotExist:
        raise Http404(f"No {kind} {pk}.") from None


def _next_page(request: HttpRequest) -> str:
    """The page a review form goes back to, when it is one of ours ("" otherwise).

    `next` comes from the address: another site, or a javascript: URL, is neither
    followed after saving nor offered as the Cancel link.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


def _back(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Without JavaScript, return to the page the form was on (when it is ours), at the record."""
    if target := _next_page(request):
        return redirect(f"{target.split('#')[0]}#{kind}-{pk}")
    return redirect("review_record", kind=kind, pk=pk)


def _record_response(request: HttpRequest, kind: str, pk: int, changed: bool = False) -> HttpResponse:
    record = _record(kind, pk)
    response = render(request, "components/record.html", {"record": record, "kind": kind})
    if changed and kind != "event":
        # The event's figures in words, on the timeline, are drawn again (event_figures).
        response["HX-Trigger"] = f"figures-changed-{record.event_id}"
    return response


@require_GET
@analysts_only
def event_figures(request: HttpRequest, pk: int) -> HttpResponse:
    """An event's losses and pledges in words, as the timeline shows them under the same review filter."""
    form, bad_request = bound_filters(TimelineFilterForm, request)
    if bad_request:
        return bad_request
    filters = form.filters()
    event = Event.objects.filter(pk=pk).for_timeline(filters.review).first()
    if event is None:
        raise Http404(f"No event {pk}.")
    return render(request, "dashboard/event_card.html#figures", {"event": event, "filters": filters})


@require_GET
@analysts_only
def review_record(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    """One record with its history; for htmx (cancelling an edit) the record fragment alone."""
    if request.htmx:
        return _record_response(request, kind, pk)
    record = _record(kind, pk)
    context = {"record": record, "kind": kind, "revisions": _revisions(kind, pk), "nav": None}
    return render(request, "dashboard/record.html", context)


def _revisions(kind: str, pk: int) -> list[dict]:
    return [{"revision": revision, "changes": review.changes(revision)} for revision in review.history(kind, pk)]


@require_GET
@analysts_only
def review_history(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    if not request.htmx:
        return review_record(request, kind, pk)
    _record(kind, pk)
    return render(
        request, "components/record_history.html", {"kind": kind, "pk": pk, "revisions": _revisions(kind, pk)}
    )


@require_http_methods(["GET", "POST"])
def review_edit(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    _require_reviewer(request, kind)
    if request.method == "POST":
        _record(kind, pk)
        record, form = review.apply_review(kind, pk, Revision.Action.EDIT, request.user, request.POST)
        if form.is_valid():
            if request.htmx:
                return _record_response(request, kind, pk, changed=True)
            return _back(request, kind, pk)
    else:
        record = _record(kind, pk)
        form = KINDS[kind].review_form(instance=record)
    context = {
        "record": record,
        "kind": kind,
        "form": form,
        "next": _next_page(request),
    }
    if request.htmx:
        return render(request, "components/record_form.html", context)
    return render(request, "dashboard/record_edit.html", {**context, "nav": None})


def _review_action(request: HtmxHttpRequest, kind: str, pk: int, action: str) -> HttpResponse:
    _require_reviewer(request, kind)
    _record(kind, pk)
    review.apply_review(kind, pk, action, request.user)
    if request.htmx:
        return _record_response(request, kind, pk, changed=True)
    return _back(request, kind, pk)


@require_POST
def review_confirm(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    return _review_action(request, kind, pk, Revision.Action.CONFIRM)


@require_POST
def review_reject(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    return _review_action(request, kind, pk, Revision.Action.REJECT)


@require_POST
def review_restore(request: HtmxHttpRequest, kind: str, pk: int) -> HttpResponse:
    return _review_action(request, kind, pk, Revision.Action.RESTORE)
