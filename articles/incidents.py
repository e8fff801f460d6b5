"""Incidents: the reports of one happening, from different articles, grouped into one.

The rule (README "Incidents"): two reports (events) from different articles are one
incident when they have the same type, days at most one apart (a night attack is told
under either day), and
- for aid with a donor: a donor in common and a package in common (an item, or an
  amount in its currency);
- otherwise, when both name places: the places of one are all among the other's
  ("Kharkiv" and "Kharkiv, Saltivka" agree; two districts of Kharkiv do not);
- when neither names a place: the same countries (at least one) and the same figures
  (a loss figure in common, or none on either side).
A report without a day (undated, or dated to a week or more), or rejected by an editor,
stays alone: an incident of one report. Reports of one article are never put together
(extraction already merged what one article tells twice). Editors' decisions
(IncidentDecision) are applied after the rule, in the order they were made.

The grouping is a function of the reports' contents and the decisions, never of ids
or of the order articles came in: pairs are joined closest day first, then by the
reports' keys (article SHA-256, sentence offsets, type), so the same database gives
the same incidents whatever order it was filled in.
"""

from __future__ import annotations

import datetime
import operator
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from articles.models import AidPledge, Article, Event, Incident, IncidentDecision, LossReport, ReviewState

WINDOW = datetime.timedelta(days=1)
# Taken by every grouping for the rest of its transaction: two workers writing articles
# that report the same strike at once would otherwise each miss the other's uncommitted
# reports and start two incidents.
GROUPING_LOCK = 0x494E4344  # "INCD"


@dataclass(eq=False)
class Report:
    """What the rule reads of one event."""

    id: int
    article_id: int
    key: tuple
    type: str
    day: datetime.date | None  # the day it happened, only when the text gives a day
    date: datetime.date | None
    places: frozenset[str]
    countries: frozenset[str]
    rejected: bool
    incident_id: int | None
    apart: bool = False  # an editor took it out of its incident (IncidentDecision APART)
    figures: set[tuple] = field(default_factory=set)
    donors: set[str] = field(default_factory=set)
    packages: set[tuple] = field(default_factory=set)

    @property
    def decision_key(self) -> tuple:
        return (self.article_id, self.key[1], self.key[2], self.type)


def same_incident(a: Report, b: Report) -> bool:
    """The rule for two reports (see the module docstring)."""
    if a.article_id == b.article_id or a.type != b.type or a.rejected or b.rejected:
        return False
    if a.day is None or b.day is None or abs(a.day - b.day) > WINDOW:
        return False
    if a.type == "aid" and (a.donors or b.donors):
        return bool(a.donors & b.donors) and bool(a.packages & b.packages)
    if a.places and b.places:
        return a.places <= b.places or b.places <= a.places
    if a.places or b.places:
        return False
    figures_agree = bool(a.figures & b.figures) if a.figures or b.figures else True
    return bool(a.countries) and a.countries == b.countries and figures_agree


def _blocks(report: Report) -> list[tuple]:
    """Keys two reports must share to be compared at all (so grouping never compares every pair)."""
    if report.day is None or report.rejected:
        return []
    if report.type == "aid" and report.donors:
        return [("donor", donor) for donor in report.donors]
    if report.places:
        return [("place", report.type, place) for place in report.places]
    if report.countries:
        return [("countries", report.type, tuple(sorted(report.countries)))]
    return []


