"""The map page: places of the matching events by type, all weeks or one week, diplomacy left out."""

import datetime
import json

import pytest
from django.urls import reverse

from articles.incidents import group_all
from articles.models import Incident, Place
from dashboard import snapshots
from dashboard.maps import TYPE_COLOURS
from tests.pages import parse_page

D = datetime.date


@pytest.fixture
def places(db):
    for name, country, latitude, longitude in (
        ("Bakhmut", "UA", 48.5956, 38.0003),
        ("Kharkiv", "UA", 49.9935, 36.2304),
        ("Kyiv", "UA", 50.45, 30.5236),
        ("Washington", "US", 38.9072, -77.0369),
    ):
        Place.objects.create(name=name, country=country, latitude=latitude, longitude=longitude)


def get(client, **params):
    return client.get(reverse("map"), params)


def map_data(response) -> dict:
    assert response.status_code == 200, response.content
    return json.loads(parse_page(response).one("script", id="map-data").text)


def points(response) -> dict[str, dict]:
    return {point["name"]: point for point in map_data(response)["points"]}


def listed_links(response) -> dict[str, str | None]:
    """The places beside the map and their timeline links."""
    items = parse_page(response).one("ol", cls="map-place-list").select("a")
    return {item.text: item.get("href") for item in items}


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    response = get(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_is_in_the_site_navigation(viewer_client, db):
    page = parse_page(viewer_client.get(reverse("timeline")))
    assert page.one("nav", aria_label="Main").one("a", href="/map/").text == "Map"
    nav = parse_page(get(viewer_client)).one("nav", aria_label="Main")
    assert nav.one("a", href="/map/").get("aria-current") == "page"


def test_it_counts_the_events_of_each_type_at_each_place(viewer_client, places, make_event):
    make_event(type="battle", places=["Bakhmut"])
    make_event(type="battle", places=["Bakhmut", "Kharkiv"])
    make_event(type="strike", places=["Bakhmut"])
    make_event(type="strike", places=["Kharkiv", "Kharkiv"])
    found = points(get(viewer_client))
    assert [(name, p["incidents"], p["reports"], p["types"]) for name, p in found.items()] == [
        ("Bakhmut", 3, 3, [["battle", 2], ["strike", 1]]),
        ("Kharkiv", 2, 2, [["battle", 1], ["strike", 1]]),
    ]
    assert found["Bakhmut"]["latitude"] == pytest.approx(48.5956)


def test_it_counts_an_incident_once_however_many_reports_tell_it(viewer_client, places, make_event):
    strike = Incident.objects.create(type="strike", date=D(2024, 3, 5))
    for _ in range(3):
        make_event(type="strike", date=D(2024, 3, 5), places=["Kharkiv"], incident=strike)
    make_event(type="strike", date=D(2024, 3, 6), places=["Kharkiv"])  # not grouped: one of its own
    make_event(type="battle", date=D(2024, 3, 5), places=["Bakhmut"])
    response = get(viewer_client)
    kharkiv = points(response)["Kharkiv"]
    assert (kharkiv["incidents"], kharkiv["reports"], kharkiv["types"]) == (2, 4, [["strike", 2]])
    listed = parse_page(response).one("ol", cls="map-place-list").select("li")
    assert [item.text for item in listed] == ["Kharkiv 2 incidents, 4 reports", "Bakhmut 1 incident"]


def test_it_colours_each_type_apart_with_a_legend(viewer_client, places, make_event):
    make_event(type="battle", places=["Bakhmut"])
    make_event(type="strike", places=["Bakhmut"])
    make_event(type="strike", places=["Kharkiv"])
    response = get(viewer_client)
    legend = map_data(response)["legend"]
    assert legend == [
        {"type": "battle", "label": "Battle", "colour": TYPE_COLOURS["battle"], "incidents": 1},
        {"type": "strike", "label": "Strike", "colour": TYPE_COLOURS["strike"], "incidents": 2},
    ]
    assert TYPE_COLOURS["battle"] != TYPE_COLOURS["strike"]
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS) <= 10
    items = parse_page(response).one("ul", cls="map-legend").select("li")
    assert [item.text for item in items] == ["Battle 1", "Strike 2"]
    assert items[1].one("circle").get("fill") == TYPE_COLOURS["strike"]


