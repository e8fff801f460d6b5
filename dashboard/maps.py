"""The map page: where things happened, by place and event type, a week at a time or all weeks.

One point per gazetteer place the matching events name, sized by the incidents they
report (one happening told by ten outlets counts once), coloured by their types and
linked to the timeline at that place (and week). The counts come
from one aggregate in SQL (EventQuerySet.per_place_and_type); static/js/map.js draws
them over the Natural Earth outlines with its own pan and zoom.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections.abc import Callable
from typing import TypedDict, cast
from urllib.parse import urlencode

from django import forms
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, QueryDict
from django.urls import path, reverse
from django.views.decorators.http import require_GET

from articles.forms import IsoDateInput
from articles.models import Event, Place
from articles.querysets import RecordFilters
from articles.vocabulary import EVENT_TYPE_LABELS
from dashboard import snapshots
from dashboard.forms import TimelineFilterForm
from dashboard.querystrings import Change, filter_query
from dashboard.views import analysts_only, bound_filters, filter_suggestions, render_page

# The place of a diplomatic event or of sanctions is where someone spoke, met or decided
# (a ministry's seat, a summit's city), not where something happened to it: the map
# leaves them out unless the analyst asks for them.
SEAT_TYPES = ("diplomacy", "sanctions")

# One colour per event type, ten at most (Tableau 10, told apart in print and by most
# colour-blind readers); a type added to the vocabulary later is drawn as "other".
TYPE_COLOURS = {
    "battle": "#e15759",
    "strike": "#f28e2b",
    "losses": "#9c755f",
    "aid": "#59a14f",
    "prisoner_exchange": "#76b7b2",
    "diplomacy": "#4e79a7",
    "training": "#edc948",
    "mobilization": "#b07aa1",
    "sanctions": "#ff9da7",
    "other": "#bab0ac",
}

# What the map shows before the analyst moves it: the front, from Kherson and Crimea to
# Kharkiv and the Russian border regions, with Odesa and Kyiv at its western edge.
FRONT = {"west": 30.0, "east": 40.6, "south": 44.2, "north": 51.6}
# Outlines are drawn, and places put on the map, within this frame (Europe and western
# Russia); places beyond it are listed, so one event in Washington does not drag the map there.
MAP_LIMIT = {"west": -12.0, "east": 60.0, "south": 34.0, "north": 71.0}
# Names the shape of place_counts() in its snapshot's key: changed with the shape, so that
# a snapshot stored by the code before is never read by the code after.
SNAPSHOT_SHAPE = "map-incidents"
# The list beside the map names the places with the most incidents; the timeline finds any other.
PLACE_LIST_LIMIT = 100


class MapForm(TimelineFilterForm):
    """The timeline's filters, a week (its Monday) and whether diplomacy is shown."""

    week = forms.DateField(label="Week of", required=False, widget=IsoDateInput())
    diplomacy = forms.BooleanField(label="Diplomacy and sanctions too", required=False)

    def clean_week(self) -> datetime.date | None:
        """The Monday of the week the date is in: any day of it chooses the week."""
        day = self.cleaned_data.get("week")
        if day is None:
            return None
        return day - datetime.timedelta(days=day.weekday())

    @property
    def chosen_week(self) -> datetime.date | None:
        return self.cleaned_data.get("week")

    @property
    def week_end(self) -> datetime.date | None:
        """The week's Sunday; the calendar's last week ends with the calendar (9999-12-31, a Friday)."""
        if self.chosen_week is None:
            return None
        return self.chosen_week + datetime.timedelta(days=min(6, (datetime.date.max - self.chosen_week).days))

    def left_out(self) -> tuple[str, ...]:
        """The seat types the map leaves out: those the analyst did not ask for by the box or by type."""
        if self.cleaned_data.get("diplomacy"):
            return ()
        chosen = self.cleaned_data.get("type") or ()
        return tuple(event_type for event_type in SEAT_TYPES if event_type not in chosen)

    def map_filters(self) -> RecordFilters:
        """The page's filters narrowed to the week and to the types the map shows."""
        filters = self.filters()
        left_out = self.left_out()
        if left_out:
            shown = filters.types or tuple(EVENT_TYPE_LABELS)
            filters = dataclasses.replace(filters, types=tuple(t for t in shown if t not in left_out))
        if self.chosen_week and self.week_end:
            last = self.week_end
            first = max(filters.date_from, self.chosen_week) if filters.date_from else self.chosen_week
            filters = dataclasses.replace(
                filters, date_from=first, date_to=min(filters.date_to, last) if filters.date_to else last
            )
        return filters


