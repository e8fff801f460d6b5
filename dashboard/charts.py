"""The numbers behind the charts page, in the shape static/js/charts.js draws.

Every series is built from the same QuerySet methods as the timeline and the
exports (`matching()` for the filters, `deduplicated()` for counting each
real-world figure once), so a chart can be checked against its records.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.urls import reverse

from articles.models import AidPledge, Event, LossReport, Place
from articles.querysets import RecordFilters
from articles.vocabulary import EVENT_TYPE_LABELS
from dashboard.figures import loss_nouns, pledge_nouns
from dashboard.forms import LOSS_GROUPS, losses_charted, pledges_charted
from dashboard.kinds import KINDS
from dashboard.querystrings import filter_query

if TYPE_CHECKING:
    from dashboard.snapshots import Snapshot

# The parameters that choose what a chart shows (and narrow its CSV); the timeline ignores them.
CHART_OPTIONS = ("side", "group", "status", "aid")


def _timeline_link(base_params: list[tuple[str, str]], **overrides) -> str:
    """The timeline URL with the page's filters and some replaced (from/to/type/country/place)."""
    return _link("timeline", base_params, **overrides)


def _records_link(export: str, base_params: list[tuple[str, str]], **options) -> str:
    """The CSV of exactly the records a chart counts: the page's filters plus the chart's options."""
    return _link(export, base_params, **options)


def _link(view: str, base_params: list[tuple[str, str]], **overrides) -> str:
    # The chart options (side, group, status) mean nothing to the timeline; `from_` is `from`.
    changes = {name.rstrip("_"): value for name, value in overrides.items()}
    return reverse(view) + filter_query(base_params, drop=CHART_OPTIONS, changes=changes)


# How each loss period is drawn: past-day tallies and single incidents as bars (in
# stacks of their own), cumulative totals as lines.
LOSS_KINDS = {"day": "daily", "": "daily", "incident": "incident", "cumulative": "cumulative"}
KIND_WORDS = {"daily": "daily", "incident": "incidents", "cumulative": "in total"}


def loss_series(filters: RecordFilters, side: str, group: str, base_params) -> dict:
    """Reported losses of one side over time: daily figures as bars, cumulative totals as lines.

    Nothing is added that should not be: a daily figure and a cumulative total
    are never added together (bars and lines, on their own axes); past-day
    tallies and single incidents stand in separate stacks (an incident is often
    inside that day's tally); and the figures of different claimants are never
    added either: each claimant has its own stack and its own line. Within one
    stack the categories of the group add up (soldiers killed and wounded), and
    incidents of one day in different places add up.
    """
    losses = LossReport.objects.matching(filters)
    figures = list(losses.filter(losses_charted(side, group), date__isnull=False).deduplicated())
    dates = sorted({row["date"] for row in figures})
    return {
        "side": side,
        "group": group,
        "labels": [date.isoformat() for date in dates],
        "datasets": _loss_datasets(_loss_stacks(figures, dates), LOSS_GROUPS[group]),
        "figures": len(figures),
        "reports": sum(row["reports"] for row in figures),
        "links": [_timeline_link(base_params, from_=d.isoformat(), to=d.isoformat(), country=[side]) for d in dates],
        "records": _records_link(KINDS["loss"].export_url_name, base_params, side=side, group=group),
    }


LossStacks = dict[tuple[str, str, str], list]


def _loss_stacks(figures: list[dict], dates: list[datetime.date]) -> LossStacks:
    """Each figure on its date, in the series of its (kind, claimant, category): what may be added, and how."""
    index = {date: position for position, date in enumerate(dates)}
    series: LossStacks = {}
    for row in figures:
        kind = LOSS_KINDS.get(row["period"], "daily")
        key = (kind, row["reported_by"], row["category"])
        data = series.setdefault(key, [None if kind == "cumulative" else 0] * len(dates))
        position = index[row["date"]]
        if kind == "incident":
            data[position] += row["figure"]
        else:
            # One tally per day and claimant; a blank period and "day" are the same tally.
            data[position] = max(data[position] or 0, row["figure"])
    return series


