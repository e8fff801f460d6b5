"""The numbers behind the charts page, in the shape static/js/charts.js draws.

Every series is built from the same QuerySet methods as the timeline and the
exports (`matching()` for the filters, `deduplicated()` for counting each
real-world figure once), so a chart can be checked against its records.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.urls import reverse

from articles.models import AidPledge, Event, LossReport
from articles.querysets import RecordFilters
from articles.vocabulary import EVENT_TYPE_LABELS
from dashboard.figures import loss_nouns, pledge_nouns
from dashboard.forms import LOSS_GROUPS, losses_charted, pledges_charted
from dashboard.kinds import KINDS
from dashboard.querystrings import filter_query

if TYPE_CHECKING:
    from dashboard.snapshots import Snapshot

# The parameters that choose what a chart shows (and narrow its CSV and records); the timeline
# ignores them. The last ones are a bar's, on the records page (dashboard.records).
CHART_OPTIONS = (
    "side",
    "group",
    "status",
    "aid",
    "day",
    "kind",
    "claimant",
    "category",
    "donor",
    "currency",
    "quantity",
)


def _timeline_link(base_params: list[tuple[str, str]], **overrides) -> str:
    """The timeline URL with the page's filters and some replaced (from/to/type/country/place)."""
    return _link("timeline", base_params, **overrides)


def _export_link(plural: str, base_params: list[tuple[str, str]], **options) -> str:
    """The CSV of exactly the records a chart counts: the page's filters plus the chart's options."""
    return _link(KINDS_BY_PLURAL[plural].export_url_name, base_params, **options)


def _records_page(plural: str, base_params: list[tuple[str, str]], **options) -> str:
    """The records page of a chart (dashboard.records): a bar adds its own options to it."""
    return reverse("chart_records", args=[plural]) + filter_query(base_params, drop=CHART_OPTIONS, changes=options)


def _link(view: str, base_params: list[tuple[str, str]], **overrides) -> str:
    # The chart options (side, group, status) mean nothing to the timeline; `from_` is `from`.
    changes = {name.rstrip("_"): value for name, value in overrides.items()}
    return reverse(view) + filter_query(base_params, drop=CHART_OPTIONS, changes=changes)


KINDS_BY_PLURAL = {kind.plural: kind for kind in KINDS.values()}

# A chart draws at most this many colours; the smallest of the rest are folded into "other".
COLOURS = 10
OTHER = "other"


def drawn_and_folded(totals: dict[str, float], limit: int = COLOURS) -> tuple[list[str], list[str]]:
    """The keys drawn in a colour of their own (largest total first, then by name) and those
    folded into one "other": at most `limit` colours in all, the same whatever the row order."""
    ranked = sorted(totals, key=lambda key: (-totals[key], key))
    if len(ranked) <= limit:
        return ranked, []
    return ranked[: limit - 1], ranked[limit - 1 :]


# How each loss period is drawn: past-day tallies and single incidents as bars (in
# stacks of their own), cumulative totals as lines.
LOSS_KINDS = {"day": "daily", "": "daily", "incident": "incident", "cumulative": "cumulative"}
KIND_WORDS = {"daily": "daily", "incident": "incidents", "cumulative": "in total"}
KIND_ORDER = ("daily", "incident", "cumulative")


def _claimant_param(claimant: str) -> str:
    return claimant or "none"


def loss_series(filters: RecordFilters, side: str, group: str, base_params) -> dict:
    """Reported losses of one side over time: daily figures as bars, cumulative totals as lines.

    Nothing is added that should not be: a daily figure and a cumulative total
    are never added together (bars and lines, on their own axes); past-day
    tallies and single incidents stand in separate stacks (an incident is often
    inside that day's tally); and the figures of different claimants are never
    added either: each claimant has its own stack and its own line. Within one
    stack the categories of the group add up (soldiers killed and wounded), and
    different incidents of one day add up; one incident counts once
    (LossReportQuerySet.deduplicated). Beyond ten categories, the smallest are
    drawn as one "other" within each stack.
    """
    losses = LossReport.objects.matching(filters).filter(losses_charted(side, group))
    figures = list(losses.deduplicated())
    dated = [row for row in figures if row["day"] is not None]
    undated = [row for row in figures if row["day"] is None]
    dates = sorted({row["day"] for row in dated})
    totals: dict[str, float] = defaultdict(float)
    for row in dated:
        totals[row["category"]] += row["figure"] or 0
    drawn, folded = drawn_and_folded(totals)
    order = [category for category in LOSS_GROUPS[group] if category in drawn]
    order += sorted(set(drawn) - set(order))
    if folded:
        order.append(OTHER)
    stacks = _loss_stacks(dated, dates, folded)
    return {
        "side": side,
        "group": group,
        "labels": [date.isoformat() for date in dates],
        "datasets": _loss_datasets(stacks, order, folded),
        "folded": [loss_nouns(category)[1] for category in folded],
        "figures": len(dated),
        "reports": sum(row["reports"] for row in dated),
        "undated": {"figures": len(undated), "reports": sum(row["reports"] for row in undated)},
        "table": _loss_table(stacks, dates, order, folded),
        "records": _records_page("losses", base_params, side=side, group=group),
        "csv": _export_link("losses", base_params, side=side, group=group),
    }


