"""Every timeline filter selects the same records on the timeline, the charts and the three exports."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from tests.pages import parse_page

D = datetime.date


@pytest.fixture
def four_events(make_article, make_event, make_loss, make_pledge):
    """Four events from four articles, each with one loss and one pledge (its own donor).

    e4's text gives no day: it stands at its article's publication date, 2024-01-05.
    """
    specs = [
        ("e1", "Fighting near Bakhmut", "Reuters", D(2024, 1, 1), "battle", ["UA"], ["Bakhmut"], "US", "machine"),
        ("e2", "Missile strike", "BBC", D(2024, 2, 1), "strike", ["PL"], ["Odesa"], "GB", "machine"),
        ("e3", "Germany sends tanks", "Kyiv Independent", D(2024, 3, 1), "aid", ["DE"], ["Kyiv"], "DE", "confirmed"),
        ("e4", "Talks in Geneva", "AP", None, "diplomacy", [], [], "FR", "machine"),
    ]
    sentences = {
        "e1": "Heavy fighting went on near Bakhmut.",
        "e2": "A drone hit a port in Odesa.",
        "e3": "Berlin will send more tanks.",
        "e4": "Envoys met again.",
    }
    events = {}
    for name, title, outlet, date, kind, countries, places, donor, state in specs:
        article = make_article(title=title, outlet=outlet, text=f"{sentences[name]} More follows.")
        event = make_event(
            article=article,
            date=date,
            type=kind,
            summary=sentences[name],
            countries=countries,
            places=places,
            review_state=state,
        )
        # The review filter selects records by their own state: the figures share their event's.
        make_loss(event, side="RU", reported_by="UA", date=date, review_state=state)
        make_pledge(event, donor=donor, item=f"Item of {name}", date=date, review_state=state)
        events[name] = event
    return events


def _rows(client, name, params) -> list[dict]:
    response = client.get(reverse(f"export_{name}"), params)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))


FILTERS = [
    ({"from": "2024-02-01"}, ["e3", "e2"]),
    ({"to": "2024-01-31"}, ["e4", "e1"]),
    ({"to": "2024-01-31", "dated": "stated"}, ["e1"]),
    ({"type": ["battle", "strike"]}, ["e2", "e1"]),
    ({"country": "PL"}, ["e2"]),
    ({"country": ["pl", "FR"]}, ["e2", "e4"]),  # FR only gives a pledge: a country in any role
    ({"place": "Odesa"}, ["e2"]),
    ({"outlet": "BBC"}, ["e2"]),
    ({"review": "confirmed"}, ["e3"]),
    ({"q": "drones"}, ["e2"]),  # the sentence
    ({"q": "germany"}, ["e3"]),  # the article title
    ({"undated": "1"}, ["e4"]),
    ({"order": "oldest", "from": "2024-01-01"}, ["e1", "e4", "e2", "e3"]),
    ({"order": "oldest", "dated": "stated"}, ["e1", "e2", "e3"]),
]


@pytest.mark.parametrize(("params", "expected"), FILTERS)
def test_it_selects_the_same_records_on_every_page_and_export(viewer_client, four_events, params, expected):
    ids = [four_events[name].pk for name in expected]
    assert parse_page(viewer_client.get(reverse("timeline"), {"view": "reports", **params})).card_ids() == ids
    assert [int(row["event_id"]) for row in _rows(viewer_client, "events", params)] == ids
    assert [int(row["event_id"]) for row in _rows(viewer_client, "losses", params)] == ids
    assert [int(row["event_id"]) for row in _rows(viewer_client, "pledges", params)] == ids

    numbers = viewer_client.get(reverse("charts_json"), params).json()
    # The weekly chart counts an event, and the losses chart a figure, at its report date.
    assert numbers["weekly"]["events"] == len(expected)
    assert numbers["losses"]["reports"] == len(expected)
    donors = {four_events[name].pledges.get().donor for name in expected}
    charted = {donor for group in numbers["pledges"]["equipment"]["groups"] for donor in group["labels"]}
    assert charted == donors


def test_it_selects_one_article(viewer_client, four_events):
    article = four_events["e3"].article_id
    test_it_selects_the_same_records_on_every_page_and_export(viewer_client, four_events, {"article": article}, ["e3"])