def _loss_datasets(series: LossStacks, categories: list[str]) -> list[dict]:
    """The series in drawing order (daily, incidents, totals; claimant; category), each labelled in words."""
    claimants = sorted({claimant for _kind, claimant, _category in series})
    several = len(claimants) > 1
    datasets = []
    for kind in ("daily", "incident", "cumulative"):
        for claimant in claimants:
            for category in categories:
                if (kind, claimant, category) not in series:
                    continue
                label = f"{loss_nouns(category)[1]}, {KIND_WORDS[kind]}"
                if several:
                    label += f" (per {claimant})" if claimant else " (claimant not named)"
                datasets.append(
                    {
                        "kind": kind,
                        "category": category,
                        "claimant": claimant,
                        "stack": f"{kind} {claimant}",
                        "label": label,
                        "data": series[(kind, claimant, category)],
                    }
                )
    return datasets


def pledge_series(filters: RecordFilters, statuses: list[str], base_params) -> dict:
    """Pledged equipment by donor (quantities stacked by category), and money by donor and currency.

    Each real-world pledge counts once with the largest quantity or amount any
    report gives (AidPledgeQuerySet.deduplicated). With both statuses, pledged
    and delivered stand in two stacks side by side and are never added.
    """
    pledges = AidPledge.objects.matching(filters)
    rows = list(pledges.filter(pledges_charted(statuses)).deduplicated())
    equipment = [row for row in rows if row["category"] != "funding"]
    funding = [row for row in rows if row["category"] == "funding" and row["amount_max"] is not None]
    donors, equipment_datasets = _equipment_by_donor(equipment, statuses)
    money_donors, money_datasets = _money_by_donor(funding, statuses)
    status = "both" if len(statuses) > 1 else statuses[0]
    return {
        "statuses": statuses,
        "equipment": {
            "labels": donors,
            "datasets": equipment_datasets,
            "links": [_timeline_link(base_params, country=[donor]) for donor in donors],
            "pledges": len(equipment),
            "without_quantity": sum(1 for row in equipment if not row["quantity_max"]),
            "records": _records_link(KINDS["pledge"].export_url_name, base_params, status=status, aid="equipment"),
        },
        "funding": {
            "labels": money_donors,
            "datasets": money_datasets,
            "links": [_timeline_link(base_params, country=[donor]) for donor in money_donors],
            "pledges": len(funding),
            "records": _records_link(KINDS["pledge"].export_url_name, base_params, status=status, aid="funding"),
        },
        "reports": sum(row["reports"] for row in rows),
    }


def _equipment_by_donor(equipment: list[dict], statuses: list[str]) -> tuple[list[str], list[dict]]:
    """Donors by the quantity they gave, most first (none without a quantity), and the quantities
    stacked by category, one stack per status."""
    totals: dict[str, int] = defaultdict(int)
    for row in equipment:
        totals[row["donor"]] += row["quantity_max"] or 0
    donors = sorted((donor for donor in totals if totals[donor]), key=lambda donor: (-totals[donor], donor))
    position = {donor: i for i, donor in enumerate(donors)}
    stacks: dict[tuple[str, str], list] = {}
    for row in equipment:
        if not row["quantity_max"]:
            continue
        key = (row["category"], row["status"])
        stacks.setdefault(key, [0] * len(donors))[position[row["donor"]]] += row["quantity_max"]
    datasets = [
        {
            "category": category,
            "status": status,
            "stack": status,
            "label": f"{pledge_nouns(category)[1]} ({status})" if len(statuses) > 1 else pledge_nouns(category)[1],
            "data": data,
        }
        for (category, status), data in sorted(stacks.items())
    ]
    return donors, datasets


def _money_by_donor(funding: list[dict], statuses: list[str]) -> tuple[list[str], list[dict]]:
    """Donors by the money they gave, most first, one bar per currency and status: currencies never added."""
    totals: dict[str, float] = defaultdict(float)
    for row in funding:
        totals[row["donor"]] += float(row["amount_max"])
    donors = sorted(totals, key=lambda donor: (-totals[donor], donor))
    position = {donor: i for i, donor in enumerate(donors)}
    stacks: dict[tuple[str, str], list] = {}
    for row in funding:
        key = (row["currency"], row["status"])
        stacks.setdefault(key, [0] * len(donors))[position[row["donor"]]] += float(row["amount_max"])
    datasets = [
        {
            "currency": currency,
            "status": status,
            "stack": f"{currency} {status}",
            "label": f"{currency} ({status})" if len(statuses) > 1 else currency,
            "data": data,
        }
        for (currency, status), data in sorted(stacks.items())
    ]
    return donors, datasets