def type_colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"])


def _within(frame: dict, latitude: float, longitude: float) -> bool:
    return frame["west"] <= longitude <= frame["east"] and frame["south"] <= latitude <= frame["north"]


def _timeline_query(request: HttpRequest, filters: RecordFilters, weekly: bool) -> str:
    """The page's filters as the timeline reads them: the week as dates, the types shown; no place yet."""
    changes: dict[str, Change] = {"week": None, "diplomacy": None, "place": None, "type": list(filters.types)}
    if weekly and filters.date_from and filters.date_to:
        changes.update({"from": filters.date_from.isoformat(), "to": filters.date_to.isoformat()})
    return filter_query(request.GET, changes=changes)


class UnplacedPlace(TypedDict):
    name: str
    incidents: int
    reports: int


class MapPoint(TypedDict):
    name: str
    latitude: float
    longitude: float
    incidents: int
    reports: int
    types: list[tuple[str, int]]  # (event type, incidents), in the vocabulary's order


def place_counts(filters: RecordFilters) -> dict:
    """The places the events name, most incidents first: those in the frame as points, the rest listed."""
    counts: dict[str, dict[str, int]] = {}
    reports: dict[str, int] = {}
    for row in Event.objects.matching(filters).per_place_and_type():
        counts.setdefault(row["place"], {})[row["type"]] = row["incidents"]
        reports[row["place"]] = reports.get(row["place"], 0) + row["reports"]
    located = Place.objects.filter(name__in=counts, latitude__isnull=False, longitude__isnull=False)
    points: list[MapPoint] = []
    for name, latitude, longitude in located.values_list("name", "latitude", "longitude"):
        by_type = counts[name]
        points.append(
            MapPoint(
                name=name,
                # Not null: filtered in the query.
                latitude=cast(float, latitude),
                longitude=cast(float, longitude),
                incidents=sum(by_type.values()),
                reports=reports[name],
                types=[(event_type, by_type[event_type]) for event_type in sorted(by_type, key=_type_order)],
            )
        )
    points.sort(key=lambda point: (-point["incidents"], point["name"]))
    named = {point["name"] for point in points}
    unplaced = [
        UnplacedPlace(name=name, incidents=sum(by_type.values()), reports=reports[name])
        for name, by_type in counts.items()
        if name not in named
    ]
    unplaced.sort(key=lambda place: (-place["incidents"], place["name"]))
    return {
        "points": [p for p in points if _within(MAP_LIMIT, p["latitude"], p["longitude"])],
        "beyond": [p for p in points if not _within(MAP_LIMIT, p["latitude"], p["longitude"])],
        "unplaced": unplaced,
    }


def all_weeks_snapshot(filters: RecordFilters) -> tuple[str, Callable[[], dict]]:
    """The snapshot key of place_counts() over all weeks with the latest day, and what computes it."""

    def compute() -> dict:
        latest = Event.objects.matching(filters).aggregate(latest=Max("date"))["latest"]
        return {**place_counts(filters), "latest": latest}

    return f"{snapshots.CHARTS_PREFIX}{SNAPSHOT_SHAPE} {filters!r}", compute


def unfiltered_map_filters() -> RecordFilters:
    """The filters of the map as first opened (/map/ with no query): what the worker refreshes."""
    form = MapForm(QueryDict())
    form.is_valid()
    return form.map_filters()