def test_it_leaves_out_diplomacy_and_sanctions_unless_asked(viewer_client, places, make_event):
    make_event(type="diplomacy", places=["Kyiv"])
    make_event(type="sanctions", places=["Washington"])
    make_event(type="strike", places=["Kharkiv"])
    response = get(viewer_client)
    assert list(points(response)) == ["Kharkiv"]
    assert "Beyond this map" not in response.content.decode()
    note = parse_page(response).one("p", cls="map-note").text
    assert note.startswith("Left out: Diplomacy and Sanctions.")

    asked = get(viewer_client, diplomacy="1")
    assert list(points(asked)) == ["Kharkiv", "Kyiv"]
    assert "Diplomacy and sanctions are shown" in parse_page(asked).one("p", cls="map-note").text
    beyond = parse_page(asked).one("a", href="/?place=Washington")
    assert beyond.text == "Washington"


def test_it_shows_diplomacy_when_the_analyst_chooses_that_type(viewer_client, places, make_event):
    make_event(type="diplomacy", places=["Kyiv"])
    make_event(type="strike", places=["Kharkiv"])
    response = get(viewer_client, type="diplomacy")
    assert list(points(response)) == ["Kyiv"]
    assert parse_page(response).one("p", cls="map-note").text.startswith("Left out: Sanctions.")


def test_it_links_each_place_to_the_timeline_at_that_place_and_week(viewer_client, places, make_event):
    make_event(type="battle", date=D(2024, 3, 6), places=["Bakhmut"], countries=["UA"])
    response = get(viewer_client, week="2024-03-06", country="UA")
    link = listed_links(response)["Bakhmut"]
    expected_types = "".join(f"&type={t}" for t in TYPE_COLOURS if t not in ("diplomacy", "sanctions"))
    assert link == f"/?country=UA{expected_types}&from=2024-03-04&to=2024-03-10&place=Bakhmut"
    # The map's points link alike: map.js adds "place=<name>" to this.
    assert map_data(response)["timeline"] + "place=Bakhmut" == link
    listed = parse_page(response).one("ol", cls="map-place-list").select("li")
    assert [(item.one("a").get("href"), item.text) for item in listed] == [(link, "Bakhmut 1 incident")]
    group_all()  # as after processing: the timeline shows incidents
    timeline = parse_page(viewer_client.get(link))
    assert len(timeline.select("li", cls="incident-card")) == 1


def test_it_keeps_the_analysts_dates_inside_the_week(viewer_client, places, make_event):
    make_event(type="battle", date=D(2024, 3, 4), places=["Bakhmut"])
    make_event(type="battle", date=D(2024, 3, 8), places=["Kharkiv"])
    response = get(viewer_client, week="2024-03-04", **{"from": "2024-03-06"}, diplomacy="1")
    assert listed_links(response) == {"Kharkiv": "/?from=2024-03-06&to=2024-03-10&place=Kharkiv"}
    assert list(points(response)) == ["Kharkiv"]


def test_it_steps_through_the_weeks(viewer_client, places, make_event):
    make_event(type="battle", date=D(2024, 3, 5), places=["Bakhmut"])
    make_event(type="strike", date=D(2024, 3, 12), places=["Kharkiv"])
    make_event(type="strike", date=None, places=["Kyiv"])

    everything = get(viewer_client, country="")
    assert list(points(everything)) == ["Bakhmut", "Kharkiv", "Kyiv"]
    steps = parse_page(everything).one("nav", cls="week-steps")
    assert steps.one("h2").text == "All weeks"
    assert steps.one("a").get("href") == "/map/?week=2024-03-11"

    week = get(viewer_client, week="2024-03-13")
    assert list(points(week)) == ["Kharkiv"]
    steps = parse_page(week).one("nav", cls="week-steps")
    assert steps.one("h2").text == "Week of 2024-03-11 to 2024-03-17"
    assert steps.one("a", rel="prev").get("href") == "/map/?week=2024-03-04"
    assert steps.one("a", rel="next").get("href") == "/map/?week=2024-03-18"
    all_weeks = steps.select("a")[-1]
    assert (all_weeks.text, all_weeks.get("href")) == ("All weeks", "/map/")

    previous = get(viewer_client, week="2024-03-04")
    assert list(points(previous)) == ["Bakhmut"]
    assert "No event matching these filters in this week" in get(viewer_client, week="2024-03-18").content.decode()


