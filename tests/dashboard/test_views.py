"""The dashboard's views at scale: every list page and export in a fixed number of queries,
the bounded count, and the statement timeout. The timings themselves are `make bench-web`'s."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Event, LossReport
from tests.pages import parse_page

D = datetime.date
FRAGMENT = {"HX-Request": "true", "HX-Target": "timeline-list"}
MORE = {"HX-Request": "true", "HX-Target": "timeline-more"}


def _populate(make_article, make_event, make_loss, make_pledge, count):
    article = make_article(outlet="Reuters", title="Russian strikes on Kharkiv")
    for i in range(count):
        date = None if i % 7 == 0 else D(2024, 1, 1) + datetime.timedelta(days=i % 40)
        event = make_event(article=article, date=date, countries=["UA", "DE"], places=["Kharkiv"], type="strike")
        make_loss(event, date=date or D(2024, 1, 1))
        make_pledge(event, review_state="confirmed")
    return article


def _for_3_and_60_events(fixtures, measure) -> list:
    """measure() with 3 events in the database, then with 60."""
    results = []
    for size in (3, 60):
        Event.objects.all().delete()
        make_article, make_event, make_loss, make_pledge = fixtures
        _populate(make_article, make_event, make_loss, make_pledge, size)
        results.append(measure())
    return results


def _queries(client, url, params, headers=None) -> int:
    client.get(url, params, headers=headers or {})  # session, permissions and snapshots warmed alike
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params, headers=headers or {})
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200, response
    return len(captured)


FILTERS = [
    {},
    {"from": "2024-01-02", "to": "2024-01-20"},
    {"type": "strike"},
    {"country": "DE"},
    {"place": "Kharkiv"},
    {"outlet": "Reuters"},
    {"review": "confirmed"},
    {"undated": "1"},
    {"q": "Russian"},
    {"order": "oldest"},
]


@pytest.mark.parametrize("params", FILTERS, ids=lambda params: "&".join(params) or "unfiltered")
def test_it_reads_the_timeline_in_the_same_number_of_queries_for_3_or_60_events(
    viewer_client, make_article, make_event, make_loss, make_pledge, params
):
    url = reverse("timeline")
    reports = {"view": "reports", **params}
    counts = _for_3_and_60_events(
        (make_article, make_event, make_loss, make_pledge),
        lambda: (_queries(viewer_client, url, reports), _queries(viewer_client, url, reports, FRAGMENT)),
    )
    assert counts[0] == counts[1]
    # The fragment skips the filter lists; the page adds them from one snapshot read.
    assert counts[1][0] == counts[1][1] + 1


def test_it_reads_any_load_more_page_in_a_fixed_number_of_queries(
    viewer_client, make_article, make_event, make_loss, make_pledge
):
    _populate(make_article, make_event, make_loss, make_pledge, 80)
    counts, after, seen = [], None, []
    while True:
        params: dict[str, str] = {"view": "reports", **({"after": after} if after else {})}
        with CaptureQueriesContext(connection) as captured:
            response = viewer_client.get(reverse("timeline"), params, headers=MORE)
        page = parse_page(response)
        seen += page.card_ids()
        if after:
            counts.append(len(captured))
        more = page.select(id="timeline-more")
        if not more:
            break
        [after] = parse_qs(urlsplit(str(more[0].one("a").get("href"))).query)["after"]
    assert len(counts) == 3 and len(set(counts)) == 1
    # Newest first, undated last, every event once.
    expected = list(Event.objects.in_order().values_list("pk", flat=True))
    assert seen == expected


CHARTS_FRAGMENT = {"HX-Request": "true", "HX-Target": "charts-body"}


@pytest.mark.parametrize(
    ("name", "headers"), [("charts", None), ("charts", CHARTS_FRAGMENT), ("charts_json", None)], ids=str
)
def test_it_reads_the_charts_in_the_same_number_of_queries_for_3_or_60_events(
    viewer_client, make_article, make_event, make_loss, make_pledge, name, headers
):
    counts = _for_3_and_60_events(
        (make_article, make_event, make_loss, make_pledge),
        lambda: _queries(viewer_client, reverse(name), {"country": "DE"}, headers),
    )
    assert counts[0] == counts[1]


@pytest.mark.parametrize("name", ["events", "losses", "pledges"])
def test_it_exports_in_the_same_number_of_queries_for_3_or_60_events(
    viewer_client, make_article, make_event, make_loss, make_pledge, name
):
    counts = _for_3_and_60_events(
        (make_article, make_event, make_loss, make_pledge),
        lambda: _queries(viewer_client, reverse(f"export_{name}"), {}),
    )
    assert counts[0] == counts[1]


def test_it_counts_the_timeline_up_to_a_thousand(viewer_client, make_event, monkeypatch):
    from dashboard import views

    monkeypatch.setattr(views, "COUNT_LIMIT", 3)
    for _ in range(4):
        make_event()
    assert "3+ events" in viewer_client.get(reverse("timeline") + "?view=reports").content.decode()
    first = Event.objects.first()
    assert first is not None
    first.delete()
    assert "3 events" in viewer_client.get(reverse("timeline") + "?view=reports").content.decode()


def test_it_stops_a_runaway_query_with_a_clear_page(viewer_client, make_event, monkeypatch, settings):
    from dashboard import views

    settings.WEB_STATEMENT_TIMEOUT_MS = 100

    def slow(events):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_sleep(5)")
        return 0

    monkeypatch.setattr(views, "_bounded_count", slow)
    make_event()
    started = datetime.datetime.now()
    response = viewer_client.get(reverse("timeline"))
    assert (datetime.datetime.now() - started).total_seconds() < 3
    assert response.status_code == 503
    assert "This took too long to answer" in response.content.decode()


def test_it_leaves_management_commands_without_a_timeout(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "0"


@pytest.mark.parametrize("newest_first", [True, False], ids=["newest", "oldest"])
def test_it_bounds_the_dates_once_on_the_timeline_day(make_event, make_article, newest_first):
    from articles.querysets import RecordFilters

    before, inside, after = (make_event(date=D(2024, 1, day)) for day in (1, 5, 9))
    undated = make_event(date=None, article=make_article(published=None))

    def ids(**bounds) -> list[int]:
        filters = RecordFilters(**bounds)
        events = Event.objects.matching(filters).in_order(newest_first, filters)
        sql = str(events.query)
        # A range on `placed_on` beside the one on COALESCE(placed_on, ...) made the planner multiply
        # the two estimates (a month of 12,556 events estimated as 162) and sort the month.
        for column in ("date", "placed_on"):
            assert f'"articles_event"."{column}" >=' not in sql and f'"articles_event"."{column}" <=' not in sql
        found = list(events.values_list("pk", flat=True))
        return found if newest_first else found[::-1]

    assert ids(date_from=D(2024, 1, 2), date_to=D(2024, 1, 8)) == [inside.pk]
    assert ids(date_from=D(2024, 1, 5)) == [after.pk, inside.pk]
    assert ids(date_to=D(2024, 1, 5)) == [inside.pk, before.pk]  # not the undated one
    assert ids(undated=True) == [undated.pk]
    assert ids(undated=True, date_to=D(2024, 1, 5)) == []


def test_it_reads_an_unfiltered_records_event_through_one_join(make_event, make_loss):
    from articles.querysets import RecordFilters, Review

    shown = make_loss(make_event())
    under_rejected = make_loss(make_event(review_state="rejected"))
    rejected = make_loss(make_event(), review_state="rejected")
    default = LossReport.objects.matching(RecordFilters())
    # Not `event_id IN (SELECT ... FROM articles_event)`: the losses export probed each of a
    # million events a second time for it.
    assert "IN (SELECT" not in str(default.query)
    assert set(default.values_list("pk", flat=True)) == {shown.pk}
    everything = LossReport.objects.matching(RecordFilters(review=Review.ALL))
    assert "IN (SELECT" not in str(everything.query)
    assert set(everything.values_list("pk", flat=True)) == {shown.pk, under_rejected.pk, rejected.pk}
    only_rejected = LossReport.objects.matching(RecordFilters(review=Review.REJECTED))
    assert set(only_rejected.values_list("pk", flat=True)) == {rejected.pk}


def test_it_writes_the_filter_choices_as_the_form_selects_them(viewer_client, make_event):
    make_event(countries=["DE", "UA"])
    params = {"country": ["DE"], "type": ["strike", "aid"], "precision": "week", "order": "oldest"}
    page = parse_page(viewer_client.get(reverse("timeline"), params))
    countries = page.one("select", id="id_country")
    assert countries.get("multiple") is not None and countries.get("size") == "6"
    assert [(o.get("value"), o.text, o.get("selected") is not None) for o in countries.select("option")] == [
        ("DE", "DE · Germany", True),
        ("UA", "UA · Ukraine", False),
    ]
    checked = [
        (i.get("id"), i.get("value")) for i in page.select("input", type="checkbox") if i.get("checked") is not None
    ]
    assert checked == [("id_type_1", "strike"), ("id_type_3", "aid"), ("id_precision_1", "week")]
    # The precisions read in lower case, as "Date: week".
    assert [label.text for label in page.one("fieldset", cls="field-precision").select("label")][1:] == [
        "day",
        "week",
        "month",
        "year",
    ]
    # A single choice with nothing chosen selects its empty option, as Django's Select does.
    [review] = [
        o.get("value") for o in page.one("select", id="id_review").select("option") if o.get("selected") is not None
    ]
    assert review == ""
    assert [
        o.get("value") for o in page.one("select", id="id_order").select("option") if o.get("selected") is not None
    ] == ["oldest"]
    assert [o.get("value") for o in page.one("datalist", id="outlet-names").select("option")] == ["Kyiv Independent"]


def test_it_shows_each_record_card_as_text_read_once_per_card(
    viewer_client, make_event, make_loss, make_pledge, settings
):
    """record_card gives each card its labels and dates as text (dashboard/templatetags/records.py)."""
    settings.TIME_ZONE = "Europe/Kyiv"
    event = make_event(type="strike", date=D(2024, 3, 4), precision="week", countries=["DE", "XX"], places=["Kharkiv"])
    loss_record = make_loss(event, date=D(2024, 3, 5), place="Izium")
    reviewed = datetime.datetime(2024, 3, 6, 22, 30, tzinfo=datetime.UTC)
    make_pledge(event, date=None, review_state="confirmed", reviewed_at=reviewed)
    page = parse_page(viewer_client.get(reverse("timeline") + "?view=reports"))
    card = page.one("article", id=f"event-{event.pk}")
    assert card.get("aria-label") == f"Strike event {event.pk}"
    assert card.one("span", cls="type").text == "Strike"
    assert (card.one("time", cls="when").get("datetime"), card.one("time", cls="when").text) == (
        "2024-03-04",
        "week of 2024-03-04",
    )
    assert card.one("span", cls="precision").text == "precision: week"
    assert [(abbr.text, abbr.get("title")) for abbr in card.select("abbr")] == [("DE", "Germany"), ("XX", "XX")]
    assert card.one("span", cls="review-state").text == "Not reviewed"
    loss = page.one("article", id=f"loss-{loss_record.pk}")
    assert loss.get("aria-label") == f"Loss {loss_record.pk}"
    assert loss.one("p", cls="record-phrase").text == "RU: 800 soldiers killed (past day) 2024-03-05 · Izium"
    assert loss.one("time").get("datetime") == "2024-03-05"
    pledge = page.one("article", cls="record--pledge")
    assert pledge.one("p", cls="record-phrase").select("time") == []
    # Reviewed by an account since deleted, at 22:30 UTC: past midnight in Kyiv.
    state = pledge.one("span", cls="review-state")
    assert state.text == "Confirmed by a former user, 2024-03-07 00:30"
    assert state.one("time").get("datetime") == "2024-03-07T00:30:00+02:00"
    published = page.one("li", id=f"card-{event.pk}").one("span", cls="published")
    assert (published.text, published.one("time").get("datetime")) == ("published 2024-01-05", "2024-01-05")