def load_reports(events: QuerySet[Event]) -> list[Report]:
    """The reports of `events`, with their figures and packages: three queries."""
    rows = events.values_list(
        "id",
        "article_id",
        "article__sha256",
        "span_start",
        "span_end",
        "type",
        "date",
        "precision",
        "places",
        "countries",
        "review_state",
        "incident_id",
    )
    reports = {
        row[0]: Report(
            id=row[0],
            article_id=row[1],
            key=(row[2], row[3], row[4], row[5]),
            type=row[5],
            day=row[6] if row[7] == "day" else None,
            date=row[6],
            places=frozenset(place.casefold() for place in row[8]),
            countries=frozenset(row[9]),
            rejected=row[10] == ReviewState.REJECTED,
            incident_id=row[11],
        )
        for row in rows.order_by()
    }
    ids = events.order_by().values("pk")
    losses = LossReport.objects.filter(event__in=ids).exclude(review_state=ReviewState.REJECTED).order_by()
    for event_id, side, category, low, high in losses.values_list("event_id", "side", "category", "min", "max"):
        if event_id in reports:
            reports[event_id].figures.add((side, category, low, high))
    pledges = AidPledge.objects.filter(event__in=ids).exclude(review_state=ReviewState.REJECTED).order_by()
    for event_id, donor, category, item, equipment, amount, currency in pledges.values_list(
        "event_id", "donor", "category", "item", "equipment_id", "amount", "currency"
    ):
        report = reports.get(event_id)
        if report is None:
            continue
        report.donors.add(donor)
        report.packages.add(("item", equipment or (item or "").casefold() or category))
        if amount is not None:
            report.packages.add(("amount", Decimal(amount).normalize(), currency))
    return sorted(reports.values(), key=lambda report: report.key)


class _Partition:
    """Reports in groups; groups joined or a report taken out, as the rule and the decisions say."""

    def __init__(self, reports: list[Report]):
        self.group_of = {report.id: index for index, report in enumerate(reports)}
        self.members: dict[int, list[Report]] = {index: [report] for index, report in enumerate(reports)}
        self.articles: dict[int, set[int]] = {index: {report.article_id} for index, report in enumerate(reports)}
        self.next = len(reports)

    def join(self, a: Report, b: Report, *, across_articles_only: bool) -> None:
        ga, gb = self.group_of[a.id], self.group_of[b.id]
        if ga == gb or (across_articles_only and self.articles[ga] & self.articles[gb]):
            return
        if len(self.members[ga]) < len(self.members[gb]):
            ga, gb = gb, ga
        for report in self.members.pop(gb):
            self.group_of[report.id] = ga
            self.members[ga].append(report)
        self.articles[ga] |= self.articles.pop(gb)

    def take_out(self, report: Report) -> None:
        group = self.group_of[report.id]
        if len(self.members[group]) == 1:
            return
        self.members[group].remove(report)
        self.articles[group] = {member.article_id for member in self.members[group]}
        self.group_of[report.id] = self.next
        self.members[self.next] = [report]
        self.articles[self.next] = {report.article_id}
        self.next += 1

    def groups(self) -> list[list[Report]]:
        return sorted(
            (sorted(members, key=lambda report: report.key) for members in self.members.values()),
            key=lambda members: members[0].key,
        )


def group(reports: list[Report], decisions: Iterable[IncidentDecision]) -> list[list[Report]]:
    """The incidents of `reports`: the rule, then the decisions in the order they were made."""
    decisions = list(decisions)
    by_id = {report.id: report for report in reports}
    by_key = {report.decision_key: report for report in reports}

    def find(event_id: int | None, key: tuple) -> Report | None:
        return by_id.get(event_id) if event_id in by_id else by_key.get(key)

    resolved = [
        (
            decision.action,
            find(decision.event_id, (decision.article_id, decision.span_start, decision.span_end, decision.type)),
            find(
                decision.other_event_id,
                (decision.other_article_id, decision.other_span_start, decision.other_span_end, decision.other_type),
            ),
        )
        for decision in decisions
    ]
    kept_apart = {named.id for action, named, _ in resolved if action == IncidentDecision.Action.APART and named}
    for report in reports:
        report.apart = report.id in kept_apart

    by_block: dict[tuple, list[Report]] = {}
    for report in reports:
        if report.id not in kept_apart:
            for block in _blocks(report):
                by_block.setdefault((block, report.day), []).append(report)
    pairs = set()
    for report in reports:
        if report.id in kept_apart or report.day is None:
            continue
        for block in _blocks(report):
            for shift in (-1, 0, 1):
                for other in by_block.get((block, report.day + datetime.timedelta(days=shift)), ()):
                    if report.key < other.key and same_incident(report, other):
                        pairs.add((abs(shift), report.key, other.key, report, other))

    partition = _Partition(reports)
    for _, _, _, a, b in sorted(pairs, key=lambda pair: pair[:3]):
        partition.join(a, b, across_articles_only=True)
    for action, first, second in resolved:
        if first is None:
            continue
        if action == IncidentDecision.Action.APART:
            partition.take_out(first)
        elif second is not None:
            partition.join(first, second, across_articles_only=False)
    return partition.groups()