def test_it_keeps_the_filters_on_the_week_links(viewer_client, places, make_event):
    make_event(type="battle", date=D(2024, 3, 5), places=["Bakhmut"], countries=["UA"])
    steps = parse_page(get(viewer_client, week="2024-03-04", country="UA", diplomacy="1")).one("nav", cls="week-steps")
    assert steps.one("a", rel="next").get("href") == "/map/?country=UA&diplomacy=1&week=2024-03-11"


def test_it_stops_at_the_ends_of_the_calendar(viewer_client, places, make_event):
    assert get(viewer_client, week="0001-01-01").status_code == 200
    last = get(viewer_client, week="9999-12-31")
    assert last.status_code == 200
    assert not parse_page(last).select("a", rel="next")


@pytest.mark.parametrize("week", ["banana", "2024-02-30", "2024-13-01"])
def test_it_answers_a_bad_week_with_400(viewer_client, db, week):
    response = get(viewer_client, week=week)
    assert response.status_code == 400
    assert "(week)" in parse_page(response).one("div", role="alert").text


def test_it_answers_bad_filters_with_400(viewer_client, db):
    assert get(viewer_client, country="Nowhere!").status_code == 400
    assert get(viewer_client, diplomacy="maybe").status_code == 200  # a checkbox: anything ticked is on


def test_it_lists_places_beyond_the_frame_and_without_coordinates(viewer_client, places, make_event):
    make_event(type="battle", places=["Washington", "Nowhere Village"])
    response = get(viewer_client)
    assert points(response) == {}
    html = response.content.decode()
    assert 'Beyond this map, not drawn: <a href="/?type=battle' in html
    assert "Places without coordinates, not drawn: Nowhere Village (1)." in html


def test_it_renders_only_the_map_body_for_htmx(viewer_client, places, make_event):
    make_event(type="battle", date=D(2024, 3, 5), places=["Bakhmut"])
    response = viewer_client.get(
        reverse("map"), {"week": "2024-03-04"}, headers={"HX-Request": "true", "HX-Target": "map-body"}
    )
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "map-body"
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="map-body"')
    assert response["HX-Push-Url"] == "/map/?week=2024-03-04"


def test_it_says_when_there_is_nothing_yet(viewer_client, db):
    assert "Nothing to map yet" in get(viewer_client).content.decode()


@pytest.mark.parametrize("count", [3, 30])
def test_it_uses_a_fixed_number_of_queries(viewer_client, places, make_event, django_assert_num_queries, count):
    names = ["Bakhmut", "Kharkiv", "Kyiv", "Washington", "Nowhere Village"]
    for i in range(count):
        make_event(type=["battle", "strike", "losses"][i % 3], date=D(2024, 3, 1 + i % 20), places=[names[i % 5]])
    get(viewer_client, week="2024-03-04")  # session, permissions and the filter lists warmed
    # session, user, permissions (2), the filter lists' snapshot, places by type, coordinates
    with django_assert_num_queries(7):
        assert get(viewer_client, week="2024-03-04").status_code == 200
    # All weeks: the same but the map's snapshot read instead of the counts; once after a
    # change, also the latest day, places by type, coordinates, and the snapshot stored
    # (old ones deleted, this one written).
    with django_assert_num_queries(6 + 5):
        assert get(viewer_client).status_code == 200
    # ...and read back until the records change.
    with django_assert_num_queries(6):
        assert get(viewer_client).status_code == 200


def test_it_counts_again_when_the_records_change(viewer_client, places, make_event):
    make_event(type="battle", places=["Bakhmut"])
    assert list(points(get(viewer_client))) == ["Bakhmut"]
    make_event(type="battle", places=["Kharkiv"])
    assert list(points(get(viewer_client))) == ["Bakhmut", "Kharkiv"]


def test_the_worker_refreshes_the_map_of_all_weeks_before_its_first_visitor(
    viewer_client, places, make_event, django_assert_num_queries
):
    make_event(type="battle", date=D(2024, 3, 1), places=["Bakhmut"])
    get(viewer_client)  # the map of all weeks stored
    make_event(type="strike", date=D(2024, 3, 2), places=["Kharkiv"])
    assert snapshots.refresh(force=True) is True
    # Read back from the refreshed snapshot: no count, no latest day, nothing stored.
    with django_assert_num_queries(6):
        response = get(viewer_client)
    assert list(points(response)) == ["Bakhmut", "Kharkiv"]