def all_weeks_counts(filters: RecordFilters) -> tuple[dict, snapshots.Snapshot]:
    """place_counts() over all weeks, and the latest day, from a snapshot kept until the records change.

    Counting every event's places takes a second at a million events (a week, with the
    date index, 40-100 ms: computed per request); the snapshot is one row per filter
    combination, served like the charts' (dashboard.snapshots.charts). The worker
    refreshes the unfiltered one with the charts (snapshots.refresh).
    """
    snapshot = snapshots.charts(*all_weeks_snapshot(filters))
    return json.loads(snapshot.text), snapshot


def _linked(points: list[MapPoint], timeline: str) -> list[dict]:
    """Places with their link to the timeline (`timeline` ends in "?" or "&")."""
    return [{**point, "link": timeline + urlencode({"place": point["name"]})} for point in points]


def _type_order(event_type: str) -> int:
    order = list(EVENT_TYPE_LABELS)
    return order.index(event_type) if event_type in order else len(order)


def legend(points: list[MapPoint]) -> list[dict]:
    """The colours on the map, with the incidents of each type its points count."""
    totals: dict[str, int] = {}
    for point in points:
        for event_type, incidents in point["types"]:
            totals[event_type] = totals.get(event_type, 0) + incidents
    return [
        {"type": t, "label": EVENT_TYPE_LABELS.get(t, t), "colour": type_colour(t), "incidents": totals[t]}
        for t in sorted(totals, key=_type_order)
    ]


def _week_link(request: HttpRequest, week: datetime.date | None) -> str:
    return reverse("map") + filter_query(request.GET, changes={"week": week.isoformat() if week else None})


def _step(week: datetime.date, days: int) -> datetime.date | None:
    try:
        return week + datetime.timedelta(days=days)
    except OverflowError:
        return None


def week_steps(request: HttpRequest, form: MapForm, latest: str | None) -> dict:
    """Links to the previous and next week, to all weeks, and (from all weeks) to the latest one."""
    week = form.chosen_week
    if week is None:
        if not latest:
            return {"latest": ""}
        day = datetime.date.fromisoformat(latest)
        return {"latest": _week_link(request, day - datetime.timedelta(days=day.weekday()))}
    previous, following = _step(week, -7), _step(week, 7)
    return {
        "week_end": form.week_end,
        "previous": _week_link(request, previous) if previous else "",
        "next": _week_link(request, following) if following else "",
        "all_weeks": _week_link(request, None),
    }


@require_GET
@analysts_only
def map_page(request: HttpRequest) -> HttpResponse:
    form, bad_request = bound_filters(MapForm, request)
    if bad_request:
        return bad_request
    filters = form.map_filters()
    snapshot = None
    if form.chosen_week:
        places = place_counts(filters)
    else:
        places, snapshot = all_weeks_counts(filters)
    timeline = reverse("timeline") + _timeline_query(request, filters, weekly=form.chosen_week is not None)
    timeline += "&" if "?" in timeline else "?"
    colours = legend(places["points"])
    context = {
        "nav": "map",
        "form": form,
        "week": form.chosen_week,
        "steps": week_steps(request, form, places.get("latest")),
        "places": places,
        "listed": _linked(places["points"][:PLACE_LIST_LIMIT], timeline),
        "beyond": _linked(places["beyond"], timeline),
        "legend": colours,
        "left_out": [EVENT_TYPE_LABELS[t] for t in form.left_out()],
        "map_json": {
            "points": places["points"],
            "legend": colours,
            "timeline": timeline,
            "front": FRONT,
            "limit": MAP_LIMIT,
        },
        "figures_as_of": snapshot.as_of if snapshot else None,
        "being_processed": snapshot.being_processed if snapshot else 0,
        "any_events": bool(places["points"] or places["beyond"] or places["unplaced"]) or Event.objects.exists(),
        **filter_suggestions(form),
    }
    return render_page(request, "dashboard/map.html", context, partials=("map-body",))


urlpatterns = [path("", map_page, name="map")]