def _summary(members: list[Report]) -> tuple[str, datetime.date | None]:
    """An incident's type (its reports' most common) and date (the earliest day a report gives)."""
    types = Counter(report.type for report in members)
    type_ = min(types, key=lambda name: (-types[name], name))
    days = [report.day for report in members if report.day] or [report.date for report in members if report.date]
    return type_, min(days, default=None)


def _store(groups: list[list[Report]], existing: set[int]) -> None:
    """Write the groups as incidents, each keeping the id most of its reports had (stable links)."""
    taken: set[int] = set()
    assigned: list[int | None] = [None] * len(groups)

    def staying(members: list[Report]) -> list[Report]:
        """Those of its reports that vote for an id: a report an editor split out claims its old incident last."""
        return [report for report in members if report.incident_id in existing and not report.apart]

    # Larger groups first, so a split leaves the id with the incident and not with the report taken out.
    for index in sorted(range(len(groups)), key=lambda index: (not staying(groups[index]), -len(groups[index]))):
        members = groups[index]
        voters = staying(members) or [report for report in members if report.incident_id in existing]
        counts = Counter(report.incident_id for report in voters)
        free = [incident for incident in counts if incident is not None and incident not in taken]
        chosen = min(free, key=lambda incident: (-counts[incident], incident)) if free else None
        if chosen is not None:
            taken.add(chosen)
        assigned[index] = chosen
    summaries = [_summary(members) for members in groups]
    created = Incident.objects.bulk_create(
        [
            Incident(type=type_, date=date)
            for (type_, date), chosen in zip(summaries, assigned, strict=True)
            if chosen is None
        ]
    )
    fresh = iter(incident.pk for incident in created)
    ids = [chosen if chosen is not None else next(fresh) for chosen in assigned]
    with connection.cursor() as cursor:
        kept = [
            (incident, summary) for incident, summary, chosen in zip(ids, summaries, assigned, strict=True) if chosen
        ]
        if kept:
            cursor.execute(
                "UPDATE articles_incident SET type = v.type, date = v.date"
                " FROM unnest(%s::bigint[], %s::varchar[], %s::date[]) AS v(id, type, date)"
                " WHERE articles_incident.id = v.id AND (articles_incident.type, articles_incident.date)"
                " IS DISTINCT FROM (v.type, v.date)",
                [[k[0] for k in kept], [k[1][0] for k in kept], [k[1][1] for k in kept]],
            )
        moves = [
            (report.id, incident)
            for members, incident in zip(groups, ids, strict=True)
            for report in members
            if report.incident_id != incident
        ]
        if moves:
            cursor.execute(
                "UPDATE articles_event SET incident_id = v.incident"
                " FROM unnest(%s::bigint[], %s::bigint[]) AS v(id, incident) WHERE articles_event.id = v.id",
                [[move[0] for move in moves], [move[1] for move in moves]],
            )
    # Where each incident stands on the timeline: its date, else its reports' earliest report date.
    Incident.place_from_reports(Incident.objects.filter(pk__in=ids))
    Incident.objects.filter(pk__in=existing - set(ids)).delete()


def _lock() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [GROUPING_LOCK])


