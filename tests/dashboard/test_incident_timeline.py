"""The timeline by incident (the default): one card per incident, its sources, claims side by side, filters, pages."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from articles.models import Event, Incident
from tests.pages import parse_page

D = datetime.date
HTMX = {"HX-Request": "true"}


def incident_of(*reports: Event) -> Incident:
    """One incident of these reports, as articles.incidents stores it (type, earliest day)."""
    days = [report.date for report in reports if report.date]
    incident = Incident.objects.create(type=reports[0].type, date=min(days, default=None))
    Event.objects.filter(pk__in=[report.pk for report in reports]).update(incident=incident)
    return incident


def incident_ids(response) -> list[int]:
    return [
        int(str(card.get("id")).removeprefix("incident-")) for card in parse_page(response).select(cls="incident-card")
    ]


def get(client, **params):
    return client.get(reverse("timeline"), params)


@pytest.fixture
def kharkiv_strike(make_article, make_event):
    """One strike told by two outlets on two days (a night attack), and a strike elsewhere."""
    reuters = make_article(title="Missiles hit Kharkiv overnight", outlet="Reuters", published=D(2024, 1, 6))
    bbc = make_article(title="Kharkiv's Saltivka district struck", outlet="BBC", published=D(2024, 1, 6))
    first = make_event(article=reuters, type="strike", date=D(2024, 1, 5), places=["Kharkiv"], countries=["UA"])
    second = make_event(
        article=bbc, type="strike", date=D(2024, 1, 6), places=["Kharkiv", "Saltivka"], countries=["UA", "RU"]
    )
    odesa = make_event(
        article=make_article(title="Drones over Odesa", outlet="Ukrainska Pravda"),
        type="strike",
        date=D(2024, 1, 4),
        places=["Odesa"],
    )
    return {"kharkiv": incident_of(first, second), "odesa": incident_of(odesa), "first": first, "second": second}


def test_it_shows_one_card_per_incident_by_default(viewer_client, kharkiv_strike):
    response = get(viewer_client)
    assert incident_ids(response) == [kharkiv_strike["kharkiv"].pk, kharkiv_strike["odesa"].pk]
    assert parse_page(response).card_ids() == []  # no card per report
    assert parse_page(response).one(id="timeline-count").text == "2 incidents"


def test_it_shows_the_best_date_places_type_and_sources_of_an_incident(viewer_client, kharkiv_strike):
    card = parse_page(get(viewer_client)).one(id=f"incident-{kharkiv_strike['kharkiv'].pk}")
    assert card.one("time", cls="when").text == "2024-01-05"
    assert card.one("span", cls="type").text == "Strike"
    assert [chip.text for chip in card.select("span", cls="place")] == ["Kharkiv", "Saltivka"]
    assert [chip.text for chip in card.select("abbr", cls="country")] == ["UA", "RU"]
    assert card.one("p", cls="incident-sources").text == "Reported by 2 sources: Reuters, BBC"
    assert card.one("p", cls="record-summary").text == "Missiles hit Kharkiv overnight."


def test_it_counts_the_articles_of_one_outlet_as_sources(viewer_client, make_article, make_event):
    reports = [
        make_event(article=make_article(outlet=outlet), type="strike", places=["Kyiv"])
        for outlet in ("Reuters", "Reuters", "BBC")
    ]
    incident = incident_of(*reports)
    card = parse_page(get(viewer_client)).one(id=f"incident-{incident.pk}")
    assert card.one("p", cls="incident-sources").text == "Reported by 3 sources: Reuters (2), BBC"


def test_it_gives_the_most_precise_date_any_report_gives(viewer_client, make_event):
    told_for_the_week = make_event(type="battle", date=D(2024, 1, 1), precision="week")
    told_for_the_day = make_event(type="battle", date=D(2024, 1, 3), precision="day")
    incident = incident_of(told_for_the_week, told_for_the_day)
    Incident.objects.filter(pk=incident.pk).update(date=D(2024, 1, 3))  # the earliest *day*, as grouping stores it
    card = parse_page(get(viewer_client)).one(id=f"incident-{incident.pk}")
    assert card.one("time", cls="when").text == "2024-01-03"


def test_it_expands_to_every_report_with_its_sentence_and_links(viewer_client, kharkiv_strike):
    incident, first, second = kharkiv_strike["kharkiv"], kharkiv_strike["first"], kharkiv_strike["second"]
    card = parse_page(get(viewer_client)).one(id=f"incident-{incident.pk}")
    reports = card.one("details", cls="incident-reports-list")
    assert reports.one("summary").text == "Show the 2 reports"
    listed = reports.select("li", cls="incident-report")
    assert [item.get("id") for item in listed] == [f"report-{first.pk}", f"report-{second.pk}"]
    assert listed[0].one("blockquote").text == "Missiles hit Kharkiv overnight."
    assert listed[1].one("a").get("href") == f"/articles/{second.article_id}/#s-{second.span_start}"
    assert listed[1].one("span", cls="outlet").text == "BBC"
    assert reports.one("p", cls="incident-link").one("a").get("href") == reverse("incident", args=[incident.pk])


def test_it_shows_reports_one_by_one_with_view_reports(viewer_client, kharkiv_strike):
    response = get(viewer_client, view="reports")
    first, second = kharkiv_strike["first"], kharkiv_strike["second"]
    assert parse_page(response).card_ids() == [second.pk, first.pk, kharkiv_strike["odesa"].reports.get().pk]
    assert incident_ids(response) == []
    assert parse_page(response).one(id="timeline-count").text == "3 events"


def test_it_links_the_two_views_keeping_the_filters(viewer_client, kharkiv_strike):
    page = parse_page(get(viewer_client, type="strike", place="Kharkiv"))
    toggle = page.one("nav", cls="view-toggle")
    links = {link.text: link for link in toggle.select("a")}
    assert links["Report by report"].get("href") == "/?type=strike&place=Kharkiv&view=reports"
    assert links["By incident"].get("aria-current") == "page"
    reports = parse_page(get(viewer_client, type="strike", view="reports"))
    # The filter form carries the view on, so filtering the reports stays on the reports.
    assert reports.one("form", id="filters").one("input", name="view").get("value") == "reports"
    assert reports.one("nav", cls="view-toggle").one("a", aria_current="page").text == "Report by report"
    assert reports.one("a", id="export-losses").get("href") == "/export/losses.csv?type=strike"


def test_it_refuses_an_unknown_view(viewer_client, db):
    response = get(viewer_client, view="tiles")
    assert response.status_code == 400
    assert "“view” is “incidents”" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"place": "Saltivka"}, ["kharkiv"]),  # named by the BBC's report only
        ({"outlet": "Reuters"}, ["kharkiv"]),
        ({"country": "RU"}, ["kharkiv"]),
        ({"from": "2024-01-06"}, ["kharkiv"]),  # the BBC's day; the incident's own day is the 5th
        ({"to": "2024-01-04"}, ["odesa"]),
        ({"q": "Odesa"}, ["odesa"]),
        ({"type": "strike", "order": "oldest"}, ["odesa", "kharkiv"]),
        ({"type": "battle"}, []),
    ],
)
def test_it_shows_an_incident_when_any_of_its_reports_matches(viewer_client, kharkiv_strike, params, expected):
    response = get(viewer_client, **params)
    assert response.status_code == 200
    assert incident_ids(response) == [kharkiv_strike[name].pk for name in expected]
    if expected == ["kharkiv"]:
        # Every report of a matching incident is listed, not only the one that matched.
        assert len(parse_page(response).select("li", cls="incident-report")) == 2


def test_it_leaves_out_rejected_reports_and_their_incidents(viewer_client, kharkiv_strike):
    Event.objects.filter(pk=kharkiv_strike["second"].pk).update(review_state="rejected")
    Event.objects.filter(pk=kharkiv_strike["odesa"].reports.get().pk).update(review_state="rejected")
    response = get(viewer_client)
    assert incident_ids(response) == [kharkiv_strike["kharkiv"].pk]
    card = parse_page(response).one(id=f"incident-{kharkiv_strike['kharkiv'].pk}")
    assert card.one("p", cls="incident-sources").text == "Reported by 1 source: Reuters"
    assert incident_ids(get(viewer_client, review="rejected")) == [
        kharkiv_strike["kharkiv"].pk,
        kharkiv_strike["odesa"].pk,
    ]


def test_it_says_when_no_incident_matches(viewer_client, kharkiv_strike):
    html = get(viewer_client, type="battle").content.decode()
    assert "No incidents match these filters" in html


def test_it_sets_claims_side_by_side_never_summed(viewer_client, make_article, make_event, make_loss, make_pledge):
    per_ua = make_event(article=make_article(outlet="Kyiv Independent"), type="battle", places=["Avdiivka"])
    per_ru = make_event(article=make_article(outlet="TASS"), type="battle", places=["Avdiivka"])
    again_per_ua = make_event(article=make_article(outlet="Reuters"), type="battle", places=["Avdiivka"])
    make_loss(per_ua, min=800, max=800, reported_by="UA")
    make_loss(per_ru, min=300, max=300, reported_by="RU")
    make_loss(again_per_ua, min=850, max=850, reported_by="UA")
    make_loss(per_ru, side="UA", category="tanks", min=5, max=5, reported_by="RU")
    make_pledge(per_ua)
    make_pledge(again_per_ua)
    incident = incident_of(per_ua, per_ru, again_per_ua)
    figures = parse_page(get(viewer_client)).one(id=f"incident-{incident.pk}").one("ul", cls="figures")
    assert [line.text for line in figures.select("li")] == [
        # Claimants in alphabetical order; one claimant's differing figures as the range they span.
        "RU soldiers killed (past day): 300 per RU; 800–850 per UA",
        "UA tanks (past day): 5 per RU",
        "DE → UA: 14 Leopard 2, pledged",  # told twice, said once
    ]


def test_it_pages_incidents_by_keyset(viewer_client, make_event):
    incidents = [
        incident_of(make_event(type="strike", date=D(2024, 1, 1) + datetime.timedelta(days=i % 10))) for i in range(30)
    ]
    first = get(viewer_client)
    first_ids = incident_ids(first)
    assert len(first_ids) == 25
    assert parse_page(first).one(id="timeline-count").text == "30 incidents"
    more = parse_page(first).one(id="timeline-more").one("a", hx_get=True)
    assert more.text == "Load more incidents"
    [after] = parse_qs(urlsplit(str(more.get("hx-get"))).query)["after"]
    second = viewer_client.get(reverse("timeline"), {"after": after}, headers={**HTMX, "HX-Target": "timeline-more"})
    assert [template.name for template in second.templates][0] == "timeline-more"
    second_ids = incident_ids(second)
    assert len(second_ids) == 5
    in_order = sorted(incidents, key=lambda incident: (incident.date, incident.pk), reverse=True)
    assert first_ids + second_ids == [incident.pk for incident in in_order]


def test_it_renders_only_the_list_for_an_htmx_filter_change(viewer_client, kharkiv_strike):
    response = viewer_client.get(
        reverse("timeline"), {"place": "Odesa"}, headers={**HTMX, "HX-Target": "timeline-list"}
    )
    assert [template.name for template in response.templates][0] == "timeline-list"
    assert incident_ids(response) == [kharkiv_strike["odesa"].pk]


def _populate(make_article, make_event, make_loss, make_pledge, incidents: int) -> None:
    for number in range(incidents):
        day = D(2024, 1, 1) + datetime.timedelta(days=number % 20)
        reports = []
        for outlet in ("Reuters", "BBC", "TASS"):
            report = make_event(article=make_article(outlet=outlet), type="strike", date=day, places=["Kharkiv"])
            make_loss(report, reported_by=outlet[:2].upper())
            make_pledge(report)
            reports.append(report)
        incident_of(*reports)


@pytest.mark.parametrize("incidents", [3, 30])
def test_it_reads_the_incident_timeline_in_a_fixed_number_of_queries(
    editor_client, make_article, make_event, make_loss, make_pledge, django_assert_num_queries, incidents
):
    _populate(make_article, make_event, make_loss, make_pledge, incidents)
    editor_client.get(reverse("timeline"))  # session, permission caches and the filter lists warmed alike
    # session, user, permissions (2), incidents, their reports, losses, pledges, count, the filter lists' snapshot
    with django_assert_num_queries(10):
        response = editor_client.get(reverse("timeline"))
    assert len(incident_ids(response)) == min(incidents, 25)
    # Filtered: the same, and the two gazetteer look-ups of the place typed (TimelineFilterForm.clean_place).
    with django_assert_num_queries(12):
        editor_client.get(reverse("timeline"), {"country": "UA", "place": "Kharkiv", "from": "2024-01-02"})
    # A load-more page: no count, no filter lists.
    with django_assert_num_queries(8):
        editor_client.get(
            reverse("timeline"), {"after": f"2024-01-05.{10**6}"}, headers={**HTMX, "HX-Target": "timeline-more"}
        )
