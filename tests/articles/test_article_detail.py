"""One article: /articles/<id>/, with its text, its records and its processing status."""

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Event, LossReport
from articles.views import TextPart, highlighted
from tests.articles.conftest import PLEDGE, STRIKE


def url(article):
    return reverse("articles:detail", args=[article.pk])


def test_it_redirects_anonymous_users_to_log_in(client, make_article):
    response = client.get(url(make_article()))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["viewer_client", "editor_client"])
def test_it_shows_the_article_to_viewers_and_editors(who, request, done_article):
    response = request.getfixturevalue(who).get(url(done_article))
    assert response.status_code == 200
    assert "Missiles hit Kyiv as Germany pledges tanks" in response.content.decode()


def test_it_answers_404_for_an_unknown_article(viewer_client):
    assert viewer_client.get(reverse("articles:detail", args=[999999])).status_code == 404


def test_it_marks_each_record_sentence(viewer_client, done_article):
    page = viewer_client.get(url(done_article)).content.decode()
    strike_start = done_article.text.index(STRIKE)
    pledge_start = done_article.text.index(PLEDGE)
    assert f'<mark id="s-{strike_start}">{STRIKE}</mark>' in page
    assert f'<mark id="s-{pledge_start}">{PLEDGE}</mark>' in page
    assert f'href="#s-{strike_start}"' in page


def test_it_lists_events_with_their_losses_and_pledges(viewer_client, done_article):
    response = viewer_client.get(url(done_article))
    events = response.context["events"]
    assert [e.type for e in events] == ["strike", "aid"]
    assert [loss.category for loss in events[0].losses.all()] == ["civilians_killed"]
    assert [p.item for p in events[1].pledges.all()] == ["Leopard 2"]
    assert 'id="event-' in response.content.decode()  # rendered through components/record.html


def test_it_lists_undated_events(viewer_client, done_article):
    Event.objects.filter(article=done_article, type="aid").update(date=None, precision="")
    response = viewer_client.get(url(done_article))
    assert [e.type for e in response.context["events"]] == ["strike", "aid"]


def test_it_reads_a_fixed_number_of_queries(viewer_client, done_article, editor, django_assert_num_queries):
    for _ in range(5):
        event = Event.objects.create(
            article=done_article,
            type="battle",
            summary="x",
            span_start=0,
            span_end=5,
            review_state="confirmed",
            reviewed_by=editor,
        )
        LossReport.objects.create(
            article=done_article, event=event, side="RU", category="tanks", min=1, span_start=0, span_end=5
        )
    # session, user, permissions (two), article, events, their losses, their pledges: however many records
    with django_assert_num_queries(8):
        response = viewer_client.get(url(done_article))
    assert len(response.context["events"]) == 7


def test_it_polls_while_the_article_is_queued(viewer_client, make_article):
    article = make_article()
    page = viewer_client.get(url(article)).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="{url(article)}"' in page
    assert "Waiting for a worker" in page


def test_it_serves_the_status_fragment_to_htmx(viewer_client, make_article):
    article = make_article()
    response = viewer_client.get(url(article), headers={"HX-Request": "true", "HX-Target": "article-status"})
    assert [t.name for t in response.templates] == ["article-status"]  # the partial alone
    assert response.content.decode().lstrip().startswith('<div id="article-status"')
    assert 'hx-trigger="every 2s"' in response.content.decode()
    assert "HX-Refresh" not in response


def test_it_stops_polling_and_reloads_once_done(viewer_client, done_article):
    response = viewer_client.get(url(done_article), headers={"HX-Request": "true", "HX-Target": "article-status"})
    assert response["HX-Refresh"] == "true"
    assert "hx-trigger" not in response.content.decode()
    assert "hx-trigger" not in viewer_client.get(url(done_article)).content.decode()


def test_it_shows_the_failure_and_a_retry_button_to_editors(editor_client, make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="failed", failure_reason="No article text was left.")
    page = editor_client.get(url(article)).content.decode()
    assert "No article text was left." in page
    assert f'action="{reverse("articles:retry", args=[article.pk])}"' in page
    assert "Retry</button>" in page


def test_it_shows_no_retry_button_to_viewers(viewer_client, make_article):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="failed", failure_reason="Broken.")
    page = viewer_client.get(url(article)).content.decode()
    assert "Broken." in page
    assert "Retry</button>" not in page


def test_it_shows_a_running_article_as_processing_without_retry(editor_client, make_article, live_worker):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="processing", processed_at=timezone.now())
    live_worker(article)
    page = editor_client.get(url(article)).content.decode()
    assert "Cleaning the text and extracting records" in page
    assert 'hx-trigger="every 2s"' in page
    assert "Retry</button>" not in page


def test_it_shows_an_article_whose_worker_died_as_stalled_and_offers_retry(editor_client, make_article, live_worker):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(status="processing", processed_at=timezone.now())
    live_worker(article)
    live_worker.die()  # the worker was killed in the middle
    response = editor_client.get(url(article), headers={"HX-Request": "true", "HX-Target": "article-status"})
    fragment = response.content.decode()
    assert "Stalled</span> The worker processing this article stopped before it finished" in fragment
    assert "The next worker to start queues it again." in fragment
    assert "Retry</button>" in fragment
    assert 'hx-trigger="every 2s"' in fragment  # the page follows it once a worker queues it again
    assert Article.objects.get(pk=article.pk).status == "processing"  # a GET writes nothing


def test_it_merges_nested_and_overlapping_spans():
    text = "0123456789abcdef"
    parts, anchors = highlighted(text, [(2, 8), (3, 5), (7, 10), (12, 14)])
    assert parts == [
        TextPart("01"),
        TextPart("23456789", mark=2),
        TextPart("ab"),
        TextPart("cd", mark=12),
        TextPart("ef"),
    ]
    assert anchors == {2: 2, 3: 2, 7: 2, 12: 12}


def test_it_escapes_the_article_text(viewer_client, make_article, fake_extraction):
    from articles import processing

    article = make_article("A line with <script>alert(1)</script> in it, ending well.\n")
    processing.process_article(article.pk)
    page = viewer_client.get(url(article)).content.decode()
    assert "<script>alert(1)" not in page