def _decisions_about(article_ids: set[int]) -> QuerySet[IncidentDecision]:
    return IncidentDecision.objects.filter(Q(article_id__in=article_ids) | Q(other_article_id__in=article_ids))


def regroup(incident_ids: Iterable[int | None], also: Q | None = None) -> None:
    """Group again the reports of these incidents (and of `also`): what a decision or an article changes.

    Call inside a transaction (the lock it takes lasts until the commit).
    """
    _lock()
    existing = {incident for incident in incident_ids if incident is not None}
    reports = load_reports(Event.objects.filter(Q(incident__in=existing) | (also or Q(pk__in=[]))))
    decisions = _decisions_about({report.article_id for report in reports})
    _store(group(reports, decisions), existing)


def group_article(article: Article, old_incidents: Iterable[int | None] = ()) -> None:
    """Put the article's events in incidents: they join those of matching reports, or start their own.

    A few indexed queries: the article's reports, the candidates of the same type within
    a day of each (event_type_date), then the reports of the incidents they join, which
    are grouped again with the article's. `old_incidents` are those its events were in
    before a re-extraction: grouped again too, so none is left without reports.
    Call inside the transaction that writes the article's records.
    """
    _lock()
    own = load_reports(Event.objects.filter(article=article))
    windows = [
        Q(type=report.type, precision="day", date__range=(report.day - WINDOW, report.day + WINDOW))
        for report in own
        if report.day is not None and not report.rejected
    ]
    near = Event.objects.filter(reduce(operator.or_, windows)).exclude(article=article) if windows else None
    candidates = load_reports(near) if near is not None else []
    joined = {other.incident_id for other in candidates if any(same_incident(mine, other) for mine in own)}
    regroup(joined | set(old_incidents) | {report.incident_id for report in own}, also=Q(article=article))


@contextmanager
def grouped(article: Article) -> Iterator[None]:
    """Around the writing of an article's records: group its events once they are written."""
    old = set(Event.objects.filter(article=article, incident__isnull=False).values_list("incident_id", flat=True))
    yield
    group_article(article, old)


def group_all() -> int:
    """Rebuild every incident from every report (`manage.py group_incidents`); the number of incidents."""
    with transaction.atomic():
        _lock()
        reports = load_reports(Event.objects.all())
        groups = group(reports, IncidentDecision.objects.all())
        _store(groups, set(Incident.objects.values_list("pk", flat=True)))
    return len(groups)


def _first_report(incident_id: int) -> Event | None:
    return Event.objects.filter(incident_id=incident_id).order_by("article_id", "span_start", "id").first()


def _decision(action: str, report: Event, other: Event | None = None, user=None) -> IncidentDecision:
    return IncidentDecision.objects.create(
        action=action,
        article_id=report.article_id,
        span_start=report.span_start,
        span_end=report.span_end,
        type=report.type,
        event=report,
        other_article_id=other.article_id if other else None,
        other_span_start=other.span_start if other else None,
        other_span_end=other.span_end if other else None,
        other_type=other.type if other else "",
        other_event=other,
        made_by=user,
    )


def merge_incidents(incident_id: int, other_id: int, user=None) -> int | None:
    """An editor's MERGE, stored and applied; the id of the merged incident (None if either has no report)."""
    with transaction.atomic():
        _lock()
        first, second = _first_report(incident_id), _first_report(other_id)
        if first is None or second is None:
            return None
        _decision(IncidentDecision.Action.MERGE, first, second, user)
        regroup([incident_id, other_id])
        return Event.objects.values_list("incident_id", flat=True).get(pk=first.pk)


def keep_apart(report: Event, user=None) -> int | None:
    """An editor's APART, stored and applied: the report leaves its incident; the id of its own incident."""
    with transaction.atomic():
        _lock()
        _decision(IncidentDecision.Action.APART, report, user=user)
        regroup([report.incident_id])
        return Event.objects.values_list("incident_id", flat=True).get(pk=report.pk)