LossStacks = dict[tuple[str, str, str], list]


def _loss_stacks(figures: list[dict], dates: list[datetime.date], folded: list[str]) -> LossStacks:
    """Each figure on its day, in the series of its (kind, claimant, category): what may be added, and how."""
    index = {date: position for position, date in enumerate(dates)}
    fold = set(folded)
    series: LossStacks = {}
    tallies: dict[tuple[str, str, str, datetime.date], int] = {}
    for row in figures:
        kind = LOSS_KINDS.get(row["period"], "daily")
        category = OTHER if row["category"] in fold else row["category"]
        data = series.setdefault((kind, row["reported_by"], category), [None] * len(dates))
        position = index[row["day"]]
        if kind == "incident":
            data[position] = (data[position] or 0) + row["figure"]
            continue
        # One tally per day, claimant and category; a blank period and "day" are the same
        # tally. Folded categories add up after each has kept its largest tally.
        key = (kind, row["reported_by"], row["category"], row["day"])
        before = tallies.get(key)
        tallies[key] = max(before or 0, row["figure"])
        data[position] = (data[position] or 0) - (before or 0) + tallies[key]
    return series


def _loss_label(kind: str, claimant: str, category: str, several: bool) -> str:
    noun = "other categories" if category == OTHER else loss_nouns(category)[1]
    label = f"{noun}, {KIND_WORDS[kind]}"
    if several:
        label += f" (per {claimant})" if claimant else " (claimant not named)"
    return label


def _loss_datasets(series: LossStacks, categories: list[str], folded: list[str]) -> list[dict]:
    """The series in drawing order (daily, incidents, totals; claimant; category), each labelled in words."""
    claimants = sorted({claimant for _kind, claimant, _category in series})
    several = len(claimants) > 1
    datasets = []
    for kind in KIND_ORDER:
        for claimant in claimants:
            for colour, category in enumerate(categories):
                if (kind, claimant, category) not in series:
                    continue
                datasets.append(
                    {
                        "kind": kind,
                        "category": category,
                        "claimant": claimant,
                        "colour": colour,
                        "stack": f"{kind} {claimant}",
                        "label": _loss_label(kind, claimant, category, several),
                        "data": series[(kind, claimant, category)],
                        "bar": {
                            "kind": kind,
                            "claimant": _claimant_param(claimant),
                            "category": folded if category == OTHER else [category],
                        },
                    }
                )
    return datasets


# The table under the losses chart lists the latest days, this many rows at most (cut at a
# day's end): at a million records a table of every day would be megabytes of page. The page
# says how many days it shows; narrowing the dates shows the others, and the CSV has them all.
TABLE_ROWS = 300


def _loss_table(series: LossStacks, dates: list[datetime.date], categories: list[str], folded: list[str]) -> dict:
    """Per day (newest first), kind and category, each claimant's figure side by side (never added)."""
    claimants = sorted({claimant for _kind, claimant, _category in series})
    rows: list[dict] = []
    days = 0
    for position in range(len(dates) - 1, -1, -1):
        if len(rows) >= TABLE_ROWS:
            break
        days += 1
        for kind in KIND_ORDER:
            for category in categories:
                figures = [
                    series[(kind, claimant, category)][position] if (kind, claimant, category) in series else None
                    for claimant in claimants
                ]
                if all(figure is None for figure in figures):
                    continue
                rows.append(
                    {
                        "day": dates[position].isoformat(),
                        "kind": kind,
                        "kind_words": KIND_WORDS[kind],
                        "category": "other categories" if category == OTHER else loss_nouns(category)[1],
                        "categories": folded if category == OTHER else [category],
                        "figures": [
                            {"claimant": _claimant_param(claimant), "figure": figure}
                            for claimant, figure in zip(claimants, figures, strict=True)
                        ],
                    }
                )
    return {
        "claimants": [claimant or "claimant not named" for claimant in claimants],
        "rows": rows,
        "days_shown": days,
        "days": len(dates),
    }