def _week_range(week: datetime.date, filters: RecordFilters) -> dict:
    """The week from Monday to Sunday, within the page's own date range: the bar counts no more."""
    # The week of 9999-12-27 ends with the calendar (an editor can date an event there).
    first, last = week, min(week, datetime.date.max - datetime.timedelta(days=6)) + datetime.timedelta(days=6)
    if filters.date_from:
        first = max(first, filters.date_from)
    if filters.date_to:
        last = min(last, filters.date_to)
    return {"from_": first.isoformat(), "to": last.isoformat()}


def weekly_series(filters: RecordFilters, base_params) -> dict:
    """Events per week (weeks start on Monday) by type, stacked."""
    rows = list(Event.objects.matching(filters).per_week_by_type())
    weeks = sorted({row["week"] for row in rows})
    position = {week: i for i, week in enumerate(weeks)}
    labels = EVENT_TYPE_LABELS
    by_type: dict[str, list] = {}
    for row in rows:
        by_type.setdefault(row["type"], [0] * len(weeks))[position[row["week"]]] += row["events"]
    return {
        "labels": [week.isoformat() for week in weeks],
        "datasets": [
            {
                "type": event_type,
                "label": labels.get(event_type, event_type),
                "data": by_type[event_type],
                "links": [
                    _timeline_link(base_params, **_week_range(week, filters), type=[event_type]) for week in weeks
                ],
            }
            for event_type in labels
            if event_type in by_type
        ],
        "events": sum(row["events"] for row in rows),
    }


# The map shows Ukraine and its neighbours, widened to take in the places events
# name as far as this frame (Europe and western Russia); places beyond it are listed,
# not drawn, so that one event in Washington does not shrink Ukraine to a dot.
MAP_FRAME = {"west": 21.0, "east": 41.5, "south": 43.5, "north": 53.5}
MAP_LIMIT = {"west": -12.0, "east": 60.0, "south": 34.0, "north": 71.0}


def _map_box(points: list[dict]) -> dict:
    box = dict(MAP_FRAME)
    for point in points:
        box["west"] = min(box["west"], point["longitude"] - 1.5)
        box["east"] = max(box["east"], point["longitude"] + 1.5)
        box["south"] = min(box["south"], point["latitude"] - 1.0)
        box["north"] = max(box["north"], point["latitude"] + 1.0)
    return box


def _within_limit(point: dict) -> bool:
    return (
        MAP_LIMIT["west"] <= point["longitude"] <= MAP_LIMIT["east"]
        and MAP_LIMIT["south"] <= point["latitude"] <= MAP_LIMIT["north"]
    )


def map_points(filters: RecordFilters, base_params) -> dict:
    """A bubble per gazetteer place, sized by how many events name it, and the frame to draw."""
    counts = {row["place"]: row["events"] for row in Event.objects.matching(filters).per_place()}
    places = Place.objects.filter(name__in=counts, latitude__isnull=False, longitude__isnull=False)
    located = [
        {
            "name": place.name,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "value": counts[place.name],
            "link": _timeline_link(base_params, place=place.name),
        }
        for place in places
    ]
    located.sort(key=lambda point: (-point["value"], point["name"]))
    points = [point for point in located if _within_limit(point)]
    named = {point["name"] for point in located}
    return {
        "points": points,
        "box": _map_box(points),
        "beyond": [point for point in located if not _within_limit(point)],
        "unplaced": sorted(name for name in counts if name not in named),
    }


def chart_data(form, base_params) -> dict:
    filters = form.filters()
    return {
        "losses": loss_series(filters, form.loss_side, form.loss_group, base_params),
        "pledges": pledge_series(filters, form.aid_statuses, base_params),
        "weekly": weekly_series(filters, base_params),
        "map": map_points(filters, base_params),
    }


def snapshot_key(base_params) -> str:
    from dashboard.snapshots import CHARTS_PREFIX

    return CHARTS_PREFIX + urlencode(base_params)


def current_chart_json(form, base_params) -> Snapshot:
    """chart_data() as JSON, from its snapshot: computed once per change, then read back.

    De-duplicating and counting a million records takes seconds; their numbers only
    change when a record does. While articles are being processed the last snapshot
    may be served, with its time (dashboard.snapshots.charts).
    """
    from dashboard import snapshots

    return snapshots.charts(snapshot_key(base_params), lambda: chart_data(form, base_params))


# What json_script escapes so that the JSON cannot close its <script>; str.replace, not
# str.translate, which takes half a second over the megabyte of a busy chart.
SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


def script_safe(text: str) -> str:
    for character, escaped in SCRIPT_ESCAPES:
        text = text.replace(character, escaped)
    return text
