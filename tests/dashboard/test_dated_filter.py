"""Report dates: a record whose text gives no day stands at its article's publication date.

On the timeline ("reported 2024-03-05", under "Reported on 2024-03-05"), in date ranges
unless `dated=stated`, on the charts and in the exports; an editor sets an article's
publication date on its page, which moves its undated records.
"""

import csv
import datetime
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from articles.incidents import group_all
from articles.models import Article, Event
from tests.pages import parse_page

D = datetime.date
MARCH = {"from": "2024-03-01", "to": "2024-03-10"}


def timeline(client, **params):
    """The timeline report by report (these events are not grouped into incidents)."""
    response = client.get(reverse("timeline"), {"view": "reports", **params})
    assert response.status_code == 200, response.content
    return parse_page(response)


def chart_json(client, **params) -> dict:
    response = client.get(reverse("charts_json"), params)
    assert response.status_code == 200, response.content
    return response.json()


def export_ids(client, name, **params) -> list[int]:
    response = client.get(reverse(f"export_{name}"), params)
    assert response.status_code == 200
    rows = csv.reader(io.StringIO(response.getvalue().decode()))
    next(rows)
    return [int(row[0]) for row in rows]


@pytest.fixture
def reported(make_article, make_event):
    """An event whose text gives no day, in an article published 2024-03-05."""
    return make_event(article=make_article(published=D(2024, 3, 5)), date=None, type="aid")


def test_it_takes_in_an_undated_event_by_its_report_date(viewer_client, reported, make_event):
    stated = make_event(date=D(2024, 3, 3))
    make_event(date=D(2024, 2, 20))
    assert timeline(viewer_client, **MARCH).card_ids() == [reported.pk, stated.pk]
    assert timeline(viewer_client, **MARCH, dated="stated").card_ids() == [stated.pk]
    assert timeline(viewer_client, **{"from": "2024-03-06"}).card_ids() == []


def test_it_shows_the_report_date_apart_from_a_stated_day(viewer_client, reported, make_event):
    stated = make_event(date=D(2024, 3, 5))
    page = timeline(viewer_client)
    when = page.one(id=f"event-{reported.pk}").one("time", cls="when")
    assert when.text == "reported 2024-03-05"
    assert "when--reported" in when.classes and when.get("datetime") == "2024-03-05"
    stated_when = page.one(id=f"event-{stated.pk}").one("time", cls="when")
    assert stated_when.text == "2024-03-05" and "when--reported" not in stated_when.classes
    headings = [heading.text for heading in page.select("h3", cls="day-heading")]
    # The day its text states first, then the events placed there by their report date.
    assert headings == ["2024-03-05 Tuesday", "Reported on 2024-03-05 no day in the text"]
    assert page.card_ids() == [stated.pk, reported.pk]


def test_it_pages_from_the_stated_events_of_a_day_into_its_reported_ones(viewer_client, make_article, make_event):
    article = make_article(published=D(2024, 3, 5))
    reported = [make_event(article=article, date=None) for _ in range(2)]
    stated = [make_event(date=D(2024, 3, 5)) for _ in range(2)]
    for order, expected in (
        ("newest", [stated[1], stated[0], reported[1], reported[0]]),
        ("oldest", [stated[0], stated[1], reported[0], reported[1]]),
    ):
        seen, after = [], None
        while True:
            params = {"view": "reports", "order": order, **({"after": after} if after else {})}
            page = parse_page(viewer_client.get(reverse("timeline"), params))
            seen += page.card_ids()
            more = page.select(id="timeline-more")
            if not more:
                break
            [after] = parse_qs(urlsplit(str(more[0].one("a").get("href"))).query)["after"]
        assert seen == [event.pk for event in expected]
    # A page that starts among the reported events of a day continues them without a second heading.
    more = viewer_client.get(
        reverse("timeline"),
        {"view": "reports", "after": f"2024-03-05r.{reported[1].pk}"},
        headers={"HX-Request": "true", "HX-Target": "timeline-more"},
    )
    assert parse_page(more).card_ids() == [reported[0].pk]
    assert "day-heading" not in more.content.decode()
    after_stated = timeline(viewer_client, after=f"2024-03-05.{stated[0].pk}")
    assert after_stated.card_ids() == [reported[1].pk, reported[0].pk]


def test_it_keeps_undated_meaning_no_day_in_the_text(viewer_client, reported, make_event):
    make_event(date=D(2024, 3, 5))
    assert timeline(viewer_client, undated="1").card_ids() == [reported.pk]
    assert timeline(viewer_client, undated="1", **MARCH).card_ids() == [reported.pk]


@pytest.mark.parametrize("params", [{"dated": "someday"}, {"dated": "stated", "undated": "1"}], ids=str)
def test_it_answers_a_bad_dated_filter_with_400(viewer_client, db, params):
    response = viewer_client.get(reverse("timeline"), params)
    assert response.status_code == 400
    if "undated" in params:
        assert "exclude each other" in response.content.decode()


def test_it_offers_the_choice_and_keeps_it_in_the_links(viewer_client, make_event):
    for day in range(1, 28):
        make_event(date=D(2024, 3, day))
    page = timeline(viewer_client, dated="stated")
    select = page.one("select", id="id_dated")
    assert [option.text for option in select.select("option")] == ["Stated and reported", "Stated only"]
    assert select.one("option", selected=True).get("value") == "stated"
    load_more = page.one(id="timeline-more").one("a").get("href")
    assert "dated=stated" in str(load_more)
    exports = [page.one("a", id=f"export-{plural}") for plural in ("events", "losses", "pledges")]
    assert all("dated=stated" in str(link.get("href")) for link in exports)


