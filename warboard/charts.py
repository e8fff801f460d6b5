"""The numbers behind the charts page, in the shape static/js/charts.js draws.

Every series is built from the same QuerySet methods as the timeline and the
exports (`matching()` for the filters, `deduplicated()` for counting each
real-world figure once), so a chart can be checked against its records.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from urllib.parse import urlencode

from django.urls import reverse

from articles.models import AidPledge, Event, LossReport, Place
from articles.querysets import RecordFilters
from warboard.figures import LOSS_NOUNS, PLEDGE_NOUNS
from warboard.forms import LOSS_GROUPS


def _timeline_link(base_params: list[tuple[str, str]], **overrides) -> str:
    """The timeline URL with the page's filters and some replaced (from/to/type/country/place)."""
    replaced = {name.rstrip("_") for name in overrides}
    params = [(name, value) for name, value in base_params if name not in replaced and name != "after"]
    for name, value in overrides.items():
        name = name.rstrip("_")
        values = value if isinstance(value, list) else [value]
        params.extend((name, str(v)) for v in values if v not in ("", None))
    return reverse("timeline") + ("?" + urlencode(params) if params else "")


def loss_series(filters: RecordFilters, side: str, group: str, base_params) -> dict:
    """Reported losses of one side over time: daily figures as bars, cumulative totals as lines.

    A daily (or single-incident) figure and a cumulative total are never added
    together: bars sum the de-duplicated figures for one day; the line takes,
    for each day, the largest cumulative total any claimant reported as of that day.
    """
    categories = LOSS_GROUPS[group]
    figures = list(
        LossReport.objects.matching(filters)
        .filter(side=side, category__in=categories, date__isnull=False)
        .deduplicated()
    )
    dates = sorted({row["date"] for row in figures})
    index = {date: position for position, date in enumerate(dates)}
    daily: dict[str, list] = defaultdict(lambda: [0] * len(dates))
    cumulative: dict[str, list] = defaultdict(lambda: [None] * len(dates))
    reports = 0
    for row in figures:
        reports += row["reports"]
        position = index[row["date"]]
        if row["period"] == LossReport.Period.CUMULATIVE:
            current = cumulative[row["category"]][position]
            cumulative[row["category"]][position] = max(current or 0, row["figure"])
        else:
            daily[row["category"]][position] += row["figure"]
    datasets = []
    for category in categories:
        label = LOSS_NOUNS[category][1]
        if category in daily:
            datasets.append(
                {"kind": "daily", "category": category, "label": f"{label}, daily", "data": daily[category]}
            )
        if category in cumulative:
            datasets.append(
                {
                    "kind": "cumulative",
                    "category": category,
                    "label": f"{label}, in total",
                    "data": cumulative[category],
                }
            )
    return {
        "side": side,
        "group": group,
        "labels": [date.isoformat() for date in dates],
        "datasets": datasets,
        "figures": len(figures),
        "reports": reports,
        "links": [_timeline_link(base_params, from_=d.isoformat(), to=d.isoformat(), country=[side]) for d in dates],
    }


def pledge_series(filters: RecordFilters, statuses: list[str], base_params) -> dict:
    """Pledged equipment by donor (quantities stacked by category), and money by donor and currency.

    Each real-world pledge counts once with the largest quantity or amount any
    report gives (AidPledgeQuerySet.deduplicated). With both statuses, pledged
    and delivered stand in two stacks side by side and are never added.
    """
    rows = list(AidPledge.objects.matching(filters).filter(status__in=statuses).deduplicated())
    equipment = [row for row in rows if row["category"] != AidPledge.Category.FUNDING]
    funding = [row for row in rows if row["category"] == AidPledge.Category.FUNDING and row["amount_max"] is not None]

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
    equipment_datasets = [
        {
            "category": category,
            "status": status,
            "stack": status,
            "label": f"{PLEDGE_NOUNS[category][1]} ({status})" if len(statuses) > 1 else PLEDGE_NOUNS[category][1],
            "data": data,
        }
        for (category, status), data in sorted(stacks.items())
    ]

    money_totals: dict[str, float] = defaultdict(float)
    for row in funding:
        money_totals[row["donor"]] += float(row["amount_max"])
    money_donors = sorted(money_totals, key=lambda donor: (-money_totals[donor], donor))
    money_position = {donor: i for i, donor in enumerate(money_donors)}
    money_stacks: dict[tuple[str, str], list] = {}
    for row in funding:
        key = (row["currency"], row["status"])
        money_stacks.setdefault(key, [0] * len(money_donors))[money_position[row["donor"]]] += float(row["amount_max"])
    money_datasets = [
        {
            "currency": currency,
            "status": status,
            "stack": f"{currency} {status}",
            "label": f"{currency} ({status})" if len(statuses) > 1 else currency,
            "data": data,
        }
        for (currency, status), data in sorted(money_stacks.items())
    ]
    return {
        "statuses": statuses,
        "equipment": {
            "labels": donors,
            "datasets": equipment_datasets,
            "links": [_timeline_link(base_params, country=[donor], type=["aid"]) for donor in donors],
            "pledges": len(equipment),
            "without_quantity": sum(1 for row in equipment if not row["quantity_max"]),
        },
        "funding": {
            "labels": money_donors,
            "datasets": money_datasets,
            "links": [_timeline_link(base_params, country=[donor], type=["aid"]) for donor in money_donors],
            "pledges": len(funding),
        },
        "reports": sum(row["reports"] for row in rows),
    }


def weekly_series(filters: RecordFilters, base_params) -> dict:
    """Events per week (weeks start on Monday) by type, stacked."""
    rows = list(Event.objects.matching(filters).per_week_by_type())
    weeks = sorted({row["week"] for row in rows})
    position = {week: i for i, week in enumerate(weeks)}
    labels = dict(Event.Type.choices)
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
                    _timeline_link(
                        base_params,
                        from_=week.isoformat(),
                        to=(week + datetime.timedelta(days=6)).isoformat(),
                        type=[event_type],
                    )
                    for week in weeks
                ],
            }
            for event_type in labels
            if event_type in by_type
        ],
        "events": sum(row["events"] for row in rows),
    }


def map_points(filters: RecordFilters, base_params) -> dict:
    """A bubble per gazetteer place, sized by how many events name it."""
    counts = {row["place"]: row["events"] for row in Event.objects.matching(filters).per_place()}
    places = Place.objects.filter(name__in=counts, latitude__isnull=False, longitude__isnull=False)
    points = [
        {
            "name": place.name,
            "latitude": place.latitude,
            "longitude": place.longitude,
            "value": counts[place.name],
            "link": _timeline_link(base_params, place=place.name),
        }
        for place in places
    ]
    points.sort(key=lambda point: (-point["value"], point["name"]))
    located = {point["name"] for point in points}
    return {"points": points, "unplaced": sorted(name for name in counts if name not in located)}


def chart_data(form, base_params) -> dict:
    filters = form.filters()
    return {
        "losses": loss_series(filters, form.loss_side, form.loss_group, base_params),
        "pledges": pledge_series(filters, form.aid_statuses, base_params),
        "weekly": weekly_series(filters, base_params),
        "map": map_points(filters, base_params),
    }