# The equipment chart is one small chart per group of categories whose counts are of a
# like size: 14 tanks are not drawn on the axis of 6,000 missiles or a million shells.
EQUIPMENT_GROUPS = {
    "armour": ("Armour and vehicles", ("tank", "armored_vehicle", "vehicle")),
    "artillery": ("Artillery and rocket launchers", ("artillery", "mlrs")),
    "air_defence": ("Air defence", ("air_defense",)),
    "aircraft": ("Aircraft and helicopters", ("aircraft", "helicopter")),
    "drones": ("Drones", ("drone",)),
    "missiles": ("Missiles and anti-tank weapons", ("missile", "anti_tank")),
    "munitions": ("Ammunition and small arms", ("ammunition", "small_arms")),
    "other": ("Ships and other aid", ("ship", "other")),
}


def equipment_group(category: str) -> str:
    """The small chart of a pledge category: a category added to the vocabulary joins "other"."""
    for group, (_label, categories) in EQUIPMENT_GROUPS.items():
        if category in categories:
            return group
    return "other"


def _unnumbered(row: dict) -> bool:
    return not row["quantity_max"]


def pledge_series(filters: RecordFilters, statuses: list[str], base_params) -> dict:
    """Pledged equipment by donor (one small chart per group of categories), and money by donor and currency.

    Each real-world pledge counts once with the largest quantity or amount any
    report gives (AidPledgeQuerySet.deduplicated). With both statuses, pledged
    and delivered stand in two stacks side by side and are never added. A pledge
    that names no number is counted apart ("named without a number"), per donor.
    """
    pledges = AidPledge.objects.matching(filters)
    rows = list(pledges.filter(pledges_charted(statuses)).deduplicated())
    equipment = [row for row in rows if row["category"] != "funding"]
    funding = [row for row in rows if row["category"] == "funding"]
    status = "both" if len(statuses) > 1 else statuses[0]
    groups = []
    for group, (label, _categories) in EQUIPMENT_GROUPS.items():
        members = [row for row in equipment if equipment_group(row["category"]) == group]
        if members:
            groups.append(_equipment_group(group, label, members, statuses))
    return {
        "statuses": statuses,
        "equipment": {
            "groups": groups,
            "pledges": len(equipment),
            "without_quantity": sum(1 for row in equipment if _unnumbered(row)),
            "records": _records_page("pledges", base_params, status=status, aid="equipment"),
            "csv": _export_link("pledges", base_params, status=status, aid="equipment"),
        },
        "funding": _money_by_donor(funding, statuses)
        | {
            "records": _records_page("pledges", base_params, status=status, aid="funding"),
            "csv": _export_link("pledges", base_params, status=status, aid="funding"),
        },
        "reports": sum(row["reports"] for row in rows),
    }


def _equipment_group(group: str, label: str, rows: list[dict], statuses: list[str]) -> dict:
    """Donors by the quantity they gave in this group (most first; those who named no number last),
    quantities stacked by category, one stack per status, and each donor's pledges without a number."""
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row["donor"]] += row["quantity_max"] or 0
    donors = sorted(totals, key=lambda donor: (-totals[donor], donor))
    position = {donor: i for i, donor in enumerate(donors)}
    category_totals: dict[str, float] = defaultdict(float)
    for row in rows:
        category_totals[row["category"]] += row["quantity_max"] or 0
    drawn, folded = drawn_and_folded(category_totals)
    fold = set(folded)
    stacks: dict[tuple[str, str], list] = {}
    unnumbered = [0] * len(donors)
    for row in rows:
        if _unnumbered(row):
            unnumbered[position[row["donor"]]] += 1
            continue
        category = OTHER if row["category"] in fold else row["category"]
        data = stacks.setdefault((category, row["status"]), [None] * len(donors))
        data[position[row["donor"]]] = (data[position[row["donor"]]] or 0) + row["quantity_max"]
    colours = {category: i for i, category in enumerate([*drawn, *([OTHER] if folded else [])])}
    datasets: list[dict[str, Any]] = [
        {
            "category": category,
            "status": status,
            "colour": colours[category],
            "stack": status,
            "label": _pledge_label(category, status, statuses),
            "data": data,
            "bar": {"category": folded if category == OTHER else [category], "status": status, "quantity": "given"},
        }
        for (category, status), data in sorted(stacks.items(), key=lambda item: (colours[item[0][0]], item[0][1]))
    ]
    categories = [category for category in EQUIPMENT_GROUPS.get(group, ("", ()))[1]]
    return {
        "group": group,
        "label": label,
        "labels": donors,
        "datasets": datasets,
        "unnumbered": {
            "data": unnumbered,
            "bar": {"category": sorted({row["category"] for row in rows} | set(categories)), "quantity": "none"},
        },
        "pledges": len(rows),
        "without_quantity": sum(unnumbered),
    }