def test_the_charts_count_an_undated_pledge_at_its_report_date(
    viewer_client, reported, make_event, make_pledge, make_loss
):
    make_pledge(reported, donor="DE", quantity=14)
    stated = make_event(date=D(2024, 3, 3), type="aid")
    make_pledge(stated, donor="PL", item="T-72", quantity=30, date=D(2024, 3, 3))
    make_pledge(make_event(date=D(2024, 2, 1), type="aid"), donor="US", item="Abrams", quantity=31, date=D(2024, 2, 1))

    both = chart_json(viewer_client, **MARCH)
    assert both["pledges"]["equipment"]["pledges"] == 2  # PL's stated and DE's reported, not US's
    # The weekly chart counts the undated event in the week of its report date (Monday 4 March).
    assert both["weekly"]["labels"] == ["2024-02-26", "2024-03-04"]
    assert both["weekly"]["events"] == 2
    stated_only = chart_json(viewer_client, **MARCH, dated="stated")
    assert stated_only["pledges"]["equipment"]["pledges"] == 1
    assert stated_only["weekly"]["events"] == 1
    # Their CSV links return the same records.
    assert len(export_ids(viewer_client, "pledges", **MARCH, status="pledged", aid="equipment")) == 2
    assert len(export_ids(viewer_client, "pledges", **MARCH, dated="stated", status="pledged")) == 1


def test_the_exports_take_in_an_undated_record_by_its_report_date(viewer_client, reported, make_loss):
    loss = make_loss(reported, date=None)
    assert export_ids(viewer_client, "events", **MARCH) == [reported.pk]
    assert export_ids(viewer_client, "losses", **MARCH) == [loss.pk]
    assert export_ids(viewer_client, "losses", **MARCH, dated="stated") == []
    assert export_ids(viewer_client, "losses", **{"to": "2024-03-04"}) == []


# The article page: an editor sets the publication date ------------------------------------


def set_published(client, article, value):
    return client.post(reverse("articles:published", args=[article.pk]), {"published": value})


def test_an_editor_sets_the_publication_date_and_the_undated_records_move(editor_client, reported, make_event):
    article = reported.article
    dated = make_event(article=article, date=D(2024, 3, 2))
    response = set_published(editor_client, article, "2024-03-08")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.published == D(2024, 3, 8)
    assert article.published_source == Article.PublishedSource.SUPPLIED
    assert Event.objects.get(pk=reported.pk).placed_on == D(2024, 3, 8)
    assert Event.objects.get(pk=dated.pk).placed_on == D(2024, 3, 2)
    page = editor_client.get(response["Location"])
    assert (
        "Publication date set to 2024-03-08: 1 event whose text gives no day now stands at it" in page.content.decode()
    )
    assert timeline(editor_client, **{"from": "2024-03-08"}).card_ids() == [reported.pk]


def test_the_article_page_offers_the_date_to_editors(editor_client, reported):
    url = reverse("articles:detail", args=[reported.article_id])
    form = parse_page(editor_client.get(url)).one("form", cls="published-form")
    assert form.one("input", name="published").get("value") == "2024-03-05"


def test_the_article_page_shows_viewers_the_date_only(viewer_client, reported):
    page = viewer_client.get(reverse("articles:detail", args=[reported.article_id]))
    assert "2024-03-05" in page.content.decode()
    assert not parse_page(page).select("form", cls="published-form")


def test_a_viewer_cannot_set_the_publication_date(viewer_client, reported):
    assert set_published(viewer_client, reported.article, "2024-03-08").status_code == 403
    reported.article.refresh_from_db()
    assert reported.article.published == D(2024, 3, 5)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2999-01-01", "cannot be in the future"),
        ("1899-12-31", "cannot be before"),
        ("5 March", "YYYY-MM-DD"),
        ("", "This field is required"),
    ],
)
def test_it_refuses_a_bad_publication_date_and_changes_nothing(editor_client, reported, value, message):
    response = set_published(editor_client, reported.article, value)
    assert response.status_code == 400
    error = parse_page(response).one("form", cls="published-form").one("p", cls="error")
    assert message in error.text
    reported.article.refresh_from_db()
    assert reported.article.published == D(2024, 3, 5)
    assert Event.objects.get(pk=reported.pk).placed_on == D(2024, 3, 5)


def test_it_answers_404_for_an_article_that_does_not_exist(editor_client, db):
    response = editor_client.post(reverse("articles:published", args=[999999]), {"published": "2024-03-08"})
    assert response.status_code == 404


def test_the_incident_timeline_places_an_incident_no_report_dates_at_its_report_date(
    viewer_client, reported, make_event
):

    stated = make_event(date=D(2024, 3, 5))
    make_event(date=D(2024, 2, 20))
    group_all()
    reported.refresh_from_db()
    stated.refresh_from_db()
    response = viewer_client.get(reverse("timeline"), MARCH)
    page = parse_page(response)
    cards = [str(card.get("id")) for card in page.select("li", cls="incident-card")]
    assert cards == [f"incident-{stated.incident_id}", f"incident-{reported.incident_id}"]
    when = page.one(id=f"incident-{reported.incident_id}").one("time", cls="when")
    assert when.text == "reported 2024-03-05" and "when--reported" in when.classes
    headings = [heading.text for heading in page.select("h3", cls="day-heading")]
    assert headings == ["2024-03-05 Tuesday", "Reported on 2024-03-05 no day in the text"]
    stated_only = parse_page(viewer_client.get(reverse("timeline"), {**MARCH, "dated": "stated"}))
    assert [str(card.get("id")) for card in stated_only.select("li", cls="incident-card")] == [
        f"incident-{stated.incident_id}"
    ]
