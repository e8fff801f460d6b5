"""Chart and filter-list snapshots: computed once per change of the records, then read back."""

import datetime
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, LossReport

D = datetime.date


def test_it_serves_the_charts_from_their_snapshot_until_a_record_changes(viewer_client, make_event, make_loss):
    event = make_event(date=D(2024, 1, 5))
    loss = make_loss(event, min=800, max=800)
    url = reverse("charts_json")
    first = viewer_client.get(url).json()
    with CaptureQueriesContext(connection) as captured:
        again = viewer_client.get(url).json()
    assert again == first
    assert sum("warboard_snapshot" in query["sql"] for query in captured) == 1
    assert not any("articles_lossreport" in query["sql"] for query in captured)

    LossReport.objects.filter(pk=loss.pk).update(min=900, max=900)
    changed = viewer_client.get(url).json()
    assert changed["losses"]["datasets"][0]["data"] == [900]
    assert first["losses"]["datasets"][0]["data"] == [800]


def test_it_keeps_the_snapshot_json_as_the_charts_gave_it(viewer_client, make_event, make_loss):
    make_loss(make_event(date=D(2024, 1, 5)))
    response = viewer_client.get(reverse("charts_json"))
    assert json.loads(response.content)["losses"]["labels"] == ["2024-01-05"]


def test_it_lists_a_new_country_at_once_unless_articles_are_being_processed(viewer_client, make_article, make_event):
    make_event(countries=["UA"])
    viewer_client.get(reverse("timeline"))
    make_event(countries=["PL"])
    assert 'value="PL"' in viewer_client.get(reverse("timeline")).content.decode()
    make_event(countries=["MD"])
    Article.objects.filter(pk=make_article().pk).update(status="queued")
    # An ingest under way: the lists computed a moment ago stand, rather than every page listing them again.
    assert 'value="MD"' not in viewer_client.get(reverse("timeline")).content.decode()
