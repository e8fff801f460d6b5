"""Chart and filter-list snapshots: computed once per change of the records, then read back; during
an ingest, the last one with its time while articles are processed, refreshed by the worker (through
settings.WARBOARD_AFTER_PROCESSING), never a stale one when idle."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import processing
from articles.models import Article, LossReport
from dashboard import snapshots
from tests.articles.conftest import ARTICLE_TEXT, fake_extract

D = datetime.date
UNFILTERED = "charts:"


def _version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM warboard_data_version")
        return cursor.fetchone()[0]


def _computed_at(key: str = UNFILTERED) -> datetime.datetime:
    with connection.cursor() as cursor:
        cursor.execute("SELECT computed_at FROM warboard_snapshot WHERE key = %s", [key])
        return cursor.fetchone()[0]


def _age_snapshot(seconds: int, key: str = UNFILTERED) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE warboard_snapshot SET computed_at = computed_at - make_interval(secs => %s) WHERE key = %s",
            [seconds, key],
        )


def _article(make_article, status: str) -> Article:
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status=status)
    return article


def _losses(client) -> list:
    return client.get(reverse("charts_json")).json()["losses"]["datasets"][0]["data"]


@pytest.fixture
def charted(viewer_client, make_event, make_loss):
    """800 soldiers charted (the snapshot stored), then the record changed to 900."""
    loss = make_loss(make_event(date=D(2024, 1, 5)), min=800, max=800)
    assert _losses(viewer_client) == [800]
    LossReport.objects.filter(pk=loss.pk).update(min=900, max=900)
    return loss


def test_it_moves_the_version_on_what_the_charts_read_not_on_an_articles_status(make_article):
    article = _article(make_article, Article.Status.QUEUED)
    before = _version()
    Article.objects.filter(pk=article.pk).claim()
    Article.objects.filter(pk=article.pk).fail("broken")
    Article.objects.filter(pk=article.pk).queue()
    assert _version() == before
    Article.objects.filter(pk=article.pk).update(outlet="BBC")
    assert _version() > before
    moved = _version()
    Article.objects.filter(pk=article.pk).update(title="Another title")
    assert _version() > moved


def test_it_serves_the_last_charts_with_their_time_while_articles_are_processed(viewer_client, make_article, charted):
    _article(make_article, Article.Status.QUEUED)
    _article(make_article, Article.Status.PROCESSING)
    as_of = _computed_at().strftime("%H:%M")

    page = viewer_client.get(reverse("charts")).content.decode()
    script = re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', page)
    assert script is not None
    drawn = json.loads(script.group(1))
    assert drawn["losses"]["datasets"][0]["data"] == [800]
    text = re.sub(r"\s+", " ", page)
    assert f"Figures as of {as_of} UTC, 2 articles being processed" in text
    data = viewer_client.get(reverse("charts_json")).json()
    assert data["losses"]["datasets"][0]["data"] == [800]
    assert data["being_processed"] == 2
    assert data["as_of"] == _computed_at().isoformat()


def test_it_never_serves_stale_charts_when_no_article_is_being_processed(viewer_client, make_article, charted):
    _article(make_article, Article.Status.DONE)
    _article(make_article, Article.Status.FAILED)
    page = viewer_client.get(reverse("charts")).content.decode()
    assert "Figures as of" not in page
    data = viewer_client.get(reverse("charts_json")).json()
    assert data["losses"]["datasets"][0]["data"] == [900]
    assert "as_of" not in data


def test_it_computes_charts_too_old_to_serve_even_while_articles_are_processed(viewer_client, make_article, charted):
    _article(make_article, Article.Status.QUEUED)
    _age_snapshot(snapshots.BURST_STALE_SECONDS + 1)
    assert _losses(viewer_client) == [900]


def test_it_serves_fresh_charts_once_the_worker_refreshed_them_at_the_end_of_the_queue(
    viewer_client, make_article, charted
):
    article = _article(make_article, Article.Status.PROCESSING)
    assert _losses(viewer_client) == [800]
    Article.objects.filter(pk=article.pk).update(status=Article.Status.DONE)
    assert snapshots.refresh() is True
    page = viewer_client.get(reverse("charts")).content.decode()
    assert "Figures as of" not in page
    assert _losses(viewer_client) == [900]


def test_it_refreshes_the_charts_at_most_every_minute_during_a_burst(viewer_client, make_article, charted):
    _article(make_article, Article.Status.QUEUED)
    assert snapshots.refresh() is False  # computed a moment ago
    assert _losses(viewer_client) == [800]
    _age_snapshot(snapshots.REFRESH_EVERY_SECONDS + 1)
    assert snapshots.refresh() is True
    data = viewer_client.get(reverse("charts_json")).json()
    assert data["losses"]["datasets"][0]["data"] == [900]
    assert "as_of" not in data  # current: nothing written since the refresh


@pytest.fixture
def uploaded(make_article, monkeypatch):
    """A queued article with ARTICLE_TEXT as its upload, and the stand-in extractor."""
    monkeypatch.setattr(processing, "run_extraction", fake_extract)

    def upload() -> Article:
        article = make_article(title="", text=ARTICLE_TEXT)
        Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED, text="")
        return article

    return upload


def test_processing_an_article_refreshes_the_charts_after_it_is_written(viewer_client, make_event, make_loss, uploaded):
    make_loss(make_event(date=D(2024, 1, 5)))
    viewer_client.get(reverse("charts_json"))
    article = uploaded()

    assert processing.process_article(article.pk) is True
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE
    with connection.cursor() as cursor:
        cursor.execute("SELECT version FROM warboard_snapshot WHERE key = %s", [UNFILTERED])
        assert cursor.fetchone()[0] == _version()  # refreshed after the article's records were written
    with CaptureQueriesContext(connection) as captured:
        data = viewer_client.get(reverse("charts_json")).json()
    assert not any("articles_event" in query["sql"] for query in captured)
    # The article's strike on 2023-01-02 (a Monday) and Germany's tanks are charted.
    assert "2023-01-02" in data["weekly"]["labels"]
    assert "DE" in [donor for group in data["pledges"]["equipment"]["groups"] for donor in group["labels"]]


def broken_after_processing(article_ids):
    raise RuntimeError(f"snapshot store unavailable for {article_ids}")


def test_a_step_that_fails_after_processing_is_logged_and_the_article_stays_done(uploaded, caplog, settings):
    settings.WARBOARD_AFTER_PROCESSING = [f"{__name__}.broken_after_processing", *settings.WARBOARD_AFTER_PROCESSING]
    article = uploaded()
    assert processing.process_article(article.pk) is True
    assert Article.objects.get(pk=article.pk).status == Article.Status.DONE
    assert "snapshot store unavailable" in caplog.text


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