def _pledge_label(category: str, status: str, statuses: list[str]) -> str:
    noun = "other categories" if category == OTHER else pledge_nouns(category)[1]
    return f"{noun} ({status})" if len(statuses) > 1 else noun


def _money_by_donor(funding: list[dict], statuses: list[str]) -> dict:
    """Donors by the money they gave, most first, one bar per currency and status: currencies never added.

    At most ten currencies are drawn (those of the most money first); any others stay in the table.
    A funding pledge without an amount is counted apart, per donor."""
    numbered = [row for row in funding if row["amount_max"] is not None]
    totals: dict[str, float] = defaultdict(float)
    for row in numbered:
        totals[row["donor"]] += float(row["amount_max"])
    for row in funding:
        totals.setdefault(row["donor"], 0.0)
    donors = sorted(totals, key=lambda donor: (-totals[donor], donor))
    position = {donor: i for i, donor in enumerate(donors)}
    currency_totals: dict[str, float] = defaultdict(float)
    for row in numbered:
        currency_totals[row["currency"]] += float(row["amount_max"])
    drawn = sorted(currency_totals, key=lambda currency: (-currency_totals[currency], currency))[:COLOURS]
    stacks: dict[tuple[str, str], list] = {}
    unnumbered = [0] * len(donors)
    for row in funding:
        if row["amount_max"] is None:
            unnumbered[position[row["donor"]]] += 1
            continue
        data = stacks.setdefault((row["currency"], row["status"]), [None] * len(donors))
        data[position[row["donor"]]] = (data[position[row["donor"]]] or 0) + float(row["amount_max"])
    ordered = sorted(stacks.items(), key=lambda item: (-currency_totals[item[0][0]], item[0][0], item[0][1]))
    datasets: list[dict[str, Any]] = [
        {
            "currency": currency,
            "status": status,
            "colour": drawn.index(currency) if currency in drawn else None,
            "drawn": currency in drawn,
            "stack": f"{currency} {status}",
            "label": f"{currency or 'no currency'} ({status})" if len(statuses) > 1 else currency or "no currency",
            "data": data,
            "bar": {"currency": currency or "none", "status": status, "quantity": "given"},
        }
        for (currency, status), data in ordered
    ]
    return {
        "labels": donors,
        "datasets": datasets,
        "unnumbered": {"data": unnumbered, "bar": {"quantity": "none"}},
        "pledges": len(funding),
        "without_amount": sum(unnumbered),
    }


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
    """Incidents per week (weeks start on Monday) by type, stacked; at most ten types in colour."""
    rows = list(Event.objects.matching(filters).per_week_by_type())
    weeks = sorted({row["week"] for row in rows})
    position = {week: i for i, week in enumerate(weeks)}
    totals: dict[str, float] = defaultdict(float)
    for row in rows:
        totals[row["type"]] += row["incidents"]
    drawn, folded = drawn_and_folded(totals)
    fold = set(folded)
    by_type: dict[str, list] = {}
    for row in rows:
        kind = OTHER if row["type"] in fold else row["type"]
        data = by_type.setdefault(kind, [None] * len(weeks))
        data[position[row["week"]]] = (data[position[row["week"]]] or 0) + row["incidents"]
    labels = EVENT_TYPE_LABELS
    types = [event_type for event_type in labels if event_type in by_type]
    types += [kind for kind in by_type if kind not in types]

    def chosen(event_type: str) -> list[str]:
        return [event_type, *folded] if event_type == OTHER else [event_type]

    datasets: list[dict[str, Any]] = [
        {
            "type": event_type,
            "colour": i,
            "label": labels.get(event_type, event_type) + (" and the rest" if event_type == OTHER and folded else ""),
            "data": by_type[event_type],
            "links": [
                _timeline_link(base_params, **_week_range(week, filters), type=chosen(event_type))
                if by_type[event_type][i_week]
                else None
                for i_week, week in enumerate(weeks)
            ],
        }
        for i, event_type in enumerate(types)
    ]
    return {
        "labels": [week.isoformat() for week in weeks],
        "datasets": datasets,
        "table": [
            {"week": week.isoformat(), "cells": [{"value": d["data"][i], "link": d["links"][i]} for d in datasets]}
            for i, week in enumerate(weeks)
        ],
        "incidents": sum(row["incidents"] for row in rows),
        "events": sum(row["events"] for row in rows),
    }


def chart_data(form, base_params) -> dict:
    filters = form.filters()
    return {
        "losses": loss_series(filters, form.loss_side, form.loss_group, base_params),
        "pledges": pledge_series(filters, form.aid_statuses, base_params),
        "weekly": weekly_series(filters, base_params),
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
